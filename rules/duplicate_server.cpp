// duplicate-server: two nodes serve the same ROS service or action name.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>
#include <map>

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, std::vector<Finding> &out) {
  for (const auto &[address, channel] : graph.channels()) {
    ChannelKind kind = channelKind(graph, channel);
    if (kind == ChannelKind::Topic || channel.consumers.size() < 2)
      continue;
    // One server per process: the launched node, else the file (two executables' sources
    // serving one name). Code only: a contract declaring the server is not a second one.
    std::map<std::string, const Endpoint *> byProcess;
    for (size_t index : channel.consumers) {
      const Endpoint &e = graph.endpoints()[index];
      if (e.origin != Origin::Code)
        continue;
      std::string process = e.launchedAt.empty() ? e.location.file : formatLocation(e.launchedAt);
      auto [it, added] = byProcess.emplace(process, &e);
      if (!added && e.location < it->second->location)
        it->second = &e;
    }
    if (byProcess.size() < 2)
      continue;
    std::vector<const Endpoint *> servers;
    for (const auto &[process, e] : byProcess)
      servers.push_back(e);
    std::sort(servers.begin(), servers.end(),
              [](const Endpoint *a, const Endpoint *b) { return a->location < b->location; });
    const std::string what = kind == ChannelKind::Action ? "action" : "service";
    Finding f;
    f.message = what + " " + quoted(address) + " is served by " + std::to_string(servers.size()) +
                " nodes; a call reaches only one of them";
    f.location = servers.front()->location;
    f.service = servers.front()->service;
    f.channels = {address};
    addLaunchNote(f, *servers.front());
    for (size_t i = 1; i < servers.size(); ++i) {
      f.notes.push_back({servers[i]->location, servers[i]->service + " serves " + quoted(address) + " here too"});
      addLaunchNote(f, *servers[i]);
    }
    out.push_back(std::move(f));
  }
}

} // namespace

const Rule &duplicateServerRule() {
  static const Rule rule{
      {"duplicate-server", "DuplicateServer", "Two nodes serve the same ROS service or action name.",
       R"(## What it does
Reports a ROS service or action name served by code in more than one process: two launched
nodes (launch files read), or two source files when no launch file says which process runs
them. Names are compared after resolution and launch-file remapping, so two instances of one
server under different namespaces are two names, not a duplicate.

## Why is this bad
ROS 1 keeps the last server to register and silently drops the other; in ROS 2 both
receive requests and clients get whichever answers. Either way half the system talks to a
server it does not expect.

## Example
`map_server` and `map_saver` both serve `/map_server/get_map`.

## Options
None.)",
       Severity::Error,
       {}},
      run};
  return rule;
}

} // namespace eventscope
