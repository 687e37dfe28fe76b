#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace eventscope {

/// The JSON text of `value` (compact when `indent` is -1, else indented by that many spaces).
/// Never throws: a string that is not valid UTF-8 (a contract or source may hold any bytes)
/// has each bad byte replaced by U+FFFD, where nlohmann's plain dump() throws type_error 316.
/// Every JSON text eventscope writes goes through here.
template <class Json> std::string jsonText(const Json &value, int indent = -1) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace eventscope
