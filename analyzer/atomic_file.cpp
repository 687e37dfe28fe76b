#include "analyzer/atomic_file.h"

#include "model/input_error.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

namespace eventscope {
namespace {

constexpr int kSlots = 256;
// Paths the handler may read at any moment: published with release, taken with exchange.
std::atomic<char *> pending[kSlots];

extern "C" void onInterrupt(int signal) {
  for (std::atomic<char *> &slot : pending)
    if (char *path = slot.load(std::memory_order_acquire))
      ::unlink(path); // async-signal-safe
  ::_exit(128 + signal);
}

} // namespace

PendingTemporary::PendingTemporary(const std::string &path) {
  char *copy = ::strdup(path.c_str());
  if (!copy)
    return;
  for (int i = 0; i < kSlots; ++i) {
    char *expected = nullptr;
    if (pending[i].compare_exchange_strong(expected, copy, std::memory_order_acq_rel)) {
      slot_ = i;
      return;
    }
  }
  std::free(copy);
}

PendingTemporary::~PendingTemporary() {
  if (slot_ >= 0)
    std::free(pending[slot_].exchange(nullptr, std::memory_order_acq_rel));
}

void installInterruptHandler() {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void writeFileAtomically(const std::string &target, const std::string &text) {
  // Through a symbolic link to the file it names (as a plain write would), and keeping an
  // existing file's permissions.
  std::string path = target;
  llvm::SmallString<256> real;
  if (llvm::sys::fs::is_symlink_file(target) && !llvm::sys::fs::real_path(target, real))
    path = std::string(real);
  llvm::ErrorOr<llvm::sys::fs::perms> existing = llvm::sys::fs::getPermissions(path);
  llvm::SmallString<256> temporary;
  int fd = -1;
  std::error_code error = llvm::sys::fs::createUniqueFile(path + ".%%%%%%.tmp", fd, temporary);
  if (error)
    throw InputError({target, 0, 0, ""}, "cannot write the output file: " + error.message());
  PendingTemporary pendingFile{std::string(temporary)};
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << text;
    out.close();
    error = out.error();
    if (out.has_error())
      out.clear_error(); // reported below, not by raw_fd_ostream's destructor
  }
  // The new file keeps the mode a plain write would give it (createUniqueFile makes 0600).
  if (!error) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    error = llvm::sys::fs::setPermissions(temporary, existing ? *existing
                                                              : static_cast<llvm::sys::fs::perms>(0666 & ~mask));
  }
  if (!error)
    error = llvm::sys::fs::rename(temporary, path);
  if (error) {
    llvm::sys::fs::remove(temporary);
    throw InputError({target, 0, 0, ""}, "cannot write the output file: " + error.message());
  }
}

} // namespace eventscope
