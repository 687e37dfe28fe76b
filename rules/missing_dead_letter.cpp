// missing-dead-letter: a consumed channel with no dead-letter channel.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>

namespace eventscope {
namespace {

std::string expand(const std::string &pattern, const std::string &channel) {
  std::string out = pattern;
  for (size_t at = out.find("{channel}"); at != std::string::npos; at = out.find("{channel}", at + channel.size()))
    out.replace(at, 9, channel);
  return out;
}

void run(const EventGraph &graph, const RuleSettings &settings, Reporter &report) {
  std::vector<std::string> patterns = settings.list("patterns");
  if (patterns.empty())
    return;
  std::set<std::string> declared; // channels with x-dead-letter in a contract
  for (const ContractDocument &c : graph.contracts())
    for (const ContractChannel &channel : c.channels)
      if (channel.deadLetterDeclared && !channel.addressIsNull)
        declared.insert(channel.address);
  // Every name a dead-letter channel of some channel would have: computed once, so a
  // channel is checked in constant time, not against every other channel.
  std::set<std::string> deadLetterNames;
  for (const auto &[address, channel] : graph.channels())
    for (const std::string &pattern : patterns)
      if (std::string name = expand(pattern, address); name != address)
        deadLetterNames.insert(std::move(name));
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.consumers.empty() || declared.count(address))
      continue;
    if (deadLetterNames.count(address)) // a dead-letter channel needs none of its own
      continue;
    bool hasDeadLetter = std::any_of(patterns.begin(), patterns.end(), [&](const std::string &pattern) {
      return graph.channel(expand(pattern, address)) != nullptr;
    });
    if (hasDeadLetter)
      continue;
    auto consumers = endpointsByService(graph, channel, Role::Consume);
    const auto &[service, endpoints] = *consumers.begin();
    report(endpoints.front()->location,
           quoted(address) + " is consumed but has no dead-letter channel (" + expand(patterns.front(), address) +
               " or x-dead-letter)",
           service, {address});
  }
}

} // namespace

const Rule &missingDeadLetterRule() {
  static const Rule rule{
      .info =
          {
              .id = "missing-dead-letter",
              .name = "MissingDeadLetter",
              .summary = "A consumed channel has no dead-letter channel.",
              .documentation = R"(## What it does
For every consumed channel, looks for a dead-letter channel in the graph by naming
convention (`{channel}.dlq`, `{channel}.DLQ`, `dlq.{channel}` by default) or an
`x-dead-letter` extension on the channel in a contract. Off by default.

## Why is this bad
A message that a consumer cannot process either blocks the partition forever or is
dropped. A dead-letter channel keeps it for inspection and replay.

## Example
`billing` consumes `payment.settled`; there is no `payment.settled.dlq`.

## Options
- `patterns` (list, default `["{channel}.dlq", "{channel}.DLQ", "dlq.{channel}"]`): names of the
  dead-letter channel, `{channel}` standing for the consumed one.)",
              .defaultSeverity = Severity::Off,
              .options = {{.name = "patterns",
                           .kind = RuleOption::Kind::StringList,
                           .defaultValue = "{channel}.dlq,{channel}.DLQ,dlq.{channel}",
                           .description = "dead-letter channel names; {channel} is the consumed channel"}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
