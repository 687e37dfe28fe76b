// duplicate-server: two nodes serve the same ROS service or action name.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const auto &[address, channel] : graph.channels()) {
    ChannelKind kind = channelKind(graph, channel);
    if (kind == ChannelKind::Topic || channel.consumers.size() < 2)
      continue;
    // Which servers run together is known only from a launch file: servers started by one
    // launch file, one per launched node. (Without launch files, two programs serving one
    // name may be alternatives never run together: nothing is said.) Code only: a contract
    // declaring the server is not a second one.
    std::map<std::string, std::map<Location, const Endpoint *>> byLaunchFile;
    for (size_t index : channel.consumers) {
      const Endpoint &e = graph.endpoints()[index];
      if (e.origin != Origin::Code || e.launchedAt.empty())
        continue;
      auto [it, added] = byLaunchFile[e.launchedAt.file].emplace(e.launchedAt, &e);
      if (!added && e.location < it->second->location)
        it->second = &e;
    }
    std::vector<const Endpoint *> servers;
    for (const auto &[file, nodes] : byLaunchFile) {
      // One line of a library that several launched programs link is given to each of them,
      // though only those that construct its class run it (industrial_core's
      // JointTrajectoryInterface, linked by three executables, made by two: new-user trial
      // s51). The same line in different programs is one server; in one program launched
      // twice, two. Per line, the program launched the most times keeps its nodes.
      std::map<Location, std::map<std::string, std::vector<const Endpoint *>>> byLine;
      for (const auto &[at, e] : nodes)
        byLine[e->location][e->launchedProgram].push_back(e);
      std::vector<const Endpoint *> distinct;
      for (const auto &[line, programs] : byLine) {
        const std::vector<const Endpoint *> *most = nullptr;
        for (const auto &[program, launched] : programs)
          if (!most || launched.size() > most->size())
            most = &launched;
        distinct.insert(distinct.end(), most->begin(), most->end());
      }
      if (distinct.size() > servers.size())
        servers = std::move(distinct);
    }
    if (servers.size() < 2)
      continue;
    std::sort(servers.begin(), servers.end(),
              [](const Endpoint *a, const Endpoint *b) { return a->location < b->location; });
    const std::string what = kind == ChannelKind::Action ? "action" : "service";
    Finding &f = report(servers.front()->location,
                        what + " " + quoted(address) + " is served by " + std::to_string(servers.size()) +
                            " nodes; a call reaches only one of them",
                        servers.front()->service, {address});
    addLaunchNote(f, *servers.front());
    for (size_t i = 1; i < servers.size(); ++i) {
      f.notes.push_back({servers[i]->location, servers[i]->service + " serves " + quoted(address) + " here too"});
      addLaunchNote(f, *servers[i]);
    }
  }
}

} // namespace

const Rule &duplicateServerRule() {
  static const Rule rule{
      .info =
          {
              .id = "duplicate-server",
              .name = "DuplicateServer",
              .summary = "Two nodes one launch file starts serve the same ROS service or action name.",
              .documentation = R"(## What it does
Reports a ROS service or action name served by two or more nodes that one launch file
starts (launch files read: `launch:`). Names are compared after resolution and launch-file
remapping, so two instances of one server under different namespaces are two names, not a
duplicate. Without launch files nothing is reported: two programs serving one name may be
alternatives that never run together. One line of a library that several launched programs
link counts once (only the programs that construct its class run it); one program launched
twice serves twice.

## Why is this bad
ROS 1 keeps the last server to register and silently drops the other; in ROS 2 both
receive requests and clients get whichever answers. Either way half the system talks to a
server it does not expect.

## Example
`map_server` and `map_saver` both serve `/map_server/get_map`.

## Options
None.)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
