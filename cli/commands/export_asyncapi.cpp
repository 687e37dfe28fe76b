// `export asyncapi --service NAME`: an AsyncAPI 3.0 document for one service, from its code
// and its contract; and the `export` group.
#include "model/input_error.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "render/asyncapi_export.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <stdexcept>

namespace eventscope {
namespace {

struct ExportOptions {
  std::string service;
  std::string format = "yaml";
  std::string outputFile;
};

// `export asyncapi --service NAME`: a 3.0 document from the code, merged with the contract.
int runExportAsyncApi(const CommonOptions &common, const ExportOptions &options) {
  Analysis analysis = analyzeWithWarnings(common);
  std::string text;
  try {
    text = exportAsyncApi(analysis.graph, options.service,
                          options.format == "json" ? ExportFormat::Json : ExportFormat::Yaml);
  } catch (const InputError &e) { // said of the service: named here as the user gave it
    throw InputError({}, "--service " + options.service + " " + e.problem());
  }
  emit(text, options.outputFile);
  return kExitClean;
}

} // namespace

Command exportCommand() { return {{"export"}, "Write what the code says as a contract", SharedOptions::None, {}}; }

Command exportAsyncApiCommand() {
  return {{"export", "asyncapi"}, "An AsyncAPI 3.0 document for one service, from its code and contracts",
          SharedOptions::Analysis, [](CLI::App &app) -> CommandRun {
            auto options = std::make_shared<ExportOptions>();
            app.add_option("--service", options->service, "The service")->required();
            app.add_option("--format", options->format, "yaml or json")
                ->check(CLI::IsMember({"yaml", "json"}))
                ->default_val("yaml");
            addOutputOption(app, options->outputFile, "the document");
            return [options](const CommonOptions &common) { return runExportAsyncApi(common, *options); };
          }};
}

} // namespace eventscope
