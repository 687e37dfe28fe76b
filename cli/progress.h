// A progress line on stderr for long runs: only on a terminal, only after the first second.
#pragma once

#include <chrono>
#include <cstddef>

namespace eventscope {

class ProgressLine {
public:
  // Shows nothing when `enabled` is false (--quiet, or stderr is not a terminal).
  explicit ProgressLine(bool enabled);
  ~ProgressLine(); // clears the line if one was drawn
  void update(size_t done, size_t total);

private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  double lastDrawn_ = 0; // seconds since start_: redrawn ten times a second at most
};

// --quiet off and stderr a terminal.
bool progressWanted(bool quiet);

} // namespace eventscope
