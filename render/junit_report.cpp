#include "render/reports.h"

namespace eventscope {
namespace {

std::string xmlEscape(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default: out += c;
    }
  }
  return out;
}

} // namespace

// JUnit XML: one failing test case per finding, grouped in one suite, so CI systems that
// read test reports list the findings.
void writeJUnitReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"eventscope\" tests=\"" << findings.size() << "\" failures=\"" << findings.size() << "\">\n"
      << "  <testsuite name=\"eventscope\" tests=\"" << findings.size() << "\" failures=\"" << findings.size()
      << "\" errors=\"0\" skipped=\"0\">\n";
  for (const Finding &f : findings) {
    std::string where = formatLocation(f.location);
    out << "    <testcase classname=\"" << xmlEscape(f.rule) << "\" name=\"" << xmlEscape(where) << "\" file=\""
        << xmlEscape(f.location.file) << "\" line=\"" << f.location.line << "\">\n"
        << "      <failure type=\"" << severityName(f.severity) << "\" message=\"" << xmlEscape(f.message) << "\">"
        << xmlEscape(where + ": " + std::string(severityName(f.severity)) + ": " + f.message + " [" + f.rule + "]")
        << "</failure>\n"
        << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

} // namespace eventscope
