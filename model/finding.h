// What rules report: plain data, sorted and rendered by the report layer.
#pragma once

#include "model/location.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

enum class Severity { Off, Info, Warning, Error };

std::string_view severityName(Severity severity);
std::optional<Severity> parseSeverity(std::string_view text);

// A related place: each hop of a cycle, the near-miss a typo resembles.
struct Note {
  Location location;
  std::string message;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  Location location;
  std::string service;               // empty when the finding is about no single service
  std::vector<std::string> channels; // every channel the finding is about
  std::vector<Note> notes;
  // For findings about no channel (an unresolved call): what tells two of them apart
  // without a line number, such as the API and the reason.
  std::string identity;

  // Stable across line moves and reformatting: rule, service, channels and identity.
  std::string fingerprint() const;
};

// Sorted by location, then rule, then message: the order of every report.
void sortFindings(std::vector<Finding> &findings);

} // namespace eventscope
