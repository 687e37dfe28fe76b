// unconsumed-event: a channel is produced but nothing consumes it.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.producers.empty() || graph.isConsumed(address))
      continue; // (a call of a ROS service or action that nothing serves: unserved-call's finding replaces this one)
    // A subscription of its type whose topic is known only at run time may read it: said
    // there (unresolved-channel's note), not asserted here.
    if (!runTimeSubscriptionsOfItsType(graph, channel).empty())
      continue;
    for (const auto &[service, endpoints] : endpointsByService(graph, channel, Role::Produce)) {
      Finding &f =
          report(endpoints.front()->location,
                 quoted(address) + " is produced by " + service + " but no service consumes it", service, {address});
      addOtherLocations(f, endpoints, service + " also produces " + quoted(address) + " here");
      addLaunchNote(f, *endpoints.front());
    }
  }
}

} // namespace

const Rule &unconsumedEventRule() {
  static const Rule rule{
      .info =
          {
              .id = "unconsumed-event",
              .name = "UnconsumedEvent",
              .summary = "A channel is produced but no service consumes it.",
              .documentation = R"(## What it does
Reports each service that produces a channel which no code, contract or manifest of the
system consumes. A channel with a message type that some subscription whose topic is known
only at run time takes (a multiplexer whose inputs come from a parameter file) is not
reported: that subscription's unresolved-channel finding names it as one it may consume.

## Why is this bad
Events nobody reads cost broker capacity and mislead readers into thinking something
reacts to them. Often the consumer subscribed under a different name.

## Example
`orders` publishes `order.archived`, and no service subscribes to it.

## Options
None. Turn the rule off (`unconsumed-event: off`) for systems whose events are consumed
outside the analysed code.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
