#include "model/channel_match.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fnmatch.h>
#include <optional>
#include <string_view>
#include <regex>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace eventscope {

bool isRegexSubscription(const std::string &channel) { return channel.size() > 1 && channel.front() == '^'; }

bool isChannelPattern(const std::string &channel) {
  if (isRegexSubscription(channel))
    return true;
  if (channel.find('{') != std::string::npos && channel.find('}') != std::string::npos)
    return true;
  // A `*` inside a segment is a glob (Redis PSUBSCRIBE `user:*`, `prices*`): no Kafka, MQTT,
  // NATS or ROS name holds one as a character of its own.
  if (channel.find('*') != std::string::npos)
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

// The text every topic a regex covers starts with: its literal characters after `^`, up to
// the first that is not (an escaped one, `\.`, is literal); what it ends with is not known.
static PatternLiterals regexLiterals(const std::string &regex) {
  static const std::string special = R"(^$.|?*+()[]{})";
  std::string prefix;
  if (regex.find('|') != std::string::npos) // `^a|b`: an alternative need not start with `a`
    return {"", ""};
  for (size_t i = 1; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\' && i + 1 < regex.size() && !std::isalnum(static_cast<unsigned char>(regex[i + 1]))) {
      prefix += regex[++i];
      continue;
    }
    if (c == '\\' || special.find(c) != std::string::npos) {
      // A quantifier applies to the character before it, which may then be absent.
      if ((c == '?' || c == '*' || c == '{') && !prefix.empty())
        prefix.pop_back();
      break;
    }
    prefix += c;
  }
  return {prefix, ""};
}

PatternLiterals patternLiterals(const std::string &pattern) {
  if (isRegexSubscription(pattern))
    return regexLiterals(pattern);
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
    if (!wildcard)
      for (size_t star = segment.find('*'); star != std::string::npos; star = segment.find('*', star + 1)) {
        first = std::min(first, start + star); // a glob inside the segment
        last = std::max(last, start + star + 1);
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
        } else if (segment[j] == '*') {
          regex += "[\\s\\S]*"; // a glob: any text, separators too (Redis)
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
  if (isRegexSubscription(pattern)) {
    thread_local std::unordered_map<std::string, std::optional<std::regex>> regexes;
    auto it = regexes.find(pattern);
    if (it == regexes.end()) {
      std::optional<std::regex> compiled;
      try {
        compiled.emplace(pattern, std::regex::ECMAScript | std::regex::optimize);
      } catch (const std::regex_error &) { // not a regex the consumer could subscribe with either
      }
      it = regexes.emplace(pattern, std::move(compiled)).first;
    }
    return it->second && std::regex_search(concrete, *it->second);
  }
  thread_local std::unordered_map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end())
    it = cache.emplace(pattern, std::regex(patternToRegex(pattern), std::regex::ECMAScript | std::regex::optimize)).first;
  return std::regex_match(concrete, it->second);
}

bool isRedisGlob(const std::string &glob) { return glob.find_first_of("*?[") != std::string::npos; }

bool redisGlobMatches(const std::string &glob, const std::string &concrete) {
  if (glob == concrete)
    return true;
  if (!isRedisGlob(glob) || glob.find('\0') != std::string::npos || concrete.find('\0') != std::string::npos)
    return false;
  // fnmatch backtracks at each `*`: a name written with dozens of them could take exponential
  // time (Redis bounds its own matcher's nesting for the same reason, CVE-2022-36021). Runs
  // of `*` are one; past 16 the glob covers nothing rather than hang the run.
  std::string collapsed;
  size_t stars = 0;
  for (size_t i = 0; i < glob.size(); ++i) {
    if (glob[i] == '*' && !collapsed.empty() && collapsed.back() == '*' &&
        !(collapsed.size() >= 2 && collapsed[collapsed.size() - 2] == '\\'))
      continue;
    stars += glob[i] == '*';
    collapsed += glob[i];
  }
  if (stars > 16)
    return false;
  // POSIX fnmatch without flags reads a glob as Redis does: `*` crosses `/` (no
  // FNM_PATHNAME), a leading `.` is plain (no FNM_PERIOD), `\` escapes, and glibc takes
  // `[^...]` as well as `[!...]`. Tested against a port of Redis's own matcher.
  return fnmatch(collapsed.c_str(), concrete.c_str(), 0) == 0;
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

namespace {

// The language of a channel pattern as a sequence of tokens: one character, or a run of
// characters other than `excluded` (at least `min` of them). A superset of what
// patternToRegex matches (a last `#` loses its separator), which keeps channelMayPass sound.
struct Token {
  char literal = 0;
  bool run = false;
  std::string excluded;
  int min = 0;
  bool name = false; // one segment's name (`+`, `*`, `{id}`): a value, none of a test's words
};

std::vector<Token> tokensOf(const std::string &pattern) {
  std::vector<Token> tokens;
  if (isRegexSubscription(pattern)) { // its literal start, then any text: a superset
    for (char c : regexLiterals(pattern).prefix)
      tokens.push_back({c, false, "", 0});
    tokens.push_back({0, true, "", 0});
    return tokens;
  }
  if (isPrefixPattern(pattern)) {
    tokens = tokensOf(pattern.substr(0, pattern.size() - std::strlen(kAnyRest)));
    tokens.push_back({0, true, "", 0});
    return tokens;
  }
  const bool wildcards = isChannelPattern(pattern);
  size_t start = 0;
  while (true) {
    size_t end = pattern.find_first_of("./", start);
    std::string segment = pattern.substr(start, end == std::string::npos ? std::string::npos : end - start);
    bool last = end == std::string::npos;
    if (wildcards && segment == "#" && last) {
      if (!tokens.empty() && !tokens.back().run)
        tokens.pop_back(); // "a/#" covers "a"
      tokens.push_back({0, true, "", 0});
    } else if (wildcards && segment == ">" && last) {
      tokens.push_back({0, true, "", 1});
    } else if (wildcards && segment == "+") {
      tokens.push_back({0, true, "/", 1, true});
    } else if (wildcards && segment == "*") {
      tokens.push_back({0, true, "./", 1, true});
    } else {
      for (size_t j = 0; j < segment.size(); ++j) {
        size_t close = segment[j] == '{' ? segment.find('}', j) : std::string::npos;
        if (close != std::string::npos) {
          tokens.push_back({0, true, "./", 1, true});
          j = close;
        } else if (std::strchr("*?[#>+", segment[j])) {
          tokens.push_back({0, true, "", 0}); // a glob (Redis PSUBSCRIBE) or a stray wildcard
        } else {
          tokens.push_back({segment[j], false, "", 0});
        }
      }
    }
    if (last)
      break;
    tokens.push_back({pattern[end], false, "", 0});
    start = end + 1;
  }
  return tokens;
}

// NFA states: (token, whether the run at that token has its minimum), closed under moving
// past a satisfied run.
using State = std::pair<size_t, bool>;

std::vector<State> closure(const std::vector<Token> &tokens, std::vector<State> states) {
  for (size_t i = 0; i < states.size(); ++i) {
    auto [at, satisfied] = states[i];
    if (at < tokens.size() && tokens[at].run && (satisfied || tokens[at].min == 0)) {
      State next{at + 1, false};
      if (std::find(states.begin(), states.end(), next) == states.end())
        states.push_back(next);
    }
  }
  return states;
}

// kOther: a character of a name, none of a test's text. `names`: whether a name's run takes
// any character (Equals, where the text is a whole channel) or only kOther (the other tests).
constexpr char kOther = '\x01';

std::vector<State> step(const std::vector<Token> &tokens, const std::vector<State> &states, char c,
                        bool names = true) {
  std::vector<State> out;
  for (auto [at, satisfied] : states) {
    if (at >= tokens.size())
      continue;
    const Token &t = tokens[at];
    State next = t.run ? State{at, true} : State{at + 1, false};
    bool takes = t.run ? t.excluded.find(c) == std::string::npos && (names || !t.name || c == kOther) : t.literal == c;
    if (takes && std::find(out.begin(), out.end(), next) == out.end())
      out.push_back(next);
  }
  return closure(tokens, out);
}

bool accepts(const std::vector<Token> &tokens, const std::vector<State> &states) {
  return std::any_of(states.begin(), states.end(), [&](const State &s) { return s.first == tokens.size(); });
}

// Some word of the tokens' language has `text` in it (anywhere, or at its end): a search
// over (NFA state, how much of `text` was just read) with KMP's failure function.
bool someWordHas(const std::vector<Token> &tokens, const std::string &text, bool atEnd) {
  std::vector<size_t> failure(text.size() + 1, 0);
  for (size_t i = 1, k = 0; i < text.size(); ++i) {
    while (k > 0 && text[i] != text[k])
      k = failure[k];
    if (text[i] == text[k])
      ++k;
    failure[i + 1] = k;
  }
  auto advance = [&](size_t k, char c) {
    if (k == text.size())
      k = failure[k];
    while (k > 0 && text[k] != c)
      k = failure[k];
    return text[k] == c ? k + 1 : 0;
  };
  std::string alphabet = text + "./" + kOther;
  for (const Token &t : tokens)
    if (!t.run)
      alphabet += t.literal;
  std::sort(alphabet.begin(), alphabet.end());
  alphabet.erase(std::unique(alphabet.begin(), alphabet.end()), alphabet.end());
  std::set<std::tuple<size_t, bool, size_t>> seen;
  std::vector<std::pair<std::vector<State>, size_t>> work;
  std::vector<State> start = closure(tokens, {{0, false}});
  for (const State &s : start)
    if (seen.insert({s.first, s.second, 0}).second)
      work.push_back({{s}, 0});
  while (!work.empty()) {
    auto [states, k] = work.back();
    work.pop_back();
    if (k == text.size() && (!atEnd || accepts(tokens, states)))
      return true;
    for (char c : alphabet) {
      size_t next = advance(k, c);
      for (const State &s : step(tokens, states, c, false))
        if (seen.insert({s.first, s.second, next}).second)
          work.push_back({closure(tokens, {s}), next});
    }
  }
  return false;
}

// Some word is in both tokens' languages: a search over pairs of NFA states, on the
// characters either names plus the separators and kOther (any other character, which every
// run that takes one takes alike).
bool languagesMeet(const std::vector<Token> &a, const std::vector<Token> &b) {
  std::string alphabet = std::string("./") + kOther;
  for (const std::vector<Token> *tokens : {&a, &b})
    for (const Token &t : *tokens)
      if (!t.run)
        alphabet += t.literal;
  std::sort(alphabet.begin(), alphabet.end());
  alphabet.erase(std::unique(alphabet.begin(), alphabet.end()), alphabet.end());
  std::set<std::pair<State, State>> seen;
  std::vector<std::pair<State, State>> work;
  for (const State &x : closure(a, {{0, false}}))
    for (const State &y : closure(b, {{0, false}}))
      if (seen.insert({x, y}).second)
        work.push_back({x, y});
  while (!work.empty()) {
    auto [x, y] = work.back();
    work.pop_back();
    if (x.first == a.size() && y.first == b.size())
      return true;
    for (char c : alphabet)
      for (const State &nx : step(a, {x}, c))
        for (const State &ny : step(b, {y}, c))
          if (seen.insert({nx, ny}).second)
            work.push_back({nx, ny});
  }
  return false;
}

} // namespace

bool channelMayPass(const std::string &channel, TopicTest test, const std::string &text) {
  std::vector<Token> tokens = tokensOf(channel);
  if (test == TopicTest::MatchesFilter)
    return languagesMeet(tokens, tokensOf(text));
  if (test == TopicTest::Equals || test == TopicTest::StartsWith) {
    std::vector<State> states = closure(tokens, {{0, false}});
    for (char c : text)
      states = step(tokens, states, c, test == TopicTest::Equals);
    // A prefix: any state still alive can be completed (a run takes any other character).
    return test == TopicTest::Equals ? accepts(tokens, states) : !states.empty();
  }
  if (text.empty())
    return true;
  return someWordHas(tokens, text, test == TopicTest::EndsWith);
}

} // namespace eventscope
