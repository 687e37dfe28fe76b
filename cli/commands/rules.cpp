// `rules [ID]`: the rules, or one rule's documentation (the text SARIF carries).
#include "analyzer/input_error.h"
#include "cli/commands/command.h"
#include "rules/registry.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eventscope {
namespace {

int runRulesCommand(const std::string &id) {
  if (id.empty()) {
    for (const Rule *rule : allRules())
      std::cout << rule->info.id << " (" << severityName(rule->info.defaultSeverity) << "): " << rule->info.summary
                << "\n";
    return kExitClean;
  }
  const Rule *rule = findRule(id);
  if (!rule)
    throw InputError({}, "unknown rule '" + id + "' (see `eventscope rules`)");
  std::cout << "# " << rule->info.id << "\n\n"
            << rule->info.summary << "\n\nDefault severity: " << severityName(rule->info.defaultSeverity) << "\n\n"
            << rule->info.documentation << "\n";
  // Which findings stand in for which: declared by the replacing rule, shown on both sides.
  std::string replaces, replacedBy;
  for (const RuleReplacement &r : rule->info.replaces)
    replaces += "- " + r.rule + ": " + r.when + "\n";
  for (const Rule *other : allRules())
    for (const RuleReplacement &r : other->info.replaces)
      if (r.rule == rule->info.id)
        replacedBy += "- " + other->info.id + ": " + r.when + "\n";
  if (!replaces.empty())
    std::cout << "\n## Replaces\nOn the same channels, a finding of this rule stands in for one of:\n"
              << replaces;
  if (!replacedBy.empty())
    std::cout << "\n## Replaced by\nOn the same channels, this rule's finding gives way to one of (only when that "
                 "rule is on and reports it):\n"
              << replacedBy;
  return kExitClean;
}

} // namespace

Command rulesCommand() {
  return {{"rules"}, "List the rules, or show one rule's documentation", SharedOptions::None,
          [](CLI::App &app) -> CommandRun {
            auto id = std::make_shared<std::string>();
            app.add_option("ID", *id, "A rule id");
            return [id](const CommonOptions &) { return runRulesCommand(*id); };
          }};
}

} // namespace eventscope
