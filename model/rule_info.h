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

struct RuleInfo {
  std::string id;      // stable: configs, suppressions and SARIF refer to it
  std::string name;    // PascalCase, for SARIF's reportingDescriptor.name
  std::string summary; // one sentence
  // "What it does / Why is this bad / Example / Options": the rule's documentation,
  // shown by `eventscope rules ID`, in docs/ and as SARIF help text.
  std::string documentation;
  Severity defaultSeverity = Severity::Warning;
  std::vector<RuleOption> options;
};

} // namespace eventscope
