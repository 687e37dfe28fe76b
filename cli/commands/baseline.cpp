// `baseline write FILE`: today's findings become the known ones, which `check --baseline`
// then hides.
#include "cli/baseline_file.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "model/baseline.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eventscope {

Command baselineCommand() {
  return {{"baseline"}, "Record today's findings, so that check fails on new ones only", SharedOptions::None, {}};
}

Command baselineWriteCommand() {
  return {{"baseline", "write"}, "Write the baseline file", SharedOptions::Analysis, [](CLI::App &app) -> CommandRun {
            auto file = std::make_shared<std::string>();
            // Before the shared options: FILE is the first positional, DIR the second.
            app.add_option("FILE", *file, "The baseline file to write (JSON)")->required();
            return [file](const CommonOptions &common) {
              Analysis analysis = analyzeWithWarnings(common);
              size_t suppressed = 0;
              std::vector<Finding> findings = currentFindings(analysis, suppressed);
              std::vector<BaselineEntry> entries = makeBaseline(findings);
              emit(baselineFileText(entries), *file);
              if (!common.quiet)
                std::cerr << "eventscope: wrote " << *file << ": " << findings.size() << " finding(s) under "
                          << entries.size() << " fingerprint(s)\n";
              return kExitClean;
            };
          }};
}

} // namespace eventscope
