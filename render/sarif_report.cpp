#include "render/reports.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <map>

namespace eventscope {
namespace {

using Json = nlohmann::ordered_json;

const char *sarifLevel(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "note";
  case Severity::Off:
    return "none";
  }
  return "none";
}

// Paths are relative to the root already; SARIF wants them as relative URI references.
std::string uriOf(const std::string &path) {
  static const char *hex = "0123456789ABCDEF";
  std::string uri;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
      uri += static_cast<char>(c);
    else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

Json physicalLocation(const Location &location) {
  Json physical;
  physical["artifactLocation"] = {{"uri", uriOf(location.file)}, {"uriBaseId", "%SRCROOT%"}};
  if (location.line > 0) {
    Json region;
    region["startLine"] = location.line;
    if (location.column > 0)
      region["startColumn"] = location.column;
    physical["region"] = std::move(region);
  }
  return physical;
}

// SARIF messages read as sentences.
std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!')
    text += '.';
  return text;
}

} // namespace

void writeSarifReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context) {
  Json rules = Json::array();
  std::map<std::string, size_t> ruleIndex;
  for (const RuleInfo &rule : context.rules) {
    ruleIndex[rule.id] = rules.size();
    Json descriptor;
    descriptor["id"] = rule.id;
    descriptor["name"] = rule.name;
    descriptor["shortDescription"] = {{"text", sentence(rule.summary)}};
    descriptor["fullDescription"] = {{"text", sentence(rule.summary)}};
    std::string help = ruleHelp(rule, context.rules); // what `eventscope rules ID` prints
    descriptor["help"] = {{"text", help}, {"markdown", help}};
    descriptor["defaultConfiguration"] = {{"level", sarifLevel(rule.defaultSeverity)}};
    rules.push_back(std::move(descriptor));
  }

  Json results = Json::array();
  for (const Finding &f : findings) {
    Json result;
    result["ruleId"] = f.rule;
    if (auto it = ruleIndex.find(f.rule); it != ruleIndex.end())
      result["ruleIndex"] = it->second;
    result["level"] = sarifLevel(f.severity);
    result["message"] = {{"text", sentence(f.message)}};
    Json location;
    location["physicalLocation"] = physicalLocation(f.location);
    result["locations"] = Json::array({location});
    if (!f.notes.empty()) {
      Json related = Json::array();
      for (size_t i = 0; i < f.notes.size(); ++i) {
        Json r;
        r["id"] = i + 1;
        r["physicalLocation"] = physicalLocation(f.notes[i].location);
        r["message"] = {{"text", sentence(f.notes[i].message)}};
        related.push_back(std::move(r));
      }
      result["relatedLocations"] = std::move(related);
    }
    result["partialFingerprints"] = {{"eventscopeFingerprint/v1", f.fingerprint()}};
    if (!f.location.pointer.empty()) // a contract finding: where in the document, exactly
      result["properties"] = {{"jsonPointer", f.location.pointer}};
    results.push_back(std::move(result));
  }

  Json driver;
  driver["name"] = "eventscope";
  driver["version"] = context.toolVersion;
  driver["semanticVersion"] = context.toolVersion;
  driver["informationUri"] = "https://github.com/eventscope/eventscope";
  driver["rules"] = std::move(rules);

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);

  Json document;
  document["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  document["version"] = "2.1.0";
  document["runs"] = Json::array({std::move(run)});
  out << jsonText(document, 2) << "\n";
}

} // namespace eventscope
