// `extract FILE... -o FACTS`: the map step of a sharded run (docs/performance.md).
#include "analyzer/cpp/facts_cache.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eventscope {
namespace {

// `extract FILE... -o FACTS`: the map step of a sharded run.
int runExtract(const CommonOptions &common, const std::vector<std::string> &files, const std::string &output) {
  std::vector<std::string> warnings;
  FactsFile facts = extractSystemFacts(common, files, warnings);
  size_t failed = 0;
  for (const TuFacts &unit : facts.units)
    if (unit.failed) {
      ++failed;
      warnings.push_back(unit.file + ": not analysed: " + (unit.errors.empty() ? "unknown error" : unit.errors[0]));
    }
  if (!common.quiet)
    for (const std::string &warning : warnings)
      std::cerr << "eventscope: warning: " << warning << "\n";
  emit(writeFactsFile(facts), output);
  if (!common.quiet)
    std::cerr << "eventscope: facts of " << facts.units.size() << " translation unit(s) written to " << output << "\n";
  return common.strict && failed > 0 ? kExitInputError : kExitClean;
}

} // namespace

Command extractCommand() {
  return {{"extract"}, "Parse code files and write their facts (the map step of a sharded run)", SharedOptions::Parsing,
          [](CLI::App &app) -> CommandRun {
            struct Options {
              std::vector<std::string> files;
              std::string output;
            };
            auto options = std::make_shared<Options>();
            app.add_option("FILE", options->files, "Code files (default: every file the config's sources name)");
            app.add_option("-o,--output", options->output, "The FACTS file to write")->required();
            return [options](const CommonOptions &common) { return runExtract(common, options->files, options->output); };
          }};
}

} // namespace eventscope
