#include "render/contract_diff_report.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <map>

namespace eventscope {
namespace {

using Json = nlohmann::ordered_json;

const char *ruleOf(const ContractChange &change) {
  switch (change.verdict) {
  case Verdict::Breaking:
    return "contract-breaking-change";
  case Verdict::Unclassified:
    return "contract-unclassified-change";
  case Verdict::NonBreaking:
    break;
  }
  return "contract-compatible-change";
}

std::string directionText(const ContractChange &change) {
  if (change.sent && change.received)
    return "sends and receives";
  return change.sent ? "sends" : change.received ? "receives" : "";
}

// "remove /channels/x: property 'id' removed: ..." or, from the table, just the change.
std::string describe(const ContractChange &change) {
  std::string text = change.action + " " + change.pointer;
  if (!change.reason.empty())
    text += ": " + change.reason;
  if (change.allowed)
    text += " (allowed)";
  return text;
}

std::string affectedText(const Endpoint &e) {
  return e.service + (e.role == Role::Consume ? " consumes " : " produces ") + e.channel;
}

Json valueOrNull(const std::string &text) { return text.empty() ? Json() : Json::parse(text); }

struct Counts {
  size_t breaking = 0, allowed = 0, compatible = 0, unclassified = 0;
};
Counts countOf(const std::vector<DiffedContract> &contracts) {
  Counts counts;
  for (const DiffedContract &c : contracts)
    for (const ContractChange &change : c.changes)
      if (change.verdict == Verdict::Breaking)
        ++(change.allowed ? counts.allowed : counts.breaking);
      else if (change.verdict == Verdict::NonBreaking)
        ++counts.compatible;
      else
        ++counts.unclassified;
  return counts;
}

std::string cell(std::string text) {
  std::string out;
  for (char c : text)
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

} // namespace

std::vector<Finding> contractDiffFindings(const std::vector<DiffedContract> &contracts) {
  std::vector<Finding> findings;
  for (const DiffedContract &contract : contracts)
    for (const ContractChange &change : contract.changes) {
      Finding f;
      f.rule = ruleOf(change);
      f.severity = change.verdict == Verdict::Breaking && !change.allowed ? Severity::Error
                   : change.verdict == Verdict::Unclassified            ? Severity::Warning
                                                                        : Severity::Info;
      f.message = describe(change);
      f.location = change.location;
      f.service = contract.service;
      if (!change.channel.empty())
        f.channels = {change.channel};
      f.identity = change.action + " " + change.pointer;
      for (const Endpoint &e : change.affected)
        f.notes.push_back({e.location, "affects " + affectedText(e)});
      findings.push_back(std::move(f));
    }
  return findings;
}

void writeContractDiffJson(std::ostream &out, const std::vector<DiffedContract> &contracts) {
  Json list = Json::array();
  for (const DiffedContract &contract : contracts) {
    Json changes = Json::array();
    for (const ContractChange &change : contract.changes) {
      Json c;
      c["action"] = change.action;
      c["pointer"] = change.pointer;
      c["type"] = verdictName(change.verdict);
      if (!change.before.empty())
        c["before"] = valueOrNull(change.before);
      if (!change.after.empty())
        c["after"] = valueOrNull(change.after);
      if (!change.reason.empty())
        c["reason"] = change.reason;
      if (!change.channel.empty())
        c["channel"] = change.channel;
      if (!directionText(change).empty())
        c["direction"] = directionText(change); // what the contract's service does with the message
      c["file"] = change.location.file;
      c["line"] = change.location.line;
      c["column"] = change.location.column;
      c["allowed"] = change.allowed;
      Json affected = Json::array();
      for (const Endpoint &e : change.affected)
        affected.push_back({{"service", e.service},
                            {"channel", e.channel},
                            {"role", roleName(e.role)},
                            {"file", e.location.file},
                            {"line", e.location.line},
                            {"column", e.location.column},
                            {"origin", originName(e.origin)}});
      c["affected"] = std::move(affected);
      changes.push_back(std::move(c));
    }
    list.push_back({{"before", contract.before}, {"after", contract.after}, {"service", contract.service},
                    {"changes", std::move(changes)}});
  }
  Counts counts = countOf(contracts);
  Json document = {{"contracts", std::move(list)},
                   {"summary",
                    {{"breaking", counts.breaking},
                     {"allowed", counts.allowed},
                     {"nonBreaking", counts.compatible},
                     {"unclassified", counts.unclassified}}}};
  out << jsonText(document, 2) << "\n";
}

void writeContractDiffMarkdown(std::ostream &out, const std::vector<DiffedContract> &contracts) {
  Counts counts = countOf(contracts);
  out << "## Contract changes: " << counts.breaking << " breaking";
  if (counts.allowed)
    out << " (+" << counts.allowed << " allowed)";
  out << ", " << counts.compatible << " non-breaking, " << counts.unclassified << " unclassified\n";
  for (const DiffedContract &contract : contracts) {
    out << "\n### `" << contract.after << "`";
    if (!contract.service.empty())
      out << " (service `" << contract.service << "`)";
    out << "\n\n";
    if (contract.before != contract.after)
      out << "Compared with `" << contract.before << "`.\n\n";
    if (contract.changes.empty()) {
      out << "No changes.\n";
      continue;
    }
    out << "| verdict | change | where | why | affected |\n|---|---|---|---|---|\n";
    for (const ContractChange &change : contract.changes) {
      std::string verdict(verdictName(change.verdict));
      if (change.verdict == Verdict::Breaking)
        verdict = change.allowed ? "breaking (allowed)" : "**breaking**";
      std::string affected;
      for (const Endpoint &e : change.affected)
        affected += (affected.empty() ? "" : "<br>") + affectedText(e) + " (`" + e.location.file + ":" +
                    std::to_string(e.location.line) + "`)";
      out << "| " << verdict << " | " << change.action << " `" << cell(change.pointer) << "` | line "
          << change.location.line << " | " << cell(change.reason) << " | " << cell(affected) << " |\n";
    }
  }
}

} // namespace eventscope
