#include "analyzer/cpp/libraries/redis_command.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace eventscope {

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
  size_t last = command.name == "PUBLISH" ? std::min<size_t>(words.size(), 2) : words.size();
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
    if (w >= last)
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
