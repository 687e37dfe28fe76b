// The typo matcher: the first line is the word, the others the candidates.
#include "model/text_distance.h"

#include <sstream>

using namespace eventscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::istringstream lines(std::string(reinterpret_cast<const char *>(data), size));
  std::string word, line;
  std::getline(lines, word);
  std::vector<std::string> candidates;
  while (std::getline(lines, line) && candidates.size() < 1000)
    candidates.push_back(line);
  closestMatch(word, candidates);
  for (const std::string &candidate : candidates)
    editDistance(word, candidate, 3);
  return 0;
}
