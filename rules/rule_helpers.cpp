#include "rules/rule_helpers.h"

#include <algorithm>
#include <tuple>

namespace eventscope {

std::map<std::string, std::vector<const Endpoint *>> endpointsByService(const EventGraph &graph,
                                                                       const Channel &channel, Role role) {
  std::map<std::string, std::vector<const Endpoint *>> byService;
  for (size_t index : role == Role::Produce ? channel.producers : channel.consumers)
    byService[graph.endpoints()[index].service].push_back(&graph.endpoints()[index]);
  for (auto &[service, endpoints] : byService)
    std::stable_sort(endpoints.begin(), endpoints.end(),
                     [](const Endpoint *a, const Endpoint *b) {
                       // Code first: that is where a finding is acted on.
                       return std::make_tuple(a->origin != Origin::Code, std::cref(a->location)) <
                              std::make_tuple(b->origin != Origin::Code, std::cref(b->location));
                     });
  return byService;
}

std::string quoted(const std::string &text) { return "'" + text + "'"; }

std::string formatPath(const EventGraph &graph, const TriggerPath &path) {
  std::string out = path.channels.front();
  for (size_t i = 0; i < path.hops.size(); ++i) {
    const Trigger &hop = graph.triggers()[path.hops[i]];
    out += " -> " + hop.to + " (" + hop.service + ")";
  }
  return out;
}

std::vector<Note> hopNotes(const EventGraph &graph, const TriggerPath &path) {
  std::vector<Note> notes;
  for (size_t index : path.hops) {
    const Trigger &hop = graph.triggers()[index];
    notes.push_back({hop.location, hop.service + " produces " + quoted(hop.to) + " when it consumes " + quoted(hop.from)});
  }
  return notes;
}

void addOtherLocations(Finding &finding, const std::vector<const Endpoint *> &endpoints, const std::string &what) {
  // (One call made in two launched nodes is two endpoints at one place: one note.)
  for (size_t i = 1; i < endpoints.size(); ++i)
    if (endpoints[i]->location != endpoints[0]->location && endpoints[i]->location != endpoints[i - 1]->location)
      finding.notes.push_back({endpoints[i]->location, what});
}

void addLaunchNote(Finding &finding, const Endpoint &endpoint) {
  if (endpoint.launchedAt.empty())
    return;
  finding.notes.push_back({endpoint.launchedAt, "the node is launched here" +
                                                    (endpoint.nameInCode.empty()
                                                         ? std::string()
                                                         : ": " + quoted(endpoint.nameInCode) + " in the code is " +
                                                               quoted(endpoint.channel) + " in this node")});
}

bool mayConsume(const EventGraph &graph, const UnresolvedSite &site, const Channel &channel) {
  if (site.role != Role::Consume || site.kind != ChannelKind::Topic || site.messageType.empty())
    return false;
  const std::string type = rosInterfaceName(site.messageType);
  return std::any_of(channel.producers.begin(), channel.producers.end(), [&](size_t index) {
    const Endpoint &e = graph.endpoints()[index];
    return e.kind == ChannelKind::Topic && !e.messageType.empty() && rosInterfaceName(e.messageType) == type;
  });
}

std::vector<const UnresolvedSite *> runTimeSubscriptionsOfItsType(const EventGraph &graph, const Channel &channel) {
  std::vector<const UnresolvedSite *> out;
  for (const UnresolvedSite &site : graph.unresolved())
    if (mayConsume(graph, site, channel))
      out.push_back(&site);
  return out; // (graph.unresolved() is sorted by location)
}

} // namespace eventscope
