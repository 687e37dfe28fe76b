// `check`: the rules over the whole system, reported in one of the report formats; exit 1
// when a finding reaches --fail-on.
#include "model/input_error.h"
#include "cli/baseline_file.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "cli/git_changes.h"
#include "model/baseline.h"
#include "model/blast_radius.h"
#include "render/formats.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace eventscope {
namespace {

struct CheckOptions {
  std::string format;
  std::string failOn = "error";
  std::string outputFile;
  bool noColor = false;
  std::string baselineFile; // hide the findings it knows
  std::string changedSince; // only the blast radius of the change
};

// Channels the code names through configuration: right only where it runs with these values.
void printConfiguredChannels(const Analysis &analysis) {
  std::map<ChannelValue, std::set<std::string>> byValue;
  for (const Endpoint &e : analysis.graph.endpoints())
    if (e.origin == Origin::Code && e.value != ChannelValue::Constant)
      byValue[e.value].insert(e.channel);
  if (!byValue[ChannelValue::Default].empty() || !byValue[ChannelValue::Configured].empty() ||
      !byValue[ChannelValue::Pattern].empty())
    std::cerr << "eventscope: channel names from configuration and run time: " << byValue[ChannelValue::Default].size()
              << " rest on defaults in the code (set them in `parameters:`), " << byValue[ChannelValue::Configured].size()
              << " on values given (`parameters:`, parameter files, launch files), "
              << byValue[ChannelValue::Pattern].size() << " are patterns\n";
}

void printStaleBaseline(const BaselineOutcome &baseline, const std::string &file) {
  if (baseline.stale.empty())
    return;
  std::cerr << "eventscope: " << baseline.stale.size() << " baseline entr" << (baseline.stale.size() == 1 ? "y" : "ies")
            << " no longer found; remove them from " << file << " (or rewrite it with `eventscope baseline write`):\n";
  for (const BaselineEntry &entry : baseline.stale) {
    std::cerr << "  " << entry.fingerprint << " [" << entry.rule << "] " << entry.message;
    if (entry.count > 1)
      std::cerr << " (" << entry.count << " of them)";
    std::cerr << "\n";
  }
}

int runCheck(const CommonOptions &common, const CheckOptions &options) {
  Analysis analysis = analyzeWithWarnings(common);
  size_t suppressed = 0;
  std::vector<Finding> findings = currentFindings(analysis, suppressed);

  if (!options.changedSince.empty()) {
    BlastRadius radius = blastRadius(analysis.graph, filesChangedSince(analysis.layout.root, options.changedSince));
    keepFindingsInBlastRadius(findings, radius);
    if (!common.quiet)
      std::cerr << "eventscope: changed since " << options.changedSince << ": " << radius.changedFiles.size()
                << " file(s); channels produced or consumed there: " << joined(radius.touchedChannels)
                << "; downstream services: " << joined(radius.downstreamServices) << "\n";
  }
  BaselineOutcome baseline;
  if (!options.baselineFile.empty())
    baseline = applyBaseline(findings, readBaselineFile(options.baselineFile));

  std::ostringstream report;
  findReportFormat(options.format)->write(report, findings, reportContext(useColor(options.noColor, options.outputFile)));
  emit(report.str(), options.outputFile);

  if (common.quiet && analysis.partialUnits + analysis.failedUnits > 0) // a partial analysis never looks complete
    std::cerr << "eventscope: " << unitCounts(analysis) << "\n";
  if (!common.quiet) {
    std::map<Severity, size_t> counts;
    for (const Finding &f : findings)
      ++counts[f.severity];
    std::cerr << "eventscope: " << counts[Severity::Error] << " error(s), " << counts[Severity::Warning]
              << " warning(s), " << counts[Severity::Info] << " info(s) in " << analysis.graph.services().size()
              << " service(s) and " << analysis.graph.channels().size() << " channel(s)";
    if (analysis.analysedUnits + analysis.failedUnits > 0)
      std::cerr << ", " << unitCounts(analysis);
    if (suppressed > 0)
      std::cerr << "; " << suppressed << " suppressed";
    if (!options.baselineFile.empty())
      std::cerr << "; " << baseline.hidden << " known finding(s) hidden by the baseline";
    std::cerr << "\n";
    printConfiguredChannels(analysis);
    printStaleBaseline(baseline, options.baselineFile);
  }

  if (options.failOn == "never")
    return kExitClean;
  Severity threshold = *parseSeverity(options.failOn);
  for (const Finding &f : findings)
    if (f.severity >= threshold)
      return kExitFindings;
  return kExitClean;
}

} // namespace

Command checkCommand() {
  return {{"check"}, "Run the rules and report findings (exit 1 on findings)", SharedOptions::Analysis,
          [](CLI::App &app) -> CommandRun {
            auto options = std::make_shared<CheckOptions>();
            app.add_option("--format", options->format, "Report format")
                ->check(CLI::IsMember(reportFormatNames()))
                ->default_val(reportFormats().front().name);
            app.add_option("--fail-on", options->failOn, "Lowest severity that makes the exit status 1")
                ->check(CLI::IsMember({"info", "warning", "error", "never"}))
                ->default_val("error");
            addOutputOption(app, options->outputFile, "the report");
            app.add_flag("--no-color", options->noColor, "No colours in the text report");
            app.add_option("--baseline", options->baselineFile,
                           "Hide the findings recorded in FILE (see `baseline write`); only new ones count");
            app.add_option("--changed-since", options->changedSince,
                           "Only findings about channels produced or consumed in files changed since this git "
                           "revision, and downstream of them");
            return [options](const CommonOptions &common) { return runCheck(common, *options); };
          }};
}

} // namespace eventscope
