// Finding the files a config names, and the service each file belongs to.
#pragma once

#include "analyzer/config/config.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// The config's path patterns, each matched against a whole path relative to the config's
// directory (anchored: unlike .gitignore's, `*.cpp` does not match `src/a.cpp`).
// - Without wildcards, a pattern names a file or a directory with everything below it
//   (`services/order`).
// - Wildcards are llvm::GlobPattern's: `?`, `[a-z]`, `{a,b}` and `*`. `**/` is any number of
//   directories or none, `**` anything. A `*` stays inside one directory, as in shells,
//   except in a pattern that also has `**` or `{`, where LLVM's `*` crosses '/'.
// - A pattern with wildcards matches the paths it spells, not what lies below them:
//   `services/*` is the files directly in `services`.
class PathGlobs {
public:
  PathGlobs();
  // Throws InputError (at `where`) for a malformed pattern.
  PathGlobs(const std::vector<std::string> &patterns, const Location &where);
  ~PathGlobs();
  PathGlobs(PathGlobs &&) noexcept;
  PathGlobs &operator=(PathGlobs &&) noexcept;

  bool matches(const std::string &relativePath) const;
  bool empty() const { return patterns_.empty(); }

private:
  struct Pattern;
  std::vector<std::unique_ptr<Pattern>> patterns_;
};

// What findFiles found, and the symbolic links it did not follow (so they can be reported:
// nothing is skipped silently).
struct FoundFiles {
  std::vector<std::string> files;            // absolute, sorted
  std::vector<std::string> linksNotFollowed; // "link -> target" relative to the root, sorted
};

// The system being analysed: its root, and the config relating files to services.
struct SystemLayout {
  std::string root;    // absolute, without trailing separator
  std::string baseDir; // absolute; config globs are relative to it
  std::vector<std::pair<std::string, PathGlobs>> services;
  PathGlobs exclude; // the config's `exclude`: never analysed, never reported
  // Follow symbolic links that lead out of the root (--follow-symlinks). Links that stay
  // inside it are always followed.
  bool followSymlinks = false;

  static SystemLayout create(const std::string &root, const Config &config);

  // `path` (absolute, or relative to the root) relative to baseDir, as config globs see it.
  std::string relativeToBase(const std::string &path) const;
  // Under the config's `exclude`.
  bool excluded(const std::string &path) const { return !exclude.empty() && exclude.matches(relativeToBase(path)); }

  // `absolutePath` relative to the root, with '/' separators ("../x" when outside it).
  std::string relativeToRoot(const std::string &absolutePath) const;
  // The service a file belongs to: the first `services` glob that matches it, otherwise
  // its first directory under the root (the root's own name for files at the top).
  std::string serviceOf(const std::string &absolutePath) const;
  // The service of the first `services` glob that matches the file; nullopt when none does.
  std::optional<std::string> configuredServiceOf(const std::string &absolutePath) const;
  // Every regular file under the root whose path relative to baseDir matches `globs` and
  // is not excluded, as absolute paths, sorted. Hidden directories and node_modules are not entered.
  // Symbolic links are followed while they stay under the root (a file reached twice is
  // listed once); links out of it only with followSymlinks; the others are listed.
  FoundFiles findFiles(const PathGlobs &globs) const;
};

} // namespace eventscope
