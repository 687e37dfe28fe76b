// Algorithms over the trigger graph (channels as nodes, triggers as edges).
#pragma once

#include "model/event_graph.h"

#include <string>
#include <vector>

namespace eventscope {

// A path through the trigger graph. hops[i] is the trigger taking channels[i] to
// channels[i + 1]; for a cycle the last hop leads back to channels[0].
struct TriggerPath {
  std::vector<std::string> channels;
  std::vector<size_t> hops; // indices into EventGraph::triggers()
};

// Strongly connected components with more than one channel, or one channel that triggers
// itself. Each component is sorted; components are sorted by their first channel.
std::vector<std::vector<std::string>> cyclicComponents(const EventGraph &graph);

// Every elementary cycle once, rotated to start at its smallest channel, sorted. Stops
// after `limit` cycles and sets `truncated` (a dense component has exponentially many).
std::vector<TriggerPath> elementaryCycles(const EventGraph &graph, size_t limit, bool &truncated);

// For each channel that starts a cascade (it has outgoing triggers and no incoming ones
// once the edges inside cycles are set aside), the longest chain of triggers from it.
// Ties go to the alphabetically smallest next channel, so the result is stable.
std::vector<TriggerPath> longestChainsFromRoots(const EventGraph &graph);

} // namespace eventscope
