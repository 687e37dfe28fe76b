// lossy-consumer: a consumer processes fewer of a channel's messages than were produced.
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/trace_helpers.h"

#include <cstdio>

namespace eventscope {
namespace {

std::string percent(uint64_t part, uint64_t whole) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return text;
}

void run(const EventGraph &graph, const RuleSettings &settings, Reporter &report) {
  const ObservedGraph *observed = graph.observed();
  if (!observed)
    return;
  long long minPercent = settings.integer("min_percent", 99);
  for (const ObservedDelivery &d : observed->deliveries) {
    if (d.produced == 0 || d.reached * 100 >= static_cast<uint64_t>(minPercent) * d.produced)
      continue;
    std::string group = d.group.empty() ? "" : " (consumer group " + quoted(d.group) + ")";
    // At a message it missed: that trace shows the message produced and never processed.
    const TraceExample &at = d.missed.at.empty() ? d.example : d.missed;
    Finding &f = report(at.at,
                        "consumer " + quoted(d.service) + group + " has consumer spans for " + std::to_string(d.reached) +
                            " of the " + messageCount(d.produced) + " produced on " + quoted(d.channel) + " (" +
                            percent(d.reached, d.produced) + ", below " + std::to_string(minPercent) +
                            "%): " + std::to_string(d.produced - d.reached) + " were dropped or never processed",
                        d.service, {d.channel});
    f.identity = d.group;
    if (!d.missed.at.empty())
      f.notes.push_back({d.missed.at, "a message it has no consumer span for: trace " + d.missed.traceId +
                                          " (its producer span " + d.missed.spanId + ")"});
    f.notes.push_back({d.example.at, "a message it processed: trace " + d.example.traceId + " span " +
                                         d.example.spanId});
    for (const Endpoint *e : staticEndpoints(graph, d.service, Role::Consume, d.channel))
      f.notes.push_back(consumerNote(*e));
  }
}

} // namespace

const Rule &lossyConsumerRule() {
  static const Rule rule{
      .info =
          {
              .id = "lossy-consumer",
              .name = "LossyConsumer",
              .summary = "A consumer has processing spans for fewer of a channel's messages than the threshold.",
              .documentation = R"(## What it does
Only with traces (`--traces FILE` or the config's `traces:`). For every channel, counts the
messages produced on it (producer spans, `messaging.batch.message_count` when given), and
for each consumer (a service and its consumer group) how many of those messages its consumer
spans reach: through the span's parent, its span links, or those of the consumer spans above
it in the same service (a `process` span under a `receive` span). Counting through the
links, not comparing totals, is what keeps sampling from fooling it: a message whose
producer span was not sampled counts in neither number. A consumer that reaches fewer than
`min_percent` of the messages is reported at the producer span of the first message it
missed (that trace shows the message produced and never processed), with both counts and a
message it did process.

## Why is this bad
The messages are lost to that consumer, silently: a filter that is too eager, an exception
swallowed in the handler, a partition never assigned, a deserialiser that returns early. No
error is logged and every dashboard of the producer looks healthy; only the comparison of
the two sides shows it.

## Example
`warehouse` has consumer spans for 170 of the 200 messages produced on
`shop/orders/placed` (85.0%).

## Options
- `min_percent` (integer, default 99): the share of the messages each consumer must reach.)",
              .defaultSeverity = Severity::Error,
              .options = {{.name = "min_percent",
                           .kind = RuleOption::Kind::Integer,
                           .defaultValue = "99",
                           .description = "The share of a channel's messages, in percent, each consumer must reach"}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
