// Each rule on graphs built in memory: every expected finding, and nothing else.
#include "graph_builder.h"
#include "test_support.h"
#include "model/channel_similarity.h"
#include "rules/registry.h"
#include "model/text_distance.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

using namespace eventscope;
using eventscope::testing::GraphBuilder;
using eventscope::testing::messageOf;

namespace {

// "rule @file:line service [channels] message" for each finding of the rules in `only`.
std::vector<std::string> check(const EventGraph &graph, const std::vector<std::string> &only,
                               std::map<std::string, RuleSettings> settings = defaultRuleSettings()) {
  std::vector<std::string> lines;
  for (const Finding &f : runRules(graph, settings)) {
    if (std::find(only.begin(), only.end(), f.rule) == only.end())
      continue;
    std::string channels;
    for (const std::string &c : f.channels)
      channels += (channels.empty() ? "" : ",") + c;
    lines.push_back(f.rule + " @" + formatLocation(f.location) + " " + f.service + " [" + channels + "] " + f.message);
  }
  return lines;
}

using Lines = std::vector<std::string>;

TEST(EventCycleRule, ReportsATwoServiceCycleOnceWithItsHops) {
  EventGraph g = GraphBuilder().trigger("billing", "order.updated", "payment.settled")
                     .trigger("orders", "payment.settled", "order.updated")
                     .build();
  EXPECT_EQ(check(g, {"event-cycle"}),
            (Lines{"event-cycle @billing.yaml:2:1 billing [order.updated,payment.settled] event cycle: order.updated "
                   "-> payment.settled (billing) -> order.updated (orders)"}));
  auto findings = runRules(g, defaultRuleSettings());
  auto cycle = std::find_if(findings.begin(), findings.end(), [](auto &f) { return f.rule == "event-cycle"; });
  ASSERT_EQ(cycle->notes.size(), 1u);
  EXPECT_EQ(cycle->notes[0].message, "orders produces 'order.updated' when it consumes 'payment.settled'");
  EXPECT_EQ(cycle->severity, Severity::Error);
}

TEST(EventCycleRule, ReportsAHandlerThatReEmitsItsOwnChannel) {
  EventGraph g = GraphBuilder().produce("a", "retry").trigger("worker", "retry", "retry").build();
  EXPECT_EQ(check(g, {"event-cycle"}),
            (Lines{"event-cycle @worker.yaml:2:1 worker [retry] event cycle: the handler of 'retry' in worker "
                   "produces 'retry' again"}));
}

TEST(EventCycleRule, ReportsTwoCyclesThroughOneChannelSeparately) {
  EventGraph g = GraphBuilder()
                     .trigger("s1", "a", "b")
                     .trigger("s2", "b", "a")
                     .trigger("s3", "a", "c")
                     .trigger("s4", "c", "a")
                     .build();
  EXPECT_EQ(check(g, {"event-cycle"}).size(), 2u);
}

TEST(EventCycleRule, IsSilentOnAnAcyclicGraph) {
  EventGraph g = GraphBuilder().trigger("s1", "a", "b").trigger("s2", "b", "c").trigger("s3", "a", "c").build();
  EXPECT_TRUE(check(g, {"event-cycle"}).empty());
}

GraphBuilder chainOf(int hops) {
  GraphBuilder b;
  b.produce("origin", "e0");
  for (int i = 0; i < hops; ++i)
    b.trigger("svc" + std::to_string(i), "e" + std::to_string(i), "e" + std::to_string(i + 1));
  b.consume("sink", "e" + std::to_string(hops));
  return b;
}

TEST(CascadeDepthRule, AllowsExactlyMaxDepthHops) {
  EXPECT_TRUE(check(chainOf(3).build(), {"cascade-depth"}).empty());
}

TEST(CascadeDepthRule, ReportsTheLongestChainWithTheServiceOfEachHop) {
  EXPECT_EQ(check(chainOf(4).build(), {"cascade-depth"}),
            (Lines{"cascade-depth @svc0.yaml:2:1 svc0 [e0,e1,e2,e3,e4] cascade of 4 triggers exceeds max_depth 3: e0 "
                   "-> e1 (svc0) -> e2 (svc1) -> e3 (svc2) -> e4 (svc3)"}));
}

TEST(CascadeDepthRule, HonoursMaxDepthFromTheSettings) {
  auto settings = defaultRuleSettings();
  settings["cascade-depth"].options["max_depth"] = {"1"};
  EXPECT_EQ(check(chainOf(2).build(), {"cascade-depth"}, settings).size(), 1u);
  settings["cascade-depth"].options["max_depth"] = {"2"};
  EXPECT_TRUE(check(chainOf(2).build(), {"cascade-depth"}, settings).empty());
}

TEST(UnproducedEventRule, ReportsEachConsumingServiceOnce) {
  EventGraph g = GraphBuilder().consume("mailer", "user.deleted").consume("audit", "user.deleted")
                     .consume("audit", "user.deleted")
                     .build();
  EXPECT_EQ(check(g, {"unproduced-event"}),
            (Lines{"unproduced-event @audit.yaml:1:1 audit [user.deleted] 'user.deleted' is consumed by audit but no "
                   "service produces it",
                   "unproduced-event @mailer.yaml:1:1 mailer [user.deleted] 'user.deleted' is consumed by mailer but "
                   "no service produces it"}));
}

TEST(UnconsumedEventRule, ReportsProducedChannelsNobodyConsumes) {
  EventGraph g = GraphBuilder().produce("orders", "order.archived").produce("orders", "order.placed")
                     .consume("billing", "order.placed")
                     .build();
  EXPECT_EQ(check(g, {"unconsumed-event"}),
            (Lines{"unconsumed-event @orders.yaml:1:1 orders [order.archived] 'order.archived' is produced by orders "
                   "but no service consumes it"}));
}

TEST(ChannelNameTypoRule, ReplacesUnproducedEventAndSaysDidYouMean) {
  EventGraph g = GraphBuilder().produce("orders", "OrderCancelled").consume("billing", "OrderCancelled")
                     .consume("mailer", "OrderCanceled")
                     .build();
  EXPECT_EQ(check(g, {"channel-name-typo", "unproduced-event"}),
            (Lines{"channel-name-typo @mailer.yaml:1:1 mailer [OrderCanceled,OrderCancelled] 'OrderCanceled' is "
                   "consumed by mailer but no service produces it; did you mean 'OrderCancelled'? (differs only in "
                   "British/American spelling)"}));
}

// Held-back librdkafka_demo (session 32): a Kafka regex subscription, `^ConsumeKafkaTest`,
// consumes the topic it matches; it was a typo "error" of its own topic. A regex that
// matches nothing is still unproduced, without a "did you mean".
TEST(ChannelNameTypoRule, AKafkaRegexSubscriptionConsumesWhatItMatches) {
  EventGraph g = GraphBuilder().produce("producer", "ConsumeKafkaTest").consume("consumer", "^ConsumeKafkaTest")
                     .consume("audit", "^orders\\..*")
                     .build();
  EXPECT_EQ(check(g, {"channel-name-typo", "unproduced-event", "unconsumed-event"}),
            (Lines{"unproduced-event @audit.yaml:1:1 audit [^orders\\..*] '^orders\\..*' is consumed by audit but no "
                   "service produces it"}));
}

TEST(ChannelNameTypoRule, RecognisesTheKindsOfNearMiss) {
  EXPECT_EQ(nearMiss("order.created", "Order.Created"), "differs only in case");
  EXPECT_EQ(nearMiss("order_created", "order.created"), "differs only in separators");
  EXPECT_EQ(nearMiss("orderCreated", "order.created"), "differs only in separators");
  EXPECT_EQ(nearMiss("orders.created", "order.created"), "differs only in singular/plural");
  EXPECT_EQ(nearMiss("payment.authorised", "payment.authorized"), "differs only in British/American spelling");
  EXPECT_EQ(nearMiss("order.recieved", "order.received"), "1 edit apart");
  EXPECT_EQ(nearMiss("inventory.reservation.expird", "inventory.reservation.expired"), "1 edit apart");
}

// A misspelt word keeps its spelling (no whole `-ise` ending to fold), so a typo in one
// spelling is one edit from the other spelling of the produced name in either direction
// (a shared-cases re-run, session 44: `stock2.realisd` against `stock2.realized` was missed
// while `stock3.realizd` against `stock3.realised` was found).
TEST(ChannelNameTypoRule, ATypoInEitherSpellingIsOneEditFromTheOther) {
  EXPECT_EQ(nearMiss("stock3.realizd", "stock3.realised"), "1 edit apart");
  EXPECT_EQ(nearMiss("stock2.realisd", "stock2.realized"), "1 edit apart");
  EXPECT_EQ(nearMiss("x.realsed", "x.realized"), "1 edit apart");
  EXPECT_EQ(nearMiss("y.organisd", "y.organized"), "1 edit apart");
  EXPECT_EQ(nearMiss("z.authorisd", "z.authorized"), "1 edit apart");
  EXPECT_EQ(nearMiss("order.canceld", "order.cancelled"), "1 edit apart");
  EXPECT_EQ(nearMiss("order.cancelld", "order.canceled"), "1 edit apart");
  EXPECT_EQ(nearMiss("ui.colr", "ui.colour"), "1 edit apart");
  EXPECT_EQ(nearMiss("ui.coloru", "ui.color"), "1 edit apart");
}

TEST(ChannelNameTypoRule, DoesNotConfuseDistinctEvents) {
  for (auto [a, b] : std::vector<std::pair<const char *, const char *>>{{"order.created", "order.updated"},
                                                                       {"orders.v1", "orders.v2"},
                                                                       {"sensor/3/temp", "sensor/4/temp"},
                                                                       {"user.login", "user.logout"},
                                                                       {"door.open", "door.opened"},
                                                                       {"ping", "pong"},
                                                                       {"light.on", "light.off"}})
    EXPECT_EQ(nearMiss(a, b), std::nullopt) << a << " vs " << b;
}

// A command and the event that it happened (uncverthefuture's `uncver:artifacts:create`
// request stream beside its `...:created` event stream, session 38's held-back Redis set):
// one word in two forms of a verb is two channels named apart on purpose. The consumer of
// the command with no producer is still unproduced-event, without a "did you mean".
TEST(ChannelNameTypoRule, AVerbAndItsPastOrProgressiveFormAreNotATypo) {
  for (auto [a, b] : std::vector<std::pair<const char *, const char *>>{
           {"uncver:artifacts:create", "uncver:artifacts:created"},
           {"uncver:artifacts:delete", "uncver:artifacts:deleted"},
           {"job.start", "job.started"},
           {"order.ship", "order.shipped"},
           {"order.cancel", "order.cancelled"},
           {"payment.apply", "payment.applied"},
           {"report.generating", "report.generated"},
           {"OrderCreate", "OrderCreated"}})
    EXPECT_EQ(nearMiss(a, b), std::nullopt) << a << " vs " << b;
  // A misspelt form is still a typo.
  EXPECT_EQ(nearMiss("uncver:artifacts:creatd", "uncver:artifacts:created"), "1 edit apart");
  EXPECT_EQ(nearMiss("uncver:artifacts:createed", "uncver:artifacts:created"), "1 edit apart");
  EXPECT_EQ(nearMiss("order.shiped", "order.shipped"), "1 edit apart");
  EXPECT_EQ(nearMiss("invoice.generatd", "invoice.generated"), "1 edit apart");
}

// The index only narrows the candidates: the near-misses found are those of comparing every
// unproduced channel with every produced one (the closest in raw spelling, the first of equals).
TEST(ChannelNameTypoRule, TheIndexFindsWhatComparingEveryPairFinds) {
  std::vector<std::string> words{"order", "payment", "invoice", "user", "shipment", "refund"};
  std::vector<std::string> verbs{"created", "cancelled", "settled", "queued"};
  std::vector<std::string> produced, consumed;
  unsigned seed = 7;
  auto next = [&](size_t n) { return (seed = seed * 1103515245u + 12345u) / 65536u % n; };
  auto mutate = [&](std::string name) {
    size_t at = next(name.size());
    switch (next(6)) {
    case 0: name[at] = char('a' + next(26)); break;                             // substitution
    case 1: name.erase(at, 1); break;                                           // deletion
    case 2: name.insert(at, 1, char('a' + next(26))); break;                    // insertion
    case 3: if (at + 1 < name.size()) std::swap(name[at], name[at + 1]); break; // transposition
    case 4: name += "s"; break;                                                 // plural
    default: name[0] = char(std::toupper(name[0])); break;                      // case
    }
    return name;
  };
  for (int i = 0; i < 400; ++i) {
    std::string name = words[next(6)] + "." + words[next(6)] + "." + verbs[next(4)];
    produced.push_back(name);
    consumed.push_back(next(3) ? mutate(name) : mutate(mutate(name)));
  }
  GraphBuilder builder;
  for (const std::string &name : produced)
    builder.produce("p", name);
  for (const std::string &name : consumed)
    builder.consume("c", name);
  EventGraph graph = builder.build();
  std::map<std::string, ChannelNearMiss> found = findChannelNearMisses(graph);
  size_t expectedCount = 0;
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.consumers.empty() || graph.isProduced(address))
      continue;
    std::optional<ChannelNearMiss> best;
    size_t bestDistance = SIZE_MAX;
    for (const auto &[candidate, other] : graph.channels())
      if (!other.producers.empty())
        if (std::optional<std::string> how = nearMiss(address, candidate))
          if (size_t d = editDistance(address, candidate); d < bestDistance) {
            bestDistance = d;
            best = ChannelNearMiss{candidate, *how};
          }
    if (!best) {
      EXPECT_EQ(found.count(address), 0u) << address;
      continue;
    }
    ++expectedCount;
    ASSERT_EQ(found.count(address), 1u) << address;
    EXPECT_EQ(found.at(address).produced, best->produced) << address;
    EXPECT_EQ(found.at(address).how, best->how) << address;
  }
  EXPECT_EQ(found.size(), expectedCount);
  EXPECT_GE(expectedCount, 100u);
}

// The documented bound, written out plainly (model/channel_similarity.h): a near-miss differs as
// written, has the same digits, and in one of the compared forms is equal or within the edit
// bound for its length. Counted by a plain dynamic programme, not the rule's code.
size_t plainEdits(const std::string &a, const std::string &b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i)
    for (size_t j = 0; j <= b.size(); ++j) {
      if (i == 0 || j == 0) {
        d[i][j] = i + j;
        continue;
      }
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::vector<std::string> digitRuns(const std::string &name) {
  std::vector<std::string> runs;
  for (size_t i = 0; i < name.size(); ++i)
    if (std::isdigit(static_cast<unsigned char>(name[i]))) {
      if (i == 0 || !std::isdigit(static_cast<unsigned char>(name[i - 1])))
        runs.emplace_back();
      runs.back() += name[i];
    }
  return runs;
}

// The forms of a verb a stem makes, by generating them (the oracle of the rule's verb-form
// exception, which strips endings instead): 0 the stem, 1 past, 2 progressive.
std::vector<std::pair<std::string, int>> verbFormsOf(const std::string &stem) {
  std::vector<std::pair<std::string, int>> forms{{stem, 0}};
  bool e = stem.back() == 'e';
  forms.push_back({e ? stem + "d" : stem + "ed", 1});
  if (!e)
    forms.push_back({stem + stem.back() + "ed", 1}); // stopped
  if (stem.back() == 'y')
    forms.push_back({stem.substr(0, stem.size() - 1) + "ied", 1});
  forms.push_back({e ? stem.substr(0, stem.size() - 1) + "ing" : stem + "ing", 2});
  if (!e)
    forms.push_back({stem + stem.back() + "ing", 2}); // shipping
  return forms;
}

// Whether the names' words are the same but one, which is two different forms of one verb,
// trying every prefix of either word (and it with an `e` or `y`) as the stem.
bool verbFormPair(const std::string &consumed, const std::string &produced) {
  std::vector<std::string> a = channelNameWords(consumed), b = channelNameWords(produced);
  if (a.size() != b.size())
    return false;
  std::vector<size_t> differing;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i])
      differing.push_back(i);
  if (differing.size() != 1)
    return false;
  const std::string &x = a[differing[0]], &y = b[differing[0]];
  for (const std::string &word : {x, y})
    for (size_t n = 3; n <= word.size(); ++n)
      for (const std::string &stem : {word.substr(0, n), word.substr(0, n) + "e", word.substr(0, n) + "y"}) {
        int formX = -1, formY = -1;
        for (const auto &[form, kind] : verbFormsOf(stem)) {
          if (form == x)
            formX = kind;
          if (form == y)
            formY = kind;
        }
        if (formX >= 0 && formY >= 0 && formX != formY)
          return true;
      }
  return false;
}

bool withinTheBound(const std::string &consumed, const std::string &produced) {
  if (consumed == produced || digitRuns(consumed) != digitRuns(produced))
    return false;
  if (verbFormPair(consumed, produced))
    return false; // a command and its event, not a typo
  std::vector<std::string> a = channelNameForms(consumed), b = channelNameForms(produced);
  for (size_t f = 0; f < a.size(); ++f) {
    size_t shorter = std::min(a[f].size(), b[f].size()), longer = std::max(a[f].size(), b[f].size());
    size_t bound = shorter < 5 ? 0 : shorter < 16 ? 1 : 2;
    if (a[f] == b[f] || (longer - shorter <= bound && plainEdits(a[f], b[f]) <= bound))
      return true;
  }
  return false;
}

// shared/cases/config/typo-after-folding, and the kind: every pair within the bound is found,
// whatever the index skips. Thousands of names with random edits of every kind the rule
// knows, against a search of every pair.
TEST(ChannelNameTypoRule, TheSearchIsCompleteWithinItsBound) {
  EXPECT_EQ(nearMiss("article.publised", "article.published"), "1 edit apart");
  const std::vector<std::string> nouns{"article", "order", "payment", "user", "colour", "shipment", "sensor", "invoice",
                                       "catalogue", "behaviour", "id", "tx", "robot", "lidar"};
  const std::vector<std::string> verbs{"published", "cancelled", "authorised", "created", "queued", "organised",
                                       "labelled", "set", "read", "initialised", "scanned", "v2"};
  const std::vector<std::string> separators{".", "_", "-", "/", ":"};
  unsigned seed = 2026;
  auto next = [&](size_t n) { return (seed = seed * 1103515245u + 12345u) / 65536u % n; };
  auto letter = [&] { return char('a' + next(26)); };
  auto edit = [&](std::string name) {
    if (name.empty())
      return name;
    size_t at = next(name.size());
    switch (next(10)) {
    case 0: name[at] = letter(); break;                                         // substitution
    case 1: name.erase(at, 1); break;                                           // deletion
    case 2: name.insert(at, 1, letter()); break;                                // insertion
    case 3: if (at + 1 < name.size()) std::swap(name[at], name[at + 1]); break; // transposition
    case 4: name[at] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[at]))); break; // case
    case 5: {                                                                   // separator
      size_t sep = name.find_first_of("._-/:", at);
      if (sep != std::string::npos)
        name.replace(sep, 1, next(3) ? separators[next(5)] : "");
      break;
    }
    case 6: { // plural, on a word's end
      size_t end = name.find_first_of("._-/:", at);
      name.insert(end == std::string::npos ? name.size() : end, "s");
      break;
    }
    case 7: { // British/American
      for (auto [from, to] : {std::pair{"is", "iz"}, {"iz", "is"}, {"ll", "l"}, {"our", "or"}, {"gue", "g"}})
        if (size_t p = name.find(from); p != std::string::npos) {
          name.replace(p, std::string(from).size(), to);
          break;
        }
      break;
    }
    case 8: name.erase(at, std::min<size_t>(2, name.size() - at)); break; // two deletions
    default: name.insert(at, std::string{letter(), letter()}); break;      // two insertions
    }
    return name;
  };
  size_t found = 0, checked = 0;
  for (int round = 0; round < 30; ++round) {
    std::vector<std::string> produced, consumed;
    for (int i = 0; i < 80; ++i) {
      std::string name = nouns[next(nouns.size())] + separators[next(5)] + nouns[next(nouns.size())] +
                         separators[next(5)] + verbs[next(verbs.size())];
      produced.push_back(name);
      std::string typo = edit(name);
      for (size_t more = next(3); more > 0; --more)
        typo = edit(typo);
      consumed.push_back(typo);
    }
    GraphBuilder builder;
    for (const std::string &name : produced)
      builder.produce("p", name);
    for (const std::string &name : consumed)
      builder.consume("c", name);
    EventGraph graph = builder.build();
    std::map<std::string, ChannelNearMiss> nearMisses = findChannelNearMisses(graph);
    for (const auto &[address, channel] : graph.channels()) {
      if (channel.consumers.empty() || graph.isProduced(address))
        continue;
      ++checked;
      bool expected = false;
      for (const auto &[candidate, other] : graph.channels())
        if (!other.producers.empty() && withinTheBound(address, candidate))
          expected = true;
      EXPECT_EQ(nearMisses.count(address), expected ? 1u : 0u) << address;
      if (nearMisses.count(address)) { // and the one reported is within the bound itself
        EXPECT_TRUE(withinTheBound(address, nearMisses.at(address).produced)) << address;
      }
      found += expected;
    }
  }
  EXPECT_GE(checked, 2000u);
  EXPECT_GE(found, 800u); // most edits stay within the bound, some do not
  EXPECT_LE(found, checked - 200);
}

TEST(RequestReplyOverEventsRule, ReportsTheRequesterAtItsRequest) {
  EventGraph g = GraphBuilder().produce("checkout", "price.requested").consume("checkout", "price.quoted")
                     .trigger("pricing", "price.requested", "price.quoted")
                     .build();
  EXPECT_EQ(check(g, {"request-reply-over-events"}),
            (Lines{"request-reply-over-events @checkout.yaml:1:1 checkout [price.requested,price.quoted] "
                   "request/reply over events: checkout produces 'price.requested', pricing answers with "
                   "'price.quoted', which checkout consumes"}));
}

TEST(RequestReplyOverEventsRule, LeavesFeedbackLoopsToEventCycle) {
  EventGraph g = GraphBuilder().trigger("loyalty", "points.earned", "tier.changed")
                     .trigger("rewards", "tier.changed", "points.earned")
                     .build();
  EXPECT_TRUE(check(g, {"request-reply-over-events"}).empty());
  EXPECT_EQ(check(g, {"event-cycle"}).size(), 1u);
}

TEST(UnresolvedChannelRule, ReportsEverySiteAsInfo) {
  EventGraph g = GraphBuilder().unresolved("orders", "RdKafka::Producer::produce", "the topic comes from getenv").build();
  auto lines = check(g, {"unresolved-channel"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "unresolved-channel @orders.yaml:1:1 orders [] the channel of this RdKafka::Producer::produce "
                      "call cannot be determined statically: the topic comes from getenv");
}

// The rules that had only end-to-end coverage, each on a graph built here: what it reports
// and what it must leave alone.
ContractDocument contractOf(const std::string &service) {
  ContractDocument c;
  c.file = service + ".asyncapi.yaml";
  c.service = service;
  c.version = "3.0.0";
  return c;
}

Location at(const std::string &file, unsigned line) { return {file, line, 1, ""}; }

TEST(AnalysisIncompleteRule, ReportsEachFileNotReadWhole) {
  EventGraph g;
  g.addIncompleteUnit({"svc/a.cpp", "a", true, false, at("svc/a.cpp", 1), "Clang error: expected ';'", 0, 1, {}});
  g.addIncompleteUnit({"svc/b.cpp", "b", false, false, at("svc/b.cpp", 3), "header 'ros/ros.h' not found", 2, 1,
                       at("svc/b.cpp", 900)});
  g.finalize();
  EXPECT_EQ(check(g, {"analysis-incomplete"}),
            (Lines{"analysis-incomplete @svc/a.cpp:1:1 a [] svc/a.cpp was not analysed: Clang error: expected ';'; what "
                   "it produces or consumes is missing from the graph",
                   "analysis-incomplete @svc/b.cpp:3:1 b [] svc/b.cpp was analysed in part: header 'ros/ros.h' not found "
                   "(2 missing headers, 1 error); reading stopped at svc/b.cpp:900:1 (too many errors), nothing after it "
                   "was analysed; calls in the code that could not be read may be missing from the graph"}));
}

TEST(DualWriteRule, ReportsAnEventAndADatabaseWriteInOneFunctionButNotAnOutbox) {
  EventGraph g;
  g.addEndpoint({"orders", "order.placed", Role::Produce, at("orders.cpp", 10), Origin::Code, "bus::publish", "", "place",
                 ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  g.addPersistence({"orders", "place", at("orders.cpp", 9), "sqlite3_exec", false});
  g.addEndpoint({"stock", "stock.reserved", Role::Produce, at("stock.cpp", 20), Origin::Code, "bus::publish", "",
                 "reserve", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  g.addPersistence({"stock", "reserve", at("stock.cpp", 19), "sqlite3_exec", true}); // writes to the outbox
  g.addEndpoint({"mail", "mail.sent", Role::Produce, at("mail.cpp", 5), Origin::Manifest, "manifest", "", "send",
                 ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  g.addPersistence({"mail", "send", at("mail.cpp", 4), "PQexec", false}); // the event is not from code
  g.finalize();
  std::vector<std::string> lines = check(g, {"dual-write"});
  ASSERT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0].rfind("dual-write @orders.cpp:10:1 orders [order.placed] ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("sqlite3_exec"), std::string::npos) << lines[0];
}

TEST(MessageWithoutSchemaRule, ReportsAMessageWithNoPayload) {
  EventGraph g;
  ContractDocument c = contractOf("orders");
  c.messages.push_back(messageOf("OrderPlaced", at("orders.asyncapi.yaml", 7), false, {}));
  c.messages.push_back(messageOf("OrderShipped", at("orders.asyncapi.yaml", 9), true, {"id"}));
  c.channels.push_back({"placed", "order.placed", false, at("orders.asyncapi.yaml", 3), {}, {0}, false});
  c.channels.push_back({"shipped", "order.shipped", false, at("orders.asyncapi.yaml", 4), {}, {1}, false});
  g.addContract(c);
  g.finalize();
  EXPECT_EQ(check(g, {"message-without-schema"}),
            (Lines{"message-without-schema @orders.asyncapi.yaml:7:1 orders [order.placed] message 'OrderPlaced' of "
                   "orders has no payload schema"}));
}

TEST(MessageWithoutIdRule, ReportsAConsumedMessageWithoutAnIdField) {
  EventGraph g;
  ContractDocument c = contractOf("billing");
  c.messages.push_back(messageOf("Invoice", at("billing.asyncapi.yaml", 7), true, {"amount", "customer"}));
  c.messages.push_back(messageOf("Refund", at("billing.asyncapi.yaml", 8), true, {"Event_ID", "amount"}, true));
  c.messages.push_back(messageOf("Unknown", at("billing.asyncapi.yaml", 9), true, {}, /*fieldsKnown=*/false));
  c.messages.push_back(messageOf("Unread", at("billing.asyncapi.yaml", 10), true, {"amount"}));
  c.channels.push_back({"i", "invoice.created", false, at("billing.asyncapi.yaml", 3), {}, {0}, false});
  c.channels.push_back({"r", "refund.issued", false, at("billing.asyncapi.yaml", 4), {}, {1}, false});
  c.channels.push_back({"u", "unknown.thing", false, at("billing.asyncapi.yaml", 5), {}, {2}, false});
  c.channels.push_back({"n", "nobody.reads", false, at("billing.asyncapi.yaml", 6), {}, {3}, false});
  g.addContract(c);
  for (const char *channel : {"invoice.created", "refund.issued", "unknown.thing"})
    g.addEndpoint({"ledger", channel, Role::Consume, at("ledger.yaml", 1), Origin::Manifest, "manifest", "", "",
                   ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  g.finalize();
  std::map<std::string, RuleSettings> settings = defaultRuleSettings();
  settings["message-without-id"].severity = Severity::Warning; // whatever its default
  settings["message-without-id"].options["id_fields"] = {"id", "event_id"};
  std::vector<std::string> lines = check(g, {"message-without-id"}, settings);
  ASSERT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0].rfind("message-without-id @billing.asyncapi.yaml:7:1 billing [invoice.created] message 'Invoice' "
                           "is consumed but has no id field",
                           0),
            0u)
      << lines[0];
}

TEST(UnimplementedOperationRule, ReportsAContractOperationTheCodeNeverPerforms) {
  EventGraph g = GraphBuilder()
                     .contract("orders", {{Role::Produce, "order.placed"}, {Role::Consume, "payment.settled"}})
                     .contract("catalog", {{Role::Produce, "item.listed"}}) // no code: nothing to compare
                     .fromCode()
                     .produce("orders", "order.placed")
                     .build();
  EXPECT_EQ(check(g, {"unimplemented-operation"}),
            (Lines{"unimplemented-operation @orders.asyncapi.yaml:2:1 orders [payment.settled] the contract of orders "
                   "declares that it receives from 'payment.settled' (operation 'payment.settled.operation'), but its "
                   "code never consumes it"}));
}

TEST(UnsecuredChannelRule, ReportsAUsedChannelWithNoSecurityOnItsServersOrOperations) {
  EventGraph g;
  ContractDocument c = contractOf("orders");
  c.servers.push_back({"plain", "kafka", at("orders.asyncapi.yaml", 2), false, "kafka:9092"});
  c.servers.push_back({"tls", "kafka-secure", at("orders.asyncapi.yaml", 3), true, "kafka:9093"});
  c.messages.push_back(messageOf("M", at("orders.asyncapi.yaml", 20), true, {"id"}));
  c.channels.push_back({"a", "open.channel", false, at("orders.asyncapi.yaml", 10), {"plain"}, {0}, false});
  c.channels.push_back({"b", "secured.server", false, at("orders.asyncapi.yaml", 11), {"tls"}, {0}, false});
  c.channels.push_back({"c", "secured.operation", false, at("orders.asyncapi.yaml", 12), {"plain"}, {0}, false});
  c.channels.push_back({"d", "unused.channel", false, at("orders.asyncapi.yaml", 13), {"plain"}, {0}, false});
  c.operations.push_back({"sendA", Role::Produce, 0, at("orders.asyncapi.yaml", 30), false, {0}});
  c.operations.push_back({"sendB", Role::Produce, 1, at("orders.asyncapi.yaml", 31), false, {0}});
  c.operations.push_back({"sendC", Role::Produce, 2, at("orders.asyncapi.yaml", 32), true, {0}});
  g.addContract(c);
  g.finalize();
  EXPECT_EQ(check(g, {"unsecured-channel"}),
            (Lines{"unsecured-channel @orders.asyncapi.yaml:10:1 orders [open.channel] channel 'open.channel' of orders "
                   "has no security requirement on its servers or operations"}));
}

// rules.def is the one registration list; its order is the ids' order, and each function's
// name is its rule's id (analysisIncompleteRule <-> analysis-incomplete), so a rule is found
// where a reader looks for it. allRules() sorts whatever the file says: this reads the file.
TEST(Registry, RulesDefIsSortedAndNamedAfterTheIds) {
  std::ifstream in(eventscope::testing::sourceDir() + "/rules/rules.def");
  ASSERT_TRUE(in) << "rules/rules.def";
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("ES_RULE(", 0) != 0)
      continue;
    std::string function = line.substr(8, line.find(')') - 8);
    ASSERT_TRUE(function.size() > 4 && function.compare(function.size() - 4, 4, "Rule") == 0) << function;
    std::string id;
    for (char c : function.substr(0, function.size() - 4))
      id += std::isupper(static_cast<unsigned char>(c)) ? std::string("-") + char(std::tolower(c)) : std::string(1, c);
    ids.push_back(id);
  }
  std::vector<std::string> registered;
  for (const Rule *rule : allRules())
    registered.push_back(rule->info.id);
  EXPECT_EQ(ids, registered); // same ids, in the same (sorted) order, each once
}

// The README's rule table ("What it finds") is checked against the registry: every rule with
// its default severity, and nothing else.
TEST(Registry, TheReadmesRuleTableIsTheRegistry) {
  std::ifstream in(eventscope::testing::sourceDir() + "/README.md");
  ASSERT_TRUE(in) << "README.md";
  std::map<std::string, std::string> table; // id -> default severity
  bool inTable = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| rule | default |", 0) == 0) {
      inTable = true;
      continue;
    }
    if (!inTable || line.rfind("|---", 0) == 0)
      continue;
    if (line.rfind("| ", 0) != 0)
      break;
    size_t idEnd = line.find(" |", 2), severityEnd = line.find(" |", idEnd + 3);
    table[line.substr(2, idEnd - 2)] = line.substr(idEnd + 3, severityEnd - idEnd - 3);
  }
  std::map<std::string, std::string> registered;
  for (const Rule *rule : allRules())
    registered[rule->info.id] = std::string(severityName(rule->info.defaultSeverity));
  EXPECT_EQ(table, registered);
}

TEST(Registry, RulesAreDocumentedAndSwitchable) {
  for (const Rule *rule : allRules()) {
    EXPECT_NE(rule->info.documentation.find("## What it does"), std::string::npos) << rule->info.id;
    EXPECT_NE(rule->info.documentation.find("## Why is this bad"), std::string::npos) << rule->info.id;
    EXPECT_NE(rule->info.documentation.find("## Options"), std::string::npos) << rule->info.id;
  }
  auto settings = defaultRuleSettings();
  settings["unproduced-event"].severity = Severity::Off;
  EXPECT_TRUE(check(GraphBuilder().consume("a", "x").build(), {"unproduced-event"}, settings).empty());
}

TEST(Fingerprint, IgnoresLocationsAndMessages) {
  Finding a{"event-cycle", Severity::Error, "m1", {"a.yaml", 3, 1, ""}, "s", {"x", "y"}, {}, ""};
  Finding b = a;
  b.location.line = 40;
  b.message = "m2";
  EXPECT_EQ(a.fingerprint(), b.fingerprint());
  b.channels = {"x", "z"};
  EXPECT_NE(a.fingerprint(), b.fingerprint());
}

} // namespace

namespace {

TEST(MissingDeadLetterRule, IsOffByDefaultAndKnowsTheNamingConventions) {
  EventGraph g = GraphBuilder()
                     .produce("a", "orders")
                     .consume("b", "orders")
                     .produce("a", "payments")
                     .consume("b", "payments")
                     .produce("b", "payments.dlq")
                     .consume("ops", "payments.dlq")
                     .build();
  EXPECT_TRUE(check(g, {"missing-dead-letter"}).empty());
  auto settings = defaultRuleSettings();
  settings["missing-dead-letter"].severity = Severity::Warning;
  // payments has payments.dlq; payments.dlq is itself a dead-letter channel.
  EXPECT_EQ(check(g, {"missing-dead-letter"}, settings),
            (Lines{"missing-dead-letter @b.yaml:1:1 b [orders] 'orders' is consumed but has no dead-letter channel "
                   "(orders.dlq or x-dead-letter)"}));
}

// The contract rules meet operations through the graph's pattern links, by an index built
// once (a contract of 60,000 operations was scanned per channel: 6 minutes).
TEST(ContractRules, AParameterisedOperationMeetsTheChannelsItCovers) {
  EventGraph g = GraphBuilder()
                     .contract("orders", {{Role::Produce, "orders.{id}.placed"}, {Role::Consume, "payments.settled"}})
                     .fromCode()
                     .produce("orders", "orders.42.placed")
                     .produce("billing", "orders.7.placed")
                     .consume("orders", "payments.settled")
                     .consume("orders", "refunds.issued")
                     .build();
  EXPECT_EQ(check(g, {"unauthorized-producer", "undeclared-operation"}),
            (Lines{"unauthorized-producer @billing.yaml:1:1 billing [orders.7.placed] billing produces "
                   "'orders.7.placed', which the contracts reserve to orders",
                   "undeclared-operation @orders.yaml:3:1 orders [refunds.issued] orders consumes 'refunds.issued', "
                   "which its contract does not declare (no receive operation on that channel)"}));
}

} // namespace

// The index behind both (and unserved-call's "did you mean"): for every name, exactly the
// names of the set that nearMiss accepts, by position, over names of every length the bound
// distinguishes (under 5: equal forms only; 5-15: one edit; 16 on: two), with digits and
// separators, and case, plural and spelling changes.
TEST(NearMissIndex, FindsExactlyWhatNearMissAcceptsForEveryPair) {
  const std::vector<std::string> pieces{"ab", "tx", "id", "order", "colour", "v2", "3", "scan", "labelled", "authorise",
                                        "lidar", "status"};
  const std::vector<std::string> separators{".", "_", "-", "/", ""};
  unsigned seed = 1205;
  auto next = [&](size_t n) { return (seed = seed * 1103515245u + 12345u) / 65536u % n; };
  auto name = [&] {
    std::string out = pieces[next(pieces.size())];
    for (size_t words = next(4); words > 0; --words)
      out += separators[next(separators.size())] + pieces[next(pieces.size())];
    return out;
  };
  auto edit = [&](std::string text) {
    size_t at = next(text.size());
    switch (next(6)) {
    case 0: text[at] = char('a' + next(26)); break;
    case 1: text.erase(at, 1); break;
    case 2: text.insert(at, 1, char('a' + next(26))); break;
    case 3: if (at + 1 < text.size()) std::swap(text[at], text[at + 1]); break;
    case 4: text[at] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[at]))); break;
    default: text += "s"; break;
    }
    return text;
  };
  std::vector<std::string> names, queries;
  for (int i = 0; i < 1500; ++i)
    names.push_back(name());
  for (int i = 0; i < 1500; ++i)
    queries.push_back(next(3) ? edit(names[next(names.size())]) : name());
  NearMissIndex index(names);
  size_t pairs = 0;
  for (const std::string &query : queries) {
    std::vector<std::pair<size_t, std::string>> expected;
    for (size_t i = 0; i < names.size(); ++i)
      if (std::optional<std::string> how = nearMiss(query, names[i]))
        expected.emplace_back(i, *how);
    ASSERT_EQ(index.nearMisses(query), expected) << query;
    pairs += expected.size();
  }
  EXPECT_GE(pairs, 1000u); // the generator makes near-misses, not only strangers
}
