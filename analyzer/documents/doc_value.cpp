#include "analyzer/documents/doc_value.h"

#include "model/input_error.h"
#include "model/text_distance.h"

#include <algorithm>

namespace eventscope {

size_t DocValue::size() const {
  if (isMap())
    return node_->entries().size();
  return isSequence() ? node_->items().size() : 0;
}

std::vector<std::pair<DocValue, DocValue>> DocValue::entries() const {
  std::vector<std::pair<DocValue, DocValue>> out;
  if (isMap())
    for (const DocEntry &entry : node_->entries())
      out.emplace_back(DocValue(entry.key, *file_), DocValue(entry.value, *file_));
  return out;
}

std::vector<DocValue> DocValue::items() const {
  std::vector<DocValue> out;
  if (isSequence())
    for (const DocNode *item : node_->items())
      out.emplace_back(item, *file_);
  return out;
}

void DocValue::fail(const std::string &problem) const { throw InputError(location(), problem); }

std::string DocValue::scalar(const std::string &what) const {
  if (!isScalar())
    fail(what + " must be a string");
  return text();
}

std::vector<std::pair<std::string, Location>> DocValue::locatedStringList(const std::string &what) const {
  std::vector<std::pair<std::string, Location>> out;
  if (isNull())
    return out;
  if (isScalar()) // a single item written without brackets
    return {{text(), location()}};
  if (!isSequence())
    fail(what + " must be a list of strings");
  for (const DocValue &item : items()) {
    if (!item.isScalar())
      item.fail("each item of " + what + " must be a string");
    out.emplace_back(item.text(), item.location());
  }
  return out;
}

std::vector<std::string> DocValue::stringList(const std::string &what) const {
  std::vector<std::string> out;
  for (auto &[text, location] : locatedStringList(what))
    out.push_back(text);
  return out;
}

void DocValue::rejectUnknownKeys(const std::vector<std::string> &allowed, const std::string &context) const {
  for (const auto &[key, value] : entries()) {
    if (!key.isScalar())
      key.fail("keys of " + context + " must be strings");
    std::string name = key.text();
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end() || name.rfind("x-", 0) == 0)
      continue;
    std::string message = "unknown key '" + name + "' in " + context;
    if (auto suggestion = closestMatch(name, allowed))
      message += "; did you mean '" + *suggestion + "'?";
    else {
      message += " (expected one of:";
      for (const std::string &a : allowed)
        message += " " + a;
      message += ")";
    }
    key.fail(message);
  }
}

DocFile::DocFile(std::string text, std::string displayPath)
    : path_(std::move(displayPath)), tree_(readDocumentTree(std::move(text), path_)) {}

std::vector<DocValue> documentValues(const DocTree &tree, const std::string &file) {
  std::vector<DocValue> out;
  for (const DocNode *document : tree.documents)
    out.emplace_back(document, file);
  return out;
}

std::vector<DocValue> DocFile::documents() const { return documentValues(tree_, path_); }

} // namespace eventscope
