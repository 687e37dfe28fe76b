// Stand-in headers for libraries without a Debian package (ROS 2's rclcpp), served from
// memory under kShimRoot, which the extractor adds last to the include path.
#pragma once

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace eventscope {

inline constexpr const char *kShimRoot = "/eventscope-shims";

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeShimFileSystem();

} // namespace eventscope
