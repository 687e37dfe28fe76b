#include "analyzer/cpp/stand_ins.h"

#include <clang/Tooling/Inclusions/StandardLibrary.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace eventscope {
namespace {

bool identifierStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

size_t skipSpaces(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
    ++i;
  return i;
}

// One segment of the names, and what it must be declared as.
struct Node {
  bool isType = false;     // the last segment of some name: a struct
  bool isTemplate = false; // ... written with template arguments
  bool conflict = false;   // written both with and without template arguments
  // A template written with value arguments: per position, whether it is a value (the
  // longest list written), and the fewest arguments written; `kindsConflict` when two lists
  // disagree at a position.
  std::string valueArguments;
  size_t fewestArguments = SIZE_MAX;
  bool kindsConflict = false;
  bool isValue = false;    // an unqualified name used as a value
  bool memberValue = false; // the last segment of a qualified name used as a value
  bool staticMember = false; // a member of a stand-in read as a value (MissingName::standInMember)
  // A value a checked API's method is called on: a pointer (or reference) to its class.
  std::string pointsTo, pointsToTag;
  bool reference = false;
  // A stand-in base whose derived class calls a checked API's method on itself: that API's
  // class, its base (MissingName::baseMember).
  std::string derivesFrom;
  std::map<std::string, std::unique_ptr<Node>> children;
  // Declared as a variable: used as a value, and neither a type nor a namespace elsewhere.
  bool variable() const { return isValue && !isType && children.empty(); }
};

// The node of `segments` under `root`, made (with the ones above it) where missing.
Node &nodeAt(Node &root, const std::vector<std::string> &segments) {
  Node *node = &root;
  for (const std::string &segment : segments) {
    std::unique_ptr<Node> &child = node->children[segment];
    if (!child)
      child = std::make_unique<Node>();
    node = child.get();
  }
  return *node;
}

bool isKeyword(const std::string &word) {
  static const char *const keywords[] = {"std", "const", "typename", "template", "class", "struct", "enum",
                                         "return", "new", "delete", "sizeof", "decltype", "operator", "using",
                                         "namespace", "auto", "static", "virtual", "void", "int", "bool"};
  for (const char *keyword : keywords)
    if (word == keyword)
      return true;
  return false;
}

// Constructible from anything; the overloads taking eventscope_braced also take braced lists
// (`KafkaConsumer c({brokers}, group, {"topic"})`), which a deduced `A &&` cannot.
const char *const kPermissiveBody =
    " {\n  template <class... A> NAME(A &&...) {}\n"
    "  NAME(eventscope_braced); NAME(eventscope_braced, eventscope_braced); NAME(eventscope_braced, "
    "eventscope_braced, eventscope_braced);\n"
    "  NAME(eventscope_braced, eventscope_braced, eventscope_braced, eventscope_braced); NAME(eventscope_braced, "
    "eventscope_braced, eventscope_braced, eventscope_braced, eventscope_braced);\n";
// The type of a value of a missing header (an unqualified constant, a member of a missing
// base): it converts to whatever the call it is given to takes, so the call resolves as it
// would with the real declaration when only one overload fits.
// Written into as a stream too (`LOG_ERROR << e.what();` of a logging library whose header is
// missing: an error there loses the lambda it is in, and the call that lambda is given to).
// (Not also to `T &`: a non-const reference parameter would then take it, but
// `std::string(value)` and every by-value conversion become ambiguous between the two.)
const char *const kUnknownValue = "struct eventscope_unknown {\n  template <class... A> eventscope_unknown(A &&...) {}\n"
                                  "  template <class T> operator T() const;\n"
                                  "  template <class T> const eventscope_unknown &operator<<(const T &) const { return *this; }\n};\n";
// Any one argument, a braced list included.
const char *const kBraced = "struct eventscope_braced {\n  template <class... A> eventscope_braced(A &&...) {}\n};\n";

// `template <class...> `, or with value arguments (`Eigen::Matrix<double, 3, 1>`, which a
// pack of types cannot take) one parameter each, `auto` for a value, defaulted past the
// fewest written: `template <class A0, auto A1, auto A2, auto A3 = 0> `.
std::string templateHead(const Node &node) {
  if (!node.isTemplate)
    return "";
  // A name where some list has a value is taken for a value (`rows_` beside `3`): templates
  // of types alone are written with type names.
  if (node.valueArguments.find('v') == std::string::npos || node.kindsConflict)
    return "template <class...> ";
  std::string head = "template <";
  for (size_t i = 0; i < node.valueArguments.size(); ++i) {
    const bool value = node.valueArguments[i] != 't';
    head += std::string(i ? ", " : "") + (value ? "auto A" : "class A") + std::to_string(i);
    if (i >= node.fewestArguments)
      head += value ? " = 0" : " = void";
  }
  return head + "> ";
}

// `position`: the node's place among its siblings, so that enumerators differ (`case A:` and
// `case B:` of one switch must not both be 0).
void write(std::string &out, const std::string &name, const Node &node, bool insideStruct, int depth, int position = 0) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  if (node.conflict)
    return;
  // A qualifier spelled as a class is (`pcl::PointIndices::Ptr`, which code also writes
  // `new pcl::PointIndices`): a struct, whose nested names work as a namespace's would. A
  // namespace there derails the parser at the `new`.
  const bool classSpelling = depth > 0 && !name.empty() && std::isupper(static_cast<unsigned char>(name[0])) &&
                             std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  // `Color::OFF`: an enumerator in a struct, a variable in a namespace.
  if (node.staticMember && insideStruct && !node.isType && node.children.empty()) {
    out += indent + "static " + std::string(kUnknownValueType) + " " + name + ";\n";
    return;
  }
  if (node.memberValue && !node.isType && node.children.empty()) {
    out += indent + (insideStruct ? "enum : int { " + name + " = " + std::to_string(position) + " };\n"
                                  : "extern " + std::string(kUnknownValueType) + " " + name + ";\n");
    return;
  }
  if (node.isType || insideStruct || classSpelling) {
    std::string body = kPermissiveBody;
    // From after each replacement: a name may itself contain "NAME" (DUPLICATE_DATASET_NAME).
    for (size_t at = 0; (at = body.find("NAME", at)) != std::string::npos; at += name.size())
      body.replace(at, 4, name);
    for (size_t at = 0; (at = body.find('\n', at)) != std::string::npos && at + 1 < body.size(); at += indent.size() + 1)
      body.insert(at + 1, indent);
    if (!node.derivesFrom.empty()) {
      // Its constructor only declared: a body would have to construct the API's class,
      // whose constructors are not known here.
      body.replace(body.find(") {}"), 4, ");");
      out += indent + templateHead(node) + "struct " + name + " : public ::" + node.derivesFrom + body;
    } else {
      out += indent + templateHead(node) + "struct " + name + body;
    }
    int position = 0;
    for (const auto &[child, grandchild] : node.children)
      write(out, child, *grandchild, true, depth + 1, position++);
    out += indent + "};\n";
    return;
  }
  out += indent + "namespace " + name + " {\n";
  for (const auto &[child, grandchild] : node.children)
    write(out, child, *grandchild, false, depth + 1);
  out += indent + "}\n";
}

// What each argument of the template argument list that `text` starts inside (after its `<`)
// is (MissingName::valueArguments): a value when it starts with a digit, a sign or `(`, or is
// `true`/`false`; a type when it is a builtin type's keyword or holds `<`, `*` or `&`; else a
// name, either. Empty when the list does not close in `text`.
std::string valueArgumentsAt(std::string_view text) {
  std::string values;
  int depth = 0;
  size_t start = 0;
  auto argument = [&](size_t end) {
    std::string_view a = text.substr(start, end - start);
    while (!a.empty() && (a.front() == ' ' || a.front() == '\t'))
      a.remove_prefix(1);
    while (!a.empty() && (a.back() == ' ' || a.back() == '\t'))
      a.remove_suffix(1);
    static const std::set<std::string_view> builtins = {"double", "float", "int", "bool", "char", "long",
                                                         "short", "unsigned", "signed", "void", "size_t"};
    std::string_view first = a.substr(0, a.find(' '));
    if (!a.empty() && (std::isdigit(static_cast<unsigned char>(a.front())) || a.front() == '-' || a.front() == '+' ||
                       a.front() == '(' || a == "true" || a == "false"))
      values += 'v';
    else if (builtins.count(first) || a.find_first_of("<*&") != std::string_view::npos || first == "const")
      values += 't';
    else
      values += '?';
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<' || c == '(' || c == '[')
      ++depth;
    else if ((c == ')' || c == ']') && depth > 0)
      --depth;
    else if (c == '>' && depth > 0)
      --depth;
    else if (c == '>' || (c == ',' && depth == 0)) {
      argument(i);
      if (c == '>')
        return values;
      start = i + 1;
    }
  }
  return {};
}

} // namespace

std::optional<MissingName> missingNameAt(std::string_view text) {
  MissingName name;
  size_t i = 0;
  while (true) {
    i = skipSpaces(text, i);
    if (i >= text.size() || !identifierStart(text[i]))
      return name.segments.empty() ? std::nullopt : std::optional<MissingName>();
    size_t start = i;
    while (i < text.size() && identifierChar(text[i]))
      ++i;
    name.segments.emplace_back(text.substr(start, i - start));
    size_t next = skipSpaces(text, i);
    if (next + 1 < text.size() && text[next] == ':' && text[next + 1] == ':') {
      i = next + 2;
      continue;
    }
    if (next + 1 < text.size() && (text.substr(next, 2) == "->" || (text[next] == '.' && text[next + 1] != '.'))) {
      size_t member = skipSpaces(text, next + (text[next] == '.' ? 1 : 2));
      size_t end = member;
      while (end < text.size() && identifierChar(text[end]))
        ++end;
      if (end > member && identifierStart(text[member])) {
        name.memberAfter = std::string(text.substr(member, end - member));
        name.arrow = text[next] == '-';
      }
    }
    name.isTemplate = next < text.size() && text[next] == '<';
    name.isCall = next < text.size() && text[next] == '(';
    // `&&` but not `&` (`const X::Y &ref`), `:` but not `::`.
    const char after = next < text.size() ? text[next] : '\0';
    const char second = next + 1 < text.size() ? text[next + 1] : '\0';
    name.followedAsValue = std::string_view(")],;?=!|+-/%^}").find(after) != std::string_view::npos ||
                           (after == ':' && second != ':') || (after == '&' && second == '&');
    name.assigned = after == '=' && second != '=';
    if (name.isTemplate)
      name.valueArguments = valueArgumentsAt(text.substr(next + 1));
    return name;
  }
}

std::string standInDeclarations(const std::vector<MissingName> &names, bool c, bool *madeUp,
                                const std::map<std::string, std::string> *libraryHeaders,
                                const std::map<std::string, ApiClass> *methodOwners) {
  if (madeUp)
    *madeUp = false;
  Node root;
  std::set<std::string> headers; // declaredIn, sorted
  for (const MissingName &name : names)
    if (!name.declaredIn.empty() && !c)
      headers.insert(name.declaredIn);
  std::set<std::string> macros;
  for (const MissingName &name : names)
    if (name.isMacro && name.segments.size() == 1)
      macros.insert(name.segments.front() + (name.isCall ? "(...)" : ""));
  // C++20's std::format where the standard library has no <format> (GCC 12's libstdc++): a
  // project built with a newer one calls it without including <format> (another header of
  // that library includes it). Its stand-in header (shims/std_format.hpp), not a struct.
  static const std::set<std::string> formatNames = {"format",        "format_to",        "format_to_n",
                                                    "vformat",       "formatted_size",   "format_string",
                                                    "formatter",     "make_format_args", "format_error"};
  bool standardFormat = false;
  for (const MissingName &name : names)
    standardFormat = standardFormat || (!c && name.segments.size() == 2 && name.segments.front() == "std" &&
                                        formatNames.count(name.segments.back()));
  std::set<std::string> literalSuffixes;
  for (const MissingName &name : names)
    if (name.literalOperator && !c && name.segments.size() == 1)
      literalSuffixes.insert(name.segments.front());
  // A standard library name the project's header uses without including its header (a
  // header written to be included after another that brought <string> and <vector>, that
  // other one missing): the standard header Clang's own table gives for it (clangd's
  // include-cleaner table), never a stand-in. Without it the whole class is invalid, and
  // every member read on it (efu-legacy-modules, held-back Kafka set, session 45).
  std::set<std::string> standardHeaders; // as written in an #include: `<string>`
  for (const MissingName &name : names)
    if (!c && name.segments.size() == 2 && name.segments.front() == "std" && !formatNames.count(name.segments.back()))
      if (std::optional<clang::tooling::stdlib::Symbol> symbol =
              clang::tooling::stdlib::Symbol::named("std::", name.segments.back()))
        if (std::optional<clang::tooling::stdlib::Header> header = symbol->header())
          standardHeaders.insert(std::string(header->name()));
  std::set<std::string> unknownMembers; // of eventscope_unknown itself
  for (const MissingName &name : names) {
    if (name.literalOperator)
      continue;
    if (name.standInMember) {
      if (c || name.segments.size() < 2)
        continue;
      if (name.segments.size() == 2 && name.segments.front() == kUnknownValueType)
        unknownMembers.insert(name.segments.back());
      else
        nodeAt(root, name.segments).staticMember = true;
      continue;
    }
    if (!name.baseMember.empty()) {
      if (c || !methodOwners)
        continue;
      // A base must be complete: the header defining the API's class comes first.
      if (auto owner = methodOwners->find(name.baseMember);
          owner != methodOwners->end() && !owner->second.definedIn.empty()) {
        Node &base = nodeAt(root, name.segments);
        if (base.derivesFrom.empty() || owner->second.name < base.derivesFrom) {
          base.derivesFrom = owner->second.name;
          headers.insert(owner->second.definedIn);
        }
        base.isType = true;
      }
      continue;
    }
    if (!c && name.segments.size() == 2 && name.segments.front() == "std" && formatNames.count(name.segments.back()))
      continue;
    if (name.segments.empty() || isKeyword(name.segments.front()) || (!name.declaredIn.empty() && !c) ||
        name.declaredInProject ||
        (name.segments.size() == 1 && (macros.count(name.segments.front()) || macros.count(name.segments.front() + "(...)"))))
      continue;
    if (name.isValue && name.segments.size() > 1 && !name.isTemplate) {
      nodeAt(root, name.segments).memberValue = true;
      continue;
    }
    if (name.isValue) {
      if (name.segments.size() != 1 || name.isTemplate)
        continue;
      std::unique_ptr<Node> &child = root.children[name.segments.front()];
      if (!child)
        child = std::make_unique<Node>();
      child->isValue = true;
      if (methodOwners && !c && !name.memberAfter.empty())
        if (auto owner = methodOwners->find(name.memberAfter); owner != methodOwners->end() && child->pointsTo.empty()) {
          child->pointsTo = owner->second.name;
          child->pointsToTag = owner->second.tag;
          child->reference = !name.arrow;
        }
      continue;
    }
    Node *node = &nodeAt(root, name.segments);
    if (node->isType && node->isTemplate != name.isTemplate)
      node->conflict = true;
    node->isType = true;
    node->isTemplate = name.isTemplate;
    if (name.isTemplate) {
      const std::string &kinds = name.valueArguments;
      std::string &merged = node->valueArguments;
      for (size_t i = 0; i < std::min(kinds.size(), merged.size()); ++i) {
        if (merged[i] == '?')
          merged[i] = kinds[i]; // a name takes the kind another list shows
        else if (kinds[i] != '?' && kinds[i] != merged[i])
          node->kindsConflict = true;
      }
      if (kinds.empty()) // not closed on its line: its arguments are not known
        node->kindsConflict = node->kindsConflict || !merged.empty();
      else
        node->fewestArguments = std::min(node->fewestArguments, kinds.size());
      if (kinds.size() > merged.size())
        merged += kinds.substr(merged.size());
    }
  }
  // `using ns::Enum;` then `Enum::VALUE`: the first parse, the using-declaration failed, found
  // `Enum` undeclared at the top as well as `ns::Enum`; one stand-in, in ns.
  std::function<void(Node &, const std::string &, int, std::vector<Node *> &)> named =
      [&](Node &node, const std::string &wanted, int depth, std::vector<Node *> &found) {
        for (auto &[name, child] : node.children) {
          if (depth > 0 && name == wanted)
            found.push_back(child.get());
          named(*child, wanted, depth + 1, found);
        }
      };
  for (auto it = root.children.begin(); it != root.children.end();) {
    Node &top = *it->second;
    std::vector<Node *> same;
    if (!top.variable() && !top.children.empty())
      named(root, it->first, 0, same);
    if (same.size() != 1 || same.front()->isTemplate != top.isTemplate || same.front()->conflict || top.conflict) {
      ++it;
      continue;
    }
    Node &into = *same.front();
    into.isType = into.isType || top.isType;
    for (auto &[name, child] : top.children)
      if (!into.children.count(name))
        into.children[name] = std::move(child);
    it = root.children.erase(it);
  }
  if (root.children.empty() && headers.empty() && macros.empty() && !standardFormat && literalSuffixes.empty() &&
      unknownMembers.empty() && standardHeaders.empty())
    return "";
  // A system header: what it declares is library code to the visitor, never reported.
  std::string out = "#pragma GCC system_header\n// eventscope's stand-ins for names whose header is missing\n";
  if (c) {
    bool any = !macros.empty();
    for (const std::string &macro : macros)
      out += "#define " + macro + "\n";
    for (const auto &[name, node] : root.children)
      if (node->isType && !node->isTemplate && !node->conflict && node->children.empty()) {
        out += "typedef struct " + name + " " + name + ";\n";
        any = true;
      } else if (node->variable()) {
        out += "extern void *" + name + ";\n";
        any = true;
      }
    if (madeUp)
      *madeUp = any;
    return any ? out : "";
  }
  for (const std::string &header : headers)
    out += "#include \"" + header + "\"\n";
  for (const std::string &header : standardHeaders)
    out += "#include " + header + "\n";
  if (standardFormat)
    out += "#include <format>\n";
  for (const std::string &macro : macros)
    out += "#define " + macro + "\n";
  out += kBraced;
  // Boost.Bind's placeholders, which ROS 1 Noetic's headers put in the global namespace
  // (<boost/bind.hpp>) and Debian's, patched to <boost/bind/bind.hpp>, do not: ROS 1 code
  // writes `boost::bind(&Node::onScan, this, _1)` and means boost's `_1`.
  bool placeholders = false;
  for (auto it = root.children.begin(); it != root.children.end();)
    if (it->second->variable() && it->first.size() == 2 && it->first[0] == '_' && it->first[1] >= '1' &&
        it->first[1] <= '9') {
      placeholders = true;
      it = root.children.erase(it);
    } else {
      ++it;
    }
  if (placeholders)
    out += "#if __has_include(<boost/bind/bind.hpp>)\n#include <boost/bind/bind.hpp>\nusing namespace "
           "boost::placeholders;\n#endif\n";
  if (madeUp)
    *madeUp = !root.children.empty() || !macros.empty() || !literalSuffixes.empty();
  std::function<bool(const Node &)> holdsValue = [&](const Node &node) {
    return std::any_of(node.children.begin(), node.children.end(), [&](const auto &child) {
      return child.second->variable() || child.second->memberValue || child.second->staticMember ||
             holdsValue(*child.second);
    });
  };
  if (holdsValue(root) || !literalSuffixes.empty() || !unknownMembers.empty()) {
    std::string unknown = kUnknownValue;
    std::string members;
    for (const std::string &member : unknownMembers)
      members += "  static " + std::string(kUnknownValueType) + " " + member + ";\n";
    unknown.insert(unknown.rfind("};"), members);
    out += unknown;
  }
  // Every form a literal operator may take: a string, an integer, a floating and a character literal.
  for (const std::string &suffix : literalSuffixes)
    for (const char *parameters : {"const char *, decltype(sizeof(0))", "unsigned long long", "long double", "char"})
      out += std::string(kUnknownValueType) + " operator\"\"" + suffix + "(" + parameters + ");\n";
  for (const auto &[name, node] : root.children) {
    const std::string *header = nullptr;
    if (libraryHeaders && !node->variable())
      if (auto it = libraryHeaders->find(name); it != libraryHeaders->end())
        header = &it->second;
    const bool fromLibrary = header != nullptr;
    if (fromLibrary)
      out += "#if __has_include(<" + *header + ">)\n#include <" + *header + ">\n#else\n";
    if (node->variable() && !node->pointsTo.empty()) {
      // `namespace rclcpp { class Node; }` then `extern rclcpp::Node *node_;`.
      llvm::SmallVector<llvm::StringRef, 4> parts;
      llvm::StringRef(node->pointsTo).split(parts, "::");
      std::string open, close;
      for (size_t i = 0; i + 1 < parts.size(); ++i) {
        open += "namespace " + parts[i].str() + " { ";
        close += "} ";
      }
      out += open + node->pointsToTag + " " + parts.back().str() + "; " + close + "\n";
      out += "extern " + node->pointsTo + (node->reference ? " &" : " *") + name + ";\n";
    } else if (node->variable()) {
      out += "extern " + std::string(kUnknownValueType) + " " + name + ";\n";
    } else if (name == "boost" && !node->isType) {
      // Boost's public names each have their header (boost/shared_ptr.hpp,
      // boost/make_shared.hpp): the real one when installed, which a later include of Boost
      // through another library would otherwise contradict.
      for (const auto &[child, grandchild] : node->children) {
        out += "#if __has_include(<boost/" + child + ".hpp>)\n#include <boost/" + child + ".hpp>\n#else\n";
        out += "namespace boost {\n";
        write(out, child, *grandchild, false, 1);
        out += "}\n#endif\n";
      }
    } else if (node->isType || !node->children.empty()) {
      write(out, name, *node, false, 0);
    }
    if (fromLibrary)
      out += "#endif\n";
  }
  return out;
}

} // namespace eventscope
