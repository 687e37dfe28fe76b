#include "render/diagrams.h"

#include <sstream>

namespace eventscope {
namespace {

std::string quote(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n"; // a centred line break in a Graphviz label
      continue;
    }
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
  case EdgeMark::Lossy:
    return ", color=\"#d93025\", fontcolor=\"#d93025\", penwidth=2, style=dashed";
  case EdgeMark::None:
    break;
  }
  return "";
}

} // namespace

namespace {

void writeNode(std::ostream &out, const DiagramNode &node, const char *indent) {
  out << indent << quote(node.id) << " [label=" << quote(node.label);
  switch (node.kind) {
  case NodeKind::Service:
    out << ", shape=box, style=\"rounded,filled" << (node.observedOnly ? ",dashed" : "") << "\", fillcolor=\"#e8f0fe\"";
    break;
  case NodeKind::Channel:
    out << ", shape=ellipse" << (node.orphan || node.observedOnly ? ", style=dashed" : "");
    break;
  case NodeKind::Function:
    out << ", shape=box, style=rounded, fontsize=10";
    break;
  case NodeKind::Unresolved:
    out << ", shape=box, style=\"rounded,dashed\", color=\"#d93025\", fontsize=10";
    break;
  }
  if (node.observedOnly)
    out << ", color=\"#8e24aa\", fontcolor=\"#8e24aa\"";
  out << "];\n";
}

} // namespace

void writeDot(std::ostream &out, const Diagram &diagram) {
  out << "digraph eventscope {\n"
      << "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=0.8];\n"
      << "  node [fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  // Nodes come sorted by cluster, so each cluster is one run of them.
  for (size_t i = 0; i < diagram.nodes.size();) {
    const std::string &cluster = diagram.nodes[i].cluster;
    if (cluster.empty()) {
      writeNode(out, diagram.nodes[i++], "  ");
      continue;
    }
    out << "  subgraph " << quote("cluster_" + cluster) << " {\n"
        << "    label=" << quote(cluster) << "; style=\"rounded,filled\"; fillcolor=\"#f3f6fc\"; color=\"#8ab4f8\";\n";
    for (; i < diagram.nodes.size() && diagram.nodes[i].cluster == cluster; ++i)
      writeNode(out, diagram.nodes[i], "    ");
    out << "  }\n";
  }
  for (const DiagramEdge &edge : diagram.edges) {
    out << "  " << quote(edge.from) << " -> " << quote(edge.to);
    std::string label;
    for (const std::string &l : edge.labels)
      label += (label.empty() ? "" : "\n") + l;
    if (std::string seen = observationLabel(edge); !seen.empty())
      label += (label.empty() ? "" : "\n") + seen;
    std::string attributes = (label.empty() ? "" : "label=" + quote(label)) + styleOf(edge.mark);
    // Traces given: what only they show in purple, what they never show in grey.
    if (edge.observation == Observation::ObservedOnly && edge.mark == EdgeMark::None)
      attributes += ", color=\"#8e24aa\", fontcolor=\"#8e24aa\", style=bold";
    if (edge.observation == Observation::StaticOnly && edge.mark == EdgeMark::None)
      attributes += ", color=\"#9aa0a6\", fontcolor=\"#5f6368\"";
    if (edge.inside && edge.mark == EdgeMark::None)
      attributes += ", style=dotted";
    if (edge.link && edge.mark == EdgeMark::None)
      attributes += ", style=dashed, arrowhead=empty";
    if (!edge.constraint)
      attributes += ", constraint=false";
    if (!attributes.empty())
      out << " [" << (attributes.rfind(", ", 0) == 0 ? attributes.substr(2) : attributes) << "]";
    out << ";\n";
  }
  out << "}\n";
}

// `graph --format dot` (render/diagram_formats.def).
bool renderDot(const DiagramInput &input, std::string &out, std::string &) {
  const Diagram &diagram = input.diagram;
  std::ostringstream text;
  writeDot(text, diagram);
  out = text.str();
  return true;
}

} // namespace eventscope

