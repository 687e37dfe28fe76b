// Runs the whole analysis on a system written to a temporary directory and lists what it
// found as sorted strings, for tests that state every endpoint, trigger and site.
#pragma once

#include "cli/analysis.h"
#include "model/channel_match.h"
#include "test_support.h"

#include <set>
#include <string>
#include <vector>

namespace eventscope::testing {

struct Extracted {
  std::set<std::string> endpoints;  // "service role channel file:line:col [handler]"
  std::set<std::string> triggers;   // "service from -> to via a,b"
  std::set<std::string> unresolved; // "file:line:col api: reason"
  std::set<std::string> links;      // "pattern ~ channel it covers"
  std::vector<std::string> warnings;
};

inline Extracted analyze(const TempDir &dir, unsigned jobs = 2) {
  CommonOptions options;
  options.root = dir.path();
  options.jobs = jobs;
  Analysis analysis = analyzeSystem(options);
  Extracted out;
  for (const Endpoint &e : analysis.graph.endpoints())
    out.endpoints.insert(e.service + " " + std::string(roleName(e.role)) + " " + e.channel + " " +
                         formatLocation(e.location) + (e.handler.empty() ? "" : " [" + e.handler + "]") +
                         (e.value == ChannelValue::Constant || e.value == ChannelValue::Pattern
                              ? ""
                              : " {" + std::string(channelValueName(e.value)) + " " + e.setting + "}"));
  for (const Trigger &t : analysis.graph.triggers()) {
    std::string via;
    for (const std::string &f : t.via)
      via += (via.empty() ? "" : ",") + f;
    out.triggers.insert(t.service + " " + t.from + " -> " + t.to + " via " + via);
  }
  for (const UnresolvedSite &u : analysis.graph.unresolved())
    out.unresolved.insert(formatLocation(u.location) + " " + u.api + ": " + u.reason);
  for (const auto &[address, channel] : analysis.graph.channels())
    if (isChannelPattern(address) || channel.glob)
      for (const std::string &other : channel.linked)
        if (!isChannelPattern(other) && !analysis.graph.channels().at(other).glob)
          out.links.insert(address + " ~ " + other);
  out.warnings = analysis.warnings;
  return out;
}

} // namespace eventscope::testing
