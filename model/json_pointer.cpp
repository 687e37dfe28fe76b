#include "model/json_pointer.h"

#include <cctype>

namespace eventscope {

std::string escapePointerToken(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key)
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  return out;
}

void appendPointerToken(std::string &pointer, std::string_view key) {
  pointer += '/';
  pointer += escapePointerToken(key);
}

std::string unescapePointerToken(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i)
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1'))
      out += token[++i] == '0' ? '~' : '/';
    else
      out += token[i];
  return out;
}

std::string unescapeFragmentToken(std::string_view token) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  auto value = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10); };
  std::string decoded;
  for (size_t i = 0; i < token.size(); ++i)
    if (token[i] == '%' && i + 2 < token.size() && hex(token[i + 1]) && hex(token[i + 2])) {
      decoded += static_cast<char>(value(token[i + 1]) * 16 + value(token[i + 2]));
      i += 2;
    } else {
      decoded += token[i];
    }
  return unescapePointerToken(decoded);
}

} // namespace eventscope
