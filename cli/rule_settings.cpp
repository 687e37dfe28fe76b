#include "model/input_error.h"
#include "cli/analysis.h"
#include "model/text_distance.h"
#include "rules/registry.h"

#include <algorithm>

namespace eventscope {

static std::string didYouMean(const std::string &word, const std::vector<std::string> &candidates) {
  auto match = closestMatch(word, candidates);
  return match ? "; did you mean '" + *match + "'?" : "";
}

std::map<std::string, RuleSettings> resolveRuleSettings(const Config &config) {
  std::map<std::string, RuleSettings> settings = defaultRuleSettings();
  std::vector<std::string> ids;
  for (const Rule *rule : allRules())
    ids.push_back(rule->info.id);
  for (const auto &[id, ruleConfig] : config.rules) {
    const Rule *rule = findRule(id);
    if (!rule)
      throw InputError(ruleConfig.location, "unknown rule '" + id + "'" + didYouMean(id, ids));
    RuleSettings &s = settings[id];
    if (ruleConfig.severity)
      s.severity = *ruleConfig.severity;
    std::vector<std::string> optionNames;
    for (const RuleOption &option : rule->info.options)
      optionNames.push_back(option.name);
    for (const auto &[name, value] : ruleConfig.options) {
      auto option = std::find_if(rule->info.options.begin(), rule->info.options.end(),
                                 [&](const RuleOption &o) { return o.name == name; });
      if (option == rule->info.options.end()) {
        std::string hint = optionNames.empty() ? " (" + id + " has no options)" : didYouMean(name, optionNames);
        throw InputError(value.location, "unknown option '" + name + "' for " + id + hint);
      }
      if (option->kind != RuleOption::Kind::StringList && value.isList)
        throw InputError(value.location, "option '" + name + "' of " + id + " takes a single value, not a list");
      if (option->kind == RuleOption::Kind::Integer) {
        const std::string &text = value.items.front();
        if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
          throw InputError(value.location,
                           "option '" + name + "' of " + id + " must be a non-negative integer, not '" + text + "'");
      }
      s.options[name] = value.items;
    }
  }
  return settings;
}

} // namespace eventscope
