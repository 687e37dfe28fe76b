#include "model/text_distance.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace eventscope {

size_t editDistance(std::string_view a, std::string_view b, size_t limit) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions ("recieved").
  if (a.size() > b.size())
    std::swap(a, b);
  if (b.size() - a.size() > limit)
    return limit + 1;
  std::vector<size_t> before(a.size() + 1), previous(a.size() + 1), row(a.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t j = 1; j <= b.size(); ++j) {
    before.swap(previous);
    previous.swap(row);
    row[0] = j;
    size_t rowMin = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[i] = std::min({previous[i] + 1, row[i - 1] + 1, previous[i - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[i] = std::min(row[i], before[i - 2] + 1);
      rowMin = std::min(rowMin, row[i]);
    }
    if (rowMin > limit)
      return limit + 1;
  }
  return row[a.size()];
}

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string> &candidates) {
  // Generous on purpose: a suggestion for a misspelled key is cheap, a missing one costs a
  // trip to the documentation. A candidate that starts with the word (or the reverse)
  // counts as one edit away ("arg" for "argument").
  size_t allowed = std::max<size_t>(2, word.size() / 2);
  std::optional<std::string> best;
  size_t bestDistance = allowed + 1;
  for (const std::string &candidate : candidates) {
    size_t d = editDistance(word, candidate, allowed);
    std::string_view shorter = word.size() < candidate.size() ? word : std::string_view(candidate);
    std::string_view longer = word.size() < candidate.size() ? std::string_view(candidate) : word;
    if (shorter.size() >= 3 && longer.substr(0, shorter.size()) == shorter)
      d = std::min<size_t>(d, 1);
    if (d < bestDistance || (d == bestDistance && best && candidate < *best)) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= allowed ? best : std::nullopt;
}

} // namespace eventscope
