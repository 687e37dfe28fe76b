// Every rule eventscope has (rules.def, in id order), and running them over a graph.
#pragma once

#include "rules/rule.h"

#include <map>
#include <string_view>

namespace eventscope {

const std::vector<const Rule *> &allRules();
const Rule *findRule(std::string_view id);

// Every rule's settings as its RuleInfo declares them (the config's `rules:` are applied
// over these by the CLI, cli/rule_settings.cpp).
std::map<std::string, RuleSettings> defaultRuleSettings();

// Runs every rule that is not off; findings carry the rule's configured severity and
// come back sorted.
std::vector<Finding> runRules(const EventGraph &graph, const std::map<std::string, RuleSettings> &settings);

// Drops each finding another rule's finding stands in for (RuleInfo::replaces), whatever
// their severities; findings of rules that were off are not there to replace anything.
void applyReplacements(std::vector<Finding> &findings);

} // namespace eventscope
