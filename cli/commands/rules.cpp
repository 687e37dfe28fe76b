// `rules [ID]`: the rules, or one rule's documentation (the text SARIF carries).
#include "model/input_error.h"
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
  std::vector<RuleInfo> infos;
  for (const Rule *each : allRules())
    infos.push_back(each->info);
  std::string help = ruleHelp(rule->info, infos);
  std::cout << "# " << rule->info.id << "\n\n"
            << rule->info.summary << "\n\nDefault severity: " << severityName(rule->info.defaultSeverity) << "\n\n"
            << help << (help.ends_with('\n') ? "" : "\n");
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
