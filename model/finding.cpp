#include "model/finding.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <tuple>

namespace eventscope {

std::string_view severityName(Severity severity) {
  switch (severity) {
  case Severity::Off:
    return "off";
  case Severity::Info:
    return "info";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "off";
}

std::optional<Severity> parseSeverity(std::string_view text) {
  for (Severity s : {Severity::Off, Severity::Info, Severity::Warning, Severity::Error})
    if (severityName(s) == text)
      return s;
  return std::nullopt;
}

std::string Finding::fingerprint() const {
  // FNV-1a over the identifying fields, separated by bytes that cannot occur in them.
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&](std::string_view text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0x1f;
    hash *= 1099511628211ull;
  };
  mix(rule);
  mix(service);
  for (const std::string &channel : channels)
    mix(channel);
  if (!identity.empty())
    mix(identity);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

void sortFindings(std::vector<Finding> &findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
    return std::tie(a.location, a.rule, a.message, a.service, a.channels) <
           std::tie(b.location, b.rule, b.message, b.service, b.channels);
  });
}

} // namespace eventscope
