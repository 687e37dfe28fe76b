#include "cli/analysis.h"
#include "cli/progress.h"

#include "analyzer/contracts/contract_files.h"
#include "analyzer/cpp/extractor.h"
#include "analyzer/cpp/facts_cache.h"
#include "analyzer/documents/yaml_input.h"
#include "analyzer/cpp/profiles.h"
#include "analyzer/cpp/resolve.h"
#include "model/input_error.h"
#include "analyzer/paths.h"
#include "analyzer/ros/launch_plan.h"
#include "analyzer/traces/trace_files.h"
#include "model/observed.h"
#include "model/text_distance.h"

#include <algorithm>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SHA256.h>

#include <optional>
#include <set>
#include <tuple>

namespace eventscope {

// The C++ files looked at when neither `sources` nor -p says which (the README's default).
static const std::vector<std::string> kDefaultSources{"**/*.cpp", "**/*.cc", "**/*.cxx", "**/*.c"};

static Config readConfigFile(const CommonOptions &options, const std::string &root);

static Config readConfig(const CommonOptions &options, const std::string &root) {
  Config config = readConfigFile(options, root);
  if (!config.sourcesGiven && options.buildDir.empty())
    config.sources = kDefaultSources;
  return config;
}

static Config readConfigFile(const CommonOptions &options, const std::string &root) {
  if (!options.configFile.empty()) {
    if (!llvm::sys::fs::exists(options.configFile))
      throw InputError({options.configFile, 0, 0, ""}, "config file not found");
    return loadConfig(options.configFile, options.configFile);
  }
  if (auto found = findConfigFile(root)) {
    // Shown relative to the root when it lies there, as every other path.
    llvm::SmallString<256> absoluteRoot(root);
    llvm::sys::fs::make_absolute(absoluteRoot);
    llvm::sys::path::remove_dots(absoluteRoot, true);
    llvm::SmallString<256> foundPath(*found);
    llvm::sys::fs::make_absolute(foundPath);
    llvm::sys::path::remove_dots(foundPath, true);
    std::string display(foundPath);
    std::string prefix = std::string(absoluteRoot) + "/";
    if (display.rfind(prefix, 0) == 0)
      display = display.substr(prefix.size());
    return loadConfig(*found, display);
  }
  // No config: every YAML and JSON file is looked at, and those that are neither
  // manifests nor AsyncAPI are passed over (counted in a warning).
  Config config;
  config.contracts = {"**/*.yaml", "**/*.yml", "**/*.json"};
  return config;
}

// Writes of the common C/C++ database clients, for dual-write; `persistence_apis` adds more.
const char *const kDefaultPersistenceApis[] = {
    "sqlite3_exec", "sqlite3_step", "PQexec", "PQexecParams", "PQexecPrepared", "PQsendQuery",
    "pqxx::transaction_base::exec", "pqxx::transaction_base::exec0", "pqxx::transaction_base::exec_params",
    "pqxx::work::exec", "soci::session::once", "soci::statement::execute"};

static bool hasGlobCharacters(const std::string &path) { return path.find_first_of("*?[{") != std::string::npos; }

// The `exclude` entries of each rule's settings, with where each is written and its key.
static std::vector<std::tuple<std::string, Location, std::string>> ruleExcludes(const Config &config) {
  std::vector<std::tuple<std::string, Location, std::string>> entries;
  for (const auto &[id, rule] : config.rules)
    for (size_t i = 0; i < rule.exclude.size(); ++i)
      entries.emplace_back(rule.exclude[i], i < rule.excludeAt.size() ? rule.excludeAt[i] : rule.location,
                           "`exclude` of " + id);
  return entries;
}

// A config entry that matches nothing would leave out what it was written for without a word
// (a contract never checked, a directory never excluded). A literal path that does not exist
// is an error, at the entry; a glob that matches no file is a warning there (checked where
// the files are found, by matchesNothing).
static void checkLiteralPaths(const Config &config, const std::string &baseDir, std::vector<std::string> &warnings) {
  std::vector<std::tuple<std::string, Location, std::string>> entries = ruleExcludes(config);
  for (const char *key : kPathKeys)
    for (const auto &[entry, at] : config.pathEntries(key))
      entries.emplace_back(entry, at, std::string("`") + key + "`");
  for (const auto &[entry, at, key] : entries) {
    if (entry.empty() || hasGlobCharacters(entry))
      continue;
    bool absolute = llvm::sys::path::is_absolute(entry);
    if (llvm::sys::fs::exists(absolute ? entry : baseDir + "/" + entry))
      continue;
    std::string message = key + " entry '" + entry + "' does not exist" +
                          (absolute ? std::string() : " (paths are relative to " + baseDir + ")");
    // An include directory copied from a build file may be an empty submodule or a generated
    // directory: the compiler skips it, and the headers it would give are reported missing
    // where they are included (analysis-incomplete). Said at the entry, not fatal.
    if (key == "`include_dirs`")
      warnings.push_back(formatLocation(at) + ": " + message + "; its headers are missing where included");
    // An exclusion of something that is not there leaves nothing out: the run goes on, and
    // the entry is said (a new user's exclusion of a vendored file the checkout lacks cost
    // the whole run, session 44).
    else if (llvm::StringRef(key).starts_with("`exclude`"))
      warnings.push_back(formatLocation(at) + ": " + message + "; it leaves nothing out");
    else
      throw InputError(at, message);
  }
}

// `files` (absolute) as the config's globs see them: relative to its directory.
static std::vector<std::string> asConfigSeesThem(const SystemLayout &layout, const std::vector<std::string> &files) {
  std::vector<std::string> relative;
  for (const std::string &file : files)
    relative.push_back(layout.relativeToBase(file));
  return relative;
}

// Whether the config entry `pattern` (written at `at`) matches none of `relative`.
static bool matchesNothing(const std::string &pattern, const Location &at, const std::vector<std::string> &relative) {
  PathGlobs glob({pattern}, at);
  return std::none_of(relative.begin(), relative.end(), [&](const std::string &f) { return glob.matches(f); });
}

// The entries of `key` that match none of `files` (absolute), as warnings at the entry.
static void warnUnmatchedEntries(const Analysis &analysis, const char *key, const std::vector<std::string> &files,
                                 const char *what, std::vector<std::string> &warnings) {
  if (analysis.config.file.empty() || (std::string_view(key) == "sources" && !analysis.config.sourcesGiven))
    return; // the default globs are a guess, not something the user wrote
  std::vector<std::string> relative = asConfigSeesThem(analysis.layout, files);
  for (const auto &[entry, at] : analysis.config.pathEntries(key)) {
    if (matchesNothing(entry, at, relative))
      warnings.push_back(formatLocation(at) + ": `" + key + "` entry '" + entry + "' matches no " + what + " under " +
                         analysis.layout.root + (analysis.layout.baseDir == analysis.layout.root
                                                     ? std::string()
                                                     : " (globs are relative to " + analysis.layout.baseDir + ")"));
  }
}

// Names the links findFiles did not follow: nothing is skipped silently.
static std::vector<std::string> takeFiles(FoundFiles found, std::vector<std::string> &warnings) {
  if (!found.linksNotFollowed.empty()) {
    std::string list;
    for (size_t i = 0; i < found.linksNotFollowed.size() && i < 5; ++i)
      list += (i ? ", " : "") + found.linksNotFollowed[i];
    if (found.linksNotFollowed.size() > 5)
      list += ", ...";
    std::string warning = "did not follow " + std::to_string(found.linksNotFollowed.size()) +
                          " symbolic link(s) leading out of the root or broken (--follow-symlinks follows them): " + list;
    if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) // sources and contracts both walk
      warnings.push_back(std::move(warning));
  }
  return std::move(found.files);
}

static std::vector<std::string> codeFiles(const CommonOptions &options, const Analysis &analysis,
                                          std::vector<std::string> &warnings) {
  const Config &config = analysis.config;
  Location configLocation{config.file, 0, 0, ""};
  if (!options.buildDir.empty()) {
    PathGlobs sources(config.sources, configLocation);
    std::vector<std::string> listed = compilationDatabaseFiles(options.buildDir), underRoot, files;
    for (const std::string &file : listed) {
      std::string relative = analysis.layout.relativeToRoot(file);
      if (relative.rfind("../", 0) == 0 || analysis.layout.excluded(file))
        continue; // outside the analysed system, or excluded
      underRoot.push_back(file);
      if (sources.empty() || sources.matches(relative))
        files.push_back(file);
    }
    if (!listed.empty() && underRoot.empty())
      warnings.push_back(options.buildDir + "/compile_commands.json lists " + std::to_string(listed.size()) +
                         " file(s), none of them under the root " + analysis.layout.root +
                         " (first: " + listed.front() + "): no code was analysed; is the root or -p wrong?");
    else
      warnUnmatchedEntries(analysis, "sources", underRoot, "file of the compilation database", warnings);
    return files;
  }
  std::vector<std::string> files = takeFiles(analysis.layout.findFiles(PathGlobs(config.sources, configLocation)), warnings);
  // The config names the code and none of it is there, nor any contract file: a run would
  // check nothing and pass (a config kept outside the repository, whose globs are relative to
  // its own directory: new-user trial s44). An error, as a gate that checks nothing must not
  // pass. (analysis.inputFiles holds the contract files found; none for `extract`.)
  if (files.empty() && config.sourcesGiven && !config.file.empty() && analysis.inputFiles.empty()) {
    std::vector<std::pair<std::string, Location>> entries = config.pathEntries("sources");
    throw InputError(entries.empty() ? configLocation : entries.front().second,
                     "no file matches `sources` under " + analysis.layout.root +
                         (analysis.layout.baseDir == analysis.layout.root
                              ? std::string()
                              : " (globs are relative to the config's directory, " + analysis.layout.baseDir + ")") +
                         (config.contractsGiven && !config.contracts.empty() ? ", nor `contracts`" : ", and no contract is given") +
                         ": there is nothing to analyse");
  }
  warnUnmatchedEntries(analysis, "sources", files, "file", warnings);
  return files;
}

// What the extraction needs, and the APIs resolution matches.
struct CodeSetup {
  ExtractOptions extract;
  // Parameters the parameter files set differently for different nodes: name -> file.
  std::map<std::string, std::string> parameterConflicts;
  // With launch files: what the parameter files set for one node by name (node path ->
  // parameters), given to the launched nodes of that name (LaunchPlan::giveParameters), and
  // the file each node path is read from, for the warning when no launched node has it.
  std::map<std::string, std::map<std::string, std::string>> nodeParameters;
  std::map<std::string, Location> nodeParameterFiles;
  std::vector<ApiDescription> apis;
  std::vector<std::string> persistence;
  std::string apiFingerprint; // of the API names that decide which calls are recorded
};

// `include_dirs` entries as -I flags: a plain path as it is (relative to the config's
// directory), a glob (`*/include`, `src/**/include`) as every directory under the config's
// directory that it matches, in sorted order. A glob that matches no directory is a
// warning: the headers it was meant to find would be missing without a word.
static std::vector<std::string> includeFlags(const Analysis &analysis, std::vector<std::string> &warnings) {
  std::vector<std::string> flags;
  const std::string &base = analysis.layout.baseDir;
  for (const auto &[dir, at] : analysis.config.pathEntries("include_dirs")) {
    if (!hasGlobCharacters(dir)) {
      flags.push_back("-I" + (dir.rfind('/', 0) == 0 ? dir : base + "/" + dir));
      continue;
    }
    PathGlobs glob({dir}, at);
    std::vector<std::string> matched;
    std::error_code error;
    for (llvm::sys::fs::recursive_directory_iterator it(base, error), end; it != end && !error; it.increment(error)) {
      llvm::StringRef name = llvm::sys::path::filename(it->path());
      if (it->type() != llvm::sys::fs::file_type::directory_file)
        continue;
      if (name.starts_with(".") || name == "node_modules") {
        it.no_push();
        continue;
      }
      std::string relative = llvm::StringRef(it->path()).drop_front(base.size() + 1).str();
      if (glob.matches(relative))
        matched.push_back(it->path());
    }
    std::sort(matched.begin(), matched.end());
    for (const std::string &path : matched)
      flags.push_back("-I" + path);
    if (matched.empty())
      warnings.push_back(formatLocation(at) + ": `include_dirs` entry '" + dir + "' matches no directory under " + base);
  }
  return flags;
}

// The values settings have wherever the system runs: the ROS 2 parameter files
// `parameter_files` names (globs under the config's directory), then `parameters:`, which
// wins. A glob that matches no file, and a parameter a file's nodes set differently, are
// warnings. With launch files, a file's section for one node by name is that node's alone
// (into `setup.nodeParameters`); only its wildcard sections (`/**`) are every node's.
static std::map<std::string, std::string> parameterValues(const Analysis &analysis, std::vector<std::string> &warnings,
                                                          std::map<std::string, std::string> &conflicts,
                                                          CodeSetup &setup) {
  // (A launch file's `parameters` are its node's own: the resolver gives each launched node
  // its values, Resolver::launchedValue; one node's is not another's.)
  std::map<std::string, std::string> values;
  const std::string &base = analysis.layout.baseDir;
  for (const auto &[entry, at] : analysis.config.pathEntries("parameter_files")) {
    std::vector<std::string> files;
    if (!hasGlobCharacters(entry)) {
      files.push_back(entry.rfind('/', 0) == 0 ? entry : base + "/" + entry);
    } else {
      files = analysis.layout.findFiles(PathGlobs({entry}, at)).files;
    }
    if (files.empty())
      warnings.push_back(formatLocation(at) + ": `parameter_files` entry '" + entry + "' matches no file under " + base);
    for (const std::string &file : files) {
      if (!llvm::sys::fs::is_regular_file(file)) // a directory: checkLiteralPaths saw that it exists
        throw InputError(at, "`parameter_files` entry '" + entry + "' is not a file");
      std::vector<std::string> fileConflicts;
      const std::string &root = analysis.layout.root;
      std::string shown = shownPath(file, root);
      std::map<std::string, std::map<std::string, std::string>> byNode;
      std::map<std::string, Location> byNodeAt;
      for (auto &[name, value] : readRosParameterFile(file, shown, fileConflicts,
                                                      analysis.config.launch.empty() ? nullptr : &byNode, &byNodeAt))
        values[name] = value;
      for (auto &[node, parameters] : byNode) {
        for (auto &[name, value] : parameters)
          setup.nodeParameters[node][name] = value;
        setup.nodeParameterFiles.emplace(node, byNodeAt.at(node));
      }
      for (const std::string &name : fileConflicts)
        conflicts.emplace(name, shown); // said only if a channel rests on it (most are not channels)
    }
  }
  for (const auto &[name, value] : analysis.config.parameters) {
    values[name] = value;
    conflicts.erase(name);
  }
  return values;
}

static CodeSetup codeSetup(const CommonOptions &options, Analysis &analysis) {
  CodeSetup setup;
  ExtractOptions &extract = setup.extract;
  extract.buildDir = options.buildDir;
  extract.root = analysis.layout.root;
  extract.jobs = options.jobs;
  extract.defaultArgs = includeFlags(analysis, analysis.warnings);
  extract.defaultArgs.insert(extract.defaultArgs.end(), analysis.config.compileFlags.begin(),
                             analysis.config.compileFlags.end());
  setup.apis = analysis.config.apis;
  for (const ApiDescription &api : setup.apis) {
    extract.nameMatchedApis.insert(api.function);
    extract.checkedApis.insert(api.function);
  }
  for (const Profile &profile : builtinProfiles())
    if (profileApplies(profile, analysis.config.disabledProfiles, analysis.config.enabledProfiles)) {
      setup.apis.insert(setup.apis.end(), profile.apis.begin(), profile.apis.end());
      extract.libraryHeaders.insert(profile.headers.begin(), profile.headers.end());
    }
  for (const ApiDescription &api : setup.apis)
    extract.knownApis.insert(api.function);
  // Configuration reads are read by the value evaluator, not matched as messaging calls.
  for (const ApiDescription &api : setup.apis)
    if (api.role == ApiRole::Setting)
      extract.settingApis.emplace(api.function, ExtractOptions::SettingApi{*api.settingName, api.settingDefault, api.settingOut});
  setup.apis.erase(std::remove_if(setup.apis.begin(), setup.apis.end(),
                                  [](const ApiDescription &api) { return api.role == ApiRole::Setting; }),
                   setup.apis.end());
  extract.parameters = parameterValues(analysis, analysis.warnings, setup.parameterConflicts, setup);
  setup.persistence = analysis.config.persistenceApis;
  setup.persistence.insert(setup.persistence.end(), std::begin(kDefaultPersistenceApis),
                           std::end(kDefaultPersistenceApis));
  extract.apiNames.insert(setup.persistence.begin(), setup.persistence.end());
  for (const ApiDescription &api : setup.apis) {
    extract.apiNames.insert(api.function);
    extract.apiNames.insert(api.handler.callbacks.begin(), api.handler.callbacks.end());
    extract.apiNames.insert(api.madeBy.begin(), api.madeBy.end()); // their calls say how a handle was made
    if (api.byName) {
      extract.nameMatchedApis.insert(api.function);
      extract.distinctiveApis.insert(api.function);
    }
  }
  llvm::SHA256 hasher;
  hasher.update(factsExtractorStamp());
  for (const std::set<std::string> *names : {&extract.apiNames, &extract.nameMatchedApis, &extract.distinctiveApis})
    for (const std::string &name : *names) {
      hasher.update(llvm::StringRef("\0", 1));
      hasher.update(name);
    }
  // Settings decide facts too: which calls read them, and the configured values.
  for (const auto &[name, api] : extract.settingApis)
    hasher.update("\1" + name + "\1" + std::to_string(api.name) + "," + std::to_string(api.defaultArg.value_or(99)) + "," +
                  std::to_string(api.out.value_or(99)));
  for (const auto &[name, value] : extract.parameters)
    hasher.update("\2" + name + "\2" + value);
  setup.apiFingerprint = llvm::toHex(hasher.final(), /*LowerCase=*/true).substr(0, 16);
  return setup;
}

// Parses the files (or takes their facts from the cache).
static std::vector<TuFacts> extractUnits(const CommonOptions &options, const Analysis &analysis, CodeSetup &setup,
                                         std::vector<std::string> &warnings) {
  std::optional<FactsCache> cache;
  if (!options.noCache) {
    std::string directory = options.cacheDir;
    if (directory.empty())
      directory = analysis.layout.root + "/.eventscope-cache";
    cache.emplace(directory, setup.apiFingerprint);
    setup.extract.cache = &*cache;
  }
  std::vector<TuFacts> units;
  {
    ProgressLine progress(progressWanted(options.quiet));
    setup.extract.progress = [&](size_t done, size_t total) { progress.update(done, total); };
    units = extractFacts(setup.extract);
  }
  setup.extract.cache = nullptr;
  if (cache && !cache->writeError().empty())
    warnings.push_back(cache->writeError() + "; analysed without it");
  return units;
}

// Units from FACTS files of `extract`/`merge`, made with the same API configuration.
static std::vector<TuFacts> unitsFromFacts(const CommonOptions &options, const CodeSetup &setup) {
  std::vector<TuFacts> units;
  std::set<std::string> seen;
  for (const std::string &path : options.factsFiles) {
    FactsFile file = readFactsFile(readInputFile(path, path, kMaxFactsFileBytes), path);
    if (file.apiFingerprint != setup.apiFingerprint)
      throw InputError({path, 0, 0, ""}, "these facts were extracted with another API configuration or another "
                                         "eventscope; run `eventscope extract` again");
    for (TuFacts &unit : file.units) {
      if (!seen.insert(unit.file).second)
        throw InputError({path, 0, 0, ""}, unit.file + " appears in more than one FACTS file");
      units.push_back(std::move(unit));
    }
  }
  std::sort(units.begin(), units.end(), [](const TuFacts &a, const TuFacts &b) { return a.file < b.file; });
  return units;
}

// Each unit that was not read whole goes into the graph (the analysis-incomplete rule
// reports it); stderr gets what to do about it: the headers most often missing, crashes.
static void reportUnits(const std::vector<TuFacts> &units, Analysis &analysis) {
  size_t failed = 0, partial = 0, crashed = 0;
  std::map<std::string, size_t> missingIn; // header -> units that miss it
  std::string firstCrash;
  for (const TuFacts &unit : units) {
    // A file whose code the flags leave out is no analysed file: said, so that a run does
    // not look complete (a test file under `#ifdef REDIS_TESTING`).
    for (const auto &[at, macro] : unit.assumedBlocks)
      analysis.warnings.push_back(formatLocation(at) + ": code of " + unit.file + " inside a conditional on `" + macro +
                                  "`, which no flag defines, calls a messaging API: the file was analysed as if `-D" +
                                  macro + "` were given (say so in `compile_flags`, or pass -p BUILD_DIR for the "
                                  "build's own flags)");
    if (!unit.assumedDefined.empty()) {
      std::string flags, names;
      for (const std::string &macro : unit.assumedDefined) {
        flags += (flags.empty() ? "`-D" : " -D") + macro;
        names += (names.empty() ? "`" : "`, `") + macro;
      }
      flags += "`";
      names += "`";
      analysis.warnings.push_back(formatLocation(unit.preprocessedAway) + ": the code of " + unit.file +
                                  " is inside a conditional on " + names + ", which no flag defines: it was analysed as if " +
                                  flags + " were given (say so in `compile_flags`, or pass -p BUILD_DIR for the "
                                  "build's own flags)");
    } else if (!unit.preprocessedAway.empty())
      analysis.warnings.push_back(
          formatLocation(unit.preprocessedAway) + ": the code of " + unit.file + " is inside " +
          (unit.preprocessedMacro.empty()
               ? std::string("an `#if` that is false with these flags: nothing in it was analysed")
               : "a conditional on `" + unit.preprocessedMacro + "`, which no flag defines: nothing in it was analysed (to "
                 "analyse it, add `-D" + unit.preprocessedMacro + "` to `compile_flags`)"));
    if (!unit.assumedStandard.empty())
      analysis.warnings.push_back(unit.file + " uses `" + unit.newerStandardName + "`, which C++20 lacks: it was analysed as " +
                                  (unit.assumedStandard == "c++23" ? std::string("C++23") : unit.assumedStandard) +
                                  " (say `-std=" + unit.assumedStandard + "` in `compile_flags`, or pass -p BUILD_DIR for the "
                                  "build's own flags)");
    std::set<std::string> missing(unit.missingHeaders.begin(), unit.missingHeaders.end());
    for (const std::string &header : missing)
      ++missingIn[header];
    if (unit.crashed) {
      ++crashed;
      if (firstCrash.empty())
        firstCrash = unit.file + ": " + unit.gap;
    }
    bool incomplete = unit.failed || unit.crashed || !unit.errors.empty() || !unit.missingHeaders.empty() ||
                      !unit.stoppedAt.empty();
    if (!incomplete)
      continue;
    unit.failed ? ++failed : ++partial;
    if (unit.failed)
      analysis.warnings.push_back(unit.file + ": not analysed: " + (unit.errors.empty() ? unit.gap : unit.errors[0]));
    IncompleteUnit record;
    record.file = unit.file;
    record.service = analysis.layout.serviceOf(analysis.layout.root + "/" + unit.file);
    record.failed = unit.failed;
    record.crashed = unit.crashed;
    record.cause = unit.gapAt;
    record.reason = !unit.gap.empty() ? unit.gap
                    : !unit.errors.empty() ? unit.errors.front()
                    : !unit.missingHeaders.empty() ? "header \"" + unit.missingHeaders.front() + "\" not found"
                                                   : "unknown error";
    record.missingHeaders = missing.size();
    record.errors = std::max<size_t>(unit.errorCount, unit.errors.size());
    record.stoppedAt = unit.stoppedAt;
    analysis.graph.addIncompleteUnit(std::move(record));
  }
  if (!missingIn.empty()) {
    std::vector<std::pair<std::string, size_t>> frequent(missingIn.begin(), missingIn.end());
    std::stable_sort(frequent.begin(), frequent.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    std::string list;
    for (size_t i = 0; i < frequent.size() && i < 5; ++i)
      list += (i ? ", " : "") + frequent[i].first + " (" + std::to_string(frequent[i].second) + " file" +
              (frequent[i].second == 1 ? "" : "s") + ")";
    if (frequent.size() > 5)
      list += ", ...";
    analysis.warnings.push_back(
        std::to_string(missingIn.size()) + " header(s) not found, most often: " + list +
        ". Calls that depend on them may be missing (analysis-incomplete). Without a build, add the directories "
        "that hold them to `include_dirs` (globs allowed) or `-isystem DIR` to `compile_flags`; with one, pass "
        "-p BUILD_DIR (its compile_commands.json)");
  }
  if (failed > 0)
    analysis.warnings.push_back(std::to_string(failed) + " of " + std::to_string(units.size()) +
                                " translation unit(s) could not be analysed");
  if (partial > 0)
    analysis.warnings.push_back(std::to_string(partial) + " of " + std::to_string(units.size()) +
                                " translation unit(s) were analysed in part (analysis-incomplete)");
  if (crashed > 0)
    analysis.warnings.push_back("eventscope crashed on " + std::to_string(crashed) + " file(s), a bug of eventscope's "
                                "(please report it; the other files were analysed); first: " + firstCrash);
  analysis.failedUnits = failed;
  analysis.partialUnits = partial;
  analysis.analysedUnits = units.size() - failed;
}

// What of the launch files did not apply, said at its line: a remapping rule that renames
// nothing its node's code names (a typo in `from`, or a topic of code not analysed), and the
// launched nodes whose code is not among the analysed files (their endpoints are missing).
static void reportLaunch(const LaunchPlan &launch, const ResolveStats &stats, EventGraph &graph,
                         std::vector<std::string> &warnings) {
  std::vector<std::string> untied;
  std::set<Location> saidRemaps;
  for (const LaunchedNode &node : launch.nodes()) {
    // A nodelet's pluginlib lookup name already names its package (`msckf_vio/ImageProcessorNodelet`).
    std::string label = node.plugin.find('/') != std::string::npos
                            ? node.plugin
                            : node.package + "/" + (node.plugin.empty() ? node.executable : node.plugin);
    if (!launch.tied(node) && !stats.launchedWithEndpoints.count(node.at)) {
      // A launch file read on its own and through an include launches the node twice: one
      // declaration, said once.
      if (std::string entry = label + " (" + formatLocation(node.at) + ")";
          std::find(untied.begin(), untied.end(), entry) == untied.end())
        untied.push_back(std::move(entry));
      continue;
    }
    if (!stats.launchedWithEndpoints.count(node.at))
      continue;
    // Calls of the node's code whose names are known only at run time may be what a rule renames.
    std::set<std::string> files = launch.filesOf(node);
    size_t unknown = std::count_if(graph.unresolved().begin(), graph.unresolved().end(),
                                   [&](const UnresolvedSite &site) { return files.count(site.location.file) > 0; });
    for (const RosRemap &remap : node.remaps)
      if (!stats.usedRemaps.count(remap.at) && saidRemaps.insert(remap.at).second) {
        auto shadowed = stats.shadowedRemaps.find(remap.at);
        graph.addUnusedRemap({remap.at, remap.from, remap.to, label + (node.name.empty() ? "" : " ('" + node.name + "')"),
                              unknown, shadowed == stats.shadowedRemaps.end() ? "" : shadowed->second});
      } // the unused-remap rule reports it
  }
  for (const RosRemap &remap : launch.ignoredRemaps())
    graph.addUnusedRemap({remap.at, remap.from, remap.to, "", 0,
                          "roslaunch reads only <arg> and <env> inside <include>, so it renames nothing in the "
                          "included file (put it in the included file's <node>, or before the <include> in a <group>)"});
  if (!untied.empty()) {
    std::string list;
    for (size_t i = 0; i < untied.size(); ++i)
      list += (i ? ", " : "") + untied[i];
    warnings.push_back(std::to_string(untied.size()) +
                       " launched node(s) are not tied to analysed code (no package.xml and CMakeLists.txt under the "
                       "root build that executable or component from analysed files, and no service has its name), "
                       "so the launch file's names, namespaces and remappings reach none of their topics (code that is "
                       "analysed but not tied keeps the names it gives): " + list);
  }
}

static void analyzeCode(const CommonOptions &options, Analysis &analysis) {
  CodeSetup setup = codeSetup(options, analysis);
  std::vector<TuFacts> units;
  if (!options.factsFiles.empty()) {
    units = unitsFromFacts(options, setup);
    for (const TuFacts &unit : units)
      analysis.inputFiles.push_back(analysis.layout.root + "/" + unit.file);
  } else {
    setup.extract.files = codeFiles(options, analysis, analysis.warnings);
    analysis.inputFiles.insert(analysis.inputFiles.end(), setup.extract.files.begin(), setup.extract.files.end());
    if (setup.extract.files.empty()) {
      // (each `sources` entry that matched nothing was warned about at its line). The launch
      // files are still read, so that their errors and a `launch` glob that matches nothing
      // are said: with no code they apply to nothing (shared-cases re-run, session 44).
      if (!analysis.config.launch.empty()) {
        LaunchPlan::read(analysis.config, analysis.layout, analysis.warnings, analysis.inputFiles);
        warnUnmatchedEntries(analysis, "launch", analysis.inputFiles, "file", analysis.warnings);
      }
      return;
    }
    units = extractUnits(options, analysis, setup, analysis.warnings);
  }
  reportUnits(units, analysis);
  // Each header once, though every unit that includes it lists it.
  std::set<std::string> headers;
  for (const TuFacts &unit : units)
    for (const std::string &dependency : unit.dependencies)
      if (analysis.layout.relativeToRoot(dependency).rfind("../", 0) != 0)
        headers.insert(dependency);
  analysis.headersRead.assign(headers.begin(), headers.end());
  LaunchPlan launch = LaunchPlan::read(analysis.config, analysis.layout, analysis.warnings, analysis.inputFiles);
  if (!analysis.config.launch.empty())
    warnUnmatchedEntries(analysis, "launch", analysis.inputFiles, "file", analysis.warnings);
  for (const std::string &node : launch.giveParameters(setup.nodeParameters))
    analysis.warnings.push_back(formatLocation(setup.nodeParameterFiles.at(node)) + ": `parameter_files`: node '" + node +
                                "' is launched by none of the `launch` files (by that name); its parameters are not used");
  ResolveStats stats =
      resolveFacts(units, setup.apis, setup.persistence, analysis.layout, &launch, analysis.graph);
  // A call in an excluded header an analysed file includes (a vendored library's own
  // sends): `exclude` is never reported, in `scan` as `check` (cli/suppressions.cpp) does.
  analysis.graph.removeUnresolvedIf(
      [&](const UnresolvedSite &site) { return analysis.layout.excluded(site.location.file); });
  reportLaunch(launch, stats, analysis.graph, analysis.warnings);
  // A config `apis` entry that names no function any analysed file declares would drop every
  // call of the API it means without a word: said, with the closest names that do exist.
  std::map<std::string, bool> declared;
  std::map<std::string, std::set<std::string>> closest;
  bool anyAnalysed = false;
  for (const TuFacts &unit : units) {
    anyAnalysed = anyAnalysed || !unit.failed;
    for (const ApiLookup &lookup : unit.apiLookups) {
      declared[lookup.api] = declared[lookup.api] || lookup.declared;
      closest[lookup.api].insert(lookup.closest.begin(), lookup.closest.end());
    }
  }
  // An entry that matched calls anyway (by name, in code whose headers are missing) works:
  // the missing headers are said as analysis-incomplete, not here.
  std::set<std::string> said;
  for (const Endpoint &e : analysis.graph.endpoints())
    said.insert(e.api);
  for (const UnresolvedSite &u : analysis.graph.unresolved())
    said.insert(u.api);
  for (const ApiDescription &api : analysis.config.apis)
    if (anyAnalysed && declared.count(api.function) && !declared[api.function] && said.insert(api.function).second) {
      std::string message = formatLocation(api.location) + ": the `apis` entry for " + api.function +
                            " matches no function declared in the analysed code";
      const std::set<std::string> &near = closest[api.function];
      if (!near.empty()) {
        message += "; did you mean ";
        size_t n = 0;
        for (auto it = near.begin(); it != near.end() && n < 3; ++it, ++n)
          message += (n ? ", " : "") + *it;
      }
      message += " (a header declaring it may also be missing)";
      analysis.warnings.push_back(message);
    }
  std::set<std::string> conflicting;
  for (const Endpoint &e : analysis.graph.endpoints())
    if (e.value == ChannelValue::Default && setup.parameterConflicts.count(e.setting) && conflicting.insert(e.setting).second)
      analysis.warnings.push_back(setup.parameterConflicts.at(e.setting) + ": parameter '" + e.setting +
                                  "' names a channel and has different values for different nodes, so its default in "
                                  "the code is used; give the value in `parameters:`");
  // A `parameters:` entry no channel reads (a misspelt setting name would silently leave its
  // channel on the default): said at its line, with the settings channels do rest on.
  std::set<std::string> settings;
  for (const Endpoint &e : analysis.graph.endpoints())
    if (!e.setting.empty())
      settings.insert(e.setting);
  for (const auto &[name, value] : analysis.config.parameters) {
    if (settings.count(name))
      continue;
    auto at = analysis.config.parameterAt.find(name);
    std::string message = (at == analysis.config.parameterAt.end() ? std::string("eventscope.yaml")
                                                                     : formatLocation(at->second)) +
                          ": `parameters` entry '" + name + "' is read by no messaging call's channel";
    std::vector<std::pair<unsigned, std::string>> near;
    for (const std::string &setting : settings)
      near.emplace_back(llvm::StringRef(name).edit_distance(setting, true), setting);
    std::sort(near.begin(), near.end());
    if (!near.empty()) {
      message += "; the settings channels rest on are ";
      for (size_t i = 0; i < near.size() && i < 3; ++i)
        message += (i ? ", " : "") + std::string("'") + near[i].second + "'";
      if (near.size() > 3)
        message += ", ...";
    } else {
      message += " (no channel found rests on a setting)";
    }
    analysis.warnings.push_back(message);
  }
  analysis.warnings.insert(analysis.warnings.end(), stats.badApiEntries.begin(), stats.badApiEntries.end());
}

// The config, its rule settings and profiles checked, and the layout.
static Analysis prepare(const CommonOptions &options) {
  if (!llvm::sys::fs::is_directory(options.root))
    throw InputError({options.root, 0, 0, ""}, llvm::sys::fs::exists(options.root)
                                                   ? "is not a directory (expected the root of the system to analyse)"
                                                   : "directory not found");
  Analysis analysis;
  analysis.config = readConfig(options, options.root);
  analysis.ruleSettings = resolveRuleSettings(analysis.config);
  std::vector<std::string> profileNames;
  for (const Profile &profile : builtinProfiles())
    profileNames.push_back(profile.name);
  for (const auto &[key, names] : {std::pair{"disabled_profiles", &analysis.config.disabledProfiles},
                                    std::pair{"enabled_profiles", &analysis.config.enabledProfiles}})
    for (const std::string &name : *names)
      if (std::find(profileNames.begin(), profileNames.end(), name) == profileNames.end()) {
        auto suggestion = closestMatch(name, profileNames);
        throw InputError({analysis.config.file, 0, 0, ""}, "unknown profile '" + name + "' in `" + key + "`" +
                                                               (suggestion ? "; did you mean '" + *suggestion + "'?" : ""));
      }
  analysis.layout = SystemLayout::create(options.root, analysis.config);
  analysis.layout.followSymlinks = options.followSymlinks;
  checkLiteralPaths(analysis.config, analysis.layout.baseDir, analysis.warnings);
  // An `exclude` glob is checked against every file under the root, excluded or not.
  std::vector<std::pair<std::string, Location>> excludes = analysis.config.pathEntries("exclude");
  std::vector<std::tuple<std::string, Location, std::string>> ruleExcluded = ruleExcludes(analysis.config);
  if (std::any_of(excludes.begin(), excludes.end(), [](const auto &e) { return hasGlobCharacters(e.first); }) ||
      !ruleExcluded.empty()) {
    Config withoutExclude = analysis.config;
    withoutExclude.exclude.clear();
    SystemLayout everything = SystemLayout::create(options.root, withoutExclude);
    everything.followSymlinks = options.followSymlinks;
    std::vector<std::string> all = everything.findFiles(PathGlobs({"**"}, {})).files;
    warnUnmatchedEntries(analysis, "exclude", all, "file", analysis.warnings);
    std::vector<std::string> relative = asConfigSeesThem(analysis.layout, all);
    for (const auto &[entry, at, key] : ruleExcluded) {
      if (matchesNothing(entry, at, relative))
        analysis.warnings.push_back(formatLocation(at) + ": " + key + " entry '" + entry + "' matches no file under " +
                                    analysis.layout.root);
    }
  }
  // --config from elsewhere: its globs are read from its own directory, which a user who
  // wrote them from DIR's point of view does not expect. Said once, with both directories.
  const std::string &base = analysis.layout.baseDir, &root = analysis.layout.root;
  if (!isUnder(root, base))
    analysis.warnings.push_back(analysis.config.file + " is outside the analysed root " + root +
                                ": its globs (sources, contracts, services, exclude, include_dirs) are relative to its own "
                                "directory " + base + ", so files under the root are matched as ../...");
  return analysis;
}

FactsFile extractSystemFacts(const CommonOptions &options, const std::vector<std::string> &files,
                             std::vector<std::string> &warnings) {
  Analysis analysis = prepare(options);
  CodeSetup setup = codeSetup(options, analysis);
  warnings.insert(warnings.end(), analysis.warnings.begin(), analysis.warnings.end());
  if (files.empty())
    setup.extract.files = codeFiles(options, analysis, warnings);
  for (const std::string &file : files) {
    llvm::SmallString<256> path(file);
    llvm::sys::fs::make_absolute(path);
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    if (!llvm::sys::fs::is_regular_file(path))
      throw InputError({file, 0, 0, ""}, "cannot read file: not a regular file");
    setup.extract.files.push_back(std::string(path));
  }
  FactsFile facts;
  facts.apiFingerprint = setup.apiFingerprint;
  facts.units = extractUnits(options, analysis, setup, warnings);
  return facts;
}

// The config's `traces` globs (relative to the config) and --traces files (relative to the
// working directory), absolute and as shown in messages, each once.
static std::vector<std::pair<std::string, std::string>> traceFiles(const CommonOptions &options, Analysis &analysis) {
  std::vector<std::pair<std::string, std::string>> files;
  std::set<std::string> seen; // by real path: one file named twice (config and --traces) is read once
  auto add = [&](const std::string &absolute, const std::string &asGiven) {
    llvm::SmallString<256> real;
    if (llvm::sys::fs::real_path(absolute, real))
      real = absolute;
    if (!seen.insert(std::string(real)).second)
      return;
    // Shown as every other path is, relative to the root (outside it too: ../traces/x.json).
    std::string shown = analysis.layout.relativeToRoot(absolute);
    files.emplace_back(absolute, shown.empty() ? asGiven : shown);
  };
  for (const auto &[entry, at] : analysis.config.pathEntries("traces")) {
    if (!hasGlobCharacters(entry)) {
      // A path names a file wherever it is, as --traces does, inside the root or not.
      llvm::SmallString<256> path(entry);
      if (!llvm::sys::path::is_absolute(path)) {
        path = analysis.layout.baseDir;
        llvm::sys::path::append(path, entry);
      }
      llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
      if (!llvm::sys::fs::is_regular_file(path))
        analysis.warnings.push_back(formatLocation(at) + ": `traces` entry '" + entry + "' names no file (" +
                                    std::string(path) + ")");
      else
        add(std::string(path), entry);
      continue;
    }
    std::vector<std::string> found = takeFiles(analysis.layout.findFiles(PathGlobs({entry}, at)), analysis.warnings);
    if (found.empty())
      analysis.warnings.push_back(formatLocation(at) + ": `traces` entry '" + entry + "' matches no file under " +
                                  analysis.layout.root + " (globs are read under the root; name a file outside it "
                                  "by its path)");
    for (const std::string &path : found)
      add(path, path);
  }
  for (const std::string &file : options.traceFiles) {
    llvm::SmallString<256> path(file);
    llvm::sys::fs::make_absolute(path);
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    if (!llvm::sys::fs::exists(path))
      throw InputError({file, 0, 0, ""}, "cannot read trace file (--traces): no such file");
    if (!llvm::sys::fs::is_regular_file(path))
      throw InputError({file, 0, 0, ""}, "cannot read trace file (--traces): not a regular file");
    add(std::string(path), file);
  }
  return files;
}

std::shared_ptr<ObservedGraph> observeTraceFiles(const std::vector<std::pair<std::string, std::string>> &files,
                                                std::vector<std::string> &warnings) {
  ObservedSpans spans;
  for (const auto &[path, shown] : files)
    readTraceFile(path, shown, spans);
  auto observed = std::make_shared<ObservedGraph>(observe(spans));
  for (const TraceFileSummary &file : observed->files) {
    if (!file.unknownAttributes.empty()) {
      std::string names;
      for (size_t i = 0; i < file.unknownAttributes.size() && i < 8; ++i)
        names += (i ? ", " : "") + file.unknownAttributes[i].first + " (" +
                 std::to_string(file.unknownAttributes[i].second) + " span(s))";
      if (file.unknownAttributes.size() > 8)
        names += ", ...";
      warnings.push_back(file.file + ": attribute names that look like messaging but that no convention "
                                     "eventscope reads defines (OpenTelemetry messaging, OpenTracing, Brave): " +
                         names);
    }
    if (file.withoutDestination > 0) {
      std::string by;
      size_t shown = 0;
      for (const auto &[who, count] : file.withoutDestinationBy)
        if (shown++ < 6)
          by += (by.empty() ? "" : ", ") + who + " x" + std::to_string(count);
      if (file.withoutDestinationBy.size() > 6)
        by += ", ...";
      warnings.push_back(file.file + ": " + std::to_string(file.withoutDestination) +
                         " messaging or PRODUCER/CONSUMER span(s) name no destination (messaging.destination.name, "
                         "its template, or an older name: none set, or empty)" + (by.empty() ? "" : ": " + by) +
                         "; they are not in the observed graph");
    }
    if (file.unreadable > 0)
      warnings.push_back(file.file + ": " + std::to_string(file.unreadable) +
                         " span(s) without a trace or span id skipped");
    for (const std::string &warning : file.warnings)
      warnings.push_back(file.file + ": " + warning);
    if (file.spans > 0 && file.messagingSpans == 0)
      warnings.push_back(file.file + " (" + file.format + "): none of its " + std::to_string(file.spans) +
                         " span(s) is a messaging span with a destination eventscope reads");
    if (file.spans == 0)
      warnings.push_back(file.file + " (" + file.format + "): holds no spans");
  }
  return observed;
}

Analysis analyzeSystem(const CommonOptions &options) {
  Analysis analysis = prepare(options);
  std::vector<std::pair<std::string, std::string>> traces = traceFiles(options, analysis);

  Location configLocation{analysis.config.file, 0, 0, ""};
  PathGlobs contractGlobs(analysis.config.contracts, configLocation);
  size_t passedOver = 0;
  std::string configPath;
  if (!analysis.config.absolutePath.empty())
    configPath = analysis.layout.relativeToRoot(analysis.config.absolutePath);
  std::vector<std::string> contractFiles;
  std::vector<InputError> unreadable; // every contract file that cannot be read, not the first only
  for (const std::string &path : takeFiles(analysis.layout.findFiles(contractGlobs), analysis.warnings)) {
    if (analysis.layout.relativeToRoot(path) == configPath)
      continue; // `contracts: ["*.yaml"]` next to eventscope.yaml
    if (std::any_of(traces.begin(), traces.end(), [&](const auto &t) { return t.first == path; }))
      continue; // a trace file under the default `**/*.json`
    contractFiles.push_back(path);
    try {
      ContractFileKind kind = loadContractFile(path, analysis.layout.relativeToRoot(path), analysis.layout.root,
                                               analysis.config.contractsGiven, analysis.graph);
      if (kind == ContractFileKind::Other)
        ++passedOver;
    } catch (const InputError &e) {
      unreadable.push_back(e);
    }
  }
  if (!unreadable.empty()) {
    // One error, the first file's, naming the others on lines of their own as the CLI says
    // errors ("eventscope: error: FILE:LINE:COL: ..."), so a run tells of every bad file.
    std::string problem = unreadable.front().problem();
    for (size_t i = 1; i < unreadable.size(); ++i)
      problem += std::string("\neventscope: error: ") + unreadable[i].what();
    throw InputError(unreadable.front().where(), problem);
  }
  if (analysis.config.contractsGiven)
    warnUnmatchedEntries(analysis, "contracts", contractFiles, "file", analysis.warnings);
  analysis.inputFiles = contractFiles;
  if (passedOver > 0)
    analysis.warnings.push_back("passed over " + std::to_string(passedOver) +
                                " YAML/JSON file(s) that are neither manifests nor AsyncAPI documents "
                                "(no eventscope.yaml names the contracts)");

  analyzeCode(options, analysis);
  // The config names contracts, none is there and no code either (default `sources`): the
  // same gate that checks nothing as above (shared-cases re-run, session 45).
  if (analysis.inputFiles.empty() && traces.empty() && options.factsFiles.empty() &&
      analysis.config.contractsGiven && !analysis.config.contracts.empty() && !analysis.config.file.empty()) {
    std::vector<std::pair<std::string, Location>> entries = analysis.config.pathEntries("contracts");
    throw InputError(entries.empty() ? configLocation : entries.front().second,
                     "no file matches `contracts` under " + analysis.layout.root +
                         ", and no code file was found: there is nothing to analyse");
  }
  // A `services` glob that matches no file read leaves the service it names without code or
  // contract: most often a path written wrong, and then its files are counted under another.
  std::vector<std::string> files = analysis.inputFiles;
  files.insert(files.end(), analysis.headersRead.begin(), analysis.headersRead.end());
  std::vector<std::string> read = asConfigSeesThem(analysis.layout, files);
  for (const ServicePaths &service : analysis.config.services)
    for (size_t i = 0; i < service.globs.size(); ++i) {
      const Location &at = i < service.globAt.size() ? service.globAt[i] : service.location;
      if (matchesNothing(service.globs[i], at, read))
        analysis.warnings.push_back(formatLocation(at) + ": service '" + service.name + "': path '" +
                                    service.globs[i] + "' matches no analysed code or contract file");
    }

  analysis.graph.finalize();
  if (!traces.empty())
    analysis.graph.setObserved(observeTraceFiles(traces, analysis.warnings));
  return analysis;
}

} // namespace eventscope
