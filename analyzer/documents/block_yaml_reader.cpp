// Block-style YAML documents, read as yaml-cpp reads them (reader_support.h).
#include "analyzer/documents/document_tree.h"
#include "analyzer/documents/reader_support.h"

#include <cstring>
#include <string_view>
#include <vector>

namespace eventscope {
namespace {

using namespace reader;

// YAML's null spellings: yaml-cpp gives a null node for these plain scalars.
bool isNullText(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Characters that give a plain scalar's first character another meaning.
bool isIndicator(char c) {
  return std::string_view("-?:,[]{}#&*!|>'\"%@`").find(c) != std::string_view::npos;
}

// Block-style YAML as AsyncAPI documents are mostly written: a root map; block maps and
// sequences; plain, single- and double-quoted scalars on one line; flow collections on one
// line; literal and folded block scalars without indentation indicators or more-indented
// lines; comments. It declines anchors, aliases, tags, directives, several documents, tabs,
// multi-line plain or quoted scalars, complex keys and whatever else it is not sure of.
class BlockYamlReader {
public:
  BlockYamlReader(DocTree &tree, DocTreeBuilder &builder)
      : text_(tree.source), size_(text_.size()), tree_(tree), builder_(builder) {}

  bool read() {
    if (!plainBytes())
      return false;
    loadLine(0);
    skipBlankLines();
    if (atEnd())
      return false;
    if (lineText() == "---") {
      nextLine();
      skipBlankLines();
    }
    if (atEnd() || indent() != 0)
      return false;
    builder_.OnDocumentStart(mark(lineStart_));
    if (!blockMap(0, lineStart_, 0) || !atEnd())
      return false;
    builder_.OnDocumentEnd();
    return true;
  }

private:
  // No tabs, lone carriage returns, control characters or ill-formed UTF-8; no directives
  // and no document markers but a leading "---".
  bool plainBytes() const {
    const auto *p = reinterpret_cast<const unsigned char *>(text_.data());
    const auto *end = p + size_;
    bool lineStart = true, contentSeen = false;
    for (; p != end; ++p) {
      unsigned char c = *p;
      if (lineStart) {
        bool marker = (c == '-' || c == '.') && end - p >= 3 && p[1] == c && p[2] == c;
        if (c == '%' || (marker && (contentSeen || c == '.')))
          return false; // a directive, or a document marker other than one "---" at the start
        contentSeen = contentSeen || (c != '#' && c != '\n' && c != '\r' && c != ' ' && !marker);
      }
      lineStart = c == '\n';
      if (c >= 0x80) {
        size_t length = utf8Length(p, end);
        if (length == 0)
          return false;
        p += length - 1;
      } else if ((c < 0x20 || c == 0x7F) && c != '\n' && !(c == '\r' && p + 1 != end && p[1] == '\n')) {
        return false;
      }
    }
    return true;
  }

  // --- lines ---------------------------------------------------------------------------
  void loadLine(size_t start) {
    lineStart_ = start;
    if (start >= size_) {
      lineStart_ = lineEnd_ = next_ = size_;
      return;
    }
    const void *newline = std::memchr(text_.data() + start, '\n', size_ - start);
    size_t end = newline ? static_cast<const char *>(newline) - text_.data() : size_;
    next_ = newline ? end + 1 : size_;
    if (end > start && text_[end - 1] == '\r')
      --end;
    lineEnd_ = end;
    indent_ = 0;
    while (start + indent_ < lineEnd_ && text_[start + indent_] == ' ')
      ++indent_;
  }
  void nextLine() {
    if (atEnd())
      return;
    ++line_;
    loadLine(next_);
  }
  bool atEnd() const { return lineStart_ >= size_; }
  size_t indent() const { return indent_; }
  std::string_view lineText() const { return std::string_view(text_).substr(lineStart_, lineEnd_ - lineStart_); }
  bool blankOrComment() const { return lineStart_ + indent_ == lineEnd_ || text_[lineStart_ + indent_] == '#'; }
  void skipBlankLines() {
    while (!atEnd() && blankOrComment())
      nextLine();
  }
  YAML::Mark mark(size_t pos) const { return markAt(pos, line_, lineStart_); }
  char at(size_t pos) const { return pos < lineEnd_ ? text_[pos] : '\n'; }
  size_t skipSpaces(size_t pos) const {
    while (pos < lineEnd_ && text_[pos] == ' ')
      ++pos;
    return pos;
  }
  // Only spaces and a comment from `pos` to the end of the line.
  bool restIsBlank(size_t pos) const {
    size_t p = skipSpaces(pos);
    return p == lineEnd_ || (text_[p] == '#' && p > pos);
  }
  bool isSequenceEntry(size_t pos) const { return at(pos) == '-' && (at(pos + 1) == ' ' || at(pos + 1) == '\n'); }

  // --- block collections -----------------------------------------------------------------
  // A block map whose first key is at `keyPos` on the current line (column `column`).
  bool blockMap(size_t column, size_t keyPos, unsigned depth) {
    if (depth > kMaxDepth)
      return false;
    builder_.OnMapStart(mark(keyPos), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      if (!mapEntry(column, keyPos, depth))
        return false;
      if (atEnd() || indent() < column)
        break;
      if (indent() > column || isSequenceEntry(lineStart_ + column))
        return false;
      keyPos = lineStart_ + column;
    }
    builder_.OnMapEnd();
    return true;
  }

  bool mapEntry(size_t column, size_t keyPos, unsigned depth) {
    size_t after = 0;
    if (!key(keyPos, after))
      return false;
    size_t value = skipSpaces(after);
    if (value == lineEnd_ || text_[value] == '#') {
      nextLine();
      skipBlankLines();
      return valueBelow(column, column + 1, depth);
    }
    return inlineValue(column, value, depth);
  }

  // A key and its colon; `after` is just past the colon.
  bool key(size_t pos, size_t &after) {
    char first = at(pos);
    if (first == '"' || first == '\'') {
      YAML::Mark keyMark = mark(pos);
      std::string_view value;
      if (!quoted(pos, after, value) || after - pos > kMaxKeyLength || at(after) != ':' ||
          (at(after + 1) != ' ' && at(after + 1) != '\n'))
        return false;
      builder_.scalar(keyMark, false, value);
      ++after;
      return true;
    }
    if (isIndicator(first) || first == '\n')
      return false;
    size_t end = pos;
    while (end < lineEnd_ && !(text_[end] == ':' && (at(end + 1) == ' ' || at(end + 1) == '\n'))) {
      if (text_[end] == '#')
        return false; // a comment, or a '#' inside the key: for yaml-cpp
      ++end;
    }
    if (end == lineEnd_ || end - pos > kMaxKeyLength)
      return false;
    after = end + 1;
    while (end > pos && text_[end - 1] == ' ')
      --end;
    plain(pos, std::string_view(text_).substr(pos, end - pos));
    return true;
  }

  // The value of a key or sequence entry with nothing after it on its line: the block
  // collection on the lines below (a sequence may sit at the key's own column), or null.
  bool valueBelow(size_t sequenceColumn, size_t mapColumn, unsigned depth) {
    if (atEnd())
      return false; // yaml-cpp's mark for a null at the end of the file is its own
    size_t pos = lineStart_ + indent();
    if (indent() >= sequenceColumn && isSequenceEntry(pos))
      return blockSequence(indent(), depth + 1);
    if (indent() >= mapColumn)
      return blockMap(indent(), pos, depth + 1);
    builder_.OnNull(mark(pos), YAML::NullAnchor); // marked where the next token starts
    return true;
  }

  bool blockSequence(size_t column, unsigned depth) {
    if (depth > kMaxDepth)
      return false;
    builder_.OnSequenceStart(mark(lineStart_ + column), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      size_t item = skipSpaces(lineStart_ + column + 1);
      if (item == lineEnd_ || text_[item] == '#') {
        nextLine();
        skipBlankLines();
        if (!valueBelow(column + 1, column + 1, depth))
          return false;
      } else if (isSequenceEntry(item)) { // "- - x": a sequence in a sequence
        if (!blockSequence(item - lineStart_, depth + 1))
          return false;
      } else if (startsMapEntry(item)) {
        if (!blockMap(item - lineStart_, item, depth + 1))
          return false;
      } else if (!inlineValue(column, item, depth)) {
        return false;
      }
      if (atEnd() || indent() < column)
        break;
      if (indent() > column)
        return false;
      if (!isSequenceEntry(lineStart_ + column))
        break; // the key after a sequence written at its key's column
    }
    builder_.OnSequenceEnd();
    return true;
  }

  // Whether a sequence entry's text is a map's first key ("- name: x").
  bool startsMapEntry(size_t pos) const {
    char first = at(pos);
    if (first == '"' || first == '\'') {
      size_t end = pos + 1;
      while (end < lineEnd_ && text_[end] != first)
        end += text_[end] == '\\' && first == '"' ? 2 : 1;
      return end < lineEnd_ && at(end + 1) == ':';
    }
    if (first == '{' || first == '[')
      return false;
    for (size_t p = pos; p < lineEnd_; ++p) {
      if (text_[p] == '#' && text_[p - 1] == ' ')
        return false;
      if (text_[p] == ':' && (at(p + 1) == ' ' || at(p + 1) == '\n'))
        return true;
    }
    return false;
  }

  // A value that starts on the line of its key or dash, at `pos`; `parentColumn` is the
  // column of that key or dash (block scalars must be indented past it).
  bool inlineValue(size_t parentColumn, size_t pos, unsigned depth) {
    char first = text_[pos];
    size_t after = pos;
    if (first == '"' || first == '\'') {
      std::string_view value;
      if (!quoted(pos, after, value) || !restIsBlank(after))
        return false;
      builder_.scalar(mark(pos), false, value);
    } else if (first == '{' || first == '[') {
      if (!flowNode(pos, after, depth) || !restIsBlank(after))
        return false;
    } else if (first == '|' || first == '>') {
      return blockScalar(parentColumn, pos);
    } else if (isIndicator(first) && !(first == '-' && at(pos + 1) != ' ' && at(pos + 1) != '\n')) {
      return false;
    } else {
      size_t end = pos;
      while (end < lineEnd_ && !(text_[end] == '#' && text_[end - 1] == ' ')) {
        if (text_[end] == ':' && (at(end + 1) == ' ' || at(end + 1) == '\n'))
          return false; // "a: b: c" is yaml-cpp's to refuse
        ++end;
      }
      while (end > pos && text_[end - 1] == ' ')
        --end;
      plain(pos, std::string_view(text_).substr(pos, end - pos));
    }
    nextLine();
    skipBlankLines();
    return true;
  }

  void plain(size_t pos, std::string_view value) {
    if (isNullText(value))
      builder_.OnNull(mark(pos), YAML::NullAnchor);
    else
      builder_.scalar(mark(pos), true, value);
  }

  // --- scalars -----------------------------------------------------------------------------
  // A quoted scalar that ends on its line; `after` is just past the closing quote.
  bool quoted(size_t pos, size_t &after, std::string_view &result) const {
    char quote = text_[pos];
    size_t p = pos + 1;
    std::string value;
    while (true) {
      size_t run = p;
      while (p < lineEnd_ && text_[p] != quote && !(quote == '"' && text_[p] == '\\'))
        ++p;
      value.append(text_, run, p - run);
      if (p >= lineEnd_)
        return false; // continues on the next line
      if (text_[p] == quote) {
        if (quote == '\'' && at(p + 1) == '\'') {
          value += '\'';
          p += 2;
          continue;
        }
        after = p + 1;
        // Without escapes (the usual case) the value is the text between the quotes.
        std::string_view raw = std::string_view(text_).substr(pos + 1, p - pos - 1);
        result = raw.size() == value.size() ? raw : tree_.keep(value);
        return true;
      }
      if (!escape(p, value))
        return false;
    }
  }

  // A double-quoted scalar's escape at `p` (the backslash); moves `p` past it.
  bool escape(size_t &p, std::string &value) const {
    char c = at(p + 1);
    p += 2;
    switch (c) {
    case '"': value += '"'; return true;
    case '\\': value += '\\'; return true;
    case '/': value += '/'; return true;
    case 'n': value += '\n'; return true;
    case 't': value += '\t'; return true;
    case 'r': value += '\r'; return true;
    case 'b': value += '\b'; return true;
    case 'f': value += '\f'; return true;
    case 'x':
    case 'u':
    case 'U': {
      size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      unsigned code = 0;
      for (size_t i = 0; i < digits; ++i, ++p) {
        unsigned digit = hexDigit(static_cast<unsigned char>(at(p)));
        if (digit == 16)
          return false;
        code = code * 16 + digit;
      }
      if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
        return false;
      appendUtf8(value, code);
      return true;
    }
    default:
      return false;
    }
  }

  // A literal (|) or folded (>) block scalar whose header is at `pos`, its lines indented
  // past `parentColumn`.
  bool blockScalar(size_t parentColumn, size_t pos) {
    YAML::Mark scalarMark = mark(pos);
    bool folded = text_[pos] == '>';
    char chomping = at(pos + 1) == '-' || at(pos + 1) == '+' ? at(pos + 1) : ' ';
    if (!restIsBlank(pos + (chomping == ' ' ? 1 : 2)) || at(pos + (chomping == ' ' ? 1 : 2)) == '#')
      return false;
    if (folded && chomping == '+')
      return false; // yaml-cpp keeps fewer trailing lines than YAML says here
    nextLine();
    size_t column = 0;
    size_t emptyLines = 0;
    std::string value;
    bool any = false;
    for (; !atEnd(); nextLine()) {
      if (indent() == lineEnd_ - lineStart_) { // blank: empty, or spaces that yaml-cpp keeps in a literal
        if (column ? indent() > column : indent() > parentColumn + 1)
          return false;
        ++emptyLines;
        continue;
      }
      if (column == 0) {
        if (indent() <= parentColumn)
          break;
        column = indent();
      }
      if (indent() < column)
        break;
      if (folded && (indent() > column || (!any && emptyLines > 0)))
        return false; // folding around more-indented lines or leading empty lines: yaml-cpp's
      if (folded && any)
        value.append(emptyLines ? emptyLines : 1, emptyLines ? '\n' : ' ');
      else if (!folded)
        value.append(emptyLines, '\n');
      value.append(text_, lineStart_ + column, lineEnd_ - lineStart_ - column);
      if (!folded)
        value += '\n';
      emptyLines = 0;
      any = true;
    }
    if (!any || (atEnd() && text_.back() != '\n'))
      return false; // empty, or its last line without a line break: yaml-cpp's own reading
    if (folded)
      value += '\n';
    if (chomping == '-')
      value.pop_back();
    else if (chomping == '+')
      value.append(emptyLines, '\n');
    builder_.scalar(scalarMark, false, tree_.keep(value));
    skipBlankLines();
    return true;
  }

  // --- flow collections on one line ----------------------------------------------------------
  bool flowNode(size_t pos, size_t &after, unsigned depth) {
    if (depth > kMaxDepth)
      return false;
    char first = at(pos);
    if (first == '"' || first == '\'') {
      std::string_view value;
      if (!quoted(pos, after, value))
        return false;
      builder_.scalar(mark(pos), false, value);
      return true;
    }
    if (first == '{' || first == '[') {
      bool isMap = first == '{';
      char closing = isMap ? '}' : ']';
      if (isMap)
        builder_.OnMapStart(mark(pos), "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
      else
        builder_.OnSequenceStart(mark(pos), "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
      size_t p = skipSpaces(pos + 1);
      if (at(p) != closing) {
        while (true) {
          if (isMap) {
            size_t key = p;
            if (at(p) == '{' || at(p) == '[' || !flowNode(p, p, depth + 1) || p - key > kMaxKeyLength ||
                at(p) != ':' || at(p + 1) != ' ')
              return false;
            p = skipSpaces(p + 1);
          }
          if (!flowNode(p, p, depth + 1))
            return false;
          p = skipSpaces(p);
          if (at(p) == closing)
            break;
          if (at(p) != ',')
            return false;
          p = skipSpaces(p + 1);
        }
      }
      isMap ? builder_.OnMapEnd() : builder_.OnSequenceEnd();
      after = p + 1;
      return true;
    }
    if (isIndicator(first) && !(first == '-' && std::string_view(" ,]}\n").find(at(pos + 1)) == std::string_view::npos))
      return false;
    size_t end = pos;
    // yaml-cpp ends a plain scalar in a flow collection at any of ",?[]{}" (YAML, only at
    // the first three); a '?', '#', ':' without a space, or an opening bracket: yaml-cpp's.
    while (end < lineEnd_ && std::string_view(",[]{}:#?").find(text_[end]) == std::string_view::npos)
      ++end;
    if (end == lineEnd_ || text_[end] == '#' || text_[end] == '?' || text_[end] == '[' || text_[end] == '{' ||
        (text_[end] == ':' && at(end + 1) != ' '))
      return false;
    after = end;
    while (end > pos && text_[end - 1] == ' ')
      --end;
    after = skipSpaces(after);
    plain(pos, std::string_view(text_).substr(pos, end - pos));
    return true;
  }

  static constexpr unsigned kMaxDepth = 2048; // past it, yaml-cpp (which stops at 500) says why
  // YAML limits an implicit key to 1,024 characters; yaml-cpp refuses longer ones.
  static constexpr size_t kMaxKeyLength = 1000;
  const std::string &text_;
  size_t size_;
  DocTree &tree_;
  DocTreeBuilder &builder_;
  unsigned line_ = 0;
  size_t lineStart_ = 0, lineEnd_ = 0, next_ = 0, indent_ = 0;
};

} // namespace

bool readBlockYamlTree(DocTree &tree) {
  DocTreeBuilder builder(tree);
  if (!BlockYamlReader(tree, builder).read())
    return false;
  builder.finish();
  return true;
}

} // namespace eventscope
