#include "analyzer/cpp/libraries/redis_command.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

namespace eventscope {
namespace {

bool isOneOf(const std::string &name, std::initializer_list<const char *> names) {
  return std::any_of(names.begin(), names.end(), [&](const char *n) { return name == n; });
}

// A word that is a number written out (`numkeys`), if it is one.
std::optional<size_t> count(const std::string &word) {
  if (word.empty() || word.size() > 6 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoul(word);
}

// Which words of a command (words[0] is the command) name channels: its keys, by the key
// specifications of the Redis command reference (`COMMAND INFO`), for the commands an event
// flows through; any other command's first argument (most commands take their key first).
std::vector<bool> keyWords(const std::string &name, const std::vector<std::string> &words) {
  const size_t n = words.size();
  std::vector<bool> key(n, false);
  auto range = [&](size_t from, size_t to) { // [from, to)
    for (size_t w = from; w < to && w < n; ++w)
      key[w] = true;
  };
  if (isOneOf(name, {"SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE"})) {
    range(1, n); // every argument is a channel (or pattern)
  } else if (isOneOf(name, {"XREAD", "XREADGROUP"})) {
    // ... STREAMS key [key ...] id [id ...]: as many ids as keys follow the keys.
    for (size_t w = 1; w < n; ++w) {
      std::string upper = words[w];
      for (char &c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (upper == "STREAMS") {
        size_t rest = n - w - 1;
        range(w + 1, w + 1 + std::max<size_t>(rest / 2, rest ? 1 : 0));
        break;
      }
    }
  } else if (isOneOf(name, {"BLPOP", "BRPOP", "BZPOPMIN", "BZPOPMAX"})) {
    range(1, n > 2 ? n - 1 : n); // key [key ...] timeout
  } else if (isOneOf(name, {"LMPOP", "ZMPOP", "SINTERCARD", "ZINTERCARD"})) {
    if (n > 2)
      if (std::optional<size_t> keys = count(words[1])) // numkeys key [key ...]
        range(2, 2 + *keys);
  } else if (isOneOf(name, {"BLMPOP", "BZMPOP"})) {
    if (n > 3)
      if (std::optional<size_t> keys = count(words[2])) // timeout numkeys key [key ...]
        range(3, 3 + *keys);
  } else if (isOneOf(name, {"XGROUP", "XINFO"})) {
    range(2, 3); // a subcommand, then the stream: XGROUP CREATE key group id, XINFO STREAM key
  } else {
    range(1, 2); // PUBLISH channel message, XADD key ..., LPUSH key element, ...
  }
  return key;
}

} // namespace

RedisCommand parseRedisCommand(const std::string &text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text + " ") {
    if (c == ' ' || c == '\t') {
      if (!current.empty())
        words.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  RedisCommand command;
  if (words.empty())
    return command;
  command.name = words.front();
  for (char &c : command.name)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  size_t vararg = 0;
  const std::vector<bool> keys = keyWords(command.name, words);
  for (size_t w = 1; w < words.size(); ++w) {
    // hiredis's own format: `%s`, `%b` (pointer and length), `%%`, and printf's
    // conversions with flags, width and precision (a `*` takes a vararg too).
    std::vector<RedisChannelSlot::Piece> pieces;
    const std::string &word = words[w];
    for (size_t i = 0; i < word.size();) {
      if (word[i] != '%' || i + 1 >= word.size() || word[i + 1] == '%') {
        if (pieces.empty() || !pieces.back().conversion.empty())
          pieces.push_back({});
        pieces.back().text += word[i];
        i += word[i] == '%' && i + 1 < word.size() ? 2 : 1;
        continue;
      }
      size_t end = i + 1;
      size_t first = vararg;
      while (end < word.size() && std::strchr("-+ #0123456789.*hlLqjzt", word[end])) {
        if (word[end] == '*')
          ++vararg;
        ++end;
      }
      if (end < word.size())
        ++end; // the conversion letter
      std::string conversion = word.substr(i, end - i);
      first = vararg;
      vararg += conversion.back() == 'b' ? 2 : 1;
      pieces.push_back({"", conversion, first});
      i = end;
    }
    bool isFormat = std::any_of(pieces.begin(), pieces.end(), [](auto &p) { return !p.conversion.empty(); });
    if (!keys[w])
      continue;
    if (!isFormat)
      command.channels.push_back({pieces.empty() ? word : pieces.front().text, "", 0, {}});
    else if (pieces.size() == 1)
      command.channels.push_back({"", pieces.front().conversion, pieces.front().vararg, {}});
    else
      command.channels.push_back({"", word, pieces.front().conversion.empty() ? pieces[1].vararg : pieces.front().vararg,
                                  std::move(pieces)});
  }
  return command;
}

} // namespace eventscope
