// `contract diff`: the changes between two versions of AsyncAPI documents, classified, with
// who is affected from the analysed system; exit 1 on a breaking change not --allow'ed.
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "cli/contract_diff_command.h"
#include "render/contract_diff_report.h"
#include "render/reports.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace eventscope {
namespace {

// The findings of a contract diff as rules: for SARIF's rule table and the text report.
std::vector<RuleInfo> contractDiffRules() {
  return {
      {
          .id = "contract-breaking-change",
          .name = "ContractBreakingChange",
          .summary = "A contract change that breaks the consumers or producers of a message",
          .documentation =
              "A change between two versions of an AsyncAPI document that breaks the other side: a "
              "channel, operation or message removed, or a payload change that consumers of a message the "
              "service sends cannot read (a property removed, a type widened, an enum value added) or that "
              "rejects what producers of a message it receives send (a property newly required, a type "
              "narrowed, an enum value removed, a constraint tightened). Accept one with --allow POINTER.",
          .defaultSeverity = Severity::Error,
      },
      {
          .id = "contract-unclassified-change",
          .name = "ContractUnclassifiedChange",
          .summary = "A contract change neither asyncapi/diff's table nor eventscope's payload rules can judge",
          .documentation = "Bindings, composition keywords (allOf, oneOf, anyOf) and other changes no rule judges: "
                           "read them yourself.",
          .defaultSeverity = Severity::Warning,
      },
      {
          .id = "contract-compatible-change",
          .name = "ContractCompatibleChange",
          .summary = "A contract change that breaks nobody",
          .documentation =
              "An addition, an annotation or a payload change the other side of every message can live with.",
          .defaultSeverity = Severity::Info,
      },
  };
}

struct DiffCommandOptions {
  ContractDiffOptions diff;
  bool noFail = false;
  std::string format;
  bool noColor = false;
  std::string outputFile;
};

// `contract diff`: exit 1 on a breaking change not --allow'ed, unless --no-fail.
int runContractDiff(const CommonOptions &common, const DiffCommandOptions &options) {
  ContractDiffResult result = diffContractFiles(options.diff, common);
  if (!common.quiet)
    for (const std::string &note : result.notes)
      std::cerr << "eventscope: note: " << note << "\n";
  std::ostringstream out;
  if (options.format == "json")
    writeContractDiffJson(out, result.contracts);
  else if (options.format == "markdown")
    writeContractDiffMarkdown(out, result.contracts);
  else {
    std::vector<Finding> findings = contractDiffFindings(result.contracts);
    ReportContext context;
    context.toolVersion = toolVersion();
    context.rules = contractDiffRules();
    context.color = useColor(options.noColor, options.outputFile);
    if (options.format == "sarif")
      writeSarifReport(out, findings, context);
    else
      writeTextReport(out, findings, context);
  }
  emit(out.str(), options.outputFile);
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
  return breaking > 0 && !options.noFail ? kExitFindings : kExitClean;
}

} // namespace

Command contractDiffCommand() {
  return {{"contract", "diff"}, "Classify the changes between two versions of AsyncAPI documents",
          SharedOptions::AnalysisRootOption, [](CLI::App &app) -> CommandRun {
            auto options = std::make_shared<DiffCommandOptions>();
            app.add_option("FILE", options->diff.files,
                           "OLD NEW; with --base, the contracts to compare (default: the config's)");
            app.add_option("--base", options->diff.base, "Compare each contract with its version at this git revision");
            app.add_option("--format", options->format, "Output format")
                ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}))
                ->default_val("text");
            app.add_option("--allow", options->diff.allow,
                           "Accept the breaking changes at or below this JSON pointer ('*' is any one segment)");
            app.add_flag("--no-fail", options->noFail, "Exit 0 even with breaking changes");
            app.add_flag("--no-impact", options->diff.noImpact, "Do not analyse the system for who is affected");
            app.add_flag("--no-color", options->noColor, "No ANSI colours");
            addOutputOption(app, options->outputFile, "the report");
            return [options](const CommonOptions &common) { return runContractDiff(common, *options); };
          }};
}

} // namespace eventscope
