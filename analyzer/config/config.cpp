#include "analyzer/config/config.h"

#include "analyzer/documents/doc_value.h"
#include "analyzer/documents/yaml_input.h"
#include "model/input_error.h"

#include <cctype>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <set>

namespace eventscope {
namespace {

const std::vector<std::string> kTopLevelKeys = {"sources",  "include_dirs",     "compile_flags",     "contracts",
                                                "services", "apis",             "persistence_apis", "disabled_profiles", "enabled_profiles",
                                                "rules",    "exclude",          "extends", "parameters", "parameter_files", "launch", "traces",
                                                "groups", "source_url"};
constexpr int kMaxExtendsDepth = 8;

ConfigValue parseConfigValue(DocValue node, const std::string &what) {
  ConfigValue value;
  value.location = node.location();
  if (node.isSequence()) {
    value.isList = true;
    value.items = node.stringList(what);
  } else {
    value.items = {node.scalar(what)};
  }
  return value;
}

Severity parseSeverityNode(DocValue node, const std::string &rule) {
  std::string text = node.scalar("the severity of " + rule);
  if (auto severity = parseSeverity(text))
    return *severity;
  throw InputError(node.location(),
                   "invalid severity '" + text + "' for " + rule + " (expected off, info, warning or error)");
}

RuleConfig parseRuleConfig(const std::string &id, DocValue node, DocValue key) {
  RuleConfig rule;
  rule.location = key.location();
  if (node.isScalar()) {
    rule.severity = parseSeverityNode(node, id);
    return rule;
  }
  if (!node.isMap())
    throw InputError(node.location(),
                     "the setting of " + id + " must be a severity (off, info, warning, error) or a map of options");
  for (const auto &[optionKey, value] : node.entries()) {
    std::string name = optionKey.scalar("an option name of " + id);
    if (name == "severity")
      rule.severity = parseSeverityNode(value, id);
    else if (name == "exclude")
      for (auto &[glob, at] : value.locatedStringList("`exclude` of " + id)) {
        rule.exclude.push_back(glob);
        rule.excludeAt.push_back(at);
      }
    else {
      ConfigValue option = parseConfigValue(value, "option '" + name + "' of " + id);
      option.location = optionKey.location();
      rule.options[name] = std::move(option);
    }
  }
  return rule;
}

} // namespace

std::optional<std::string> findConfigFile(const std::string &dir) {
  llvm::SmallString<256> current(dir);
  llvm::sys::fs::make_absolute(current);
  while (!current.empty()) {
    llvm::SmallString<256> candidate(current);
    llvm::sys::path::append(candidate, "eventscope.yaml");
    if (llvm::sys::fs::is_regular_file(candidate))
      return std::string(candidate);
    llvm::StringRef parent = llvm::sys::path::parent_path(current);
    if (parent == current)
      break;
    current = parent;
  }
  return std::nullopt;
}

namespace {

// One file's settings and which top-level keys it set.
struct ConfigFile {
  Config config;
  std::set<std::string> keys;
  std::string extends;
  Location extendsAt;
};

ConfigFile parseConfigFile(const std::string &path, const std::string &displayPath);

// `base` overlaid with `file`: what the file sets wins.
void overlay(Config &base, const ConfigFile &file) {
  const Config &top = file.config;
  auto take = [&](const char *key, auto member) {
    if (file.keys.count(key))
      base.*member = top.*member;
  };
  take("sources", &Config::sources);
  take("sources", &Config::sourcesGiven);
  take("include_dirs", &Config::includeDirs);
  take("compile_flags", &Config::compileFlags);
  take("contracts", &Config::contracts);
  take("contracts", &Config::contractsGiven);
  take("services", &Config::services);
  take("persistence_apis", &Config::persistenceApis);
  take("disabled_profiles", &Config::disabledProfiles);
  take("enabled_profiles", &Config::enabledProfiles);
  take("exclude", &Config::exclude);
  take("exclude", &Config::excludeAt);
  take("parameter_files", &Config::parameterFiles);
  take("launch", &Config::launch);
  take("traces", &Config::traces);
  take("groups", &Config::groups);
  take("source_url", &Config::sourceUrl);
  take("source_url", &Config::sourceUrlAt);
  for (const char *key : kPathKeys)
    if (file.keys.count(key))
      base.entryAt[key] = top.entryAt.at(key);
  for (const auto &[name, value] : top.parameters) { // per parameter: the extending file's wins
    base.parameters[name] = value;
    base.parameterAt[name] = top.parameterAt.at(name);
  }
  base.apis.insert(base.apis.end(), top.apis.begin(), top.apis.end());
  for (const auto &[id, rule] : top.rules) {
    RuleConfig &merged = base.rules[id];
    if (rule.severity)
      merged.severity = rule.severity;
    for (const auto &[name, value] : rule.options)
      merged.options[name] = value;
    if (!rule.exclude.empty()) {
      merged.exclude = rule.exclude;
      merged.excludeAt = rule.excludeAt;
    }
    merged.location = rule.location;
  }
}

Config loadWithBases(const std::string &path, const std::string &displayPath, std::vector<std::string> &chain) {
  ConfigFile file = parseConfigFile(path, displayPath);
  if (file.extends.empty())
    return file.config;
  llvm::SmallString<256> basePath(file.extends);
  if (!llvm::sys::path::is_absolute(basePath)) {
    basePath = file.config.baseDir;
    llvm::sys::path::append(basePath, file.extends);
  }
  llvm::sys::path::remove_dots(basePath, true);
  std::string absolute(basePath);
  if (std::find(chain.begin(), chain.end(), absolute) != chain.end())
    throw InputError(file.extendsAt, "`extends` makes a cycle: " + file.extends + " is already being read");
  if (chain.size() >= kMaxExtendsDepth)
    throw InputError(file.extendsAt, "`extends` is nested more than " + std::to_string(kMaxExtendsDepth) + " deep");
  if (!llvm::sys::fs::is_regular_file(absolute))
    throw InputError(file.extendsAt, "`extends`: cannot read the base config " + file.extends);
  chain.push_back(absolute);
  // Shown as a path from where the user stands (the extending file's shown directory), so a
  // base of a base is `../platform/root.yaml`, not `root.yaml`.
  llvm::SmallString<256> shown(file.extends);
  if (!llvm::sys::path::is_absolute(shown)) {
    shown = llvm::sys::path::parent_path(displayPath);
    llvm::sys::path::append(shown, file.extends);
    llvm::sys::path::remove_dots(shown, /*remove_dot_dot=*/false);
  }
  Config config = loadWithBases(absolute, std::string(shown), chain);
  std::vector<std::string> bases = config.extendedFiles;
  bases.push_back(absolute);
  overlay(config, file);
  // Paths stay relative to the extending file: the base describes a layout, not its own folder.
  config.file = file.config.file;
  config.absolutePath = file.config.absolutePath;
  config.baseDir = file.config.baseDir;
  config.extendedFiles = bases;
  return config;
}

} // namespace

std::vector<std::pair<std::string, Location>> Config::pathEntries(const std::string &key) const {
  static const std::vector<std::string> none;
  const std::vector<std::string> &items = key == "sources"        ? sources
                                          : key == "include_dirs" ? includeDirs
                                          : key == "contracts"    ? contracts
                                          : key == "exclude"      ? exclude
                                          : key == "parameter_files" ? parameterFiles
                                          : key == "launch"       ? launch
                                          : key == "traces"       ? traces
                                                                     : none;
  auto at = entryAt.find(key);
  std::vector<std::pair<std::string, Location>> entries;
  for (size_t i = 0; i < items.size(); ++i) // a config built in code has no locations: the file then
    entries.emplace_back(items[i], at != entryAt.end() && i < at->second.size() ? at->second[i]
                                                                                 : Location{file, 0, 0, ""});
  return entries;
}

Config loadConfig(const std::string &path, const std::string &displayPath) {
  llvm::SmallString<256> absolute(path);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::remove_dots(absolute, true);
  std::vector<std::string> chain{std::string(absolute)};
  return loadWithBases(path, displayPath, chain);
}

namespace {

ConfigFile parseConfigFile(const std::string &path, const std::string &displayPath) {
  const std::string text = readInputFile(path, displayPath);
  DocFile read(text, displayPath);
  std::vector<DocValue> documents = read.documents();
  if (documents.empty() || documents.front().isNull())
    throw InputError({displayPath, 0, 0, ""},
                     "the config file is empty (expected a map with keys such as sources, contracts, services)");
  read.refuseMoreDocuments(text, "the config file"); // at the `---`, as for a contract
  DocValue root = documents.front();
  if (!root.isMap())
    root.fail("the config must be a map with keys such as sources, contracts, services");
  root.rejectUnknownKeys(kTopLevelKeys, "the config");

  ConfigFile parsed;
  for (const auto &[key, value] : root.entries())
    parsed.keys.insert(key.text());
  if (DocValue extends = root.get("extends")) {
    parsed.extends = extends.scalar("`extends`");
    parsed.extendsAt = extends.location();
    if (parsed.extends.empty())
      throw InputError(parsed.extendsAt, "`extends` must name a config file");
  }
  Config &config = parsed.config;
  config.file = displayPath;
  llvm::SmallString<256> base(path);
  llvm::sys::fs::make_absolute(base);
  config.absolutePath = std::string(base);
  llvm::sys::path::remove_filename(base);
  llvm::sys::path::remove_dots(base, true);
  config.baseDir = std::string(base);

  auto paths = [&](const char *key) {
    std::vector<std::string> items;
    std::vector<Location> &at = config.entryAt[key];
    for (auto &[text, location] : root.get(key).locatedStringList(std::string("`") + key + "`")) {
      items.push_back(text);
      at.push_back(location);
    }
    return items;
  };
  config.sources = paths("sources");
  config.sourcesGiven = static_cast<bool>(root.get("sources"));
  config.includeDirs = paths("include_dirs");
  config.compileFlags = root.get("compile_flags").stringList("`compile_flags`");
  config.contractsGiven = static_cast<bool>(root.get("contracts"));
  config.contracts = paths("contracts");
  config.persistenceApis = root.get("persistence_apis").stringList("`persistence_apis`");
  config.disabledProfiles = root.get("disabled_profiles").stringList("`disabled_profiles`");
  config.enabledProfiles = root.get("enabled_profiles").stringList("`enabled_profiles`");

  if (DocValue services = root.get("services"); services && !services.isNull()) {
    if (!services.isMap())
      throw InputError(services.location(), "`services` must map service names to lists of path globs");
    for (const auto &[key, value] : services.entries()) {
      ServicePaths service;
      service.name = key.scalar("a service name");
      service.location = key.location();
      for (auto &[glob, at] : value.locatedStringList("the paths of service " + service.name)) {
        service.globs.push_back(glob);
        service.globAt.push_back(at);
      }
      config.services.push_back(std::move(service));
    }
  }

  if (DocValue apis = root.get("apis"); apis && !apis.isNull()) {
    if (!apis.isSequence())
      throw InputError(apis.location(), "`apis` must be a list of API descriptions");
    for (DocValue entry : apis.items())
      config.apis.push_back(parseApiDescription(entry));
  }

  if (DocValue rules = root.get("rules"); rules && !rules.isNull()) {
    if (!rules.isMap())
      throw InputError(rules.location(), "`rules` must map rule ids to a severity or to options");
    for (const auto &[key, value] : rules.entries()) {
      std::string id = key.scalar("a rule id");
      config.rules[id] = parseRuleConfig(id, value, key);
    }
  }
  config.exclude = paths("exclude");
  if (root.get("exclude"))
    config.excludeAt = root.get("exclude").location();
  if (DocValue parameters = root.get("parameters"); parameters && !parameters.isNull()) {
    if (!parameters.isMap())
      throw InputError(parameters.location(), "`parameters` must map setting names to their values");
    for (const auto &[key, value] : parameters.entries()) {
      std::string name = key.scalar("a parameter name");
      config.parameters[name] = value.scalar("the value of parameter " + name);
      config.parameterAt[name] = key.location();
    }
  }
  config.parameterFiles = paths("parameter_files");
  config.launch = paths("launch");
  config.traces = paths("traces");
  if (DocValue groups = root.get("groups"); groups && !groups.isNull()) {
    if (!groups.isMap())
      throw InputError(groups.location(), "`groups` must map group names to lists of service names or globs");
    for (const auto &[key, value] : groups.entries()) {
      ServiceGroup group;
      group.name = key.scalar("a group name");
      group.location = key.location();
      for (auto &[service, at] : value.locatedStringList("the services of group " + group.name)) {
        group.services.push_back(service);
        group.serviceAt.push_back(at);
      }
      config.groups.push_back(std::move(group));
    }
  }
  if (DocValue url = root.get("source_url"); url && !url.isNull()) {
    config.sourceUrl = url.scalar("`source_url`");
    config.sourceUrlAt = url.location();
    if (config.sourceUrl.find("{path}") == std::string::npos)
      throw InputError(config.sourceUrlAt, "`source_url` must contain {path} (and may contain {line}), such as "
                                           "https://github.com/org/repo/blob/main/{path}#L{line}");
  }
  return parsed;
}

// `visited` counts every entry read: YAML aliases can make a small file expand exponentially.
// `separator`: between a map's key and the keys under it ('.' in ROS 2, '/' in ROS 1).
void flattenParameters(DocValue node, const std::string &prefix, std::map<std::string, std::string> &out,
                       unsigned depth, size_t &visited, char separator = '.') {
  if (depth > 32)
    node.fail("parameters nested deeper than 32 levels");
  for (const auto &[key, value] : node.entries()) {
    if (++visited > 1'000'000)
      node.fail("the parameters expand to more than 1,000,000 entries (through YAML aliases?); refused");
    std::string name = prefix + key.scalar("a parameter name");
    if (value.isMap())
      flattenParameters(value, name + separator, out, depth + 1, visited, separator);
    else if (value.isScalar())
      out[name] = value.text();
    // a list (of numbers, mostly) names no channel
  }
}

} // namespace

std::map<std::string, std::string> readRos1Parameters(const std::string &text, const std::string &displayPath,
                                                      const std::string &param) {
  DocFile read(text, displayPath);
  std::map<std::string, std::string> out;
  size_t visited = 0;
  for (DocValue root : read.documents()) {
    if (root.isMap())
      flattenParameters(root, param.empty() ? "" : param + "/", out, 0, visited, '/');
    else if (root.isScalar() && !param.empty())
      out[param] = root.text();
  }
  return out;
}

std::map<std::string, std::string>
readRosParameterFile(const std::string &path, const std::string &displayPath, std::vector<std::string> &conflicts,
                     std::map<std::string, std::map<std::string, std::string>> *byNode,
                     std::map<std::string, Location> *byNodeAt) {
  DocFile read(readInputFile(path, displayPath), displayPath);
  std::map<std::string, std::string> all;
  std::set<std::string> conflicting;
  bool any = false;
  size_t visited = 0;
  for (DocValue root : read.documents()) {
    if (root.isNull())
      continue;
    if (!root.isMap())
      root.fail("a ROS 2 parameter file maps node names to {ros__parameters: ...}");
    // Node names may nest namespaces (`ns: {node: {ros__parameters: ...}}`) or use wildcards
    // (`/**`); each map is kept with the node path its keys are under.
    std::vector<std::pair<DocValue, std::string>> work{{root, ""}};
    for (size_t i = 0; i < work.size() && i < 10000; ++i) {
      for (const auto &[key, value] : work[i].first.entries()) {
        if (++visited > 1'000'000)
          throw InputError({displayPath, 0, 0, ""},
                           "the file expands to more than 1,000,000 entries (through YAML aliases?); refused");
        if (!value.isMap())
          continue;
        if (key.isScalar() && key.text() == "ros__parameters") {
          any = true;
          std::map<std::string, std::string> node;
          flattenParameters(value, "", node, 0, visited);
          const std::string &nodePath = work[i].second;
          if (byNode && !nodePath.empty() && nodePath.find('*') == std::string::npos) {
            for (const auto &[name, value] : node)
              (*byNode)[nodePath][name] = value;
            if (byNodeAt)
              byNodeAt->emplace(nodePath, key.location());
            continue;
          }
          for (const auto &[name, value] : node) {
            auto [it, added] = all.emplace(name, value);
            if (!added && it->second != value)
              conflicting.insert(name);
          }
        } else {
          std::string part = key.isScalar() ? key.text() : "";
          while (!part.empty() && part.front() == '/')
            part.erase(0, 1);
          while (!part.empty() && part.back() == '/')
            part.pop_back();
          const std::string &outer = work[i].second;
          work.emplace_back(value, outer.empty() ? part : part.empty() ? outer : outer + "/" + part);
        }
      }
    }
  }
  if (!any)
    throw InputError({displayPath, 0, 0, ""}, "no `ros__parameters` in this file: not a ROS 2 parameter file");
  for (const std::string &name : conflicting) {
    all.erase(name);
    conflicts.push_back(name);
  }
  return all;
}

} // namespace eventscope
