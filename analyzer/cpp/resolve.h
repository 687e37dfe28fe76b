// Turns the facts of all translation units into endpoints, unresolved sites and triggers:
// matches messaging APIs, derives wrapper APIs from functions that forward a parameter
// into a messaging call (across translation units, several levels deep), follows channel
// handles, builds the call graph (virtual calls reach every override) and walks it from
// each handler to the events it produces.
#pragma once

#include "analyzer/config/config.h"
#include "analyzer/cpp/facts.h"
#include "analyzer/source_files.h"
#include "model/event_graph.h"

#include <map>
#include <set>
#include <vector>

namespace eventscope {

class LaunchPlan;

struct ResolveStats {
  size_t wrappers = 0; // functions that became derived APIs
  std::vector<std::string> badApiEntries; // "file:line:col: problem", for the user to fix
  std::set<Location> usedRemaps;            // launch remapping rules that renamed an endpoint
  // Launch remapping rules that would rename an endpoint but for a rule of the node's own
  // NodeOptions arguments, which rcl applies first: why they are not applied.
  std::map<Location, std::string> shadowedRemaps;
  std::set<Location> launchedWithEndpoints; // launched nodes (their launch file place) with endpoints
};

// `persistenceApis`: qualified names of functions that write state (dual-write). `launch`
// (may be null): the launched nodes a ROS endpoint is made for, one endpoint per node that
// runs the call, named as that node resolves and remaps it.
ResolveStats resolveFacts(const std::vector<TuFacts> &units, const std::vector<ApiDescription> &apis,
                          const std::vector<std::string> &persistenceApis, const SystemLayout &layout,
                          const LaunchPlan *launch, EventGraph &graph);

} // namespace eventscope
