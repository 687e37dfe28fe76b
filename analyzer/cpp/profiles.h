// Built-in API profiles: YAML data compiled into the binary (analyzer/cpp/profiles/*.yaml).
#pragma once

#include "analyzer/config/config.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

struct Profile {
  std::string name;
  std::string description;
  std::vector<ApiDescription> apis;
  // The library's header per namespace it declares (`headers: {ros: ros/ros.h}`): included
  // first in a unit that uses the namespace's names before any of its includes declares them
  // (the include was in a header that is missing), when the header is installed.
  std::map<std::string, std::string> headers;
  // Off unless eventscope.yaml names it in `enabled_profiles` (`default: off` in the file): a
  // use of a library that is messaging in some code and plain data in other code (Redis lists).
  bool onByDefault = true;
};

// Whether `profile` applies under a config's `disabled_profiles` and `enabled_profiles`.
bool profileApplies(const Profile &profile, const std::vector<std::string> &disabled,
                    const std::vector<std::string> &enabled);

// Every built-in profile, sorted by name. A broken built-in profile is a bug: it throws.
const std::vector<Profile> &builtinProfiles();

// Whether an `apis` entry declared at `where` is a built-in profile's (its file is shown as
// `<builtin>/<profile>.yaml`), not the config's.
bool isBuiltinProfileEntry(const Location &where);

} // namespace eventscope
