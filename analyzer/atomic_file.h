// Files written whole or not at all, and temporaries an interrupted run does not leave.
#pragma once

#include <string>

namespace eventscope {

// Writes `text` to `path` through a temporary file in the same directory that is renamed
// over it (rename(2) is atomic within a file system): a reader, or a run killed halfway,
// sees the previous file or the new one, never a part. A symbolic link is written through
// to the file it names, and an existing file keeps its permissions. Throws InputError
// naming `path`.
void writeFileAtomically(const std::string &path, const std::string &text);

// A temporary file being written: removed by the interrupt handler if the run is
// interrupted before it is renamed or removed. Registration copies the path; at most 256
// are tracked at once (more are written, just not cleaned up on an interrupt).
class PendingTemporary {
public:
  explicit PendingTemporary(const std::string &path);
  ~PendingTemporary();
  PendingTemporary(const PendingTemporary &) = delete;
  PendingTemporary &operator=(const PendingTemporary &) = delete;

private:
  int slot_ = -1;
};

// SIGINT and SIGTERM remove the pending temporaries and end the run with 128 + the signal
// (130 for Ctrl-C), as shells report it: no half-written cache entry or output is left.
void installInterruptHandler();

} // namespace eventscope
