// ROS 2 YAML launch files (launch_yaml): `launch:` holds a list of entities, each a map of
// one key, the entity's type, to its attributes; a list under `children` holds nested
// entities, a list under any other key (`remap`, `arg`, `param`) holds child elements of
// that type.
#include "analyzer/ros/launch_tree.h"
#include "analyzer/documents/yaml_input.h"

namespace eventscope {
namespace {

LaunchElement entity(const YAML::Node &node, const std::string &file, unsigned depth);

void fillAttributes(LaunchElement &element, const YAML::Node &body, const std::string &file, unsigned depth) {
  if (depth > 64)
    throw InputError(element.at, "launch file entities nested deeper than 64 levels");
  if (!body || body.IsNull())
    return;
  if (!body.IsMap())
    throw InputError(locationOf(body, file), "the attributes of `" + element.tag + "` must be a map");
  for (const auto &entry : body) {
    std::string key = scalarOf(entry.first, file, "an attribute name");
    const YAML::Node &value = entry.second;
    if (value.IsScalar())
      element.attributes[key] = value.Scalar();
    else if (value.IsSequence() && key == "children") {
      for (const YAML::Node &child : value)
        element.children.push_back(entity(child, file, depth + 1));
    } else if (value.IsSequence()) {
      for (const YAML::Node &item : value) {
        LaunchElement child;
        child.tag = key;
        child.at = locationOf(item, file);
        if (item.IsMap())
          fillAttributes(child, item, file, depth + 1);
        element.children.push_back(std::move(child));
      }
    } // a nested map is a parameter value: nothing of the graph
  }
}

LaunchElement entity(const YAML::Node &node, const std::string &file, unsigned depth) {
  if (!node.IsMap() || node.size() != 1)
    throw InputError(locationOf(node, file), "a launch entity must be a map of one key, its type (`node:`, `group:`)");
  LaunchElement element;
  element.tag = scalarOf(node.begin()->first, file, "an entity type");
  element.at = locationOf(node.begin()->first, file);
  fillAttributes(element, node.begin()->second, file, depth);
  return element;
}

} // namespace

LaunchElement readLaunchYaml(const std::string &text, const std::string &displayPath) {
  std::vector<YAML::Node> documents = parseYamlDocuments(text, displayPath);
  if (documents.empty() || !documents[0].IsMap() || !documents[0]["launch"])
    throw InputError({displayPath, 1, 1, ""}, "not a launch file: no top-level `launch:` key");
  const YAML::Node list = documents[0]["launch"];
  LaunchElement root;
  root.tag = "launch";
  root.at = locationOf(documents[0].begin()->first, displayPath);
  if (!list.IsSequence() && !list.IsNull())
    throw InputError(locationOf(list, displayPath), "`launch` must be a list of entities");
  for (const YAML::Node &item : list)
    root.children.push_back(entity(item, displayPath, 1));
  return root;
}

} // namespace eventscope
