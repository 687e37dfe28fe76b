// ROS 2 YAML launch files (launch_yaml): `launch:` holds a list of entities, each a map of
// one key, the entity's type, to its attributes; a list under `children` holds nested
// entities, a list under any other key (`remap`, `arg`, `param`) holds child elements of
// that type.
#include "analyzer/ros/launch_tree.h"

#include "analyzer/documents/doc_value.h"
#include "model/input_error.h"

namespace eventscope {
namespace {

LaunchElement entity(DocValue node, unsigned depth);

void fillAttributes(LaunchElement &element, DocValue body, unsigned depth) {
  if (depth > 64)
    throw InputError(element.at, "launch file entities nested deeper than 64 levels");
  if (body.isNull())
    return;
  if (!body.isMap())
    body.fail("the attributes of `" + element.tag + "` must be a map");
  for (const auto &[key, value] : body.entries()) {
    std::string name = key.scalar("an attribute name");
    if (value.isScalar())
      element.attributes[name] = value.text();
    else if (value.isSequence() && name == "children") {
      for (DocValue child : value.items())
        element.children.push_back(entity(child, depth + 1));
    } else if (value.isSequence()) {
      for (DocValue item : value.items()) {
        LaunchElement child;
        child.tag = name;
        child.at = item.location();
        if (item.isMap())
          fillAttributes(child, item, depth + 1);
        element.children.push_back(std::move(child));
      }
    } // a nested map is a parameter value: nothing of the graph
  }
}

LaunchElement entity(DocValue node, unsigned depth) {
  if (!node.isMap() || node.size() != 1)
    node.fail("a launch entity must be a map of one key, its type (`node:`, `group:`)");
  auto [type, attributes] = node.entries().front();
  LaunchElement element;
  element.tag = type.scalar("an entity type");
  element.at = type.location();
  fillAttributes(element, attributes, depth);
  return element;
}

} // namespace

LaunchElement readLaunchYaml(const std::string &text, const std::string &displayPath) {
  DocFile read(text, displayPath);
  std::vector<DocValue> documents = read.documents();
  if (documents.empty() || !documents[0].isMap() || !documents[0].get("launch"))
    throw InputError({displayPath, 1, 1, ""}, "not a launch file: no top-level `launch:` key");
  DocValue list = documents[0].get("launch");
  LaunchElement root;
  root.tag = "launch";
  root.at = documents[0].entries().front().first.location();
  if (!list.isSequence() && !list.isNull())
    list.fail("`launch` must be a list of entities");
  for (DocValue item : list.items())
    root.children.push_back(entity(item, 1));
  return root;
}

} // namespace eventscope
