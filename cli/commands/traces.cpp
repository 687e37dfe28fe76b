// `traces`: the graph recorded traces show, alone (no code or contracts read).
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "model/input_error.h"
#include "render/observed_report.h"

#include <CLI/CLI.hpp>
#include <llvm/Support/FileSystem.h>

#include <iostream>
#include <memory>
#include <sstream>

namespace eventscope {

namespace {
struct TracesOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string outputFile;
};
} // namespace

Command tracesCommand() {
  return {{"traces"}, "Print the graph recorded traces show (OTLP/JSON, Jaeger JSON, Zipkin v2 JSON)",
          SharedOptions::Quiet, [](CLI::App &app) -> CommandRun {
            auto options = std::make_shared<TracesOptions>();
            app.add_option("FILE", options->files, "Trace files")->required();
            app.add_option("--format", options->format, "Output format")
                ->check(CLI::IsMember({"text", "json"}))
                ->default_val("text");
            addOutputOption(app, options->outputFile, "the observed graph");
            return [options](const CommonOptions &common) {
              std::vector<std::pair<std::string, std::string>> files;
              for (const std::string &file : options->files) {
                if (!llvm::sys::fs::exists(file))
                  throw InputError({file, 0, 0, ""}, "cannot read trace file: no such file");
                if (!llvm::sys::fs::is_regular_file(file))
                  throw InputError({file, 0, 0, ""}, "cannot read trace file: not a regular file");
                files.emplace_back(file, file);
              }
              std::vector<std::string> warnings;
              std::shared_ptr<ObservedGraph> observed = observeTraceFiles(files, warnings);
              if (!common.quiet)
                for (const std::string &warning : warnings)
                  std::cerr << "eventscope: warning: " << warning << "\n";
              std::ostringstream out;
              if (options->format == "json")
                writeObservedJson(out, *observed);
              else
                writeObservedText(out, *observed);
              emit(out.str(), options->outputFile);
              return kExitClean;
            };
          }};
}

} // namespace eventscope
