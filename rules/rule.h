// A rule: an id from DESIGN.md's catalog, its documentation, its options, and a function
// that reads the event graph and reports findings. A rule never fails; it only reports.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"
#include "model/rule_info.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

// A rule's effective settings: the severity and the options, validated against RuleInfo.
struct RuleSettings {
  Severity severity = Severity::Warning;
  std::map<std::string, std::vector<std::string>> options; // scalars are one-element lists

  long long integer(const std::string &name, long long fallback) const;
  std::vector<std::string> list(const std::string &name) const;
};

using RuleFunction = void (*)(const EventGraph &graph, const RuleSettings &settings,
                              std::vector<Finding> &out);

struct Rule {
  RuleInfo info;
  RuleFunction run;
};

} // namespace eventscope
