#include "cli/progress.h"

#include <cstdio>
#include <unistd.h>

namespace eventscope {

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  if (drawn_)
    std::fprintf(stderr, "\r\033[K");
}

void ProgressLine::update(size_t done, size_t total) {
  if (!enabled_ || total == 0)
    return;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (elapsed < 1.0 || (elapsed - lastDrawn_ < 0.1 && done < total))
    return;
  lastDrawn_ = elapsed;
  double left = done > 0 ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0;
  std::fprintf(stderr, "\r\033[Keventscope: %zu/%zu translation units, %.0f s", done, total, elapsed);
  if (done > 0 && done < total)
    std::fprintf(stderr, ", about %.0f s left", left);
  std::fflush(stderr);
  drawn_ = true;
}

bool progressWanted(bool quiet) { return !quiet && isatty(STDERR_FILENO); }

} // namespace eventscope
