// Nodes as launch files start them, and ROS name remapping: plain C++, filled by the launch
// file readers (analyzer/ros) and applied where endpoints are made.
#pragma once

#include "model/location.h"
#include "model/ros_names.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventscope {

// One `from:=to` remapping rule as a launch file writes it (roslaunch `<remap>`, launch_ros
// `remappings=[(from, to)]`, `SetRemap`), both names as written: they are resolved in the
// context of the node the rule is given to, as ROS does (ROS 1 "Remapping Arguments";
// ROS 2 design "Remapping Names": a rule matches the fully qualified name).
struct RosRemap {
  std::string from, to;
  Location at;
};

// A node a launch file starts.
struct LaunchedNode {
  std::string package;    // ROS 1 `pkg`, ROS 2 `pkg`/`package`
  std::string executable; // ROS 1 `type`, ROS 2 `exec`/`executable`; "" for a composable node
  std::string plugin;     // a ROS 2 composable node's class ("composition::Talker")
  std::string name;       // the node's name when the launch file sets it, else ""
  // The node's namespace when the launch file sets it (its own `ns`/`namespace`, or a group's
  // / PushRosNamespace's): fully qualified ("/robot1", "/" for the root). Unset: the code's.
  std::optional<std::string> nodeNamespace;
  std::vector<RosRemap> remaps; // the node's own and those of the groups around it, in order
  // The parameters the launch file gives the node (launch_ros `parameters=[{name: value}]`,
  // `<param name value>`), each with a value known statically; parameter files left out.
  std::vector<std::pair<std::string, std::string>> parameters;
  Location at; // the launch file's node element or call
};

// The launched node's context for a name the code resolved in `code`: the launch file's
// name and namespace replace the code's where it gives them, but not a name or namespace the
// node's own NodeOptions arguments give (RosNameContext::nameFromOptions: rcl reads a node's
// local arguments first).
RosNameContext launchedContext(const RosNameContext &code, const LaunchedNode &node);

// `resolved` (a fully qualified name) after the node's remapping rules: the first rule
// whose `from` resolves (in `context`) to it gives the result, `to` resolved in `context`.
// Sets `*used` to the index of the rule that applied, when given. A `from` written with
// rcl's `rostopic://` or `rosservice://` prefix (ROS 2's remapping rules, design article
// "Remapping Names") applies to a topic's, respectively a service's, name alone:
// `isService` says which `resolved` is.
std::string remapRosName(const std::string &resolved, const RosNameContext &context,
                         const std::vector<RosRemap> &remaps, size_t *used = nullptr, bool isService = false);

// `resolved` after the remapping rules of the node's NodeOptions arguments
// (RosNameContext::optionRemaps), the same way; `*matched` (when given) says whether one
// applied: rcl then applies no rule of the process's (a launch file's) to the name.
std::string remapByOptions(const std::string &resolved, const RosNameContext &context, bool isService,
                           bool *matched = nullptr);

} // namespace eventscope
