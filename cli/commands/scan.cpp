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
            struct Options {
              std::string format;
              std::string outputFile;
            };
            auto options = std::make_shared<Options>();
            app.add_option("--format", options->format, "Output format")->check(CLI::IsMember({"json"}))->default_val("json");
            addOutputOption(app, options->outputFile, "the graph");
            return [options](const CommonOptions &common) {
              Analysis analysis = analyzeWithWarnings(common);
              std::ostringstream out;
              writeScanJson(out, analysis.graph);
              emit(out.str(), options->outputFile);
              return kExitClean;
            };
          }};
}

} // namespace eventscope
