#include "analyzer/contracts/contract_files.h"

#include "analyzer/contracts/asyncapi.h"
#include "analyzer/contracts/manifest.h"
#include "analyzer/yaml_input.h"

namespace eventscope {

ContractFileKind loadContractFile(const std::string &path, const std::string &displayPath, const std::string &root,
                                  bool strictKind, EventGraph &graph) {
  std::string text = readInputFile(path, displayPath);
  std::vector<YAML::Node> documents = parseYamlDocuments(text, displayPath);
  const YAML::Node *first = nullptr;
  for (const YAML::Node &doc : documents)
    if (!doc.IsNull()) {
      first = &doc;
      break;
    }
  if (first && isManifestDocument(*first)) {
    loadManifestDocuments(documents, displayPath, graph);
    return ContractFileKind::Manifest;
  }
  if (first && isAsyncApiDocument(*first)) {
    addContractToGraph(loadAsyncApi(*first, path, displayPath, AsyncApiOptions{root}), graph);
    return ContractFileKind::AsyncApi;
  }
  if (strictKind)
    throw InputError(first ? locationOf(*first, displayPath) : Location{displayPath, 0, 0, ""},
                     "not a contract: expected an AsyncAPI document (top-level `asyncapi`) or an eventscope "
                     "manifest (top-level `service`)");
  return ContractFileKind::Other;
}

LoadedContract loadAsyncApiFile(const std::string &path, const std::string &displayPath, const std::string &root) {
  std::string text = readInputFile(path, displayPath);
  std::vector<YAML::Node> documents = parseYamlDocuments(text, displayPath);
  if (documents.empty() || !isAsyncApiDocument(documents.front()))
    throw InputError(documents.empty() ? Location{displayPath, 0, 0, ""} : locationOf(documents.front(), displayPath),
                     "not an AsyncAPI document (no top-level `asyncapi`)");
  LoadedContract loaded;
  loaded.document = loadAsyncApi(documents.front(), path, displayPath, AsyncApiOptions{root});
  loaded.json = documentAsJson(documents.front(), displayPath);
  loaded.root = documents.front();
  return loaded;
}

namespace {

std::vector<std::string> pointerTokens(const std::string &pointer) {
  std::vector<std::string> tokens;
  size_t start = 1;
  while (start <= pointer.size() && pointer.size() > 1) {
    size_t end = pointer.find('/', start);
    std::string token = pointer.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string decoded;
    for (size_t i = 0; i < token.size(); ++i)
      if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1'))
        decoded += token[++i] == '0' ? '~' : '/';
      else
        decoded += token[i];
    tokens.push_back(decoded);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return tokens;
}

YAML::Node childNode(const YAML::Node &node, const std::string &token) {
  if (node.IsMap()) {
    for (const auto &entry : node)
      if (entry.first.IsScalar() && entry.first.Scalar() == token)
        return entry.second;
  } else if (node.IsSequence() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
             token.size() < 10 && std::stoul(token) < node.size()) {
    return node[std::stoul(token)];
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

} // namespace

Location locatePointer(const LoadedContract &contract, const std::string &pointer) {
  // YAML::Node's assignment writes through to the node it refers to: rebind with reset().
  YAML::Node at;
  at.reset(contract.root);
  Location found = locationOf(at, contract.document.file);
  unsigned hops = 0;
  for (const std::string &token : pointerTokens(pointer)) {
    // through a local $ref, as the loader followed it
    for (YAML::Node ref = childNode(at, "$ref"); ref.IsDefined() && ref.IsScalar() &&
                                                 ref.Scalar().rfind("#/", 0) == 0 && hops++ < 64;
         ref.reset(childNode(at, "$ref"))) {
      YAML::Node target;
      target.reset(contract.root);
      for (const std::string &part : pointerTokens(ref.Scalar().substr(1))) {
        target.reset(childNode(target, part));
        if (!target.IsDefined())
          break;
      }
      if (!target.IsDefined())
        break;
      at.reset(target);
    }
    YAML::Node next = childNode(at, token);
    if (!next.IsDefined())
      break;
    at.reset(next);
    found = locationOf(at, contract.document.file);
  }
  found.pointer = pointer.empty() ? "/" : pointer;
  return found;
}

} // namespace eventscope
