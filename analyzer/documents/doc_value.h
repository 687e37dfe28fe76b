// The YAML and JSON files eventscope reads besides contracts (the config, manifests, API
// profiles, ROS launch and parameter files) as one kind of value: a node of the file's
// document tree (document_tree.h, the tree contracts are read from) together with the path
// messages show for the file. A message about a value names the file, line and column
// without the path being passed along.
#pragma once

#include "analyzer/documents/document_tree.h"
#include "model/location.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventscope {

// A node and its file; two pointers, passed by value. A value that is not there (`get` of a
// missing key, or of a key of something that is not a map) is false, and reads as null:
// no entries, no items, no text.
class DocValue {
public:
  DocValue(const DocNode *node, const std::string &file) : node_(node), file_(&file) {}

  explicit operator bool() const { return node_ != nullptr; }
  bool isNull() const { return !node_ || node_->isNull(); } // absent, `~`, `null` or nothing written
  bool isScalar() const { return node_ && node_->isScalar(); }
  bool isMap() const { return node_ && node_->isMap(); }
  bool isSequence() const { return node_ && node_->isSequence(); }
  // A scalar's text ("" for anything else, as yaml-cpp's Scalar()).
  std::string text() const { return isScalar() ? std::string(node_->text()) : std::string(); }
  // A map's entries or a sequence's items; 0 for anything else.
  size_t size() const;
  // The value of the first entry whose key is the scalar `key`.
  DocValue get(std::string_view key) const { return {node_ ? node_->get(key) : nullptr, *file_}; }
  // A map's (key, value) pairs and a sequence's items, in document order.
  std::vector<std::pair<DocValue, DocValue>> entries() const;
  std::vector<DocValue> items() const;

  const std::string &file() const { return *file_; }
  // Where the node is written; the file alone for a value that is not there.
  Location location() const { return locationOf(node_, *file_); }
  // Throws InputError at the node.
  [[noreturn]] void fail(const std::string &problem) const;

  // Typed reads: each throws InputError at the node, "<what> must be a string" and so on.
  std::string scalar(const std::string &what) const;
  // A list of strings, or one string written without brackets; absent or null: empty.
  std::vector<std::string> stringList(const std::string &what) const;
  std::vector<std::pair<std::string, Location>> locatedStringList(const std::string &what) const;
  // Throws "unknown key 'x' in <context>; did you mean 'y'?" (or the keys allowed) for a
  // key of this map outside `allowed`; keys starting with `x-` are extensions, allowed.
  void rejectUnknownKeys(const std::vector<std::string> &allowed, const std::string &context) const;

private:
  const DocNode *node_;
  const std::string *file_; // never null: every value, present or not, is of a file
};

// Every document of `tree` (null ones included) as values of the file shown as `file`, which
// must outlive them.
std::vector<DocValue> documentValues(const DocTree &tree, const std::string &file);

// A file read into a document tree, and the path messages show for it: what its DocValues
// point into, so it stays where it was made (neither copied nor moved).
class DocFile {
public:
  // `text` read by the fastest reader that accepts it (readDocumentTree); throws InputError
  // at the file, line and column on a syntax error.
  DocFile(std::string text, std::string displayPath);
  DocFile(const DocFile &) = delete;
  DocFile &operator=(const DocFile &) = delete;

  const std::string &path() const { return path_; }
  // Every document of the file, null ones included (an empty file has none).
  std::vector<DocValue> documents() const;
  // Throws InputError at the second document's `---` (refuseMoreDocuments) when the file
  // holds more than one; `text` is the file's text, `what` names the file in the message.
  void refuseMoreDocuments(const std::string &text, const std::string &what) const {
    if (tree_.documents.size() > 1)
      eventscope::refuseMoreDocuments(tree_, text, path_, what);
  }

private:
  std::string path_;
  DocTree tree_;
};

} // namespace eventscope
