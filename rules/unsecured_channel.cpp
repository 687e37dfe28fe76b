// unsecured-channel: a contract channel reachable with no security requirement.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const ContractDocument &c : graph.contracts()) {
    if (c.servers.empty())
      continue; // no transport declared: nothing to judge
    // Per channel: whether an operation uses it, and whether one of those is secured.
    std::vector<char> used(c.channels.size(), 0), operationSecured(c.channels.size(), 0);
    for (const ContractOperation &op : c.operations)
      if (op.channel < c.channels.size()) {
        used[op.channel] = 1;
        operationSecured[op.channel] |= op.secured ? 1 : 0;
      }
    for (size_t i = 0; i < c.channels.size(); ++i) {
      const ContractChannel &channel = c.channels[i];
      std::vector<const ContractServer *> servers;
      for (const ContractServer &s : c.servers)
        if (channel.servers.empty() || std::count(channel.servers.begin(), channel.servers.end(), s.name))
          servers.push_back(&s);
      bool serverSecured = std::any_of(servers.begin(), servers.end(), [](auto *s) { return s->secured; });
      if (serverSecured || operationSecured[i] || servers.empty() || !used[i])
        continue;
      // A channel whose address is unknown is named by its key, and is no channel of the graph.
      Finding &f = report(
          channel.location,
          "channel " + (channel.addressIsNull ? quoted(channel.id) + " (address unknown)" : quoted(channel.address)) +
              " of " + c.service + " has no security requirement on its servers or operations",
          c.service);
      if (!channel.addressIsNull)
        f.channels = {channel.address};
      for (const ContractServer *s : servers)
        f.notes.push_back({s->location, "server " + quoted(s->name) + " has no security requirement"});
    }
  }
}

} // namespace

const Rule &unsecuredChannelRule() {
  static const Rule rule{
      .info =
          {
              .id = "unsecured-channel",
              .name = "UnsecuredChannel",
              .summary = "A contract channel that can be used with no security requirement.",
              .documentation = R"(## What it does
For each channel of an AsyncAPI document that declares servers, reports the channels
whose servers (those the channel is restricted to, or all) and whose operations all lack
a `security` requirement.

## Why is this bad
Anyone who reaches the broker can read or forge these events. Security that is not in the
contract is usually not in the deployment either.

## Example
`servers: {production: {host: broker:9092, protocol: kafka}}` with no `security`, and no
operation security on `payment.settled`.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
