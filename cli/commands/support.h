// What several commands share: writing output, the analysis with its warnings, the findings
// after suppressions, the counts of translation units.
#pragma once

#include "cli/analysis.h"
#include "model/finding.h"
#include "render/diagrams.h"
#include "render/reports.h"

#include <set>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace eventscope {

// eventscope's version, for reports and --version.
const char *toolVersion();

// The report context of `check` and its kin: every rule's metadata, colours or not.
ReportContext reportContext(bool color);

// Writes `text` to `outputFile` (atomically: never a torn file) or to stdout when empty;
// throws InputError when the file cannot be written.
void emit(const std::string &text, const std::string &outputFile);

// Analysis with its warnings printed; under --strict, any TU that failed is exit status 2.
Analysis analyzeWithWarnings(const CommonOptions &common);

// "12 translation unit(s): 9 analysed whole, 2 in part, 1 not analysed".
std::string unitCounts(const Analysis &analysis);

// Colours on stdout: a terminal, no -o, no --no-color, no NO_COLOR.
bool useColor(bool noColor, const std::string &outputFile);

// The findings of the whole system after inline, contract and path suppressions;
// `suppressed` gets how many were dropped.
std::vector<Finding> currentFindings(const Analysis &analysis, size_t &suppressed);

// "a, b, c", or "none".
std::string joined(const std::set<std::string> &items);

// The explorer's settings from the config and the command line: services by group
// (`groups:`; an entry naming no service is a warning, with the closest name), the links to
// code (`--source-url` over `source_url:`), and the root as seen from `pageDirectory`, the
// directory the page is written to.
void explorerSettings(const Analysis &analysis, const std::string &sourceUrlFlag, const std::string &pageDirectory,
                      bool quiet, DiagramOptions &options);

// `--source-url TEMPLATE`, on the commands that write the explorer.
void addSourceUrlOption(CLI::App &app, std::string &sourceUrl);

// `-o,--output FILE`, the same words on every command that writes one file.
void addOutputOption(CLI::App &app, std::string &file, const std::string &what);

} // namespace eventscope
