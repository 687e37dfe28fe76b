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

// What a rule reports through, as clang-tidy's `diag`: one call per finding, placed where it
// is acted on. The finding's rule id and severity are the running rule's (runRules sets
// them); the rule adds notes, or an identity, to the finding returned, which stays valid
// until the next call.
class Reporter {
public:
  explicit Reporter(std::vector<Finding> &out) : out_(out) {}
  // `service`: empty for a finding about no single service; `channels`: every channel the
  // finding is about (what replacements, baselines and fingerprints compare).
  Finding &operator()(const Location &at, std::string message, std::string service = {},
                      std::vector<std::string> channels = {}) {
    Finding &finding = out_.emplace_back();
    finding.location = at;
    finding.message = std::move(message);
    finding.service = std::move(service);
    finding.channels = std::move(channels);
    return finding;
  }

private:
  std::vector<Finding> &out_;
};

using RuleFunction = void (*)(const EventGraph &graph, const RuleSettings &settings, Reporter &report);

struct Rule {
  RuleInfo info;
  RuleFunction run;
};

} // namespace eventscope
