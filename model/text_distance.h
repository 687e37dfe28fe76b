// Edit distance and "did you mean" suggestions. The model, rules and renderers may not
// depend on LLVM, so this is the one place that computes it for all layers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

// Edit distance counting an adjacent transposition as one edit; stops early and returns limit + 1 once the distance exceeds limit.
size_t editDistance(std::string_view a, std::string_view b, size_t limit = SIZE_MAX);

// The candidate closest to `word` if it is close enough to be a plausible typo (at most
// half the word's length in edits, at least two; a prefix of it, or it of them, counts as one).
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string> &candidates);

} // namespace eventscope
