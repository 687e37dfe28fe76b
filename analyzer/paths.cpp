#include "analyzer/paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace eventscope {

std::string absoluteClean(const std::string &path) {
  llvm::SmallString<256> p(path);
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  std::string out(p);
  while (out.size() > 1 && out.back() == '/')
    out.pop_back();
  return out;
}

bool isUnder(std::string_view path, std::string_view dir) {
  return path == dir || (path.size() > dir.size() && path.substr(0, dir.size()) == dir && path[dir.size()] == '/');
}

std::string relativeTo(const std::string &path, const std::string &dir) {
  if (path == dir)
    return ".";
  if (dir == "/")
    return path.substr(1);
  if (isUnder(path, dir))
    return path.substr(dir.size() + 1);
  std::string parent(llvm::sys::path::parent_path(dir));
  return parent.empty() || parent == dir ? path : "../" + relativeTo(path, parent);
}

std::string relativeDirectory(const std::string &from, const std::string &to) {
  std::string relative = relativeTo(absoluteClean(to), absoluteClean(from));
  if (relative == ".")
    return "";
  if (relative.size() >= 2 && relative.compare(relative.size() - 2, 2, "/.") == 0)
    relative.pop_back(); // "../../." -> "../../"
  else
    relative += "/";
  return relative;
}

std::string shownPath(const std::string &path, const std::string &root) {
  llvm::SmallString<256> clean(path);
  llvm::sys::path::remove_dots(clean, /*remove_dot_dot=*/true);
  std::string p(clean);
  return p != root && isUnder(p, root) ? p.substr(root.size() + 1) : p;
}

} // namespace eventscope
