#include "cli/suppressions.h"

#include <algorithm>
#include <fstream>
#include <map>

namespace eventscope {

std::vector<std::string> suppressedRules(const std::string &line) {
  static const std::string marker = "eventscope-ignore:";
  std::vector<std::string> rules;
  size_t at = line.find(marker);
  if (at == std::string::npos)
    return rules;
  size_t i = at + marker.size();
  while (i < line.size() && line[i] == ' ')
    ++i;
  // rule-id[,rule-id...] then free text (the reason)
  std::string current;
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (c == ',') {
      if (!current.empty())
        rules.push_back(current);
      current.clear();
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      current += c;
    } else {
      break;
    }
  }
  if (!current.empty())
    rules.push_back(current);
  return rules;
}

size_t applyContractIgnores(std::vector<Finding> &findings, const std::vector<ContractDocument> &contracts) {
  auto ignored = [&](const Finding &f) {
    for (const ContractDocument &c : contracts) {
      if (c.file != f.location.file)
        continue;
      const std::string &pointer = f.location.pointer;
      for (const ContractIgnore &ignore : c.ignores) {
        bool below = ignore.pointer.empty() || pointer == ignore.pointer ||
                     (pointer.size() > ignore.pointer.size() && pointer.compare(0, ignore.pointer.size(), ignore.pointer) == 0 &&
                      pointer[ignore.pointer.size()] == '/');
        if (below && std::find(ignore.rules.begin(), ignore.rules.end(), f.rule) != ignore.rules.end())
          return true;
      }
    }
    return false;
  };
  size_t before = findings.size();
  findings.erase(std::remove_if(findings.begin(), findings.end(), ignored), findings.end());
  return before - findings.size();
}

size_t applyInlineSuppressions(std::vector<Finding> &findings, const std::string &root) {
  // Per file, the rules each line suppresses, read once: many findings can share one long
  // line (a manifest's `produces: [...]` with thousands of channels).
  std::map<std::string, std::vector<std::vector<std::string>>> files;
  auto rulesOf = [&](const std::string &file) -> const std::vector<std::vector<std::string>> & {
    auto [it, inserted] = files.try_emplace(file);
    if (inserted) {
      std::ifstream in(file.rfind('/', 0) == 0 ? file : root + "/" + file);
      for (std::string line; std::getline(in, line);)
        it->second.push_back(suppressedRules(line));
    }
    return it->second;
  };
  auto suppressed = [&](const Finding &f) {
    if (f.location.file.empty() || f.location.line == 0)
      return false;
    const std::vector<std::vector<std::string>> &lines = rulesOf(f.location.file);
    for (unsigned line : {f.location.line, f.location.line - 1}) {
      if (line == 0 || line > lines.size())
        continue;
      const std::vector<std::string> &rules = lines[line - 1];
      if (std::find(rules.begin(), rules.end(), f.rule) != rules.end())
        return true;
    }
    return false;
  };
  size_t before = findings.size();
  findings.erase(std::remove_if(findings.begin(), findings.end(), suppressed), findings.end());
  return before - findings.size();
}

size_t applyPathExcludes(std::vector<Finding> &findings, const SystemLayout &layout, const Config &config) {
  std::map<std::string, PathGlobs> byRule;
  for (const auto &[id, rule] : config.rules)
    if (!rule.exclude.empty())
      byRule.emplace(id, PathGlobs(rule.exclude, rule.location));
  size_t before = findings.size();
  std::erase_if(findings, [&](const Finding &f) {
    if (f.location.empty())
      return false;
    // An analysis-incomplete finding at a missing include of an excluded (vendored) header is
    // about an analysed file that was read in part: excluding the header's directory does
    // not make that analysis complete (a rule's own `exclude` still can, said by name).
    if (layout.excluded(f.location.file) && f.rule != "analysis-incomplete")
      return true;
    auto rule = byRule.find(f.rule);
    return rule != byRule.end() && rule->second.matches(layout.relativeToBase(f.location.file));
  });
  return before - findings.size();
}

} // namespace eventscope
