// analysis-incomplete: a code file that was analysed in part or not at all.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

std::string counted(size_t n, const char *what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const IncompleteUnit &unit : graph.incompleteUnits()) {
    std::string message;
    if (unit.failed) {
      message =
          unit.file + " was not analysed: " + unit.reason + "; what it produces or consumes is missing from the graph";
    } else {
      std::vector<std::string> counts;
      if (unit.missingHeaders > 0)
        counts.push_back(counted(unit.missingHeaders, "missing header"));
      if (unit.errors > 0)
        counts.push_back(counted(unit.errors, "error"));
      std::string detail;
      for (const std::string &count : counts)
        detail += (detail.empty() ? " (" : ", ") + count;
      message = unit.file + " was analysed in part: " + unit.reason + (detail.empty() ? "" : detail + ")") +
                (unit.stoppedAt.empty() ? ""
                                        : "; reading stopped at " + formatLocation(unit.stoppedAt) +
                                              " (too many errors), nothing after it was analysed") +
                (unit.crashed ? "; what that function produces or consumes is missing from the graph"
                              : "; calls in the code that could not be read may be missing from the graph");
    }
    Finding &f = report(unit.cause.empty() ? Location{unit.file, 0, 0, ""} : unit.cause, message, unit.service);
    // One finding per file, told apart by the file and how it failed, not by line.
    f.identity = unit.file + "\n" + (unit.failed ? "failed" : "partial");
  }
}

} // namespace

const Rule &analysisIncompleteRule() {
  static const Rule rule{
      .info =
          {
              .id = "analysis-incomplete",
              .name = "AnalysisIncomplete",
              .summary = "A code file was analysed in part (missing headers, errors) or not at all.",
              .documentation = R"(## What it does
Reports each translation unit whose facts are incomplete, at the first cause: the
`#include` of a header that was not found, the first error Clang reported, or the function
eventscope crashed in. A file that could not be analysed at all is reported too.

## Why is this bad
A call in code that was not read is neither an endpoint nor an unresolved-channel report:
it is simply missing, and every other rule then judges a smaller system than the real one.
A CI gate must not pass on an analysis that did not happen.

## Example
`#include "pluginlib/class_loader.hpp"` is not on the include path: the members and bases
that come from it are unknown, and the calls that use them may be lost.

## Options
None. Give the missing headers (`include_dirs`, `-isystem` in `compile_flags`, or `-p` with
a compile_commands.json), or lower the severity in `rules:` where a partial analysis is
accepted (a lint job without the dependencies).)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
