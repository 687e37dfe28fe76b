// `scan`: the event graph itself as JSON (docs/schema/scan.schema.json).
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "render/reports.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <sstream>

namespace eventscope {

Command scanCommand() {
  return {{"scan"}, "Print the event graph itself", SharedOptions::Analysis, [](CLI::App &app) -> CommandRun {
            auto outputFile = std::make_shared<std::string>();
            // JSON is the only format; the option is accepted so that scripts may say so.
            app.add_option("--format", "Output format")->check(CLI::IsMember({"json"}))->default_val("json");
            addOutputOption(app, *outputFile, "the graph");
            return [outputFile](const CommonOptions &common) {
              Analysis analysis = analyzeWithWarnings(common);
              std::ostringstream out;
              writeScanJson(out, analysis.graph);
              emit(out.str(), *outputFile);
              return kExitClean;
            };
          }};
}

} // namespace eventscope
