#include "model/graph_algorithms.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace eventscope {
namespace {

// Channels by their numbers (sorted order), with the first trigger of each distinct edge.
struct IndexedGraph {
  const EventGraph &graph;
  std::vector<std::vector<std::pair<size_t, size_t>>> out; // (target node, trigger index)

  explicit IndexedGraph(const EventGraph &graph) : graph(graph) {
    out.resize(graph.channelCount());
    const auto &ends = graph.triggerEnds();
    for (size_t i = 0; i < ends.size(); ++i) {
      auto &edges = out[ends[i].from];
      size_t to = ends[i].to;
      // triggers() is sorted by service, so the first one seen stands for the edge.
      if (std::none_of(edges.begin(), edges.end(), [&](auto &e) { return e.first == to; }))
        edges.emplace_back(to, i);
    }
    for (auto &edges : out)
      std::sort(edges.begin(), edges.end());
  }
  size_t size() const { return out.size(); }
  const std::string &name(size_t v) const { return graph.channelNumbered(static_cast<uint32_t>(v)).address; }
};

// Tarjan's algorithm without recursion: a million-edge graph must not exhaust the stack.
std::vector<size_t> componentOf(const IndexedGraph &g) {
  const size_t n = g.size(), unset = SIZE_MAX;
  std::vector<size_t> index(n, unset), low(n, 0), component(n, unset);
  std::vector<bool> onStack(n, false);
  std::vector<size_t> stack;
  std::vector<std::pair<size_t, size_t>> work; // (node, next edge to visit)
  size_t counter = 0, components = 0;
  for (size_t root = 0; root < n; ++root) {
    if (index[root] != unset)
      continue;
    work.emplace_back(root, 0);
    while (!work.empty()) {
      auto &[v, edge] = work.back();
      if (edge == 0 && index[v] == unset) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        onStack[v] = true;
      }
      if (edge < g.out[v].size()) {
        size_t w = g.out[v][edge++].first;
        if (index[w] == unset)
          work.emplace_back(w, 0);
        else if (onStack[w])
          low[v] = std::min(low[v], index[w]);
        continue;
      }
      if (low[v] == index[v]) {
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          onStack[w] = false;
          component[w] = components;
        } while (w != v);
        ++components;
      }
      size_t finished = v;
      work.pop_back();
      if (!work.empty())
        low[work.back().first] = std::min(low[work.back().first], low[finished]);
    }
  }
  return component;
}

bool hasSelfLoop(const IndexedGraph &g, size_t v) {
  return std::any_of(g.out[v].begin(), g.out[v].end(), [&](auto &e) { return e.first == v; });
}

} // namespace

std::vector<std::vector<std::string>> cyclicComponents(const EventGraph &graph) {
  IndexedGraph g(graph);
  std::vector<size_t> component = componentOf(g);
  std::map<size_t, std::vector<std::string>> members;
  for (size_t v = 0; v < g.size(); ++v)
    members[component[v]].push_back(g.name(v));
  std::vector<std::vector<std::string>> result;
  for (size_t v = 0; v < g.size(); ++v) {
    auto it = members.find(component[v]);
    if (it == members.end())
      continue;
    if (it->second.size() > 1 || hasSelfLoop(g, v))
      result.push_back(std::move(it->second)); // names were added in sorted order
    members.erase(it);
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<TriggerPath> elementaryCycles(const EventGraph &graph, size_t limit, bool &truncated) {
  IndexedGraph g(graph);
  std::vector<size_t> component = componentOf(g);
  std::vector<TriggerPath> cycles;
  truncated = false;
  std::vector<bool> onPath(g.size(), false);
  // Each cycle is found once, from its smallest node s, by searching only nodes > s of the
  // same component. The step budget bounds pathological components.
  size_t steps = 0;
  const size_t stepBudget = 50'000'000;
  for (size_t s = 0; s < g.size() && !truncated; ++s) {
    std::vector<size_t> pathNodes{s}, pathHops;
    std::vector<size_t> nextEdge{0};
    onPath[s] = true;
    while (!pathNodes.empty() && !truncated) {
      size_t v = pathNodes.back();
      size_t &edge = nextEdge.back();
      if (edge >= g.out[v].size() || ++steps > stepBudget) {
        if (steps > stepBudget)
          truncated = true;
        onPath[v] = false;
        pathNodes.pop_back();
        nextEdge.pop_back();
        if (!pathHops.empty())
          pathHops.pop_back();
        continue;
      }
      auto [w, trigger] = g.out[v][edge++];
      if (w == s) {
        TriggerPath cycle;
        for (size_t node : pathNodes)
          cycle.channels.push_back(g.name(node));
        cycle.hops = pathHops;
        cycle.hops.push_back(trigger);
        cycles.push_back(std::move(cycle));
        if (cycles.size() >= limit)
          truncated = true;
      } else if (w > s && !onPath[w] && component[w] == component[s]) {
        onPath[w] = true;
        pathNodes.push_back(w);
        pathHops.push_back(trigger);
        nextEdge.push_back(0);
      }
    }
    for (size_t node : pathNodes)
      onPath[node] = false;
  }
  std::sort(cycles.begin(), cycles.end(),
            [](const TriggerPath &a, const TriggerPath &b) { return a.channels < b.channels; });
  return cycles;
}

std::vector<TriggerPath> longestChainsFromRoots(const EventGraph &graph) {
  IndexedGraph g(graph);
  std::vector<size_t> component = componentOf(g);
  const size_t n = g.size();
  // The condensation's edges: those between different components.
  std::vector<std::vector<std::pair<size_t, size_t>>> out(n);
  std::vector<size_t> inDegree(n, 0);
  for (size_t v = 0; v < n; ++v)
    for (auto [w, trigger] : g.out[v])
      if (component[w] != component[v]) {
        out[v].emplace_back(w, trigger);
        ++inDegree[w];
      }
  // Tarjan numbers components in reverse topological order: a lower component number
  // never reaches a higher one, so visiting by increasing number finishes successors first.
  std::vector<size_t> order(n);
  for (size_t v = 0; v < n; ++v)
    order[v] = v;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return component[a] != component[b] ? component[a] < component[b] : a < b;
  });
  const size_t none = SIZE_MAX;
  std::vector<size_t> length(n, 0), next(n, none), nextHop(n, none);
  for (size_t v : order)
    for (auto [w, trigger] : out[v]) // sorted by target name: the first maximum wins
      if (length[w] + 1 > length[v]) {
        length[v] = length[w] + 1;
        next[v] = w;
        nextHop[v] = trigger;
      }
  std::vector<TriggerPath> chains;
  for (size_t v = 0; v < n; ++v) {
    if (inDegree[v] != 0 || out[v].empty())
      continue;
    TriggerPath chain;
    for (size_t u = v; u != none; u = next[u]) {
      chain.channels.push_back(g.name(u));
      if (nextHop[u] != none)
        chain.hops.push_back(nextHop[u]);
    }
    chains.push_back(std::move(chain));
  }
  return chains;
}

} // namespace eventscope
