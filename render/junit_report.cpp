#include "render/markup.h"
#include "render/reports.h"

namespace eventscope {

// JUnit XML: one failing test case per finding, grouped in one suite, so CI systems that
// read test reports list the findings.
void writeJUnitReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"eventscope\" tests=\"" << findings.size() << "\" failures=\"" << findings.size() << "\">\n"
      << "  <testsuite name=\"eventscope\" tests=\"" << findings.size() << "\" failures=\"" << findings.size()
      << "\" errors=\"0\" skipped=\"0\">\n";
  for (const Finding &f : findings) {
    std::string where = formatLocation(f.location);
    out << "    <testcase classname=\"" << markupEscaped(f.rule) << "\" name=\"" << markupEscaped(where) << "\" file=\""
        << markupEscaped(f.location.file) << "\" line=\"" << f.location.line << "\">\n"
        << "      <failure type=\"" << severityName(f.severity) << "\" message=\"" << markupEscaped(f.message) << "\">"
        << markupEscaped(where + ": " + std::string(severityName(f.severity)) + ": " + f.message + " [" + f.rule + "]")
        << "</failure>\n"
        << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

} // namespace eventscope
