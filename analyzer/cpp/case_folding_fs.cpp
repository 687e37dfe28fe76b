#include "analyzer/cpp/case_folding_fs.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <mutex>
#include <optional>
#include <vector>

namespace eventscope {
namespace {

// The real name, marked as one the file system exposes: Clang's FileManager then names the
// file by it (a redirection), not by the spelling that was asked for.
llvm::ErrorOr<llvm::vfs::Status> exposed(llvm::ErrorOr<llvm::vfs::Status> status) {
  if (status)
    status->ExposesExternalVFSPath = true;
  return status;
}

class FoldedFile : public llvm::vfs::File {
public:
  explicit FoldedFile(std::unique_ptr<llvm::vfs::File> file) : file_(std::move(file)) {}
  llvm::ErrorOr<llvm::vfs::Status> status() override { return exposed(file_->status()); }
  llvm::ErrorOr<std::string> getName() override { return file_->getName(); }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> getBuffer(const llvm::Twine &name, int64_t fileSize,
                                                                bool requiresNullTerminator, bool isVolatile) override {
    return file_->getBuffer(name, fileSize, requiresNullTerminator, isVolatile);
  }
  std::error_code close() override { return file_->close(); }

private:
  std::unique_ptr<llvm::vfs::File> file_;
};

class CaseFoldingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  CaseFoldingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base, std::string root)
      : ProxyFileSystem(std::move(base)), root_(std::move(root)) {
    llvm::SmallString<256> absolute(root_);
    if (!llvm::sys::fs::make_absolute(absolute))
      root_ = absolute.str().str();
    while (root_.size() > 1 && root_.back() == '/')
      root_.pop_back();
  }

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &path) override {
    llvm::ErrorOr<llvm::vfs::Status> found = ProxyFileSystem::status(path);
    if (found || found.getError() != std::errc::no_such_file_or_directory)
      return found;
    if (std::optional<std::string> real = folded(path))
      return exposed(ProxyFileSystem::status(*real));
    return found;
  }

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &path) override {
    llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> found = ProxyFileSystem::openFileForRead(path);
    if (found || found.getError() != std::errc::no_such_file_or_directory)
      return found;
    if (std::optional<std::string> real = folded(path)) {
      llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> file = ProxyFileSystem::openFileForRead(*real);
      if (!file)
        return file;
      return std::unique_ptr<llvm::vfs::File>(std::make_unique<FoldedFile>(std::move(*file)));
    }
    return found;
  }

private:
  // The real path of `path` when its last component differs from one file's only in case.
  std::optional<std::string> folded(const llvm::Twine &path) {
    llvm::SmallString<256> absolute;
    path.toVector(absolute);
    if (makeAbsolute(absolute))
      return std::nullopt;
    llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
    llvm::StringRef full = absolute.str();
    if (root_.empty() || !full.starts_with(root_ + "/"))
      return std::nullopt;
    const std::string directory = llvm::sys::path::parent_path(full).str();
    const llvm::StringRef wanted = llvm::sys::path::filename(full);
    const std::vector<std::string> &names = entries(directory);
    std::optional<std::string> match;
    for (const std::string &name : names)
      if (llvm::StringRef(name).equals_insensitive(wanted)) {
        if (match)
          return std::nullopt; // two spellings: which one the author meant is not known
        match = name;
      }
    if (!match)
      return std::nullopt;
    llvm::SmallString<256> real(directory);
    llvm::sys::path::append(real, *match);
    return real.str().str();
  }

  // The names in `directory`, listed once: header search asks about many names in a few.
  const std::vector<std::string> &entries(const std::string &directory) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = listed_.try_emplace(directory);
    if (inserted) {
      std::error_code error;
      for (llvm::vfs::directory_iterator entry = getUnderlyingFS().dir_begin(directory, error), end;
           !error && entry != end; entry.increment(error))
        it->second.push_back(llvm::sys::path::filename(entry->path()).str());
    }
    return it->second;
  }

  std::string root_;
  std::mutex mutex_;
  llvm::StringMap<std::vector<std::string>> listed_;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeCaseFoldingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base,
                                                                          std::string root) {
  return llvm::makeIntrusiveRefCnt<CaseFoldingFileSystem>(std::move(base), std::move(root));
}

} // namespace eventscope
