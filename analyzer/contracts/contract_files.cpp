#include "analyzer/contracts/contract_files.h"

#include "analyzer/contracts/asyncapi.h"
#include "analyzer/contracts/manifest.h"
#include "analyzer/documents/yaml_input.h"
#include "model/json_pointer.h"

namespace eventscope {


ContractFileKind loadContractFile(const std::string &path, const std::string &displayPath, const std::string &root,
                                  bool strictKind, EventGraph &graph) {
  std::string text = readInputFile(path, displayPath);
  DocTree tree = readDocumentTree(text, displayPath);
  const DocNode *first = nullptr;
  for (const DocNode *doc : tree.documents)
    if (!doc->isNull()) {
      first = doc;
      break;
    }
  if (first && first->get("service")) { // a manifest: read from the same tree, once
    loadManifestDocuments(documentValues(tree, displayPath), graph);
    return ContractFileKind::Manifest;
  }
  if (first && isAsyncApiDocument(*first)) {
    refuseMoreDocuments(tree, text, displayPath, "an AsyncAPI file");
    addContractToGraph(loadAsyncApi(*first, path, displayPath, AsyncApiOptions{root}), graph);
    return ContractFileKind::AsyncApi;
  }
  if (strictKind)
    throw InputError(locationOf(first, displayPath),
                     "not a contract: expected an AsyncAPI document (top-level `asyncapi`) or an eventscope "
                     "manifest (top-level `service`)");
  return ContractFileKind::Other;
}

LoadedContract loadAsyncApiFile(const std::string &path, const std::string &displayPath, const std::string &root) {
  // The text moves into the tree (a 50 MB document is not kept twice); a file of several
  // documents, refused below, is read again to say where the second starts.
  auto tree = std::make_shared<DocTree>(readDocumentTree(readInputFile(path, displayPath), displayPath));
  if (tree->documents.empty() || !isAsyncApiDocument(*tree->documents.front()))
    throw InputError(locationOf(tree->documents.empty() ? nullptr : tree->documents.front(), displayPath),
                     "not an AsyncAPI document (no top-level `asyncapi`)");
  if (tree->documents.size() > 1)
    refuseMoreDocuments(*tree, readInputFile(path, displayPath), displayPath, "an AsyncAPI file");
  LoadedContract loaded;
  loaded.root = tree->documents.front();
  loaded.document = loadAsyncApi(*loaded.root, path, displayPath, AsyncApiOptions{root});
  loaded.diffRoot = &documentForDiff(*tree, *loaded.root, displayPath, path, root, loaded.diffTree);
  loaded.tree = std::move(tree);
  return loaded;
}

namespace {

std::vector<std::string> pointerTokens(const std::string &pointer) {
  std::vector<std::string> tokens;
  size_t start = 1;
  while (start <= pointer.size() && pointer.size() > 1) {
    size_t end = pointer.find('/', start);
    std::string token = pointer.substr(start, end == std::string::npos ? std::string::npos : end - start);
    tokens.push_back(unescapePointerToken(token));
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return tokens;
}

const DocNode *childNode(const DocNode *node, const std::string &token) {
  if (!node)
    return nullptr;
  if (node->isSequence() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
      token.size() < 10 && std::stoul(token) < node->items().size())
    return node->items()[std::stoul(token)];
  return node->get(token);
}

} // namespace

Location locatePointer(const LoadedContract &contract, const std::string &pointer) {
  const DocNode *at = contract.root;
  Location found = locationOf(at, contract.document.file);
  unsigned hops = 0;
  for (const std::string &token : pointerTokens(pointer)) {
    // through a local $ref, as the loader followed it
    for (const DocNode *ref = childNode(at, "$ref");
         ref && ref->isScalar() && ref->text().rfind("#/", 0) == 0 && hops++ < 64; ref = childNode(at, "$ref")) {
      const DocNode *target = contract.root;
      for (const std::string &part : pointerTokens(std::string(ref->text().substr(1))))
        if (!(target = childNode(target, part)))
          break;
      if (!target)
        break;
      at = target;
    }
    const DocNode *next = childNode(at, token);
    if (!next)
      break;
    at = next;
    found = locationOf(at, contract.document.file);
  }
  found.pointer = pointer.empty() ? "/" : pointer;
  return found;
}

} // namespace eventscope
