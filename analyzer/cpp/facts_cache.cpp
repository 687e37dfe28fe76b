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

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <stdexcept>

namespace eventscope {
namespace {

std::string hex(llvm::ArrayRef<uint8_t> bytes) { return llvm::toHex(bytes, /*LowerCase=*/true); }

// Names in a directory that an #include could find: subdirectories and header-like files,
// not hidden ones (the cache itself) nor reports a run writes next to the code.
bool includable(llvm::StringRef name, llvm::sys::fs::file_type type) {
  if (name.starts_with("."))
    return false;
  if (type == llvm::sys::fs::file_type::directory_file)
    return true;
  llvm::StringRef extension = llvm::sys::path::extension(name);
  for (const char *header : {"", ".h", ".hh", ".hpp", ".hxx", ".h++", ".inc", ".inl", ".ipp", ".tcc", ".def", ".tpp"})
    if (extension == header)
      return true;
  return false;
}

// The directories #include searches for this command: -I, -iquote, -isystem, -idirafter
// (joined or separate), relative ones resolved against the command's directory. key()
// receives the command line followed by that directory and the root.
std::vector<std::string> searchDirectories(const std::vector<std::string> &command) {
  std::vector<std::string> dirs;
  if (command.size() < 2)
    return dirs;
  const std::string &directory = command[command.size() - 2];
  for (size_t i = 0; i + 2 < command.size(); ++i)
    for (const char *flag : {"-I", "-iquote", "-isystem", "-idirafter"}) {
      llvm::StringRef arg = command[i];
      if (!arg.starts_with(flag))
        continue;
      std::string dir = arg.size() > std::strlen(flag) ? arg.drop_front(std::strlen(flag)).str()
                        : i + 3 < command.size() ? command[i + 1]
                                                 : std::string();
      if (dir.empty())
        break;
      llvm::SmallString<256> absolute(dir);
      if (!llvm::sys::path::is_absolute(absolute)) {
        absolute = directory;
        llvm::sys::path::append(absolute, dir);
      }
      llvm::sys::path::remove_dots(absolute, true);
      dirs.push_back(std::string(absolute));
      break;
    }
  return dirs;
}

// One entry: the facts, then a line per check that must still hold for them to be valid:
// `F hash path` for each file read (same contents), `D hash dir` for each directory an
// #include searched or found a file in (the same includable names: a new header there could
// shadow the one read, or be one that was missing), `M name` for each header not found
// (still not found in any of those directories), `A path` for each ROS interface definition
// (or package folder) looked for and not there (still not there).
// The facts' own list of the files read is left out of the JSON: it is the `F` lines' paths,
// in order, and a warm run of 2,000 units spent most of its time parsing those lists twice.
std::string entryText(const TuFacts &facts, const std::vector<std::pair<std::string, std::string>> &hashes,
                      const std::vector<std::pair<std::string, std::string>> &listings) {
  TuFacts withoutDependencies = facts;
  withoutDependencies.dependencies.clear();
  withoutDependencies.absentDefinitions.clear();
  std::string text = factsToJson(withoutDependencies) + "\n";
  for (const auto &[path, hash] : hashes)
    text += "F " + hash + " " + path + "\n";
  for (const auto &[dir, hash] : listings)
    text += "D " + hash + " " + dir + "\n";
  for (const std::string &name : facts.missingHeaders)
    text += "M " + name + "\n";
  for (const std::string &path : facts.absentDefinitions)
    text += "A " + path + "\n";
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
  std::string result = hex(hasher.final());
  std::lock_guard<std::mutex> lock(mutex_);
  searchDirectories_[result] = searchDirectories(commandLine);
  return result;
}

std::string FactsCache::listingHash(const std::string &dir) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = listings_.find(dir); it != listings_.end())
      return it->second;
  }
  std::vector<std::string> names;
  std::error_code error;
  bool exists = llvm::sys::fs::is_directory(dir);
  for (llvm::sys::fs::directory_iterator it(dir, error), end; exists && it != end && !error; it.increment(error)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (includable(name, it->type()))
      names.push_back(name.str());
  }
  std::sort(names.begin(), names.end());
  llvm::SHA256 hasher;
  hasher.update(exists ? "dir" : "none");
  for (const std::string &name : names) {
    hasher.update(llvm::StringRef("\0", 1));
    hasher.update(name);
  }
  std::string hash = hex(hasher.final());
  std::lock_guard<std::mutex> lock(mutex_);
  listings_[dir] = hash;
  return hash;
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
  // Every file it was read from must still hash the same, every directory searched list the
  // same headers, and no header that was missing may be there now.
  std::vector<std::string> dirs, missing, read, absent;
  while (!rest.empty()) {
    auto [line, next] = rest.split('\n');
    rest = next;
    auto [kind, what] = line.split(' ');
    if (kind == "M") {
      missing.push_back(what.str());
      continue;
    }
    if (kind == "A") {
      if (llvm::sys::fs::exists(what))
        return std::nullopt; // a message package installed since
      absent.push_back(what.str());
      continue;
    }
    auto [hash, path] = what.split(' ');
    if (kind == "F" && contentHash(path.str()) == hash.str()) {
      read.push_back(path.str());
      continue;
    }
    if (kind == "D" && listingHash(path.str()) == hash.str()) {
      dirs.push_back(path.str());
      continue;
    }
    return std::nullopt; // changed, or a line this version does not write
  }
  // A name with no directory in it is in the listings just checked: one there now was there
  // when the entry was made, and missing then for another includer (`#include "Database.h"`
  // from a header of another directory), so it says nothing. A deeper path can appear without
  // changing a listing.
  for (const std::string &name : missing)
    for (const std::string &dir : name.find('/') == std::string::npos &&
                                          includable(name, llvm::sys::fs::file_type::regular_file)
                                      ? std::vector<std::string>{}
                                      : dirs) {
      llvm::SmallString<256> candidate(dir);
      llvm::sys::path::append(candidate, name);
      if (llvm::sys::fs::exists(candidate))
        return std::nullopt;
    }
  try {
    TuFacts facts = factsFromJson(json.str());
    facts.dependencies = std::move(read);
    facts.absentDefinitions = std::move(absent);
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
  std::set<std::string> searched;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = searchDirectories_.find(key); it != searchDirectories_.end())
      searched.insert(it->second.begin(), it->second.end());
  }
  for (const std::string &dependency : facts.dependencies)
    searched.insert(std::string(llvm::sys::path::parent_path(dependency)));
  std::vector<std::pair<std::string, std::string>> listings;
  for (const std::string &dir : searched)
    if (!dir.empty())
      listings.emplace_back(dir, listingHash(dir));
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
    out << entryText(facts, hashes, listings);
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
