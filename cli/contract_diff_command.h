// `contract diff`: two versions of contracts compared, with who is affected from the graph.
#pragma once

#include "cli/analysis.h"
#include "model/contract_diff.h"

#include <string>
#include <vector>

namespace eventscope {

struct ContractDiffOptions {
  std::vector<std::string> files; // OLD NEW; or, with --base, the contracts to compare
  std::string base;               // a git revision
  std::vector<std::string> allow; // pointer patterns of accepted breaking changes
  bool noImpact = false;
};

struct ContractDiffResult {
  std::vector<DiffedContract> contracts;
  std::vector<std::string> notes; // for stderr: warnings of the analysis, new contracts
};

// Throws InputError for bad usage, unreadable or invalid documents, and git failures.
ContractDiffResult diffContractFiles(const ContractDiffOptions &options, const CommonOptions &common);

} // namespace eventscope
