// undeclared-operation: code produces or consumes a channel its service's contract omits.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  std::set<std::string> described = servicesWithContracts(graph);
  ContractOperationIndex operations(graph);
  std::set<std::tuple<std::string, std::string, Role>> reported;
  for (const Endpoint &e : graph.endpoints()) {
    if (e.origin != Origin::Code || !described.count(e.service) || operations.declares(e.service, e.role, e.channel))
      continue;
    if (!reported.emplace(e.service, e.channel, e.role).second)
      continue;
    report(e.location,
           e.service + (e.role == Role::Produce ? " produces " : " consumes ") + quoted(e.channel) +
               ", which its contract does not declare (no " + (e.role == Role::Produce ? "send" : "receive") +
               " operation on that channel)",
           e.service, {e.channel});
  }
}

} // namespace

const Rule &undeclaredOperationRule() {
  static const Rule rule{
      .info =
          {
              .id = "undeclared-operation",
              .name = "UndeclaredOperation",
              .summary = "Code produces or consumes a channel that the service's contract does not declare.",
              .documentation = R"(## What it does
For every service described by at least one AsyncAPI document (its `info.title` or
`x-eventscope-service`), reports each channel its code produces or consumes without a
matching operation in its contracts (`send`/2.x `subscribe` for a produce,
`receive`/2.x `publish` for a consume). Parameterised addresses and broker wildcards match.

## Why is this bad
The contract is what other teams read. A message the contract does not mention is a
hidden dependency: consumers cannot know it exists, and schema reviews never see it.

## Example
`orders` publishes `order.archived` in code; its AsyncAPI document has no operation for it.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
