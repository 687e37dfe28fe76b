// eventscope.yaml: what to read and how to judge it. Parsed and validated here; rule ids
// and rule options are validated by the CLI against the rule registry.
#pragma once

#include "model/finding.h"
#include "model/location.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace eventscope {

// Where the channel of a messaging call comes from.
struct ChannelSpec {
  enum class Kind { Arg, TemplateArg, TypeOfArg, HandleArg };
  Kind kind = Kind::Arg;
  unsigned index = 0;
};

struct HandlerSpec {
  enum class Kind { None, Arg, EnclosingFunction };
  Kind kind = Kind::None;
  unsigned index = 0;
};

enum class ApiRole { Produce, Consume, Handle };

// One messaging API: a function (qualified name, matching overloads and overrides) and
// which of its arguments name the channel and the handler.
struct ApiDescription {
  std::string function;
  ApiRole role = ApiRole::Produce;
  ChannelSpec channel;
  HandlerSpec handler;
  Location location; // where it was declared (config file or built-in profile)
};

struct ConfigValue {
  std::vector<std::string> items; // one item for a scalar
  bool isList = false;
  Location location;
};

struct RuleConfig {
  std::optional<Severity> severity;
  std::map<std::string, ConfigValue> options;
  Location location; // of the rule id key
};

struct ServicePaths {
  std::string name;
  std::vector<std::string> globs;
  Location location;
};

struct Config {
  std::string file;    // the config file's path as shown in messages ("" when none)
  std::string absolutePath;
  std::string baseDir; // globs are relative to this directory (absolute)
  std::vector<std::string> sources;
  std::vector<std::string> includeDirs;
  std::vector<std::string> contracts;
  bool contractsGiven = false;
  std::vector<ServicePaths> services; // in file order: the first matching glob wins
  std::vector<ApiDescription> apis;
  std::vector<std::string> persistenceApis;
  std::map<std::string, RuleConfig> rules;
};

// The nearest eventscope.yaml in `dir` or a directory above it.
std::optional<std::string> findConfigFile(const std::string &dir);

// Parses a config file; throws InputError naming the file, line and problem.
Config loadConfig(const std::string &path, const std::string &displayPath);

// Parses one `apis` entry (shared by the config and the built-in profiles).
ApiDescription parseApiDescription(const YAML::Node &node, const std::string &file);

} // namespace eventscope
