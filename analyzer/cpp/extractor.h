// Parses C++ translation units with Clang LibTooling and records their messaging facts.
// Clang headers stay in extractor.cpp and fact_visitor.{h,cpp}.
#pragma once

#include "analyzer/cpp/facts.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace eventscope {

struct ExtractOptions {
  std::vector<std::string> files;     // absolute paths of the main files
  std::string buildDir;               // with compile_commands.json; empty: defaultArgs
  std::vector<std::string> defaultArgs; // -I..., user flags; language and -std by extension
  std::string root;                   // locations are made relative to it
  unsigned jobs = 1;
  // Qualified names of the messaging APIs: calls of these are recorded even when the
  // callee lives in a system header (librdkafka, paho, ...).
  std::set<std::string> apiNames;
  // A messaging library's header per namespace it declares (the profiles' `headers`): what
  // stands in for a name of that namespace a unit uses before including it (stand_ins.h).
  std::map<std::string, std::string> libraryHeaders;
  // The APIs a call may match by its unqualified name alone when its object's type is
  // unknown because of an error: the config's own, and profile entries marked `by_name`.
  std::set<std::string> nameMatchedApis;
  // ... of which the profile entries marked `by_name`: the only ones matched by name in a
  // template's own (uninstantiated) code, where an unknown object is normal, not an error.
  std::set<std::string> distinctiveApis;
  // Configuration reads (`apis` entries of role setting), by qualified name: the arguments
  // holding the setting's name, its default and the variable it writes. Several entries of
  // one function are its overloads: the one using the most of a call's arguments applies.
  struct SettingApi {
    unsigned name = 0;
    std::optional<unsigned> defaultArg, out;
  };
  std::multimap<std::string, SettingApi> settingApis;
  // The config's own `apis` functions: each is looked up in every translation unit, so that
  // an entry that names nothing declared is reported (TuFacts::apiLookups).
  std::set<std::string> checkedApis;
  // Every API function of the applied profiles and the config (TuFacts::apiClasses).
  std::set<std::string> knownApis;
  // The values settings have where the system runs (eventscope.yaml `parameters:` and
  // `parameter_files:`); they win over the defaults in the code.
  std::map<std::string, std::string> parameters;
  // Called after each translation unit with (done, total), from the worker threads one at
  // a time; for a progress line.
  std::function<void(size_t, size_t)> progress;
  // When set, facts come from it when still valid, and are stored in it after parsing.
  class FactsCache *cache = nullptr;
  // ROS message definitions for the message stand-ins; extractFacts builds one from `root`
  // when none is given.
  const class RosInterfaceIndex *rosInterfaces = nullptr;
};

// One TuFacts per file, in the order of `files`, identical for any number of jobs. A file
// that cannot be parsed gives facts with `failed` set and the reason in `errors`. Throws
// InputError only for a build directory without a readable compile_commands.json.
std::vector<TuFacts> extractFacts(const ExtractOptions &options);

// The files a compile_commands.json lists (absolute), for `-p` without `sources`.
std::vector<std::string> compilationDatabaseFiles(const std::string &buildDir);

} // namespace eventscope
