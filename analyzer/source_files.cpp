#include "analyzer/source_files.h"

#include "model/input_error.h"
#include "analyzer/paths.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/GlobPattern.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <set>

namespace eventscope {

struct PathGlobs::Pattern {
  std::string literalPrefix; // set when the pattern has no wildcard
  std::string globText;      // GlobPattern keeps a StringRef into it: it must outlive the glob
  std::optional<llvm::GlobPattern> glob;
  // Without `**`, a `*` stays inside one directory (as in .gitignore and shells, unlike
  // llvm::GlobPattern): the path must have as many '/' as the pattern.
  std::optional<size_t> slashes;
};

PathGlobs::PathGlobs() = default;
PathGlobs::~PathGlobs() = default;
PathGlobs::PathGlobs(PathGlobs &&) noexcept = default;
PathGlobs &PathGlobs::operator=(PathGlobs &&) noexcept = default;

static std::string normalizePattern(std::string pattern) {
  while (pattern.rfind("./", 0) == 0)
    pattern.erase(0, 2);
  while (pattern.size() > 1 && pattern.back() == '/')
    pattern.pop_back();
  // `**/` is "any directories, or none"; llvm::GlobPattern's `*` already crosses '/'.
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 3, "**/") == 0) {
      out += "{,*/}";
      i += 3;
    } else if (pattern.compare(i, 2, "**") == 0) {
      out += "*";
      i += 2;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

PathGlobs::PathGlobs(const std::vector<std::string> &patterns, const Location &where) {
  for (const std::string &text : patterns) {
    auto pattern = std::make_unique<Pattern>();
    std::string normalized = normalizePattern(text);
    if (normalized.find_first_of("*?[{") == std::string::npos) {
      pattern->literalPrefix = normalized;
    } else {
      pattern->globText = normalized;
      auto glob = llvm::GlobPattern::create(pattern->globText, /*MaxSubPatterns=*/1024);
      if (!glob)
        throw InputError(where, "invalid path pattern '" + text + "': " + llvm::toString(glob.takeError()));
      pattern->glob = std::move(*glob);
      if (text.find("**") == std::string::npos && text.find('{') == std::string::npos)
        pattern->slashes = std::count(normalized.begin(), normalized.end(), '/');
    }
    patterns_.push_back(std::move(pattern));
  }
}

bool PathGlobs::matches(const std::string &path) const {
  for (const auto &pattern : patterns_) {
    if (pattern->glob) {
      if (pattern->glob->match(path) &&
          (!pattern->slashes || static_cast<size_t>(std::count(path.begin(), path.end(), '/')) == *pattern->slashes))
        return true;
    } else {
      const std::string &prefix = pattern->literalPrefix;
      if (prefix == "." || isUnder(path, prefix))
        return true;
    }
  }
  return false;
}

SystemLayout SystemLayout::create(const std::string &root, const Config &config) {
  SystemLayout layout;
  layout.root = absoluteClean(root);
  layout.baseDir = config.baseDir.empty() ? layout.root : absoluteClean(config.baseDir);
  for (const ServicePaths &service : config.services)
    layout.services.emplace_back(service.name, PathGlobs(service.globs, service.location));
  layout.exclude = PathGlobs(config.exclude, config.excludeAt);
  return layout;
}

std::string SystemLayout::relativeToBase(const std::string &path) const {
  bool absolute = llvm::sys::path::is_absolute(path);
  return relativeTo(absoluteClean(absolute ? path : root + "/" + path), baseDir);
}

std::string SystemLayout::relativeToRoot(const std::string &absolutePath) const {
  return relativeTo(absoluteClean(absolutePath), root);
}

std::optional<std::string> SystemLayout::configuredServiceOf(const std::string &absolutePath) const {
  std::string fromBase = relativeTo(absoluteClean(absolutePath), baseDir);
  for (const auto &[name, globs] : services)
    if (globs.matches(fromBase))
      return name;
  return std::nullopt;
}

std::string SystemLayout::serviceOf(const std::string &absolutePath) const {
  if (std::optional<std::string> configured = configuredServiceOf(absolutePath))
    return *configured;
  std::string clean = absoluteClean(absolutePath);
  std::string fromRoot = relativeTo(clean, root);
  size_t slash = fromRoot.find('/');
  if (slash == std::string::npos || fromRoot.rfind("../", 0) == 0)
    return std::string(llvm::sys::path::filename(root));
  return fromRoot.substr(0, slash);
}

FoundFiles SystemLayout::findFiles(const PathGlobs &globs) const {
  FoundFiles out;
  if (globs.empty())
    return out;
  llvm::SmallString<256> realRootBuffer;
  std::string realRoot = llvm::sys::fs::real_path(root, realRootBuffer) ? root : std::string(realRootBuffer);
  auto wanted = [&](const std::string &path) {
    std::string relative = relativeTo(path, baseDir);
    return globs.matches(relative) && (exclude.empty() || !exclude.matches(relative));
  };
  // (reached through a link, path as found under the root)
  std::vector<std::pair<bool, std::string>> found;
  std::set<std::string> visitedDirectories{realRoot}; // real paths: a link back up is no loop
  std::vector<std::pair<bool, std::string>> pending{{false, root}};
  bool throughLinks = false;
  while (!pending.empty()) {
    auto [directoryViaLink, directory] = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(directory, ec, /*follow_symlinks=*/false), end; it != end && !ec;
         it.increment(ec)) {
      std::string path = it->path();
      llvm::StringRef name = llvm::sys::path::filename(path);
      auto type = it->type();
      std::string realPath;
      bool viaLink = directoryViaLink;
      if (type == llvm::sys::fs::file_type::symlink_file) {
        llvm::SmallString<256> target;
        llvm::sys::fs::file_status status;
        if (llvm::sys::fs::real_path(path, target) || llvm::sys::fs::status(path, status)) {
          if (wanted(path))
            out.linksNotFollowed.push_back(relativeTo(path, root) + " (a broken link)");
          continue;
        }
        realPath = std::string(target);
        type = status.type();
        if (!followSymlinks && !isUnder(realPath, realRoot)) {
          if (type == llvm::sys::fs::file_type::directory_file || wanted(path))
            out.linksNotFollowed.push_back(relativeTo(path, root) + " -> " + realPath);
          continue;
        }
        throughLinks = viaLink = true;
      }
      if (type == llvm::sys::fs::file_type::directory_file) {
        if (name.starts_with(".") || name == "node_modules" || name == "CMakeFiles")
          continue;
        if (!realPath.empty() && !visitedDirectories.insert(realPath).second)
          continue; // a link to a directory already walked (or being walked)
        pending.emplace_back(viaLink, path);
        continue;
      }
      if (type == llvm::sys::fs::file_type::regular_file && wanted(path))
        found.emplace_back(viaLink, path);
    }
  }
  // A file reached twice (itself and through a link) is analysed once: at its own path
  // rather than through a link, otherwise at the first path.
  std::sort(found.begin(), found.end());
  std::set<std::string> seen;
  for (auto &[viaLink, path] : found) {
    llvm::SmallString<256> real;
    if (!throughLinks || llvm::sys::fs::real_path(path, real) || seen.insert(std::string(real)).second)
      out.files.push_back(std::move(path));
  }
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.linksNotFollowed.begin(), out.linksNotFollowed.end());
  return out;
}

} // namespace eventscope
