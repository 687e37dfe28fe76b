#include "model/ros_names.h"

#include <utility>

namespace eventscope {

std::string rosInterfaceName(const std::string &cppType) {
  // pcl_ros serialises a pcl::PointCloud<T> (and pcl_conversions a pcl::PCLPointCloud2) as
  // sensor_msgs/PointCloud2 (pcl_ros/point_cloud.h): publishing one on a PointCloud2
  // publisher, or subscribing with one, is the same topic type.
  if (cppType == "pcl::PointCloud" || cppType == "pcl::PCLPointCloud2")
    return "sensor_msgs/PointCloud2";
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t colons = cppType.find("::", start);
    parts.push_back(cppType.substr(start, colons == std::string::npos ? std::string::npos : colons - start));
    if (colons == std::string::npos)
      break;
    start = colons + 2;
  }
  if (parts.size() == 3 && (parts[1] == "msg" || parts[1] == "srv" || parts[1] == "action"))
    return parts[0] + "/" + parts[2];
  if (parts.size() == 2 && !parts[0].empty())
    return parts[0] + "/" + parts[1];
  return cppType;
}

namespace {

// "/" + the parts of `path` between slashes, none empty.
std::string cleanName(const std::string &path) {
  std::string out;
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty())
      out += "/" + part;
    if (slash == std::string::npos)
      break;
    start = slash + 1;
  }
  return out.empty() ? "/" : out;
}

// A name that starts with "~": what follows it (`~/x` and `~x` alike).
std::string afterTilde(const std::string &name) { return name.substr(name.size() > 1 && name[1] == '/' ? 2 : 1); }

} // namespace

std::string resolveRosName(const std::string &name, const RosNameContext &context) {
  // rcl rejects a topic or service name that ends in '/' (rcl_validate_topic_name's
  // RCL_TOPIC_NAME_INVALID_ENDS_WITH_FORWARD_SLASH: the create_* call throws), where ROS 1
  // cleans it away (ros::names::clean): a ROS 2 node's keeps its '/', so that it names no
  // topic the others do (autonav_software_2024's `/autonav/cfg_space/expanded/`, held-back
  // ROS bugs, session 49), and the near-miss search says which one it meant.
  if (context.kind == RosNodeKind::Ros2 && name.size() > 1 && name.back() == '/' && name != "~/")
    return resolveRosName(name.substr(0, name.size() - 1), context) + "/";
  const std::string node = cleanName(context.nodeNamespace);
  // The node's own namespace for private names; while the node's name is not known (a
  // controller named by its manager, a node named from a configuration file), a pattern piece
  // for it, `/{node}/status`, which links by pattern to the names the running node has.
  const std::string privateBase = cleanName(node + "/" + (context.nodeName.empty() ? std::string(kRosUnknownNodePiece) : context.nodeName));
  auto under = [](const std::string &base, const std::string &rest) { return cleanName(base + "/" + rest); };
  if (name.rfind(kRosNodeNamespacePiece, 0) == 0)
    return cleanName(node + "/" + name.substr(kRosNodeNamespacePiece.size()));
  if (name.rfind(kRosNodeNamePiece, 0) == 0)
    return under(privateBase, name.substr(kRosNodeNamePiece.size()));
  // The namespace relative names are under: the NodeHandle's, resolved against the node.
  std::string base = node;
  const std::string &handle = context.handleNamespace;
  if (!handle.empty() && handle[0] == '/')
    base = cleanName(handle);
  else if (!handle.empty() && handle[0] == '~')
    base = under(privateBase, afterTilde(handle));
  else if (!handle.empty())
    base = cleanName(node + "/" + handle);
  if (!name.empty() && name[0] == '/')
    return cleanName(name);
  if (!name.empty() && name[0] == '~')
    return under(privateBase, afterTilde(name));
  return under(base, name);
}

std::string rosNameRejection(const std::string &name, RosNodeKind kind, bool throughNamesResolve) {
  if (name.empty() || kind == RosNodeKind::Unknown)
    return "";
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto shown = [](char c) { return std::string(1, c); };
  // The text outside `{...}` pieces; each piece is one letter (valid anywhere in both).
  std::string text;
  for (size_t i = 0; i < name.size(); ++i)
    if (name[i] == '{') {
      size_t close = name.find('}', i);
      if (close == std::string::npos)
        return ""; // not a piece eventscope wrote; not judged
      text += 'a';
      i = close;
    } else {
      text += name[i];
    }
  if (kind == RosNodeKind::Ros1) {
    if (text[0] == '~' && throughNamesResolve)
      return text.size() == 1 ? "" : rosNameRejection(text.substr(text[1] == '/' ? 2 : 1), kind);
    if (text[0] == '~')
      return "roscpp's NodeHandle methods refuse a '~' name (InvalidNameException: \"Using ~ names with NodeHandle "
             "methods is not allowed\"); a private NodeHandle, ros::NodeHandle(\"~\"), names private topics";
    if (!letter(text[0]) && text[0] != '/')
      return "'" + shown(text[0]) + "' cannot begin a ROS 1 name (ros::names::validate: a letter, '/' or '~')";
    for (char c : text)
      if (!letter(c) && !digit(c) && c != '_' && c != '/')
        return "'" + shown(c) + "' is not allowed in a ROS 1 name (ros::names::validate: letters, digits, '_' and '/')";
    return "";
  }
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!letter(c) && !digit(c) && c != '_' && c != '/' && c != '~')
      return "'" + shown(c) + "' is not allowed in a ROS 2 name (rcl_validate_topic_name: letters, digits, '_', '/', '~' and {} substitutions)";
    if (c == '~' && i != 0)
      return "'~' is allowed only at the start of a ROS 2 name (rcl_validate_topic_name)";
  }
  if (text[0] == '~' && text.size() > 1 && text[1] != '/')
    return "a ROS 2 private name is '~/" + text.substr(1) + "': '~' must be followed by '/' (rcl_validate_topic_name)";
  if (text.find("//") != std::string::npos)
    return "a ROS 2 name cannot contain '//' (rcl_validate_topic_name)";
  if (text.size() > 1 && text.back() == '/' && text != "~/")
    return "a ROS 2 name cannot end in '/' (rcl_validate_topic_name)";
  for (size_t i = 0; i < text.size(); ++i)
    if (digit(text[i]) && (i == 0 || text[i - 1] == '/'))
      return "a part of a ROS 2 name cannot begin with a digit (rcl_validate_topic_name)";
  return "";
}

RosNode rosNodeOf(const RosNameContext &context) {
  RosNode node;
  node.kind = context.kind;
  if (!context.nodeName.empty())
    node.name = cleanName(context.nodeNamespace + "/" + context.nodeName);
  return node;
}

std::vector<RosProvidedName> rosProvidedNames(const RosNode &node) {
  std::vector<RosProvidedName> out;
  if (node.kind == RosNodeKind::Unknown)
    return out;
  const bool ros1 = node.kind == RosNodeKind::Ros1;
  const std::string library = ros1 ? "roscpp" : "rclcpp";
  out.push_back({"/rosout", false, "every " + library + " node", {}});
  if (ros1)
    out.push_back({"/rosout_agg", false, "the rosout node roscore starts", {}});
  else
    out.push_back({"/parameter_events", false, "every rclcpp node", {}});
  if (node.name.empty())
    return out;
  auto own = [&](const char *name, bool serves, const std::string &by) {
    out.push_back({node.name + "/" + name, serves, by + " " + node.name, {}});
  };
  if (ros1) {
    for (const char *name : {"get_loggers", "set_logger_level"})
      own(name, true, "roscpp node");
    return out;
  }
  for (const char *name : {"describe_parameters", "get_parameters", "get_parameter_types", "list_parameters",
                           "set_parameters", "set_parameters_atomically", "get_type_description",
                           "get_logger_levels", "set_logger_levels"})
    own(name, true, "rclcpp node");
  if (node.kind == RosNodeKind::Ros2Lifecycle) {
    for (const char *name : {"change_state", "get_state", "get_available_states", "get_available_transitions",
                             "get_transition_graph"})
      own(name, true, "lifecycle node");
    own("transition_event", false, "lifecycle node");
  }
  return out;
}

std::string formatRosDuration(int64_t ns) {
  if (ns == 0)
    return "none";
  if (ns == kRosDurationInfiniteNs)
    return "infinite";
  static constexpr std::pair<int64_t, const char *> kUnits[] = {
      {3600'000'000'000LL, "h"}, {60'000'000'000LL, "min"}, {1'000'000'000LL, "s"}, {1'000'000LL, "ms"}, {1'000LL, "us"}};
  for (const auto &[size, unit] : kUnits)
    if (ns % size == 0)
      return std::to_string(ns / size) + " " + unit;
  return std::to_string(ns) + " ns";
}

std::vector<std::string> qosIncompatibilities(const QosPolicies &offered, const QosPolicies &requested) {
  std::vector<std::string> out;
  if (offered.reliability == "best_effort" && requested.reliability == "reliable")
    out.push_back("reliability: publisher best_effort, subscription reliable");
  if (offered.durability == "volatile" && requested.durability == "transient_local")
    out.push_back("durability: publisher volatile, subscription transient_local");
  // A duration the subscription requests is one the publisher must offer, no longer (0 is
  // none: rmw compares against the default value, not against infinity).
  auto duration = [&](const char *policy, int64_t pub, int64_t sub) {
    if (pub < 0 || sub <= 0 || (pub != 0 && pub <= sub))
      return;
    out.push_back(std::string(policy) + ": publisher " + formatRosDuration(pub) + ", subscription " +
                  formatRosDuration(sub));
  };
  duration("deadline", offered.deadlineNs, requested.deadlineNs);
  if (offered.liveliness == "automatic" && requested.liveliness == "manual_by_topic")
    out.push_back("liveliness: publisher automatic, subscription manual_by_topic");
  duration("liveliness lease duration", offered.leaseNs, requested.leaseNs);
  return out;
}

} // namespace eventscope
