#include "model/ros_names.h"

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

std::vector<std::string> qosIncompatibilities(const QosPolicies &offered, const QosPolicies &requested) {
  std::vector<std::string> out;
  if (offered.reliability == "best_effort" && requested.reliability == "reliable")
    out.push_back("reliability: publisher best_effort, subscription reliable");
  if (offered.durability == "volatile" && requested.durability == "transient_local")
    out.push_back("durability: publisher volatile, subscription transient_local");
  return out;
}

} // namespace eventscope
