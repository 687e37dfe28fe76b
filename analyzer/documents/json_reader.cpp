// JSON documents, read as yaml-cpp reads them (reader_support.h).
#include "analyzer/documents/document_tree.h"
#include "analyzer/documents/reader_support.h"

#include <cstring>
#include <string_view>
#include <vector>

namespace eventscope {
namespace {

using namespace reader;

// JSON (RFC 8259) as yaml-cpp reads it: a flow collection whose quoted strings are tagged
// "!" and whose numbers, true and false are plain scalars; null is a null node.
class JsonReader {
public:
  JsonReader(DocTree &tree, DocTreeBuilder &builder)
      : text_(tree.source), p_(reinterpret_cast<const unsigned char *>(text_.data())), end_(p_ + text_.size()),
        tree_(tree), builder_(builder) {}

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

  // A key and its colon, at the start of a member. YAML wants a key's colon on its line and
  // the key under 1,024 characters: yaml-cpp refuses other JSON.
  bool member() {
    const unsigned char *key = p_;
    if (p_ == end_ || *p_ != '"' || !string() || p_ - key > 1000)
      return false;
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t'))
      ++p_;
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
    builder_.scalar(at, /*plain=*/true, text);
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
    builder_.scalar(at, /*plain=*/true, std::string_view(reinterpret_cast<const char *>(start), p_ - start));
    return true;
  }

  bool string() {
    YAML::Mark at = mark();
    ++p_; // the opening quote
    const unsigned char *start = p_;
    std::string value;
    while (true) {
      const unsigned char *run = p_;
      while (p_ != end_ && *p_ != '"' && *p_ != '\\' && *p_ >= 0x20 && *p_ < 0x7F)
        ++p_;
      value.append(reinterpret_cast<const char *>(run), p_ - run);
      if (p_ == end_ || *p_ < 0x20 || *p_ == 0x7F)
        return false; // unterminated, or a control character
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
          unsigned digit = hexDigit(*p_);
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
    // Without escapes (the usual case) the value is the text between the quotes.
    std::string_view raw(reinterpret_cast<const char *>(start), p_ - start);
    ++p_; // the closing quote
    builder_.scalar(at, /*plain=*/false, raw.size() == value.size() ? raw : tree_.keep(value));
    return true;
  }

  static constexpr size_t kMaxDepth = 2048; // past it, yaml-cpp (which stops at 500) says why
  const std::string &text_;
  const unsigned char *p_;
  const unsigned char *end_;
  unsigned line_ = 0;
  size_t lineStart_ = 0;
  DocTree &tree_;
  DocTreeBuilder &builder_;
};

} // namespace

bool readJsonTree(DocTree &tree) {
  DocTreeBuilder builder(tree);
  if (!JsonReader(tree, builder).read())
    return false;
  builder.finish();
  return true;
}

} // namespace eventscope
