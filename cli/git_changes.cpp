#include "cli/git_changes.h"

#include "model/input_error.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <optional>
#include <set>

namespace eventscope {
namespace {

// Runs git with these arguments in `root`; returns its stdout, or throws with its stderr.
std::string runGit(const std::string &root, const std::vector<std::string> &args) {
  llvm::ErrorOr<std::string> git = llvm::sys::findProgramByName("git");
  if (!git)
    throw InputError({}, "git is needed (for --changed-since or --base) but is not on the PATH");
  llvm::SmallString<128> out, err;
  llvm::sys::fs::createTemporaryFile("eventscope-git", "out", out);
  llvm::sys::fs::createTemporaryFile("eventscope-git", "err", err);
  std::vector<llvm::StringRef> argv{*git, "-C", root};
  argv.insert(argv.end(), args.begin(), args.end());
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(out), llvm::StringRef(err)};
  std::string message;
  int status = llvm::sys::ExecuteAndWait(*git, argv, std::nullopt, redirects, 0, 0, &message);
  auto read = [](llvm::StringRef path) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    return buffer ? (*buffer)->getBuffer().str() : std::string();
  };
  std::string output = read(out), errors = read(err);
  llvm::sys::fs::remove(out);
  llvm::sys::fs::remove(err);
  if (status != 0) {
    std::string first = errors.substr(0, errors.find('\n'));
    throw InputError({}, "git " + args.front() + " failed: " + (first.empty() ? message : first));
  }
  return output;
}

std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    if (end > start)
      out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Throws unless REF names a commit; `option` is what the user wrote it after.
void verifyRevision(const std::string &root, const std::string &ref, const std::string &option) {
  if (ref.empty() || ref.front() == '-')
    throw InputError({}, option + " needs a git revision, not '" + ref + "'");
  // `--end-of-options` keeps REF from ever being read as an option.
  try {
    runGit(root, {"rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"});
  } catch (const InputError &e) {
    std::string why = e.what();
    if (why.find("failed: ") + 8 == why.size()) // --quiet: git says nothing for an unknown revision
      throw InputError({}, option + ": '" + ref + "' is not a commit of the git repository at " + root);
    throw;
  }
}

bool isContractText(const std::string &path) {
  llvm::StringRef extension = llvm::sys::path::extension(path);
  return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

} // namespace

std::optional<std::string> materializeAtRevision(const std::string &root, const std::string &ref,
                                                 const std::string &path, const std::string &into) {
  verifyRevision(root, ref, "--base");
  std::string old = path;
  for (const std::string &line : lines(runGit(root, {"diff", "--relative", "-M", "--name-status", ref, "--"}))) {
    // "R087<TAB>old<TAB>new": the file was renamed since REF
    std::vector<std::string> fields;
    for (size_t start = 0, tab; start <= line.size(); start = tab + 1) {
      tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos)
        break;
    }
    if (fields.size() == 3 && fields[0].rfind("R", 0) == 0 && fields[2] == path)
      old = fields[1];
  }
  try {
    runGit(root, {"cat-file", "-e", ref + ":./" + old});
  } catch (const InputError &) {
    return std::nullopt; // not there at REF: a new contract
  }
  // The file and the YAML and JSON files beside and below it, for its relative $refs.
  std::string directory = llvm::sys::path::parent_path(old).str();
  std::vector<std::string> files{old};
  for (const std::string &file :
       lines(runGit(root, {"ls-tree", "-r", "--name-only", ref, "--", directory.empty() ? "." : "./" + directory})))
    if (file != old && isContractText(file) && files.size() < 1000)
      files.push_back(file);
  for (const std::string &file : files) {
    std::string text = runGit(root, {"show", ref + ":./" + file});
    llvm::SmallString<256> target(into);
    llvm::sys::path::append(target, file);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(target));
    std::error_code error;
    llvm::raw_fd_ostream out(target, error);
    if (error)
      throw InputError({}, std::string(target) + ": cannot write: " + error.message());
    out << text;
  }
  return old;
}

std::vector<std::string> filesChangedSince(const std::string &root, const std::string &ref) {
  verifyRevision(root, ref, "--changed-since");
  // Paths from git are relative to the top of the work tree: make them relative to root.
  std::string top = runGit(root, {"rev-parse", "--show-toplevel"});
  top.erase(top.find_last_not_of("\n\r") + 1);
  llvm::SmallString<256> realRoot, realTop;
  llvm::sys::fs::real_path(root, realRoot);
  llvm::sys::fs::real_path(top, realTop);
  std::string prefix = realRoot == realTop ? "" : std::string(realRoot.str().substr(realTop.size() + 1)) + "/";

  std::set<std::string> changed;
  for (const std::string &path : lines(runGit(root, {"diff", "--name-only", "--no-renames", ref, "--"})))
    changed.insert(path);
  for (const std::string &path : lines(runGit(root, {"ls-files", "--others", "--exclude-standard", "--full-name"})))
    changed.insert(path);
  std::vector<std::string> relative;
  for (const std::string &path : changed)
    if (path.rfind(prefix, 0) == 0)
      relative.push_back(path.substr(prefix.size()));
  return relative;
}

} // namespace eventscope
