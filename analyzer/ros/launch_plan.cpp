#include "analyzer/ros/launch_plan.h"

#include "analyzer/config/config.h"
#include "analyzer/source_files.h"

#include <algorithm>
#include <set>

namespace eventscope {

LaunchPlan LaunchPlan::read(const Config &config, const SystemLayout &layout, std::vector<std::string> &warnings,
                            std::vector<std::string> &inputFiles) {
  LaunchPlan plan;
  std::vector<std::pair<std::string, Location>> entries = config.pathEntries("launch");
  if (entries.empty())
    return plan;
  plan.packages_ = indexRosPackages(layout);
  warnings.insert(warnings.end(), plan.packages_.notes.begin(), plan.packages_.notes.end());
  LaunchReading reading;
  std::vector<std::string> read;
  for (const auto &[entry, at] : entries) {
    for (const std::string &file : layout.findFiles(PathGlobs({entry}, at)).files) {
      if (std::find(read.begin(), read.end(), file) != read.end())
        continue;
      read.push_back(file);
      readLaunchFile(file, plan.packages_.directories, layout, reading);
    }
  }
  inputFiles.insert(inputFiles.end(), read.begin(), read.end());
  // A file included several times says the same thing each time: once is enough.
  std::set<std::string> said;
  for (const std::string &note : reading.notes)
    if (said.insert(note).second)
      warnings.push_back(note);
  plan.nodes_ = std::move(reading.nodes);
  std::set<Location> ignored;
  for (RosRemap &remap : reading.ignoredRemaps)
    if (ignored.insert(remap.at).second) // (a file included several times)
      plan.ignoredRemaps_.push_back(std::move(remap));
  return plan;
}

const RosPackageIndex::Program *LaunchPlan::programOf(const LaunchedNode &node) const {
  auto &map = node.plugin.empty() ? packages_.executables : packages_.plugins;
  auto it = map.find({node.package, node.plugin.empty() ? node.executable : node.plugin});
  return it == map.end() || it->second.files.empty() ? nullptr : &it->second;
}

bool LaunchPlan::tied(const LaunchedNode &node) const { return programOf(node) != nullptr; }

std::set<std::string> LaunchPlan::filesOf(const LaunchedNode &node) const {
  const RosPackageIndex::Program *program = programOf(node);
  return program ? program->files : std::set<std::string>{};
}

std::vector<std::string>
LaunchPlan::giveParameters(const std::map<std::string, std::map<std::string, std::string>> &byNode) {
  std::vector<std::string> unmatched;
  for (const auto &[path, parameters] : byNode) {
    bool matched = false;
    for (LaunchedNode &node : nodes_) {
      if (node.name.empty())
        continue;
      const std::string qualified = node.nodeNamespace.value_or("/") + "/" + node.name;
      std::string bare = qualified;
      while (bare.find("//") != std::string::npos)
        bare.erase(bare.find("//"), 1);
      if (path.find('/') == std::string::npos ? path != node.name : "/" + path != bare)
        continue;
      matched = true;
      std::vector<std::pair<std::string, std::string>> given(parameters.begin(), parameters.end());
      given.insert(given.end(), node.parameters.begin(), node.parameters.end());
      node.parameters = std::move(given);
    }
    if (!matched)
      unmatched.push_back(path);
  }
  return unmatched;
}

std::vector<const LaunchedNode *> LaunchPlan::nodesRunning(const std::string &file, const std::string &function,
                                                           const std::string &service) const {
  std::vector<const LaunchedNode *> running;
  for (const LaunchedNode &node : nodes_) {
    const RosPackageIndex::Program *program = programOf(node);
    bool runs = false;
    if (program) {
      // A library registering several components: the others' code runs in their own nodes.
      runs = program->files.count(file) > 0 &&
             std::none_of(program->otherClasses.begin(), program->otherClasses.end(),
                          [&](const std::string &other) { return function.rfind(other + "::", 0) == 0; });
    } else if (!node.executable.empty()) {
      runs = service == node.executable; // the config ties it: a service named as the executable
    }
    if (runs)
      running.push_back(&node);
  }
  return running;
}

} // namespace eventscope
