// `graph --format html`: the interactive explorer, one self-contained HTML page. The page
// carries the whole graph (services, channels, handlers and producing functions, every
// endpoint's place, the findings, what the traces show) as JSON, cytoscape.js and Fuse.js
// (vendored, cmake/ExplorerLibraries.cmake) and its own script (render/explorer/); focus,
// paths, collapsing and search happen in the browser. Nothing in it depends on the time or
// the machine, so the same input gives the same file.
#include "model/contracts.h"
#include "model/observed.h"
#include "model/json_text.h"
#include "render/diagrams.h"
#include "render/markdown_docs.h"
#include "render/markup.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

namespace eventscope {
namespace {

struct EmbeddedAsset {
  const char *name;
  const char *text;
};
const EmbeddedAsset kAssets[] = {
#include "explorer_assets.inc"
};

struct VendoredLibrary {
  const char *name;
  const char *version;
  const char *script;
  const char *licence;
};
// Empty when the build found no pinned copy (cmake/ExplorerLibraries.cmake warned).
const VendoredLibrary kLibraries[] = {
#include "explorer_libraries.inc"
    {nullptr, nullptr, nullptr, nullptr}};

std::string_view asset(std::string_view name) {
  for (const EmbeddedAsset &a : kAssets)
    if (name == a.name)
      return a.text;
  return {};
}

// A library's script without its source-map comment (the page has no map beside it).
std::string_view withoutSourceMap(std::string_view script) {
  size_t at = script.rfind("//# sourceMappingURL=");
  return at == std::string_view::npos ? script : script.substr(0, at);
}

// Text placed inside <script>: a "</script" in it would end the element early.
std::string scriptSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') {
      out += "<\\/";
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

// JSON inside <script>: every '<' (only ever inside a string) as \u003c, so no name can end
// the element or start the script-data escape states ("<!--", "<script").
std::string jsonInScript(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json)
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  return out;
}

const char *kindName(NodeKind kind) {
  switch (kind) {
  case NodeKind::Service: return "service";
  case NodeKind::Channel: return "channel";
  case NodeKind::Function: return "function";
  case NodeKind::Unresolved: return "unresolved";
  }
  return "service";
}

const char *markName(EdgeMark mark) {
  switch (mark) {
  case EdgeMark::None: return "";
  case EdgeMark::Cycle: return "cycle";
  case EdgeMark::Cascade: return "cascade";
  case EdgeMark::Typo: return "typo";
  case EdgeMark::Lossy: return "lossy";
  }
  return "";
}

const char *observationName(Observation observation) {
  switch (observation) {
  case Observation::NoTraces: return "";
  case Observation::Both: return "both";
  case Observation::StaticOnly: return "unobserved";
  case Observation::ObservedOnly: return "observed-only";
  }
  return "";
}

// A place: [file, line, column] or [file, 0, 0, pointer]; fields left out when unknown.
nlohmann::json place(const Location &at) {
  nlohmann::json out = nlohmann::json::array({at.file, at.line, at.column});
  if (!at.pointer.empty())
    out.push_back(at.pointer);
  return out;
}

void setIf(nlohmann::json &object, const char *key, const std::string &value) {
  if (!value.empty())
    object[key] = value;
}

// Above this many services, channels and edges between them, Graphviz's dot takes seconds
// (1.2 s for 945 of a random graph here, 11 s for 1,881);
// the page then lays out in the browser only what it draws.
constexpr size_t kGraphvizLayoutLimit = 1200;

// Graphviz's dot positions, as [x, y] in CSS pixels, y down, by node index; empty for a
// graph over `kGraphvizLayoutLimit` or when Graphviz fails (the page then lays out on its
// own). `clusterOf`: a node's cluster (a service drawn around its functions), or none.
// Components are packed into a block rather than strung out in a row (many systems are
// mostly small unconnected pieces: a service and the channel nobody consumes).
std::map<size_t, std::pair<long, long>> graphvizPositions(const nlohmann::json &nodes, const std::vector<bool> &drawn,
                                                          const std::set<std::pair<size_t, size_t>> &pairs,
                                                          const std::map<size_t, size_t> &clusterOf) {
  size_t count = pairs.size();
  for (bool d : drawn)
    count += d;
  if (count > kGraphvizLayoutLimit || count == pairs.size())
    return {};
  // Positions only: no edge routing, and a short search for fewer crossings.
  std::string dot = "digraph G {\n graph [rankdir=TB, nodesep=0.2, ranksep=0.45, splines=false, mclimit=0.05, "
                    "nslimit=2, nslimit1=2, pack=16, packmode=\"graph\"];\n"
                    " node [shape=box, fixedsize=true, height=0.35];\n";
  std::map<size_t, std::vector<size_t>> clusters;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (drawn[i]) {
      auto cluster = clusterOf.find(i);
      clusters[cluster == clusterOf.end() ? SIZE_MAX : cluster->second].push_back(i);
    }
  for (const auto &[cluster, members] : clusters) {
    if (cluster != SIZE_MAX)
      // the page draws a service's box with padding and its name above: room for both
      dot += " subgraph cluster_" + std::to_string(cluster) + " {\n  graph [margin=20, label=\" \"];\n";
    for (size_t i : members) {
      // the page draws a node 7 px a character plus 12, between 40 and 240 px wide
      size_t label = nodes[i]["label"].get_ref<const std::string &>().size();
      double width = std::clamp(7.0 * static_cast<double>(label) + 12.0, 40.0, 240.0) / 72.0;
      dot += "  n" + std::to_string(i) + " [width=" + std::to_string(width) + "];\n";
    }
    if (cluster != SIZE_MAX)
      dot += " }\n";
  }
  for (const auto &[from, to] : pairs)
    dot += " n" + std::to_string(from) + " -> n" + std::to_string(to) + ";\n";
  dot += "}\n";
  std::string error;
  std::map<size_t, std::pair<long, long>> positions;
  GraphvizPlacement placement;
  if (!placeGraphviz(dot, "dot", placement, error))
    return positions;
  // A layered drawing of a system whose services each produce a few channels consumed by a
  // few others has two or three ranks, each a long row: a strip nobody can read on a screen.
  // Such a graph is laid out by force instead (sfdp, overlaps removed), which fills the page.
  double width = placement.width, height = placement.height;
  if (width > 0 && height > 0 && (width / height > 3.5 || height / width > 3.5)) {
    // sfdp does not keep clusters: a strip of services drawn around their functions is
    // left to the page's own layout.
    if (!clusterOf.empty())
      return positions;
    std::string spread = dot;
    spread.replace(spread.find("graph ["), 7, "graph [overlap=prism, sep=\"+6\", ");
    GraphvizPlacement forced;
    if (placeGraphviz(spread, "sfdp", forced, error))
      placement = std::move(forced);
  }
  for (const GraphvizPlacement::Node &node : placement.nodes) {
    const std::string &name = node.name;
    if (name.size() < 2 || name[0] != 'n' || name.find_first_not_of("0123456789", 1) != std::string::npos)
      continue;
    size_t i = std::stoul(name.substr(1));
    if (i < nodes.size())
      positions[i] = {static_cast<long>(node.x + 0.5), static_cast<long>(-node.y - 0.5)};
  }
  return positions;
}

// Positions for the page's two levels of detail: `pos` for services and channels (functions
// folded into their services), `fpos` for every node with functions inside their service's
// cluster. The explorer draws the whole system as the SVG does, and keeps nodes in place
// when the view narrows.
void addPositions(nlohmann::json &nodes, const nlohmann::json &edges, const std::map<std::string, size_t> &ids) {
  std::vector<size_t> level(nodes.size()); // a function's node at the coarse level: its service
  std::vector<bool> coarse(nodes.size()), fine(nodes.size(), true);
  std::map<size_t, size_t> clusterOf;
  for (size_t i = 0; i < nodes.size(); ++i) {
    auto parent = nodes[i].contains("parent") ? ids.find(nodes[i]["parent"].get<std::string>()) : ids.end();
    level[i] = parent == ids.end() ? i : parent->second;
    coarse[i] = level[i] == i;
    if (parent != ids.end()) {
      clusterOf[i] = parent->second;
      clusterOf[parent->second] = parent->second; // the service's own (declared) node sits inside
    }
  }
  std::set<std::pair<size_t, size_t>> coarsePairs, finePairs;
  for (const nlohmann::json &e : edges) {
    size_t from = e["from"].get<size_t>(), to = e["to"].get<size_t>();
    finePairs.insert({from, to});
    if (level[from] != level[to])
      coarsePairs.insert({level[from], level[to]});
  }
  for (const auto &[i, at] : graphvizPositions(nodes, coarse, coarsePairs, {}))
    nodes[i]["pos"] = {at.first, at.second};
  if (!clusterOf.empty())
    for (const auto &[i, at] : graphvizPositions(nodes, fine, finePairs, clusterOf))
      nodes[i]["fpos"] = {at.first, at.second};
}

// The page's data: nodes and edges of the channels view of the whole graph (functions
// carry their service as `parent`), every endpoint, unresolved call and finding, and the
// traces' endpoints and deliveries. Node and edge references are indices into `nodes`.
nlohmann::json pageData(const DiagramInput &input) {
  const EventGraph &graph = input.graph;
  const DiagramOptions &given = input.options;
  DiagramOptions options;
  options.view = DiagramView::Channels;
  options.findings = given.findings;
  Diagram diagram = buildDiagram(graph, options);

  nlohmann::json data;
  nlohmann::json nodes = nlohmann::json::array();
  std::map<std::string, size_t> index;
  auto addNode = [&](const std::string &id, const std::string &label, const char *kind, const std::string &parent,
                     bool orphan, bool observedOnly) {
    if (auto it = index.find(id); it != index.end())
      return it->second;
    nlohmann::json node = {{"id", id}, {"kind", kind}, {"label", label}};
    if (!parent.empty())
      node["parent"] = parent;
    if (orphan)
      node["orphan"] = true;
    if (observedOnly)
      node["observedOnly"] = true;
    index[id] = nodes.size();
    nodes.push_back(std::move(node));
    return nodes.size() - 1;
  };
  // Every service is a node of its own (in the channels view a service with code is only the
  // cluster of its functions); functions and declared endpoints hang off it.
  std::set<std::string> observedOnlyServices;
  for (const DiagramNode &node : diagram.nodes)
    if (node.kind == NodeKind::Service && node.observedOnly)
      observedOnlyServices.insert(node.cluster.empty() ? node.label : node.cluster);
  std::set<std::string> serviceNames;
  for (const auto &[name, service] : graph.services())
    serviceNames.insert(name);
  for (const DiagramNode &node : diagram.nodes)
    if (node.kind == NodeKind::Service)
      serviceNames.insert(node.cluster.empty() ? node.label : node.cluster);
  for (const std::string &name : serviceNames)
    addNode("service:" + name, name, "service", "", false, observedOnlyServices.count(name) > 0);
  for (const DiagramNode &node : diagram.nodes)
    if (node.kind == NodeKind::Channel)
      addNode(node.id, node.label, "channel", "", node.orphan, node.observedOnly);
  for (const DiagramNode &node : diagram.nodes)
    if (node.kind == NodeKind::Function || node.kind == NodeKind::Unresolved)
      addNode(node.id, node.label, kindName(node.kind), "service:" + node.cluster, false, node.observedOnly);
  // A declared-only node inside a service's cluster is the service itself.
  auto nodeOf = [&](const std::string &id) -> long {
    auto it = index.find(id);
    return it == index.end() ? -1 : static_cast<long>(it->second);
  };
  for (size_t i = 0; i < nodes.size(); ++i) {
    const std::string &id = nodes[i]["id"].get_ref<const std::string &>();
    if (id.rfind("service:", 0) == 0)
      if (auto group = given.serviceGroups.find(id.substr(8)); group != given.serviceGroups.end())
        nodes[i]["group"] = group->second;
  }

  nlohmann::json edges = nlohmann::json::array();
  for (const DiagramEdge &edge : diagram.edges) {
    long from = nodeOf(edge.from), to = nodeOf(edge.to);
    if (from < 0 || to < 0)
      continue;
    nlohmann::json e = {{"from", from}, {"to", to}};
    if (edge.mark != EdgeMark::None)
      e["mark"] = markName(edge.mark);
    if (edge.link)
      e["link"] = true;
    if (edge.inside)
      e["inside"] = true;
    if (!edge.labels.empty())
      e["labels"] = edge.labels;
    if (edge.observation != Observation::NoTraces)
      e["observation"] = observationName(edge.observation);
    if (edge.messages)
      e["messages"] = edge.messages;
    setIf(e, "reached", edge.reached);
    edges.push_back(std::move(e));
  }

  addPositions(nodes, edges, index);

  nlohmann::json endpoints = nlohmann::json::array();
  for (const Endpoint &e : graph.endpoints()) {
    nlohmann::json out = {{"service", e.service},
                          {"channel", e.channel},
                          {"role", std::string(roleName(e.role, e.kind))},
                          {"origin", std::string(originName(e.origin))},
                          {"at", place(e.location)}};
    if (e.kind != ChannelKind::Topic)
      out["kind"] = std::string(channelKindName(e.kind));
    setIf(out, "api", e.api);
    setIf(out, "function", e.function);
    setIf(out, "handler", e.handler);
    setIf(out, "type", e.messageType);
    if (e.origin == Origin::Code && e.value != ChannelValue::Constant)
      out["value"] = std::string(channelValueName(e.value));
    setIf(out, "setting", e.setting);
    if (e.nameInCode != e.channel)
      setIf(out, "nameInCode", e.nameInCode);
    setIf(out, "node", e.rosNode.name); // a ROS node the call is made in (launched copies differ only here)
    endpoints.push_back(std::move(out));
  }

  // Inside one service, consuming `from` leads to producing `to`, through the functions `via`.
  nlohmann::json triggers = nlohmann::json::array();
  for (const Trigger &t : graph.triggers()) {
    nlohmann::json out = {{"service", t.service}, {"from", t.from}, {"to", t.to}, {"at", place(t.location)}};
    if (!t.via.empty())
      out["via"] = t.via;
    triggers.push_back(std::move(out));
  }

  nlohmann::json unresolved = nlohmann::json::array();
  for (const UnresolvedSite &site : graph.unresolved())
    unresolved.push_back({{"service", site.service}, {"at", place(site.location)}, {"api", site.api},
                          {"reason", site.reason}});

  // A finding's nodes: its service, its channels, and for a cycle or cascade the services
  // whose handlers make its hops.
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding &f : given.findings) {
    std::set<long> touched;
    if (long n = nodeOf("service:" + f.service); !f.service.empty() && n >= 0)
      touched.insert(n);
    std::set<std::string> channels(f.channels.begin(), f.channels.end());
    for (const std::string &channel : channels)
      if (long n = nodeOf("channel:" + channel); n >= 0)
        touched.insert(n);
    if (f.rule == "event-cycle" || f.rule == "cascade-depth")
      for (const Trigger &t : graph.triggers())
        if (channels.count(t.from) && channels.count(t.to))
          if (long n = nodeOf("service:" + t.service); n >= 0)
            touched.insert(n);
    nlohmann::json out = {{"rule", f.rule},
                          {"severity", std::string(severityName(f.severity))},
                          {"message", f.message},
                          {"at", place(f.location)},
                          {"nodes", std::vector<long>(touched.begin(), touched.end())}};
    findings.push_back(std::move(out));
  }

  data["nodes"] = std::move(nodes);
  data["edges"] = std::move(edges);
  data["endpoints"] = std::move(endpoints);
  data["unresolved"] = std::move(unresolved);
  data["triggers"] = std::move(triggers);
  if (given.catalogPages) // the pages `docs` writes beside the explorer
    for (auto &node : data["nodes"]) {
      const std::string &kind = node["kind"].get_ref<const std::string &>();
      if (kind == "service" || kind == "channel")
        node["page"] = (kind == "service" ? "services/" : "channels/") + docsFileName(node["label"].get<std::string>());
    }
  data["findings"] = std::move(findings);
  if (const ObservedGraph *observed = graph.observed(); observed && observed->given) {
    nlohmann::json ends = nlohmann::json::array(), deliveries = nlohmann::json::array();
    for (const ObservedEndpoint &e : observed->endpoints) {
      nlohmann::json out = {{"service", e.service}, {"channel", e.channel}, {"role", std::string(roleName(e.role))},
                            {"spans", e.spans}, {"messages", e.messages}};
      setIf(out, "group", e.group);
      setIf(out, "traceId", e.example.traceId);
      ends.push_back(std::move(out));
    }
    for (const ObservedDelivery &d : observed->deliveries) {
      nlohmann::json out = {{"service", d.service}, {"channel", d.channel}, {"produced", d.produced},
                            {"reached", d.reached}};
      setIf(out, "group", d.group);
      deliveries.push_back(std::move(out));
    }
    data["observed"] = {{"endpoints", std::move(ends)}, {"deliveries", std::move(deliveries)}};
  }
  data["sourceUrl"] = given.sourceUrl;
  data["root"] = given.rootFromPage;
  data["initial"] = {{"focus", given.focus}, {"depth", given.depth}, {"collapse", given.collapse}};
  return data;
}

// The template with each `{{name}}` replaced by its value, in one pass over the template only
// (a library's text may hold anything, braces too).
std::string fillTemplate(std::string_view page, const std::map<std::string, std::string> &values) {
  std::string out;
  size_t at = 0;
  while (true) {
    size_t open = page.find("{{", at);
    size_t close = open == std::string_view::npos ? open : page.find("}}", open);
    if (close == std::string_view::npos) {
      out += page.substr(at);
      return out;
    }
    out += page.substr(at, open - at);
    auto it = values.find(std::string(page.substr(open + 2, close - open - 2)));
    out += it == values.end() ? std::string(page.substr(open, close + 2 - open)) : it->second;
    at = close + 2;
  }
}

} // namespace

// Fails only when this build has no pinned copy of the libraries.
bool renderHtml(const DiagramInput &input, std::string &out, std::string &error) {
  std::string libraries, licences;
  for (const VendoredLibrary &library : kLibraries) {
    if (!library.name)
      break;
    libraries += "<script>/* " + std::string(library.name) + " " + library.version + " (licence below) */\n" +
                 scriptSafe(withoutSourceMap(library.script)) + "\n</script>\n";
    licences += "<h3>" + markupEscaped(library.name) + " " + markupEscaped(library.version) + "</h3>\n<pre>" +
                markupEscaped(library.licence) + "</pre>\n";
  }
  if (libraries.empty()) {
    error = "this eventscope was built without the explorer's libraries (cytoscape.js, Fuse.js): run "
            "scripts/install-deps.sh, then configure and build again";
    return false;
  }
  std::string title = input.options.focus.empty() ? "eventscope explorer" : "eventscope explorer: " + input.options.focus;
  out = fillTemplate(asset("page.html"), {{"title", markupEscaped(title)},
                                          {"style", std::string(asset("explorer.css"))},
                                          {"licences", licences},
                                          {"libraries", libraries},
                                          {"data", jsonInScript(jsonText(pageData(input)))},
                                          {"script", scriptSafe(asset("explorer.js"))}});
  return true;
}

} // namespace eventscope
