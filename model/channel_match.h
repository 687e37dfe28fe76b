// Channel names that stand for many: AsyncAPI parameters (`orders.{orderId}`) and broker
// wildcards in subscriptions (MQTT `+` `#`, NATS `*` `>`, AMQP topic `*` `#`).
#pragma once

#include <string>

namespace eventscope {

bool isChannelPattern(const std::string &channel);

// A Kafka regex subscription: a topic that starts with `^` (librdkafka's rd_kafka_subscribe
// and KafkaConsumer::subscribe, Java's Pattern subscriptions), read as an ECMAScript regex
// searched in the topic (anchored at the start by its `^`, not at the end). No Kafka, MQTT,
// NATS, Redis or ROS name starts with `^` as a character of its own.
bool isRegexSubscription(const std::string &channel);

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
// `{...}` is any rest, or none (see kAnyRest); a `*` inside a segment is any text, or none,
// separators too (a Redis PSUBSCRIBE glob: `user:*`, `prices*`).
bool channelMatches(const std::string &pattern, const std::string &concrete);

// Whether `glob` covers `concrete` as Redis matches a PSUBSCRIBE pattern (stringmatchlen in
// Redis's util.c; https://redis.io/docs/latest/commands/psubscribe/): `*` is any text,
// separators included, or none; `?` one character; `[abc]`, `[^a]`, `[a-z]` one character of
// a set; `\x` the character x. Every other character is itself: `{`, `+`, `#`, `>` are no
// wildcards there, and `news.*` covers `news.art.figurative`, which NATS's `news.*` does not.
// A glob of more than 16 `*` (runs counted once) covers nothing: matching it could take
// exponential time.
bool redisGlobMatches(const std::string &glob, const std::string &concrete);

// Whether a Redis glob has a wildcard (`*`, `?`, `[`) and so may cover other channels.
bool isRedisGlob(const std::string &glob);

// What every channel a pattern covers starts and ends with: the literal text before its
// first parameter or wildcard (without the separator just before it: `a/#` covers `a`) and
// after its last one. For finding candidates without trying every channel.
struct PatternLiterals {
  std::string prefix;
  std::string suffix;
};
PatternLiterals patternLiterals(const std::string &pattern);

// A test a message handler makes of the topic of the message it was given, before doing
// something (`if (topic.find("/temperature") != npos) handleTemperature(...)`), and whether
// a message of channel `channel` (a name or a pattern, as channelMatches reads it) may pass
// it. A one-segment wildcard or parameter (`+`, `*`, `{id}`) stands for a value, never for
// one of the words a dispatch tests: `bldg/hq/occupancy/+` does not pass `contains
// "/temperature"`, though a floor named "temperature" would; it passes `equals
// "bldg/hq/occupancy/3"`. A wildcard for any rest (`#`, `>`, `{...}`) and a glob character
// that is not a whole segment (`ops:alerts:*`) stand for any text: the answer errs to true.
// MatchesFilter: the topic matches `text` read as a subscription filter, as
// `mosquitto_topic_matches_sub(text, topic, &match)` tells (MQTT 3.1.1 section 4.7): a
// channel may pass when some topic it covers is also covered by the filter.
enum class TopicTest { Equals, StartsWith, EndsWith, Contains, MatchesFilter };
bool channelMayPass(const std::string &channel, TopicTest test, const std::string &text);

} // namespace eventscope
