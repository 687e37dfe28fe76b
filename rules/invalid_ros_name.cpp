// invalid-ros-name: a ROS topic, service or action name that the client library rejects
// when the node starts (model/ros_names.h, rosNameRejection).
#include "model/ros_names.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <set>

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  // One finding per call and name, however many launched nodes run the call.
  std::set<std::pair<Location, std::string>> seen;
  for (const Endpoint &e : graph.endpoints()) {
    if (e.origin != Origin::Code || e.nameInCode.empty())
      continue;
    const std::string why = rosNameRejection(e.nameInCode, e.rosNode.kind, e.api.starts_with("ros::service::"));
    // Where the name is given: the handle's creation (advertise), else the call.
    const Location &at = e.madeAt.empty() ? e.location : e.madeAt;
    if (why.empty() || !seen.emplace(at, e.nameInCode).second)
      continue;
    const std::string library = e.rosNode.kind == RosNodeKind::Ros1 ? "roscpp" : "rcl";
    report(at,
           quoted(e.nameInCode) + " is not a valid ROS name: " + why + "; " + library +
               " throws here and the node stops",
           e.service, {e.channel});
  }
}

} // namespace

const Rule &invalidRosNameRule() {
  static const Rule rule{
      .info =
          {
              .id = "invalid-ros-name",
              .name = "InvalidRosName",
              .summary = "A ROS topic, service or action name that the client library rejects when the node starts.",
              .documentation = R"(## What it does
Checks each topic, service and action name a ROS node's code gives a publisher,
subscription, service, client or action, as written (before namespaces and remaps), against
the rules of its client library, and reports the call:
- ROS 1: roscpp's `NodeHandle::resolveName` validates every name (`ros::names::validate`:
  the first character a letter, `/` or `~`, the others letters, digits, `_` or `/`) and
  refuses any `~` name ("Using ~ names with NodeHandle methods is not allowed"): private
  topics are named through a private handle, `ros::NodeHandle pnh("~")`.
- ROS 2: `rcl_validate_topic_name`: letters, digits, `_`, `/`, `~` and `{}` substitutions;
  `~` only first and followed by `/` (`~/status`, not `~status`); no `//`; no trailing `/`;
  no part that starts with a digit.
Parts eventscope knows only at run time are not judged.

## Why is this bad
The call throws (`ros::InvalidNameException`, `rclcpp::exceptions::InvalidTopicNameError`)
when the node starts: the node dies before it publishes or subscribes anything, and every
topic it would have joined goes silent.

## Example
A ROS 1 node advertises `nh.advertise<std_msgs::String>("~status", 1)` on its public
NodeHandle; a ROS 2 node creates `create_publisher<String>("~status", 10)` instead of
`"~/status"`.

## Options
None.)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
