#include "analyzer/source_files.h"

#include "analyzer/input_error.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/GlobPattern.h>
#include <llvm/Support/Path.h>

#include <algorithm>

namespace eventscope {

struct PathGlobs::Pattern {
  std::string literalPrefix; // set when the pattern has no wildcard
  std::string globText;      // GlobPattern keeps a StringRef into it: it must outlive the glob
  std::optional<llvm::GlobPattern> glob;
  // Without `**`, a `*` stays inside one directory (as in .gitignore and shells, unlike
  // llvm::GlobPattern): the path must have as many '/' as the pattern.
  std::optional<size_t> slashes;
};

PathGlobs::PathGlobs() = default;
PathGlobs::~PathGlobs() = default;
PathGlobs::PathGlobs(PathGlobs &&) noexcept = default;
PathGlobs &PathGlobs::operator=(PathGlobs &&) noexcept = default;

static std::string normalizePattern(std::string pattern) {
  while (pattern.rfind("./", 0) == 0)
    pattern.erase(0, 2);
  while (pattern.size() > 1 && pattern.back() == '/')
    pattern.pop_back();
  // `**/` is "any directories, or none"; llvm::GlobPattern's `*` already crosses '/'.
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 3, "**/") == 0) {
      out += "{,*/}";
      i += 3;
    } else if (pattern.compare(i, 2, "**") == 0) {
      out += "*";
      i += 2;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

PathGlobs::PathGlobs(const std::vector<std::string> &patterns, const Location &where) {
  for (const std::string &text : patterns) {
    auto pattern = std::make_unique<Pattern>();
    std::string normalized = normalizePattern(text);
    if (normalized.find_first_of("*?[{") == std::string::npos) {
      pattern->literalPrefix = normalized;
    } else {
      pattern->globText = normalized;
      auto glob = llvm::GlobPattern::create(pattern->globText, /*MaxSubPatterns=*/1024);
      if (!glob)
        throw InputError(where, "invalid path pattern '" + text + "': " + llvm::toString(glob.takeError()));
      pattern->glob = std::move(*glob);
      if (text.find("**") == std::string::npos && text.find('{') == std::string::npos)
        pattern->slashes = std::count(normalized.begin(), normalized.end(), '/');
    }
    patterns_.push_back(std::move(pattern));
  }
}

bool PathGlobs::matches(const std::string &path) const {
  for (const auto &pattern : patterns_) {
    if (pattern->glob) {
      if (pattern->glob->match(path) &&
          (!pattern->slashes || static_cast<size_t>(std::count(path.begin(), path.end(), '/')) == *pattern->slashes))
        return true;
    } else {
      const std::string &prefix = pattern->literalPrefix;
      if (prefix == "." || path == prefix ||
          (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 && path[prefix.size()] == '/'))
        return true;
    }
  }
  return false;
}

static std::string absoluteClean(const std::string &path) {
  llvm::SmallString<256> p(path);
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  std::string out(p);
  while (out.size() > 1 && out.back() == '/')
    out.pop_back();
  return out;
}

// `path` relative to `dir` ('/'-separated; "../" steps when outside it).
static std::string relativeTo(const std::string &path, const std::string &dir) {
  if (path == dir)
    return ".";
  if (dir == "/")
    return path.substr(1);
  if (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/')
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

SystemLayout SystemLayout::create(const std::string &root, const Config &config) {
  SystemLayout layout;
  layout.root = absoluteClean(root);
  layout.baseDir = config.baseDir.empty() ? layout.root : absoluteClean(config.baseDir);
  for (const ServicePaths &service : config.services)
    layout.services.emplace_back(service.name, PathGlobs(service.globs, service.location));
  layout.exclude = PathGlobs(config.exclude, config.excludeAt);
  return layout;
}

std::string SystemLayout::relativeToBase(const std::string &path) const {
  bool absolute = llvm::sys::path::is_absolute(path);
  return relativeTo(absoluteClean(absolute ? path : root + "/" + path), baseDir);
}

std::string SystemLayout::relativeToRoot(const std::string &absolutePath) const {
  return relativeTo(absoluteClean(absolutePath), root);
}

std::string SystemLayout::serviceOf(const std::string &absolutePath) const {
  std::string clean = absoluteClean(absolutePath);
  std::string fromBase = relativeTo(clean, baseDir);
  for (const auto &[name, globs] : services)
    if (globs.matches(fromBase))
      return name;
  std::string fromRoot = relativeTo(clean, root);
  size_t slash = fromRoot.find('/');
  if (slash == std::string::npos || fromRoot.rfind("../", 0) == 0)
    return std::string(llvm::sys::path::filename(root));
  return fromRoot.substr(0, slash);
}

std::vector<std::string> SystemLayout::findFiles(const PathGlobs &globs) const {
  std::vector<std::string> found;
  if (globs.empty())
    return found;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(root, ec, /*follow_symlinks=*/false), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    auto type = it->type();
    if (type == llvm::sys::fs::file_type::directory_file) {
      if (name.starts_with(".") || name == "node_modules" || name == "CMakeFiles")
        it.no_push();
      continue;
    }
    if (type != llvm::sys::fs::file_type::regular_file)
      continue;
    std::string path = it->path();
    std::string relative = relativeTo(path, baseDir);
    if (globs.matches(relative) && (exclude.empty() || !exclude.matches(relative)))
      found.push_back(path);
  }
  std::sort(found.begin(), found.end());
  return found;
}

} // namespace eventscope
