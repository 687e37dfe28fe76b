// Fast readers for the documents AsyncAPI files usually are, yielding the events yaml-cpp
// would yield for them (the same values, kinds and marks; tests/document_tree_test.cpp and the
// fuzz target fuzz_document_readers hold them to it). Anything they are not sure of, they
// decline, and yaml-cpp reads the file as before.
#include "analyzer/document_tree.h"

namespace eventscope {
namespace {

YAML::Mark markAt(size_t pos, unsigned line, size_t lineStart) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(pos);
  mark.line = static_cast<int>(line);
  mark.column = static_cast<int>(pos - lineStart);
  return mark;
}

// Appends the UTF-8 encoding of `code`.
void appendUtf8(std::string &out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The length of the well-formed UTF-8 sequence at `p` (a non-ASCII byte), 0 if it is not one.
size_t utf8Length(const unsigned char *p, const unsigned char *end) {
  unsigned char lead = *p;
  size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
  if (length == 0 || static_cast<size_t>(end - p) < length)
    return 0;
  for (size_t i = 1; i < length; ++i)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  unsigned second = p[1];
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) || (lead == 0xF0 && second < 0x90) ||
      (lead == 0xF4 && second >= 0x90))
    return 0; // overlong, surrogate or past U+10FFFF
  return length;
}

// JSON (RFC 8259) as yaml-cpp reads it: a flow collection whose quoted strings are tagged
// "!" and whose numbers, true and false are plain scalars; null is a null node.
class JsonReader {
public:
  JsonReader(const std::string &text, DocTreeBuilder &builder)
      : text_(text), p_(reinterpret_cast<const unsigned char *>(text.data())), end_(p_ + text.size()),
        builder_(builder) {}

  bool read() {
    skipSpace();
    if (p_ == end_ || (*p_ != '{' && *p_ != '['))
      return false;
    builder_.OnDocumentStart(mark());
    std::vector<char> open; // '{' or '[' of each collection being read
    bool expectValue = true;
    while (true) {
      if (expectValue) {
        if (!value(open))
          return false;
      }
      skipSpace();
      if (open.empty())
        break;
      if (p_ == end_)
        return false;
      char closing = open.back() == '{' ? '}' : ']';
      if (*p_ == closing) {
        ++p_;
        open.pop_back();
        closing == '}' ? builder_.OnMapEnd() : builder_.OnSequenceEnd();
        expectValue = false;
        continue;
      }
      if (*p_ != ',')
        return false;
      ++p_;
      skipSpace();
      if (open.back() == '{' && !member())
        return false;
      expectValue = true;
    }
    if (p_ != end_)
      return false; // more than one value: yaml-cpp says what it makes of that
    builder_.OnDocumentEnd();
    return true;
  }

private:
  YAML::Mark mark() const { return markAt(p_ - begin(), line_, lineStart_); }
  const unsigned char *begin() const { return reinterpret_cast<const unsigned char *>(text_.data()); }

  void skipSpace() {
    while (p_ != end_) {
      if (*p_ == ' ' || *p_ == '\t') {
        ++p_;
      } else if (*p_ == '\n') {
        ++p_;
        ++line_;
        lineStart_ = p_ - begin();
      } else if (*p_ == '\r' && p_ + 1 != end_ && p_[1] == '\n') {
        ++p_;
      } else {
        break;
      }
    }
  }

  // A key and its colon, at the start of a member.
  bool member() {
    if (p_ == end_ || *p_ != '"' || !string())
      return false;
    skipSpace();
    if (p_ == end_ || *p_ != ':')
      return false;
    ++p_;
    return true;
  }

  // One value; a collection is opened (and its first key read) and left on `open`.
  bool value(std::vector<char> &open) {
    skipSpace();
    if (p_ == end_)
      return false;
    YAML::Mark at = mark();
    switch (*p_) {
    case '{':
    case '[': {
      if (open.size() >= kMaxDepth)
        return false;
      char bracket = static_cast<char>(*p_++);
      skipSpace();
      bool empty = p_ != end_ && *p_ == (bracket == '{' ? '}' : ']');
      if (bracket == '{')
        builder_.OnMapStart(at, "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
      else
        builder_.OnSequenceStart(at, "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
      open.push_back(bracket);
      if (empty || bracket == '[')
        return empty || value(open);
      return member() && value(open);
    }
    case '"':
      return string();
    case 't':
      return word("true", at);
    case 'f':
      return word("false", at);
    case 'n':
      if (!literal("null"))
        return false;
      builder_.OnNull(at, YAML::NullAnchor);
      return true;
    default:
      return number(at);
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() ||
        std::string_view(reinterpret_cast<const char *>(p_), word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }

  bool word(std::string_view text, const YAML::Mark &at) {
    if (!literal(text))
      return false;
    builder_.scalar(at, /*plain=*/true, std::string(text));
    return true;
  }

  bool number(const YAML::Mark &at) {
    const unsigned char *start = p_;
    auto digits = [&] {
      const unsigned char *first = p_;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9')
        ++p_;
      return p_ != first;
    };
    if (p_ != end_ && *p_ == '-')
      ++p_;
    if (p_ != end_ && *p_ == '0')
      ++p_;
    else if (!digits())
      return false;
    if (p_ != end_ && *p_ == '.' && (++p_, !digits()))
      return false;
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-'))
        ++p_;
      if (!digits())
        return false;
    }
    builder_.scalar(at, /*plain=*/true, std::string(reinterpret_cast<const char *>(start), p_ - start));
    return true;
  }

  bool string() {
    YAML::Mark at = mark();
    ++p_; // the opening quote
    std::string value;
    while (true) {
      const unsigned char *run = p_;
      while (p_ != end_ && *p_ != '"' && *p_ != '\\' && *p_ >= 0x20 && *p_ < 0x80)
        ++p_;
      value.append(reinterpret_cast<const char *>(run), p_ - run);
      if (p_ == end_ || *p_ < 0x20)
        return false; // unterminated, or a control character JSON does not allow
      if (*p_ == '"')
        break;
      if (*p_ >= 0x80) {
        size_t length = utf8Length(p_, end_);
        if (length == 0)
          return false; // yaml-cpp decides what ill-formed UTF-8 becomes
        value.append(reinterpret_cast<const char *>(p_), length);
        p_ += length;
        continue;
      }
      if (++p_ == end_) // a backslash
        return false;
      switch (*p_++) {
      case '"': value += '"'; break;
      case '\\': value += '\\'; break;
      case '/': value += '/'; break;
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'u': {
        if (end_ - p_ < 4)
          return false;
        unsigned code = 0;
        for (int i = 0; i < 4; ++i, ++p_) {
          unsigned char c = *p_;
          unsigned digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
          if (digit == 16)
            return false;
          code = code * 16 + digit;
        }
        if (code == 0 || (code >= 0xD800 && code <= 0xDFFF))
          return false; // NUL and surrogate pairs: as yaml-cpp decodes them
        appendUtf8(value, code);
        break;
      }
      default:
        return false;
      }
    }
    ++p_; // the closing quote
    builder_.scalar(at, /*plain=*/false, std::move(value));
    return true;
  }

  static constexpr size_t kMaxDepth = 256;
  const std::string &text_;
  const unsigned char *p_;
  const unsigned char *end_;
  unsigned line_ = 0;
  size_t lineStart_ = 0;
  DocTreeBuilder &builder_;
};

} // namespace

bool readJsonTree(const std::string &text, DocTree &tree) {
  DocTreeBuilder builder(tree);
  return JsonReader(text, builder).read();
}

bool readBlockYamlTree(const std::string &, DocTree &) { return false; }

} // namespace eventscope
