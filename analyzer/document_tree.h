// A parsed YAML or JSON file as plain data: what the AsyncAPI loader walks.
//
// yaml-cpp's YAML::Node costs about 60 bytes per input byte and 20 s for a 50 MB document;
// this tree is built from parser events instead (yaml-cpp's, or the readers of
// document_readers.cpp for JSON and for common block-style YAML, which yield the same events
// for what they accept and leave everything else to yaml-cpp). docs/performance.md has the figures.
#pragma once

#include "model/location.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventscope {

struct DocNode {
  enum class Kind : unsigned char { Null, Scalar, Map, Sequence };
  Kind kind = Kind::Null;
  bool plain = false;   // a scalar without quotes or tag: it may read as a number or boolean
  unsigned line = 0;    // 1-based; 0 when unknown
  unsigned column = 0;  // 1-based, in bytes
  std::string text;     // a scalar's value
  std::vector<std::pair<const DocNode *, const DocNode *>> entries; // a map's keys and values, in order
  std::vector<const DocNode *> items;                               // a sequence's items

  bool isNull() const { return kind == Kind::Null; }
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isMap() const { return kind == Kind::Map; }
  bool isSequence() const { return kind == Kind::Sequence; }
  // The value of the first entry whose key is the scalar `key`; nullptr when there is none.
  const DocNode *get(std::string_view key) const;

private:
  // Large maps are searched through an index built on first use (a 60,000-channel map is
  // looked up once per `$ref` into it).
  mutable std::unique_ptr<std::unordered_map<std::string_view, const DocNode *>> index_;
};

// The text of a map key: a scalar's text, "" for a key that is not a scalar.
inline const std::string &keyText(const DocNode *key) {
  static const std::string none;
  return key->isScalar() ? key->text : none;
}

// The documents of one file. Nodes are shared where YAML aliases refer to an anchor.
struct DocTree {
  std::deque<DocNode> nodes;
  std::vector<const DocNode *> documents;
};

// A node's position as a 1-based Location in `file` (no line for a node that is not there).
Location locationOf(const DocNode *node, const std::string &file);
// A list of strings (or one string written without brackets); throws InputError
// "file:line:col: <what> must be a list of strings" otherwise. Null or absent: empty.
std::vector<std::string> stringListOf(const DocNode *node, const std::string &file, const std::string &what);

// Builds a DocTree from parser events (yaml-cpp's, or the fast readers').
class DocTreeBuilder : public YAML::EventHandler {
public:
  explicit DocTreeBuilder(DocTree &tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark &) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override;
  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override;
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override;
  void OnMapEnd() override { open_.pop_back(); }

  // The fast readers' scalars: `plain` as yaml-cpp's tag "?" says it.
  void scalar(const YAML::Mark &mark, bool plain, std::string value);

private:
  DocNode &add(const YAML::Mark &mark, DocNode::Kind kind, YAML::anchor_t anchor);

  DocTree &tree_;
  const DocNode *root_ = nullptr;
  struct Open {
    DocNode *node;
    const DocNode *key = nullptr; // a map's key still waiting for its value
  };
  std::vector<Open> open_; // the maps and sequences being filled, innermost last
  std::vector<DocNode *> anchors_;
};

// Every document of a YAML or JSON file, read by the fastest reader that accepts it. Throws
// InputError naming the file, line and column on a syntax error (yaml-cpp's message), and
// when yaml-cpp's known loops trip the time or memory bounds of yaml_input.h.
DocTree readDocumentTree(const std::string &text, const std::string &displayPath);

// The readers, for tests that hold them to yaml-cpp: each returns false, with `tree` to be
// discarded, for anything it does not read exactly as yaml-cpp does.
bool readJsonTree(const std::string &text, DocTree &tree);
bool readBlockYamlTree(const std::string &text, DocTree &tree);
// yaml-cpp's events, without the time and memory bounds (throws YAML::Exception).
void readYamlCppTree(const std::string &text, DocTree &tree);

} // namespace eventscope
