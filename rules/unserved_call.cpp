// unserved-call: a ROS service or action is called, but nothing serves it.
#include "model/channel_similarity.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  std::vector<std::string> served;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.consumers.empty() && channelKind(graph, channel) != ChannelKind::Topic)
      served.push_back(address);
  for (const auto &[address, channel] : graph.channels()) {
    ChannelKind kind = channelKind(graph, channel);
    if (kind == ChannelKind::Topic || channel.producers.empty() || graph.isConsumed(address))
      continue;
    // The nearest served name, if one is a near-miss of this one.
    std::optional<std::pair<std::string, std::string>> meant;
    for (const std::string &candidate : served)
      if (auto how = nearMiss(address, candidate); how && !meant)
        meant = {{candidate, *how}};
    const std::string what = kind == ChannelKind::Action ? "action" : "service";
    for (const auto &[service, endpoints] : endpointsByService(graph, channel, Role::Produce)) {
      Finding &f = report(endpoints.front()->location,
                          what + " " + quoted(address) + " is called by " + service + " but no node serves it" +
                              (meant ? "; did you mean " + quoted(meant->first) + "? (" + meant->second + ")" : ""),
                          service, {address});
      addOtherLocations(f, endpoints, service + " also calls " + quoted(address) + " here");
      addLaunchNote(f, *endpoints.front());
      if (meant) {
        f.channels.push_back(meant->first);
        const Channel &near = *graph.channel(meant->first);
        for (const auto &[server, serving] : endpointsByService(graph, near, Role::Consume))
          f.notes.push_back({serving.front()->location, server + " serves " + quoted(meant->first) + " here"});
      }
    }
  }
}

} // namespace

const Rule &unservedCallRule() {
  static const Rule rule{
      .info =
          {
              .id = "unserved-call",
              .name = "UnservedCall",
              .summary = "A ROS service or action is called, but no node serves it.",
              .documentation = R"(## What it does
Reports each service of the system (a group of code) that calls a ROS service
(`ros::ServiceClient::call`, `ros::service::call`, rclcpp's `async_send_request`) or sends an
action goal (`rclcpp_action::Client::async_send_goal`) whose name no server of the analysed
code serves (`advertiseService`, `create_service`, `rclcpp_action::create_server`), after
name resolution and launch-file remapping. When a served name is a near-miss of the called
one (the measure of channel-name-typo), the finding says "did you mean" and notes the server.
Its finding replaces unconsumed-event's for the same call (switched off, that one stays).

## Why is this bad
`call()` returns false, `wait_for_service` waits forever, a goal is never accepted: the
client's feature does not work, and nothing says why until someone reads the names.

## Example
`planner` calls `/map_server/get_map`; the map server serves `/map_server/getmap`.

## Options
None.)",
              .defaultSeverity = Severity::Error,
              .replaces = {{.rule = "unconsumed-event",
                            .sameService = true,
                            .when =
                                "A call nothing serves is reported once, as a call, with the name it probably meant."}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
