// unauthorized-producer: a service produces to a channel that contracts reserve to others.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  ContractOperationIndex operations(graph);
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.producers.empty())
      continue;
    // The services whose contracts declare sending to this channel.
    std::set<std::string> authorised;
    operations.forEachMeeting(address, [&](const ContractDocument &c, const ContractOperation &op) {
      if (op.role == Role::Produce)
        authorised.insert(c.service);
    });
    if (authorised.empty())
      continue;
    for (const auto &[service, endpoints] : endpointsByService(graph, channel, Role::Produce)) {
      if (authorised.count(service) || endpoints.front()->origin == Origin::Contract)
        continue;
      std::string owners;
      for (const std::string &s : authorised)
        owners += (owners.empty() ? "" : ", ") + s;
      report(endpoints.front()->location,
             service + " produces " + quoted(address) + ", which the contracts reserve to " + owners, service,
             {address});
    }
  }
}

} // namespace

const Rule &unauthorizedProducerRule() {
  static const Rule rule{
      .info =
          {
              .id = "unauthorized-producer",
              .name = "UnauthorizedProducer",
              .summary = "A service produces to a channel that contracts reserve to other producers.",
              .documentation = R"(## What it does
When AsyncAPI documents declare who sends to a channel, reports every other service whose
code or manifest produces to it.

## Why is this bad
Consumers trust the declared producer's messages: their schema, their meaning, their
rate. A second, undeclared producer breaks that trust, often unnoticed until bad data
spreads downstream.

## Example
Only `payments`' contract sends `payment.settled`, yet `orders` also publishes it.

## Options
None.)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
