// What a rule is, as plain data: rules define it, reports (SARIF, --help) print it.
#pragma once

#include "model/finding.h"

#include <string>
#include <vector>

namespace eventscope {

struct RuleOption {
  enum class Kind { Integer, String, StringList };
  std::string name;
  Kind kind = Kind::String;
  std::string defaultValue; // as written in a config; a list's items comma-separated
  std::string description;
};

// A finding of this rule stands in for a finding of `rule` about the same fault, saying more
// (channel-name-typo's "did you mean" for unproduced-event's "nothing produces it"). Declared
// here, shown by `eventscope rules ID`, and applied by runRules only to a finding of `rule`
// whose channels are all among a finding of this rule's (and, with `sameService`, for the
// same service): when this rule is off or finds nothing there, the other finding stays.
struct RuleReplacement {
  std::string rule;
  bool sameService = false;
  std::string when; // a sentence for the documentation
};

struct RuleInfo {
  std::string id;      // stable: configs, suppressions and SARIF refer to it
  std::string name;    // PascalCase, for SARIF's reportingDescriptor.name
  std::string summary; // one sentence
  // "What it does / Why is this bad / Example / Options": the rule's documentation,
  // shown by `eventscope rules ID`, in docs/ and as SARIF help text.
  std::string documentation;
  Severity defaultSeverity = Severity::Warning;
  // (Initializers: a rule's designated initializer leaves out what it has none of.)
  std::vector<RuleOption> options = {};
  std::vector<RuleReplacement> replaces = {};
};

// A rule's help, in Markdown: its documentation, then the findings it replaces and those
// that replace it among `rules` (the table it is part of), ending in a newline only after
// those lists. What `eventscope rules ID` prints after the summary and SARIF carries as the
// rule's help: one text for both.
std::string ruleHelp(const RuleInfo &rule, const std::vector<RuleInfo> &rules);

} // namespace eventscope
