// broken-trace-context: consumer spans that no parent or link ties to a producer span.
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/trace_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  const ObservedGraph *observed = graph.observed();
  if (!observed)
    return;
  for (const ObservedEndpoint &e : observed->endpoints) {
    if (e.role != Role::Consume || e.brokenSpans == 0)
      continue;
    std::string group = e.group.empty() ? "" : " (consumer group " + quoted(e.group) + ")";
    Finding &f = report(e.brokenExample.at,
                        std::to_string(e.brokenSpans) + " of the " + std::to_string(e.spans) + " consumer span(s) of " +
                            quoted(e.service) + group + " on " + quoted(e.channel) +
                            " have no parent or link that leads to a producer span: the trace context is not "
                            "carried with the message, so these flows cannot be followed from producer to consumer",
                        e.service, {e.channel});
    f.identity = e.group;
    f.notes.push_back(exampleNote(e.brokenExample));
    for (const Endpoint *s : staticEndpoints(graph, e.service, Role::Consume, e.channel))
      f.notes.push_back(consumerNote(*s));
  }
}

} // namespace

const Rule &brokenTraceContextRule() {
  static const Rule rule{
      .info =
          {
              .id = "broken-trace-context",
              .name = "BrokenTraceContext",
              .summary = "Consumer spans on a channel carry no parent or link to any producer span.",
              .documentation = R"(## What it does
Only with traces (`--traces FILE` or the config's `traces:`). For each consumer (a service
and consumer group on a channel), counts its consumer spans whose parent and span links,
followed up through the spans of its own service, reach no producer span and no span outside
the traces: they start a trace of their own, or hang under a local span such as a poll loop.
Reported at the first such span, with how many of the consumer's spans are so.

## Why is this bad
The producer's trace context (W3C `traceparent`, B3) was not injected into the message or
not extracted from it, so tracing shows two unrelated traces where one flow ran: the service
map loses the edge through the channel, latency across it cannot be measured, and
lossy-consumer cannot count these messages.

## Example
Every `process shop/orders/placed` span of `warehouse` is a root span with no links.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
