// Shared by the libFuzzer targets: a scratch root directory for inputs that must be files,
// and the rule every target enforces: bad input may raise InputError (a clear message and
// exit status 2 in the CLI); anything else escaping is a bug the fuzzer reports.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace eventscope::fuzz {

// A directory of its own for the whole run (removed by the OS's tmp cleaning, not by us:
// a fuzzer is killed, never returns).
inline const std::string &scratch() {
  static const std::string path = [] {
    char pattern[] = "/tmp/eventscope-fuzz-XXXXXX";
    const char *made = mkdtemp(pattern);
    if (!made)
      std::abort();
    return std::string(made);
  }();
  return path;
}

inline std::string writeScratch(const std::string &name, const uint8_t *data, size_t size) {
  std::string path = scratch() + "/" + name;
  FILE *file = std::fopen(path.c_str(), "wb");
  if (!file)
    std::abort();
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  return path;
}

} // namespace eventscope::fuzz
