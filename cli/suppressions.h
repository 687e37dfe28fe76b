// Inline suppressions: `// eventscope-ignore: rule-id[,rule-id] reason` (or `#` in YAML)
// on the finding's line or the line above it.
#pragma once

#include "analyzer/config/config.h"
#include "analyzer/source_files.h"

#include "model/contracts.h"
#include "model/finding.h"

#include <string>
#include <vector>

namespace eventscope {

// Removes suppressed findings; `root` is where the findings' relative paths start.
// Returns how many were removed.
size_t applyInlineSuppressions(std::vector<Finding> &findings, const std::string &root);

// Drops the findings located under the config's `exclude` globs, or under the `exclude`
// globs of their rule; returns how many.
size_t applyPathExcludes(std::vector<Finding> &findings, const SystemLayout &layout, const Config &config);

// `x-eventscope-ignore` in contracts: removes findings located at or below a marked node.
size_t applyContractIgnores(std::vector<Finding> &findings, const std::vector<ContractDocument> &contracts);

// The rule ids a source line suppresses ("" when none).
std::vector<std::string> suppressedRules(const std::string &line);

} // namespace eventscope
