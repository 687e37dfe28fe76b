// Near-miss detection between channel names: the heart of channel-name-typo, shared with
// unproduced-event (which stays silent where a near-miss explains the missing producer).
#pragma once

#include "model/event_graph.h"

#include <map>
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

// Whether `consumed` looks like a misspelling of `produced`, and how it differs.
std::optional<std::string> nearMiss(const std::string &consumed, const std::string &produced);

// For every consumed channel without a producer, its closest produced near-miss.
std::map<std::string, ChannelNearMiss> findChannelNearMisses(const EventGraph &graph);

} // namespace eventscope
