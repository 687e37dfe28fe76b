#include "model/baseline.h"

#include <map>

namespace eventscope {

std::vector<BaselineEntry> makeBaseline(const std::vector<Finding> &findings) {
  std::vector<Finding> sorted = findings;
  sortFindings(sorted);
  std::map<std::string, BaselineEntry> byFingerprint;
  for (const Finding &f : sorted) {
    std::string fingerprint = f.fingerprint();
    auto [it, inserted] = byFingerprint.try_emplace(fingerprint);
    if (inserted)
      it->second = {fingerprint, f.rule, f.service, f.channels, f.message, 1};
    else
      ++it->second.count;
  }
  std::vector<BaselineEntry> entries;
  for (auto &[fingerprint, entry] : byFingerprint)
    entries.push_back(std::move(entry));
  return entries;
}

BaselineOutcome applyBaseline(std::vector<Finding> &findings, const std::vector<BaselineEntry> &baseline) {
  std::map<std::string, size_t> remaining;
  for (const BaselineEntry &entry : baseline)
    remaining[entry.fingerprint] += entry.count;
  sortFindings(findings);
  BaselineOutcome outcome;
  std::vector<Finding> kept;
  for (Finding &f : findings) {
    auto it = remaining.find(f.fingerprint());
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      ++outcome.hidden;
      continue;
    }
    kept.push_back(std::move(f));
  }
  findings = std::move(kept);
  for (const BaselineEntry &entry : baseline)
    if (size_t left = remaining[entry.fingerprint]; left > 0) {
      BaselineEntry stale = entry;
      stale.count = std::min(left, entry.count);
      remaining[entry.fingerprint] -= stale.count;
      outcome.stale.push_back(std::move(stale));
    }
  return outcome;
}

} // namespace eventscope
