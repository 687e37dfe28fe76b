#include "model/ros_launch.h"

namespace eventscope {

RosNameContext launchedContext(const RosNameContext &code, const LaunchedNode &node) {
  RosNameContext context = code;
  context.ros = true;
  if (code.ignoresProcessArguments)
    return context;
  if (node.nodeNamespace && !code.namespaceFromOptions)
    context.nodeNamespace = *node.nodeNamespace;
  if (!node.name.empty() && !code.nameFromOptions)
    context.nodeName = node.name;
  return context;
}

std::string remapRosName(const std::string &resolved, const RosNameContext &context,
                         const std::vector<RosRemap> &remaps, size_t *used, bool isService) {
  // Rules are resolved against the node, never against a NodeHandle's namespace: they are
  // arguments of the node's process.
  RosNameContext node = context;
  node.handleNamespace.clear();
  for (size_t i = 0; i < remaps.size(); ++i) {
    std::string from = remaps[i].from;
    for (const auto &[prefix, service] : {std::pair{"rostopic://", false}, std::pair{"rosservice://", true}})
      if (from.rfind(prefix, 0) == 0) {
        if (service != isService)
          from.clear();
        else
          from.erase(0, std::string(prefix).size());
      }
    if (!from.empty() && resolveRosName(from, node) == resolved) {
      if (used)
        *used = i;
      return resolveRosName(remaps[i].to, node);
    }
  }
  return resolved;
}

std::string remapByOptions(const std::string &resolved, const RosNameContext &context, bool isService,
                           bool *matched) {
  std::vector<RosRemap> own;
  for (const auto &[from, to] : context.optionRemaps)
    own.push_back({from, to, {}});
  size_t used = own.size();
  std::string remapped = remapRosName(resolved, context, own, &used, isService);
  if (matched)
    *matched = used < own.size();
  return remapped;
}

} // namespace eventscope
