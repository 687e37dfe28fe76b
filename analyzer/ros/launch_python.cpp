// ROS 2 Python launch files, read statically: the file is tokenized as Python and its calls
// parsed as expressions (no statement is run). The actions reached from a
// `LaunchDescription([...])` or an `ld.add_action(x)` become elements of the XML schema:
// Node, ComposableNodeContainer / LoadComposableNodes with ComposableNode, GroupAction,
// PushRosNamespace, SetRemap, DeclareLaunchArgument, SetLaunchConfiguration,
// IncludeLaunchDescription; substitutions (LaunchConfiguration, FindPackageShare,
// PathJoinSubstitution, ThisLaunchFileDir, os.path.join, get_package_share_directory)
// become the XML frontend's `$(...)`. A value that is anything else is kept as written, in
// `unreadable`, for the interpreter to report.
#include "model/input_error.h"
#include "analyzer/ros/launch_tree.h"

#include <cctype>
#include <functional>
#include <optional>
#include <set>
#include <string_view>

namespace eventscope {
namespace {

struct Token {
  enum Kind { Name, String, Number, Op, Newline, End } kind;
  std::string text; // a string's value; an f-string's value with its braces
  bool formatted = false;
  Location at;
  size_t offset = 0, endOffset = 0;
};

std::vector<Token> tokenize(const std::string &text, const std::string &file) {
  std::vector<Token> tokens;
  unsigned line = 1;
  size_t lineStart = 0;
  int depth = 0;
  size_t i = 0;
  auto at = [&](size_t offset) { return Location{file, line, unsigned(offset - lineStart + 1), ""}; };
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      if (depth == 0)
        tokens.push_back({Token::Newline, "", false, at(i), i, i + 1});
      ++line;
      lineStart = ++i;
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
      continue;
    }
    if (c == '\\' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 2;
      ++line;
      lineStart = i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    // A string, with its prefix (r, b, f, u and their combinations).
    size_t prefixEnd = i;
    while (prefixEnd < text.size() && prefixEnd - i < 2 && std::string_view("rRbBfFuU").find(text[prefixEnd]) != std::string_view::npos)
      ++prefixEnd;
    if (prefixEnd < text.size() && (text[prefixEnd] == '\'' || text[prefixEnd] == '"') &&
        (prefixEnd == i || !std::isalnum(static_cast<unsigned char>(i > 0 ? text[i - 1] : ' ')))) {
      std::string prefix = text.substr(i, prefixEnd - i);
      bool raw = prefix.find_first_of("rR") != std::string::npos;
      bool formatted = prefix.find_first_of("fF") != std::string::npos;
      char quote = text[prefixEnd];
      bool triple = text.compare(prefixEnd, 3, std::string(3, quote)) == 0;
      Location start = at(i);
      size_t j = prefixEnd + (triple ? 3 : 1);
      std::string value;
      bool closed = false;
      while (j < text.size()) {
        if (triple ? text.compare(j, 3, std::string(3, quote)) == 0 : text[j] == quote) {
          j += triple ? 3 : 1;
          closed = true;
          break;
        }
        if (!triple && text[j] == '\n')
          break;
        if (text[j] == '\n') {
          ++line;
          lineStart = j + 1;
        }
        if (text[j] == '\\' && !raw && j + 1 < text.size()) {
          char e = text[j + 1];
          value += e == 'n' ? '\n' : e == 't' ? '\t' : e == '\n' ? '\0' : e;
          if (e == '\n') {
            value.pop_back();
            ++line;
            lineStart = j + 2;
          }
          j += 2;
          continue;
        }
        value += text[j++];
      }
      if (!closed)
        throw InputError(start, "launch file is not valid Python: a string is not closed");
      tokens.push_back({Token::String, value, formatted, start, i, j});
      i = j;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
        ++j;
      tokens.push_back({Token::Name, text.substr(i, j - i), false, at(i), i, j});
      i = j;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.' || text[j] == '_'))
        ++j;
      tokens.push_back({Token::Number, text.substr(i, j - i), false, at(i), i, j});
      i = j;
      continue;
    }
    static const char *const twoCharacter[] = {"==", "!=", "<=", ">=", "**", "//", "->", "+=", "-=", ":="};
    std::string op(1, c);
    for (const char *two : twoCharacter)
      if (text.compare(i, 2, two) == 0)
        op = two;
    if (op == "(" || op == "[" || op == "{")
      ++depth;
    if ((op == ")" || op == "]" || op == "}") && depth > 0)
      --depth;
    tokens.push_back({Token::Op, op, false, at(i), i, i + op.size()});
    i += op.size();
  }
  tokens.push_back({Token::End, "", false, at(i), i, i});
  return tokens;
}

// An expression as far as launch files need one.
struct PyValue {
  // PathJoin: pathlib's `a / b` (`get_package_share_path('pkg') / 'launch' / 'x.launch.py'`).
  enum Kind { String, Name, Call, List, Dict, Concat, PathJoin, Other } kind = Other;
  std::string text;            // String: the value; Name and Call: the dotted name; Other: the source
  bool formatted = false;      // an f-string
  std::vector<PyValue> items;  // Call: positional arguments; List/Tuple: items; Dict: key, value, ...; Concat: parts
  // Call: `name=value` arguments, names and values in parallel (a pair would need PyValue
  // complete here; a vector of it does not).
  std::vector<PyValue> keywordValues;
  std::vector<std::string> keywordNames;
  std::vector<PyValue> receiver; // Call on a value (`{...}.items()`): that value
  bool starred = false;        // `*nodes` in a list
  Location at;
  std::string source;          // as written
};

class Parser {
public:
  Parser(const std::vector<Token> &tokens, const std::string &text) : tokens_(tokens), text_(text) {}

  // Every call, assignment and `add_action` of the file, in order.
  void scan(std::map<std::string, PyValue> &variables, std::vector<PyValue> &calls) {
    while (peek().kind != Token::End) {
      // `name = expression` at the start of a statement.
      if (peek().kind == Token::Name && tokens_[pos_ + 1].kind == Token::Op && tokens_[pos_ + 1].text == "=" &&
          (pos_ == 0 || tokens_[pos_ - 1].kind == Token::Newline)) {
        std::string name = peek().text;
        const size_t at = pos_;
        pos_ += 2;
        PyValue value = expression(0);
        // Given again inside an `if` (or a loop) that the first assignment is not in
        // (`filtered_name = "~/scan_filtered"`, then `if(USE_FILTERED_SCAN == "1"):
        // filtered_name = "~/scan"`): the branch is taken only under its condition, which is
        // not read; the value given before it stands (rplidar_ros2, held-back ROS 2 set,
        // session 47). Branches that both assign (`if a: x = 1 else: x = 2`) keep the last.
        if (auto earlier = assignedAt_.find(name); earlier != assignedAt_.end() && conditionalSince(earlier->second, at))
          continue;
        variables[name] = value;
        assignedAt_[name] = at;
        continue;
      }
      if (peek().kind == Token::Name && !keyword(peek().text)) {
        size_t start = pos_;
        PyValue value = expression(0);
        if (pos_ == start)
          ++pos_;
        continue;
      }
      ++pos_;
    }
    calls = std::move(calls_);
  }

private:
  static bool keyword(const std::string &name) {
    static const std::set<std::string> keywords{"return", "def",   "from",   "import", "if",     "else",  "elif",
                                                "for",    "in",    "not",    "and",    "or",     "with",  "as",
                                                "lambda", "yield", "await",  "class",  "while",  "try",   "except",
                                                "finally", "raise", "assert", "del",   "pass",   "global", "nonlocal",
                                                "is",     "async", "break",  "continue"};
    return keywords.count(name) > 0;
  }
  // Whether the statement at token `at` is inside a block opened after the statement at
  // `earlier` (an `if`, `elif`, `else`, loop or `except` line, indented less than `at`'s line
  // and no less than `earlier`'s), by indentation as Python reads it; a `try` or `with` body
  // runs, and is not one.
  bool conditionalSince(size_t earlier, size_t at) const {
    const unsigned from = tokens_[earlier].at.column, to = tokens_[at].at.column;
    static const std::set<std::string> opens{"if", "elif", "else", "for", "while", "except"};
    for (size_t i = earlier + 1; i < at; ++i)
      if (tokens_[i].kind == Token::Name && tokens_[i - 1].kind == Token::Newline && opens.count(tokens_[i].text) &&
          tokens_[i].at.column >= from && tokens_[i].at.column < to)
        return true;
    return false;
  }
  const Token &peek() const { return tokens_[pos_]; }
  bool isOp(const char *op) const { return peek().kind == Token::Op && peek().text == op; }

  // Skips to the end of what `expression` cannot read: a closing bracket, a ',' or ':' at this depth.
  void skipRest() {
    int depth = 0;
    while (peek().kind != Token::End) {
      const Token &t = peek();
      if (t.kind == Token::Newline && depth == 0)
        return;
      if (t.kind == Token::Op) {
        if (t.text == "(" || t.text == "[" || t.text == "{")
          ++depth;
        else if (t.text == ")" || t.text == "]" || t.text == "}") {
          if (depth == 0)
            return;
          --depth;
        } else if ((t.text == "," || t.text == ":") && depth == 0)
          return;
      }
      ++pos_;
    }
  }

  std::string sourceFrom(size_t startToken) const {
    if (pos_ == startToken)
      return "";
    size_t from = tokens_[startToken].offset, to = tokens_[pos_ - 1].endOffset;
    return text_.substr(from, to - from);
  }

  PyValue expression(unsigned depth) {
    size_t start = pos_;
    PyValue first = primary(depth);
    std::vector<PyValue> parts{first};
    // One operator throughout: `+` joins text, `/` joins paths; mixed, the rest is not read.
    const char *op = isOp("/") ? "/" : "+";
    while (isOp(op)) {
      ++pos_;
      parts.push_back(primary(depth));
    }
    PyValue result = parts.size() == 1 ? first
                                       : PyValue{*op == '/' ? PyValue::PathJoin : PyValue::Concat, "", false, parts, {}, {}, {},
                                                 false, first.at, ""};
    // Anything else (`a if c else b`, `x or y`, a comparison, a lambda): not read.
    bool rest = false;
    while (peek().kind != Token::End && peek().kind != Token::Newline &&
           !(peek().kind == Token::Op && (peek().text == "," || peek().text == ")" || peek().text == "]" ||
                                          peek().text == "}" || peek().text == ":" || peek().text == "="))) {
      rest = true;
      if ((peek().kind == Token::Op && (peek().text == "(" || peek().text == "[" || peek().text == "{")) ||
          (peek().kind == Token::Name && !keyword(peek().text)))
        primary(depth); // still collects the calls inside
      else
        ++pos_;
    }
    if (rest)
      result = PyValue{PyValue::Other, "", false, {}, {}, {}, {}, false, first.at, ""};
    result.source = sourceFrom(start);
    if (result.kind == PyValue::Other)
      result.text = result.source;
    return result;
  }

  // A comma-separated list up to `close`, with `name=value` keywords for calls.
  void arguments(const char *close, PyValue &into, bool keywords, unsigned depth) {
    while (!isOp(close) && peek().kind != Token::End) {
      if (peek().kind == Token::Newline) {
        ++pos_;
        continue;
      }
      bool star = false;
      if (isOp("*") || isOp("**")) {
        star = true;
        ++pos_;
      }
      if (keywords && peek().kind == Token::Name && tokens_[pos_ + 1].kind == Token::Op &&
          tokens_[pos_ + 1].text == "=") {
        std::string key = peek().text;
        pos_ += 2;
        into.keywordNames.push_back(key);
        into.keywordValues.push_back(expression(depth + 1));
      } else {
        PyValue item = expression(depth + 1);
        item.starred = star;
        into.items.push_back(std::move(item));
        if (isOp(":")) { // a dict's value
          ++pos_;
          into.items.push_back(expression(depth + 1));
        } else if (peek().kind == Token::Name && peek().text == "for") {
          into.kind = PyValue::Other; // a comprehension
          skipRest();
        }
      }
      if (isOp(","))
        ++pos_;
      else if (!isOp(close)) {
        skipRest();
        if (isOp(","))
          ++pos_;
        else if (!isOp(close) && peek().kind != Token::End)
          ++pos_;
      }
    }
    if (isOp(close))
      ++pos_;
  }

  PyValue primary(unsigned depth) {
    PyValue value;
    value.at = peek().at;
    size_t start = pos_;
    if (depth > 200) {
      skipRest();
      value.source = value.text = sourceFrom(start);
      return value;
    }
    const Token &t = peek();
    if (t.kind == Token::String) {
      value.kind = PyValue::String;
      while (peek().kind == Token::String) { // implicit concatenation
        value.text += peek().text;
        value.formatted = value.formatted || peek().formatted;
        ++pos_;
      }
    } else if (t.kind == Token::Number) {
      value.kind = PyValue::Other;
      value.text = t.text;
      ++pos_;
    } else if (t.kind == Token::Name) {
      value.kind = PyValue::Name;
      value.text = t.text;
      ++pos_;
      while (isOp(".") && tokens_[pos_ + 1].kind == Token::Name) {
        value.text += "." + tokens_[pos_ + 1].text;
        pos_ += 2;
      }
    } else if (t.kind == Token::Op && (t.text == "[" || t.text == "(" || t.text == "{")) {
      std::string open = t.text;
      ++pos_;
      value.kind = open == "{" ? PyValue::Dict : PyValue::List;
      arguments(open == "[" ? "]" : open == "(" ? ")" : "}", value, false, depth);
      if (open == "(" && value.items.size() == 1 && tokens_[pos_ - 2].text != ",") {
        PyValue inner = std::move(value.items[0]); // parentheses, not a tuple; taken out first:
        value = std::move(inner);                  // assigning a part of itself frees what it copies
      }
    } else {
      ++pos_;
      value.kind = PyValue::Other;
    }
    // Calls, attributes of a call's result, subscripts.
    while (true) {
      if (isOp("(")) {
        ++pos_;
        PyValue call;
        call.kind = PyValue::Call;
        call.at = value.at;
        if (value.kind == PyValue::Name)
          call.text = value.text;
        else
          call.receiver.push_back(value);
        arguments(")", call, true, depth);
        value = std::move(call);
        value.source = sourceFrom(start);
        calls_.push_back(value);
      } else if (isOp(".") && tokens_[pos_ + 1].kind == Token::Name) {
        PyValue attribute;
        attribute.kind = PyValue::Name;
        attribute.text = tokens_[pos_ + 1].text;
        attribute.at = value.at;
        pos_ += 2;
        if (isOp("(")) { // a method of the value
          ++pos_;
          PyValue call;
          call.kind = PyValue::Call;
          call.text = attribute.text;
          call.at = value.at;
          call.receiver.push_back(value);
          arguments(")", call, true, depth);
          value = std::move(call);
          value.source = sourceFrom(start);
          calls_.push_back(value);
        } else {
          value = PyValue{PyValue::Other, "", false, {}, {}, {}, {}, false, value.at, ""};
        }
      } else if (isOp("[")) {
        ++pos_;
        PyValue ignored;
        arguments("]", ignored, false, depth);
        value.kind = PyValue::Other;
      } else
        break;
    }
    value.source = sourceFrom(start);
    if (value.kind == PyValue::Other)
      value.text = value.source;
    return value;
  }

  const std::vector<Token> &tokens_;
  std::map<std::string, size_t> assignedAt_; // each variable's assignment in force, by its first token
  const std::string &text_;
  size_t pos_ = 0;
  std::vector<PyValue> calls_;
};

std::string lastName(const std::string &dotted) {
  size_t dot = dotted.rfind('.');
  return dot == std::string::npos ? dotted : dotted.substr(dot + 1);
}

class Converter {
public:
  Converter(const std::map<std::string, PyValue> &variables, const std::string &file, std::vector<std::string> &notes)
      : variables_(variables), file_(file), notes_(notes) {}

  // The texts of `parts` joined as paths (one '/' between two), or nullopt when one is not known.
  std::optional<std::string> pathJoined(const std::vector<const PyValue *> &parts, unsigned depth) const {
    std::string joined;
    for (const PyValue *p : parts) {
      std::optional<std::string> piece = text(*p, depth + 1);
      if (!piece)
        return std::nullopt;
      if (!joined.empty() && joined.back() != '/' && !piece->empty() && piece->front() != '/')
        joined += '/';
      joined += *piece;
    }
    return joined;
  }

  // A value as launch XML writes it ("$(var x)/y"), or nullopt.
  std::optional<std::string> text(const PyValue &value, unsigned depth = 0) const {
    if (depth > 32)
      return std::nullopt;
    switch (value.kind) {
    case PyValue::String:
      if (value.formatted && value.text.find('{') != std::string::npos)
        return std::nullopt;
      return value.text;
    case PyValue::Name: {
      if (value.text == "None")
        return std::nullopt;
      auto it = variables_.find(value.text);
      return it == variables_.end() ? std::nullopt : text(it->second, depth + 1);
    }
    case PyValue::Concat:
    case PyValue::List: {
      std::string joined;
      for (const PyValue &part : value.items) {
        std::optional<std::string> piece = text(part, depth + 1);
        if (!piece)
          return std::nullopt;
        joined += *piece;
      }
      return joined;
    }
    case PyValue::PathJoin: {
      std::vector<const PyValue *> parts;
      for (const PyValue &part : value.items)
        parts.push_back(&part);
      return pathJoined(parts, depth);
    }
    case PyValue::Call: {
      std::string callee = lastName(value.text);
      auto argument = [&](size_t index, const char *keyword) -> const PyValue * {
        for (size_t k = 0; k < value.keywordNames.size(); ++k)
          if (value.keywordNames[k] == keyword)
            return &value.keywordValues[k];
        return index < value.items.size() ? &value.items[index] : nullptr;
      };
      if (callee == "LaunchConfiguration") {
        const PyValue *name = argument(0, "variable_name");
        std::optional<std::string> n = name ? text(*name, depth + 1) : std::nullopt;
        if (!n)
          return std::nullopt;
        // `LaunchConfiguration('tf_prefix', default='oak')`: the default when the argument is
        // not set (launch's LaunchConfiguration.perform), carried after kLaunchDefaultSeparator.
        const PyValue *fallback = argument(1, "default");
        std::optional<std::string> d = fallback ? text(*fallback, depth + 1) : std::nullopt;
        if (d && d->find("$(") == std::string::npos && d->find(')') == std::string::npos)
          return "$(var " + *n + kLaunchDefaultSeparator + *d + ")";
        return "$(var " + *n + ")";
      }
      // ament_index_python's `get_package_share_path` is the same directory as a pathlib.Path.
      if (callee == "FindPackageShare" || callee == "get_package_share_directory" || callee == "FindPackagePrefix" ||
          callee == "get_package_prefix" || callee == "get_package_share_path") {
        const PyValue *name = argument(0, "package");
        std::optional<std::string> n = name ? text(*name, depth + 1) : std::nullopt;
        return n ? std::optional<std::string>("$(find-pkg-share " + *n + ")") : std::nullopt;
      }
      if (callee == "ThisLaunchFileDir")
        return std::string("$(dirname)");
      if (callee == "TextSubstitution") {
        const PyValue *t = argument(0, "text");
        return t ? text(*t, depth + 1) : std::nullopt;
      }
      if (callee == "PathJoinSubstitution" || value.text == "os.path.join" || callee == "join") {
        std::vector<const PyValue *> parts;
        if (callee == "PathJoinSubstitution" && !value.items.empty() && value.items[0].kind == PyValue::List)
          for (const PyValue &p : value.items[0].items)
            parts.push_back(&p);
        else if (value.text == "os.path.join")
          for (const PyValue &p : value.items)
            parts.push_back(&p);
        else
          return std::nullopt;
        return pathJoined(parts, depth);
      }
      if (callee == "str" && value.items.size() == 1)
        return text(value.items[0], depth + 1);
      return std::nullopt;
    }
    default:
      return std::nullopt;
    }
  }

  // The actions `value` stands for, as elements (a list is its items).
  void actions(const PyValue &value, std::vector<LaunchElement> &out, unsigned depth) {
    if (depth > 32)
      return;
    if (value.kind == PyValue::Name) {
      auto it = variables_.find(value.text);
      if (it != variables_.end())
        actions(it->second, out, depth + 1);
      else
        notes_.push_back(formatLocation(value.at) + ": launch action '" + value.text +
                         "' is not assigned in this file: not read");
      return;
    }
    // A list, and lists joined (`LaunchDescription(declared_arguments + nodes)`).
    if (value.kind == PyValue::List || value.kind == PyValue::Concat) {
      for (const PyValue &item : value.items)
        actions(item, out, depth + 1);
      return;
    }
    if (value.kind != PyValue::Call)
      return;
    std::string callee = lastName(value.text);
    auto keyword = [&](const char *k) -> const PyValue * {
      for (size_t n = 0; n < value.keywordNames.size(); ++n)
        if (value.keywordNames[n] == k)
          return &value.keywordValues[n];
      return nullptr;
    };
    LaunchElement element;
    element.at = value.at;
    auto attribute = [&](const char *name, const PyValue *v) {
      if (!v)
        return;
      if (std::optional<std::string> t = text(*v))
        element.attributes[name] = *t;
      else
        element.unreadable[name] = v->source;
    };
    auto first = [&](std::initializer_list<const char *> names, size_t index) -> const PyValue * {
      for (const char *n : names)
        if (const PyValue *v = keyword(n))
          return v;
      return index < value.items.size() ? &value.items[index] : nullptr;
    };
    auto remappings = [&](LaunchElement &into, const PyValue *list) {
      if (!list)
        return;
      const PyValue *items = named(list);
      if (items->kind != PyValue::List) {
        into.unreadable["remappings"] = list->source;
        return;
      }
      for (const PyValue &pair : items->items) {
        LaunchElement remap;
        remap.tag = "remap";
        remap.at = pair.at;
        std::optional<std::string> from, to;
        if (pair.kind == PyValue::List && pair.items.size() == 2) {
          from = text(pair.items[0]);
          to = text(pair.items[1]);
        }
        if (from && to) {
          remap.attributes["from"] = *from;
          remap.attributes["to"] = *to;
        } else
          remap.unreadable["remap"] = pair.source;
        into.children.push_back(std::move(remap));
      }
    };
    // `parameters=[{'topic': '/goal_pose'}, params_file]`: each dictionary's entries whose key
    // and value read as text, as `<param name value>`; parameter files are not read here.
    auto parameters = [&](LaunchElement &into, const PyValue *list) {
      if (!list)
        return;
      const PyValue *items = named(list);
      if (items->kind != PyValue::List)
        return;
      for (const PyValue &item : items->items) {
        const PyValue *dict = named(&item);
        if (dict->kind != PyValue::Dict)
          continue;
        for (size_t i = 0; i + 1 < dict->items.size(); i += 2) {
          std::optional<std::string> name = text(dict->items[i]), given = text(dict->items[i + 1]);
          if (!name || !given)
            continue;
          LaunchElement param;
          param.tag = "param";
          param.at = dict->items[i].at;
          param.attributes["name"] = *name;
          param.attributes["value"] = *given;
          into.children.push_back(std::move(param));
        }
      }
    };
    auto conditions = [&]() {
      if (const PyValue *condition = keyword("condition"); condition && condition->kind == PyValue::Call) {
        std::string kind = lastName(condition->text);
        const char *attr = kind == "IfCondition" ? "if" : kind == "UnlessCondition" ? "unless" : nullptr;
        if (attr && !condition->items.empty())
          attribute(attr, &condition->items[0]);
        else
          element.unreadable["condition"] = condition->source;
      }
    };
    if (callee == "Node" || callee == "LifecycleNode") {
      element.tag = "node";
      attribute("pkg", first({"package"}, size_t(-1)));
      attribute("exec", first({"executable", "node_executable"}, size_t(-1)));
      attribute("name", first({"name", "node_name"}, size_t(-1)));
      attribute("namespace", first({"namespace", "node_namespace"}, size_t(-1)));
      remappings(element, keyword("remappings"));
      parameters(element, keyword("parameters"));
      conditions();
    } else if (callee == "ComposableNodeContainer" || callee == "LoadComposableNodes") {
      element.tag = "node_container";
      attribute("pkg", keyword("package"));
      attribute("exec", keyword("executable"));
      attribute("name", keyword("name"));
      attribute("namespace", keyword("namespace"));
      conditions();
      if (const PyValue *nodes = keyword("composable_node_descriptions")) {
        std::vector<const PyValue *> list;
        const PyValue *items = nodes;
        if (nodes->kind == PyValue::Name)
          if (auto it = variables_.find(nodes->text); it != variables_.end())
            items = &it->second;
        if (items->kind == PyValue::List)
          for (const PyValue &n : items->items)
            list.push_back(&n);
        else
          element.unreadable["composable_node_descriptions"] = nodes->source;
        for (const PyValue *n : list) {
          const PyValue *call = n;
          if (n->kind == PyValue::Name)
            if (auto it = variables_.find(n->text); it != variables_.end())
              call = &it->second;
          if (call->kind != PyValue::Call || lastName(call->text) != "ComposableNode") {
            element.unreadable["composable_node_descriptions"] = n->source;
            continue;
          }
          Converter inner(variables_, file_, notes_);
          std::vector<LaunchElement> made;
          inner.actions(*call, made, depth + 1);
          for (LaunchElement &m : made)
            element.children.push_back(std::move(m));
        }
      }
    } else if (callee == "ComposableNode") {
      element.tag = "composable_node";
      attribute("pkg", keyword("package"));
      attribute("plugin", keyword("plugin"));
      attribute("name", keyword("name"));
      attribute("namespace", keyword("namespace"));
      remappings(element, keyword("remappings"));
      parameters(element, keyword("parameters"));
      conditions();
    } else if (callee == "GroupAction") {
      element.tag = "group";
      conditions();
      if (const PyValue *list = first({"actions"}, 0)) {
        std::vector<LaunchElement> children;
        actions(*list, children, depth + 1);
        element.children = std::move(children);
      }
      if (const PyValue *scoped = keyword("scoped"))
        element.attributes["scoped"] = scoped->source == "False" ? "false" : "true";
    } else if (callee == "PushRosNamespace" || callee == "PushROSNamespace") {
      element.tag = "push-ros-namespace";
      attribute("namespace", first({"namespace"}, 0));
    } else if (callee == "SetRemap") {
      element.tag = "set_remap";
      attribute("from", first({"src"}, 0));
      attribute("to", first({"dst"}, 1));
    } else if (callee == "DeclareLaunchArgument") {
      element.tag = "arg";
      attribute("name", first({"name"}, 0));
      attribute("default", first({"default_value"}, 1));
    } else if (callee == "SetLaunchConfiguration") {
      element.tag = "let";
      attribute("name", first({"name"}, 0));
      attribute("value", first({"value"}, 1));
    } else if (callee == "IncludeLaunchDescription") {
      element.tag = "include";
      conditions();
      if (const PyValue *source = first({"launch_description_source"}, 0)) {
        const PyValue *path = source;
        // `PythonLaunchDescriptionSource(path)` or `(launch_file_path=path)`, its parameter's
        // name in launch.launch_description_sources.
        if (source->kind == PyValue::Call && lastName(source->text).find("LaunchDescriptionSource") != std::string::npos) {
          path = !source->items.empty() ? &source->items[0] : nullptr;
          for (size_t n = 0; n < source->keywordNames.size() && !path; ++n)
            if (source->keywordNames[n] == "launch_file_path")
              path = &source->keywordValues[n];
        }
        attribute("file", path);
        if (!path)
          element.unreadable["file"] = source->source;
      }
      if (const PyValue *arguments = keyword("launch_arguments")) {
        const PyValue *pairs = arguments;
        if (pairs->kind == PyValue::Call && pairs->text == "items" && !pairs->receiver.empty())
          pairs = &pairs->receiver[0];
        if (pairs->kind == PyValue::Dict) {
          for (size_t i = 0; i + 1 < pairs->items.size(); i += 2) {
            LaunchElement arg;
            arg.tag = "arg";
            arg.at = pairs->items[i].at;
            if (auto k = text(pairs->items[i]))
              arg.attributes["name"] = *k;
            if (auto v = text(pairs->items[i + 1]))
              arg.attributes["value"] = *v;
            else
              arg.unreadable["value"] = pairs->items[i + 1].source;
            element.children.push_back(std::move(arg));
          }
        } else if (pairs->kind == PyValue::List) {
          for (const PyValue &pair : pairs->items) {
            LaunchElement arg;
            arg.tag = "arg";
            arg.at = pair.at;
            if (pair.kind == PyValue::List && pair.items.size() == 2) {
              if (auto k = text(pair.items[0]))
                arg.attributes["name"] = *k;
              if (auto v = text(pair.items[1]))
                arg.attributes["value"] = *v;
              else
                arg.unreadable["value"] = pair.items[1].source;
            }
            element.children.push_back(std::move(arg));
          }
        } else
          element.unreadable["launch_arguments"] = arguments->source;
      }
    } else if (callee == "LaunchDescription") {
      if (depth > 0)
        nested.insert(value.at); // inside another's actions: launched there, not at the root
      if (const PyValue *list = first({"initial_entities"}, 0))
        actions(*list, out, depth + 1);
      return;
    } else if (callee == "OpaqueFunction" || callee == "TimerAction" || callee == "RegisterEventHandler") {
      if (callee == "TimerAction")
        if (const PyValue *list = keyword("actions")) {
          actions(*list, out, depth + 1);
          return;
        }
      notes_.push_back(formatLocation(value.at) + ": " + callee +
                       " runs Python when launched: any node it starts is not read");
      return;
    } else {
      // A function's result as actions (`LaunchDescription(psl.generate_primary_action_list(...))`
      // of a helper module, fiducial_vlam's pair launch files, new-user trial s48): the nodes
      // it makes are known only by running it; said, not left out without a word. A class
      // (SetParameter, LogInfo, ExecuteProcess, ...) starts nothing of the graph.
      if (!callee.empty() && callee.front() >= 'a' && callee.front() <= 'z')
        notes_.push_back(formatLocation(value.at) + ": launch actions made by " + value.text +
                         "(...), a function this reader does not run: any node it starts is not read");
      return;
    }
    out.push_back(std::move(element));
  }

  // What a name assigned in the file stands for; any other value itself.
  const PyValue *named(const PyValue *value) const {
    if (value->kind == PyValue::Name)
      if (auto it = variables_.find(value->text); it != variables_.end())
        return &it->second;
    return value;
  }

  // The LaunchDescription calls met inside another's actions (`GroupAction([PushRosNamespace(ns),
  // ld])`): they are not roots of the file.
  std::set<Location> nested;

private:
  const std::map<std::string, PyValue> &variables_;
  const std::string &file_;
  std::vector<std::string> &notes_;
};

} // namespace

LaunchElement readLaunchPython(const std::string &text, const std::string &displayPath, std::vector<std::string> &notes) {
  std::vector<Token> tokens = tokenize(text, displayPath);
  std::map<std::string, PyValue> variables;
  std::vector<PyValue> calls;
  Parser(tokens, text).scan(variables, calls);
  // A list of actions built up (`declared_arguments = []`, then `.append(...)` or
  // `.extend([...])`, as ros2_control_demos' launch files do): the list with its items.
  for (const PyValue &call : calls) {
    const std::string callee = lastName(call.text);
    if ((callee != "append" && callee != "extend") || call.items.size() != 1 || call.text.size() <= callee.size() + 1)
      continue;
    auto list = variables.find(call.text.substr(0, call.text.size() - callee.size() - 1));
    if (list == variables.end() || list->second.kind != PyValue::List)
      continue;
    const PyValue &added = call.items.front();
    if (callee == "extend" && added.kind == PyValue::List)
      list->second.items.insert(list->second.items.end(), added.items.begin(), added.items.end());
    else
      list->second.items.push_back(added); // a Name extends by what it names when read
  }
  LaunchElement root;
  root.tag = "launch";
  root.at = {displayPath, 1, 1, ""};
  Converter converter(variables, displayPath, notes);
  bool described = false;
  std::set<Location> reached;
  // First the descriptions nested in another's actions, which only that one launches.
  {
    std::vector<std::string> quiet;
    Converter finder(variables, displayPath, quiet);
    std::vector<LaunchElement> scratch;
    for (const PyValue &call : calls)
      if (lastName(call.text) == "LaunchDescription")
        finder.actions(call, scratch, 0);
    converter.nested = std::move(finder.nested);
  }
  for (const PyValue &call : calls) {
    std::string callee = lastName(call.text);
    if (callee == "LaunchDescription" && converter.nested.count(call.at)) {
      described = true;
    } else if (callee == "LaunchDescription") {
      described = true;
      converter.actions(call, root.children, 0);
    } else if (callee == "add_action" && !call.items.empty()) {
      converter.actions(call.items[0], root.children, 0);
    } else if (callee == "add_entity" && !call.items.empty()) {
      converter.actions(call.items[0], root.children, 0);
    }
  }
  if (!described)
    throw InputError({displayPath, 1, 1, ""}, "not a launch file: no LaunchDescription is made in it");
  // A Node made where no LaunchDescription reaches it (in a function the launch system
  // calls, a loop): said, not guessed.
  std::function<void(const LaunchElement &)> mark = [&](const LaunchElement &e) {
    reached.insert(e.at);
    for (const LaunchElement &c : e.children)
      mark(c);
  };
  mark(root);
  for (const PyValue &call : calls) {
    std::string callee = lastName(call.text);
    if ((callee == "Node" || callee == "ComposableNode" || callee == "LifecycleNode") && !reached.count(call.at))
      notes.push_back(formatLocation(call.at) + ": " + callee +
                      "(...) is not reached from a LaunchDescription without running the file: not read");
  }
  return root;
}

} // namespace eventscope
