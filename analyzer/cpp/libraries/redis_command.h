// hiredis commands (`redisCommand(c, "PUBLISH orders %s", body)`): which words of a command
// string name channels, by the key positions of the Redis command reference: PUBLISH channel
// message; SUBSCRIBE, PSUBSCRIBE, UNSUBSCRIBE channel [channel ...]; XADD key ...; XREAD and
// XREADGROUP ... STREAMS key [key ...] id [id ...]; BLPOP, BRPOP key [key ...] timeout;
// LMPOP numkeys key ...; BLMPOP timeout numkeys key ...; XGROUP and XINFO subcommand key;
// any other command its first argument (LPUSH key element, BRPOPLPUSH source ...). Plain C++.
#pragma once

#include <string>
#include <vector>

namespace eventscope {

// One channel slot of a command: a word written in the command string, or a printf
// conversion that takes its text from a vararg.
struct RedisChannelSlot {
  std::string literal;     // the channel as written; empty for a conversion
  std::string conversion;  // `%s`, `%b`, ...: the channel comes from vararg `vararg`
  size_t vararg = 0;       // 0-based among the varargs after the command string
  // A word of text and conversions (`ops:alerts:%s`, `fleet/%s/%d`): its pieces in order,
  // each literal text (conversion empty) or a conversion taking vararg `vararg`.
  struct Piece {
    std::string text, conversion;
    size_t vararg = 0;
  };
  std::vector<Piece> pieces; // empty for a plain word or a single conversion
};

struct RedisCommand {
  std::string name; // the command, upper-case ("PUBLISH"); empty for an empty string
  std::vector<RedisChannelSlot> channels;
};

// Splits `text` into words (spaces, tabs) and finds the channel words of its command (its
// keys, as above; the command name is case-insensitive). Each `%` conversion
// takes one vararg (`%b` two: a pointer and a length), channel or not; `%%` is a `%`.
RedisCommand parseRedisCommand(const std::string &text);

} // namespace eventscope
