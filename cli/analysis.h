// Wiring the layers together: config -> analyzers -> graph -> rules. The only place that
// knows all of them.
#pragma once

#include "analyzer/config/config.h"
#include "analyzer/cpp/facts_json.h"
#include "analyzer/source_files.h"
#include "model/event_graph.h"
#include "model/finding.h"
#include "model/observed.h"
#include "rules/rule.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace eventscope {

struct CommonOptions {
  std::string root = ".";
  std::string configFile;
  std::string buildDir;
  unsigned jobs = 0;
  bool strict = false;
  bool quiet = false; // no progress, warnings or summary on stderr
  std::string cacheDir;  // default: .eventscope-cache under the root
  bool noCache = false;
  bool followSymlinks = false; // links out of the root are followed only when asked
  std::vector<std::string> factsFiles; // --facts: use these instead of parsing the code
  std::vector<std::string> traceFiles; // --traces: recorded traces to hold the graph against
};

struct Analysis {
  Config config;
  SystemLayout layout;
  EventGraph graph;
  std::map<std::string, RuleSettings> ruleSettings;
  std::vector<std::string> warnings; // printed on stderr, never dropped
  std::vector<std::string> inputFiles; // absolute: the code and contract files read (for `services` checks)
  std::vector<std::string> headersRead; // absolute: project headers the code read (a `services` glob may name them)
  size_t analysedUnits = 0; // read whole or in part
  size_t partialUnits = 0;  // read in part: missing headers, errors, a function skipped after a crash
  size_t failedUnits = 0;   // not read at all; with --strict, any is exit status 2
};

// Reads the config, the contracts and the code into a finalized graph. Throws InputError
// for anything the user must fix (exit status 2).
Analysis analyzeSystem(const CommonOptions &options);

// `extract`: the facts of the given code files (all of the config's when none), parsed or
// from the cache; warnings (a cache that cannot be written) are added to `warnings`.
FactsFile extractSystemFacts(const CommonOptions &options, const std::vector<std::string> &files,
                             std::vector<std::string> &warnings);

// Reads trace files (absolute path, path as shown) into the observed graph; what in them
// was not read (spans naming no destination, unknown messaging attributes) is added to
// `warnings`. Throws InputError for a file that is not a trace file, naming it.
std::shared_ptr<ObservedGraph> observeTraceFiles(const std::vector<std::pair<std::string, std::string>> &files,
                                                std::vector<std::string> &warnings);

// Rule settings from the defaults and the config's `rules`; unknown rule ids, unknown
// options and ill-typed values are InputErrors with a did-you-mean.
std::map<std::string, RuleSettings> resolveRuleSettings(const Config &config);

} // namespace eventscope
