#include "render/diagrams.h"

#include "model/text_distance.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <stdexcept>

namespace eventscope {
namespace {

std::string serviceId(const std::string &name) { return "service:" + name; }
std::string channelId(const std::string &address) { return "channel:" + address; }

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
      hops.emplace(std::make_pair(f.channels[i], f.channels[i + 1]), mark);
    if (mark == EdgeMark::Cycle)
      hops.emplace(std::make_pair(f.channels.back(), f.channels.front()), mark);
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
std::string drawnAs(const std::string &address, const std::vector<std::string> &collapse) {
  for (const std::string &pattern : collapse) {
    bool prefix = !pattern.empty() && pattern.back() == '*';
    std::string stem = prefix ? pattern.substr(0, pattern.size() - 1) : pattern;
    if (prefix ? address.rfind(stem, 0) == 0 : address == stem)
      return pattern;
  }
  return address;
}

} // namespace

Diagram buildDiagram(const EventGraph &graph, const DiagramOptions &options) {
  Diagram diagram;
  auto drawn = [&](const std::string &address) { return drawnAs(address, options.collapse); };
  std::map<std::pair<std::string, std::string>, DiagramEdge> edges;
  auto hops = markedHops(options.findings);
  auto markOf = [&](const std::string &a, const std::string &b) {
    auto it = hops.find({a, b});
    return it == hops.end() ? EdgeMark::None : it->second;
  };
  for (const auto &[name, service] : graph.services())
    diagram.nodes.push_back({serviceId(name), name, true, false});

  if (options.view == DiagramView::Services) {
    // service -> service, labelled with the channels; marked when a highlighted hop
    // enters the producer through one channel and leaves the consumer through another.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> carried;
    for (const auto &[address, channel] : graph.channels())
      for (size_t p : channel.producers)
        for (size_t c : channel.consumers)
          carried[{graph.endpoints()[p].service, graph.endpoints()[c].service}].insert(address);
    std::map<std::pair<std::string, std::string>, EdgeMark> serviceMarks;
    for (const Trigger &t : graph.triggers())
      if (EdgeMark mark = markOf(t.from, t.to); mark != EdgeMark::None) {
        // the hop t.from -> t.to happens in t.service: mark the edge that delivered t.from
        // to it, and the one that carries t.to away
        for (const auto &[pair, channels] : carried) {
          if (pair.second == t.service && channels.count(t.from))
            serviceMarks.emplace(pair, mark);
          if (pair.first == t.service && channels.count(t.to))
            serviceMarks.emplace(pair, mark);
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
      bool orphan = channel.producers.empty() || channel.consumers.empty();
      auto [it, inserted] = groups.emplace(drawn(address), orphan);
      if (!inserted)
        it->second = it->second && orphan;
    }
    for (const auto &[name, orphan] : groups)
      diagram.nodes.push_back({channelId(name), name, false, orphan});
    std::map<std::string, std::set<EdgeMark>> channelMarks; // channels on a highlighted path
    for (const auto &[pair, mark] : hops) {
      channelMarks[pair.first].insert(mark);
      channelMarks[pair.second].insert(mark);
    }
    for (const Endpoint &e : graph.endpoints()) {
      std::string from = e.role == Role::Produce ? serviceId(e.service) : channelId(drawn(e.channel));
      std::string to = e.role == Role::Produce ? channelId(drawn(e.channel)) : serviceId(e.service);
      DiagramEdge &edge = edges[{from, to}];
      edge.from = from;
      edge.to = to;
    }
    // A hop of a cycle or cascade through a service: its consume and produce edges.
    for (const Trigger &t : graph.triggers())
      if (EdgeMark mark = markOf(t.from, t.to); mark != EdgeMark::None) {
        for (auto key : {std::make_pair(channelId(drawn(t.from)), serviceId(t.service)),
                         std::make_pair(serviceId(t.service), channelId(drawn(t.to)))})
          if (auto it = edges.find(key); it != edges.end())
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
      throw std::invalid_argument("--focus " + options.focus +
                                  " is a channel; the services view shows services only (use --view channels)");
    if (focus.empty()) {
      std::vector<std::string> names;
      for (const auto &[name, service] : graph.services())
        names.push_back(name);
      for (const auto &[address, channel] : graph.channels())
        names.push_back(address);
      auto suggestion = closestMatch(options.focus, names);
      throw std::invalid_argument("--focus " + options.focus + " names no service or channel" +
                                  (suggestion ? "; did you mean '" + *suggestion + "'?" : ""));
    }
    std::set<std::string> kept = neighbourhood(diagram.edges, focus, options.depth);
    std::erase_if(diagram.nodes, [&](const DiagramNode &n) { return !kept.count(n.id); });
    std::erase_if(diagram.edges, [&](const DiagramEdge &e) { return !kept.count(e.from) || !kept.count(e.to); });
  }
  std::stable_sort(diagram.nodes.begin(), diagram.nodes.end(), [](const DiagramNode &a, const DiagramNode &b) {
    return a.isService != b.isService ? a.isService : a.id < b.id; // services first
  });
  return diagram;
}

} // namespace eventscope
