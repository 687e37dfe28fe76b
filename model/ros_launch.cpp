#include "model/ros_launch.h"

namespace eventscope {

RosNameContext launchedContext(const RosNameContext &code, const LaunchedNode &node) {
  RosNameContext context = code;
  context.ros = true;
  if (node.nodeNamespace)
    context.nodeNamespace = *node.nodeNamespace;
  if (!node.name.empty())
    context.nodeName = node.name;
  return context;
}

std::string remapRosName(const std::string &resolved, const RosNameContext &context,
                         const std::vector<RosRemap> &remaps, size_t *used) {
  // Rules are resolved against the node, never against a NodeHandle's namespace: they are
  // arguments of the node's process.
  RosNameContext node = context;
  node.handleNamespace.clear();
  for (size_t i = 0; i < remaps.size(); ++i)
    if (resolveRosName(remaps[i].from, node) == resolved) {
      if (used)
        *used = i;
      return resolveRosName(remaps[i].to, node);
    }
  return resolved;
}

} // namespace eventscope
