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
    // Per channel: whether an operation without a security requirement uses it.
    std::vector<char> openOperation(c.channels.size(), 0);
    for (const ContractOperation &op : c.operations)
      if (op.channel < c.channels.size() && !op.secured)
        openOperation[op.channel] = 1;
    for (size_t i = 0; i < c.channels.size(); ++i) {
      const ContractChannel &channel = c.channels[i];
      // The servers it may be used on (those it is restricted to, or all), and the open ones
      // among them: one open server and one open operation are a way in.
      size_t servers = 0;
      std::vector<const ContractServer *> open;
      for (const ContractServer &s : c.servers)
        if (channel.servers.empty() || std::count(channel.servers.begin(), channel.servers.end(), s.name)) {
          ++servers;
          if (!s.secured)
            open.push_back(&s);
        }
      if (open.empty() || !openOperation[i])
        continue;
      std::string openServers;
      for (const ContractServer *s : open)
        openServers += (openServers.empty() ? "" : ", ") + quoted(s->name);
      // A channel whose address is unknown is named by its key, and is no channel of the graph.
      Finding &f = report(
          channel.location,
          "channel " + (channel.addressIsNull ? quoted(channel.id) + " (address unknown)" : quoted(channel.address)) +
              " of " + c.service + " has no security requirement on " +
              (open.size() == servers ? "its servers or operations"
                                      : "server " + openServers + " (of the servers it may use) or on an operation"),
          c.service);
      if (!channel.addressIsNull)
        f.channels = {channel.address};
      for (const ContractServer *s : open)
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
For each channel of an AsyncAPI document that declares servers, reports the channels that
can be used with no security at all: one of the servers it may use (those it is restricted
to, or all) has no `security` requirement, and neither has one of its operations. A
channel on one open and one secured server is reported, naming the open one.

## Why is this bad
Anyone who reaches the broker can read or forge these events. Security that is not in the
contract is usually not in the deployment either.

## Example
`servers: {production: {host: broker:9092, protocol: kafka}}` with no `security`, and no
operation security on `payment.settled`; or a second server `partners` with `security`, and
`payment.settled` not restricted to it.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
