// Files matched by the config's `contracts` globs: native manifests and AsyncAPI documents.
#pragma once

#include "model/event_graph.h"

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

} // namespace eventscope
