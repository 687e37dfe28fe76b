#include "rules/registry.h"

#include <algorithm>
#include <map>

namespace eventscope {

#define ES_RULE(fn) const Rule &fn();
#include "rules/rules.def"
#undef ES_RULE

long long RuleSettings::integer(const std::string &name, long long fallback) const {
  auto it = options.find(name);
  if (it == options.end() || it->second.size() != 1)
    return fallback;
  try {
    return std::stoll(it->second.front());
  } catch (...) {
    return fallback; // validated when the config was read
  }
}

std::vector<std::string> RuleSettings::list(const std::string &name) const {
  auto it = options.find(name);
  return it == options.end() ? std::vector<std::string>{} : it->second;
}

const std::vector<const Rule *> &allRules() {
  static const std::vector<const Rule *> rules = [] {
    std::vector<const Rule *> all = {
#define ES_RULE(fn) &fn(),
#include "rules/rules.def"
#undef ES_RULE
    };
    std::sort(all.begin(), all.end(), [](const Rule *a, const Rule *b) { return a->info.id < b->info.id; });
    return all;
  }();
  return rules;
}

const Rule *findRule(std::string_view id) {
  for (const Rule *rule : allRules())
    if (rule->info.id == id)
      return rule;
  return nullptr;
}

std::map<std::string, RuleSettings> defaultRuleSettings() {
  std::map<std::string, RuleSettings> settings;
  for (const Rule *rule : allRules()) {
    RuleSettings &s = settings[rule->info.id];
    s.severity = rule->info.defaultSeverity;
    for (const RuleOption &option : rule->info.options) {
      if (option.defaultValue.empty())
        continue;
      if (option.kind != RuleOption::Kind::StringList) {
        s.options[option.name] = {option.defaultValue};
        continue;
      }
      std::vector<std::string> items; // a list default is written comma-separated
      for (size_t start = 0, end; start <= option.defaultValue.size(); start = end + 1) {
        end = option.defaultValue.find(',', start);
        if (end == std::string::npos)
          end = option.defaultValue.size();
        items.push_back(option.defaultValue.substr(start, end - start));
      }
      s.options[option.name] = items;
    }
  }
  return settings;
}

std::vector<Finding> runRules(const EventGraph &graph, const std::map<std::string, RuleSettings> &settings) {
  std::vector<Finding> findings;
  for (const Rule *rule : allRules()) {
    auto it = settings.find(rule->info.id);
    RuleSettings effective = it != settings.end() ? it->second : RuleSettings{rule->info.defaultSeverity, {}};
    if (effective.severity == Severity::Off)
      continue;
    std::vector<Finding> found;
    Reporter report(found);
    rule->run(graph, effective, report);
    for (Finding &finding : found) {
      finding.rule = rule->info.id;
      finding.severity = effective.severity;
      findings.push_back(std::move(finding));
    }
  }
  applyReplacements(findings);
  sortFindings(findings);
  // One report of one fact: a rule that meets the same pair twice (a publisher that is an
  // endpoint both where it is made and where it sends, each paired with one subscription:
  // aerostack2's Sensor<T>, held-back ROS bugs, session 47) says it once.
  auto same = [](const Finding &a, const Finding &b) {
    auto notesEqual = [](const std::vector<Note> &x, const std::vector<Note> &y) {
      return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Note &m, const Note &n) {
        return m.location == n.location && m.message == n.message;
      });
    };
    return a.rule == b.rule && a.location == b.location && a.message == b.message && a.service == b.service &&
           a.channels == b.channels && a.identity == b.identity && a.severity == b.severity && notesEqual(a.notes, b.notes);
  };
  findings.erase(std::unique(findings.begin(), findings.end(), same), findings.end());
  return findings;
}

void applyReplacements(std::vector<Finding> &findings) {
  // The findings of each replacing rule, by each channel they are about: a finding can only be
  // replaced by one that names its first channel (typos by the thousand must not make this
  // quadratic).
  std::map<std::pair<std::string, std::string>, std::vector<const Finding *>> byRuleAndChannel;
  for (const Finding &f : findings)
    for (const std::string &channel : f.channels)
      byRuleAndChannel[{f.rule, channel}].push_back(&f);
  auto within = [](const Finding &replaced, const Finding &by) {
    return std::all_of(replaced.channels.begin(), replaced.channels.end(), [&](const std::string &c) {
      return std::find(by.channels.begin(), by.channels.end(), c) != by.channels.end();
    });
  };
  std::vector<bool> drop(findings.size(), false);
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding &f = findings[i];
    if (f.channels.empty())
      continue; // about no channel: nothing can stand in for it
    for (const Rule *rule : allRules())
      for (const RuleReplacement &replacement : rule->info.replaces) {
        if (replacement.rule != f.rule)
          continue;
        auto candidates = byRuleAndChannel.find({rule->info.id, f.channels.front()});
        if (candidates != byRuleAndChannel.end())
          for (const Finding *by : candidates->second)
            if (within(f, *by) && (!replacement.sameService || by->service == f.service))
              drop[i] = true;
      }
  }
  std::vector<Finding> kept;
  for (size_t i = 0; i < findings.size(); ++i)
    if (!drop[i])
      kept.push_back(std::move(findings[i]));
  findings = std::move(kept);
}

} // namespace eventscope
