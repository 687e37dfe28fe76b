// Known findings of a legacy system, so that a CI gate fails on new ones alone.
#pragma once

#include "model/finding.h"

#include <string>
#include <vector>

namespace eventscope {

// One fingerprint of the baseline file and how many findings carried it when it was written.
struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string service;
  std::vector<std::string> channels;
  std::string message; // of the first such finding, for people reading the file
  size_t count = 1;
};

// Entries sorted by fingerprint, one per fingerprint.
std::vector<BaselineEntry> makeBaseline(const std::vector<Finding> &findings);

struct BaselineOutcome {
  size_t hidden = 0;                // findings the baseline knew
  std::vector<BaselineEntry> stale; // entries (or counts) no longer found: the file can shrink
};

// Removes the findings the baseline knows: per fingerprint, as many as the baseline counted
// (in report order), so a second copy of a known problem is still new.
BaselineOutcome applyBaseline(std::vector<Finding> &findings, const std::vector<BaselineEntry> &baseline);

} // namespace eventscope
