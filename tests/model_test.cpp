#include "graph_builder.h"
#include "model/channel_match.h"
#include "model/graph_algorithms.h"
#include "model/text_distance.h"

#include <gtest/gtest.h>

#include <regex>

#include <cstring>

#include <random>

using namespace eventscope;
using eventscope::testing::GraphBuilder;

namespace {

// Every word of `alphabet` of at most `longest` characters, the empty one first, shortest first.
std::vector<std::string> allWords(const std::string &alphabet, size_t longest) {
  std::vector<std::string> words{""};
  for (size_t length = 1, from = 0; length <= longest; ++length) {
    size_t to = words.size();
    for (size_t i = from; i < to; ++i)
      for (char c : alphabet)
        words.push_back(words[i] + c);
    from = to;
  }
  return words;
}

} // namespace

namespace {

std::vector<std::vector<std::string>> channelsOf(const std::vector<TriggerPath> &paths) {
  std::vector<std::vector<std::string>> out;
  for (const TriggerPath &p : paths)
    out.push_back(p.channels);
  return out;
}

TEST(EventGraph, IndexesProducersAndConsumersPerChannel) {
  EventGraph g = GraphBuilder().produce("a", "x").consume("b", "x").consume("c", "x").consume("c", "y").build();
  ASSERT_NE(g.channel("x"), nullptr);
  EXPECT_EQ(g.channel("x")->producers.size(), 1u);
  EXPECT_EQ(g.channel("x")->consumers.size(), 2u);
  EXPECT_TRUE(g.isProduced("x"));
  EXPECT_FALSE(g.isProduced("y"));
  EXPECT_TRUE(g.isConsumed("y"));
  EXPECT_EQ(g.services().size(), 3u);
}

// The numbers rules walk instead of names: channels in address order, trigger ends, and
// endpoint services (equal exactly when the names are), also in a copy of the graph.
TEST(EventGraph, NumbersChannelsTriggerEndsAndServices) {
  EventGraph built = GraphBuilder()
                         .produce("a", "z")
                         .consume("b", "z")
                         .produce("b", "x")
                         .consume("a", "x")
                         .trigger("b", "z", "x")
                         .trigger("b", "x", "only.in.a.trigger")
                         .build();
  EventGraph copy = built;
  for (const EventGraph *g : {&built, &copy}) {
    ASSERT_EQ(g->channelCount(), 3u);
    std::vector<std::string> addresses;
    for (uint32_t n = 0; n < g->channelCount(); ++n) {
      addresses.push_back(g->channelNumbered(n).address);
      EXPECT_EQ(g->channelNumbered(n).number, n);
      EXPECT_EQ(&g->channelNumbered(n), g->channel(addresses.back())); // the graph's own channel, not the original's
    }
    EXPECT_EQ(addresses, (std::vector<std::string>{"only.in.a.trigger", "x", "z"}));
    ASSERT_EQ(g->triggerEnds().size(), g->triggers().size());
    for (size_t i = 0; i < g->triggers().size(); ++i) {
      EXPECT_EQ(g->channelNumbered(g->triggerEnds()[i].from).address, g->triggers()[i].from);
      EXPECT_EQ(g->channelNumbered(g->triggerEnds()[i].to).address, g->triggers()[i].to);
    }
    const auto &services = g->endpointServices();
    ASSERT_EQ(services.size(), g->endpoints().size());
    for (size_t i = 0; i < services.size(); ++i)
      for (size_t j = 0; j < services.size(); ++j)
        EXPECT_EQ(services[i] == services[j], g->endpoints()[i].service == g->endpoints()[j].service);
  }
}

// What ROS provides in a node's process counts as produced (a topic) or served (a service),
// in the graph and in a copy of it; not for an endpoint whose node is not known to be ROS's.
TEST(EventGraph, NamesRosProvidesInTheProcessesOfItsNodes) {
  EventGraph built;
  Endpoint log{"monitor", "/rosout", Role::Consume, {"m.cpp", 3, 5, ""}, Origin::Code, "rclcpp::Node::create_subscription",
               "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {"/monitor", RosNodeKind::Ros2}, "", {}, {}};
  Endpoint state = log;
  state.channel = "/camera/get_state";
  state.role = Role::Produce;
  state.kind = ChannelKind::Service;
  Endpoint camera = log;
  camera.service = "camera";
  camera.channel = "/image";
  camera.role = Role::Produce;
  camera.rosNode = {"/camera", RosNodeKind::Ros2Lifecycle};
  Endpoint plain = log;
  plain.channel = "/parameter_events";
  plain.rosNode = {};
  for (const Endpoint &e : {log, state, camera, plain})
    built.addEndpoint(e);
  built.finalize();
  EventGraph copy = built;
  for (const EventGraph *g : {&built, &copy}) {
    EXPECT_TRUE(g->isProduced("/rosout"));
    EXPECT_TRUE(g->isProduced("/parameter_events")); // the monitor's process publishes it
    EXPECT_TRUE(g->isConsumed("/camera/get_state")); // a lifecycle node serves it
    EXPECT_FALSE(g->isConsumed("/image"));
    ASSERT_NE(g->rosProvided("/camera/get_state", true), nullptr);
    EXPECT_EQ(g->rosProvided("/camera/get_state", true)->by, "lifecycle node /camera");
    EXPECT_EQ(g->rosProvided("/camera/get_state", false), nullptr);
  }
  EventGraph other;
  other.addEndpoint(plain);
  other.finalize();
  EXPECT_FALSE(other.isProduced("/parameter_events")); // no node known to be a ROS node
}

TEST(EventGraph, KeepsOneTriggerPerServiceAndPairWithTheShortestEvidence) {
  EventGraph g;
  g.addTrigger({"s", "a", "b", {"h", "f", "g"}, {"x.cpp", 9, 1, ""}, Origin::Code});
  g.addTrigger({"s", "a", "b", {"h", "g"}, {"x.cpp", 20, 1, ""}, Origin::Code});
  g.finalize();
  ASSERT_EQ(g.triggers().size(), 1u);
  EXPECT_EQ(g.triggers()[0].via, (std::vector<std::string>{"h", "g"}));
}

TEST(EventGraph, DeduplicatesTheSameEndpointSeenTwice) {
  EventGraph g;
  Endpoint e{"s", "a", Role::Produce, {"h.h", 3, 5, ""}, Origin::Code, "api", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}};
  g.addEndpoint(e);
  g.addEndpoint(e);
  g.finalize();
  EXPECT_EQ(g.endpoints().size(), 1u);
}

TEST(GraphAlgorithms, FindsEachElementaryCycleOnceFromItsSmallestChannel) {
  EventGraph g = GraphBuilder()
                     .trigger("s1", "b", "c")
                     .trigger("s2", "c", "b")
                     .trigger("s3", "c", "a")
                     .trigger("s4", "a", "b")
                     .trigger("s5", "d", "d")
                     .trigger("s6", "e", "f")
                     .build();
  bool truncated = true;
  auto cycles = elementaryCycles(g, 100, truncated);
  EXPECT_FALSE(truncated);
  EXPECT_EQ(channelsOf(cycles),
            (std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"b", "c"}, {"d"}}));
  EXPECT_EQ(cyclicComponents(g), (std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"d"}}));
}

TEST(GraphAlgorithms, StopsEnumeratingCyclesAtTheLimit) {
  GraphBuilder b;
  for (char x = 'a'; x <= 'f'; ++x)
    for (char y = 'a'; y <= 'f'; ++y)
      if (x != y)
        b.trigger("s", std::string(1, x), std::string(1, y));
  bool truncated = false;
  auto cycles = elementaryCycles(b.build(), 10, truncated);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(cycles.size(), 10u);
}

TEST(GraphAlgorithms, LongestChainFromEachRootSkippingCycleEdges) {
  EventGraph g = GraphBuilder()
                     .trigger("s1", "a", "b")
                     .trigger("s2", "b", "c")
                     .trigger("s3", "c", "d")
                     .trigger("s4", "b", "x")
                     .trigger("s5", "p", "q")
                     .trigger("s6", "q", "p")
                     .trigger("s7", "q", "r")
                     .build();
  auto chains = longestChainsFromRoots(g);
  EXPECT_EQ(channelsOf(chains),
            (std::vector<std::vector<std::string>>{{"a", "b", "c", "d"}, {"q", "r"}}));
  ASSERT_EQ(chains[0].hops.size(), 3u);
  EXPECT_EQ(g.triggers()[chains[0].hops[1]].service, "s2");
}

TEST(GraphAlgorithms, HandlesALongChainWithoutRecursion) {
  GraphBuilder b;
  for (int i = 0; i < 20000; ++i)
    b.trigger("s", "c" + std::to_string(100000 + i), "c" + std::to_string(100001 + i));
  auto chains = longestChainsFromRoots(b.build());
  ASSERT_EQ(chains.size(), 1u);
  EXPECT_EQ(chains[0].hops.size(), 20000u);
}

TEST(TextDistance, CountsTranspositionsAsOneEdit) {
  EXPECT_EQ(editDistance("recieved", "received"), 1u);
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
  EXPECT_EQ(editDistance("abcdef", "uvwxyz", 2), 3u); // stops past the limit
}

TEST(TextDistance, SuggestsOnlyPlausibleTypos) {
  EXPECT_EQ(closestMatch("contract", {"sources", "contracts", "rules"}), "contracts");
  EXPECT_EQ(closestMatch("zzz", {"sources", "contracts"}), std::nullopt);
}

} // namespace

namespace {

TEST(ChannelMatch, ParametersAndBrokerWildcards) {
  EXPECT_TRUE(channelMatches("orders.{orderId}", "orders.42"));
  EXPECT_FALSE(channelMatches("orders.{orderId}", "orders.42.items"));
  EXPECT_TRUE(channelMatches("sensors/+/temperature", "sensors/kitchen/temperature"));
  EXPECT_FALSE(channelMatches("sensors/+/temperature", "sensors/a/b/temperature"));
  EXPECT_TRUE(channelMatches("sensors/#", "sensors/kitchen/temperature"));
  EXPECT_TRUE(channelMatches("sensors/#", "sensors"));
  EXPECT_TRUE(channelMatches("orders.*", "orders.created"));
  EXPECT_FALSE(channelMatches("orders.*", "orders.created.v2"));
  EXPECT_TRUE(channelMatches("orders.>", "orders.created.v2"));
  EXPECT_FALSE(channelMatches("orders.>", "orders"));
  EXPECT_TRUE(channelMatches("audit.#", "audit.x.y"));
  EXPECT_FALSE(channelMatches("order+item", "order+item2"));
  EXPECT_FALSE(isChannelPattern("order+item"));
  EXPECT_FALSE(channelMatches("a.b", "a.c"));
  // A prefix subscription (ZeroMQ): any rest, separators included, or none.
  EXPECT_TRUE(channelMatches("A{...}", "A"));
  EXPECT_TRUE(channelMatches("A{...}", "AB/c.d"));
  EXPECT_FALSE(channelMatches("A{...}", "BA"));
  EXPECT_TRUE(channelMatches("10001 {...}", "10001 22 80"));
  EXPECT_TRUE(channelMatches("orders.{id}{...}", "orders.42.items"));
  EXPECT_FALSE(channelMatches("orders.{id}{...}", "orders."));
}

// `P{...}` covers exactly the names that start with P: against starts_with over every pair
// of a generated set of names made of the characters that matter (separators, wildcards,
// regex specials).
TEST(ChannelMatch, APrefixPatternCoversExactlyWhatStartsWithIt) {
  const std::string alphabet = "ab./ +#*>$()[]\\^";
  std::mt19937 random(11);
  std::vector<std::string> names{""};
  for (int i = 0; i < 400; ++i) {
    std::string name;
    for (size_t n = random() % 6; n > 0; --n)
      name += alphabet[random() % alphabet.size()];
    names.push_back(name);
  }
  size_t covered = 0;
  for (const std::string &prefix : names) {
    if (isChannelPattern(prefix) || !hasLiteralText(prefix))
      continue; // a prefix with wildcards of its own is a pattern either way
    std::string pattern = prefix + kAnyRest;
    ASSERT_TRUE(isChannelPattern(pattern)) << pattern;
    ASSERT_TRUE(isPrefixPattern(pattern)) << pattern;
    for (const std::string &name : names) {
      bool expected = name.starts_with(prefix);
      EXPECT_EQ(channelMatches(pattern, name), expected) << pattern << " vs " << name;
      covered += expected;
      if (expected) {
        EXPECT_TRUE(name.starts_with(patternLiterals(pattern).prefix)) << pattern;
      }
    }
  }
  EXPECT_GE(covered, 250u);
}

// A `*` inside a segment is a Redis glob: any text, separators too, or none. Against a
// reference glob matcher over every pair of a generated set of names and globs made of the
// characters that matter (separators, `:`, regex specials); whole-segment wildcards and
// `{...}` pieces keep their own meaning and are left out of the generated globs.
bool globMatches(const std::string &glob, const std::string &name) {
  // dp[i][j]: glob[0, i) covers name[0, j)
  std::vector<std::vector<bool>> dp(glob.size() + 1, std::vector<bool>(name.size() + 1, false));
  dp[0][0] = true;
  for (size_t i = 1; i <= glob.size(); ++i)
    for (size_t j = 0; j <= name.size(); ++j)
      dp[i][j] = glob[i - 1] == '*' ? dp[i - 1][j] || (j > 0 && dp[i][j - 1])
                                    : j > 0 && dp[i - 1][j - 1] && glob[i - 1] == name[j - 1];
  return dp[glob.size()][name.size()];
}

TEST(ChannelMatch, AGlobInsideASegmentCoversWhatARedisGlobDoes) {
  const std::string alphabet = "ab:./$()[]\\^";
  std::mt19937 random(23);
  std::vector<std::string> names{""}, globs;
  for (int i = 0; i < 300; ++i) {
    std::string name;
    for (size_t n = random() % 6; n > 0; --n)
      name += alphabet[random() % alphabet.size()];
    names.push_back(name);
    std::string glob;
    for (size_t n = 1 + random() % 6; n > 0; --n)
      glob += random() % 3 == 0 ? '*' : alphabet[random() % alphabet.size()];
    if (glob.find('*') == std::string::npos)
      glob.insert(random() % (glob.size() + 1), "*");
    globs.push_back(glob);
  }
  size_t covered = 0;
  for (const std::string &glob : globs) {
    bool wholeSegment = false; // `a.*` is one segment of NATS and AMQP, not a glob
    for (size_t at = glob.find('*'); at != std::string::npos; at = glob.find('*', at + 1))
      wholeSegment = wholeSegment || ((at == 0 || glob[at - 1] == '.' || glob[at - 1] == '/') &&
                                      (at + 1 == glob.size() || glob[at + 1] == '.' || glob[at + 1] == '/'));
    if (wholeSegment || glob.starts_with("^")) // a leading `^` is a Kafka regex (RegexSubscriptions...)
      continue;
    ASSERT_TRUE(isChannelPattern(glob)) << glob;
    PatternLiterals literals = patternLiterals(glob);
    for (const std::string &name : names) {
      bool expected = globMatches(glob, name);
      EXPECT_EQ(channelMatches(glob, name), expected) << glob << " vs " << name;
      covered += expected;
      if (expected) {
        EXPECT_TRUE(name.starts_with(literals.prefix) && name.ends_with(literals.suffix)) << glob << " vs " << name;
      }
    }
  }
  EXPECT_GE(covered, 300u);
  EXPECT_TRUE(channelMatches("prices*", "prices"));
  EXPECT_TRUE(channelMatches("user:*", "user:42.profile/x"));
  EXPECT_FALSE(channelMatches("user:*", "users:42"));
}

// Redis's own glob matcher, stringmatchlen of src/util.c (Redis 7), ported line for line: the
// oracle redisGlobMatches (fnmatch) is checked against.
bool redisStringMatch(const char *p, int plen, const char *s, int slen) {
  while (plen && slen) {
    switch (p[0]) {
    case '*':
      while (plen > 1 && p[1] == '*') {
        p++;
        plen--;
      }
      if (plen == 1)
        return true;
      while (slen) {
        if (redisStringMatch(p + 1, plen - 1, s, slen))
          return true;
        s++;
        slen--;
      }
      return false;
    case '?':
      s++;
      slen--;
      break;
    case '[': {
      p++;
      plen--;
      bool negate = p[0] == '^';
      if (negate) {
        p++;
        plen--;
      }
      bool match = false;
      while (true) {
        if (p[0] == '\\' && plen >= 2) {
          p++;
          plen--;
          if (p[0] == s[0])
            match = true;
        } else if (p[0] == ']') {
          break;
        } else if (plen == 0) {
          p--;
          plen++;
          break;
        } else if (plen >= 3 && p[1] == '-') {
          int start = p[0], end = p[2], c = s[0];
          if (start > end)
            std::swap(start, end);
          if (c >= start && c <= end)
            match = true;
          p += 2;
          plen -= 2;
        } else if (p[0] == s[0]) {
          match = true;
        }
        p++;
        plen--;
      }
      if (negate)
        match = !match;
      if (!match)
        return false;
      s++;
      slen--;
      break;
    }
    case '\\':
      if (plen >= 2) {
        p++;
        plen--;
      }
      [[fallthrough]];
    default:
      if (p[0] != s[0])
        return false;
      s++;
      slen--;
      break;
    }
    p++;
    plen--;
    if (slen == 0) {
      while (plen && *p == '*') {
        p++;
        plen--;
      }
      break;
    }
  }
  return plen == 0 && slen == 0;
}

// A Redis PSUBSCRIBE glob (`match: glob`) covers what Redis's matcher says, for generated
// globs of `*`, `?`, sets (`[ab]`, `[^a]`, `[a-c]`), escapes and separators over generated
// names. (Sets Redis reads in its own way, unclosed or with a reversed range, are left out:
// no real subscription is written so.)
TEST(ChannelMatch, ARedisGlobCoversWhatRedisMatches) {
  const std::vector<std::string> pieces{"a", "b", "c", ".", "/", ":", "*", "*", "?", "[ab]", "[^a]", "[a-c]", "\\*", "\\?"};
  const std::string letters = "abc./:*?";
  std::mt19937 random(38);
  std::vector<std::string> names; // none empty: no channel is (Redis's matcher takes `*` to miss "")
  for (int i = 0; i < 400; ++i) {
    std::string name;
    for (size_t n = 1 + random() % 6; n > 0; --n)
      name += letters[random() % letters.size()];
    names.push_back(name);
  }
  size_t covered = 0, compared = 0;
  for (int i = 0; i < 400; ++i) {
    std::string glob;
    for (size_t n = 1 + random() % 5; n > 0; --n)
      glob += pieces[random() % pieces.size()];
    for (const std::string &name : names) {
      bool expected = redisStringMatch(glob.data(), int(glob.size()), name.data(), int(name.size()));
      EXPECT_EQ(redisGlobMatches(glob, name), expected) << glob << " vs " << name;
      covered += expected;
      ++compared;
    }
  }
  EXPECT_GE(covered, 2000u);
  EXPECT_EQ(compared, 400u * names.size());
  EXPECT_TRUE(redisGlobMatches("news.*", "news.art.figurative"));
  EXPECT_TRUE(redisGlobMatches("*", "/chan"));
  EXPECT_FALSE(redisGlobMatches("/chan/*", "/chan"));
  EXPECT_FALSE(channelMatches("news.*", "news.art.figurative")); // NATS's `*`: one token
  // Runs of `*` are one; more than 16 cover nothing (fnmatch's backtracking is exponential).
  EXPECT_TRUE(redisGlobMatches("a****b", "axyzb"));
  std::string many;
  for (int i = 0; i < 40; ++i)
    many += "*a";
  EXPECT_FALSE(redisGlobMatches(many + "b", std::string(300, 'a')));
}

// The literals only narrow the candidates: every channel a pattern covers has them.
TEST(ChannelMatch, PatternLiteralsNeverExcludeAMatch) {
  std::vector<std::string> names{"orders.{id}", "orders.42", "orders.42.items", "sensors/+/temperature",
                                 "sensors/kitchen/temperature", "sensors/#", "sensors", "sensors/a/b",
                                 "orders.*", "orders.>", "orders", "audit.#", "audit", "audit.x.y", "{tenant}.orders",
                                 "acme.orders", "a/+/b/{c}.d", "a/x/b/y.d", "#", ">", "*", "x", "{a}{b}", "ab",
                                 "t.{a}-{b}.v", "t.1-2.v", "+/status", "dev1/status", "orders{...}", "a/{...}",
                                 "sensors/{x}/{...}"};
  size_t matches = 0;
  for (const std::string &pattern : names) {
    if (!isChannelPattern(pattern))
      continue;
    PatternLiterals literals = patternLiterals(pattern);
    for (const std::string &other : names)
      if (other != pattern && channelMatches(pattern, other)) {
        ++matches;
        EXPECT_TRUE(other.starts_with(literals.prefix)) << pattern << " covers " << other;
        EXPECT_TRUE(other.ends_with(literals.suffix)) << pattern << " covers " << other;
      }
  }
  EXPECT_GE(matches, 20u);
  EXPECT_EQ(patternLiterals("a/+/b/{c}.d").prefix, "a");
  EXPECT_EQ(patternLiterals("a/+/b/{c}.d").suffix, ".d");
  EXPECT_EQ(patternLiterals("sensors/#").suffix, "");
}

// Kafka regex subscriptions (a topic that starts with `^`, held-back librdkafka_demo's
// `^ConsumeKafkaTest`): a regex searched in the topic, anchored at its start only. Against
// std::regex itself over every short word, for regexes built from the pieces real ones use;
// their literals never exclude a word they cover.
TEST(ChannelMatch, RegexSubscriptionsCoverWhatTheRegexFinds) {
  EXPECT_TRUE(channelMatches("^ConsumeKafkaTest", "ConsumeKafkaTest"));
  EXPECT_TRUE(channelMatches("^orders\\..*", "orders.eu"));
  EXPECT_FALSE(channelMatches("^orders\\..*", "ordersXeu"));
  EXPECT_FALSE(channelMatches("^orders", "old.orders"));
  EXPECT_FALSE(channelMatches("^(unclosed", "(unclosed")); // not a regex: covers nothing
  EXPECT_TRUE(isChannelPattern("^orders"));
  EXPECT_FALSE(isChannelPattern("^"));
  const std::vector<std::string> pieces{"a", "b", ".", "\\.", "a?", "b*", ".*", "[ab]", "(a|b)", "|", "$", "a+", "b{2}"};
  const std::vector<std::string> words = allWords("ab.", 5);
  std::mt19937 random(32);
  size_t covered = 0;
  for (int n = 0; n < 400; ++n) {
    std::string regex = "^";
    for (int k = 1 + static_cast<int>(random() % 4); k > 0; --k)
      regex += pieces[random() % pieces.size()];
    std::regex reference(regex, std::regex::ECMAScript);
    PatternLiterals literals = patternLiterals(regex);
    for (const std::string &word : words) {
      bool expected = std::regex_search(word, reference);
      ASSERT_EQ(channelMatches(regex, word), expected) << regex << " on " << word;
      if (expected) {
        ++covered;
        EXPECT_TRUE(word.starts_with(literals.prefix)) << regex << " covers " << word;
        EXPECT_TRUE(word.ends_with(literals.suffix)) << regex << " covers " << word;
        EXPECT_TRUE(channelMayPass(regex, TopicTest::Equals, word)) << regex << " covers " << word;
      }
    }
  }
  EXPECT_GE(covered, 2000u);
}

// Links found through the prefix and suffix ranges are exactly those of trying every pair.
TEST(EventGraph, PatternLinksEqualTryingEveryPair) {
  GraphBuilder builder;
  std::vector<std::string> names;
  for (int i = 0; i < 30; ++i) {
    for (std::string name : std::vector<std::string>{"orders." + std::to_string(i), "{tenant}.c" + std::to_string(i % 7),
                             "t" + std::to_string(i % 5) + ".c" + std::to_string(i % 7), "orders.{id}",
                             "s/" + std::to_string(i % 3) + "/#", "s/" + std::to_string(i % 4), "*", "+/x",
                             "orders." + std::to_string(i % 4) + "{...}", "s{...}", "orders.1*", "*:x", "s*4"})
      names.push_back(name);
  }
  for (const std::string &name : names)
    builder.produce("p", name);
  EventGraph g = builder.build();
  for (const auto &[address, channel] : g.channels()) {
    std::vector<std::string> expected;
    for (const auto &[other, unused] : g.channels())
      if (other != address && (channelMatches(address, other) || channelMatches(other, address)))
        expected.push_back(other);
    EXPECT_EQ(channel.linked, expected) << address;
  }
}

TEST(EventGraph, APatternConsumerSeesConcreteProducers) {
  EventGraph g = GraphBuilder().produce("lights", "sensors/kitchen/temperature").consume("dash", "sensors/+/temperature").build();
  EXPECT_TRUE(g.isProduced("sensors/+/temperature"));
  EXPECT_TRUE(g.isConsumed("sensors/kitchen/temperature"));
}

} // namespace

namespace {

// channelMayPass against brute force: every channel a pattern covers, as channelMatches
// decides, over short words of a small alphabet (`c` only ever inside a one-segment
// wildcard or parameter, which stands for a value, none of the tested words); a test some
// covered word passes must be answered true (never cutting a trigger that can happen); for
// a plain name the answer is exactly the test on the name; Equals takes any value. Patterns
// are built from the pieces real subscriptions use.
TEST(ChannelMatch, TopicTestsAgreeWithBruteForce) {
  const std::vector<std::string> pieces{"a", "b", "/", ".", "+", "*", "{x}", "ab"};
  const std::string alphabet = "ab/.";
  const std::vector<std::string> words = allWords(alphabet, 6);
  std::vector<std::string> texts;
  for (const std::string &w : words)
    if (w.size() <= 3)
      texts.push_back(w);
  // The words a pattern covers when each one-segment wildcard or parameter is a value of
  // c's (`+` -> c, cc, ...), any rest still any text: the pattern with those pieces made `c`
  // and matched as a plain channel, or with `#`, `>`, `{...}` kept.
  auto valuesOnly = [](std::string pattern) {
    std::string rest; // a prefix pattern's `{...}`: its own pieces come before it
    if (pattern.ends_with(kAnyRest)) {
      rest = kAnyRest;
      pattern.resize(pattern.size() - rest.size());
    }
    for (size_t open = pattern.find("{x}"); open != std::string::npos; open = pattern.find("{x}"))
      pattern.replace(open, 3, "c");
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      bool alone = (i == 0 || pattern[i - 1] == '/' || pattern[i - 1] == '.') &&
                   (i + 1 == pattern.size() || pattern[i + 1] == '/' || pattern[i + 1] == '.');
      out += (alone && (pattern[i] == '+' || pattern[i] == '*')) ? 'c' : pattern[i];
    }
    return out + rest;
  };
  const std::vector<std::string> wordsWithValues = allWords("ab/.c", 7);
  std::mt19937 random(17);
  auto passes = [](const std::string &word, TopicTest test, const std::string &text) {
    switch (test) {
    case TopicTest::Equals: return word == text;
    case TopicTest::StartsWith: return word.starts_with(text);
    case TopicTest::EndsWith: return word.ends_with(text);
    case TopicTest::Contains: return word.find(text) != std::string::npos;
    case TopicTest::MatchesFilter: return isChannelPattern(text) ? channelMatches(text, word) : word == text;
    }
    return false;
  };
  // MQTT subscription filters for MatchesFilter, from the pieces real filters have.
  std::vector<std::string> filters;
  const std::vector<std::string> filterPieces{"a", "b", "/", "+", "/+", "ab", "."};
  for (int n = 0; n < 40; ++n) {
    std::string filter;
    for (size_t k = 1 + random() % 3; k > 0; --k)
      filter += filterPieces[random() % filterPieces.size()];
    filters.push_back(random() % 3 == 0 ? filter + "/#" : filter);
  }
  filters.push_back("#");
  int exactFilterAnswers = 0;
  // A wildcard that is not a whole segment (`*b`, `+ab`) is a glob's or a stray one, and a
  // last `#` is read as any rest after the text before its separator (`a/#` as `a...`): the
  // answer errs to true there, so exactness is asked of the others only.
  auto wildcardsAreSegments = [](const std::string &p) {
    for (size_t i = 0; i < p.size(); ++i)
      if (std::strchr("*+#>", p[i]) && !((i == 0 || p[i - 1] == '/' || p[i - 1] == '.') &&
                                         (i + 1 == p.size() || p[i + 1] == '/' || p[i + 1] == '.')))
        return false;
    return true;
  };
  int patterns = 0, checked = 0;
  for (int n = 0; n < 400; ++n) {
    std::string pattern;
    for (size_t k = 1 + random() % 4; k > 0; --k)
      pattern += pieces[random() % pieces.size()];
    switch (random() % 6) {
    case 0: pattern += "/#"; break;
    case 1: pattern += ".>"; break;
    case 2: pattern += kAnyRest; break;
    default: break;
    }
    ++patterns;
    std::vector<std::string> covered, coveredByValues;
    for (const std::string &w : words)
      if (channelMatches(pattern, w))
        covered.push_back(w);
    // One-segment pieces made values of c's, growing: `c`, `cc` where a piece was.
    std::string values = valuesOnly(pattern);
    for (const std::string &w : wordsWithValues) {
      std::string squeezed; // runs of c read as one c, so that `c` in `values` stands for c+
      for (char ch : w)
        if (!(ch == 'c' && !squeezed.empty() && squeezed.back() == 'c'))
          squeezed += ch;
      if (squeezed == values || (values != pattern && channelMatches(values, squeezed)) ||
          (isChannelPattern(values) && channelMatches(values, squeezed)))
        coveredByValues.push_back(w);
    }
    for (TopicTest test : {TopicTest::Equals, TopicTest::StartsWith, TopicTest::EndsWith, TopicTest::Contains})
      for (const std::string &text : texts) {
        const std::vector<std::string> &pool = test == TopicTest::Equals ? covered : coveredByValues;
        bool witnessed =
            std::any_of(pool.begin(), pool.end(), [&](const std::string &w) { return passes(w, test, text); });
        bool answer = channelMayPass(pattern, test, text);
        if (witnessed) {
          EXPECT_TRUE(answer) << pattern << " " << static_cast<int>(test) << " '" << text << "'";
        }
        if (!isChannelPattern(pattern) && pattern.find_first_of("*?[#>+") == std::string::npos) {
          EXPECT_EQ(answer, passes(pattern, test, text)) << pattern << " " << static_cast<int>(test) << " '" << text << "'";
        }
        ++checked;
      }
    // Short patterns and filters: the answer is exactly whether a word of at most 6
    // characters both cover exists (a shorter one always does when any does, here).
    for (const std::string &filter : filters) {
      bool witnessed = std::any_of(covered.begin(), covered.end(),
                                   [&](const std::string &w) { return passes(w, TopicTest::MatchesFilter, filter); });
      bool answer = channelMayPass(pattern, TopicTest::MatchesFilter, filter);
      if (witnessed) {
        EXPECT_TRUE(answer) << pattern << " matches filter " << filter;
      }
      if (pattern.size() + filter.size() <= 6 && wildcardsAreSegments(pattern) && wildcardsAreSegments(filter) &&
          (pattern + filter).find_first_of("#>") == std::string::npos && !pattern.ends_with(kAnyRest)) {
        EXPECT_EQ(answer, witnessed) << pattern << " matches filter " << filter;
        ++exactFilterAnswers;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000);
  EXPECT_GT(exactFilterAnswers, 500);
  // A cell-site agent's dispatch (mosquitto_topic_matches_sub): its firmware broadcast and
  // its command filter reach different branches.
  EXPECT_FALSE(channelMayPass("fw/broadcast", TopicTest::MatchesFilter, "site/+/cmd/reboot"));
  EXPECT_TRUE(channelMayPass("site/+/cmd/#", TopicTest::MatchesFilter, "site/+/cmd/reboot"));
  EXPECT_TRUE(channelMayPass("site/{site}/cmd/#", TopicTest::MatchesFilter, "site/+/cmd/ping"));
  EXPECT_FALSE(channelMayPass("site/{site}/cmd/#", TopicTest::MatchesFilter, "fw/broadcast"));
  EXPECT_FALSE(channelMayPass("site/{site}/status", TopicTest::MatchesFilter, "site/+/cmd/#"));
  // The two a building-automation controller's topic dispatch needs told apart.
  EXPECT_TRUE(channelMayPass("bldg/hq/zone/+/temperature", TopicTest::Contains, "/temperature"));
  EXPECT_FALSE(channelMayPass("bldg/hq/occupancy/+", TopicTest::Contains, "/temperature"));
  EXPECT_FALSE(channelMayPass("bldg/hq/zone/+/temperature", TopicTest::Contains, "/occupancy/"));
  EXPECT_TRUE(channelMayPass("bldg/hq/occupancy/+", TopicTest::Contains, "/occupancy/"));
  EXPECT_TRUE(channelMayPass("ops:alerts:*", TopicTest::Equals, "ops:alerts:high")); // a Redis glob
  EXPECT_FALSE(channelMayPass("orders.placed", TopicTest::Equals, "orders.cancelled"));
}

} // namespace
