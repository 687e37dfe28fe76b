// eventscope: the command line. Subcommands are defined here and run by cli/*.cpp.
#include "analyzer/input_error.h"
#include "analyzer/atomic_file.h"
#include "analyzer/cpp/facts_cache.h"
#include "cli/analysis.h"
#include "cli/baseline_file.h"
#include "cli/contract_diff_command.h"
#include "cli/git_changes.h"
#include "cli/suppressions.h"
#include "model/blast_radius.h"
#include "analyzer/contracts/contract_files.h"
#include "analyzer/cpp/profiles.h"
#include "analyzer/yaml_input.h"
#include "model/contracts.h"
#include "render/asyncapi_export.h"
#include "render/contract_diff_report.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include "render/diagrams.h"
#include "render/markdown_docs.h"
#include "render/reports.h"
#include "rules/registry.h"

#include <CLI/CLI.hpp>
#include <llvm/ADT/StringExtras.h>

#include <fstream>
#include <map>
#include <set>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#ifndef EVENTSCOPE_VERSION
#define EVENTSCOPE_VERSION "0.0.0"
#endif

namespace eventscope {
namespace {

constexpr int kExitClean = 0, kExitFindings = 1, kExitInputError = 2;

struct OutputOptions {
  std::string format;
  std::string scanFormat;
  std::string graphFormat;
  std::string outputFile;
  std::string failOn = "error";
  bool noColor = false;
  std::string baselineFile;  // check --baseline: hide the findings it knows
  std::string changedSince;  // check --changed-since: only the blast radius of the change
};

ReportContext reportContext(bool color) {
  ReportContext context;
  context.toolVersion = EVENTSCOPE_VERSION;
  for (const Rule *rule : allRules())
    context.rules.push_back(rule->info);
  context.color = color;
  return context;
}

// Writes `text` to -o FILE or stdout; throws InputError when the file cannot be written.
void emit(const std::string &text, const std::string &outputFile) {
  if (outputFile.empty()) {
    std::cout << text << std::flush;
    return;
  }
  writeFileAtomically(outputFile, text); // never a torn report, even if the run is killed
}

void printWarnings(const Analysis &analysis, bool quiet) {
  if (quiet)
    return;
  for (const std::string &warning : analysis.warnings)
    std::cerr << "eventscope: warning: " << warning << "\n";
}

// Analysis with its warnings printed; under --strict, any TU that failed is exit status 2.
Analysis analyzeWithWarnings(const CommonOptions &common) {
  Analysis analysis = analyzeSystem(common);
  printWarnings(analysis, common.quiet);
  if (common.strict && analysis.failedUnits > 0)
    throw InputError({}, std::to_string(analysis.failedUnits) + " translation unit(s) could not be analysed (--strict)");
  return analysis;
}

// "12 translation unit(s): 9 analysed whole, 2 in part, 1 not analysed".
std::string unitCounts(const Analysis &analysis) {
  size_t total = analysis.analysedUnits + analysis.failedUnits;
  std::string out = std::to_string(total) + " translation unit(s)";
  return out + ": " + std::to_string(analysis.analysedUnits - analysis.partialUnits) + " analysed whole, " +
         std::to_string(analysis.partialUnits) + " in part, " + std::to_string(analysis.failedUnits) +
         " not analysed";
}

bool useColor(const OutputOptions &output) {
  return !output.noColor && output.outputFile.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
}

// The findings of the whole system after inline and contract suppressions.
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

int runCheck(const CommonOptions &common, const OutputOptions &output) {
  Analysis analysis = analyzeWithWarnings(common);
  size_t suppressed = 0;
  std::vector<Finding> findings = currentFindings(analysis, suppressed);

  if (!output.changedSince.empty()) {
    BlastRadius radius = blastRadius(analysis.graph, filesChangedSince(analysis.layout.root, output.changedSince));
    keepFindingsInBlastRadius(findings, radius);
    if (!common.quiet)
      std::cerr << "eventscope: changed since " << output.changedSince << ": " << radius.changedFiles.size()
                << " file(s); channels produced or consumed there: " << joined(radius.touchedChannels)
                << "; downstream services: " << joined(radius.downstreamServices) << "\n";
  }
  BaselineOutcome baseline;
  if (!output.baselineFile.empty())
    baseline = applyBaseline(findings, readBaselineFile(output.baselineFile));

  std::ostringstream report;
  ReportContext context = reportContext(useColor(output));
  if (output.format == "json")
    writeJsonReport(report, findings, context);
  else if (output.format == "sarif")
    writeSarifReport(report, findings, context);
  else if (output.format == "codeclimate")
    writeCodeClimateReport(report, findings, context);
  else if (output.format == "junit")
    writeJUnitReport(report, findings, context);
  else
    writeTextReport(report, findings, context);
  emit(report.str(), output.outputFile);

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
    if (!output.baselineFile.empty())
      std::cerr << "; " << baseline.hidden << " known finding(s) hidden by the baseline";
    std::cerr << "\n";
    // Channels the code names through configuration: right only where it runs with these values.
    std::map<ChannelValue, std::set<std::string>> byValue;
    for (const Endpoint &e : analysis.graph.endpoints())
      if (e.origin == Origin::Code && e.value != ChannelValue::Constant)
        byValue[e.value].insert(e.channel);
    if (!byValue[ChannelValue::Default].empty() || !byValue[ChannelValue::Configured].empty() ||
        !byValue[ChannelValue::Pattern].empty())
      std::cerr << "eventscope: channel names from configuration and run time: " << byValue[ChannelValue::Default].size()
                << " rest on defaults in the code (set them in `parameters:`), " << byValue[ChannelValue::Configured].size()
                << " on `parameters:`, " << byValue[ChannelValue::Pattern].size() << " are patterns\n";
    if (!baseline.stale.empty()) {
      std::cerr << "eventscope: " << baseline.stale.size() << " baseline entr" << (baseline.stale.size() == 1 ? "y" : "ies")
                << " no longer found; remove them from " << output.baselineFile
                << " (or rewrite it with `eventscope baseline write`):\n";
      for (const BaselineEntry &entry : baseline.stale) {
        std::cerr << "  " << entry.fingerprint << " [" << entry.rule << "] " << entry.message;
        if (entry.count > 1)
          std::cerr << " (" << entry.count << " of them)";
        std::cerr << "\n";
      }
    }
  }

  if (output.failOn == "never")
    return kExitClean;
  Severity threshold = *parseSeverity(output.failOn);
  for (const Finding &f : findings)
    if (f.severity >= threshold)
      return kExitFindings;
  return kExitClean;
}

// `baseline write FILE`: today's findings become the known ones.
int runBaselineWrite(const CommonOptions &common, const std::string &file) {
  Analysis analysis = analyzeWithWarnings(common);
  size_t suppressed = 0;
  std::vector<Finding> findings = currentFindings(analysis, suppressed);
  std::vector<BaselineEntry> entries = makeBaseline(findings);
  emit(baselineFileText(entries), file);
  if (!common.quiet)
    std::cerr << "eventscope: wrote " << file << ": " << findings.size() << " finding(s) under " << entries.size()
              << " fingerprint(s)\n";
  return kExitClean;
}

int runScan(const CommonOptions &common, const OutputOptions &output) {
  Analysis analysis = analyzeWithWarnings(common);
  std::ostringstream out;
  writeScanJson(out, analysis.graph);
  emit(out.str(), output.outputFile);
  return kExitClean;
}

struct GraphOptions {
  std::string view = "services";
  std::string focus;
  int depth = -1;
  std::vector<std::string> collapse;
};

int runGraph(const CommonOptions &common, const OutputOptions &output, const GraphOptions &graphOptions) {
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
  Diagram diagram;
  try {
    diagram = buildDiagram(analysis.graph, options);
  } catch (const std::invalid_argument &e) {
    throw InputError({}, e.what());
  }
  std::ostringstream text;
  if (output.graphFormat == "mermaid") {
    writeMermaid(text, diagram);
    emit(text.str(), output.outputFile);
    return kExitClean;
  }
  writeDot(text, diagram);
  if (output.graphFormat == "dot") {
    emit(text.str(), output.outputFile);
    return kExitClean;
  }
  if (output.outputFile.empty() && output.graphFormat == "png" && isatty(STDOUT_FILENO))
    throw InputError({}, "refusing to write PNG to a terminal; use -o FILE");
  std::string rendered, error;
  if (!renderGraphviz(text.str(), output.graphFormat, rendered, error))
    throw InputError({}, error);
  emit(rendered, output.outputFile);
  return kExitClean;
}

// A page of an earlier catalog, through the reader every input goes through (its size limit
// and its errors); compared byte for byte, so not required to be UTF-8.
std::string readWholeFile(const std::string &path, bool &exists) {
  exists = llvm::sys::fs::exists(path);
  return exists ? readInputFile(path, path, kMaxInputFileBytes, /*utf8=*/false) : std::string();
}

// `docs -o DIR`: the Markdown catalog; with --check, only says which pages differ.
int runDocs(const CommonOptions &common, const std::string &directory, bool check) {
  if (directory.empty())
    throw InputError({}, "docs needs -o DIR, the catalog's directory");
  Analysis analysis = analyzeWithWarnings(common);
  size_t suppressed = 0;
  std::vector<Finding> findings = currentFindings(analysis, suppressed);
  sortFindings(findings);

  DiagramOptions diagramOptions;
  diagramOptions.findings = findings;
  Diagram diagram = buildDiagram(analysis.graph, diagramOptions);
  std::ostringstream mermaid, dot;
  writeMermaid(mermaid, diagram);
  writeDot(dot, diagram);
  std::string svg, error;
  if (!renderGraphviz(dot.str(), "svg", svg, error))
    throw InputError({}, error);

  DocsOptions options;
  options.rootFromPages = relativeDirectory(directory + "/services", analysis.layout.root);
  options.mermaid = mermaid.str();
  options.hasSvg = true;
  std::map<std::string, std::string> pages = renderMarkdownDocs(analysis.graph, findings, options);
  pages["system.svg"] = svg;

  // Pages of an earlier run that the system no longer has.
  std::set<std::string> stale;
  for (const char *sub : {"services", "channels"}) {
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(directory + "/" + sub, ec), end; it != end && !ec; it.increment(ec))
      if (llvm::StringRef(it->path()).ends_with(".md")) {
        std::string page = std::string(sub) + "/" + llvm::sys::path::filename(it->path()).str();
        if (!pages.count(page))
          stale.insert(page);
      }
  }
  if (check) {
    std::vector<std::string> differing;
    for (const auto &[page, text] : pages) {
      bool exists = false;
      std::string current = readWholeFile(directory + "/" + page, exists);
      if (!exists)
        differing.push_back(page + " (missing)");
      else if (current != text)
        differing.push_back(page + " (changed)");
    }
    for (const std::string &page : stale)
      differing.push_back(page + " (no longer in the system)");
    if (differing.empty()) {
      if (!common.quiet)
        std::cerr << "eventscope: " << directory << " is up to date (" << pages.size() << " pages)\n";
      return kExitClean;
    }
    std::cerr << "eventscope: " << directory << " differs from what the code and contracts say now; "
              << differing.size() << " page(s):\n";
    for (const std::string &page : differing)
      std::cerr << "  " << page << "\n";
    std::cerr << "regenerate with `eventscope docs -o " << directory << "`\n";
    return kExitFindings;
  }
  for (const auto &[page, text] : pages) {
    std::string path = directory + "/" + page;
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
    emit(text, path);
  }
  for (const std::string &page : stale)
    llvm::sys::fs::remove(directory + "/" + page);
  if (!common.quiet)
    std::cerr << "eventscope: wrote " << pages.size() << " page(s) to " << directory << "\n";
  return kExitClean;
}

// `contract show FILE...`: what eventscope reads from each AsyncAPI document.
int runContractShow(const std::vector<std::string> &files) {
  EventGraph graph;
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  for (const std::string &file : files)
    loadContractFile(file, file, std::string(cwd), /*strictKind=*/true, graph);
  graph.finalize();
  std::ostringstream out;
  writeContractsJson(out, graph.contracts());
  std::cout << out.str();
  return kExitClean;
}

std::string describeChannel(const ChannelSpec &spec) {
  switch (spec.kind) {
  case ChannelSpec::Kind::Arg:
    return "argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::TemplateArg:
    return "template argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::TypeOfArg:
    return "the type of argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::HandleArg:
    return "the handle in argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::Object:
    return "the object it is called on";
  case ChannelSpec::Kind::AfterTag:
  {
    std::string tags;
    for (const std::string &tag : spec.tags)
      tags += (tags.empty() ? "" : " or ") + tag;
    return "the argument after " + tags;
  }
  case ChannelSpec::Kind::RedisCommand:
    return "the " + spec.word + " command in argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::RedisArgv:
    return "the " + spec.word + " command in the words of argument " + std::to_string(spec.index);
  }
  return "";
}

// `profiles`: the built-in API profiles and what each matches.
struct ExportOptions {
  std::string service;
  std::string format = "yaml";
};

// `export asyncapi --service NAME`: a 3.0 document from the code, merged with the contract.
int runExportAsyncApi(const CommonOptions &common, const OutputOptions &output, const ExportOptions &options) {
  Analysis analysis = analyzeWithWarnings(common);
  std::string text;
  try {
    text = exportAsyncApi(analysis.graph, options.service,
                          options.format == "json" ? ExportFormat::Json : ExportFormat::Yaml);
  } catch (const std::invalid_argument &e) {
    throw InputError({}, e.what());
  }
  emit(text, output.outputFile);
  return kExitClean;
}

// `contract diff`: exit 1 on a breaking change not --allow'ed, unless --no-fail.
int runContractDiff(const CommonOptions &common, const OutputOptions &output, const ContractDiffOptions &options,
                    bool noFail) {
  ContractDiffResult result = diffContractFiles(options, common);
  if (!common.quiet)
    for (const std::string &note : result.notes)
      std::cerr << "eventscope: note: " << note << "\n";
  std::ostringstream out;
  if (output.format == "json")
    writeContractDiffJson(out, result.contracts);
  else if (output.format == "markdown")
    writeContractDiffMarkdown(out, result.contracts);
  else {
    std::vector<Finding> findings = contractDiffFindings(result.contracts);
    ReportContext context;
    context.toolVersion = EVENTSCOPE_VERSION;
    context.rules = contractDiffRules();
    context.color = useColor(output);
    if (output.format == "sarif")
      writeSarifReport(out, findings, context);
    else
      writeTextReport(out, findings, context);
  }
  emit(out.str(), output.outputFile);
  size_t breaking = 0, allowed = 0, total = 0;
  for (const DiffedContract &contract : result.contracts)
    for (const ContractChange &change : contract.changes) {
      ++total;
      if (change.verdict == Verdict::Breaking)
        ++(change.allowed ? allowed : breaking);
    }
  if (!common.quiet)
    std::cerr << "eventscope: " << breaking << " breaking change(s)" << (allowed ? " (and " + std::to_string(allowed) + " allowed)" : "")
              << " in " << total << " change(s) to " << result.contracts.size() << " contract(s)\n";
  return breaking > 0 && !noFail ? kExitFindings : kExitClean;
}

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

// `merge FACTS... -o MERGED`: the reduce step; the parts must come from one configuration.
int runMerge(const std::vector<std::string> &inputs, const std::string &output, bool quiet) {
  FactsFile merged;
  std::map<std::string, std::string> origin; // unit file -> FACTS file
  for (const std::string &input : inputs) {
    FactsFile part = readFactsFile(readInputFile(input, input, kMaxFactsFileBytes), input);
    if (!merged.apiFingerprint.empty() && part.apiFingerprint != merged.apiFingerprint)
      throw InputError({input, 0, 0, ""}, "extracted with another API configuration than " + inputs.front());
    merged.apiFingerprint = part.apiFingerprint;
    for (TuFacts &unit : part.units) {
      auto [it, inserted] = origin.emplace(unit.file, input);
      if (!inserted)
        throw InputError({input, 0, 0, ""}, unit.file + " is already in " + it->second);
      merged.units.push_back(std::move(unit));
    }
  }
  std::sort(merged.units.begin(), merged.units.end(), [](const TuFacts &a, const TuFacts &b) { return a.file < b.file; });
  emit(writeFactsFile(merged), output);
  if (!quiet)
    std::cerr << "eventscope: " << merged.units.size() << " translation unit(s) from " << inputs.size()
              << " FACTS file(s) written to " << output << "\n";
  return kExitClean;
}

int runProfilesCommand() {
  for (const Profile &profile : builtinProfiles()) {
    std::cout << profile.name << ": " << profile.description
              << (profile.onByDefault ? "" : " (off unless `enabled_profiles: [" + profile.name + "]`)") << "\n";
    for (const ApiDescription &api : profile.apis) {
      const char *role = api.role == ApiRole::Produce   ? "produce"
                         : api.role == ApiRole::Consume ? "consume"
                         : api.role == ApiRole::Handle  ? "handle"
                                                        : "reply";
      if (api.role == ApiRole::ReplyAddress) {
        std::cout << "  " << role << "  " << api.function << "  (a reply address: sending to it or subscribing to it answers a request, no endpoint)\n";
        continue;
      }
      if (api.role == ApiRole::Setting) {
        std::cout << "  setting  " << api.function << "  name: argument " << *api.settingName;
        if (api.settingDefault)
          std::cout << ", default: argument " << *api.settingDefault;
        if (api.settingOut)
          std::cout << ", writes argument " << *api.settingOut;
        std::cout << "\n";
        continue;
      }
      std::cout << "  " << role << "  " << api.function << "  channel: " << describeChannel(api.channel);
      if (api.handler.kind == HandlerSpec::Kind::Arg)
        std::cout << ", handler: argument " << api.handler.index;
      else if (api.handler.kind == HandlerSpec::Kind::EnclosingFunction)
        std::cout << ", handler: the enclosing function (poll loop)";
      else if (api.handler.kind == HandlerSpec::Kind::Callbacks)
        std::cout << ", handler: the service's message callbacks";
      if (api.matchPrefix)
        std::cout << ", matches by prefix";
      if (api.whenArg)
        std::cout << "; only when argument " << *api.whenArg << " is " << llvm::join(api.whenIs, " or ");
      if (api.argsAtLeast)
        std::cout << "; only calls with at least " << *api.argsAtLeast << " arguments";
      if (api.argsAtMost)
        std::cout << "; only calls with at most " << *api.argsAtMost << " arguments";
      if (!api.madeWith.empty())
        std::cout << "; only on " << (api.madeWithObject ? "an object" : "a handle in argument " + std::to_string(*api.madeWithArg))
                  << " made by " << llvm::join(api.madeBy, " or ") << " with " << llvm::join(api.madeWith, " or ")
                  << " (or made where it is not seen)";
      if (api.messageTypeArg)
        std::cout << "; message type: template argument " << *api.messageTypeArg;
      if (api.qosArg)
        std::cout << "; QoS: argument " << *api.qosArg;
      std::cout << "\n";
    }
  }
  std::cout << "\nSwitch a profile off with `disabled_profiles: [name]` in eventscope.yaml, one that is off by default on "
               "with `enabled_profiles: [name]`.\n";
  return kExitClean;
}

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
  std::cout << "# " << rule->info.id << "\n\n"
            << rule->info.summary << "\n\nDefault severity: " << severityName(rule->info.defaultSeverity) << "\n\n"
            << rule->info.documentation << "\n";
  // Which findings stand in for which: declared by the replacing rule, shown on both sides.
  std::string replaces, replacedBy;
  for (const RuleReplacement &r : rule->info.replaces)
    replaces += "- " + r.rule + ": " + r.when + "\n";
  for (const Rule *other : allRules())
    for (const RuleReplacement &r : other->info.replaces)
      if (r.rule == rule->info.id)
        replacedBy += "- " + other->info.id + ": " + r.when + "\n";
  if (!replaces.empty())
    std::cout << "\n## Replaces\nOn the same channels, a finding of this rule stands in for one of:\n"
              << replaces;
  if (!replacedBy.empty())
    std::cout << "\n## Replaced by\nOn the same channels, this rule's finding gives way to one of (only when that "
                 "rule is on and reports it):\n"
              << replacedBy;
  return kExitClean;
}

void addCommonOptions(CLI::App &command, CommonOptions &common) {
  command.add_option("DIR", common.root, "Root of the system to analyse (default: the working directory)");
  command.add_option("--config", common.configFile, "Config file (default: eventscope.yaml in DIR or above)");
  command.add_option("-p,--build-dir", common.buildDir, "Build directory holding compile_commands.json");
  command.add_option("-j,--jobs", common.jobs, "Translation units parsed in parallel (default: all cores)");
  command.add_flag("--strict", common.strict, "Exit 2 when any input could not be analysed");
  command.add_flag("-q,--quiet", common.quiet, "No progress, warnings or summary on stderr; errors only");
  command.add_option("--cache-dir", common.cacheDir, "Where parsed facts are kept between runs (default: DIR/.eventscope-cache)");
  command.add_flag("--no-cache", common.noCache, "Parse every file; read and write no cache");
  command.add_flag("--follow-symlinks", common.followSymlinks,
                   "Follow symbolic links that lead out of DIR (links inside it are always followed)");
  command.add_option("--facts", common.factsFiles,
                     "Use these FACTS files (of `extract` or `merge`) instead of parsing the code");
}

} // namespace

int main(int argc, char **argv) {
  installInterruptHandler();
  CLI::App app{"eventscope: the coupling of event-driven systems, from C++ code and event contracts"};
  // The facts stamp tells which extractor wrote a cache or a FACTS file (cmake/FactsStamp.cmake).
  app.set_version_flag("--version", std::string("eventscope ") + EVENTSCOPE_VERSION + "\nfacts stamp " +
                                        std::string(factsExtractorStamp()).substr(0, 16));
  app.require_subcommand(1);

  CommonOptions common;
  OutputOptions output;

  CLI::App *check = app.add_subcommand("check", "Run the rules and report findings (exit 1 on findings)");
  addCommonOptions(*check, common);
  check->add_option("--format", output.format, "Report format")
      ->check(CLI::IsMember({"text", "json", "sarif", "codeclimate", "junit"}))
      ->default_val("text");
  check->add_option("--fail-on", output.failOn, "Lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"info", "warning", "error", "never"}))
      ->default_val("error");
  check->add_option("-o,--output", output.outputFile, "Write the report to FILE instead of stdout");
  check->add_flag("--no-color", output.noColor, "No colours in the text report");
  check->add_option("--baseline", output.baselineFile,
                    "Hide the findings recorded in FILE (see `baseline write`); only new ones count");
  check->add_option("--changed-since", output.changedSince,
                    "Only findings about channels produced or consumed in files changed since this git revision, "
                    "and downstream of them");

  std::string baselineOutput;
  CLI::App *baseline = app.add_subcommand("baseline", "Record today's findings, so that check fails on new ones only");
  baseline->require_subcommand(1);
  CLI::App *baselineWrite = baseline->add_subcommand("write", "Write the baseline file");
  baselineWrite->add_option("FILE", baselineOutput, "The baseline file to write (JSON)")->required();
  addCommonOptions(*baselineWrite, common);

  CLI::App *scan = app.add_subcommand("scan", "Print the event graph itself");
  addCommonOptions(*scan, common);
  scan->add_option("--format", output.scanFormat, "Output format")->check(CLI::IsMember({"json"}))->default_val("json");
  scan->add_option("-o,--output", output.outputFile, "Write the graph to FILE instead of stdout");

  GraphOptions graphOptions;
  CLI::App *graph = app.add_subcommand("graph", "Draw the event graph (Graphviz DOT, SVG, PNG, or Mermaid)");
  addCommonOptions(*graph, common);
  graph->add_option("--format", output.graphFormat, "Diagram format")
      ->check(CLI::IsMember({"dot", "svg", "png", "mermaid"}))
      ->default_val("svg");
  graph->add_option("--view", graphOptions.view,
                    "services: service to service; channels: channels between services drawn as clusters of "
                    "their handlers and producing functions; full: channels plus source locations and "
                    "unresolved calls")
      ->check(CLI::IsMember({"services", "channels", "full"}))
      ->default_val("services");
  graph->add_option("--focus", graphOptions.focus, "Only this service or channel and its neighbourhood");
  graph->add_option("--depth", graphOptions.depth, "With --focus: hops up and downstream (default: all)")
      ->check(CLI::NonNegativeNumber);
  graph->add_option("--collapse", graphOptions.collapse,
                    "Draw the channels matching PATTERN (a trailing * is any rest: 'orders.*') as one node");
  graph->add_option("-o,--output", output.outputFile, "Write the diagram to FILE instead of stdout");

  std::string docsDirectory;
  bool docsCheck = false;
  CLI::App *docs = app.add_subcommand("docs", "Write a Markdown catalog of services and channels (or check it)");
  addCommonOptions(*docs, common);
  docs->add_option("-o,--output", docsDirectory, "The catalog's directory")->required();
  docs->add_flag("--check", docsCheck, "Write nothing; exit 1 and name the pages when DIR differs from now");

  std::vector<std::string> contractFiles;
  CLI::App *contract = app.add_subcommand("contract", "Work with event contracts (AsyncAPI)");
  contract->require_subcommand(1);
  CLI::App *contractShow = contract->add_subcommand("show", "Print what eventscope reads from AsyncAPI documents (JSON)");
  contractShow->add_option("FILE", contractFiles, "AsyncAPI documents (YAML or JSON)")->required();
  ContractDiffOptions diffOptions;
  bool diffNoFail = false;
  CLI::App *contractDiff =
      contract->add_subcommand("diff", "Classify the changes between two versions of AsyncAPI documents");
  contractDiff->add_option("FILE", diffOptions.files, "OLD NEW; with --base, the contracts to compare (default: the config's)");
  contractDiff->add_option("--base", diffOptions.base, "Compare each contract with its version at this git revision");
  contractDiff->add_option("--root", common.root, "Root of the system, for who is affected (default: the working directory)");
  contractDiff->add_option("--config", common.configFile, "Config file (default: eventscope.yaml in the root or above)");
  contractDiff->add_option("-p,--build-dir", common.buildDir, "Build directory holding compile_commands.json");
  contractDiff->add_option("-j,--jobs", common.jobs, "Translation units parsed in parallel (default: all cores)");
  contractDiff->add_flag("-q,--quiet", common.quiet, "No notes or summary on stderr; errors only");
  contractDiff->add_option("--format", output.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}))
      ->default_val("text");
  contractDiff->add_option("--allow", diffOptions.allow,
                           "Accept the breaking changes at or below this JSON pointer ('*' is any one segment)");
  contractDiff->add_flag("--no-fail", diffNoFail, "Exit 0 even with breaking changes");
  contractDiff->add_flag("--no-impact", diffOptions.noImpact, "Do not analyse the system for who is affected");
  contractDiff->add_flag("--no-color", output.noColor, "No ANSI colours");
  contractDiff->add_option("-o,--output", output.outputFile, "Write the report to FILE instead of stdout");

  ExportOptions exportOptions;
  CLI::App *exportCommand = app.add_subcommand("export", "Write what the code says as a contract");
  exportCommand->require_subcommand(1);
  CLI::App *exportAsyncApiCommand =
      exportCommand->add_subcommand("asyncapi", "An AsyncAPI 3.0 document for one service, from its code and contracts");
  addCommonOptions(*exportAsyncApiCommand, common);
  exportAsyncApiCommand->add_option("--service", exportOptions.service, "The service")->required();
  exportAsyncApiCommand->add_option("--format", exportOptions.format, "yaml or json")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->default_val("yaml");
  exportAsyncApiCommand->add_option("-o,--output", output.outputFile, "Write the document to FILE instead of stdout");

  std::vector<std::string> extractFiles;
  std::string factsOutput;
  CLI::App *extract = app.add_subcommand("extract", "Parse code files and write their facts (the map step of a sharded run)");
  extract->add_option("FILE", extractFiles, "Code files (default: every file the config's sources name)");
  extract->add_option("--root", common.root, "Root of the system (default: the working directory)");
  extract->add_option("--config", common.configFile, "Config file (default: eventscope.yaml in the root or above)");
  extract->add_option("-p,--build-dir", common.buildDir, "Build directory holding compile_commands.json");
  extract->add_option("-j,--jobs", common.jobs, "Translation units parsed in parallel (default: all cores)");
  extract->add_flag("--strict", common.strict, "Exit 2 when any file could not be analysed");
  extract->add_flag("-q,--quiet", common.quiet, "Errors only on stderr");
  extract->add_option("--cache-dir", common.cacheDir, "Where parsed facts are kept between runs");
  extract->add_flag("--no-cache", common.noCache, "Parse every file; read and write no cache");
  extract->add_flag("--follow-symlinks", common.followSymlinks, "Follow symbolic links that lead out of the root");
  extract->add_option("-o,--output", factsOutput, "The FACTS file to write")->required();

  std::vector<std::string> mergeInputs;
  CLI::App *merge = app.add_subcommand("merge", "Join FACTS files into one, for check, scan, graph and docs --facts");
  merge->add_option("FACTS", mergeInputs, "FACTS files written by `extract`")->required();
  merge->add_option("-o,--output", factsOutput, "The merged FACTS file")->required();
  merge->add_flag("-q,--quiet", common.quiet, "Errors only on stderr");

  CLI::App *profiles = app.add_subcommand("profiles", "List the built-in messaging API profiles and what they match");

  std::string ruleId;
  CLI::App *rules = app.add_subcommand("rules", "List the rules, or show one rule's documentation");
  rules->add_option("ID", ruleId, "A rule id");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    int status = app.exit(e);
    return status == 0 ? kExitClean : kExitInputError;
  }

  try {
    if (common.jobs == 0)
      common.jobs = std::max(1u, std::thread::hardware_concurrency());
    if (check->parsed())
      return runCheck(common, output);
    if (scan->parsed())
      return runScan(common, output);
    if (docs->parsed())
      return runDocs(common, docsDirectory, docsCheck);
    if (baselineWrite->parsed())
      return runBaselineWrite(common, baselineOutput);
    if (graph->parsed())
      return runGraph(common, output, graphOptions);
    if (contractShow->parsed())
      return runContractShow(contractFiles);
    if (extract->parsed())
      return runExtract(common, extractFiles, factsOutput);
    if (merge->parsed())
      return runMerge(mergeInputs, factsOutput, common.quiet);
    if (contractDiff->parsed())
      return runContractDiff(common, output, diffOptions, diffNoFail);
    if (exportAsyncApiCommand->parsed())
      return runExportAsyncApi(common, output, exportOptions);
    if (profiles->parsed())
      return runProfilesCommand();
    return runRulesCommand(ruleId);
  } catch (const InputError &e) {
    std::cerr << "eventscope: error: " << e.what() << "\n";
    return kExitInputError;
  } catch (const GraphLimitError &e) {
    std::cerr << "eventscope: error: " << e.what() << "\n";
    return kExitInputError;
  } catch (const std::exception &e) {
    std::cerr << "eventscope: internal error: " << e.what() << "\n";
    return kExitInputError;
  }
}

} // namespace eventscope

int main(int argc, char **argv) { return eventscope::main(argc, argv); }
