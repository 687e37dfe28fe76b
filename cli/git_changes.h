// Files changed since a git revision, through the real git started with an argument vector.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// Paths relative to `root`, of files changed between REF and the working tree (committed,
// staged or not) plus untracked files. Throws InputError when git fails or REF is unknown.
std::vector<std::string> filesChangedSince(const std::string &root, const std::string &ref);

// Writes `path` (relative to root) as it was at REF under `into`, at the path it had then
// (following a rename since), with the YAML and JSON files of its directory at REF beside
// it for its relative $refs. Returns that path, or nullopt when it did not exist at REF.
std::optional<std::string> materializeAtRevision(const std::string &root, const std::string &ref,
                                                 const std::string &path, const std::string &into);

} // namespace eventscope
