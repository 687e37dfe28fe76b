#include "analyzer/documents/document_tree.h"

#include "analyzer/documents/yaml_input.h"
#include "model/json_pointer.h"

#include <yaml-cpp/parser.h>

#include <algorithm>
#include <tuple>
#include <functional>
#include <unordered_map>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sstream>

#include <sys/mman.h>

namespace eventscope {

namespace {

void describeNode(const DocNode &node, std::string &out, unsigned depth) {
  out.append(depth * 2, ' ');
  out += std::to_string(node.line) + ":" + std::to_string(node.column) + " ";
  switch (node.kind) {
  case DocNode::Kind::Null:
    out += "null\n";
    return;
  case DocNode::Kind::Scalar:
    out += node.plain ? "plain [" : "quoted [";
    out += node.text();
    out += "]\n";
    return;
  case DocNode::Kind::Map:
    out += "map\n";
    for (const auto &[key, value] : node.entries()) {
      describeNode(*key, out, depth + 1);
      describeNode(*value, out, depth + 2);
    }
    return;
  case DocNode::Kind::Sequence:
    out += "sequence\n";
    for (const DocNode *item : node.items())
      describeNode(*item, out, depth + 1);
    return;
  }
}

} // namespace

std::string describeTree(const DocTree &tree) {
  std::string out;
  for (const DocNode *document : tree.documents) {
    out += "---\n";
    describeNode(*document, out, 0);
  }
  return out;
}

Location locationOf(const DocNode *node, const std::string &file) {
  if (!node)
    return {file, 0, 0, ""};
  return {file, node->line, node->column, ""};
}

void *allocateTreeMemory(size_t bytes) {
  constexpr size_t kHugePage = size_t(2) << 20;
  void *memory = nullptr;
  if (bytes >= kHugePage) {
    size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    memory = std::aligned_alloc(kHugePage, rounded);
#ifdef MADV_HUGEPAGE
    if (memory)
      madvise(memory, rounded, MADV_HUGEPAGE);
#endif
  } else {
    memory = std::malloc(bytes ? bytes : 1);
  }
  if (!memory)
    throw std::bad_alloc();
  return memory;
}

void freeTreeMemory(void *memory) { std::free(memory); }

DocTree::NodeBlock::NodeBlock(size_t capacity)
    : nodes(static_cast<DocNode *>(allocateTreeMemory(capacity * sizeof(DocNode)))), capacity(capacity) {}

DocTree::NodeBlock::~NodeBlock() {
  for (size_t i = 0; i < used; ++i)
    nodes[i].~DocNode();
  if (nodes)
    freeTreeMemory(nodes);
}

// 4 MiB of nodes: two huge pages.
constexpr size_t kLargestNodeBlock = (size_t(4) << 20) / sizeof(DocNode);

DocNode &DocTree::newNode() {
  if (blocks_.empty() || blocks_.back().used == blocks_.back().capacity)
    blocks_.emplace_back(blocks_.empty() ? 256 : std::min(blocks_.back().capacity * 2, kLargestNodeBlock));
  NodeBlock &block = blocks_.back();
  DocNode *node = new (block.nodes + block.used) DocNode();
  ++block.used;
  return *node;
}

const DocNode &DocTree::newMap(std::span<const DocEntry> entries, unsigned line, unsigned column) {
  DocNode &node = newNode();
  node.kind = DocNode::Kind::Map;
  node.line = line;
  node.column = column;
  madeEntries_.emplace_back(new DocEntry[entries.size() ? entries.size() : 1]);
  std::copy(entries.begin(), entries.end(), madeEntries_.back().get());
  node.data_.pointer = madeEntries_.back().get();
  node.size_ = static_cast<unsigned>(entries.size());
  return node;
}

std::string_view DocTree::keep(std::string_view text) {
  if (text.empty())
    return {};
  constexpr size_t kTextBlock = 64 << 10;
  if (text.size() > textLeft_) {
    size_t size = std::max(kTextBlock, text.size());
    textBlocks_.emplace_back(new char[size]);
    textNext_ = textBlocks_.back().get();
    textLeft_ = size;
  }
  char *at = textNext_;
  std::memcpy(at, text.data(), text.size());
  textNext_ += text.size();
  textLeft_ -= text.size();
  return {at, text.size()};
}

void DocTree::clear() {
  std::string keptSource = std::move(source);
  *this = DocTree();
  source = std::move(keptSource);
}

size_t DocTree::nodeCount() const {
  size_t count = 0;
  for (const NodeBlock &block : blocks_)
    count += block.used;
  return count;
}

DocNode &DocTreeBuilder::add(const YAML::Mark &mark, DocNode::Kind kind, YAML::anchor_t anchor) {
  DocNode &node = tree_.newNode();
  node.kind = kind;
  if (!mark.is_null()) {
    node.line = static_cast<unsigned>(mark.line) + 1;
    node.column = static_cast<unsigned>(mark.column) + 1;
  }
  if (anchor != YAML::NullAnchor) {
    if (anchors_.size() <= anchor)
      anchors_.resize(anchor + 1, nullptr);
    anchors_[anchor] = &node;
  }
  return node;
}

void DocTreeBuilder::OnDocumentStart(const YAML::Mark &) {
  root_ = nullptr;
  open_.clear();
  anchors_.clear();
}

void DocTreeBuilder::OnDocumentEnd() {
  if (!root_) { // an empty document reads as null, as YAML::LoadAll reads it
    DocNode &empty = tree_.newNode();
    root_ = &empty;
  }
  tree_.documents.push_back(root_);
  root_ = nullptr;
}

// Places a node in its parent (its next child), or makes it the document's root.
void DocTreeBuilder::place(const DocNode *node) {
  if (open_.empty())
    root_ = node;
  else
    children_.push_back(node);
}

// Moves the children of the innermost open map or sequence to the tree's arrays.
void DocTreeBuilder::close() {
  Open open = open_.back();
  open_.pop_back();
  size_t count = children_.size() - open.firstChild;
  if (open.node->isMap()) {
    failOnDuplicateKey(*open.node, open.firstChild);
    open.node->data_.offset = tree_.entries.size();
    bool merges = false;
    for (size_t i = open.firstChild; i + 1 < children_.size(); i += 2)
      merges = merges || isMergeKey(children_[i]);
    if (merges) {
      closeMerging(*open.node, open.firstChild);
    } else {
      open.node->size_ = static_cast<unsigned>(count / 2);
      for (size_t i = open.firstChild; i + 1 < children_.size(); i += 2)
        tree_.entries.push_back({children_[i], children_[i + 1]});
    }
  } else {
    open.node->data_.offset = tree_.items.size();
    open.node->size_ = static_cast<unsigned>(count);
    tree_.items.insert(tree_.items.end(), children_.begin() + open.firstChild, children_.end());
  }
  children_.resize(open.firstChild);
}

// YAML 1.2 (section 3.2.1.1) requires a mapping's keys to be unique, and the reference AsyncAPI
// parser refuses a document with "Duplicate key" in YAML and in JSON alike: a second `orders:`
// under `channels` is a mistake that would otherwise hide one of the two channels. Refused at
// the second key, naming where the first is. Scalar keys only (a complex key is rare and has
// no one text); merged-in keys (`<<`) may repeat a written key by design.
void DocTreeBuilder::failOnDuplicateKey(const DocNode &map, size_t firstChild) {
  if (!tree_.problem.empty())
    return;
  std::vector<const DocNode *> keys;
  for (size_t i = firstChild; i + 1 < children_.size(); i += 2)
    if (const DocNode *key = children_[i]; key->isScalar() && !isMergeKey(key))
      keys.push_back(key);
  if (keys.size() < 2)
    return;
  // Stable by text: of equal keys, the one written first comes first, its next copy second.
  std::stable_sort(keys.begin(), keys.end(), [](const DocNode *a, const DocNode *b) { return a->text() < b->text(); });
  const DocNode *first = nullptr, *second = nullptr; // of the copy written earliest
  for (size_t i = 1; i < keys.size(); ++i)
    if (keys[i]->text() == keys[i - 1]->text() && (i < 2 || keys[i - 2]->text() != keys[i]->text()) &&
        (!second || std::tie(keys[i]->line, keys[i]->column) < std::tie(second->line, second->column))) {
      first = keys[i - 1];
      second = keys[i];
    }
  if (!second)
    return;
  fail(second,
       "duplicate key '" + std::string(second->text()) + "' in one map (first written at line " +
           std::to_string(first->line) + ", column " + std::to_string(first->column) +
           "): a map's keys must be unique",
       &map);
  tree_.problemKey = std::string(second->text());
}

bool DocTreeBuilder::isMergeKey(const DocNode *key) {
  return key->isScalar() && key->plain && key->text() == "<<";
}

// YAML's merge key (https://yaml.org/type/merge.html, read as js-yaml and so the reference
// AsyncAPI parser read it): `<<: *a` or `<<: [*a, *b]` adds the entries of those maps whose
// keys the map does not have yet, the first source winning; a key written in the map itself
// takes the value written there, in its first place. The sources were closed before this
// map, so their own merges are done.
void DocTreeBuilder::closeMerging(DocNode &map, size_t firstChild) {
  std::vector<DocEntry> merged;
  struct Place {
    size_t index;   // in `merged`
    bool fromMerge; // a merge put it there, so the map's own value may still replace it
  };
  std::unordered_map<std::string_view, Place> placeOf; // scalar keys
  auto addEntry = [&](const DocNode *key, const DocNode *value, bool merging) {
    if (!key->isScalar()) {
      if (!merging)
        merged.push_back({key, value});
      return;
    }
    auto [it, inserted] = placeOf.try_emplace(key->text(), Place{merged.size(), merging});
    if (inserted) {
      merged.push_back({key, value});
    } else if (!merging && it->second.fromMerge) {
      merged[it->second.index].value = value; // the map's own value wins over a merged one
      it->second.fromMerge = false;
    } else if (!merging) {
      merged.push_back({key, value}); // a key written twice: failOnDuplicateKey refused the file
    }
  };
  // `at`: the `<<` key, where a problem with its value is said (the map's own place is its
  // first key's, another line when `<<` is not first).
  auto mergeFrom = [&](const DocNode *source, const DocNode *at) {
    if (!tree_.problem.empty())
      return;
    if (source->isMap() && mergedEntries_ + merged.size() + source->size_ > kMaxMergedEntries) {
      fail(&map, "merge keys (<<) expand the document past " + std::to_string(kMaxMergedEntries) + " entries; refused",
           &map);
      return;
    }
    if (!source->isMap()) {
      // At the merge key: an alias's node is where its anchor is, not where it is used.
      fail(at, "the value of a merge key (<<) must be a map or a list of maps", &map);
      return;
    }
    if (std::any_of(open_.begin(), open_.end(), [&](const Open &o) { return o.node == source; })) {
      fail(at, "a merge key (<<) refers to a map that contains it", &map);
      return;
    }
    for (unsigned i = 0; i < source->size_; ++i) {
      const DocEntry &entry = tree_.entries[source->data_.offset + i];
      addEntry(entry.key, entry.value, true);
    }
  };
  for (size_t i = firstChild; i + 1 < children_.size(); i += 2) {
    const DocNode *key = children_[i], *value = children_[i + 1];
    if (!isMergeKey(key)) {
      addEntry(key, value, false);
    } else if (value->isSequence()) {
      // A sequence is closed with its items in tree_.items at its offset.
      for (unsigned j = 0; j < value->size_; ++j)
        mergeFrom(tree_.items[value->data_.offset + j], key);
    } else {
      mergeFrom(value, key);
    }
  }
  mergedEntries_ += merged.size();
  if (mergedEntries_ > kMaxMergedEntries)
    fail(&map, "merge keys (<<) expand the document past " + std::to_string(kMaxMergedEntries) + " entries; refused",
         &map);
  map.size_ = static_cast<unsigned>(merged.size());
  tree_.entries.insert(tree_.entries.end(), merged.begin(), merged.end());
}

void DocTreeBuilder::fail(const DocNode *at, const std::string &problem, const DocNode *map) {
  if (!tree_.problem.empty())
    return; // the first one is reported
  tree_.problem = problem;
  tree_.problemMap = map;
  tree_.problemLine = at->line;
  tree_.problemColumn = at->column;
}

void DocTreeBuilder::finish() {
  tree_.forEachNode([this](DocNode &node) {
    if (node.isMap())
      node.data_.pointer = tree_.entries.data() + node.data_.offset;
    else if (node.isSequence())
      node.data_.pointer = tree_.items.data() + node.data_.offset;
  });
}

void DocTreeBuilder::OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) {
  place(&add(mark, DocNode::Kind::Null, anchor));
}

void DocTreeBuilder::OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) {
  // yaml-cpp refuses an unknown alias before this; an empty node keeps the tree whole anyway.
  const DocNode *target = anchor < anchors_.size() && anchors_[anchor] ? anchors_[anchor]
                                                                        : &add(mark, DocNode::Kind::Null, 0);
  tree_.shared = true;
  place(target);
}

void DocTreeBuilder::OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                              const std::string &value) {
  DocNode &node = add(mark, DocNode::Kind::Scalar, anchor);
  node.plain = tag == "?";
  node.setText(tree_.keep(value));
  place(&node);
}

void DocTreeBuilder::scalar(const YAML::Mark &mark, bool plain, std::string_view value) {
  DocNode &node = add(mark, DocNode::Kind::Scalar, YAML::NullAnchor);
  node.plain = plain;
  node.setText(value);
  place(&node);
}

void DocTreeBuilder::OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                                     YAML::EmitterStyle::value) {
  DocNode &node = add(mark, DocNode::Kind::Sequence, anchor);
  place(&node);
  open_.push_back({&node, children_.size()});
}

void DocTreeBuilder::OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                                YAML::EmitterStyle::value) {
  DocNode &node = add(mark, DocNode::Kind::Map, anchor);
  place(&node);
  open_.push_back({&node, children_.size()});
}

void readYamlCppTree(const std::string &text, DocTree &tree) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  DocTreeBuilder builder(tree);
  while (parser.HandleNextDocument(builder)) {
  }
  builder.finish();
}

namespace {
// A tree the builder found a problem in (a bad merge key) is refused here, with the file.
// (Checked in place: moving a tree moves its source, and a short source's characters move
// with it out from under the scalars that view them.)
void check(const DocTree &tree, const std::string &displayPath) {
  if (tree.problem.empty())
    return;
  Location at{displayPath, tree.problemLine, tree.problemColumn, ""};
  // The JSON pointer of the merge key: found by a walk from the roots, only on this error.
  std::function<bool(const DocNode *, std::string &, unsigned)> find = [&](const DocNode *node, std::string &pointer,
                                                                            unsigned depth) {
    if (node == tree.problemMap) {
      appendPointerToken(pointer, tree.problemKey);
      at.pointer = pointer;
      return true;
    }
    if (depth > 2048)
      return false;
    size_t base = pointer.size();
    for (const DocEntry &entry : node->entries()) {
      appendPointerToken(pointer, entry.key->isScalar() ? entry.key->text() : std::string_view("?"));
      if (find(entry.value, pointer, depth + 1))
        return true;
      pointer.resize(base);
    }
    for (size_t i = 0; i < node->items().size(); ++i) {
      pointer += "/" + std::to_string(i);
      if (find(node->items()[i], pointer, depth + 1))
        return true;
      pointer.resize(base);
    }
    return false;
  };
  if (tree.problemMap)
    for (const DocNode *document : tree.documents) {
      std::string pointer;
      if (find(document, pointer, 0))
        break;
    }
  throw InputError(at, tree.problem);
}
} // namespace

DocTree readDocumentTree(std::string text, const std::string &displayPath) {
  {
    DocTree tree;
    tree.source = std::move(text);
    // The fast readers' scalars view the source, so it must not move when the tree does: a
    // string short enough to sit inside the object (libstdc++: 15 bytes) would.
    tree.source.reserve(16);
    if (readJsonTree(tree) || (tree.clear(), readBlockYamlTree(tree))) {
      check(tree, displayPath);
      return tree;
    }
    text = std::move(tree.source);
  }
  std::shared_ptr<void> parsed = boundedYamlParse(text, displayPath, [](const std::string &input) {
    auto tree = std::make_shared<DocTree>();
    readYamlCppTree(input, *tree);
    return std::shared_ptr<void>(tree);
  });
  check(*std::static_pointer_cast<DocTree>(parsed), displayPath);
  return std::move(*std::static_pointer_cast<DocTree>(parsed));
}

void refuseMoreDocuments(const DocTree &tree, const std::string &text, const std::string &displayPath,
                         const std::string &what) {
  if (tree.documents.size() < 2)
    return;
  unsigned line = 0;
  { // the `---` that starts it (an empty document has no node of its own to place)
    bool content = false;
    unsigned at = 0;
    for (size_t start = 0; start < text.size() && line == 0;) {
      size_t end = text.find('\n', start);
      std::string_view row(text.data() + start, (end == std::string::npos ? text.size() : end) - start);
      ++at;
      if (row.substr(0, 3) == "---" && content)
        line = at;
      else if (!row.empty() && row[0] != '#' && row[0] != '%' && row.substr(0, 3) != "---")
        content = true;
      else if (row.substr(0, 3) == "---" && row.size() > 3 && row.find_first_not_of(" \t", 3) != std::string_view::npos)
        content = true; // `--- {asyncapi: ...}`: the first document starts on its marker line
      start = end == std::string::npos ? text.size() : end + 1;
    }
  }
  // No `---` (two JSON objects one after the other, which YAML reads as two documents): no
  // marker to remove.
  const bool marker = line != 0;
  if (!marker)
    line = tree.documents[1]->line;
  throw InputError({displayPath, line, 1, ""},
                   marker ? "a second YAML document starts here: " + what +
                                " must hold one document (split the file, or remove the `---`)"
                          : "a second document starts here: " + what + " must hold one document (split the file)");
}


} // namespace eventscope
