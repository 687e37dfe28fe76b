// A parsed YAML or JSON document as plain data (analyzer/documents/document_tree.h builds it
// from parser events; the AsyncAPI loader and the contract diff read it). No yaml-cpp here:
// the model reads documents through this, the analyzer makes them.
#pragma once

#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace eventscope {

class DocTreeBuilder;
struct DocTree;
struct DocNode;

struct DocEntry {
  const DocNode *key;
  const DocNode *value;
};

struct DocNode {
  enum class Kind : unsigned char { Null, Scalar, Map, Sequence };
  unsigned line = 0;     // 1-based; 0 when unknown
  unsigned column = 0;   // 1-based, in bytes
  Kind kind = Kind::Null;
  bool plain = false;    // a scalar without quotes or tag: it may read as a number or boolean

  bool isNull() const { return kind == Kind::Null; }
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isMap() const { return kind == Kind::Map; }
  bool isSequence() const { return kind == Kind::Sequence; }
  // A scalar's value, in the tree's source or its own text storage; empty for other kinds.
  std::string_view text() const { return isScalar() ? std::string_view(data_.text, size_) : std::string_view(); }
  // A map's keys and values in document order; a sequence's items (empty for other kinds).
  std::span<const DocEntry> entries() const {
    return isMap() ? std::span(static_cast<const DocEntry *>(data_.pointer), size_) : std::span<const DocEntry>();
  }
  std::span<const DocNode *const> items() const {
    return isSequence() ? std::span(static_cast<const DocNode *const *>(data_.pointer), size_)
                        : std::span<const DocNode *const>();
  }
  // The value of the first entry whose key is the scalar `key`; nullptr when there is none.
  const DocNode *get(std::string_view key) const;

private:
  friend class DocTreeBuilder;
  friend struct DocTree;
  void setText(std::string_view text) {
    data_.text = text.data();
    size_ = static_cast<unsigned>(text.size()); // (a file's size is checked below 4 GiB when read)
  }
  // 32 bytes a node (a 50 MB document has six million): a scalar's text and a map's or
  // sequence's children share their place, as they share their length.
  unsigned size_ = 0; // a map's entries, a sequence's items, a scalar's bytes
  // The children sit in the tree's arrays, one allocation for all (a malloc per map and
  // sequence was most of the cost of a large document): an offset while the tree is built.
  union {
    size_t offset;
    const void *pointer;
    const char *text;
  } data_{0};
  // Large maps are searched through an index built on first use (a 60,000-channel map is
  // looked up once per `$ref` into it).
  mutable std::unique_ptr<std::unordered_map<std::string_view, const DocNode *>> index_;
};

// The text of a map key: a scalar's text, "" for a key that is not a scalar.
inline std::string keyText(const DocNode *key) { return key->isScalar() ? std::string(key->text()) : std::string(); }

// Whether a scalar is a JSON string for certain: quoted, or plain and starting with none of
// the characters that begin YAML's booleans, nulls and numbers (scalarValue's cases).
inline bool readsAsString(const DocNode &node) {
  return !node.plain || (!node.text().empty() && !std::strchr("0123456789+-.~tTfFnN", node.text()[0]));
}

// A YAML scalar as JSON (`Json`: an nlohmann::basic_json): a quoted one is a string whatever
// it looks like; a plain one is a boolean, null or number when YAML 1.2's core schema (and
// 1.1's capitalised forms) says so (YAML 1.2.2, 10.3.2 "Tag Resolution").
template <class Json> Json scalarValue(const DocNode &node) {
  std::string text(node.text());
  if (readsAsString(node))
    return text;
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  if (text == "~" || text == "null" || text == "Null" || text == "NULL")
    return nullptr;
  if (!text.empty() && text.find_first_not_of("+-0123456789") == std::string::npos && text.size() < 19)
    try {
      return std::stoll(text);
    } catch (const std::exception &) {
    }
  if (!text.empty() && text.find_first_not_of("+-0123456789.eE") == std::string::npos)
    try {
      size_t used = 0;
      double number = std::stod(text, &used);
      if (used == text.size())
        return number;
    } catch (const std::exception &) {
    }
  return text;
}

} // namespace eventscope
