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

} // namespace eventscope
