#include "cli/analysis.h"

#include "analyzer/contracts/contract_files.h"
#include "analyzer/input_error.h"

#include <llvm/Support/FileSystem.h>

namespace eventscope {

static Config readConfig(const CommonOptions &options, const std::string &root) {
  if (!options.configFile.empty()) {
    if (!llvm::sys::fs::exists(options.configFile))
      throw InputError({options.configFile, 0, 0, ""}, "config file not found");
    return loadConfig(options.configFile, options.configFile);
  }
  if (auto found = findConfigFile(root))
    return loadConfig(*found, *found);
  // No config: every YAML and JSON file is looked at, and those that are neither
  // manifests nor AsyncAPI are passed over (counted in a warning).
  Config config;
  config.contracts = {"**/*.yaml", "**/*.yml", "**/*.json"};
  return config;
}

Analysis analyzeSystem(const CommonOptions &options) {
  if (!llvm::sys::fs::is_directory(options.root))
    throw InputError({options.root, 0, 0, ""}, llvm::sys::fs::exists(options.root)
                                                   ? "is not a directory (expected the root of the system to analyse)"
                                                   : "directory not found");
  Analysis analysis;
  analysis.config = readConfig(options, options.root);
  analysis.ruleSettings = resolveRuleSettings(analysis.config);
  analysis.layout = SystemLayout::create(options.root, analysis.config);

  Location configLocation{analysis.config.file, 0, 0, ""};
  PathGlobs contractGlobs(analysis.config.contracts, configLocation);
  size_t passedOver = 0;
  std::string configPath;
  if (!analysis.config.file.empty())
    configPath = analysis.layout.relativeToRoot(analysis.config.file);
  for (const std::string &path : analysis.layout.findFiles(contractGlobs)) {
    if (analysis.layout.relativeToRoot(path) == configPath)
      continue; // `contracts: ["*.yaml"]` next to eventscope.yaml
    ContractFileKind kind = loadContractFile(path, analysis.layout.relativeToRoot(path), analysis.config.contractsGiven,
                                             analysis.graph, analysis.warnings);
    if (kind == ContractFileKind::Other)
      ++passedOver;
  }
  if (passedOver > 0)
    analysis.warnings.push_back("passed over " + std::to_string(passedOver) +
                                " YAML/JSON file(s) that are neither manifests nor AsyncAPI documents "
                                "(no eventscope.yaml names the contracts)");

  if (!analysis.config.sources.empty() || !options.buildDir.empty())
    analysis.warnings.push_back("C++ sources are not analysed by this version yet");

  analysis.graph.finalize();
  return analysis;
}

} // namespace eventscope
