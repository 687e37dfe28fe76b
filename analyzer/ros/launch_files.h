// Launch files read without running anything (ROS 1 roslaunch XML; ROS 2 launch XML, YAML
// and Python in their static forms) into the nodes they start, with their names,
// namespaces and remapping rules, following `include`s.
#pragma once

#include "model/ros_launch.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

struct SystemLayout;

struct LaunchReading {
  std::vector<LaunchedNode> nodes;   // in launch order
  // What could not be read statically and what was done instead ("file:line:col: ..."):
  // a substitution only a running system knows, an include of a package not under the root.
  std::vector<std::string> notes;
  std::vector<std::string> files;    // every launch file read, includes too (absolute)
  // Remapping rules roslaunch does not apply: a ROS 1 `<remap>` written inside `<include>`,
  // where roslaunch reads only `<arg>` and `<env>` (it warns "unrecognized 'remap' tag").
  std::vector<RosRemap> ignoredRemaps;
};

// Reads the launch file `path` (absolute) and what it includes. `packages` maps ROS package
// names to their directories (absolute) for `$(find pkg)` / `$(find-pkg-share pkg)`.
// Throws InputError at the file and line of a file that does not parse, is no launch file,
// includes a file that does not exist, or includes itself.
void readLaunchFile(const std::string &path, const std::map<std::string, std::string> &packages,
                    const SystemLayout &layout, LaunchReading &reading);

} // namespace eventscope
