// Helpers shared by tests: temporary directories, golden files, running the binary.
#pragma once

#include <string>

#include <sys/types.h>
#include <vector>

namespace eventscope::testing {

// A fresh directory under the system's temp dir, removed with the object.
class TempDir {
public:
  TempDir();
  ~TempDir();
  const std::string &path() const { return path_; }
  // Writes `text` to path()/relative, creating directories; returns the full path.
  std::string write(const std::string &relative, const std::string &text) const;

private:
  std::string path_;
};

std::string readFile(const std::string &path);

// Compares `actual` with tests/golden/<name>; with EVENTSCOPE_UPDATE_GOLDEN=1 in the
// environment, rewrites the golden file instead (review the diff before committing).
void expectGolden(const std::string &name, const std::string &actual);

// The lines of a text report `out` that carry `rule` ("[rule-id]"), in order.
std::vector<std::string> findingLines(const std::string &out, const std::string &rule);

struct CommandResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Runs the eventscope binary with `args` (each passed as one argument) in `workingDir`.
CommandResult runEventscope(const std::vector<std::string> &args, const std::string &workingDir = "");

// Starts it and returns at once (for tests that signal it), stdout and stderr to the files.
pid_t startEventscope(const std::vector<std::string> &args, const std::string &workingDir, const std::string &outPath,
                      const std::string &errPath);

std::string sourceDir();

} // namespace eventscope::testing
