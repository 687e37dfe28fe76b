// `graph`: the event graph drawn in one of the diagram formats, the findings' edges marked.
#include "model/input_error.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "render/formats.h"

#include <CLI/CLI.hpp>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Path.h>

#include <memory>
#include <stdexcept>
#include <unistd.h>

namespace eventscope {
namespace {

struct GraphOptions {
  std::string format;
  std::string view = "services";
  std::string focus;
  int depth = -1;
  std::vector<std::string> collapse;
  std::string outputFile;
  std::string sourceUrl;
};

int runGraph(const CommonOptions &common, const GraphOptions &graphOptions) {
  Analysis analysis = analyzeWithWarnings(common);
  size_t suppressed = 0;
  DiagramOptions options;
  options.view = graphOptions.view == "channels" ? DiagramView::Channels
                 : graphOptions.view == "full"   ? DiagramView::Full
                                                 : DiagramView::Services;
  options.focus = graphOptions.focus;
  options.depth = graphOptions.depth;
  options.collapse = graphOptions.collapse;
  options.findings = currentFindings(analysis, suppressed); // their edges are highlighted
  if (graphOptions.format == "html") // the explorer holds every level; a channel can be its focus
    options.view = DiagramView::Channels;
  Diagram diagram;
  try {
    diagram = buildDiagram(analysis.graph, options);
  } catch (const InputError &e) { // said of the focus: named here as the user gave it
    throw InputError({}, "--focus " + options.focus + " " + e.problem() +
                             (analysis.graph.channels().count(options.focus) ? " (use --view channels)" : ""));
  }
  const DiagramFormat &format = *findDiagramFormat(graphOptions.format);
  if (format.name == "html") {
    std::string pageDirectory = ".";
    if (!graphOptions.outputFile.empty()) {
      llvm::SmallString<256> dir(graphOptions.outputFile);
      llvm::sys::path::remove_filename(dir);
      pageDirectory = dir.empty() ? "." : std::string(dir);
    }
    explorerSettings(analysis, graphOptions.sourceUrl, pageDirectory, common.quiet, options);
  }
  if (graphOptions.outputFile.empty() && format.binary && isatty(STDOUT_FILENO))
    throw InputError({}, "refusing to write " + format.name + " to a terminal; use -o FILE");
  std::string text, error;
  if (!format.write({diagram, analysis.graph, options}, text, error))
    throw InputError({}, error);
  emit(text, graphOptions.outputFile);
  return kExitClean;
}

std::string formatList() {
  std::string out;
  for (const DiagramFormat &format : diagramFormats())
    out += (out.empty() ? "" : ", ") + format.name;
  return out;
}

} // namespace

Command graphCommand() {
  return {{"graph"}, "Draw the event graph (" + formatList() + ")", SharedOptions::Analysis,
          [](CLI::App &app) -> CommandRun {
            auto options = std::make_shared<GraphOptions>();
            app.add_option("--format", options->format, "Diagram format")
                ->check(CLI::IsMember(diagramFormatNames()))
                ->default_val(diagramFormats().front().name);
            app.add_option("--view", options->view,
                           "services: service to service; channels: channels between services drawn as clusters of "
                           "their handlers and producing functions; full: channels plus source locations and "
                           "unresolved calls")
                ->check(CLI::IsMember({"services", "channels", "full"}))
                ->default_val("services");
            app.add_option("--focus", options->focus, "Only this service or channel and its neighbourhood");
            app.add_option("--depth", options->depth, "With --focus: hops up and downstream (default: all)")
                ->check(CLI::NonNegativeNumber);
            app.add_option("--collapse", options->collapse,
                           "Draw the channels matching PATTERN (a trailing * is any rest: 'orders.*') as one node");
            addSourceUrlOption(app, options->sourceUrl);
            addOutputOption(app, options->outputFile, "the diagram");
            return [options](const CommonOptions &common) { return runGraph(common, *options); };
          }};
}

} // namespace eventscope
