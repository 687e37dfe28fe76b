#include "cli/commands/support.h"
#include "model/observed.h"

#include "analyzer/atomic_file.h"
#include "model/input_error.h"
#include "cli/suppressions.h"
#include "rules/registry.h"

#include "analyzer/paths.h"
#include "model/text_distance.h"

#include <CLI/CLI.hpp>
#include <llvm/Support/GlobPattern.h>

#include <algorithm>
#include <iostream>
#include <set>
#include <unistd.h>

#ifndef EVENTSCOPE_VERSION
#define EVENTSCOPE_VERSION "0.0.0"
#endif

namespace eventscope {

const char *toolVersion() { return EVENTSCOPE_VERSION; }

ReportContext reportContext(bool color) {
  ReportContext context;
  context.toolVersion = toolVersion();
  for (const Rule *rule : allRules())
    context.rules.push_back(rule->info);
  context.color = color;
  return context;
}

void emit(const std::string &text, const std::string &outputFile) {
  if (outputFile.empty()) {
    std::cout << text << std::flush;
    return;
  }
  writeFileAtomically(outputFile, text); // never a torn report, even if the run is killed
}

Analysis analyzeWithWarnings(const CommonOptions &common) {
  Analysis analysis = analyzeSystem(common);
  if (!common.quiet)
    for (const std::string &warning : analysis.warnings)
      std::cerr << "eventscope: warning: " << warning << "\n";
  if (const ObservedGraph *observed = analysis.graph.observed(); observed && !common.quiet) {
    uint64_t without = 0, temporary = 0, noDestination = 0;
    for (const TraceFileSummary &file : observed->files) {
      without += file.withoutMessaging;
      temporary += file.temporary;
      noDestination += file.withoutDestination;
    }
    std::cerr << "eventscope: traces: " << observed->files.size() << " file(s), " << observed->spans << " span(s): "
              << observed->messagingSpans << " messaging span(s) read; skipped: " << without
              << " without messaging attributes, " << noDestination << " naming no destination, " << temporary
              << " on temporary destinations; " << observed->endpoints.size() << " observed endpoint(s), "
              << observed->triggers.size() << " trigger(s) in " << observed->services().size() << " service(s)\n";
  }
  if (common.strict && analysis.failedUnits > 0)
    throw InputError({}, std::to_string(analysis.failedUnits) + " translation unit(s) could not be analysed (--strict)");
  return analysis;
}

std::string unitCounts(const Analysis &analysis) {
  size_t total = analysis.analysedUnits + analysis.failedUnits;
  std::string out = std::to_string(total) + " translation unit(s)";
  return out + ": " + std::to_string(analysis.analysedUnits - analysis.partialUnits) + " analysed whole, " +
         std::to_string(analysis.partialUnits) + " in part, " + std::to_string(analysis.failedUnits) +
         " not analysed";
}

bool useColor(bool noColor, const std::string &outputFile) {
  return !noColor && outputFile.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
}

std::vector<Finding> currentFindings(const Analysis &analysis, size_t &suppressed) {
  std::vector<Finding> findings = runRules(analysis.graph, analysis.ruleSettings);
  suppressed = applyInlineSuppressions(findings, analysis.layout.root) +
               applyContractIgnores(findings, analysis.graph.contracts()) +
               applyPathExcludes(findings, analysis.layout, analysis.config);
  return findings;
}

std::string joined(const std::set<std::string> &items) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "none" : out;
}

void addOutputOption(CLI::App &app, std::string &file, const std::string &what) {
  app.add_option("-o,--output", file, "Write " + what + " to FILE instead of stdout");
}

void explorerSettings(const Analysis &analysis, const std::string &sourceUrlFlag, const std::string &pageDirectory,
                      bool quiet, DiagramOptions &options) {
  options.sourceUrl = sourceUrlFlag.empty() ? analysis.config.sourceUrl : sourceUrlFlag;
  if (!options.sourceUrl.empty() && options.sourceUrl.find("{path}") == std::string::npos)
    throw InputError({}, "--source-url must contain {path} (and may contain {line}), such as "
                         "https://github.com/org/repo/blob/main/{path}#L{line}");
  options.rootFromPage = relativeDirectory(pageDirectory, analysis.layout.root);
  std::vector<std::string> services;
  for (const auto &[name, service] : analysis.graph.services())
    services.push_back(name);
  // A service the config names that has no endpoint is not in the graph, but no typo either.
  std::set<std::string> configured;
  for (const ServicePaths &service : analysis.config.services)
    configured.insert(service.name);
  for (const ServiceGroup &group : analysis.config.groups)
    for (size_t i = 0; i < group.services.size(); ++i) {
      const std::string &entry = group.services[i];
      auto glob = llvm::GlobPattern::create(entry);
      if (!glob) {
        llvm::consumeError(glob.takeError());
        throw InputError(group.serviceAt[i], "group " + group.name + ": '" + entry + "' is not a valid glob");
      }
      size_t matched = 0;
      for (const std::string &service : services)
        if (glob->match(service)) {
          ++matched;
          options.serviceGroups.emplace(service, group.name); // the first group naming it wins
        }
      bool configuredOnly = std::any_of(configured.begin(), configured.end(),
                                        [&](const std::string &name) { return glob->match(name); });
      if (matched == 0 && configuredOnly && !quiet)
        std::cerr << "eventscope: warning: " << formatLocation(group.serviceAt[i]) << ": group " << group.name << ": '"
                  << entry << "' names only services with no endpoint in the graph\n";
      else if (matched == 0 && !quiet) {
        auto suggestion = closestMatch(entry, services);
        std::cerr << "eventscope: warning: " << formatLocation(group.serviceAt[i]) << ": group " << group.name << ": '"
                  << entry << "' names no service" << (suggestion ? "; did you mean '" + *suggestion + "'?" : "")
                  << "\n";
      }
    }
}

void addSourceUrlOption(CLI::App &app, std::string &sourceUrl) {
  app.add_option("--source-url", sourceUrl,
                 "Link code in the explorer through this URL: {path} (relative to the root) and {line}, e.g. "
                 "https://github.com/org/repo/blob/main/{path}#L{line} (default: source_url in eventscope.yaml, "
                 "else paths relative to the page)");
}

} // namespace eventscope
