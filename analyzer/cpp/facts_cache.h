// The warm-run cache (`.eventscope-cache/` under the root by default): one entry per
// translation unit, found by a key over what decides its facts (eventscope's version, the
// API names it records, the compile command, the main file's contents) and valid while every
// file it read still has the contents it had (a changed header invalidates it), every
// directory #include searched holds the same headers (a new one could shadow what was read),
// and every header that was missing is still missing.
#pragma once

#include "analyzer/cpp/facts.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// A hash of the code that extracts facts and of the stand-in headers, for the salt.
const char *factsExtractorStamp();

class FactsCache {
public:
  // `salt`: what else decides the facts (version, API names); `directory` is created on the
  // first store. Nothing is ever written outside it.
  FactsCache(std::string directory, std::string salt);

  // The key of a file under a compile command; empty when the file cannot be read.
  std::string key(const std::string &file, const std::vector<std::string> &commandLine);
  std::optional<TuFacts> lookup(const std::string &key);
  // Written atomically (a temporary file renamed), so parallel runs never read half an
  // entry. A failure to write is remembered, not thrown: the run goes on without caching.
  void store(const std::string &key, const TuFacts &facts);

  std::string writeError() const;

private:
  std::string contentHash(const std::string &path); // memoized for the run
  std::string listingHash(const std::string &dir);  // the includable names in it, memoized for the run
  void markDirectory();
  std::string directory_, salt_;
  std::mutex mutex_;
  std::map<std::string, std::string> hashes_, listings_;
  std::map<std::string, std::vector<std::string>> searchDirectories_; // per key, from its command
  bool marked_ = false;
  std::string writeError_;
};

} // namespace eventscope
