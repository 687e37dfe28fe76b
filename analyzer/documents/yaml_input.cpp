#include "analyzer/documents/yaml_input.h"

#include "analyzer/documents/document_tree.h"

#include <yaml-cpp/depthguard.h>


#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <unistd.h>

namespace eventscope {

std::optional<size_t> firstInvalidUtf8(std::string_view text) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const llvm::UTF8 *at = begin;
  if (llvm::isLegalUTF8String(&at, begin + text.size()))
    return std::nullopt;
  return static_cast<size_t>(at - begin);
}

std::string readInputFile(const std::string &path, const std::string &displayPath, size_t limit, bool utf8) {
  Location where{displayPath, 0, 0, ""};
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status))
    throw InputError(where, "cannot read file: " + ec.message());
  if (status.type() == llvm::sys::fs::file_type::directory_file)
    throw InputError(where, "is a directory, expected a file");
  // A device or a FIFO would be read forever (/dev/zero) or block (a pipe nobody writes).
  if (status.type() != llvm::sys::fs::file_type::regular_file)
    throw InputError(where, "is not a regular file (a device, FIFO or socket); refused");
  if (status.getSize() > limit)
    throw InputError(where, "file is too large (" + std::to_string(status.getSize() >> 20) + " MiB; the limit is " +
                                std::to_string(limit >> 20) + " MiB)");
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    throw InputError(where, "cannot read file: " + buffer.getError().message());
  std::string text = (*buffer)->getBuffer().str();
  if (utf8) {
    // NUL is valid UTF-8 but no text format read here allows it (YAML's printable set and
    // JSON's strings exclude it), and readers cut or mangle strings at it.
    std::optional<size_t> bad = firstInvalidUtf8(text);
    size_t nul = text.find('\0');
    if (nul != std::string::npos && (!bad || nul < *bad))
      bad = nul;
    if (bad) {
      // Where an editor shows it: line, and column in characters (the valid ones before it).
      size_t lineStart = text.rfind('\n', *bad == 0 ? 0 : *bad - 1);
      lineStart = lineStart == std::string::npos || *bad == 0 ? 0 : lineStart + 1;
      unsigned line = 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + lineStart, '\n'));
      unsigned column = 1;
      for (size_t i = lineStart; i < *bad; ++i)
        column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
      throw InputError({displayPath, line, column, ""},
                       text[*bad] == '\0' ? std::string("a NUL byte: the file must be UTF-8 text")
                                          : std::string("invalid UTF-8 (byte ") + byte + "): the file must be UTF-8 text");
    }
  }
  return text;
}

namespace {

// yaml-cpp 0.7 loops forever on some malformed inputs (found by fuzzing: an unclosed flow
// sequence after a document marker, runs of 0xFF bytes). It runs on a thread of its own
// with a deadline; past it the file is refused and the thread is left to the process's exit.
struct YamlParse {
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::string text;
  std::shared_ptr<void> result;
  std::exception_ptr error;
};

// yaml-cpp reads about 2.5 MB/s here (docs/performance.md): twice that time and a bit, so a hang
// is cut short before its memory grows far (about 400 MB a second in the cases found).
// EVENTSCOPE_YAML_DEADLINE_MS overrides it (the fuzzers, which meet such files by the dozen).
std::chrono::milliseconds yamlDeadline(size_t bytes) {
  if (const char *override = std::getenv("EVENTSCOPE_YAML_DEADLINE_MS"))
    return std::chrono::milliseconds(std::max(1L, std::atol(override)));
  return std::chrono::seconds(2 + (bytes >> 20));
}

// The process's resident memory, from /proc (0 where there is none).
size_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident))
    return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// yaml-cpp holds about 60 bytes of nodes per byte of input (2.8 GiB for a 50 MB document,
// docs/performance.md): more than 100 times, plus room for small files, is one of its loops.
size_t yamlMemoryBudget(size_t bytes) { return (size_t{512} << 20) + 100 * bytes; }

} // namespace

std::shared_ptr<void> boundedYamlParse(const std::string &text, const std::string &displayPath,
                                       std::function<std::shared_ptr<void>(const std::string &)> parseText) {
  auto parse = std::make_shared<YamlParse>();
  parse->text = text;
  std::thread([parse, parseText = std::move(parseText)] {
    std::shared_ptr<void> result;
    std::exception_ptr error;
    try {
      result = parseText(parse->text);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(parse->mutex);
    parse->result = std::move(result);
    parse->error = error;
    parse->done = true;
    parse->finished.notify_all();
  }).detach();
  std::unique_lock<std::mutex> lock(parse->mutex);
  auto deadline = yamlDeadline(text.size());
  auto giveUpAt = std::chrono::steady_clock::now() + deadline;
  size_t memoryAtStart = residentBytes();
  // Bounded in time and in memory: checked every 50 ms while the parse runs.
  while (!parse->finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return parse->done; })) {
    if (std::chrono::steady_clock::now() >= giveUpAt)
      throw InputError({displayPath, 0, 0, ""}, "the YAML parser did not finish within " +
                                                    std::to_string(deadline.count() / 1000.0).substr(0, 4) +
                                                    " s (a yaml-cpp defect this file triggers); refused");
    size_t now = residentBytes();
    if (now > memoryAtStart && now - memoryAtStart > yamlMemoryBudget(text.size()))
      throw InputError({displayPath, 0, 0, ""}, "the YAML parser took more than " +
                                                    std::to_string(yamlMemoryBudget(text.size()) >> 20) +
                                                    " MiB (a yaml-cpp defect this file triggers); refused");
  }
  try {
    if (parse->error)
      std::rethrow_exception(parse->error);
    return std::move(parse->result);
  } catch (const YAML::Exception &e) {
    Location where{displayPath, 0, 0, ""};
    if (!e.mark.is_null()) {
      where.line = static_cast<unsigned>(e.mark.line) + 1;
      where.column = static_cast<unsigned>(e.mark.column) + 1;
    }
    // yaml-cpp refuses nesting past 500 levels with a DeepRecursion whose message is "bad file".
    if (dynamic_cast<const YAML::DeepRecursion *>(&e))
      throw InputError(where, "YAML nested deeper than the 500 levels yaml-cpp reads (flow style `{...}`/`[...]` "
                              "or anchors); written in block style or as JSON, up to 2048 levels are read");
    throw InputError(where, "invalid YAML: " + e.msg);
  }
}

} // namespace eventscope
