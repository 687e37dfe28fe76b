// Channel names that stand for many: AsyncAPI parameters (`orders.{orderId}`) and broker
// wildcards in subscriptions (MQTT `+` `#`, NATS `*` `>`, AMQP topic `*` `#`).
#pragma once

#include <string>

namespace eventscope {

bool isChannelPattern(const std::string &channel);

// Whether a pattern has text of its own outside its `{name}` pieces (a letter or digit):
// `"/{name}"` would stand for every one-segment channel, `orders.{id}` does not.
bool hasLiteralText(const std::string &pattern);

// A pattern's last piece `{...}` stands for any rest, separators included, or none: a
// subscription that matches by prefix (ZeroMQ's ZMQ_SUBSCRIBE "A" is `A{...}`).
inline constexpr const char *kAnyRest = "{...}";
bool isPrefixPattern(const std::string &channel);

// Whether `pattern` covers `concrete`. `{name}` is one or more characters other than the
// separators `/` and `.`; a whole segment `+` or `*` is one segment; a last segment `#` is
// any rest, or none (MQTT, AMQP); a last segment `>` is one or more segments (NATS); a last
// `{...}` is any rest, or none (see kAnyRest).
bool channelMatches(const std::string &pattern, const std::string &concrete);

// What every channel a pattern covers starts and ends with: the literal text before its
// first parameter or wildcard (without the separator just before it: `a/#` covers `a`) and
// after its last one. For finding candidates without trying every channel.
struct PatternLiterals {
  std::string prefix;
  std::string suffix;
};
PatternLiterals patternLiterals(const std::string &pattern);

} // namespace eventscope
