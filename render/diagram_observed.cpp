// The observed graph over a diagram: counts on what ran, "unobserved" on what did not, and
// the edges only the traces show, in their own style (render/dot.cpp, render/mermaid.cpp).
#include "model/observed.h"
#include "render/diagrams.h"
#include "model/finding.h"

#include <map>
#include <set>
#include <algorithm>
#include <tuple>

namespace eventscope {
namespace {

std::string serviceNode(const std::string &name) { return "service:" + name; }
std::string channelNode(const std::string &name) { return "channel:" + name; }

// The drawn channel an observed name stands for: a static channel it matches (a template or
// a wildcard links them), else the observed name itself.
std::string drawnChannel(const EventGraph &graph, const std::string &observed, const DiagramOptions &options) {
  if (graph.channel(observed))
    return drawnAs(observed, options.collapse);
  for (const auto &[address, channel] : graph.channels())
    if (sameObservedChannel(address, observed))
      return drawnAs(address, options.collapse);
  return drawnAs(observed, options.collapse);
}

// The service a node belongs to: its cluster, or its own name for a top-level service.
std::string clusterOfNode(const Diagram &diagram, const std::string &id) {
  for (const DiagramNode &n : diagram.nodes)
    if (n.id == id)
      return !n.cluster.empty() ? n.cluster : n.kind == NodeKind::Service ? n.label : std::string();
  return {};
}

bool servicesEdge(const DiagramEdge &e) {
  return e.from.rfind("service:", 0) == 0 && e.to.rfind("service:", 0) == 0 && !e.inside;
}

} // namespace

std::string observationLabel(const DiagramEdge &edge) {
  std::string count = std::to_string(edge.messages) + (edge.messages == 1 ? " msg" : " msgs");
  if (!edge.reached.empty())
    count += ", " + edge.reached;
  switch (edge.observation) {
  case Observation::Both:
    return count;
  case Observation::StaticOnly:
    return "unobserved";
  case Observation::ObservedOnly:
    return "observed only, " + count;
  case Observation::NoTraces:
    break;
  }
  return {};
}

void overlayObserved(Diagram &diagram, const EventGraph &graph, const DiagramOptions &options) {
  const ObservedGraph *observed = graph.observed();
  if (!observed)
    return;
  std::set<std::string> nodes;
  for (const DiagramNode &n : diagram.nodes)
    nodes.insert(n.id);
  bool focused = !options.focus.empty();
  std::vector<DiagramEdge> added;
  std::vector<DiagramNode> addedNodes;
  auto addNode = [&](const std::string &id, const std::string &label, NodeKind kind) {
    if (nodes.insert(id).second) {
      DiagramNode node{id, label, kind, false, ""};
      node.observedOnly = true;
      addedNodes.push_back(node);
    }
  };

  if (options.view == DiagramView::Services) {
    // Producer service -> consumer service through each observed channel, with the
    // consumer's message count.
    std::map<std::pair<std::string, std::string>, std::pair<std::set<std::string>, uint64_t>> pairs;
    for (const ObservedEndpoint &c : observed->endpoints) {
      if (c.role != Role::Consume)
        continue;
      for (const ObservedEndpoint &p : observed->endpoints)
        if (p.role == Role::Produce && sameObservedChannel(p.channel, c.channel)) {
          auto &[channels, messages] = pairs[{p.service, c.service}];
          channels.insert(drawnChannel(graph, p.channel, options));
          messages += c.messages;
        }
    }
    for (DiagramEdge &e : diagram.edges) {
      if (!servicesEdge(e))
        continue;
      auto it = pairs.find({e.from.substr(8), e.to.substr(8)});
      if (it == pairs.end()) {
        e.observation = Observation::StaticOnly;
        continue;
      }
      e.observation = Observation::Both;
      e.messages = it->second.second;
      pairs.erase(it);
    }
    for (const auto &[pair, seen] : pairs) {
      std::string from = serviceNode(pair.first), to = serviceNode(pair.second);
      if (focused && !nodes.count(from) && !nodes.count(to))
        continue;
      addNode(from, pair.first, NodeKind::Service);
      addNode(to, pair.second, NodeKind::Service);
      DiagramEdge e;
      e.from = from;
      e.to = to;
      e.labels.assign(seen.first.begin(), seen.first.end());
      e.observation = Observation::ObservedOnly;
      e.messages = seen.second;
      added.push_back(std::move(e));
    }
  } else {
    // Service (or its functions) <-> channel. An edge is a service's when its service end is
    // the service's node or a node of its cluster.
    std::map<std::string, std::string> clusterOf;
    for (const DiagramNode &n : diagram.nodes)
      if (n.kind != NodeKind::Channel)
        clusterOf[n.id] = n.cluster.empty() && n.kind == NodeKind::Service ? n.label : n.cluster;
    std::map<std::tuple<std::string, std::string, Role>, uint64_t> seen; // service, drawn channel, role
    for (const ObservedEndpoint &o : observed->endpoints)
      seen[{o.service, drawnChannel(graph, o.channel, options), o.role}] += o.messages;
    std::set<std::tuple<std::string, std::string, Role>> matched;
    for (DiagramEdge &e : diagram.edges) {
      bool produce = e.to.rfind("channel:", 0) == 0 && e.from.rfind("channel:", 0) != 0;
      bool consume = e.from.rfind("channel:", 0) == 0 && e.to.rfind("channel:", 0) != 0;
      if (!produce && !consume)
        continue;
      const std::string &serviceEnd = produce ? e.from : e.to;
      std::string channel = (produce ? e.to : e.from).substr(8);
      auto key = std::make_tuple(clusterOf[serviceEnd], channel, produce ? Role::Produce : Role::Consume);
      auto it = seen.find(key);
      if (it == seen.end()) {
        e.observation = Observation::StaticOnly;
        continue;
      }
      e.observation = Observation::Both;
      e.messages = it->second;
      matched.insert(key);
    }
    for (const auto &[key, messages] : seen) {
      if (matched.count(key))
        continue;
      const auto &[service, channel, role] = key;
      std::string serviceId = serviceNode(service), channelId = channelNode(channel);
      if (focused && !nodes.count(serviceId) && !nodes.count(channelId))
        continue;
      addNode(channelId, channel, NodeKind::Channel);
      if (!nodes.count(serviceId)) {
        addNode(serviceId, service, NodeKind::Service);
      }
      DiagramEdge e;
      e.from = role == Role::Produce ? serviceId : channelId;
      e.to = role == Role::Produce ? channelId : serviceId;
      e.observation = Observation::ObservedOnly;
      e.messages = messages;
      added.push_back(std::move(e));
    }
  }
  // The deliveries lossy-consumer reports: the edges into the consumer from the channel.
  for (const Finding &f : options.findings) {
    if (f.rule != "lossy-consumer" || f.channels.empty())
      continue;
    std::string channel = drawnChannel(graph, f.channels.front(), options);
    std::string reached;
    for (const ObservedDelivery &d : observed->deliveries)
      if (d.service == f.service && d.channel == f.channels.front())
        reached = "reached " + std::to_string(d.reached) + " of " + std::to_string(d.produced);
    for (DiagramEdge &e : diagram.edges) {
      bool into = options.view == DiagramView::Services
                      ? e.to == serviceNode(f.service) &&
                            std::find(e.labels.begin(), e.labels.end(), channel) != e.labels.end()
                      : e.from == channelNode(channel) && clusterOfNode(diagram, e.to) == f.service;
      if (!into)
        continue;
      if (e.mark == EdgeMark::None)
        e.mark = EdgeMark::Lossy;
      e.reached = reached;
    }
  }
  // A service node of a clustered service sits in its cluster, as the declared ones do.
  for (DiagramNode &n : addedNodes)
    if (n.kind == NodeKind::Service)
      for (const DiagramNode &other : diagram.nodes)
        if (other.cluster == n.label) {
          n.cluster = n.label;
          n.label = "observed";
          break;
        }
  diagram.nodes.insert(diagram.nodes.end(), addedNodes.begin(), addedNodes.end());
  diagram.edges.insert(diagram.edges.end(), added.begin(), added.end());
  std::sort(diagram.edges.begin(), diagram.edges.end(),
            [](const DiagramEdge &a, const DiagramEdge &b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
}

} // namespace eventscope
