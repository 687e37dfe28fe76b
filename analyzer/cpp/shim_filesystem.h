// Stand-in headers for libraries without a Debian package (ROS 2's rclcpp), served from
// memory under kShimRoot, which the extractor adds last to the include path.
#pragma once

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <memory>
#include <set>
#include <string>

namespace eventscope {

inline constexpr const char *kShimRoot = "/eventscope-shims";
// The stand-ins for names only a missing header declares (stand_ins.h), outside kShimRoot.
inline constexpr const char *kStandInsPath = "/eventscope-shims-stand-ins/stand-ins.hpp";

class RosInterfaceIndex;

// The stand-in headers under kShimRoot. `interfaces` (may be null) gives ROS message
// definitions, whose fields the message stand-ins then have; each definition file read is
// added to `definitionsRead`, and each path looked in that is not there to
// `definitionsAbsent` (for the cache: RosInterfaceIndex::findByType's `absent`).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeShimFileSystem(const RosInterfaceIndex *interfaces = nullptr,
                   std::shared_ptr<std::set<std::string>> definitionsRead = nullptr,
                   std::shared_ptr<std::set<std::string>> definitionsAbsent = nullptr);

} // namespace eventscope
