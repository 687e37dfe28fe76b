// ROS knowledge the rules share, plain C++: message type names compared across ROS 1 and
// ROS 2 spellings, and the QoS compatibility of a ROS 2 publisher and subscription.
#pragma once

#include "model/location.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventscope {

// The interface name of a C++ message type, as ROS compares types: "package/Type" for
// "std_msgs::msg::String" (ROS 2, rosidl's C++ naming) and "std_msgs::String" (ROS 1,
// genmsg's). A type in no namespace, or not named package::[msg::]Type, is returned as is.
std::string rosInterfaceName(const std::string &cppType);

// Where a ROS name is resolved: the node's namespace and name, and the namespace of the ROS 1
// NodeHandle the call is made on. Filled as far as the code tells; what it does not tell is
// the default a node started without remapping has (`ros2 run`, `rosrun`: the root namespace).
// Which client library's node a call is made on, as far as the code tells: what ROS itself
// publishes and serves for the node depends on it (rosProvidedNames).
enum class RosNodeKind { Unknown, Ros1, Ros2, Ros2Lifecycle };

struct RosNameContext {
  bool ros = false;           // the call is a ROS API's: its names resolve as ROS resolves them
  std::string nodeNamespace;  // "" or "/robot1" (ROS 2's Node(name, "robot1") is "/robot1")
  std::string nodeName;       // "" when unknown: a private name then stays as written
  std::string handleNamespace; // ROS 1 NodeHandle("x"), NodeHandle("~"), NodeHandle(parent, "x"): "x", "~", "/x"
  RosNodeKind kind = RosNodeKind::Unknown;
  // A ROS 1 NodeHandle received as parameter `handedParameter` (0-based) of the function
  // keyed `handedBy`: the calls of that function in every unit give the handle, its
  // namespace and node (the resolver's hand-over); the fields beside these hold what the
  // callers in this unit pass, kept when the hand-over cannot tell. "" otherwise.
  std::string handedBy;
  unsigned handedParameter = 0;
  // With handedBy: a namespace under the handed handle's (`ros::NodeHandle priv_nh(nh,
  // "line_tracker")` of a parameter `nh`), relative; "" for the handle itself.
  std::string handedSuffix;
  // A ROS 1 NodeHandle whose namespace is built from string parameter `namedParameter`
  // (0-based) of the function keyed `namedBy` (costmap_2d's `ros::NodeHandle
  // private_nh("~/" + name)` in its constructor): handleNamespace holds it as the pattern
  // piece `namedPiece` (`~/{name}`), which each call of that function in any unit fills
  // with the text it passes. "" otherwise.
  std::string namedBy;
  unsigned namedParameter = 0;
  std::string namedPiece;
  // With namedBy, for a ROS 2 node class whose constructor hands its parameters to
  // rclcpp::Node(name, namespace): 1 + the index of the parameter that names the node's
  // namespace (nodeNamespace is then its piece, `{node_namespace}`), filled by the same
  // calls; 0 for none.
  unsigned namedNamespaceParameter = 0;
  // With namedBy: the other constructors of the same node class that name the node from a
  // parameter of theirs (ControllerManager's three), each filled by its own calls the same way;
  // `nodeNamespace` is the namespace such a constructor gives when no parameter names it.
  struct NamedBy {
    std::string function;
    unsigned parameter = 0;
    unsigned namespaceParameter = 0;
    std::string nodeNamespace;
    friend bool operator==(const NamedBy &, const NamedBy &) = default;
  };
  std::vector<NamedBy> namedAlso;
  // A ROS 2 node class (qualified name, `stereolabs::ZedCamera`) none of whose constructors
  // this unit defines, the call made on `this` of it: the unit that defines one names the node
  // (TuFacts::rosNodeClasses; a node class written over several files). "" otherwise.
  std::string nodeClass;
  // What the ROS 2 node's rclcpp::NodeOptions give, as rcl reads its node-local arguments
  // (`arguments({"--ros-args", "-r", "__node:=x", "-r", "__ns:=/y", "-r", "a:=b"})`, rcl's
  // arguments.c) and parameter overrides. rcl looks at these before the process's own
  // arguments (rcl_remap_node_name and rcl_remap_topic_name: local rules first), so a launch
  // file's name, namespace and remappings do not replace them: `nameFromOptions` and
  // `namespaceFromOptions` say nodeName and nodeNamespace came from `__node`/`__ns`.
  bool nameFromOptions = false;
  bool namespaceFromOptions = false;
  // `use_global_arguments(false)`: rcl reads none of the process's arguments for this node,
  // so nothing a launch file gives its process (name, namespace, remappings, parameters,
  // which launch_ros passes as command-line arguments) applies to it.
  bool ignoresProcessArguments = false;
  // `-r from:=to` (or `--remap`), as written, in order; rules for another node
  // (`talker:a:=b`) left out.
  std::vector<std::pair<std::string, std::string>> optionRemaps{};
  // `-p name:=value`, parameter_overrides({{name, value}}), append_parameter_override(name,
  // value): the values of string parameters, in the order rclcpp applies them (the last given
  // for a name wins; they override a launch file's parameters, rclcpp's
  // resolve_parameter_overrides).
  std::vector<std::pair<std::string, std::string>> optionParameters{};
  friend bool operator==(const RosNameContext &, const RosNameContext &) = default;
};

// The fully qualified name of `name` (ROS 1 "Names" wiki page, section 1.1.2, Resolving;
// ROS 2 design "Topic and Service name mapping to DDS", the same rules): a global name
// (`/scan`) is itself; a private one (`~scan`, ROS 2's `~/scan`) is under the node's own
// name; a relative one (`scan`) is under the NodeHandle's namespace, itself relative to the
// node's. Starts with "/", no "//", no trailing "/" (but a ROS 2 node's name written with
// one keeps it: rcl rejects it, ROS 1 cleans it away); a private name (or one under a private
// NodeHandle) whose node is not known starts with "~/" instead (`~/status`).
// A name that starts with kRosNodeNamespacePiece (what ROS 1's ros::this_node::getNamespace()
// returns, written before "/objects") is under the node's namespace whatever the NodeHandle;
// one that starts with kRosNodeNamePiece (ros::this_node::getName()) is under the node's name.
std::string resolveRosName(const std::string &name, const RosNameContext &context);

// Why the client library rejects `name` as a topic, service or action name given to a
// node of `kind` at the call that creates the endpoint (the node dies there), or "" when it
// accepts it (or the kind is unknown):
// - ROS 1, roscpp's NodeHandle::resolveName: ros::names::validate (the first character a
//   letter, '/' or '~'; the others letters, digits, '_' or '/'), and no `~` name at all
//   ("Using ~ names with NodeHandle methods is not allowed": a private handle,
//   NodeHandle("~"), is the way);
// - ROS 2, rcl_validate_topic_name: letters, digits, '_', '/', '~' and `{}` substitutions
//   only; '~' only first and then followed by '/'; no "//"; no trailing '/'; no part between
//   slashes that starts with a digit.
// A name with a substitution or pattern piece (`{...}`) is judged with the piece as a letter.
// `throughNamesResolve`: a ROS 1 call that resolves the name with ros::names::resolve
// before any NodeHandle sees it (ros::service::call), where a `~` name is private.
std::string rosNameRejection(const std::string &name, RosNodeKind kind, bool throughNamesResolve = false);

// Pieces a name read from code may start with: the node's namespace and fully qualified
// name, known only where the node runs (its launch file). Spelled as pattern pieces, so
// that a name never resolved reads as one (`{this_node::getNamespace}/objects`).
inline constexpr std::string_view kRosNodeNamespacePiece = "{this_node::getNamespace}";
inline constexpr std::string_view kRosNodeNamePiece = "{this_node::getName}";
// The node's name in a resolved private name when the code does not tell it: `/{node}/status`.
inline constexpr std::string_view kRosUnknownNodePiece = "{node}";

// The node a call is made on: its fully qualified name ("/robot1/camera"; "" when the code
// does not tell the node's name) and client library.
struct RosNode {
  std::string name;
  RosNodeKind kind = RosNodeKind::Unknown;
  friend auto operator<=>(const RosNode &, const RosNode &) = default;
};

// The node of a context: its name resolved in its namespace ("" while the name is unknown).
RosNode rosNodeOf(const RosNameContext &context);

// A name ROS itself publishes or serves in a node's process, with no line of the node's code:
// `serves` for a service, otherwise a topic it publishes.
struct RosProvidedName {
  std::string name;
  bool serves = false;
  std::string by; // who provides it, for messages: "every rclcpp node", "lifecycle node /camera"
  Location node;  // where the code shows the node (its first endpoint), for notes; empty if unknown
};

// What ROS provides in the process of `node`:
// - every node's log topic /rosout (roscpp, rcl's rosout publisher); ROS 1's /rosout_agg,
//   which the rosout node that roscore starts publishes; ROS 2's /parameter_events
//   (rclcpp's parameter service publisher, NodeOptions::start_parameter_event_publisher);
// - a named node's own services: ROS 1 roscpp's ~get_loggers and ~set_logger_level; rclcpp's
//   parameter services (rclcpp::ParameterService: ~/describe_parameters, ~/get_parameters,
//   ~/get_parameter_types, ~/list_parameters, ~/set_parameters, ~/set_parameters_atomically),
//   ~/get_type_description (Jazzy) and the logger services (~/get_logger_levels,
//   ~/set_logger_levels, when NodeOptions::enable_logger_service);
// - a lifecycle node's (rclcpp_lifecycle, design article "Managed nodes"): the services
//   ~/change_state, ~/get_state, ~/get_available_states, ~/get_available_transitions,
//   ~/get_transition_graph and the topic ~/transition_event.
// Options that switch these off are not followed: a name listed here is never reported as
// missing, which may hide a call to a switched-off service.
std::vector<RosProvidedName> rosProvidedNames(const RosNode &node);

// A ROS 2 publisher's or subscription's QoS as the code sets it (rmw/types.h's
// rmw_qos_profile_t). Unknown values are empty / -1 and never judged: a system default
// ("reliability" of SystemDefaultsQoS), a value read from a parameter or elsewhere.
struct QosPolicies {
  std::string reliability; // "reliable" / "best_effort"
  std::string durability;  // "volatile" / "transient_local"
  std::string history;     // "keep_last" / "keep_all"
  int64_t depth = -1;      // keep_last's queue depth
  // Durations in nanoseconds: 0 is rmw's default (RMW_QOS_DEADLINE_DEFAULT,
  // RMW_QOS_LIVELINESS_LEASE_DURATION_DEFAULT: no deadline, no lease), -1 unknown.
  int64_t deadlineNs = -1;
  std::string liveliness; // "automatic" / "manual_by_topic"; the system default is unknown
  int64_t leaseNs = -1;   // liveliness_lease_duration
  std::string written;    // how the code gives it ("rclcpp::SensorDataQoS", "10"), for messages
  Location at;            // the call that gives it (create_publisher), when known
  bool known() const {
    return !reliability.empty() || !durability.empty() || !history.empty() || depth >= 0 || deadlineNs >= 0 ||
           !liveliness.empty() || leaseNs >= 0;
  }
  friend bool operator==(const QosPolicies &, const QosPolicies &) = default;
};

// The largest duration rmw represents (RMW_DURATION_INFINITE, 9223372036 s 854775807 ns).
inline constexpr int64_t kRosDurationInfiniteNs = 9223372036854775807LL;

// A QoS duration for messages: "none" for rmw's default (0), "infinite", else the largest
// whole unit ("100 ms", "1.5 s" is "1500 ms", "7 ns").
std::string formatRosDuration(int64_t ns);

// The policies for which a publisher with `offered` and a subscription with `requested`
// are not connected, as rmw_dds_common's qos_profile_check_compatible decides (the errors of
// the QoS compatibility table, ROS 2 documentation "About Quality of Service settings"):
// - a best-effort publisher with a reliable subscription;
// - a volatile publisher with a transient-local subscription;
// - a subscription with a deadline and a publisher without, or with a longer one;
// - a publisher with automatic liveliness and a subscription with manual-by-topic;
// - a subscription with a liveliness lease duration and a publisher without, or a longer one.
// Each entry reads "reliability: publisher best_effort, subscription reliable". Empty when
// compatible or when either side's policy is unknown.
std::vector<std::string> qosIncompatibilities(const QosPolicies &offered, const QosPolicies &requested);

} // namespace eventscope
