#include "model/channel_match.h"

#include <cctype>
#include <cstring>
#include <string_view>
#include <regex>
#include <unordered_map>
#include <vector>

namespace eventscope {

bool isChannelPattern(const std::string &channel) {
  if (channel.find('{') != std::string::npos && channel.find('}') != std::string::npos)
    return true;
  // Wildcards count only as whole segments: "a+b" or "item#3" are plain names.
  size_t start = 0;
  while (start <= channel.size()) {
    size_t end = channel.find_first_of("./", start);
    std::string segment = channel.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (segment == "+" || segment == "*" || segment == "#" || segment == ">")
      return true;
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return false;
}

bool isPrefixPattern(const std::string &channel) { return std::string_view(channel).ends_with(kAnyRest); }

PatternLiterals patternLiterals(const std::string &pattern) {
  if (isPrefixPattern(pattern)) { // its own literals, then any rest
    PatternLiterals literals = patternLiterals(pattern.substr(0, pattern.size() - std::strlen(kAnyRest)));
    return {literals.prefix, ""};
  }
  size_t first = std::string::npos, last = 0; // [first, last): parameters and wildcards
  bool openEnded = false;                     // a last `#` or `>` covers any rest
  size_t start = 0;
  while (start <= pattern.size()) {
    size_t end = pattern.find_first_of("./", start);
    size_t stop = end == std::string::npos ? pattern.size() : end;
    std::string segment = pattern.substr(start, stop - start);
    bool wildcard = segment == "+" || segment == "*" || segment == "#" || segment == ">";
    if (wildcard) {
      first = std::min(first, start);
      last = std::max(last, stop);
      openEnded = end == std::string::npos && (segment == "#" || segment == ">");
    }
    for (size_t open = segment.find('{'); open != std::string::npos; open = segment.find('{', open + 1)) {
      size_t close = segment.find('}', open);
      if (close == std::string::npos)
        break;
      first = std::min(first, start + open);
      last = std::max(last, start + close + 1);
    }
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  if (first == std::string::npos)
    return {pattern, pattern};
  PatternLiterals literals{pattern.substr(0, first), openEnded ? "" : pattern.substr(last)};
  if (!literals.prefix.empty() && (literals.prefix.back() == '.' || literals.prefix.back() == '/'))
    literals.prefix.pop_back();
  return literals;
}

static std::string escapeRegex(char c) {
  static const std::string special = R"(\^$.|?*+()[]{}/)";
  return special.find(c) == std::string::npos ? std::string(1, c) : std::string("\\") + c;
}

static std::string patternToRegex(const std::string &pattern) {
  if (isPrefixPattern(pattern)) {
    std::string rest = pattern.substr(0, pattern.size() - std::strlen(kAnyRest));
    return (rest.empty() ? "" : patternToRegex(rest)) + "[\\s\\S]*";
  }
  std::vector<std::pair<std::string, char>> segments; // (segment, separator after it or 0)
  size_t start = 0;
  while (true) {
    size_t end = pattern.find_first_of("./", start);
    segments.emplace_back(pattern.substr(start, end == std::string::npos ? std::string::npos : end - start),
                          end == std::string::npos ? 0 : pattern[end]);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  std::string regex;
  for (size_t i = 0; i < segments.size(); ++i) {
    const auto &[segment, separator] = segments[i];
    bool last = i + 1 == segments.size();
    if (segment == "#" && last) {
      // "a/#" also matches "a": the separator before it becomes optional.
      if (!regex.empty())
        regex.erase(regex.size() - 2); // the escaped separator just written
      regex += regex.empty() ? ".*" : "(?:[./].*)?";
      break;
    }
    if (segment == ">" && last)
      regex += ".+";
    else if (segment == "+")
      regex += "[^/]+";
    else if (segment == "*")
      regex += "[^./]+";
    else
      for (size_t j = 0; j < segment.size(); ++j) {
        size_t close = segment[j] == '{' ? segment.find('}', j) : std::string::npos;
        if (close != std::string::npos) {
          regex += "[^./]+";
          j = close;
        } else {
          regex += escapeRegex(segment[j]);
        }
      }
    if (separator)
      regex += escapeRegex(separator);
  }
  return regex;
}

bool channelMatches(const std::string &pattern, const std::string &concrete) {
  if (pattern == concrete)
    return true;
  if (!isChannelPattern(pattern))
    return false;
  thread_local std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end())
    it = cache.emplace(pattern, std::regex(patternToRegex(pattern), std::regex::ECMAScript | std::regex::optimize)).first;
  return std::regex_match(concrete, it->second);
}

bool hasLiteralText(const std::string &pattern) {
  int depth = 0;
  for (char c : pattern) {
    if (c == '{')
      ++depth;
    else if (c == '}' && depth > 0)
      --depth;
    else if (depth == 0 && std::isalnum(static_cast<unsigned char>(c)))
      return true;
  }
  return false;
}

} // namespace eventscope
