// Diagrams of the event graph: Graphviz DOT (ids from names, so goldens are possible), its
// layout to SVG or PNG through the Graphviz libraries, and Mermaid for Markdown hosts.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace eventscope {

// services: service to service, edges labelled with the channels. channels: channels as
// nodes between the services; a service with code is a cluster of its handlers and
// producing functions, with the trigger edges between them. full: channels, plus each
// edge's source locations and the calls whose channel is unknown.
enum class DiagramView { Services, Channels, Full };

struct DiagramOptions {
  DiagramView view = DiagramView::Services;
  // Only this service or channel and its neighbourhood, up and downstream, `depth` hops
  // (service to service in the services view, node to node in the channels view); -1: all.
  std::string focus;
  int depth = -1;
  // Channels matching one of these are drawn as one node named after the pattern: `orders.*`
  // (a trailing `*` is any rest) groups every channel starting with "orders.".
  std::vector<std::string> collapse;
  // Findings whose edges are drawn highlighted: a cycle red, a long cascade orange, a
  // misspelled channel dashed towards its near-miss.
  std::vector<Finding> findings;
  // The HTML explorer's links to code: a URL template with `{path}` (relative to the root)
  // and `{line}` (a forge's blob URL); empty: paths relative to the page, through
  // `rootFromPage` (the root as seen from the page's directory, "" for the same directory).
  std::string sourceUrl;
  std::string rootFromPage;
  // Service to its group (`groups:` in eventscope.yaml, by team for instance): the explorer
  // collapses and expands services by it.
  std::map<std::string, std::string> serviceGroups;
  // The explorer written into a Markdown catalog (`docs`): each service and channel links
  // to its page there.
  bool catalogPages = false;
};

// What a diagram shows, independent of the output language.
enum class NodeKind { Service, Channel, Function, Unresolved };
struct DiagramNode {
  std::string id; // "service:orders", "channel:order.placed", "function:orders:confirm"
  std::string label;
  NodeKind kind = NodeKind::Service;
  bool orphan = false;  // a channel without producer or without consumer
  std::string cluster;  // the service whose cluster it is drawn in; empty: top level
  bool observedOnly = false; // with traces: a service or channel only the traces show
};
// Lossy: with traces, the delivery to a consumer that lossy-consumer reports.
enum class EdgeMark { None, Cycle, Cascade, Typo, Lossy };
// With traces: whether the traces show an edge the code and contracts show (Both), only the
// static graph has it (StaticOnly: unobserved), or only the traces do (ObservedOnly).
enum class Observation { NoTraces, Both, StaticOnly, ObservedOnly };
struct DiagramEdge {
  std::string from, to;
  std::vector<std::string> labels;
  EdgeMark mark = EdgeMark::None;
  bool inside = false;    // a trigger inside a service: from the handler to the producing function
  bool constraint = true; // false: the edge wraps a long chain onto the next row (DOT only)
  // A produced channel that meets a consumed one through a parameter or wildcard
  // (`orders/{region}/placed` and `orders/+/placed`): the link the rules follow, drawn dashed.
  bool link = false;
  Observation observation = Observation::NoTraces;
  uint64_t messages = 0; // with traces: the messages observed on it
  std::string reached;   // with traces, a lossy delivery: "reached 17 of 20"
};
struct Diagram {
  std::vector<DiagramNode> nodes; // clustered and service nodes by (cluster, id), then channels by id
  std::vector<DiagramEdge> edges; // sorted by (from, to)
};

// What a diagram format draws: the built diagram, and the graph and options it was built
// from (the HTML explorer carries the whole graph and lets the reader focus and collapse).
struct DiagramInput {
  const Diagram &diagram;
  const EventGraph &graph;
  const DiagramOptions &options;
};

// Throws InputError when `focus` names no service or channel of the view; its problem is
// said of the focus ("names no service or channel; did you mean 'x'?"), for the caller to
// name it as the user gave it.
Diagram buildDiagram(const EventGraph &graph, const DiagramOptions &options);

// The node name a channel is drawn under: the first `collapse` pattern it matches, else itself.
std::string drawnAs(const std::string &address, const std::vector<std::string> &collapse);

// Lays the observed graph (graph.observed()) over a built diagram: each service-to-service,
// producing or consuming edge the traces show gets its message count, each one they do not
// show is marked unobserved, and what only the traces show is added (render/diagram_observed.cpp).
// Nothing changes without traces. With a focus, only edges touching the drawn nodes are added.
void overlayObserved(Diagram &diagram, const EventGraph &graph, const DiagramOptions &options);

// The label of an edge's observation: "unobserved", "observed only, 12 msgs", "12 msgs", "".
std::string observationLabel(const DiagramEdge &edge);

void writeDot(std::ostream &out, const Diagram &diagram);
void writeMermaid(std::ostream &out, const Diagram &diagram);

// The whole graph, no highlights: the common case.
inline void writeDot(std::ostream &out, const EventGraph &graph, DiagramView view) {
  DiagramOptions options;
  options.view = view;
  writeDot(out, buildDiagram(graph, options));
}

// Where Graphviz placed each node: `x`, `y` in points (1/72 inch), y up, the drawing's
// lower left corner at (0, 0); `width`, `height` the drawing's size in points.
struct GraphvizPlacement {
  struct Node {
    std::string name;
    double x = 0, y = 0;
  };
  std::vector<Node> nodes; // in the graph's node order
  double width = 0, height = 0;
};

// Lays out DOT text with `engine` ("dot", "sfdp") and reads the node positions off the
// layout. Returns false with `error` set when Graphviz refuses the input.
bool placeGraphviz(const std::string &dot, const char *engine, GraphvizPlacement &placement, std::string &error);

// Lays out DOT text with Graphviz's dot engine and renders it ("svg" or "png"). Returns
// false with `error` set when Graphviz refuses the input.
// `engine`: Graphviz's layout engine ("dot", or "sfdp" for a force-directed one).
bool renderGraphviz(const std::string &dot, const std::string &format, std::string &rendered, std::string &error,
                    const char *engine = "dot");

} // namespace eventscope
