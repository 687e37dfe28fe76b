#include "rules/trace_helpers.h"

namespace eventscope {

std::vector<const Endpoint *> staticEndpoints(const EventGraph &graph, const std::string &service, Role role,
                                              const std::string &observedChannel) {
  std::vector<const Endpoint *> found;
  for (const Endpoint &e : graph.endpoints())
    if (e.service == service && e.role == role && sameObservedChannel(e.channel, observedChannel))
      found.push_back(&e);
  return found;
}

bool staticChannelKnown(const EventGraph &graph, const std::string &observedChannel) {
  if (graph.channel(observedChannel))
    return true;
  for (const auto &[address, channel] : graph.channels())
    if (sameObservedChannel(address, observedChannel))
      return true;
  return false;
}

Note exampleNote(const TraceExample &example) {
  return {example.at, "example: trace " + example.traceId + " span " + example.spanId};
}

Note consumerNote(const Endpoint &consumer) {
  return {consumer.location, consumer.origin == Origin::Code
                                 ? std::string("the consumer in the code")
                                 : "the consumer in its " + std::string(originName(consumer.origin))};
}

std::string messageCount(uint64_t count) {
  return std::to_string(count) + (count == 1 ? " message" : " messages");
}

} // namespace eventscope
