// unproduced-event: a channel is consumed but nothing produces it.
#include "rules/channel_typo.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, std::vector<Finding> &out) {
  std::map<std::string, ChannelNearMiss> typos = findChannelNearMisses(graph);
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.consumers.empty() || graph.isProduced(address) || typos.count(address))
      continue; // a near-miss is reported by channel-name-typo instead
    for (const auto &[service, endpoints] : endpointsByService(graph, channel, Role::Consume)) {
      Finding f;
      f.message = quoted(address) + " is consumed by " + service + " but no service produces it";
      f.location = endpoints.front()->location;
      f.service = service;
      f.channels = {address};
      addOtherLocations(f, endpoints, service + " also consumes " + quoted(address) + " here");
      out.push_back(std::move(f));
    }
  }
}

} // namespace

const Rule &unproducedEventRule() {
  static const Rule rule{
      {"unproduced-event", "UnproducedEvent", "A channel is consumed but no service produces it.",
       R"(## What it does
Reports each service that consumes a channel which no code, contract or manifest of the
system produces. When the channel is a near-miss of a produced one, channel-name-typo
reports it instead.

## Why is this bad
The consumer waits for events that never come: dead code at best, a feature silently not
working at worst.

## Example
`mailer` subscribes to `user.deleted`, but nothing publishes `user.deleted`.

## Options
None.)",
       Severity::Error,
       {}},
      run};
  return rule;
}

} // namespace eventscope
