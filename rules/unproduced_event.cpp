// unproduced-event: a channel is consumed but nothing produces it.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, std::vector<Finding> &out) {
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.consumers.empty() || graph.isProduced(address))
      continue; // (a near-miss: channel-name-typo's finding replaces this one, see RuleInfo::replaces)
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
system produces. When channel-name-typo reports the channel as a near-miss of a produced
one, its finding replaces this one (switched off, it replaces nothing).

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
