#include "analyzer/cpp/libraries/redis_command.h"

#include <algorithm>
#include <cctype>

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
    bool isFormat = words[w].find('%') != std::string::npos;
    if (w < last)
      command.channels.push_back(isFormat ? RedisChannelSlot{"", words[w], vararg} : RedisChannelSlot{words[w], "", 0});
    if (isFormat)
      vararg += words[w] == "%b" ? 2 : 1; // %b takes a pointer and a length
  }
  return command;
}

} // namespace eventscope
