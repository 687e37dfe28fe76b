// What the source text around a Clang error says: the name written there, whether it is a
// macro by its spelling, a template argument or after a keyword, and the function-like macros
// written as whole statements. Read from the file's buffer, where the AST has nothing
// (a name Clang could not look up, code its recovery skipped).
#include "analyzer/cpp/error_site_text.h"

#include <clang/Basic/CharInfo.h>
#include <llvm/ADT/STLExtras.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace eventscope {

using namespace clang;

// A macro's spelling by convention: upper case, digits and `_`, longer than two.
bool upperCase(const std::string &word) {
  return word.size() > 2 && std::all_of(word.begin(), word.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
         });
}

// `beforeName`, when given, is set when an upper-case name is followed by another name on
// its line (`void VRPN_CALLBACK Tracker::HandlePose(...)`: a calling-convention or export
// macro of a missing header, where Clang read a variable of type void).
std::optional<MissingName> nameWrittenAt(const SourceManager &sources, SourceLocation loc, bool *beforeName) {
  if (loc.isInvalid() || loc.isMacroID())
    return std::nullopt;
  bool invalid = false;
  const char *text = sources.getCharacterData(loc, &invalid);
  if (invalid || !text)
    return std::nullopt;
  llvm::StringRef buffer = sources.getBufferData(sources.getFileID(loc), &invalid);
  if (invalid)
    return std::nullopt;
  size_t offset = static_cast<size_t>(text - buffer.data());
  llvm::StringRef line = buffer.substr(offset, 512);
  line = line.take_until([](char c) { return c == '\n'; });
  std::optional<MissingName> name = missingNameAt(std::string_view(line.data(), line.size()));
  // Alone on its line: nothing before it but indentation, nothing after but a comment.
  if (name && name->segments.size() == 1 && !name->isCall && !name->isTemplate) {
    llvm::StringRef before = buffer.take_front(offset);
    before = before.substr(before.rfind('\n') == llvm::StringRef::npos ? 0 : before.rfind('\n') + 1);
    llvm::StringRef after = line.drop_front(name->segments.front().size()).ltrim(" \t\r");
    // ... nor does the next line go on with the expression (`LOG_ERROR\n << "failed";`: a
    // stream, not an empty macro, which would leave `<< "failed";` and lose the function).
    llvm::StringRef next = buffer.drop_front(offset + line.size()).ltrim(" \t\r\n");
    const bool continued = next.starts_with("<<") || next.starts_with(">>") || next.starts_with(".") ||
                           next.starts_with("->") || next.starts_with("(") || next.starts_with("[") ||
                           next.starts_with("=") || next.starts_with("+");
    name->isMacro = upperCase(name->segments.front()) && before.trim(" \t").empty() &&
                    (after.empty() || after.starts_with("//")) && !continued;
    if (beforeName)
      *beforeName = upperCase(name->segments.front()) && !after.empty() &&
                    (isalpha(static_cast<unsigned char>(after.front())) || after.front() == '_');
  } else if (name && name->segments.size() == 1 && name->isCall && !name->isTemplate) {
    // An upper-case name called at the start of its line (`POINT_CLOUD_REGISTER_POINT_STRUCT(`
    // of PCL, `BOOST_FUSION_ADAPT_STRUCT(`): perhaps a function-like macro (noteMissingName
    // decides by what Clang says of it).
    llvm::StringRef before = buffer.take_front(offset);
    before = before.substr(before.rfind('\n') == llvm::StringRef::npos ? 0 : before.rfind('\n') + 1);
    name->isMacro = upperCase(name->segments.front()) && before.trim(" \t").empty();
  }
  return name;
}


// The text of the file `loc` is in, and `loc`'s offset in it; nullopt for a location in a
// macro expansion or outside the file.
std::optional<std::pair<llvm::StringRef, size_t>> bufferAt(const SourceManager &sources, SourceLocation loc) {
  if (loc.isInvalid() || loc.isMacroID())
    return std::nullopt;
  bool invalid = false;
  llvm::StringRef buffer = sources.getBufferData(sources.getFileID(loc), &invalid);
  const size_t offset = sources.getFileOffset(loc);
  if (invalid || offset >= buffer.size())
    return std::nullopt;
  return std::make_pair(buffer, offset);
}

// `class NAME_EXPORT Talker`, `struct NAME_API Config`: the upper-case word between the
// class key and the name at `loc`, on one line.
std::optional<std::string> classHeadMacroBefore(const SourceManager &sources, SourceLocation loc) {
  auto text = bufferAt(sources, loc);
  if (!text)
    return std::nullopt;
  const auto [buffer, offset] = *text;
  llvm::StringRef before = buffer.take_front(offset);
  before = before.substr(before.rfind('\n') == llvm::StringRef::npos ? 0 : before.rfind('\n') + 1).rtrim(" \t");
  llvm::StringRef word = before.take_back(before.size() - before.find_last_of(" \t") - 1);
  if (before.find_last_of(" \t") == llvm::StringRef::npos || !upperCase(word.str()))
    return std::nullopt;
  llvm::StringRef key = before.drop_back(word.size()).rtrim(" \t");
  if (!(key.ends_with("class") || key.ends_with("struct")))
    return std::nullopt;
  key = key.drop_back(key.ends_with("class") ? 5 : 6);
  if (!key.empty() && isAsciiIdentifierContinue(key.back()))
    return std::nullopt; // `subclass X Y`: not the class key
  return word.str();
}

// The upper-case name called as a whole statement without a `;` at the line starting at
// `lineStart` of `buffer` (see statementMacroAround), with the offset of its closing
// parenthesis; nullopt for any other line.
static std::optional<std::pair<std::string, size_t>> statementMacroAt(llvm::StringRef buffer, size_t lineStart) {
  size_t i = lineStart;
  while (i < buffer.size() && (buffer[i] == ' ' || buffer[i] == '\t'))
    ++i;
  const size_t start = i;
  while (i < buffer.size() && isAsciiIdentifierContinue(buffer[i]))
    ++i;
  std::string name = buffer.slice(start, i).str();
  while (i < buffer.size() && (buffer[i] == ' ' || buffer[i] == '\t'))
    ++i;
  if (!upperCase(name) || i >= buffer.size() || buffer[i] != '(')
    return std::nullopt;
  size_t close = llvm::StringRef::npos;
  int depth = 0;
  for (size_t j = i; j < buffer.size() && j < i + 4096 && close == llvm::StringRef::npos; ++j) {
    const char c = buffer[j];
    if (c == '"' || c == '\'') { // a literal: to its closing quote
      for (++j; j < buffer.size() && buffer[j] != c && buffer[j] != '\n'; ++j)
        if (buffer[j] == '\\')
          ++j;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      close = j;
    }
  }
  if (close == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef rest = buffer.drop_front(close + 1).take_until([](char c) { return c == '\n'; });
  if (!rest.trim(" \t\r").empty() && !rest.trim(" \t\r").starts_with("//"))
    return std::nullopt;
  llvm::StringRef next = buffer.drop_front(close + 1 + rest.size()).ltrim(" \t\r\n");
  if (!next.empty() && !isAsciiIdentifierContinue(next.front()) && next.front() != '}' && next.front() != '#' && !next.starts_with("//"))
    return std::nullopt;
  return std::make_pair(std::move(name), close);
}

// `CXT_MACRO_INIT_PARAMETERS(PARAMS, validate)` as a whole statement without a `;` (its
// macro brings one), the header defining it missing: Clang reads a call, fails somewhere in
// it, and its recovery skips to the next `;`, taking the statement after it too (orca4's
// `create_publisher` after ros2_shared's parameter macros, held-back ROS 2 set, session 47).
// The upper-case name called at the start of the line the error is on (where its
// expansion is), when the error is inside that call, nothing but a comment follows its
// closing parenthesis on the line, and the next line starts another statement: nullopt else.
std::optional<std::string> statementMacroAround(const SourceManager &sources, SourceLocation loc) {
  if (loc.isInvalid())
    return std::nullopt;
  auto text = bufferAt(sources, sources.getExpansionLoc(loc));
  if (!text)
    return std::nullopt;
  const auto [buffer, offset] = *text;
  const size_t newline = buffer.take_front(offset).rfind('\n');
  const size_t lineStart = newline == llvm::StringRef::npos ? 0 : newline + 1;
  std::optional<std::pair<std::string, size_t>> macro = statementMacroAt(buffer, lineStart);
  if (!macro || offset > macro->second)
    return std::nullopt;
  return macro->first;
}

// The other macros of the same kind in the file of `loc` (read once it has one): each line
// that is such a statement, and the call a `#define`'s body starts with (`#define
// CXT_MACRO_MEMBER(n, t, d) CXT_MACRO_LOG_PARAMETER(RCLCPP_INFO, ...)`: expanded where the
// list of members is written, as a statement too). Names the file defines itself are left
// out. Without this each parse would find one more, past the rounds of stand-ins there are.
std::vector<std::string> statementMacrosIn(const SourceManager &sources, SourceLocation loc) {
  auto text = bufferAt(sources, sources.getExpansionLoc(loc));
  if (!text)
    return {};
  llvm::StringRef buffer = text->first;
  std::set<std::string> defined, found;
  for (size_t lineStart = 0; lineStart < buffer.size();) {
    llvm::StringRef line = buffer.drop_front(lineStart).take_until([](char c) { return c == '\n'; });
    llvm::StringRef directive = line.ltrim(" \t");
    if (directive.consume_front("#") && directive.ltrim(" \t").consume_front("define")) {
      llvm::StringRef rest = directive.ltrim(" \t").drop_front(std::strlen("define")).ltrim(" \t");
      llvm::StringRef name = rest.take_while([](char c) { return isAsciiIdentifierContinue(c); });
      defined.insert(name.str());
      llvm::StringRef body = rest.drop_front(name.size());
      if (body.starts_with("(")) // the parameter list
        body = body.drop_front(std::min(body.size(), body.find(')') + 1));
      body = body.ltrim(" \t");
      llvm::StringRef call = body.take_while([](char c) { return isAsciiIdentifierContinue(c); });
      if (upperCase(call.str()) && body.drop_front(call.size()).ltrim(" \t").starts_with("("))
        found.insert(call.str());
    } else if (std::optional<std::pair<std::string, size_t>> macro = statementMacroAt(buffer, lineStart)) {
      found.insert(macro->first);
    }
    lineStart += line.size() + 1;
  }
  std::vector<std::string> out;
  for (const std::string &name : found)
    if (!defined.count(name))
      out.push_back(name);
  return out;
}

// Whether the name written at `loc` is a whole first template argument
// (`make_shared<Producer>(`, `unique_ptr<Consumer>`): after `<`, before `>` or `,`, so a
// type, unlike an undeclared variable or function elsewhere (`f(a, x, b)`).
bool templateArgumentAt(const SourceManager &sources, SourceLocation loc) {
  auto text = bufferAt(sources, loc);
  if (!text)
    return false;
  const auto [buffer, offset] = *text;
  llvm::StringRef before = buffer.take_front(offset).rtrim();
  llvm::StringRef after = buffer.drop_front(offset).drop_while([](char c) { return isAsciiIdentifierContinue(c); }).ltrim();
  return before.ends_with("<") && !before.ends_with("<<") && (after.starts_with(">") || after.starts_with(","));
}

// Whether the word before `loc` on its line declares or names a type there (`using ns::X;`,
// `typename T::X`, `new ns::X`, `class ns::X`): then the name is a type, whatever follows it.
bool afterKeyword(const SourceManager &sources, SourceLocation loc) {
  auto text = bufferAt(sources, loc);
  if (!text)
    return false;
  const auto [buffer, offset] = *text;
  llvm::StringRef before = buffer.take_front(offset).rtrim(" \t");
  before.consume_back("::");
  size_t start = before.find_last_of(" \t\n(<,");
  llvm::StringRef word = start == llvm::StringRef::npos ? before : before.drop_front(start + 1);
  return llvm::is_contained({"using", "typename", "new", "class", "struct", "enum", "friend", "sizeof", "alignof"},
                            word);
}

} // namespace eventscope
