// unserved-call: a ROS service or action is called, but nothing serves it.
#include "model/channel_similarity.h"
#include "model/ros_names.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>
#include <set>

namespace eventscope {
namespace {

// Whether ROS name `longer` is `shorter` under more leading namespaces ("/foo/a/b" and "/a/b").
bool endsWithSegments(const std::string &longer, const std::string &shorter) {
  return shorter.starts_with('/') && longer.size() > shorter.size() && longer.ends_with(shorter);
}

// The message types (ROS interface names) of these endpoints, where the code shows them.
std::set<std::string> typesOf(const EventGraph &graph, const std::vector<size_t> &endpoints) {
  std::set<std::string> types;
  for (size_t index : endpoints)
    if (const Endpoint &e = graph.endpoints()[index]; !e.messageType.empty())
      types.insert(rosInterfaceName(e.messageType));
  return types;
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  // Served names: the code's servers, then the services ROS itself serves for the nodes (a
  // lifecycle node's ~/get_state), which a client may call under the wrong namespace.
  std::vector<std::string> served;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.consumers.empty() && channelKind(graph, channel) != ChannelKind::Topic)
      served.push_back(address);
  for (const auto &[key, provided] : graph.allRosProvided())
    if (key.second && !graph.channel(key.first))
      served.push_back(key.first);
  const NearMissIndex nearServed(served);
  for (const auto &[address, channel] : graph.channels()) {
    ChannelKind kind = channelKind(graph, channel);
    if (kind == ChannelKind::Topic || channel.producers.empty() || graph.isConsumed(address))
      continue;
    // The service types the calls use, and whether a served name's servers use one of them
    // (unknown when either side's type is not in the code, or ROS itself serves it).
    const std::set<std::string> called = typesOf(graph, channel.producers);
    auto agrees = [&](const std::string &candidate) -> std::optional<bool> {
      const Channel *servers = graph.channel(candidate);
      std::set<std::string> serving = servers ? typesOf(graph, servers->consumers) : std::set<std::string>{};
      if (called.empty() || serving.empty())
        return std::nullopt;
      return std::any_of(called.begin(), called.end(), [&](const std::string &t) { return serving.count(t) > 0; });
    };
    // The nearest served name, if one is a near-miss of this one; not one of another type
    // (PlanSys2's `get_problem_instance` is not the `get_problem_instances` of another type).
    std::optional<std::pair<std::string, std::string>> meant;
    for (const auto &[i, how] : nearServed.nearMisses(address))
      if (!meant && agrees(served[i]) != false)
        meant = {{served[i], how}};
    // Or the same name in another namespace (ROS name resolution: `/lc_talker/get_state`
    // from a client whose node runs in /foo is not the /foo/lc_talker/get_state it serves).
    for (const std::string &candidate : served)
      if (!meant && agrees(candidate) != false &&
          (endsWithSegments(candidate, address) || endsWithSegments(address, candidate)))
        meant = {{candidate, "the same name in another namespace"}};
    // Or the one server of the calls' type in the called name's namespace
    // (`get_problem_instance_details`, of type GetProblemInstanceDetails, for a client of that type).
    if (!meant) {
      const std::string space = address.substr(0, address.rfind('/') + 1);
      std::vector<std::string> sameType;
      for (const std::string &candidate : served)
        if (candidate.starts_with(space) && candidate.find('/', space.size()) == std::string::npos &&
            agrees(candidate) == true)
          sameType.push_back(candidate);
      if (sameType.size() == 1)
        meant = {{sameType.front(), "the one " + std::string(kind == ChannelKind::Action ? "action" : "service") +
                                        " of its type in that namespace, " + *called.begin()}};
    }
    const std::string what = kind == ChannelKind::Action ? "action" : "service";
    for (auto [service, endpoints] : endpointsByService(graph, channel, Role::Produce)) {
      // A topic of the same name (hector_mapping publishes the map on /height_map, which
      // geotiff calls as a service) is no call.
      std::erase_if(endpoints, [](const Endpoint *e) { return e->kind == ChannelKind::Topic; });
      if (endpoints.empty())
        continue;
      Finding &f = report(endpoints.front()->location,
                          what + " " + quoted(address) + " is called by " + service + " but no node serves it" +
                              (meant ? "; did you mean " + quoted(meant->first) + "? (" + meant->second + ")" : ""),
                          service, {address});
      addOtherLocations(f, endpoints, service + " also calls " + quoted(address) + " here");
      addLaunchNote(f, *endpoints.front());
      if (meant) {
        if (const Channel *near = graph.channel(meant->first)) {
          f.channels.push_back(meant->first);
          for (const auto &[server, serving] : endpointsByService(graph, *near, Role::Consume))
            f.notes.push_back({serving.front()->location, server + " serves " + quoted(meant->first) + " here"});
        } else if (const RosProvidedName *provided = graph.rosProvided(meant->first, true); provided && !provided->node.empty())
          f.notes.push_back({provided->node, "ROS serves " + quoted(meant->first) + " for " + provided->by});
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
one (the measure of channel-name-typo), or the same name under other leading namespaces
(`/lc_talker/get_state` called from a node in `/foo` while `/foo/lc_talker/get_state` is
served), the finding says "did you mean" and notes the server. Served names include those ROS
serves itself for each node the code shows (a lifecycle node's `~/get_state`). Where the code
shows the service types, a served name of another type is not suggested, and when no name is
near, the one server of the caller's type in the called name's namespace is.
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
