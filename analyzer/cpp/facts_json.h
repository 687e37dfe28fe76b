// Translation-unit facts as JSON: the cache's entries, and the FACTS files of `extract` and
// `merge` that let the parsing run on many machines.
#pragma once

#include "analyzer/cpp/facts.h"

#include <string>
#include <vector>

namespace eventscope {

std::string factsToJson(const TuFacts &facts);
// Throws std::runtime_error when the text is not what factsToJson wrote.
TuFacts factsFromJson(const std::string &text);

// A FACTS file: the units and the fingerprint of the API configuration they were
// extracted with (facts from another configuration may miss calls).
struct FactsFile {
  std::string apiFingerprint;
  std::vector<TuFacts> units;
};
std::string writeFactsFile(const FactsFile &file);
// Throws InputError naming `displayPath` when the text is not a FACTS file.
FactsFile readFactsFile(const std::string &text, const std::string &displayPath);

} // namespace eventscope
