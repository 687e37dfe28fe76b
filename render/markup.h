// Text placed in XML or HTML (JUnit reports, the explorer's page): the five characters that
// markup gives a meaning, as entities (&apos; is valid in XML and in HTML5 alike).
#pragma once

#include <string>
#include <string_view>

namespace eventscope {

inline std::string markupEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default: out += c;
    }
  return out;
}

} // namespace eventscope
