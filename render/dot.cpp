#include "render/diagrams.h"

#include <map>
#include <set>

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

void writeServices(std::ostream &out, const EventGraph &graph) {
  for (const auto &[name, service] : graph.services())
    out << "  " << quote("service:" + name) << " [label=" << quote(name) << ", shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\"];\n";
}

} // namespace

void writeDot(std::ostream &out, const EventGraph &graph, DiagramView view) {
  out << "digraph eventscope {\n"
      << "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=0.8];\n"
      << "  node [fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  writeServices(out, graph);
  if (view == DiagramView::Services) {
    std::map<std::pair<std::string, std::string>, std::set<std::string>> edges;
    for (const auto &[address, channel] : graph.channels())
      for (size_t p : channel.producers)
        for (size_t c : channel.consumers)
          edges[{graph.endpoints()[p].service, graph.endpoints()[c].service}].insert(address);
    for (const auto &[pair, channels] : edges) {
      std::string label;
      for (const std::string &c : channels)
        label += (label.empty() ? "" : "\n") + c;
      out << "  " << quote("service:" + pair.first) << " -> " << quote("service:" + pair.second)
          << " [label=" << quote(label) << "];\n";
    }
  } else {
    for (const auto &[address, channel] : graph.channels()) {
      bool orphan = channel.producers.empty() || channel.consumers.empty();
      out << "  " << quote("channel:" + address) << " [label=" << quote(address) << ", shape=ellipse"
          << (orphan ? ", style=dashed" : "") << "];\n";
    }
    std::set<std::pair<std::string, std::string>> edges;
    for (const Endpoint &e : graph.endpoints())
      edges.insert(e.role == Role::Produce ? std::make_pair("service:" + e.service, "channel:" + e.channel)
                                           : std::make_pair("channel:" + e.channel, "service:" + e.service));
    for (const auto &[from, to] : edges)
      out << "  " << quote(from) << " -> " << quote(to) << ";\n";
  }
  out << "}\n";
}

} // namespace eventscope
