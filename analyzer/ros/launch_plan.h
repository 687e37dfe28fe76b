// The launch files a config names (`launch:`), read and tied to the code their nodes run:
// what resolving a ROS endpoint needs to know about the process it is in.
#pragma once

#include "analyzer/ros/launch_files.h"
#include "analyzer/ros/ros_packages.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace eventscope {

struct Config;
struct SystemLayout;

class LaunchPlan {
public:
  // Reads every file of the config's `launch:` globs and the ROS packages under the root.
  // Throws InputError for a launch file that cannot be read (see readLaunchFile). `warnings`
  // gets what was not read statically; `inputFiles` the launch files (absolute).
  static LaunchPlan read(const Config &config, const SystemLayout &layout, std::vector<std::string> &warnings,
                         std::vector<std::string> &inputFiles);

  bool empty() const { return nodes_.empty(); }
  const std::vector<LaunchedNode> &nodes() const { return nodes_; }
  // Gives the launched nodes the parameters a parameter file sets for them by name
  // (readRosParameterFile's `byNode`: "camera" for a node named camera in any namespace,
  // "robot1/camera" for /robot1/camera), before the launch file's own, which win. Returns
  // the node paths no launched node has.
  std::vector<std::string> giveParameters(const std::map<std::string, std::map<std::string, std::string>> &byNode);
  // Remapping rules roslaunch ignores (LaunchReading::ignoredRemaps), each once.
  const std::vector<RosRemap> &ignoredRemaps() const { return ignoredRemaps_; }

  // The launched nodes whose process runs `function` (qualified) of `file` (relative to the
  // root), the file being in `service`: the executable's or the component's sources as the
  // package's CMakeLists.txt lists them, or a service of the config named as the executable.
  std::vector<const LaunchedNode *> nodesRunning(const std::string &file, const std::string &function,
                                                 const std::string &service) const;
  // Whether the node's process runs any analysed code (its executable is tied to code).
  bool tied(const LaunchedNode &node) const;
  // The source files (relative to the root) the node's process runs, as its package's
  // CMakeLists.txt says; empty when it is not tied that way.
  std::set<std::string> filesOf(const LaunchedNode &node) const;

private:
  const RosPackageIndex::Program *programOf(const LaunchedNode &node) const;

  std::vector<LaunchedNode> nodes_;
  std::vector<RosRemap> ignoredRemaps_;
  RosPackageIndex packages_;
};

} // namespace eventscope
