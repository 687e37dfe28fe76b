#include "analyzer/cpp/ros_interfaces.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

namespace eventscope {
namespace {

bool isIdentifier(llvm::StringRef word) {
  if (word.empty() || !(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_'))
    return false;
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// `float32[]`, `geometry_msgs/Point[3]`, `string<=8[<=4]` -> the field's type and array.
bool readType(llvm::StringRef word, RosField &field) {
  size_t bracket = word.find('[');
  if (bracket != llvm::StringRef::npos) {
    if (!word.ends_with("]"))
      return false;
    llvm::StringRef size = word.slice(bracket + 1, word.size() - 1);
    field.array = RosField::Array::Unbounded;
    if (size.consume_front("<="))
      field.array = RosField::Array::Bounded;
    else if (!size.empty())
      field.array = RosField::Array::Fixed;
    if (!size.empty() && size.getAsInteger(10, field.arraySize))
      return false;
    word = word.take_front(bracket);
  }
  llvm::StringRef base = word.split("<=").first; // a bounded string's bound does not change its C++ type
  llvm::StringRef package, name = base;
  if (base.contains('/'))
    std::tie(package, name) = base.split('/');
  if (!isIdentifier(name) || (!package.empty() && !isIdentifier(package)))
    return false;
  field.type = base.str();
  return true;
}

} // namespace

std::optional<RosInterface> parseRosInterface(const std::string &text, std::string &error) {
  RosInterface out;
  out.sections.emplace_back();
  std::istringstream lines(text);
  std::string raw;
  for (unsigned number = 1; std::getline(lines, raw); ++number) {
    llvm::StringRef line = llvm::StringRef(raw).trim();
    if (line == "---") {
      out.sections.emplace_back();
      continue;
    }
    if (line.empty() || line.starts_with("#"))
      continue;
    RosField field;
    size_t space = line.find_first_of(" \t");
    llvm::StringRef typeWord = line.take_front(space);
    llvm::StringRef rest = space == llvm::StringRef::npos ? llvm::StringRef() : line.drop_front(space).ltrim();
    // After the type (whose `string<=5` bound is no `=`): `NAME=value` is a constant. A string
    // constant is the rest of its line, `#` included (ROS's rule); elsewhere `#` starts a
    // comment.
    size_t equals = rest.find('=');
    size_t hash = rest.find('#');
    bool constant = equals != llvm::StringRef::npos && (hash == llvm::StringRef::npos || equals < hash);
    if (!constant && hash != llvm::StringRef::npos)
      rest = rest.take_front(hash).rtrim();
    if (!readType(typeWord, field) || rest.empty()) {
      error = "line " + std::to_string(number) + ": expected `type name`, found `" + line.str() + "`";
      return std::nullopt;
    }
    if (constant) {
      auto [name, value] = rest.split('=');
      field.constant = true;
      field.name = name.trim().str();
      llvm::StringRef v = value.trim();
      if (field.type.rfind("string", 0) != 0 && v.contains('#'))
        v = v.take_front(v.find('#')).rtrim();
      field.value = v.str();
    } else {
      field.name = rest.split(' ').first.split('\t').first.str(); // a default value may follow
    }
    if (!isIdentifier(field.name)) {
      error = "line " + std::to_string(number) + ": `" + field.name + "` is not a field name";
      return std::nullopt;
    }
    out.sections.back().push_back(std::move(field));
  }
  return out;
}

std::string rosHeaderStem(const std::string &typeName) {
  static const std::regex beforeWord("(.)([A-Z][a-z]+)");
  static const std::regex afterLower("([a-z0-9])([A-Z])");
  std::string value = std::regex_replace(typeName, beforeWord, "$1_$2");
  value = std::regex_replace(value, afterLower, "$1_$2");
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value;
}

namespace {

const std::map<std::string, std::string> &primitiveTypes() {
  static const std::map<std::string, std::string> types{
      {"bool", "bool"},         {"byte", "uint8_t"},      {"char", "uint8_t"},     {"int8", "int8_t"},
      {"uint8", "uint8_t"},     {"int16", "int16_t"},     {"uint16", "uint16_t"},  {"int32", "int32_t"},
      {"uint32", "uint32_t"},   {"int64", "int64_t"},     {"uint64", "uint64_t"},  {"float32", "float"},
      {"float64", "double"},    {"string", "std::string"}, {"wstring", "std::u16string"}};
  return types;
}

// The C++ type of one field's element, adding the header it needs.
std::string elementType(const std::string &rosType, const std::string &package, RosVersion version,
                        std::vector<std::string> &includes) {
  llvm::StringRef type(rosType);
  if (type.starts_with("string"))
    return "std::string";
  if (type.starts_with("wstring"))
    return "std::u16string";
  if (auto it = primitiveTypes().find(rosType); it != primitiveTypes().end())
    return it->second;
  const bool two = version == RosVersion::Two;
  if (type == "time" || type == "duration") {
    const std::string name = type == "time" ? "Time" : "Duration";
    includes.push_back(two ? "builtin_interfaces/msg/" + rosHeaderStem(name) + ".hpp" : "ros/" + type.str() + ".h");
    return two ? "builtin_interfaces::msg::" + name : "ros::" + name;
  }
  std::string owner = package, name = rosType;
  if (type.contains('/'))
    std::tie(owner, name) = std::pair{type.split('/').first.str(), type.split('/').second.str()};
  else if (type == "Header")
    owner = "std_msgs"; // ROS 1's short name, kept by ROS 2's .msg files of ROS 1 origin
  includes.push_back(two ? owner + "/msg/" + rosHeaderStem(name) + ".hpp" : owner + "/" + name + ".h");
  return two ? owner + "::msg::" + name : owner + "::" + name;
}

std::string quoted(llvm::StringRef value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.drop_front().drop_back();
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

RosCppMembers rosCppMembers(const std::vector<RosField> &fields, const std::string &package, RosVersion version) {
  RosCppMembers out;
  for (const RosField &field : fields) {
    std::string type = elementType(field.type, package, version, out.includes);
    if (field.constant) {
      // A constant named as a macro (`ERROR`, `EOF`) would not compile; left out, as the
      // code that uses it cannot compile either.
      const bool text = type == "std::string" || type == "std::u16string";
      out.members += "#ifndef " + field.name + "\n  static constexpr " + (text ? std::string("const char *") : type) +
                     " " + field.name + " = " + (text ? quoted(field.value) : field.value) + ";\n#endif\n";
      continue;
    }
    switch (field.array) {
    case RosField::Array::None:
      break;
    case RosField::Array::Fixed:
      type = "std::array<" + type + ", " + std::to_string(field.arraySize) + ">";
      break;
    case RosField::Array::Unbounded:
    case RosField::Array::Bounded:
      type = "std::vector<" + type + ">";
      break;
    }
    out.members += "  " + type + " " + field.name + "{};\n";
    // rosidl's ROS 2 setters, one per field (`msg.set__data("x")`), returning the message;
    // its parameter named as rosidl names it, which no field can be (diagnostic_msgs'
    // KeyValue has a field `value`).
    if (version == RosVersion::Two)
      out.members += "  auto &set__" + field.name + "(const " + type + " &_arg) { this->" + field.name +
                     " = _arg; return *this; }\n";
  }
  std::sort(out.includes.begin(), out.includes.end());
  out.includes.erase(std::unique(out.includes.begin(), out.includes.end()), out.includes.end());
  return out;
}

std::vector<std::string> RosInterfaceIndex::defaultRoots() {
  std::vector<std::string> roots;
  std::error_code ec;
  // Every installed ROS distribution, newest name last; looked up before Debian's ROS 1
  // definitions, whose Header and time differ from ROS 2's.
  std::vector<std::string> distributions;
  for (llvm::sys::fs::directory_iterator it("/opt/ros", ec), end; it != end && !ec; it.increment(ec))
    distributions.push_back(it->path() + "/share");
  std::sort(distributions.rbegin(), distributions.rend());
  roots.insert(roots.end(), distributions.begin(), distributions.end());
  roots.push_back("/usr/share");
  return roots;
}

namespace {

// <name>pkg</name> of a package.xml (REP 149); the folder's name when it has none.
std::string packageName(const std::string &manifest) {
  auto buffer = llvm::MemoryBuffer::getFile(manifest);
  if (buffer) {
    llvm::StringRef text = (*buffer)->getBuffer();
    size_t open = text.find("<name>");
    size_t close = text.find("</name>", open);
    if (open != llvm::StringRef::npos && close != llvm::StringRef::npos)
      return text.slice(open + 6, close).trim().str();
  }
  return llvm::sys::path::filename(llvm::sys::path::parent_path(manifest)).str();
}

} // namespace

std::vector<std::string> RosInterfaceIndex::packageDirs(const std::string &package) const {
  std::call_once(walked_, [this] { walk(); });
  std::vector<std::string> dirs;
  if (auto it = projectPackages_.find(package); it != projectPackages_.end())
    dirs = it->second;
  for (const std::string &root : systemRoots_)
    dirs.push_back(root + "/" + package);
  return dirs;
}

void RosInterfaceIndex::walk() const {
  if (root_.empty())
    return;
  std::error_code ec;
  // Symbolic links are not followed: a link to a parent would walk forever (the analysis
  // follows them only when asked, `--follow-symlinks`).
  llvm::sys::fs::recursive_directory_iterator it(root_, ec, /*follow_symlinks=*/false), end;
  for (; it != end && !ec; it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (it->type() == llvm::sys::fs::file_type::directory_file) {
      if (name.starts_with(".") || name == "build" || name == "install" || name == "log" || name == "node_modules")
        it.no_push();
      continue;
    }
    if (name == "package.xml") {
      std::string dir = llvm::sys::path::parent_path(it->path()).str();
      projectPackages_[packageName(it->path())].push_back(dir);
    }
  }
  for (auto &[name, dirs] : projectPackages_)
    std::sort(dirs.begin(), dirs.end());
}

std::string RosInterfaceIndex::findByType(const std::string &package, const std::string &kind,
                                          const std::string &typeName, std::vector<std::string> *absent) const {
  for (const std::string &dir : packageDirs(package)) {
    std::string path = dir + "/" + kind + "/" + typeName + "." + kind;
    if (llvm::sys::fs::is_regular_file(path))
      return path;
    if (absent)
      absent->push_back(path);
  }
  return "";
}

std::string RosInterfaceIndex::findByStem(const std::string &package, const std::string &kind, const std::string &stem,
                                          std::string *typeName, std::vector<std::string> *absent) const {
  for (const std::string &dir : packageDirs(package)) {
    if (absent && !llvm::sys::fs::is_directory(dir + "/" + kind))
      absent->push_back(dir + "/" + kind);
    std::error_code ec;
    std::vector<std::string> matches;
    for (llvm::sys::fs::directory_iterator it(dir + "/" + kind, ec), end; it != end && !ec; it.increment(ec)) {
      llvm::StringRef file = llvm::sys::path::filename(it->path());
      if (!file.consume_back("." + kind))
        continue;
      if (rosHeaderStem(file.str()) == stem)
        matches.push_back(it->path());
    }
    if (!matches.empty()) {
      std::sort(matches.begin(), matches.end()); // one answer whatever the listing's order
      if (typeName)
        *typeName = llvm::sys::path::stem(matches.front()).str();
      return matches.front();
    }
  }
  return "";
}

} // namespace eventscope
