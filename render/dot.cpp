#include "render/diagrams.h"

namespace eventscope {
namespace {

std::string quote(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

const char *styleOf(EdgeMark mark) {
  switch (mark) {
  case EdgeMark::Cycle:
    return ", color=\"#d93025\", penwidth=2.5";
  case EdgeMark::Cascade:
    return ", color=\"#f29900\", penwidth=2";
  case EdgeMark::Typo:
    return ", color=\"#d93025\", style=dashed";
  case EdgeMark::None:
    break;
  }
  return "";
}

} // namespace

void writeDot(std::ostream &out, const Diagram &diagram) {
  out << "digraph eventscope {\n"
      << "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=0.8];\n"
      << "  node [fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const DiagramNode &node : diagram.nodes) {
    out << "  " << quote(node.id) << " [label=" << quote(node.label);
    if (node.isService)
      out << ", shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\"";
    else
      out << ", shape=ellipse" << (node.orphan ? ", style=dashed" : "");
    out << "];\n";
  }
  for (const DiagramEdge &edge : diagram.edges) {
    out << "  " << quote(edge.from) << " -> " << quote(edge.to);
    std::string label;
    for (const std::string &l : edge.labels)
      label += (label.empty() ? "" : "\n") + l;
    std::string attributes = (label.empty() ? "" : "label=" + quote(label)) + styleOf(edge.mark);
    if (!attributes.empty())
      out << " [" << (attributes.rfind(", ", 0) == 0 ? attributes.substr(2) : attributes) << "]";
    out << ";\n";
  }
  out << "}\n";
}

} // namespace eventscope
