// Mermaid flowchart, for Markdown hosts (GitHub, GitLab) that draw it in place.
#include "render/diagrams.h"

#include <sstream>
#include <map>

namespace eventscope {
namespace {

// Mermaid labels go in double quotes; a quote inside one is written as an entity.
std::string label(const std::string &text) {
  std::string out = "\"";
  for (char c : text)
    out += c == '"' ? std::string("#quot;") : c == '\n' ? std::string("<br>") : std::string(1, c);
  return out + "\"";
}

} // namespace

void writeMermaid(std::ostream &out, const Diagram &diagram) {
  out << "flowchart LR\n";
  // Ids by position: names may hold any character, and positions follow the sorted nodes.
  std::map<std::string, std::string> ids;
  const char *prefix[] = {"s", "c", "f", "u"};
  std::string openCluster;
  for (const DiagramNode &node : diagram.nodes) {
    if (node.cluster != openCluster) {
      if (!openCluster.empty())
        out << "  end\n";
      if (!node.cluster.empty())
        out << "  subgraph g" << ids.size() << "[" << label(node.cluster) << "]\n";
      openCluster = node.cluster;
    }
    std::string id = prefix[static_cast<int>(node.kind)] + std::to_string(ids.size());
    ids[node.id] = id;
    const char *indent = node.cluster.empty() ? "  " : "    ";
    if (node.kind == NodeKind::Channel)
      out << indent << id << "([" << label(node.label) << "])\n";
    else
      out << indent << id << "[" << label(node.label) << "]\n";
  }
  if (!openCluster.empty())
    out << "  end\n";
  size_t index = 0;
  std::map<EdgeMark, std::vector<size_t>> marked;
  std::vector<size_t> observedOnlyEdges, unobserved; // with traces
  for (const DiagramEdge &edge : diagram.edges) {
    std::string text;
    for (const std::string &l : edge.labels)
      text += (text.empty() ? "" : "<br>") + l;
    if (std::string seen = observationLabel(edge); !seen.empty())
      text += (text.empty() ? "" : "<br>") + seen;
    bool observedOnly = edge.observation == Observation::ObservedOnly && edge.mark == EdgeMark::None;
    const char *arrow = edge.mark == EdgeMark::Typo || observedOnly ||
                                ((edge.inside || edge.link) && edge.mark == EdgeMark::None)
                            ? " -.->"
                        : edge.mark == EdgeMark::None                                              ? " -->"
                                                                                                   : " ==>";
    out << "  " << ids[edge.from] << arrow;
    if (!text.empty())
      out << "|" << label(text) << "|";
    out << " " << ids[edge.to] << "\n";
    if (edge.mark != EdgeMark::None)
      marked[edge.mark].push_back(index);
    else if (observedOnly)
      observedOnlyEdges.push_back(index);
    else if (edge.observation == Observation::StaticOnly)
      unobserved.push_back(index);
    ++index;
  }
  for (const DiagramNode &node : diagram.nodes)
    if (node.observedOnly)
      out << "  style " << ids[node.id] << " stroke:#8e24aa,stroke-dasharray: 5 5\n";
    else if (node.orphan || node.kind == NodeKind::Unresolved)
      out << "  style " << ids[node.id] << " stroke-dasharray: 5 5\n";
  const std::map<EdgeMark, const char *> colours = {
      {EdgeMark::Cycle, "stroke:#d93025,stroke-width:3px"},
      {EdgeMark::Cascade, "stroke:#f29900,stroke-width:2px"},
      {EdgeMark::Typo, "stroke:#d93025"},
      {EdgeMark::Lossy, "stroke:#d93025,stroke-width:2px,stroke-dasharray: 5 5"}};
  auto linkStyle = [&](const std::vector<size_t> &edges, const char *style) {
    if (edges.empty())
      return;
    out << "  linkStyle ";
    for (size_t i = 0; i < edges.size(); ++i)
      out << (i ? "," : "") << edges[i];
    out << " " << style << "\n";
  };
  for (const auto &[mark, edges] : marked)
    linkStyle(edges, colours.at(mark));
  linkStyle(observedOnlyEdges, "stroke:#8e24aa,stroke-width:2px");
  linkStyle(unobserved, "stroke:#9aa0a6");
}

// `graph --format mermaid` (render/diagram_formats.def).
bool renderMermaid(const DiagramInput &input, std::string &out, std::string &) {
  const Diagram &diagram = input.diagram;
  std::ostringstream text;
  writeMermaid(text, diagram);
  out = text.str();
  return true;
}

} // namespace eventscope
