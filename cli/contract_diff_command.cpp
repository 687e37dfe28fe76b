#include "cli/contract_diff_command.h"

#include "analyzer/contracts/contract_files.h"
#include "model/input_error.h"
#include "cli/git_changes.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <optional>

namespace eventscope {
namespace {

std::string absolute(const std::string &path) {
  llvm::SmallString<256> out(path);
  llvm::sys::fs::make_absolute(out);
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  return std::string(out);
}

// As shown: relative to the root when under it, else as given.
std::string displayPath(const std::string &root, const std::string &path) {
  std::string full = absolute(path), top = absolute(root) + "/";
  return full.rfind(top, 0) == 0 ? full.substr(top.size()) : path;
}

// A directory that removes itself.
struct ScratchDirectory {
  std::string path;
  ScratchDirectory() {
    llvm::SmallString<128> made;
    if (llvm::sys::fs::createUniqueDirectory("eventscope-base", made))
      throw InputError({}, "cannot create a temporary directory");
    path = std::string(made);
  }
  ~ScratchDirectory() { llvm::sys::fs::remove_directories(path); }
  ScratchDirectory(const ScratchDirectory &) = delete;
  ScratchDirectory &operator=(const ScratchDirectory &) = delete;
};

DiffedContract compare(const LoadedContract &before, const LoadedContract &after, const std::string &beforeName,
                       const std::string &afterName, const std::vector<std::string> &allow) {
  DiffedContract diffed;
  diffed.before = beforeName;
  diffed.after = afterName;
  diffed.service = after.document.service;
  diffed.changes = diffContracts({&before.document, before.diffRoot}, {&after.document, after.diffRoot});
  for (ContractChange &change : diffed.changes) {
    const LoadedContract &in = change.inBefore ? before : after;
    change.location = locatePointer(in, change.pointer);
    change.location.file = change.inBefore ? beforeName : afterName;
    change.allowed = change.verdict == Verdict::Breaking && pointerAllowed(change.pointer, allow);
  }
  return diffed;
}

bool hasConfig(const CommonOptions &common) {
  return !common.configFile.empty() || findConfigFile(common.root).has_value();
}

} // namespace

ContractDiffResult diffContractFiles(const ContractDiffOptions &options, const CommonOptions &common) {
  ContractDiffResult result;
  std::string root = absolute(common.root);
  std::optional<Analysis> analysis;
  bool wantImpact = !options.noImpact && hasConfig(common);
  if (wantImpact || (!options.base.empty() && options.files.empty())) {
    if (!hasConfig(common))
      throw InputError({}, "contract diff --base without files compares the config's contracts, but there is no "
                           "eventscope.yaml in " + common.root + " or above");
    analysis = analyzeSystem(common);
    result.notes = analysis->warnings;
  }

  if (options.base.empty()) {
    if (options.files.size() != 2)
      throw InputError({}, "contract diff takes two files, OLD and NEW (or --base GIT_REF and the files to compare)");
    std::string beforeName = displayPath(root, options.files[0]), afterName = displayPath(root, options.files[1]);
    LoadedContract before = loadAsyncApiFile(options.files[0], beforeName, root);
    LoadedContract after = loadAsyncApiFile(options.files[1], afterName, root);
    result.contracts.push_back(compare(before, after, beforeName, afterName, options.allow));
  } else {
    std::vector<std::string> files;
    for (const std::string &file : options.files)
      files.push_back(displayPath(root, file));
    if (files.empty())
      for (const ContractDocument &document : analysis->graph.contracts())
        files.push_back(document.file);
    for (const std::string &file : files) {
      ScratchDirectory scratch;
      std::optional<std::string> old = materializeAtRevision(root, options.base, file, scratch.path);
      if (!old) {
        result.notes.push_back(file + " is new since " + options.base + ": nothing to compare it with");
        continue;
      }
      std::string beforeName = options.base + ":" + *old;
      llvm::SmallString<256> oldPath(scratch.path);
      llvm::sys::path::append(oldPath, *old);
      LoadedContract before = loadAsyncApiFile(std::string(oldPath), beforeName, scratch.path);
      LoadedContract after = loadAsyncApiFile(root + "/" + file, file, root);
      result.contracts.push_back(compare(before, after, beforeName, file, options.allow));
    }
  }
  if (analysis)
    for (DiffedContract &contract : result.contracts)
      for (ContractChange &change : contract.changes)
        if (change.verdict == Verdict::Breaking)
          change.affected = affectedBy(analysis->graph, change, contract.service);
  return result;
}

} // namespace eventscope
