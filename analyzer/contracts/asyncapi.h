// AsyncAPI 2.0-2.6, 3.0 and 3.1 documents, YAML or JSON, read as the reference parser
// (@asyncapi/parser) reads their channels, operations and messages. `$ref`s are followed
// within the document and into relative files under the root; remote refs are refused.
#pragma once

#include "analyzer/documents/document_tree.h"
#include "model/contracts.h"

#include <string>
#include <vector>

namespace eventscope {

struct AsyncApiOptions {
  std::string root; // absolute: refs may not leave it
};

bool isAsyncApiDocument(const DocNode &document);

// Reads one AsyncAPI document (already parsed from `path`, shown as `displayPath`). Throws
// InputError with the file, line and JSON pointer of the problem.
ContractDocument loadAsyncApi(const DocNode &document, const std::string &path, const std::string &displayPath,
                              const AsyncApiOptions &options);

// The document itself as compact JSON text, $refs kept as they are and traits applied
// (traits_json.h), for the contract diff.
// Throws InputError when YAML aliases expand it past a limit.
// `path` and `root`: the file's own path and the analysed root, for traits in other files
// (none followed when empty).
// The document as the contract diff reads it (model/contract_diff.h, ContractVersion::tree):
// `document` itself when documentAsJson would read it as it is (no YAML aliases in `tree`, no
// traits, every key a scalar); otherwise the tree of documentAsJson's text, kept alive by
// `made`. Throws InputError as documentAsJson does.
const DocNode &documentForDiff(const DocTree &tree, const DocNode &document, const std::string &displayPath,
                               const std::string &path, const std::string &root, std::shared_ptr<const DocTree> &made);

std::string documentAsJson(const DocNode &document, const std::string &displayPath, const std::string &path = "",
                           const std::string &root = "");

// Adds the document and one endpoint per operation (origin "contract") to the graph.
void addContractToGraph(ContractDocument contract, EventGraph &graph);

} // namespace eventscope
