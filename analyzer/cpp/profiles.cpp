#include "analyzer/cpp/profiles.h"

#include "analyzer/embedded_text.h"
#include "analyzer/documents/yaml_input.h"

#include <algorithm>

namespace eventscope {
namespace {

const EmbeddedText kEmbedded[] = {
#include "builtin_profiles.inc"
};

Profile parseProfile(const EmbeddedText &embedded) {
  std::string file = std::string("<builtin>/") + embedded.name;
  std::vector<YAML::Node> documents = parseYamlDocuments(embedded.text, file);
  const YAML::Node &root = documents.at(0);
  rejectUnknownKeys(root, {"profile", "description", "names", "default", "apis"}, file, "a profile");
  Profile profile;
  profile.name = scalarOf(root["profile"], file, "`profile`");
  profile.description = scalarOf(root["description"], file, "`description`");
  if (root["default"]) {
    std::string onOrOff = scalarOf(root["default"], file, "`default`");
    if (onOrOff != "on" && onOrOff != "off")
      throw InputError(locationOf(root["default"], file), "`default` must be on or off, not '" + onOrOff + "'");
    profile.onByDefault = onOrOff == "on";
  }
  std::string names = root["names"] ? scalarOf(root["names"], file, "`names`") : "as_written";
  if (names != "ros" && names != "as_written")
    throw InputError(locationOf(root["names"], file), "`names` must be ros or as_written, not '" + names + "'");
  for (const YAML::Node &entry : root["apis"]) {
    profile.apis.push_back(parseApiDescription(entry, file));
    profile.apis.back().rosNames = names == "ros";
  }
  return profile;
}

} // namespace

const std::vector<Profile> &builtinProfiles() {
  static const std::vector<Profile> profiles = [] {
    std::vector<Profile> all;
    for (const EmbeddedText &embedded : kEmbedded)
      all.push_back(parseProfile(embedded));
    std::sort(all.begin(), all.end(), [](const Profile &a, const Profile &b) { return a.name < b.name; });
    return all;
  }();
  return profiles;
}

bool profileApplies(const Profile &profile, const std::vector<std::string> &disabled,
                    const std::vector<std::string> &enabled) {
  auto named = [&](const std::vector<std::string> &names) {
    return std::find(names.begin(), names.end(), profile.name) != names.end();
  };
  return !named(disabled) && (profile.onByDefault || named(enabled));
}

} // namespace eventscope
