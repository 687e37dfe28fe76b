// `merge FACTS... -o MERGED`: the reduce step of a sharded run; the parts must come from one
// configuration.
#include "analyzer/cpp/facts_cache.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

namespace eventscope {
namespace {

// `merge FACTS... -o MERGED`: the reduce step; the parts must come from one configuration.
int runMerge(const std::vector<std::string> &inputs, const std::string &output, bool quiet) {
  FactsFile merged;
  std::map<std::string, std::string> origin; // unit file -> FACTS file
  for (const std::string &input : inputs) {
    FactsFile part = readFactsFile(readInputFile(input, input, kMaxFactsFileBytes), input);
    if (!merged.apiFingerprint.empty() && part.apiFingerprint != merged.apiFingerprint)
      throw InputError({input, 0, 0, ""}, "extracted with another API configuration than " + inputs.front());
    merged.apiFingerprint = part.apiFingerprint;
    for (TuFacts &unit : part.units) {
      auto [it, inserted] = origin.emplace(unit.file, input);
      if (!inserted)
        throw InputError({input, 0, 0, ""}, unit.file + " is already in " + it->second);
      merged.units.push_back(std::move(unit));
    }
  }
  std::sort(merged.units.begin(), merged.units.end(), [](const TuFacts &a, const TuFacts &b) { return a.file < b.file; });
  emit(writeFactsFile(merged), output);
  if (!quiet)
    std::cerr << "eventscope: " << merged.units.size() << " translation unit(s) from " << inputs.size()
              << " FACTS file(s) written to " << output << "\n";
  return kExitClean;
}

} // namespace

Command mergeCommand() {
  return {{"merge"}, "Join FACTS files into one, for check, scan, graph and docs --facts", SharedOptions::Quiet,
          [](CLI::App &app) -> CommandRun {
            struct Options {
              std::vector<std::string> inputs;
              std::string output;
            };
            auto options = std::make_shared<Options>();
            app.add_option("FACTS", options->inputs, "FACTS files written by `extract`")->required();
            app.add_option("-o,--output", options->output, "The merged FACTS file")->required();
            return [options](const CommonOptions &common) { return runMerge(options->inputs, options->output, common.quiet); };
          }};
}

} // namespace eventscope
