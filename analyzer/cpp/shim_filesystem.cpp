#include "analyzer/cpp/shim_filesystem.h"

#include "analyzer/embedded_text.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace eventscope {
namespace {

const EmbeddedText kShims[] = {
#include "builtin_shims.inc"
};

std::string shimText(const char *name) {
  for (const EmbeddedText &shim : kShims)
    if (std::string(shim.name) == name)
      return shim.text;
  return "";
}

// `std_msgs/msg/string.hpp` -> `namespace std_msgs::msg { struct String {...}; }`: ROS 2 names
// message types after their headers, so a stand-in can be made for any of them.
std::string messageStub(const std::string &package, const std::string &kind, const std::string &file) {
  std::string type;
  bool upper = true;
  for (char c : file.substr(0, file.size() - 4)) {
    if (c == '_') {
      upper = true;
      continue;
    }
    type += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  std::string pointers = "  using SharedPtr = std::shared_ptr<" + type + ">;\n  using ConstSharedPtr = std::shared_ptr<const " +
                         type + ">;\n  using UniquePtr = std::unique_ptr<" + type + ">;\n";
  std::string body = "struct " + type + " {\n" + pointers + "  std::string data;\n";
  if (kind != "msg")
    for (const char *part : {"Request", "Response", "Goal", "Result", "Feedback"})
      body += "  struct " + std::string(part) + " {\n    using SharedPtr = std::shared_ptr<" + part +
              ">;\n    using ConstSharedPtr = std::shared_ptr<const " + part + ">;\n  };\n";
  body += "};\n";
  return "#pragma once\n#include <memory>\n#include <string>\nnamespace " + package + " { namespace " + kind + " {\n" +
         body + "} }\n";
}

// Serves the stand-in headers under kShimRoot, made on first use: the rclcpp shim for any
// rclcpp/ header, and a message stub for any <package>/{msg,srv,action}/<name>.hpp. Added
// last to the include path, so real headers always win.
class ShimFileSystem : public llvm::vfs::InMemoryFileSystem {
public:
  ShimFileSystem() { addFile(std::string(kShimRoot) + "/.eventscope", 0, llvm::MemoryBuffer::getMemBuffer("")); }
  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &path) override {
    materialize(path.str());
    return InMemoryFileSystem::status(path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &path) override {
    materialize(path.str());
    return InMemoryFileSystem::openFileForRead(path);
  }

private:
  void materialize(std::string path) {
    llvm::SmallString<256> clean(path);
    llvm::sys::path::remove_dots(clean, true);
    path = std::string(clean);
    std::string prefix = std::string(kShimRoot) + "/";
    if (path.rfind(prefix, 0) != 0 || made_.count(path))
      return;
    if (!llvm::StringRef(path).ends_with(".hpp")) {
      // Clang looks the directory up before the file: any directory here may hold stubs.
      made_.insert(path);
      addFile(path + "/.eventscope", 0, llvm::MemoryBuffer::getMemBuffer(""));
      return;
    }
    std::vector<std::string> parts;
    const std::string relative = path.substr(prefix.size()); // path iterators keep a reference
    for (auto it = llvm::sys::path::begin(relative), end = llvm::sys::path::end(relative); it != end; ++it)
      parts.push_back(it->str());
    std::string text;
    if (parts.size() == 2 && parts[0] == "rclcpp" && parts[1] == "rclcpp.hpp")
      text = shimText("rclcpp.hpp");
    else if (parts.size() >= 2 && (parts[0] == "rclcpp" || parts[0] == "rclcpp_components"))
      text = "#pragma once\n#include <rclcpp/rclcpp.hpp>\n"; // one definition, whatever the path
    else if (parts.size() == 3 && (parts[1] == "msg" || parts[1] == "srv" || parts[1] == "action"))
      text = messageStub(parts[0], parts[1], parts[2]);
    if (text.empty())
      return;
    made_.insert(path);
    addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(text, path));
  }
  std::set<std::string> made_;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeShimFileSystem() {
  return llvm::makeIntrusiveRefCnt<ShimFileSystem>();
}

} // namespace eventscope
