// Pieces the trace rules share: holding an observed flow against the static graph.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"
#include "model/observed.h"

#include <string>
#include <vector>

namespace eventscope {

// The static endpoints (code, contracts, manifests) of `service` in `role` on the channel an
// observed name stands for (sameObservedChannel), in graph order.
std::vector<const Endpoint *> staticEndpoints(const EventGraph &graph, const std::string &service, Role role,
                                              const std::string &observedChannel);

// Whether any static endpoint names a channel the observed name stands for.
bool staticChannelKnown(const EventGraph &graph, const std::string &observedChannel);

// A note naming the example span: "example: trace 4bf9... span 00f0...".
Note exampleNote(const TraceExample &example);

// A note at a static consumer of the observed channel: "the consumer in the code" (or "in
// its manifest", "in its contract").
Note consumerNote(const Endpoint &consumer);

// "1 message" / "200 messages".
std::string messageCount(uint64_t count);

} // namespace eventscope
