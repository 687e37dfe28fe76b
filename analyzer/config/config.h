// eventscope.yaml: what to read and how to judge it. Parsed and validated here; rule ids
// and rule options are validated by the CLI against the rule registry.
#pragma once

#include "analyzer/config/api_description.h"
#include "model/event_graph.h"
#include "model/finding.h"
#include "model/location.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

struct ConfigValue {
  std::vector<std::string> items; // one item for a scalar
  bool isList = false;
  Location location;
};

struct RuleConfig {
  std::optional<Severity> severity;
  std::map<std::string, ConfigValue> options;
  std::vector<std::string> exclude; // path globs where this rule reports nothing
  std::vector<Location> excludeAt;  // where each is written
  Location location; // of the rule id key
};

struct ServicePaths {
  std::string name;
  std::vector<std::string> globs;
  std::vector<Location> globAt; // where each glob is written, in order
  Location location;
};

struct ServiceGroup {
  std::string name;
  std::vector<std::string> services; // names or globs
  std::vector<Location> serviceAt;   // where each is written
  Location location;
};

// The config keys whose entries are paths or path globs, relative to the config's directory.
inline const char *const kPathKeys[] = {"sources", "include_dirs", "contracts", "exclude", "parameter_files", "launch", "traces"};

struct Config {
  std::string file;    // the config file's path as shown in messages ("" when none)
  std::string absolutePath;
  std::string baseDir; // globs are relative to this directory (absolute)
  std::vector<std::string> sources;
  bool sourcesGiven = false; // the key is written (else the CLI's default globs apply)
  std::vector<std::string> includeDirs;
  std::vector<std::string> compileFlags; // added after -std=c++20 when there is no -p (e.g. -std=c++17)
  std::vector<std::string> contracts;
  bool contractsGiven = false;
  std::vector<ServicePaths> services; // in file order: the first matching glob wins
  std::vector<ApiDescription> apis;
  std::vector<std::string> persistenceApis;
  std::vector<std::string> disabledProfiles; // built-in profiles switched off
  std::vector<std::string> enabledProfiles;  // built-in profiles that are off by default, switched on
  std::map<std::string, RuleConfig> rules;
  std::vector<std::string> exclude; // path globs: not analysed, and no finding reported there
  Location excludeAt;
  std::vector<std::string> extendedFiles; // the base configs read through `extends`, outermost last
  // The values settings have where the system runs (`parameters:`, a map of setting name to
  // value), and ROS 2 parameter files to read more from (`parameter_files:`, globs).
  std::map<std::string, std::string> parameters;
  std::map<std::string, Location> parameterAt;
  std::vector<std::string> parameterFiles;
  // ROS launch files to read (`launch:`, globs): the nodes they start, with their names,
  // namespaces and remappings, apply to the endpoints of the code each node runs.
  std::vector<std::string> launch;
  // Trace files to hold against the code and contracts (`traces:`, globs; `--traces` adds
  // more): OTLP/JSON, Jaeger JSON, Zipkin v2 JSON (analyzer/traces).
  std::vector<std::string> traces;
  // Services by group (`groups:`, a map of group name to service names or globs such as
  // `payments-*`), for the HTML explorer to collapse by, a team for instance. In file order;
  // a service takes the first group that names it.
  std::vector<ServiceGroup> groups;
  // The explorer's and catalog's links to code (`source_url:`): a URL with `{path}` and
  // `{line}`, such as a forge's blob URL; empty: paths relative to the page.
  std::string sourceUrl;
  Location sourceUrlAt;
  // Where each entry of the kPathKeys lists is written (the file of the config or base that
  // set the key), in list order: an entry that matches nothing is reported there.
  std::map<std::string, std::vector<Location>> entryAt;

  // The entries of one of kPathKeys, with where each is written.
  std::vector<std::pair<std::string, Location>> pathEntries(const std::string &key) const;
};

// The parameters a ROS 2 parameter file sets (`node: {ros__parameters: {name: value}}`,
// nested maps joined with '.'), for every node in it; `displayPath` names it in messages.
// A parameter two nodes set to different values is left out and named in `conflicts`.
// With `byNode`, the sections of one node (`usb_cam:`, `ns: {camera: ...}` as "ns/camera",
// `/robot1/camera:` as "robot1/camera") go there instead, each its own, and only the
// wildcard ones (`/**:`) are returned; `byNodeAt` gets where each node's section starts.
// Throws InputError for a file that is not YAML or not
// of that shape.
std::map<std::string, std::string>
readRosParameterFile(const std::string &path, const std::string &displayPath, std::vector<std::string> &conflicts,
                     std::map<std::string, std::map<std::string, std::string>> *byNode = nullptr,
                     std::map<std::string, Location> *byNodeAt = nullptr);

// The parameters ROS 1's `<rosparam>` loads from YAML `text` (its body, or the file of
// `command="load"`), named relative to where it loads them: a map's keys nested with '/'
// (roslaunch's rosparam.load_str: `camera: {topic: x}` sets `camera/topic`); a scalar or a
// list at the top is the one parameter `param` (the element's `param` attribute; a
// top-level scalar without it sets nothing). Lists name no channel and are left out.
// `displayPath` names the text in messages; throws InputError when it is not YAML.
std::map<std::string, std::string> readRos1Parameters(const std::string &text, const std::string &displayPath,
                                                      const std::string &param);

// The nearest eventscope.yaml in `dir` or a directory above it.
std::optional<std::string> findConfigFile(const std::string &dir);

// Parses a config file and the base configs it `extends`; throws InputError naming the
// file, line and problem. A base's keys apply unless the extending file sets them (`apis`
// add up, `rules` merge per rule and option); every path stays relative to the extending
// file's directory, so one base can serve many repositories.
Config loadConfig(const std::string &path, const std::string &displayPath);

} // namespace eventscope
