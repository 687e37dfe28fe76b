// A file system that finds a project header written in another case than its file's
// (`#include "KafkaConsumer.h"` for kafkaConsumer.h), as the case-insensitive file systems
// of Windows and macOS do, where such code was written and builds.
#pragma once

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <string>

namespace eventscope {

// `base` with one addition: a path under `root` (absolute, the project's root) that does not
// exist, in a directory that does, is the one file of that directory whose name differs from
// it only in case, if there is exactly one. Only the last component is folded; paths outside
// `root` (system headers) are never folded. The status and the file opened carry the real
// name, so that locations name the file as it is on disk.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeCaseFoldingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base,
                                                                          std::string root);

} // namespace eventscope
