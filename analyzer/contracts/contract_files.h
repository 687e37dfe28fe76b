// Files matched by the config's `contracts` globs: native manifests and AsyncAPI documents.
#pragma once

#include "analyzer/documents/document_tree.h"
#include "model/contracts.h"
#include "model/event_graph.h"

#include <memory>
#include <string>

namespace eventscope {

enum class ContractFileKind { Manifest, AsyncApi, Other };

// Reads one contract file into the graph. `displayPath` is the path shown in messages and
// locations (relative to the root). Throws InputError for unreadable files, broken YAML or
// JSON, and documents that are neither a manifest nor AsyncAPI (when `strictKind`);
// otherwise returns the kind it found.
// `root` (absolute) bounds where AsyncAPI `$ref`s may lead.
ContractFileKind loadContractFile(const std::string &path, const std::string &displayPath, const std::string &root,
                                  bool strictKind, EventGraph &graph);

// One AsyncAPI file for the contract diff: what the loader reads of it, and the file as JSON.
// Throws InputError as above, and when the file is not an AsyncAPI document.
struct LoadedContract {
  ContractDocument document;
  std::shared_ptr<const DocTree> tree; // the file, for locating pointers
  const DocNode *root = nullptr;
  const DocNode *diffRoot = nullptr;       // the document as the contract diff reads it (documentForDiff)
  std::shared_ptr<const DocTree> diffTree; // its tree, when not `tree`
};
LoadedContract loadAsyncApiFile(const std::string &path, const std::string &displayPath, const std::string &root);

// The line and column of a JSON pointer in the file, following local $refs on the way; the
// deepest node reached when the pointer goes where the file does not.
Location locatePointer(const LoadedContract &contract, const std::string &pointer);

} // namespace eventscope
