#include "analyzer/document_tree.h"

#include "analyzer/yaml_input.h"

#include <yaml-cpp/parser.h>

#include <sstream>

namespace eventscope {

const DocNode *DocNode::get(std::string_view key) const {
  if (kind != Kind::Map)
    return nullptr;
  constexpr size_t kIndexedMapSize = 32;
  if (entries.size() <= kIndexedMapSize) {
    for (const auto &[k, v] : entries)
      if (k->isScalar() && k->text == key)
        return v;
    return nullptr;
  }
  if (!index_) {
    index_ = std::make_unique<std::unordered_map<std::string_view, const DocNode *>>();
    index_->reserve(entries.size());
    for (const auto &[k, v] : entries)
      if (k->isScalar())
        index_->emplace(k->text, v); // keeps the first of duplicate keys, as yaml-cpp finds it
  }
  auto it = index_->find(key);
  return it == index_->end() ? nullptr : it->second;
}

Location locationOf(const DocNode *node, const std::string &file) {
  if (!node)
    return {file, 0, 0, ""};
  return {file, node->line, node->column, ""};
}

std::vector<std::string> stringListOf(const DocNode *node, const std::string &file, const std::string &what) {
  std::vector<std::string> items;
  if (!node || node->isNull())
    return items;
  if (node->isScalar()) // a single item written without brackets
    return {node->text};
  if (!node->isSequence())
    throw InputError(locationOf(node, file), what + " must be a list of strings");
  for (const DocNode *item : node->items) {
    if (!item->isScalar())
      throw InputError(locationOf(item, file), "each item of " + what + " must be a string");
    items.push_back(item->text);
  }
  return items;
}

DocNode &DocTreeBuilder::add(const YAML::Mark &mark, DocNode::Kind kind, YAML::anchor_t anchor) {
  DocNode &node = tree_.nodes.emplace_back();
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
    DocNode &empty = tree_.nodes.emplace_back();
    root_ = &empty;
  }
  tree_.documents.push_back(root_);
  root_ = nullptr;
}

namespace {

// Places a finished or just opened node in its parent: a sequence's next item, a map's key
// or the value of the key before it.
template <class Open> void place(std::vector<Open> &open, const DocNode *&root, const DocNode *node) {
  if (open.empty()) {
    root = node;
    return;
  }
  Open &parent = open.back();
  if (parent.node->isSequence()) {
    parent.node->items.push_back(node);
  } else if (!parent.key) {
    parent.key = node;
  } else {
    parent.node->entries.emplace_back(parent.key, node);
    parent.key = nullptr;
  }
}

} // namespace

void DocTreeBuilder::OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) {
  place(open_, root_, &add(mark, DocNode::Kind::Null, anchor));
}

void DocTreeBuilder::OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) {
  // yaml-cpp refuses an unknown alias before this; an empty node keeps the tree whole anyway.
  const DocNode *target = anchor < anchors_.size() && anchors_[anchor] ? anchors_[anchor]
                                                                        : &add(mark, DocNode::Kind::Null, 0);
  place(open_, root_, target);
}

void DocTreeBuilder::OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                              const std::string &value) {
  DocNode &node = add(mark, DocNode::Kind::Scalar, anchor);
  node.plain = tag == "?";
  node.text = value;
  place(open_, root_, &node);
}

void DocTreeBuilder::scalar(const YAML::Mark &mark, bool plain, std::string value) {
  DocNode &node = add(mark, DocNode::Kind::Scalar, YAML::NullAnchor);
  node.plain = plain;
  node.text = std::move(value);
  place(open_, root_, &node);
}

void DocTreeBuilder::OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                                     YAML::EmitterStyle::value) {
  DocNode &node = add(mark, DocNode::Kind::Sequence, anchor);
  place(open_, root_, &node);
  open_.push_back({&node});
}

void DocTreeBuilder::OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                                YAML::EmitterStyle::value) {
  DocNode &node = add(mark, DocNode::Kind::Map, anchor);
  place(open_, root_, &node);
  open_.push_back({&node});
}

void readYamlCppTree(const std::string &text, DocTree &tree) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  DocTreeBuilder builder(tree);
  while (parser.HandleNextDocument(builder)) {
  }
}

DocTree readDocumentTree(const std::string &text, const std::string &displayPath) {
  {
    DocTree tree;
    if (readJsonTree(text, tree) || (tree = DocTree(), readBlockYamlTree(text, tree)))
      return tree;
  }
  std::shared_ptr<void> parsed = boundedYamlParse(text, displayPath, [](const std::string &input) {
    auto tree = std::make_shared<DocTree>();
    readYamlCppTree(input, *tree);
    return std::shared_ptr<void>(tree);
  });
  return std::move(*std::static_pointer_cast<DocTree>(parsed));
}

} // namespace eventscope
