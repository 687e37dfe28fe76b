#include "analyzer/cpp/shim_filesystem.h"

#include "analyzer/embedded_text.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <algorithm>
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

// `tf_message` -> TfMessage plus the spellings real packages use for acronyms, which the file
// name has lost (tf2_msgs::msg::TFMessage, autoware's HADMapRoute). Each segment between
// underscores is Capitalised; a segment of at most 4 characters may also be ALL CAPS ("tf" ->
// Tf, TF); a longer first segment may also start with 2 to 4 capitals and a capitalised rest
// ("hadmap" -> HADmap, HADMap, HADMAp). The combinations, derived name first, are cut at
// kMaxMessageNames: the rest are `using` aliases of the one derived type.
constexpr size_t kMaxMessageNames = 16;

std::string capitalised(const std::string &word) {
  std::string out = word;
  if (!out.empty())
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string allCaps(const std::string &word) {
  std::string out = word;
  for (char &c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> messageTypeNames(const std::string &stem) {
  std::vector<std::vector<std::string>> variants;
  size_t start = 0;
  while (start <= stem.size()) {
    size_t end = stem.find('_', start);
    std::string segment = stem.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!segment.empty()) {
      std::vector<std::string> forms{capitalised(segment)};
      if (segment.size() <= 4)
        forms.push_back(allCaps(segment));
      else if (variants.empty())
        for (size_t k = 2; k <= 4; ++k)
          forms.push_back(allCaps(segment.substr(0, k)) + capitalised(segment.substr(k)));
      variants.push_back(std::move(forms));
    }
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  std::vector<std::string> names{""};
  for (const std::vector<std::string> &forms : variants) {
    std::vector<std::string> next;
    for (const std::string &prefix : names)
      for (const std::string &form : forms)
        next.push_back(prefix + form);
    names = std::move(next);
  }
  std::vector<std::string> unique;
  for (const std::string &name : names)
    if (unique.size() < kMaxMessageNames && std::find(unique.begin(), unique.end(), name) == unique.end())
      unique.push_back(name);
  return unique;
}

// `std_msgs/msg/string.hpp` -> `namespace std_msgs::msg { struct String {...}; }`: ROS 2 names
// message types after their headers, so a stand-in can be made for any of them.
std::string messageStub(const std::string &package, const std::string &kind, const std::string &file) {
  std::vector<std::string> names = messageTypeNames(file.substr(0, file.size() - 4));
  const std::string type = names.front();
  std::string pointers = "  using SharedPtr = std::shared_ptr<" + type + ">;\n  using ConstSharedPtr = std::shared_ptr<const " +
                         type + ">;\n  using UniquePtr = std::unique_ptr<" + type + ">;\n";
  std::string body = "struct " + type + " {\n" + pointers + "  std::string data;\n";
  if (kind != "msg")
    for (const char *part : {"Request", "Response", "Goal", "Result", "Feedback"})
      body += "  struct " + std::string(part) + " {\n    using SharedPtr = std::shared_ptr<" + part +
              ">;\n    using ConstSharedPtr = std::shared_ptr<const " + part + ">;\n  };\n";
  body += "};\n";
  // An alias that is a macro's name (a one-word ALL-CAPS message, `EOF`) is left out.
  for (size_t i = 1; i < names.size(); ++i)
    body += "#ifndef " + names[i] + "\nusing " + names[i] + " = " + type + ";\n#endif\n";
  return "#pragma once\n#include <memory>\n#include <string>\nnamespace " + package + " { namespace " + kind + " {\n" +
         body + "} }\n";
}

// Packages with a stand-in of their own, analyzer/cpp/shims/<package>.hpp, served for any
// header of the package (`tf2_ros/buffer.h`, `rclcpp_action/create_server.hpp`).
const char *const kShimPackages[] = {"rclcpp",         "rclcpp_lifecycle", "rclcpp_action", "rclcpp_components",
                                     "tf2_ros",        "message_filters",  "image_transport", "pluginlib",
                                     "realtime_tools"};

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
    std::vector<std::string> parts;
    const std::string relative = path.substr(prefix.size()); // path iterators keep a reference
    for (auto it = llvm::sys::path::begin(relative), end = llvm::sys::path::end(relative); it != end; ++it)
      parts.push_back(it->str());
    const bool shimPackage =
        !parts.empty() && std::find_if(std::begin(kShimPackages), std::end(kShimPackages),
                                       [&](const char *p) { return parts[0] == p; }) != std::end(kShimPackages);
    llvm::StringRef ref(path);
    const bool header = ref.ends_with(".hpp") || (shimPackage && ref.ends_with(".h"));
    if (!header) {
      // Clang looks the directory up before the file: any directory here may hold stubs.
      made_.insert(path);
      addFile(path + "/.eventscope", 0, llvm::MemoryBuffer::getMemBuffer(""));
      return;
    }
    std::string text;
    if (shimPackage && parts.size() >= 2) {
      // One definition per package, whatever the path: <pkg>/<pkg>.hpp holds it (the
      // rclcpp_components macros live in the rclcpp stand-in).
      const std::string package = parts[0] == "rclcpp_components" ? "rclcpp" : parts[0];
      if (parts.size() == 2 && parts[1] == package + ".hpp")
        text = shimText((package + ".hpp").c_str());
      else
        text = "#pragma once\n#include <" + package + "/" + package + ".hpp>\n";
    } else if (parts.size() == 3 && (parts[1] == "msg" || parts[1] == "srv" || parts[1] == "action"))
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
