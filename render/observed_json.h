// The observed graph as a JSON value, shared by `traces --format json` and `scan`.
#pragma once

#include "model/observed.h"

#include <nlohmann/json.hpp>

namespace eventscope {

nlohmann::ordered_json observedJson(const ObservedGraph &observed);

} // namespace eventscope
