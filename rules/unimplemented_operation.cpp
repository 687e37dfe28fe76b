// unimplemented-operation: a contract declares an operation the service's code never does.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

// Through the channel's index and the channels linked to it by a parameter or wildcard,
// not by scanning every endpoint of the graph for every operation.
bool implemented(const EventGraph &graph, const std::string &service, Role role, const std::string &address) {
  const Channel *channel = graph.channel(address);
  if (!channel)
    return false;
  for (const Channel *c : graph.withLinked(*channel))
    for (size_t index : role == Role::Produce ? c->producers : c->consumers) {
      const Endpoint &e = graph.endpoints()[index];
      if (e.service == service && e.origin != Origin::Contract)
        return true;
    }
  return false;
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  std::set<std::string> withCode;
  for (const Endpoint &e : graph.endpoints())
    if (e.origin != Origin::Contract)
      withCode.insert(e.service);
  for (const ContractDocument &c : graph.contracts()) {
    if (!withCode.count(c.service))
      continue; // a contract-only service: nothing to compare with
    for (const ContractOperation &op : c.operations) {
      const std::string &channel = c.channels[op.channel].address;
      if (c.channels[op.channel].addressIsNull) // unresolved-channel says it; no name to compare
        continue;
      if (implemented(graph, c.service, op.role, channel))
        continue;
      report(op.location,
             "the contract of " + c.service + " declares that it " +
                 (op.role == Role::Produce ? "sends to " : "receives from ") + quoted(channel) + " (operation " +
                 quoted(op.id) + "), but its code never " + (op.role == Role::Produce ? "produces" : "consumes") +
                 " it",
             c.service, {channel});
    }
  }
}

} // namespace

const Rule &unimplementedOperationRule() {
  static const Rule rule{
      .info =
          {
              .id = "unimplemented-operation",
              .name = "UnimplementedOperation",
              .summary = "A contract declares an operation that the service's code or manifest does not do.",
              .documentation = R"(## What it does
For every AsyncAPI operation of a service that also has code or a manifest in the
analysed system, reports the operations with no matching produce (for `send`) or consume
(for `receive`) there. Services known only from contracts are not judged.

## Why is this bad
Consumers plan on events the contract promises. A promised event that the code never
sends is a feature that silently does not work; a declared subscription that is never
made leaves producers believing someone listens.

## Example
The contract of `billing` declares `receive` on `payment.refunded`; billing's code never
subscribes to it.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
