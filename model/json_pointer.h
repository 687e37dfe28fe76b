// JSON pointers (RFC 6901): the place of a node in a contract, as findings, `contract show`
// and the contract diff write it ("/channels/order~1placed/messages/0").
#pragma once

#include <string>
#include <string_view>

namespace eventscope {

// One reference token, escaped (RFC 6901 section 3): '~' becomes "~0", '/' becomes "~1".
std::string escapePointerToken(std::string_view key);

// Appends "/" and `key` escaped to `pointer`.
void appendPointerToken(std::string &pointer, std::string_view key);

// One reference token unescaped (section 4): "~1" becomes '/', then "~0" becomes '~'; any
// other '~' is kept as written.
std::string unescapePointerToken(std::string_view token);

// A token of a pointer in a URI fragment (`$ref: '#/channels/a%20b'`, section 6): its
// percent-escapes decoded, then unescaped as above.
std::string unescapeFragmentToken(std::string_view token);

} // namespace eventscope
