#include "analyzer/cpp/facts_cache.h"

#include "analyzer/atomic_file.h"
#include "analyzer/cpp/facts_json.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <stdexcept>

namespace eventscope {
namespace {

std::string hex(llvm::ArrayRef<uint8_t> bytes) { return llvm::toHex(bytes, /*LowerCase=*/true); }

// One entry: the facts, and the hash of each file they were read from.
std::string entryText(const TuFacts &facts, const std::vector<std::pair<std::string, std::string>> &hashes) {
  std::string text = factsToJson(facts) + "\n";
  for (const auto &[path, hash] : hashes)
    text += hash + " " + path + "\n";
  return text;
}

} // namespace

const char *factsExtractorStamp() { return EVENTSCOPE_FACTS_STAMP; }

FactsCache::FactsCache(std::string directory, std::string salt)
    : directory_(std::move(directory)), salt_(std::move(salt)) {}

std::string FactsCache::contentHash(const std::string &path) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = hashes_.find(path); it != hashes_.end())
      return it->second;
  }
  std::string hash;
  if (auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
    hash = hex(llvm::SHA256::hash(llvm::arrayRefFromStringRef((*buffer)->getBuffer())));
  std::lock_guard<std::mutex> lock(mutex_);
  hashes_[path] = hash;
  return hash;
}

std::string FactsCache::key(const std::string &file, const std::vector<std::string> &commandLine) {
  std::string content = contentHash(file);
  if (content.empty())
    return "";
  llvm::SHA256 hasher;
  hasher.update(salt_);
  hasher.update(llvm::StringRef("\0", 1));
  hasher.update(file);
  for (const std::string &arg : commandLine) {
    hasher.update(llvm::StringRef("\0", 1));
    hasher.update(arg);
  }
  hasher.update(llvm::StringRef("\0", 1));
  hasher.update(content);
  return hex(hasher.final());
}

std::optional<TuFacts> FactsCache::lookup(const std::string &key) {
  if (key.empty())
    return std::nullopt;
  llvm::SmallString<256> path(directory_);
  llvm::sys::path::append(path, key.substr(0, 2), key + ".facts");
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    return std::nullopt;
  llvm::StringRef text = (*buffer)->getBuffer();
  auto [json, rest] = text.split('\n');
  // Every file it was read from must still hash the same.
  while (!rest.empty()) {
    auto [line, next] = rest.split('\n');
    rest = next;
    auto [hash, file] = line.split(' ');
    if (contentHash(file.str()) != hash.str())
      return std::nullopt;
  }
  try {
    TuFacts facts = factsFromJson(json.str());
    std::lock_guard<std::mutex> lock(mutex_);
    ++hits_;
    return facts;
  } catch (const std::exception &) {
    return std::nullopt; // a damaged entry is a miss
  }
}

void FactsCache::store(const std::string &key, const TuFacts &facts) {
  if (key.empty())
    return;
  std::vector<std::pair<std::string, std::string>> hashes;
  for (const std::string &dependency : facts.dependencies) {
    std::string hash = contentHash(dependency);
    if (hash.empty())
      return; // read by Clang but not by us (a shim, a vanished file): do not cache
    hashes.push_back({dependency, hash});
  }
  llvm::SmallString<256> directory(directory_);
  llvm::sys::path::append(directory, key.substr(0, 2));
  llvm::SmallString<256> target(directory);
  llvm::sys::path::append(target, key + ".facts");
  llvm::SmallString<256> temporary;
  std::error_code error = llvm::sys::fs::create_directories(directory);
  if (!error)
    markDirectory();
  int fd = -1;
  if (!error)
    error = llvm::sys::fs::createUniqueFile(llvm::Twine(target) + ".%%%%%%.tmp", fd, temporary);
  std::optional<PendingTemporary> pendingFile; // removed if the run is interrupted before the rename
  if (!error)
    pendingFile.emplace(std::string(temporary));
  if (!error) {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << entryText(facts, hashes);
    out.close();
    error = out.error();
    if (!error)
      error = llvm::sys::fs::rename(temporary, target);
    if (error)
      llvm::sys::fs::remove(temporary);
  }
  if (error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (writeError_.empty())
      writeError_ = directory_ + ": cannot write the cache: " + error.message();
  }
}

std::string FactsCache::writeError() const { return writeError_; }

// As ruff and pytest do: the cache ignores itself in git, and backup tools skip it.
void FactsCache::markDirectory() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (marked_)
    return;
  marked_ = true;
  for (const auto &[name, text] :
       {std::pair<const char *, const char *>{".gitignore", "# Created by eventscope: its cache, never committed.\n*\n"},
        {"CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# Created by eventscope.\n"}}) {
    llvm::SmallString<256> path(directory_);
    llvm::sys::path::append(path, name);
    if (llvm::sys::fs::exists(path))
      continue;
    std::error_code error;
    llvm::raw_fd_ostream out(path, error);
    if (!error)
      out << text;
  }
}

} // namespace eventscope
