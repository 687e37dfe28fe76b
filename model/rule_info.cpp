#include "model/rule_info.h"

namespace eventscope {

std::string ruleHelp(const RuleInfo &rule, const std::vector<RuleInfo> &rules) {
  // Which findings stand in for which: declared by the replacing rule, shown on both sides.
  std::string replaces, replacedBy;
  for (const RuleReplacement &r : rule.replaces)
    replaces += "- " + r.rule + ": " + r.when + "\n";
  for (const RuleInfo &other : rules)
    for (const RuleReplacement &r : other.replaces)
      if (r.rule == rule.id)
        replacedBy += "- " + other.id + ": " + r.when + "\n";
  std::string help = rule.documentation;
  if (!replaces.empty() || !replacedBy.empty())
    help += "\n";
  if (!replaces.empty())
    help += "\n## Replaces\nOn the same channels, a finding of this rule stands in for one of:\n" + replaces;
  if (!replacedBy.empty())
    help += "\n## Replaced by\nOn the same channels, this rule's finding gives way to one of (only when that rule is "
            "on and reports it):\n" +
            replacedBy;
  return help;
}

} // namespace eventscope
