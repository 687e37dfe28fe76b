// Reports of `contract diff`: each change as a finding (text and SARIF share the writers of
// `check`), and JSON and Markdown of their own (the Markdown is a merge-request comment).
#pragma once

#include "model/contract_diff.h"
#include "model/finding.h"
#include "model/rule_info.h"

#include <ostream>
#include <vector>

namespace eventscope {

// One finding per change, located at its pointer, with the affected endpoints as notes; a
// breaking change accepted with --allow is reported at info level.
std::vector<Finding> contractDiffFindings(const std::vector<DiffedContract> &contracts);

void writeContractDiffJson(std::ostream &out, const std::vector<DiffedContract> &contracts);
void writeContractDiffMarkdown(std::ostream &out, const std::vector<DiffedContract> &contracts);

} // namespace eventscope
