#include "render/diagrams.h"

#include "model/input_error.h"
#include "model/text_distance.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace eventscope {
namespace {

std::string serviceId(const std::string &name) { return "service:" + name; }
std::string channelId(const std::string &address) { return "channel:" + address; }

// Where findings overlap, a cycle shows over a typo, a typo over a cascade.
int strength(EdgeMark mark) {
  switch (mark) {
  case EdgeMark::Cycle:
    return 3;
  case EdgeMark::Typo:
    return 2;
  case EdgeMark::Cascade:
  case EdgeMark::Lossy:
    return 1;
  case EdgeMark::None:
    break;
  }
  return 0;
}

template <typename Key> void markStrongest(std::map<Key, EdgeMark> &marks, const Key &key, EdgeMark mark) {
  auto [it, inserted] = marks.emplace(key, mark);
  if (!inserted && strength(mark) > strength(it->second))
    it->second = mark;
}

// The channel pairs a finding's highlight covers: consecutive hops of a cycle (closing
// it) or a cascade, and the typo with its near-miss.
std::map<std::pair<std::string, std::string>, EdgeMark> markedHops(const std::vector<Finding> &findings) {
  std::map<std::pair<std::string, std::string>, EdgeMark> hops;
  for (const Finding &f : findings) {
    EdgeMark mark = f.rule == "event-cycle"           ? EdgeMark::Cycle
                    : f.rule == "cascade-depth"       ? EdgeMark::Cascade
                    : f.rule == "channel-name-typo"   ? EdgeMark::Typo
                                                      : EdgeMark::None;
    if (mark == EdgeMark::None || f.channels.size() < 2)
      continue;
    for (size_t i = 0; i + 1 < f.channels.size(); ++i)
      markStrongest(hops, std::make_pair(f.channels[i], f.channels[i + 1]), mark);
    if (mark == EdgeMark::Cycle)
      markStrongest(hops, std::make_pair(f.channels.back(), f.channels.front()), mark);
  }
  return hops;
}

// Nodes within `depth` hops of `focus`, following edges both ways.
std::set<std::string> neighbourhood(const std::vector<DiagramEdge> &edges, const std::string &focus, int depth) {
  std::map<std::string, std::set<std::string>> down, up;
  for (const DiagramEdge &e : edges) {
    down[e.from].insert(e.to);
    up[e.to].insert(e.from);
  }
  std::set<std::string> kept{focus};
  for (auto *direction : {&down, &up}) {
    std::deque<std::pair<std::string, int>> queue{{focus, 0}};
    std::set<std::string> seen{focus};
    while (!queue.empty()) {
      auto [node, distance] = queue.front();
      queue.pop_front();
      if (depth >= 0 && distance >= depth)
        continue;
      for (const std::string &next : (*direction)[node])
        if (seen.insert(next).second) {
          kept.insert(next);
          queue.push_back({next, distance + 1});
        }
    }
  }
  return kept;
}

// The name a channel is drawn under: its collapse pattern, or itself.


std::string functionId(const std::string &service, const std::string &function) {
  return "function:" + service + ":" + function;
}

// A function as drawn inside its service's cluster: `lambda at dir/file.cpp:14:32` by its
// file name, qualified names by their last two parts.
std::string shortName(const std::string &function) {
  const std::string lambda = "lambda at ";
  if (function.rfind(lambda, 0) == 0) {
    size_t slash = function.rfind('/');
    return slash == std::string::npos ? function : lambda + function.substr(slash + 1);
  }
  size_t last = function.rfind("::");
  if (last == std::string::npos || last == 0)
    return function;
  size_t before = function.rfind("::", last - 1);
  return before == std::string::npos ? function : function.substr(before + 2);
}

std::string locationText(const Location &at) { return at.file + ":" + std::to_string(at.line); }

// Long chains laid out left to right make a strip nobody can read. Nodes get ranks by
// longest path (back edges of cycles left out, in sorted order, so it is deterministic);
// every edge that crosses from one band of `band` ranks into the next stops constraining
// the layout, so Graphviz places each band as a row of its own under the previous one.
void foldLongChains(Diagram &diagram, size_t band) {
  std::map<std::string, std::vector<size_t>> out; // node -> edge indices
  for (size_t i = 0; i < diagram.edges.size(); ++i)
    out[diagram.edges[i].from].push_back(i);
  enum class Mark { New, Active, Done };
  std::map<std::string, Mark> state;
  std::set<size_t> backEdges;
  // Searched from the sources first, so a cycle's back edge is the one that closes it
  // when it is entered from upstream.
  std::set<std::string> entered;
  for (const DiagramEdge &edge : diagram.edges)
    entered.insert(edge.to);
  std::vector<std::string> roots;
  for (const DiagramNode &node : diagram.nodes)
    if (!entered.count(node.id))
      roots.push_back(node.id);
  for (const DiagramNode &node : diagram.nodes)
    if (entered.count(node.id))
      roots.push_back(node.id);
  for (const std::string &root : roots) {
    if (state[root] != Mark::New)
      continue;
    std::vector<std::pair<std::string, size_t>> stack{{root, 0}}; // node, next out-edge
    state[root] = Mark::Active;
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      const std::vector<size_t> &edges = out[node];
      if (next == edges.size()) {
        state[node] = Mark::Done;
        stack.pop_back();
        continue;
      }
      size_t edge = edges[next++];
      const std::string &to = diagram.edges[edge].to;
      if (state[to] == Mark::Active)
        backEdges.insert(edge);
      else if (state[to] == Mark::New) {
        state[to] = Mark::Active;
        stack.push_back({to, 0});
      }
    }
  }
  // Longest path over what is left, a DAG, in Kahn's order.
  std::map<std::string, size_t> incoming, rank;
  for (size_t i = 0; i < diagram.edges.size(); ++i)
    if (!backEdges.count(i))
      ++incoming[diagram.edges[i].to];
  std::deque<std::string> ready;
  for (const DiagramNode &node : diagram.nodes)
    if (!incoming[node.id])
      ready.push_back(node.id);
  size_t deepest = 0;
  std::vector<std::string> order;
  while (!ready.empty()) {
    std::string node = ready.front();
    ready.pop_front();
    order.push_back(node);
    for (size_t edge : out[node]) {
      if (backEdges.count(edge))
        continue;
      const std::string &to = diagram.edges[edge].to;
      rank[to] = std::max(rank[to], rank[node] + 1);
      deepest = std::max(deepest, rank[to]);
      if (--incoming[to] == 0)
        ready.push_back(to);
    }
  }
  if (deepest < band)
    return;
  // A cluster is laid out whole, so it sits in one row: that of its latest member (a cycle
  // of its own, not entered from upstream, ranks from 0 and would otherwise pull it up).
  std::map<std::string, size_t> clusterRow;
  for (const DiagramNode &node : diagram.nodes)
    if (!node.cluster.empty()) {
      auto [it, inserted] = clusterRow.emplace(node.cluster, rank[node.id] / band);
      it->second = std::max(it->second, rank[node.id] / band);
    }
  // Every other node no higher than what feeds it, so a cycle's channels follow their
  // producers' clusters.
  std::map<std::string, const DiagramNode *> byId;
  for (const DiagramNode &node : diagram.nodes)
    byId[node.id] = &node;
  std::map<std::string, size_t> row;
  for (const DiagramNode &node : diagram.nodes)
    row[node.id] = node.cluster.empty() ? rank[node.id] / band : clusterRow[node.cluster];
  for (const std::string &node : order)
    for (size_t edge : out[node]) {
      const std::string &to = diagram.edges[edge].to;
      if (!backEdges.count(edge) && byId.count(to) && byId[to]->cluster.empty())
        row[to] = std::max(row[to], row[node]);
    }
  for (size_t i = 0; i < diagram.edges.size(); ++i) {
    DiagramEdge &edge = diagram.edges[i];
    if (row[edge.from] != row[edge.to])
      edge.constraint = false;
  }
  // Graphviz stacks the rows in the order their first node is written.
  auto rowOf = [&](const DiagramNode &node) { return row[node.id]; };
  std::stable_sort(diagram.nodes.begin(), diagram.nodes.end(),
                   [&](const DiagramNode &a, const DiagramNode &b) { return rowOf(a) < rowOf(b); });
}

} // namespace

namespace {

Diagram coarseDiagram(const EventGraph &graph, const DiagramOptions &options, const std::map<std::pair<std::string, std::string>, EdgeMark> &hops) {
  Diagram diagram;
  auto drawn = [&](const std::string &address) { return drawnAs(address, options.collapse); };
  std::map<std::pair<std::string, std::string>, DiagramEdge> edges;
  auto markOf = [&](const std::string &a, const std::string &b) {
    auto it = hops.find({a, b});
    return it == hops.end() ? EdgeMark::None : it->second;
  };
  for (const auto &[name, service] : graph.services())
    diagram.nodes.push_back({serviceId(name), name, NodeKind::Service, false, ""});
  if (options.view == DiagramView::Services) {
    // service -> service, labelled with the channels; marked when a highlighted hop
    // enters the producer through one channel and leaves the consumer through another.
    // A channel carries what is produced on it to the consumers of it and of every channel
    // it is linked to (a parameter or a wildcard), as the rules see it; the label is the
    // produced channel.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> carried;
    for (const auto &[address, channel] : graph.channels()) {
      std::vector<const Channel *> reached = graph.withLinked(channel);
      for (size_t p : channel.producers)
        for (const Channel *to : reached)
          for (size_t c : to->consumers)
            carried[{graph.endpoints()[p].service, graph.endpoints()[c].service}].insert(address);
    }
    std::map<std::pair<std::string, std::string>, EdgeMark> serviceMarks;
    for (const Trigger &t : graph.triggers())
      if (EdgeMark mark = markOf(t.from, t.to); mark != EdgeMark::None) {
        // the hop t.from -> t.to happens in t.service: mark the edge that delivered t.from
        // to it, and the one that carries t.to away
        for (const auto &[pair, channels] : carried) {
          if (pair.second == t.service && channels.count(t.from))
            markStrongest(serviceMarks, pair, mark);
          if (pair.first == t.service && channels.count(t.to))
            markStrongest(serviceMarks, pair, mark);
        }
      }
    for (const auto &[pair, channels] : carried) {
      DiagramEdge &edge = edges[{serviceId(pair.first), serviceId(pair.second)}];
      edge.from = serviceId(pair.first);
      edge.to = serviceId(pair.second);
      std::set<std::string> labels;
      for (const std::string &address : channels)
        labels.insert(drawn(address));
      edge.labels.assign(labels.begin(), labels.end());
      if (auto it = serviceMarks.find(pair); it != serviceMarks.end())
        edge.mark = it->second;
    }
  } else {
    std::map<std::string, bool> groups; // drawn name -> every member an orphan
    for (const auto &[address, channel] : graph.channels()) {
      bool orphan = !graph.isProduced(address) || !graph.isConsumed(address); // through links too
      auto [it, inserted] = groups.emplace(drawn(address), orphan);
      if (!inserted)
        it->second = it->second && orphan;
    }
    for (const auto &[name, orphan] : groups)
      diagram.nodes.push_back({channelId(name), name, NodeKind::Channel, orphan, ""});
    for (const Endpoint &e : graph.endpoints()) {
      std::string from = e.role == Role::Produce ? serviceId(e.service) : channelId(drawn(e.channel));
      std::string to = e.role == Role::Produce ? channelId(drawn(e.channel)) : serviceId(e.service);
      DiagramEdge &edge = edges[{from, to}];
      edge.from = from;
      edge.to = to;
    }
    // A produced channel towards each linked channel that is consumed.
    for (const auto &[address, channel] : graph.channels())
      if (!channel.producers.empty())
        for (const std::string &linked : channel.linked)
          if (const Channel *other = graph.channel(linked);
              other && !other->consumers.empty() && drawn(address) != drawn(linked)) {
            DiagramEdge &edge = edges[{channelId(drawn(address)), channelId(drawn(linked))}];
            edge.from = channelId(drawn(address));
            edge.to = channelId(drawn(linked));
            edge.link = true;
          }
    // A hop of a cycle or cascade through a service: its consume and produce edges.
    for (const Trigger &t : graph.triggers())
      if (EdgeMark mark = markOf(t.from, t.to); mark != EdgeMark::None) {
        for (auto key : {std::make_pair(channelId(drawn(t.from)), serviceId(t.service)),
                         std::make_pair(serviceId(t.service), channelId(drawn(t.to)))})
          if (auto it = edges.find(key); it != edges.end() && strength(mark) > strength(it->second.mark))
            it->second.mark = mark;
      }
    // A misspelled channel points at its near-miss.
    for (const auto &[pair, mark] : hops)
      if (mark == EdgeMark::Typo && graph.channels().count(pair.first) && graph.channels().count(pair.second) &&
          drawn(pair.first) != drawn(pair.second)) {
        DiagramEdge &edge = edges[{channelId(drawn(pair.first)), channelId(drawn(pair.second))}];
        edge.from = channelId(drawn(pair.first));
        edge.to = channelId(drawn(pair.second));
        edge.labels = {"did you mean?"};
        edge.mark = EdgeMark::Typo;
      }
  }
  for (auto &[key, edge] : edges)
    diagram.edges.push_back(std::move(edge));

  if (!options.focus.empty()) {
    bool channelNode = std::any_of(diagram.nodes.begin(), diagram.nodes.end(),
                                   [&](const DiagramNode &n) { return n.id == channelId(options.focus); });
    std::string focus = graph.services().count(options.focus) ? serviceId(options.focus)
                        : channelNode                         ? channelId(options.focus)
                                                              : "";
    if (focus.empty() && graph.channels().count(options.focus))
      throw InputError({}, "is a channel; the services view shows services only");
    if (focus.empty()) {
      std::vector<std::string> names;
      for (const auto &[name, service] : graph.services())
        names.push_back(name);
      for (const auto &[address, channel] : graph.channels())
        names.push_back(address);
      auto suggestion = closestMatch(options.focus, names);
      throw InputError({}, "names no service or channel" +
                               (suggestion ? "; did you mean '" + *suggestion + "'?" : std::string()));
    }
    std::set<std::string> kept = neighbourhood(diagram.edges, focus, options.depth);
    std::erase_if(diagram.nodes, [&](const DiagramNode &n) { return !kept.count(n.id); });
    std::erase_if(diagram.edges, [&](const DiagramEdge &e) { return !kept.count(e.from) || !kept.count(e.to); });
  }
  return diagram;
}

bool edgesTouch(const std::map<std::pair<std::string, std::string>, DiagramEdge> &edges, const std::string &node) {
  for (const auto &[key, edge] : edges)
    if (key.first == node || key.second == node)
      return true;
  return false;
}

// The channels and full views: each service with code becomes a cluster of its handlers
// and producing functions (declared endpoints on a node of their own), kept to the
// services and channels the coarse diagram kept.
Diagram expandServices(const Diagram &coarse, const EventGraph &graph, const DiagramOptions &options,
                       const std::map<std::pair<std::string, std::string>, EdgeMark> &hops) {
  bool full = options.view == DiagramView::Full;
  auto drawn = [&](const std::string &address) { return drawnAs(address, options.collapse); };
  auto markOf = [&](const std::string &a, const std::string &b) {
    auto it = hops.find({a, b});
    return it == hops.end() ? EdgeMark::None : it->second;
  };
  std::set<std::string> services, channels;
  Diagram diagram;
  for (const DiagramNode &node : coarse.nodes)
    if (node.kind == NodeKind::Service)
      services.insert(node.label);
    else {
      channels.insert(node.label);
      diagram.nodes.push_back(node);
    }
  std::map<std::string, DiagramNode> inner; // by id
  auto functionNode = [&](const std::string &service, const std::string &function) {
    std::string id = functionId(service, function);
    inner.emplace(id, DiagramNode{id, shortName(function), NodeKind::Function, false, service});
    return id;
  };
  auto declaredNode = [&](const std::string &service) {
    inner.emplace(serviceId(service), DiagramNode{serviceId(service), service, NodeKind::Service, false, service});
    return serviceId(service);
  };
  // What code shows is not drawn again as declared, except in the full view.
  std::set<std::tuple<std::string, std::string, Role>> inCode;
  for (const Endpoint &e : graph.endpoints())
    if (e.origin == Origin::Code)
      inCode.insert({e.service, e.channel, e.role});

  std::map<std::pair<std::string, std::string>, DiagramEdge> edges;
  auto edge = [&](const std::string &from, const std::string &to) -> DiagramEdge & {
    DiagramEdge &e = edges[{from, to}];
    e.from = from;
    e.to = to;
    return e;
  };
  for (const Endpoint &e : graph.endpoints()) {
    if (!services.count(e.service) || !channels.count(drawn(e.channel)))
      continue;
    if (e.origin != Origin::Code && !full && inCode.count({e.service, e.channel, e.role}))
      continue;
    std::string function = e.role == Role::Consume && !e.handler.empty() ? e.handler : e.function;
    std::string node = e.origin == Origin::Code && !function.empty() ? functionNode(e.service, function)
                                                                      : declaredNode(e.service);
    std::string channel = channelId(drawn(e.channel));
    DiagramEdge &drawnEdge = e.role == Role::Produce ? edge(node, channel) : edge(channel, node);
    if (full && std::find(drawnEdge.labels.begin(), drawnEdge.labels.end(), locationText(e.location)) ==
                    drawnEdge.labels.end())
      drawnEdge.labels.push_back(locationText(e.location));
  }
  for (const Trigger &t : graph.triggers()) {
    if (!services.count(t.service) || !channels.count(drawn(t.from)) || !channels.count(drawn(t.to)))
      continue;
    bool traced = t.origin == Origin::Code && !t.via.empty();
    std::string handler = traced ? functionNode(t.service, t.via.front()) : declaredNode(t.service);
    std::string producer = traced ? functionNode(t.service, t.via.back()) : declaredNode(t.service);
    EdgeMark mark = markOf(t.from, t.to);
    if (handler != producer) {
      DiagramEdge &inside = edge(handler, producer);
      inside.inside = true;
      if (full)
        for (size_t i = 1; i + 1 < t.via.size(); ++i)
          if (std::find(inside.labels.begin(), inside.labels.end(), shortName(t.via[i])) == inside.labels.end())
            inside.labels.push_back(shortName(t.via[i]));
      if (strength(mark) > strength(inside.mark))
        inside.mark = mark;
    }
    for (auto key : {std::make_pair(channelId(drawn(t.from)), handler), std::make_pair(producer, channelId(drawn(t.to)))})
      if (auto it = edges.find(key); it != edges.end() && strength(mark) > strength(it->second.mark))
        it->second.mark = mark;
  }
  for (const DiagramEdge &e : coarse.edges) // a misspelled channel towards its near-miss; links
    if ((e.mark == EdgeMark::Typo || e.link) && e.from.rfind("channel:", 0) == 0 && e.to.rfind("channel:", 0) == 0)
      edges[{e.from, e.to}] = e;
  if (full)
    for (const UnresolvedSite &site : graph.unresolved())
      if (services.count(site.service)) {
        std::string id = "unresolved:" + site.service + ":" + locationText(site.location) + ":" +
                         std::to_string(site.location.column);
        inner.emplace(id, DiagramNode{id, "? " + site.api + "\n" + locationText(site.location), NodeKind::Unresolved,
                                      false, site.service});
      }
  // A service with nothing but declared endpoints stays a plain box, not a cluster of one.
  std::map<std::string, size_t> clustered;
  for (const auto &[id, node] : inner)
    if (node.kind != NodeKind::Service)
      ++clustered[node.cluster];
  for (const std::string &service : services)
    inner.emplace(serviceId(service), DiagramNode{serviceId(service), service, NodeKind::Service, false, service});
  for (auto &[id, node] : inner) {
    if (node.kind == NodeKind::Service && !clustered.count(node.cluster))
      node.cluster.clear();
    else if (node.kind == NodeKind::Service && !edgesTouch(edges, id))
      continue; // the service has code; a declared node with no edge of its own is noise
    else if (node.kind == NodeKind::Service)
      node.label = "declared";
    diagram.nodes.push_back(node);
  }
  for (auto &[key, e] : edges)
    diagram.edges.push_back(std::move(e));
  return diagram;
}

} // namespace

std::string drawnAs(const std::string &address, const std::vector<std::string> &collapse) {
  for (const std::string &pattern : collapse) {
    bool prefix = !pattern.empty() && pattern.back() == '*';
    std::string stem = prefix ? pattern.substr(0, pattern.size() - 1) : pattern;
    if (prefix ? address.rfind(stem, 0) == 0 : address == stem)
      return pattern;
  }
  return address;
}

Diagram buildDiagram(const EventGraph &graph, const DiagramOptions &options) {
  auto hops = markedHops(options.findings);
  DiagramOptions coarseOptions = options;
  if (options.view == DiagramView::Full)
    coarseOptions.view = DiagramView::Channels;
  Diagram diagram = coarseDiagram(graph, coarseOptions, hops);
  if (options.view != DiagramView::Services)
    diagram = expandServices(diagram, graph, options, hops);
  overlayObserved(diagram, graph, options);
  // Clustered and service nodes first, by cluster; then channels.
  std::stable_sort(diagram.nodes.begin(), diagram.nodes.end(), [](const DiagramNode &a, const DiagramNode &b) {
    bool aChannel = a.kind == NodeKind::Channel, bChannel = b.kind == NodeKind::Channel;
    return std::tie(aChannel, a.cluster, a.id) < std::tie(bChannel, b.cluster, b.id);
  });
  foldLongChains(diagram, options.view == DiagramView::Services ? 10 : 16);
  return diagram;
}

} // namespace eventscope
