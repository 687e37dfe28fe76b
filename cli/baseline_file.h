// The baseline file: JSON, sorted by fingerprint, meant to be committed and reviewed.
#pragma once

#include "model/baseline.h"

#include <string>
#include <vector>

namespace eventscope {

// Throws InputError naming the file for a missing file, broken JSON or a wrong shape.
std::vector<BaselineEntry> readBaselineFile(const std::string &path);
std::string baselineFileText(const std::vector<BaselineEntry> &entries);

} // namespace eventscope
