#include "render/reports.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <map>

namespace eventscope {

// GitLab's code quality report: a JSON array of issues, each with a unique fingerprint.
void writeCodeClimateReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &) {
  using Json = nlohmann::ordered_json;
  Json issues = Json::array();
  std::map<std::string, int> seen;
  for (const Finding &f : findings) {
    std::string fingerprint = f.fingerprint();
    if (int n = ++seen[fingerprint]; n > 1) // same rule, service and channels twice: still unique
      fingerprint += "-" + std::to_string(n);
    Json issue;
    issue["description"] = f.message;
    issue["check_name"] = f.rule;
    issue["fingerprint"] = fingerprint;
    issue["severity"] = f.severity == Severity::Error ? "critical" : f.severity == Severity::Warning ? "major" : "info";
    issue["location"] = {{"path", f.location.file}, {"lines", {{"begin", f.location.line == 0 ? 1 : f.location.line}}}};
    issues.push_back(std::move(issue));
  }
  out << jsonText(issues, 2) << "\n";
}

} // namespace eventscope
