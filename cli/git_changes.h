// Files changed since a git revision, through the real git started with an argument vector.
#pragma once

#include <string>
#include <vector>

namespace eventscope {

// Paths relative to `root`, of files changed between REF and the working tree (committed,
// staged or not) plus untracked files. Throws InputError when git fails or REF is unknown.
std::vector<std::string> filesChangedSince(const std::string &root, const std::string &ref);

} // namespace eventscope
