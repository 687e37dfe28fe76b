#include "analyzer/config/config.h"

#include "analyzer/documents/yaml_input.h"

#include <cctype>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <set>

namespace eventscope {
namespace {

const std::vector<std::string> kTopLevelKeys = {"sources",  "include_dirs",     "compile_flags",     "contracts",
                                                "services", "apis",             "persistence_apis", "disabled_profiles", "enabled_profiles",
                                                "rules",    "exclude",          "extends", "parameters", "parameter_files", "launch"};
constexpr int kMaxExtendsDepth = 8;

unsigned argumentIndex(const YAML::Node &node, const std::string &file, const std::string &what) {
  std::string text = scalarOf(node, file, what);
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
    throw InputError(locationOf(node, file), what + " must be an argument index (0, 1, 2, ...), not '" + text + "'");
  return static_cast<unsigned>(std::stoul(text));
}

ChannelSpec parseChannelSpec(const YAML::Node &node, const std::string &file) {
  const std::string expected = "`channel` must be one of {arg: N}, {template_arg: N}, {type_of_arg: N}, "
                               "{handle_arg: N}, {object: true}, {after_tag: NAME or [NAMES]}, {redis_command: WORD, arg: N}, {redis_command: WORD, argv: N}";
  if (!node.IsMap())
    throw InputError(locationOf(node, file), expected);
  rejectUnknownKeys(node, {"arg", "template_arg", "type_of_arg", "handle_arg", "object", "after_tag", "redis_command", "argv"},
                    file, "`channel`");
  if (node["redis_command"]) {
    if (!(node["arg"] || node["argv"]) || node.size() != 2)
      throw InputError(locationOf(node, file), "{redis_command: WORD, arg: N} (or argv: N) needs both keys");
    ChannelSpec spec = node["argv"]
                           ? ChannelSpec{ChannelSpec::Kind::RedisArgv, argumentIndex(node["argv"], file, "`channel.argv`"), "", {}}
                           : ChannelSpec{ChannelSpec::Kind::RedisCommand, argumentIndex(node["arg"], file, "`channel.arg`"), "", {}};
    spec.word = scalarOf(node["redis_command"], file, "`channel.redis_command`");
    for (char &c : spec.word) // Redis command names are case-insensitive; the parsed ones are upper-case
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return spec;
  }
  if (node.size() != 1)
    throw InputError(locationOf(node, file), expected);
  if (node["object"])
    return {ChannelSpec::Kind::Object, 0, "", {}};
  if (node["after_tag"]) {
    ChannelSpec spec{ChannelSpec::Kind::AfterTag, 0, "", {}};
    if (node["after_tag"].IsSequence())
      spec.tags = stringListOf(node["after_tag"], file, "`channel.after_tag`");
    else
      spec.tags = {scalarOf(node["after_tag"], file, "`channel.after_tag`")};
    if (spec.tags.empty())
      throw InputError(locationOf(node["after_tag"], file), "`channel.after_tag` needs at least one tag");
    return spec;
  }
  static const std::pair<const char *, ChannelSpec::Kind> kinds[] = {{"arg", ChannelSpec::Kind::Arg},
                                                                     {"template_arg", ChannelSpec::Kind::TemplateArg},
                                                                     {"type_of_arg", ChannelSpec::Kind::TypeOfArg},
                                                                     {"handle_arg", ChannelSpec::Kind::Arg}}; // the same: a handle is read wherever a string is
  for (auto [key, kind] : kinds)
    if (node[key])
      return {kind, argumentIndex(node[key], file, std::string("`channel.") + key + "`"), "", {}};
  throw InputError(locationOf(node, file), expected);
}

HandlerSpec parseHandlerSpec(const YAML::Node &node, const std::string &file) {
  if (node.IsScalar() && node.Scalar() == "enclosing_function")
    return {HandlerSpec::Kind::EnclosingFunction, 0, {}};
  if (node.IsMap() && node.size() == 1 && node["arg"])
    return {HandlerSpec::Kind::Arg, argumentIndex(node["arg"], file, "`handler.arg`"), {}};
  if (node.IsMap() && node.size() == 1 && node["callbacks"])
    return {HandlerSpec::Kind::Callbacks, 0, stringListOf(node["callbacks"], file, "`handler.callbacks`")};
  throw InputError(locationOf(node, file), "`handler` must be {arg: N}, {callbacks: [names]} or enclosing_function");
}

ConfigValue parseConfigValue(const YAML::Node &node, const std::string &file, const std::string &what) {
  ConfigValue value;
  value.location = locationOf(node, file);
  if (node.IsSequence()) {
    value.isList = true;
    value.items = stringListOf(node, file, what);
  } else {
    value.items = {scalarOf(node, file, what)};
  }
  return value;
}

Severity parseSeverityNode(const YAML::Node &node, const std::string &file, const std::string &rule) {
  std::string text = scalarOf(node, file, "the severity of " + rule);
  if (auto severity = parseSeverity(text))
    return *severity;
  throw InputError(locationOf(node, file),
                   "invalid severity '" + text + "' for " + rule + " (expected off, info, warning or error)");
}

RuleConfig parseRuleConfig(const std::string &id, const YAML::Node &node, const YAML::Node &key,
                           const std::string &file) {
  RuleConfig rule;
  rule.location = locationOf(key, file);
  if (node.IsScalar()) {
    rule.severity = parseSeverityNode(node, file, id);
    return rule;
  }
  if (!node.IsMap())
    throw InputError(locationOf(node, file),
                     "the setting of " + id + " must be a severity (off, info, warning, error) or a map of options");
  for (const auto &entry : node) {
    std::string name = scalarOf(entry.first, file, "an option name of " + id);
    if (name == "severity")
      rule.severity = parseSeverityNode(entry.second, file, id);
    else if (name == "exclude")
      for (auto &[glob, at] : locatedStringListOf(entry.second, file, "`exclude` of " + id)) {
        rule.exclude.push_back(glob);
        rule.excludeAt.push_back(at);
      }
    else {
      ConfigValue value = parseConfigValue(entry.second, file, "option '" + name + "' of " + id);
      value.location = locationOf(entry.first, file);
      rule.options[name] = std::move(value);
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

ApiDescription parseApiDescription(const YAML::Node &node, const std::string &file) {
  if (!node.IsMap())
    throw InputError(locationOf(node, file), "each entry of `apis` must be a map with `function`, `role` and `channel`");
  rejectUnknownKeys(node, {"function", "role", "channel", "handler", "target", "assignment", "by_name", "name", "default", "out",
                          "when", "args", "match", "made_with", "message_type", "qos", "kind"}, file,
                    "an `apis` entry");
  ApiDescription api;
  api.location = locationOf(node, file);
  if (!node["function"])
    throw InputError(api.location, "an `apis` entry needs `function` (a qualified function name)");
  api.function = scalarOf(node["function"], file, "`function`");
  if (api.function.rfind("::", 0) == 0) // "::publish" names the same function as "publish"
    api.function.erase(0, 2);
  if (api.function.empty())
    throw InputError(locationOf(node["function"], file), "`function` must not be empty");
  if (!node["role"])
    throw InputError(api.location, "the `apis` entry for " + api.function + " needs `role` (produce, consume, handle or reply_address)");
  std::string role = scalarOf(node["role"], file, "`role`");
  if (role == "produce")
    api.role = ApiRole::Produce;
  else if (role == "consume")
    api.role = ApiRole::Consume;
  else if (role == "handle")
    api.role = ApiRole::Handle;
  else if (role == "reply_address")
    api.role = ApiRole::ReplyAddress;
  else if (role == "setting")
    api.role = ApiRole::Setting;
  else
    throw InputError(locationOf(node["role"], file),
                     "invalid role '" + role + "' (expected produce, consume, handle, reply_address or setting)");
  auto argumentOf = [&](const char *key) -> std::optional<unsigned> {
    if (!node[key])
      return std::nullopt;
    if (api.role != ApiRole::Setting)
      throw InputError(locationOf(node[key], file), std::string("`") + key + "` belongs to entries of role setting");
    if (!node[key].IsMap() || !node[key]["arg"] || node[key].size() != 1)
      throw InputError(locationOf(node[key], file), std::string("`") + key + "` must be {arg: N}");
    return argumentIndex(node[key]["arg"], file, std::string("`") + key + ".arg`");
  };
  api.settingName = argumentOf("name");
  api.settingDefault = argumentOf("default");
  api.settingOut = argumentOf("out");
  if (api.role == ApiRole::Setting) {
    if (!api.settingName)
      throw InputError(api.location, "the `apis` entry for " + api.function + " (role setting) needs `name: {arg: N}`");
    if (node["channel"] || node["handler"])
      throw InputError(api.location, "the `apis` entry for " + api.function +
                                         " (role setting) takes `name`, `default` and `out`, not `channel` or `handler`");
    return api;
  }
  if (node["channel"])
    api.channel = parseChannelSpec(node["channel"], file);
  else if (sendsOrReceives(api.role))
    throw InputError(api.location, "the `apis` entry for " + api.function + " needs `channel`");
  if (node["handler"])
    api.handler = parseHandlerSpec(node["handler"], file);
  if (node["target"]) {
    if (!node["target"].IsMap() || !node["target"]["arg"] || node["target"].size() != 1)
      throw InputError(locationOf(node["target"], file), "`target` must be {arg: N}");
    api.target = argumentIndex(node["target"]["arg"], file, "`target.arg`");
  }
  if (node["assignment"]) {
    std::string flag = scalarOf(node["assignment"], file, "`assignment`");
    if (flag != "true" && flag != "false")
      throw InputError(locationOf(node["assignment"], file), "`assignment` must be true or false");
    api.assignment = flag == "true";
  }
  if (node["by_name"]) {
    std::string flag = scalarOf(node["by_name"], file, "`by_name`");
    if (flag != "true" && flag != "false")
      throw InputError(locationOf(node["by_name"], file), "`by_name` must be true or false");
    api.byName = flag == "true";
  }
  if (const YAML::Node when = node["when"]) {
    if (!when.IsMap() || !when["arg"] || !when["is"] || when.size() != 2)
      throw InputError(locationOf(when, file), "`when` must be {arg: N, is: NAME or [NAMES]}");
    api.whenArg = argumentIndex(when["arg"], file, "`when.arg`");
    api.whenIs = when["is"].IsSequence() ? stringListOf(when["is"], file, "`when.is`")
                                         : std::vector<std::string>{scalarOf(when["is"], file, "`when.is`")};
    if (api.whenIs.empty())
      throw InputError(locationOf(when["is"], file), "`when.is` needs at least one name");
    for (std::string &name : api.whenIs) // compared by unqualified name
      if (size_t colons = name.rfind("::"); colons != std::string::npos)
        name.erase(0, colons + 2);
  }
  if (const YAML::Node args = node["args"]) {
    if (!args.IsMap() || args.size() == 0)
      throw InputError(locationOf(args, file), "`args` must be {at_least: N} and/or {at_most: N}");
    rejectUnknownKeys(args, {"at_least", "at_most"}, file, "`args`");
    if (args["at_least"])
      api.argsAtLeast = argumentIndex(args["at_least"], file, "`args.at_least`");
    if (args["at_most"])
      api.argsAtMost = argumentIndex(args["at_most"], file, "`args.at_most`");
  }
  if (const YAML::Node made = node["made_with"]) {
    const char *expected =
        "`made_with` must be {arg: N, by: FUNCTION or [FUNCTIONS], is: NAME or [NAMES]} or {object: true, by: ..., is: ...}";
    if (!made.IsMap() || !made["is"] || !made["by"] || made.size() != 3 || (!made["arg"] && !made["object"]))
      throw InputError(locationOf(made, file), expected);
    if (made["arg"])
      api.madeWithArg = argumentIndex(made["arg"], file, "`made_with.arg`");
    else if (scalarOf(made["object"], file, "`made_with.object`") == "true")
      api.madeWithObject = true;
    else
      throw InputError(locationOf(made["object"], file), expected);
    api.madeWith = made["is"].IsSequence() ? stringListOf(made["is"], file, "`made_with.is`")
                                           : std::vector<std::string>{scalarOf(made["is"], file, "`made_with.is`")};
    if (api.madeWith.empty())
      throw InputError(locationOf(made["is"], file), "`made_with.is` needs at least one name");
    api.madeBy = made["by"].IsSequence() ? stringListOf(made["by"], file, "`made_with.by`")
                                         : std::vector<std::string>{scalarOf(made["by"], file, "`made_with.by`")};
    if (api.madeBy.empty())
      throw InputError(locationOf(made["by"], file), "`made_with.by` needs at least one function");
    for (std::string &name : api.madeWith)
      if (size_t colons = name.rfind("::"); colons != std::string::npos)
        name.erase(0, colons + 2);
  }
  if (const YAML::Node type = node["message_type"]) {
    if (!type.IsMap() || !type["template_arg"] || type.size() != 1)
      throw InputError(locationOf(type, file), "`message_type` must be {template_arg: N}");
    api.messageTypeArg = argumentIndex(type["template_arg"], file, "`message_type.template_arg`");
  }
  if (const YAML::Node kind = node["kind"]) {
    std::string k = scalarOf(kind, file, "`kind`");
    if (k != "topic" && k != "service" && k != "action")
      throw InputError(locationOf(kind, file), "`kind` must be topic, service or action, not '" + k + "'");
    api.kind = k == "service" ? ChannelKind::Service : k == "action" ? ChannelKind::Action : ChannelKind::Topic;
  }
  if (const YAML::Node qos = node["qos"]) {
    if (!qos.IsMap() || !qos["arg"] || qos.size() != 1)
      throw InputError(locationOf(qos, file), "`qos` must be {arg: N}");
    api.qosArg = argumentIndex(qos["arg"], file, "`qos.arg`");
  }
  if (node["match"]) {
    std::string mode = scalarOf(node["match"], file, "`match`");
    if (mode != "prefix" && mode != "exact")
      throw InputError(locationOf(node["match"], file), "`match` must be exact or prefix, not '" + mode + "'");
    if (mode == "prefix" && api.role != ApiRole::Consume)
      throw InputError(locationOf(node["match"], file), "`match: prefix` belongs to entries of role consume");
    api.matchPrefix = mode == "prefix";
  }
  return api;
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
  std::string text = readInputFile(path, displayPath);
  std::vector<YAML::Node> documents = parseYamlDocuments(text, displayPath);
  const std::string &file = displayPath;
  if (documents.empty() || documents.front().IsNull())
    throw InputError({file, 0, 0, ""}, "the config file is empty (expected a map with keys such as sources, contracts, services)");
  if (documents.size() > 1)
    throw InputError(locationOf(documents[1], file), "the config file must hold one YAML document");
  const YAML::Node &root = documents.front();
  if (!root.IsMap())
    throw InputError(locationOf(root, file), "the config must be a map with keys such as sources, contracts, services");
  rejectUnknownKeys(root, kTopLevelKeys, file, "the config");

  ConfigFile parsed;
  for (const auto &entry : root)
    parsed.keys.insert(entry.first.Scalar());
  if (root["extends"]) {
    parsed.extends = scalarOf(root["extends"], file, "`extends`");
    parsed.extendsAt = locationOf(root["extends"], file);
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
    for (auto &[text, location] : locatedStringListOf(root[key], file, std::string("`") + key + "`")) {
      items.push_back(text);
      at.push_back(location);
    }
    return items;
  };
  config.sources = paths("sources");
  config.sourcesGiven = static_cast<bool>(root["sources"]);
  config.includeDirs = paths("include_dirs");
  config.compileFlags = stringListOf(root["compile_flags"], file, "`compile_flags`");
  config.contractsGiven = static_cast<bool>(root["contracts"]);
  config.contracts = paths("contracts");
  config.persistenceApis = stringListOf(root["persistence_apis"], file, "`persistence_apis`");
  config.disabledProfiles = stringListOf(root["disabled_profiles"], file, "`disabled_profiles`");
  config.enabledProfiles = stringListOf(root["enabled_profiles"], file, "`enabled_profiles`");

  if (const YAML::Node services = root["services"]; services && !services.IsNull()) {
    if (!services.IsMap())
      throw InputError(locationOf(services, file), "`services` must map service names to lists of path globs");
    for (const auto &entry : services) {
      ServicePaths service;
      service.name = scalarOf(entry.first, file, "a service name");
      service.location = locationOf(entry.first, file);
      for (auto &[glob, at] : locatedStringListOf(entry.second, file, "the paths of service " + service.name)) {
        service.globs.push_back(glob);
        service.globAt.push_back(at);
      }
      config.services.push_back(std::move(service));
    }
  }

  if (const YAML::Node apis = root["apis"]; apis && !apis.IsNull()) {
    if (!apis.IsSequence())
      throw InputError(locationOf(apis, file), "`apis` must be a list of API descriptions");
    for (const YAML::Node &entry : apis)
      config.apis.push_back(parseApiDescription(entry, file));
  }

  if (const YAML::Node rules = root["rules"]; rules && !rules.IsNull()) {
    if (!rules.IsMap())
      throw InputError(locationOf(rules, file), "`rules` must map rule ids to a severity or to options");
    for (const auto &entry : rules) {
      std::string id = scalarOf(entry.first, file, "a rule id");
      config.rules[id] = parseRuleConfig(id, entry.second, entry.first, file);
    }
  }
  config.exclude = paths("exclude");
  if (root["exclude"])
    config.excludeAt = locationOf(root["exclude"], file);
  if (const YAML::Node parameters = root["parameters"]; parameters && !parameters.IsNull()) {
    if (!parameters.IsMap())
      throw InputError(locationOf(parameters, file), "`parameters` must map setting names to their values");
    for (const auto &entry : parameters) {
      std::string name = scalarOf(entry.first, file, "a parameter name");
      config.parameters[name] = scalarOf(entry.second, file, "the value of parameter " + name);
      config.parameterAt[name] = locationOf(entry.first, file);
    }
  }
  config.parameterFiles = paths("parameter_files");
  config.launch = paths("launch");
  return parsed;
}

// `visited` counts every entry read: YAML aliases can make a small file expand exponentially.
void flattenParameters(const YAML::Node &node, const std::string &prefix, const std::string &file,
                       std::map<std::string, std::string> &out, unsigned depth, size_t &visited) {
  if (depth > 32)
    throw InputError(locationOf(node, file), "parameters nested deeper than 32 levels");
  for (const auto &entry : node) {
    if (++visited > 1'000'000)
      throw InputError(locationOf(node, file), "the parameters expand to more than 1,000,000 entries (through YAML aliases?); refused");
    std::string name = prefix + scalarOf(entry.first, file, "a parameter name");
    if (entry.second.IsMap())
      flattenParameters(entry.second, name + ".", file, out, depth + 1, visited);
    else if (entry.second.IsScalar())
      out[name] = entry.second.Scalar();
    // a list (of numbers, mostly) names no channel
  }
}

} // namespace

std::map<std::string, std::string> readRosParameterFile(const std::string &path, const std::string &displayPath,
                                                        std::vector<std::string> &conflicts) {
  std::string text = readInputFile(path, displayPath);
  std::vector<YAML::Node> documents = parseYamlDocuments(text, displayPath);
  std::map<std::string, std::string> all;
  std::set<std::string> conflicting;
  bool any = false;
  size_t visited = 0;
  for (const YAML::Node &root : documents) {
    if (root.IsNull())
      continue;
    if (!root.IsMap())
      throw InputError(locationOf(root, displayPath), "a ROS 2 parameter file maps node names to {ros__parameters: ...}");
    // Node names may nest namespaces (`ns: {node: {ros__parameters: ...}}`) or use wildcards (`/**`).
    std::vector<YAML::Node> work{root};
    for (size_t i = 0; i < work.size() && i < 10000; ++i) {
      for (const auto &entry : work[i]) {
        if (++visited > 1'000'000)
          throw InputError({displayPath, 0, 0, ""}, "the file expands to more than 1,000,000 entries (through YAML aliases?); refused");
        if (!entry.second.IsMap())
          continue;
        if (entry.first.IsScalar() && entry.first.Scalar() == "ros__parameters") {
          any = true;
          std::map<std::string, std::string> node;
          flattenParameters(entry.second, "", displayPath, node, 0, visited);
          for (const auto &[name, value] : node) {
            auto [it, added] = all.emplace(name, value);
            if (!added && it->second != value)
              conflicting.insert(name);
          }
        } else {
          work.push_back(entry.second);
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
