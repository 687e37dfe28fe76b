// event-cycle: a cycle in the trigger graph.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

const size_t kCycleLimit = 1000;

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  bool truncated = false;
  std::vector<TriggerPath> cycles = elementaryCycles(graph, kCycleLimit, truncated);
  for (const TriggerPath &cycle : cycles) {
    const Trigger &first = graph.triggers()[cycle.hops.front()];
    Finding &f = report(first.location,
                        cycle.channels.size() == 1 ? "event cycle: the handler of " + quoted(first.from) + " in " +
                                                         first.service + " produces " + quoted(first.to) + " again"
                                                   : "event cycle: " + formatPath(graph, cycle),
                        first.service, cycle.channels);
    f.notes = hopNotes(graph, cycle);
    f.notes.erase(f.notes.begin()); // the first hop is the finding itself
  }
  if (truncated && !cycles.empty()) {
    Finding &f = report(graph.triggers()[cycles.front().hops.front()].location,
                        "more than " + std::to_string(kCycleLimit) +
                            " event cycles; only the first are reported, see the cyclic components");
    for (const auto &component : cyclicComponents(graph))
      f.channels.insert(f.channels.end(), component.begin(), component.end());
  }
}

} // namespace

const Rule &eventCycleRule() {
  static const Rule rule{
      .info =
          {
              .id = "event-cycle",
              .name = "EventCycle",
              .summary = "A cycle in the trigger graph: consuming an event leads back to producing it.",
              .documentation = R"(## What it does
Reports every elementary cycle of the trigger graph once, starting at its alphabetically
smallest channel: `a -> b (svc2) -> a (svc1)` means svc2 produces `b` when it consumes
`a`, and svc1 produces `a` again when it consumes `b`. A handler that re-emits the
channel it consumes is a cycle of one.

## Why is this bad
An event cycle is a feedback loop between services. One message can circulate forever,
multiplying load until something breaks; it is invisible in any single service's code.

## Example
`orders` consumes `payment.settled` and produces `order.updated`; `billing` consumes
`order.updated` and produces `payment.settled`.

## Options
None.)",
              .defaultSeverity = Severity::Error,
              .replaces = {{.rule = "request-reply-over-events",
                            .sameService = false,
                            .when = "A request and its reply that are both on a reported cycle are a feedback loop, "
                                    "not a request waiting for "
                                    "its answer."}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
