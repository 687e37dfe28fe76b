// What a change touches: the channels produced or consumed in the changed files, and every
// service and channel downstream of them through the triggers.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"

#include <set>
#include <string>
#include <vector>

namespace eventscope {

struct BlastRadius {
  std::set<std::string> changedFiles;       // root-relative
  std::set<std::string> touchedChannels;    // produced or consumed in a changed file
  std::set<std::string> channels;           // touched and everything downstream
  std::set<std::string> downstreamServices; // consumers of those channels
};

BlastRadius blastRadius(const EventGraph &graph, const std::vector<std::string> &changedFiles);

// Keeps the findings that involve a channel of the blast radius or sit in a changed file.
void keepFindingsInBlastRadius(std::vector<Finding> &findings, const BlastRadius &radius);

} // namespace eventscope
