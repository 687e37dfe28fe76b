// Small pieces several rules share.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"
#include "model/graph_algorithms.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

// The endpoints of one channel and role, grouped by service (services sorted, each
// service's endpoints in location order).
std::map<std::string, std::vector<const Endpoint *>> endpointsByService(const EventGraph &graph,
                                                                       const Channel &channel, Role role);

// "a -> b (svc1) -> c (svc2)": each channel after the first names the service whose
// handler produced it.
std::string formatPath(const EventGraph &graph, const TriggerPath &path);

// One note per hop: "svc turns 'a' into 'b'" at the producing call.
std::vector<Note> hopNotes(const EventGraph &graph, const TriggerPath &path);

// A note per further endpoint, for a finding placed at the first one.
void addOtherLocations(Finding &finding, const std::vector<const Endpoint *> &endpoints, const std::string &what);

std::string quoted(const std::string &text);

// For an endpoint of a node a launch file starts: a note at the launch file's node, which
// gives the name its namespace and remappings ("launched here: 'heard' in the code is
// '/robot2/heard' in this node"). Nothing for any other endpoint.
void addLaunchNote(Finding &finding, const Endpoint &endpoint);

// The subscriptions whose topic is known only at run time (unresolved sites of role consume)
// that take the message type of one of the channel's producers: a multiplexer or relay whose
// inputs come from a parameter file may consume the channel. Empty when the producers' type
// is unknown (a type says more than "some subscription somewhere"). Sorted by location.
std::vector<const UnresolvedSite *> runTimeSubscriptionsOfItsType(const EventGraph &graph, const Channel &channel);
// Whether `site` is such a subscription for `channel` (its type is one the producers use).
bool mayConsume(const EventGraph &graph, const UnresolvedSite &site, const Channel &channel);

} // namespace eventscope
