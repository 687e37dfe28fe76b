// Built-in API profiles: YAML data compiled into the binary (analyzer/cpp/profiles/*.yaml).
#pragma once

#include "analyzer/config/config.h"

#include <string>
#include <vector>

namespace eventscope {

struct Profile {
  std::string name;
  std::string description;
  std::vector<ApiDescription> apis;
};

// Every built-in profile, sorted by name. A broken built-in profile is a bug: it throws.
const std::vector<Profile> &builtinProfiles();

} // namespace eventscope
