#include "model/document_node.h"

namespace eventscope {

const DocNode *DocNode::get(std::string_view key) const {
  if (kind != Kind::Map)
    return nullptr;
  constexpr size_t kIndexedMapSize = 32;
  if (size_ <= kIndexedMapSize) {
    for (const auto &[k, v] : entries())
      if (k->isScalar() && k->text() == key)
        return v;
    return nullptr;
  }
  if (!index_) {
    index_ = std::make_unique<std::unordered_map<std::string_view, const DocNode *>>();
    index_->reserve(size_);
    for (const auto &[k, v] : entries())
      if (k->isScalar())
        index_->emplace(k->text(), v); // keeps the first of duplicate keys, as yaml-cpp finds it
  }
  auto it = index_->find(key);
  return it == index_->end() ? nullptr : it->second;
}

} // namespace eventscope
