#include "analyzer/cpp/profiles.h"

#include "analyzer/embedded_text.h"
#include "analyzer/documents/doc_value.h"
#include "model/input_error.h"

#include <algorithm>

namespace eventscope {
namespace {

constexpr const char *kBuiltinPrefix = "<builtin>/"; // how a built-in profile's file is shown

const EmbeddedText kEmbedded[] = {
#include "builtin_profiles.inc"
};

Profile parseProfile(const EmbeddedText &embedded) {
  DocFile read(embedded.text, kBuiltinPrefix + std::string(embedded.name));
  std::vector<DocValue> documents = read.documents();
  if (documents.empty())
    throw InputError({read.path(), 0, 0, ""}, "a profile must hold a document");
  DocValue root = documents.front();
  root.rejectUnknownKeys({"profile", "description", "names", "default", "headers", "apis"}, "a profile");
  Profile profile;
  profile.name = root.get("profile").scalar("`profile`");
  profile.description = root.get("description").scalar("`description`");
  if (DocValue onOrOff = root.get("default")) {
    std::string text = onOrOff.scalar("`default`");
    if (text != "on" && text != "off")
      onOrOff.fail("`default` must be on or off, not '" + text + "'");
    profile.onByDefault = text == "on";
  }
  std::string names = root.get("names") ? root.get("names").scalar("`names`") : "as_written";
  if (names != "ros" && names != "as_written")
    root.get("names").fail("`names` must be ros or as_written, not '" + names + "'");
  if (DocValue headers = root.get("headers"))
    for (const auto &[space, header] : headers.entries())
      profile.headers[space.scalar("a `headers` namespace")] = header.scalar("a `headers` entry");
  for (DocValue entry : root.get("apis").items()) {
    profile.apis.push_back(parseApiDescription(entry));
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

bool isBuiltinProfileEntry(const Location &where) { return where.file.rfind(kBuiltinPrefix, 0) == 0; }

bool profileApplies(const Profile &profile, const std::vector<std::string> &disabled,
                    const std::vector<std::string> &enabled) {
  auto named = [&](const std::vector<std::string> &names) {
    return std::find(names.begin(), names.end(), profile.name) != names.end();
  };
  return !named(disabled) && (profile.onByDefault || named(enabled));
}

} // namespace eventscope
