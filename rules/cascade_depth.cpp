// cascade-depth: a trigger chain longer than max_depth.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &settings, Reporter &report) {
  const long long maxDepth = settings.integer("max_depth", 3);
  for (const TriggerPath &chain : longestChainsFromRoots(graph)) {
    if (static_cast<long long>(chain.hops.size()) <= maxDepth)
      continue;
    const Trigger &first = graph.triggers()[chain.hops.front()];
    Finding &f = report(first.location,
                        "cascade of " + std::to_string(chain.hops.size()) + " triggers exceeds max_depth " +
                            std::to_string(maxDepth) + ": " + formatPath(graph, chain),
                        first.service, chain.channels);
    f.notes = hopNotes(graph, chain);
    f.notes.erase(f.notes.begin());
  }
}

} // namespace

const Rule &cascadeDepthRule() {
  static const Rule rule{
      .info =
          {
              .id = "cascade-depth",
              .name = "CascadeDepth",
              .summary = "A chain of triggers longer than the allowed depth.",
              .documentation = R"(## What it does
For every channel that starts a cascade (it leads to other events and no event leads to
it), finds the longest chain of triggers from it and reports it when it has more than
`max_depth` triggers (hops). `a -> b (svc1) -> c (svc2)` has two hops: svc1 produces `b`
when it consumes `a`, svc2 produces `c` when it consumes `b`. Edges inside cycles are left
to event-cycle.

## Why is this bad
Each hop adds latency, a failure point and a service that must be up for the whole
business operation to complete. Deep cascades are the hidden call stacks of event-driven
systems: nobody sees them in one codebase.

## Example
`order.placed -> payment.requested (orders) -> payment.settled (payments) ->
invoice.created (billing) -> mail.queued (mailer)` is 4 hops.

## Options
- `max_depth` (integer, default 3): the longest chain allowed, in triggers.)",
              .defaultSeverity = Severity::Warning,
              .options = {{.name = "max_depth",
                           .kind = RuleOption::Kind::Integer,
                           .defaultValue = "3",
                           .description = "the longest chain allowed, counted in triggers"}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
