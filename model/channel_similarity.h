// Near-miss detection between channel names: what channel-name-typo, unproduced-event
// and unserved-call use to say "did you mean".
#pragma once

#include "model/event_graph.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

struct ChannelNearMiss {
  std::string produced; // the channel the consumer probably meant
  std::string how;      // "differs only in case", "2 edits apart", ...
};

// Words of a channel name, lower-cased, with plural s and British spellings folded:
// "Orders.CancelledV2" -> {"order", "canceled", "v", "2"}.
std::vector<std::string> channelNameWords(const std::string &name);

// The forms of a name two names are compared in, in order: lower-cased; without separators
// (and lower-cased); with plural s folded; with British spellings folded; both folds (the
// words of channelNameWords joined). Two names are a near-miss when they differ as written
// but their digits agree, and one of these forms is equal, or within the edit bound for its
// length (none under 5 characters, 1 under 16, 2 from 16; a transposition is one edit).
std::vector<std::string> channelNameForms(const std::string &name);

// Whether `consumed` looks like a misspelling of `produced`, and how it differs.
std::optional<std::string> nearMiss(const std::string &consumed, const std::string &produced);

// The names of a set that are near-misses of a name (as nearMiss decides), found without
// comparing the name with every one of the set: an index of their compared forms, searched
// within each form's edit bound. 20,000 names looked up in 20,000 built from a dozen common
// words take about 0.7 s (bench/near_miss_bench.cpp, docs/performance.md).
class NearMissIndex {
public:
  explicit NearMissIndex(std::vector<std::string> names);
  ~NearMissIndex();
  NearMissIndex(const NearMissIndex &) = delete;
  NearMissIndex &operator=(const NearMissIndex &) = delete;

  // Every name `n` of the set with nearMiss(name, n), as (its position in the set, how it
  // differs), by position. Not thread-safe: indexes are built on first use.
  std::vector<std::pair<size_t, std::string>> nearMisses(const std::string &name) const;
  const std::string &name(size_t position) const;

private:
  struct Buckets;
  std::unique_ptr<Buckets> buckets_;
};

// For every consumed channel without a producer, its closest produced near-miss.
std::map<std::string, ChannelNearMiss> findChannelNearMisses(const EventGraph &graph);

} // namespace eventscope
