// AsyncAPI read as the specification defines it (issue 19): unknown addresses, replies,
// traits, YAML merge keys. The fixtures under tests/fixtures/asyncapi-spec are the shared
// cases (written from public bug reports) and their siblings.
#include "test_support.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

using namespace eventscope::testing;

namespace {

std::string fixture(const std::string &relative) { return sourceDir() + "/tests/fixtures/asyncapi-spec/" + relative; }

// The finding lines of `check` (text format), sorted as eventscope prints them.
std::string findings(const std::string &dir, int expectedExit) {
  CommandResult r = runEventscope({"check", "-q", "."}, dir);
  EXPECT_EQ(r.exitCode, expectedExit) << r.out << r.err;
  return r.out;
}

// --- 1. An address that is null or absent is unknown --------------------------------------

TEST(AsyncApiSpec, ANullAddressIsUnknownAndLinksNothingUnderTheChannelsKey) {
  // client-a and nexus name their channel `Exchange` with `address: null`; audit's channel
  // has the address `Exchange`. Before, all three met on `Exchange`: nexus "produced" what
  // audit consumes. Now the two operations are unresolved, and audit's consumer has no producer.
  EXPECT_EQ(findings(fixture("null-address"), 1),
            "audit.yaml:16:5: error: 'Exchange' is consumed by audit-service but no service produces it "
            "[unproduced-event]\n"
            "client-a.yaml:16:5: info: the channel of this asyncapi receive operation cannot be determined "
            "statically: its channel 'Exchange' has no address (null or absent: known only at run time, AsyncAPI "
            "3.0 Channel Object), so it is linked to no other channel [unresolved-channel]\n"
            "nexus.yaml:26:5: info: the channel of this asyncapi send operation cannot be determined statically: "
            "its channel 'Exchange' has no address (null or absent: known only at run time, AsyncAPI 3.0 Channel "
            "Object), so it is linked to no other channel [unresolved-channel]\n"
            "nexus.yaml:33:7: info: the channel of this asyncapi reply receive operation cannot be determined "
            "statically: the reply goes to the run-time address '$message.header#/replyTo' (AsyncAPI 3.0 "
            "Operation Reply Address Object), so it is linked to no channel [unresolved-channel]\n");
}

TEST(AsyncApiSpec, ANullAddressIsNoChannelOfTheGraphAndIsExportedAsNull) {
  CommandResult scan = runEventscope({"scan", "-q", "."}, fixture("null-address"));
  ASSERT_EQ(scan.exitCode, 0) << scan.err;
  nlohmann::json facts = nlohmann::json::parse(scan.out);
  std::vector<std::string> channels;
  for (const auto &e : facts["endpoints"])
    channels.push_back(e["service"].get<std::string>() + " " + e["channel"].get<std::string>());
  EXPECT_EQ(channels, std::vector<std::string>{"audit-service Exchange"});
  EXPECT_EQ(facts["unresolved"].size(), 3u);

  CommandResult exported =
      runEventscope({"export", "asyncapi", "--service", "nexus-server", "-q", "--format", "json"}, fixture("null-address"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  nlohmann::json doc = nlohmann::json::parse(exported.out);
  EXPECT_TRUE(doc["channels"]["Exchange"]["address"].is_null());
  EXPECT_TRUE(doc["channels"]["ReplyInbox"]["address"].is_null());
  EXPECT_EQ(doc["operations"]["sendFooEvent"]["reply"],
            nlohmann::json::parse(R"({"address": {"location": "$message.header#/replyTo"},
              "channel": {"$ref": "#/channels/ReplyInbox"},
              "messages": [{"$ref": "#/channels/ReplyInbox/messages/FooAck"}]})"));
}

// --- 2. Replies --------------------------------------------------------------------------

TEST(AsyncApiSpec, AReplyIsAnEndpointOfBothSidesAndTheResponderTurnsTheRequestIntoIt) {
  CommandResult scan = runEventscope({"scan", "-q", "."}, fixture("replies"));
  ASSERT_EQ(scan.exitCode, 0) << scan.err;
  nlohmann::json facts = nlohmann::json::parse(scan.out);
  std::vector<std::string> endpoints;
  for (const auto &e : facts["endpoints"])
    endpoints.push_back(e["service"].get<std::string>() + " " + e["role"].get<std::string>() + " " +
                        e["channel"].get<std::string>() + " " + e["api"].get<std::string>() + " " +
                        e["pointer"].get<std::string>());
  std::sort(endpoints.begin(), endpoints.end());
  EXPECT_EQ(endpoints, (std::vector<std::string>{
                           "checkout consume price.quoted asyncapi reply receive /operations/askPrice/reply",
                           "checkout produce price.requested asyncapi send /operations/askPrice",
                           "pricing consume price.requested asyncapi receive /operations/quote",
                           "pricing produce price.quoted asyncapi reply send /operations/quote/reply",
                       }));
  ASSERT_EQ(facts["triggers"].size(), 1u);
  EXPECT_EQ(facts["triggers"][0]["service"], "pricing");
  EXPECT_EQ(facts["triggers"][0]["from"], "price.requested");
  EXPECT_EQ(facts["triggers"][0]["to"], "price.quoted");
  EXPECT_EQ(facts["triggers"][0]["line"], 17);

  CommandResult mermaid = runEventscope({"graph", "-q", "--format", "mermaid", "--view", "channels", "."}, fixture("replies"));
  ASSERT_EQ(mermaid.exitCode, 0) << mermaid.err;
  EXPECT_NE(mermaid.out.find("price.quoted"), std::string::npos) << mermaid.out;

  CommandResult exported =
      runEventscope({"export", "asyncapi", "--service", "checkout", "-q", "--format", "json"}, fixture("replies"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  nlohmann::json doc = nlohmann::json::parse(exported.out);
  EXPECT_EQ(doc["operations"]["askPrice"]["reply"]["channel"], nlohmann::json::parse(R"({"$ref": "#/channels/priceQuoted"})"));
  EXPECT_EQ(doc["operations"].size(), 1u) << "the reply is written inside askPrice, not as an operation of its own";
}

TEST(AsyncApiSpec, ADeclaredReplyIsNotRequestReplyPatchedOverEvents) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: ['*.yaml']\n");
  // pricing answers each price.requested with price.quoted (a manifest says so).
  dir.write("pricing.yaml", "service: pricing\ntriggers:\n  price.requested: [price.quoted]\n");
  std::string checkout = readFile(fixture("replies/checkout.yaml"));
  std::string undeclared = checkout.substr(0, checkout.find("    reply:")) +
                           "  onQuote:\n    action: receive\n    channel: {$ref: '#/channels/priceQuoted'}\n";
  dir.write("checkout.yaml", undeclared);
  CommandResult r = runEventscope({"check", "-q", "."}, dir.path());
  EXPECT_NE(r.out.find("[request-reply-over-events]"), std::string::npos) << r.out;

  dir.write("checkout.yaml", checkout); // the same exchange, declared with `reply`
  r = runEventscope({"check", "-q", "."}, dir.path());
  EXPECT_EQ(r.out.find("[request-reply-over-events]"), std::string::npos) << r.out;
}

TEST(AsyncApiSpec, TheDiffJudgesAReplyMessageByItsDirection) {
  TempDir dir;
  for (const char *service : {"pricing", "checkout"}) {
    std::string before = readFile(fixture(std::string("replies/") + service + ".yaml"));
    std::string after = before;
    std::string open = "price: {type: number}}}}";
    after.replace(after.find(open), open.size(), "price: {type: number}}, required: [price]}}");
    dir.write(std::string(service) + "-old.yaml", before);
    dir.write(std::string(service) + "-new.yaml", after);
  }
  // pricing sends the reply: a field it newly guarantees breaks no consumer.
  CommandResult sender = runEventscope({"contract", "diff", "-q", "pricing-old.yaml", "pricing-new.yaml"}, dir.path());
  EXPECT_EQ(sender.exitCode, 0) << sender.out;
  EXPECT_NE(sender.out.find("newly required: the consumers are unaffected [contract-compatible-change]"),
            std::string::npos)
      << sender.out;
  // checkout receives it: replies without the field are now rejected.
  CommandResult receiver = runEventscope({"contract", "diff", "-q", "checkout-old.yaml", "checkout-new.yaml"}, dir.path());
  EXPECT_EQ(receiver.exitCode, 1) << receiver.out;
  EXPECT_NE(receiver.out.find("producers that omit it are rejected [contract-breaking-change]"), std::string::npos)
      << receiver.out;
}

TEST(AsyncApiSpec, ABadReplyIsOneClearError) {
  TempDir dir;
  std::string base = "asyncapi: 3.0.0\ninfo: {title: s, version: 1.0.0}\nchannels:\n  a: {address: a}\n"
                     "operations:\n  op:\n    action: send\n    channel: {$ref: '#/channels/a'}\n";
  struct Case {
    std::string reply, error;
  };
  for (const Case &c : std::vector<Case>{
           {"    reply:\n      channel: {$ref: '#/channels/missing'}\n",
            "api.yaml:10:23: $ref '#/channels/missing' does not resolve: there is no 'missing' at '/channels' in "
            "api.yaml (at /operations/op/reply/channel/$ref)"},
           {"    reply: [a]\n", "api.yaml:9:12: `reply` of operation op must be a map (at /operations/op/reply)"},
           {"    reply:\n      address: {description: x}\n",
            "api.yaml:10:16: missing required field `location` of the reply's address (at "
            "/operations/op/reply/address/location)"},
       }) {
    dir.write("api.yaml", base + c.reply);
    CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
    EXPECT_EQ(r.exitCode, 2) << c.reply;
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << "nothing partial";
  }
}

} // namespace

namespace {

// `contract show`'s reading of one file: channels, endpoints and what each operation means.
nlohmann::json reading(const std::string &dir, const std::string &file) {
  CommandResult r = runEventscope({"contract", "show", file}, dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out).at(0);
  doc.erase("file");
  return doc;
}

// --- 3. Traits ---------------------------------------------------------------------------

TEST(AsyncApiSpec, ADocumentWithTraitsReadsLikeItsInlineTwin) {
  nlohmann::json withTraits = reading(fixture("traits"), "orders-v2.yaml");
  EXPECT_EQ(withTraits, reading(fixture("traits"), "control/orders-v2-inline.yaml"));
  // The operation trait brings the security requirement, the message trait the headers.
  EXPECT_EQ(withTraits["operations"], nlohmann::json::parse(R"([{"channel": "order.placed", "role": "consume",
    "secured": true, "messages": [{"headers": ["messageId"], "payload": ["total"]}]}])"));
  nlohmann::json v3 = reading(fixture("traits"), "orders-v3.yaml");
  EXPECT_EQ(v3["operations"], nlohmann::json::parse(R"([{"channel": "order.paid", "role": "consume",
    "secured": true, "messages": [{"headers": ["messageId"], "payload": ["total"]}]}])"));
  // And so no rule sees an unsecured channel.
  EXPECT_EQ(findings(fixture("traits"), 1).find("unsecured-channel"), std::string::npos);
}

// The breaking-change diff reads traits as the loader does: a document and its inline twin
// are no change (2.x and 3.0), and a change made inside a trait is found where it lands.
TEST(AsyncApiSpec, TheDiffSeesTraitsApplied) {
  for (const char *version : {"v2", "v3"}) {
    CommandResult r = runEventscope({"contract", "diff", std::string("orders-") + version + ".yaml",
                                     std::string("control/orders-") + version + "-inline.yaml", "--no-impact"},
                                    fixture("traits"));
    EXPECT_EQ(r.exitCode, 0) << version << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find("0 breaking change(s) in 0 change(s)"), std::string::npos) << version << "\n" << r.err;
  }
  TempDir dir;
  std::string v3 = readFile(fixture("traits") + "/orders-v3.yaml");
  dir.write("old.yaml", v3);
  std::string changed = v3;
  changed.replace(changed.find("required: [messageId]"), 21, "required: [messageId, traceId]");
  dir.write("new.yaml", changed);
  CommandResult r = runEventscope({"contract", "diff", "old.yaml", "new.yaml", "--no-impact"}, dir.path());
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.out.find("add /channels/orderPaid/messages/OrderPaid/headers/required: property 'traceId' newly "
                       "required"),
            std::string::npos)
      << r.out;
}

// The same with the message trait in another file (`$ref: message-traits.yaml#/envelope`; a
// shared-cases variant): the diff reads it as the loader does, so the inline twin is no
// change.
TEST(AsyncApiSpec, TheDiffSeesTraitsOfOtherFiles) {
  TempDir dir;
  std::string v2 = readFile(fixture("traits") + "/orders-v2.yaml");
  dir.write("control/orders-v2-inline.yaml", readFile(fixture("traits") + "/control/orders-v2-inline.yaml"));
  const std::string local = "$ref: '#/components/messageTraits/";
  const size_t at = v2.find(local);
  ASSERT_NE(at, std::string::npos) << v2;
  const size_t end = v2.find('\'', at + local.size());
  const std::string traitName = v2.substr(at + local.size(), end - at - local.size());
  std::string moved = v2;
  moved.replace(at, end + 1 - at, "$ref: 'traits/message-traits.yaml#/" + traitName + "'");
  dir.write("orders-v2-ext.yaml", moved);
  dir.write("traits/message-traits.yaml", traitName + ":\n  headers:\n    type: object\n    properties:\n"
                                          "      messageId: {type: string}\n    required: [messageId]\n");
  CommandResult r = runEventscope({"contract", "diff", "orders-v2-ext.yaml", "control/orders-v2-inline.yaml",
                                   "--no-impact"},
                                  dir.path());
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("0 breaking change(s)"), std::string::npos) << r.out << r.err;
}

TEST(AsyncApiSpec, TraitsMergeAsTheReferenceParserMergesThem) {
  // 2.x: each trait patches the object (the trait's value wins); 3.x: the traits, then the
  // object itself, patch an empty object (the object's value wins). Maps merge member by
  // member (JSON Merge Patch), a null member removes one, anything else replaces.
  TempDir dir;
  dir.write("traits.yaml", "headers:\n  type: object\n  properties:\n    traceId: {type: string}\n"
                           "    legacy: {type: string}\n");
  auto document = [](const std::string &version, const std::string &ops) {
    return "asyncapi: " + version + "\ninfo: {title: t, version: 1.0.0}\n" + ops;
  };
  dir.write("v2.yaml", document("2.6.0", R"(channels:
  a:
    subscribe:
      message:
        contentType: text/plain
        headers: {type: object, properties: {own: {type: string}, legacy: {type: string}}}
        traits:
          - $ref: 'traits.yaml'
          - {contentType: application/json, headers: {properties: {legacy: null}}}
        payload: {type: object, properties: {x: {type: string}}}
)"));
  dir.write("v3.yaml", document("3.0.0", R"(channels:
  a:
    address: a
    messages:
      m:
        contentType: text/plain
        headers: {type: object, properties: {own: {type: string}}}
        traits:
          - $ref: 'traits.yaml'
          - {contentType: application/json}
        payload: {type: object, properties: {x: {type: string}}}
operations:
  s: {action: send, channel: {$ref: '#/channels/a'}}
)"));
  EXPECT_EQ(reading(dir.path(), "v2.yaml")["operations"][0]["messages"],
            nlohmann::json::parse(R"([{"headers": ["own", "traceId"], "payload": ["x"]}])"));
  EXPECT_EQ(reading(dir.path(), "v3.yaml")["operations"][0]["messages"],
            nlohmann::json::parse(R"([{"headers": ["legacy", "own", "traceId"], "payload": ["x"]}])"));
  for (auto [file, contentType] : {std::pair<const char *, const char *>{"v2.yaml", "application/json"},
                                   {"v3.yaml", "text/plain"}}) {
    dir.write("only/" + std::string(file), readFile(dir.path() + "/" + file));
    dir.write("only/traits.yaml", readFile(dir.path() + "/traits.yaml"));
    dir.write("only/eventscope.yaml", "contracts: ['" + std::string(file) + "']\n");
    CommandResult exported =
        runEventscope({"export", "asyncapi", "--service", "t", "-q", "--format", "json"}, dir.path() + "/only");
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    nlohmann::json doc = nlohmann::json::parse(exported.out);
    std::string key = doc["channels"].begin().key();
    EXPECT_EQ(doc["channels"][key]["messages"].begin().value()["contentType"], contentType) << file;
    std::filesystem::remove_all(dir.path() + "/only");
  }
}

TEST(AsyncApiSpec, ABadTraitIsOneClearError) {
  TempDir dir;
  std::string base = "asyncapi: 2.6.0\ninfo: {title: s, version: 1.0.0}\nchannels:\n  a:\n    publish:\n"
                     "      message: {payload: {type: object}}\n";
  for (auto [traits, error] : std::vector<std::pair<std::string, std::string>>{
           {"      traits: [a]\n", "api.yaml:7:16: a trait must be a map (at /channels/a/publish/traits/0)"},
           {"      traits: {a: 1}\n", "api.yaml:7:15: `traits` must be a list of traits (at /channels/a/publish/traits)"},
           {"      traits: [{$ref: '#/nowhere'}]\n",
            "api.yaml:7:23: $ref '#/nowhere' does not resolve: there is no 'nowhere' at '/' in api.yaml (at "
            "/channels/a/publish/traits/0/$ref)"},
       }) {
    dir.write("api.yaml", base + traits);
    CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
    EXPECT_EQ(r.exitCode, 2) << traits;
    EXPECT_NE(r.err.find(error), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << "nothing partial";
  }
}

// --- 4. YAML merge keys ------------------------------------------------------------------

TEST(AsyncApiSpec, MergeKeysExpandAsYamlDefinesThem) {
  nlohmann::json anchors = reading(fixture("merge-keys"), "anchors.yaml");
  // `<<: [*baseOp, *secured]` and two `<<` keys: both bring the security requirement; a
  // merge into sensor.alerts of *baseOp alone does not, and its own `message` wins.
  EXPECT_EQ(anchors["operations"], nlohmann::json::parse(R"([
    {"channel": "sensor.alerts", "role": "produce", "secured": false, "messages": [{"headers": [], "payload": ["id", "text"]}]},
    {"channel": "sensor.humidity", "role": "consume", "secured": true, "messages": [{"headers": [], "payload": ["id", "value"]}]},
    {"channel": "sensor.temperature", "role": "consume", "secured": true, "messages": [{"headers": [], "payload": ["id", "value"]}]}
  ])"));
  nlohmann::json single = reading(fixture("merge-keys"), "merge-single.yaml");
  for (const auto &op : single["operations"])
    EXPECT_TRUE(op["secured"].get<bool>()) << op;
  // The operation ids come from the map itself, not from the merged placeholder.
  CommandResult scan = runEventscope({"check", "-q", "--format", "json", "."}, fixture("merge-keys"));
  EXPECT_EQ(scan.out.find("placeholder"), std::string::npos);
}

TEST(AsyncApiSpec, MergeKeysFollowTheRulesOfTheirOrder) {
  // Keys written in the map win over merged ones wherever they stand; of several sources
  // the first wins; a quoted "<<" is an ordinary key; merges nest.
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: ['m.yaml']\n");
  dir.write("m.yaml", R"(asyncapi: 2.6.0
info: {title: m, version: 1.0.0}
x-a: &a {operationId: fromA, summary: a, security: [{k: []}]}
x-b: &b {operationId: fromB, description: b}
x-c: &c {<<: *b, summary: c}
channels:
  one:
    publish:
      operationId: own
      <<: [*a, *b]
      message: {payload: {type: object}}
  two:
    subscribe:
      <<: [*c, *a]
      message: {payload: {type: object}}
  three:
    subscribe:
      "<<": *a
      message: {payload: {type: object}}
)");
  CommandResult r = runEventscope({"export", "asyncapi", "--service", "m", "-q", "--format", "json"}, dir.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto &[id, op] : doc["operations"].items())
    ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  // one: its own id; two: c's id, which c took from b; three: not merged, so the id
  // eventscope makes for an operation without one.
  EXPECT_EQ(ids, (std::vector<std::string>{"fromB", "own", "three_subscribe"}));
  nlohmann::json shown = reading(dir.path(), "m.yaml");
  std::vector<bool> secured;
  for (const auto &op : shown["operations"])
    secured.push_back(op["secured"].get<bool>());
  EXPECT_EQ(secured, (std::vector<bool>{true, false, true})); // one, three, two (by channel)
}

TEST(AsyncApiSpec, ABadMergeKeyIsOneClearError) {
  TempDir dir;
  for (auto [text, error] : std::vector<std::pair<std::string, std::string>>{
           {"asyncapi: 2.6.0\nx: &s scalar\ninfo:\n  <<: *s\n",
            "api.yaml:4:3: the value of a merge key (<<) must be a map or a list of maps (at /info/<<)"},
           {"asyncapi: 2.6.0\ninfo:\n  <<: [{a: 1}, [b]]\n",
            "api.yaml:3:3: the value of a merge key (<<) must be a map or a list of maps (at /info/<<)"},
           // At the `<<` itself when another key comes first (shared-cases re-run, session 46:
           // it was said at the map's first key, a line above).
           {"asyncapi: 2.6.0\nx: &s scalar\ninfo:\n  title: t\n  <<: *s\n",
            "api.yaml:5:3: the value of a merge key (<<) must be a map or a list of maps (at /info/<<)"},
       }) {
    dir.write("api.yaml", text);
    CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
    EXPECT_EQ(r.exitCode, 2) << text;
    EXPECT_NE(r.err.find(error), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << "nothing partial";
  }
}

TEST(AsyncApiSpec, MergeKeysThatMultiplyAreBounded) {
  // 60 maps merge one of 20,000 keys: 1,200,000 entries from a 200 KB file (a chain of
  // maps each merging the one before grows with the square of the text). Past the bound,
  // the file is refused rather than read for minutes.
  std::string text = "asyncapi: 2.6.0\nx: &base\n";
  for (int i = 0; i < 20000; ++i)
    text += "  k" + std::to_string(i) + ": 0\n";
  text += "y:\n";
  for (int i = 0; i < 60; ++i)
    text += "  m" + std::to_string(i) + ": {<<: *base}\n";
  TempDir dir;
  dir.write("api.yaml", text);
  // The bound on entries is under test, not the parse's deadline, which a loaded machine
  // under the sanitizers reached first (2 s; the fresh clone's sanitized run, session 13).
  setenv("EVENTSCOPE_YAML_DEADLINE_MS", "600000", 1);
  CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
  unsetenv("EVENTSCOPE_YAML_DEADLINE_MS");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("merge keys (<<) expand the document past 1000000 entries; refused"), std::string::npos) << r.err;
}

// A file referred to by $ref that is shorter than 16 bytes: its scalars are views into its
// text, which a string of that size keeps inside itself and moved with the tree. They read
// garbage before.
TEST(AsyncApiSpec, ARefIntoATinyFileReadsItsText) {
  TempDir dir;
  dir.write("p.json", R"({"type":"null"})");
  dir.write("api.yaml", R"(asyncapi: 3.0.0
info: {title: t, version: 1.0.0}
channels:
  a: {address: a, messages: {M: {payload: {$ref: 'p.json'}}}}
operations:
  s: {action: send, channel: {$ref: '#/channels/a'}}
)");
  CommandResult r = runEventscope({"export", "asyncapi", "--service", "t", "-q", "--format", "json"}, dir.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["channels"]["a"]["messages"]["M"]["payload"],
            nlohmann::json::parse(R"({"type": "null"})"));
}

} // namespace

namespace {

// --- 5. Links through parameters and wildcards, drawn as the rules follow them ------------

TEST(AsyncApiSpec, DiagramsAndTheCatalogDrawTheLinksTheRulesUse) {
  // orders sends on orders/{region}/placed; billing receives orders/+/placed (MQTT), audit
  // orders/{zone}/placed (another parameter name, the same position); nats-orders sends on
  // orders.{id}.created, which nats-audit receives as orders.> (NATS).
  std::string dir = fixture("links");
  EXPECT_EQ(findings(dir, 0), "") << "the rules see every consumer fed";
  CommandResult services = runEventscope({"graph", "-q", "--format", "mermaid", "--view", "services", "."}, dir);
  EXPECT_EQ(services.out, R"(flowchart LR
  s0["audit"]
  s1["billing"]
  s2["nats-audit"]
  s3["nats-orders"]
  s4["orders"]
  s3 -->|"orders.{id}.created"| s2
  s4 -->|"orders/{region}/placed"| s0
  s4 -->|"orders/{region}/placed"| s1
)");
  CommandResult channels = runEventscope({"graph", "-q", "--format", "mermaid", "--view", "channels", "."}, dir);
  for (const char *link : {"c6 -.-> c5", "c8 -.-> c7", "c8 -.-> c9"})
    EXPECT_NE(channels.out.find(link), std::string::npos) << link << "\n" << channels.out;
  EXPECT_EQ(channels.out.find("stroke-dasharray"), std::string::npos) << "no channel is an orphan\n" << channels.out;
  CommandResult dot = runEventscope({"graph", "-q", "--format", "dot", "--view", "full", "."}, dir);
  EXPECT_NE(dot.out.find("\"channel:orders/{region}/placed\" -> \"channel:orders/+/placed\" [style=dashed, "
                         "arrowhead=empty]"),
            std::string::npos)
      << dot.out;
  TempDir out;
  CommandResult docs = runEventscope({"docs", "-q", "-o", out.path(), "."}, dir);
  ASSERT_EQ(docs.exitCode, 0) << docs.err;
  std::string index = readFile(out.path() + "/index.md");
  EXPECT_NE(index.find("s4 -->|\"orders/{region}/placed\"| s1"), std::string::npos) << index;
  EXPECT_NE(index.find("| [orders/{region}/placed](channels/orders__region__placed-d75f8857.md) | 1 | 2 | 2 |"),
            std::string::npos)
      << index;
}

} // namespace

namespace {

// --- 7. Depth counts schema nesting --------------------------------------------------------

// A 2.6 document whose payload nests `levels` properties, each an object but the last.
std::string nestedDocument(int levels, const std::string &innermostType) {
  std::string schema = R"({"type":")" + innermostType + R"("})";
  for (int i = levels - 1; i >= 0; --i)
    schema = R"({"type":"object","properties":{"p)" + std::to_string(i) + R"(":)" + schema + "}}";
  return R"({"asyncapi":"2.6.0","info":{"title":"d","version":"1.0.0"},"channels":{"a":{"subscribe":{"message":{"payload":)" +
         schema + "}}}}}";
}

TEST(AsyncApiSpec, SchemasNestedTo512PropertiesAreReadAndDiffedAndDeeperOnesRefused) {
  // The bound is on schema levels (`properties/p` is one), checked on both sides of it and
  // well inside; the old bound of 64 JSON pointer segments refused 31 nested properties.
  TempDir dir;
  for (int levels : {31, 256, 300, 511, 512, 513, 700}) {
    SCOPED_TRACE(levels);
    dir.write("old.json", nestedDocument(levels, "string"));
    dir.write("new.json", nestedDocument(levels, "number"));
    CommandResult diff = runEventscope({"contract", "diff", "-q", "old.json", "new.json"}, dir.path());
    if (levels <= 512) {
      EXPECT_EQ(diff.exitCode, 1) << diff.err.substr(0, 300);
      std::string innermost = "/p" + std::to_string(levels - 1) + "/type: ";
      EXPECT_NE(diff.out.find(innermost), std::string::npos) << diff.out.substr(0, 300);
    } else {
      EXPECT_EQ(diff.exitCode, 2);
      EXPECT_NE(diff.err.find("schema nested deeper than 512 levels"), std::string::npos) << diff.err.substr(0, 300);
    }
  }
}

TEST(AsyncApiSpec, YamlDeeperThanYamlCppReadsSaysSo) {
  // Past the fast readers' 2048 levels, yaml-cpp reads the file, and stops at 500 levels
  // with the message "bad file".
  std::string flow = "asyncapi: 2.6.0\nx: ";
  for (int i = 0; i < 2100; ++i)
    flow += "[";
  for (int i = 0; i < 2100; ++i)
    flow += "]";
  TempDir dir;
  dir.write("api.yaml", flow + "\n");
  CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("api.yaml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("YAML nested deeper than the 500 levels yaml-cpp reads"), std::string::npos) << r.err;
}

} // namespace

namespace {

// --- 7. The diff inside compositions ------------------------------------------------------

// The finding lines of `contract diff OLD NEW` for one payload, on a channel the service
// receives (`publish` in 2.x) and on one it sends (`subscribe`).
std::string payloadDiff(const std::string &before, const std::string &after, const char *operation) {
  auto document = [&](const std::string &payload) {
    return std::string("asyncapi: 2.6.0\ninfo: {title: s, version: 1.0.0}\nchannels:\n  a:\n    ") + operation +
           ":\n      message:\n        payload: " + payload +
           "\ncomponents:\n  schemas:\n    P: {type: object, properties: {id: {type: string}}}\n";
  };
  TempDir dir;
  dir.write("old.yaml", document(before));
  dir.write("new.yaml", document(after));
  CommandResult r = runEventscope({"contract", "diff", "-q", "old.yaml", "new.yaml"}, dir.path());
  EXPECT_NE(r.exitCode, 2) << r.err;
  return r.out;
}

TEST(AsyncApiSpec, TheDiffLooksInsideCompositionsAndJudgesThemByDirection) {
  const std::string one = "{type: object, properties: {id: {type: string}}}";
  const std::string two = "{type: object, properties: {code: {type: integer}}}";
  // Every allOf member binds: a field newly required in one breaks producers (received).
  EXPECT_EQ(payloadDiff("{allOf: [" + one + ", {properties: {n: {type: number}}}]}",
                        "{allOf: [" + one + ", {properties: {n: {type: number}}, required: [n]}]}", "publish"),
            "new.yaml:7:121: error: add /channels/a/publish/message/payload/allOf/1/required: property 'n' newly "
            "required: producers that omit it are rejected [contract-breaking-change]\n");
  // ... and the same change in a message the service sends breaks nobody.
  EXPECT_NE(payloadDiff("{allOf: [" + one + ", {properties: {n: {type: number}}}]}",
                        "{allOf: [" + one + ", {properties: {n: {type: number}}, required: [n]}]}", "subscribe")
                .find("newly required: the consumers are unaffected [contract-compatible-change]"),
            std::string::npos);
  // A member added to allOf narrows; an alternative added to oneOf/anyOf widens.
  EXPECT_NE(payloadDiff("{allOf: [" + one + "]}", "{allOf: [" + one + ", " + two + "]}", "publish")
                .find("allOf member added: the schema narrowed: producers' messages that do not match the new member "
                      "are rejected [contract-breaking-change]"),
            std::string::npos);
  EXPECT_NE(payloadDiff("{allOf: [" + one + "]}", "{allOf: [" + one + ", " + two + "]}", "subscribe")
                .find("allOf member added: the schema narrowed: the consumers are unaffected"),
            std::string::npos);
  for (const char *keyword : {"oneOf", "anyOf"}) {
    std::string k = keyword;
    EXPECT_NE(payloadDiff("{" + k + ": [" + one + "]}", "{" + k + ": [" + one + ", " + two + "]}", "subscribe")
                  .find(k + " alternative added: consumers may receive a shape they do not expect "
                            "[contract-breaking-change]"),
              std::string::npos)
        << k;
    EXPECT_NE(payloadDiff("{" + k + ": [" + one + ", " + two + "]}", "{" + k + ": [" + one + "]}", "publish")
                  .find(k + " alternative removed: producers' messages of the removed shape are rejected "
                            "[contract-breaking-change]"),
              std::string::npos)
        << k;
    EXPECT_NE(payloadDiff("{" + k + ": [" + one + "]}", "{" + k + ": [" + one + ", " + two + "]}", "publish")
                  .find(k + " alternative added: the producers are unaffected [contract-compatible-change]"),
              std::string::npos)
        << k;
  }
  // A $ref swapped for its inline twin is no change.
  EXPECT_EQ(payloadDiff("{$ref: '#/components/schemas/P'}", one, "publish"), "");
  EXPECT_EQ(payloadDiff("{allOf: [{$ref: '#/components/schemas/P'}]}", "{allOf: [" + one + "]}", "subscribe"), "");
  // The discriminator picks the alternative: another one breaks both sides.
  EXPECT_NE(payloadDiff("{discriminator: kind, oneOf: [" + one + "]}", "{discriminator: type, oneOf: [" + one + "]}",
                        "subscribe")
                .find("discriminator changed: the two sides pick alternatives by different properties "
                      "[contract-breaking-change]"),
            std::string::npos);
}

} // namespace

namespace {

// --- 6. Payload formats -------------------------------------------------------------------

TEST(AsyncApiSpec, AvroAndProtobufPayloadsReadIntoTheSameFieldTree) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: ['*.yaml']\nrules:\n  message-without-id: {}\n");
  std::string proto = readFile(fixture("formats/proto.yaml"));
  dir.write("proto.yaml", proto);
  // The Protobuf message has an `id` field (it was read as a string, so no fields before).
  CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
  EXPECT_EQ(r.out.find("message-without-id"), std::string::npos) << r.out;
  std::string noId = proto;
  noId.replace(noId.find("string id = 1;"), 14, "string name = 1;");
  dir.write("proto.yaml", noId);
  r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
  EXPECT_NE(r.out.find("proto.yaml:8:9: warning: message 'Order' is consumed but has no id field"), std::string::npos)
      << r.out;

  // The diff judges Avro fields by direction (users: `publish`, the service receives).
  std::string avro = readFile(fixture("formats/avro.yaml"));
  auto changed = [&](const std::string &from, const std::string &to) {
    std::string after = avro;
    after.replace(after.find(from), from.size(), to);
    dir.write("old/a.yaml", avro);
    dir.write("new/a.yaml", after);
    return runEventscope({"contract", "diff", "-q", "old/a.yaml", "new/a.yaml"}, dir.path()).out;
  };
  EXPECT_NE(changed("{name: eventId, type: string}", "{name: eventId, type: long}")
                .find("/payload/properties/eventId/type: type changed: the two sides no longer agree "
                      "[contract-breaking-change]"),
            std::string::npos);
  // A field without a default is required: producers that omit it are rejected.
  EXPECT_NE(changed("{name: age, type: [\"null\", int], default: null}", "{name: age, type: int}")
                .find("property 'age' newly required: producers that omit it are rejected [contract-breaking-change]"),
            std::string::npos);
  // Protobuf too: a field's type changed.
  dir.write("old/p.yaml", proto);
  std::string retyped = proto;
  retyped.replace(retyped.find("int32 qty = 2;"), 14, "string qty = 2;");
  dir.write("new/p.yaml", retyped);
  CommandResult diff = runEventscope({"contract", "diff", "-q", "old/p.yaml", "new/p.yaml"}, dir.path());
  EXPECT_NE(diff.out.find("/payload/properties/items/items/properties/qty/type: type changed"), std::string::npos)
      << diff.out;
}

TEST(AsyncApiSpec, AFormatNotReadIsSaidSoAndABadProtobufIsAnError) {
  TempDir dir;
  auto raml = [](const std::string &type) {
    return "asyncapi: 2.6.0\ninfo: {title: r, version: 1.0.0}\nchannels:\n  c:\n    publish:\n      message:\n"
           "        schemaFormat: application/raml+yaml;version=1.0\n        payload: {type: " + type + "}\n";
  };
  dir.write("old.yaml", raml("string"));
  dir.write("new.yaml", raml("number"));
  CommandResult r = runEventscope({"contract", "diff", "-q", "old.yaml", "new.yaml"}, dir.path());
  EXPECT_NE(r.out.find("payload in schema format 'application/raml+yaml;version=1.0', which eventscope does not read: "
                       "not compared [contract-unclassified-change]"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("non-schema value"), std::string::npos);

  dir.write("bad/eventscope.yaml", "contracts: ['*.yaml']\n");
  dir.write("bad/q.yaml", "asyncapi: 3.0.0\ninfo: {title: q, version: 1.0.0}\nchannels:\n  c:\n    address: c\n"
                          "    messages:\n      M:\n        payload:\n"
                          "          schemaFormat: application/vnd.google.protobuf;version=3\n"
                          "          schema: \"message M { string id = 1 }\"\n"
                          "operations:\n  r: {action: receive, channel: {$ref: '#/channels/c'}}\n");
  r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path() + "/bad");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("q.yaml:9:11: the payload (schemaFormat 'application/vnd.google.protobuf;version=3') does not "
                       "read: line 1 of the Protobuf schema: expected ';', found '}' (at /channels/c/messages/M/payload)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

} // namespace

namespace {

// --- Found by a new user on public documents (asyncapi/generator, lerenn/asyncapi-codegen,
// the spec's Kraken and Slack examples) --------------------------------------------------

TEST(AsyncApiSpec, APointerThroughAChannelThatIsARefFollowsIt) {
  // `#/channels/echo/messages/echo` where `/channels/echo` is itself a $ref.
  TempDir dir;
  dir.write("api.yaml", R"(asyncapi: 3.0.0
info: {title: local, version: 1.0.0}
channels:
  echo:
    $ref: '#/components/channels/echo'
operations:
  sendEcho:
    action: send
    channel: {$ref: '#/channels/echo'}
    messages:
      - $ref: '#/channels/echo/messages/echo'
components:
  channels:
    echo:
      address: /
      messages:
        echo:
          payload: {type: object, properties: {a: {type: string}}}
)");
  nlohmann::json doc = reading(dir.path(), "api.yaml");
  EXPECT_EQ(doc["operations"], nlohmann::json::parse(R"([{"channel": "/", "role": "produce", "secured": false,
    "messages": [{"headers": [], "payload": ["a"]}]}])"));
}

TEST(AsyncApiSpec, RepliesAreNeitherCyclesNorTyposNorConsumedMessages) {
  // onWs receives `Req` on `/` and replies `Ack` on `/`; onPing receives v3.issue130.ping and
  // replies on v3.issue130.pong. Before: an event cycle on `/`, "did you mean pong?", and
  // `Ack` (only ever sent) reported as a consumed message without an id.
  EXPECT_EQ(findings(fixture("reply-same-channel"), 1),
            "pinger.yaml:4:54: warning: message 'Ping' is consumed but has no id field in its headers or payload "
            "(looked for: id, ...); consumers cannot deduplicate redeliveries [message-without-id]\n"
            "pinger.yaml:6:36: warning: message 'Req' is consumed but has no id field in its headers or payload "
            "(looked for: id, ...); consumers cannot deduplicate redeliveries [message-without-id]\n"
            "pinger.yaml:9:5: error: 'v3.issue130.ping' is consumed by pinger but no service produces it "
            "[unproduced-event]\n"
            "pinger.yaml:11:12: warning: 'v3.issue130.pong' is produced by pinger but no service consumes it "
            "[unconsumed-event]\n");
}

} // namespace

namespace {

TEST(AsyncApiSpec, AJudgedKeywordThatChangesIsNeverDroppedSilently) {
  // Draft 04's boolean exclusiveMinimum: it tightens or loosens `minimum`. It was compared as
  // a number only, and a change to it vanished.
  EXPECT_NE(payloadDiff("{type: number, minimum: 5, exclusiveMinimum: false}",
                        "{type: number, minimum: 5, exclusiveMinimum: true}", "publish")
                .find("exclusiveMinimum made the bound exclusive: values the producers send may now be rejected "
                      "[contract-breaking-change]"),
            std::string::npos);
  EXPECT_NE(payloadDiff("{type: number, maximum: 5, exclusiveMaximum: true}", "{type: number, maximum: 5}", "subscribe")
                .find("exclusiveMaximum made the bound inclusive: consumers may receive values they never validated "
                      "[contract-breaking-change]"),
            std::string::npos);
  // A judged keyword with a value of a type no comparison expects: said, unclassified.
  EXPECT_NE(payloadDiff("{type: string, minLength: '1'}", "{type: string, minLength: '2'}", "publish")
                .find("/minLength: 'minLength' changed in a way eventscope does not judge [contract-unclassified-change]"),
            std::string::npos);
  // Sets reordered are no change.
  EXPECT_EQ(payloadDiff("{type: object, properties: {a: {}, b: {}}, required: [a, b]}",
                        "{type: object, properties: {a: {}, b: {}}, required: [b, a]}", "publish"),
            "");
  EXPECT_EQ(payloadDiff("{type: string, enum: [x, y]}", "{type: string, enum: [y, x]}", "subscribe"), "");
}

} // namespace

namespace {

TEST(AsyncApiSpec, ImportedProtobufTypesAreFieldsNotErrors) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: ['*.yaml']\n");
  // A type from an import is a field of unknown shape, a well-known one as JSON maps it;
  // neither is an error.
  dir.write("p.yaml", R"(asyncapi: 3.0.0
info: {title: p, version: 1.0.0}
channels:
  c:
    address: c
    messages:
      M:
        payload:
          schemaFormat: application/vnd.google.protobuf;version=3
          schema: |
            syntax = "proto3";
            import "google/protobuf/timestamp.proto";
            import "money.proto";
            message M { string id = 1; google.protobuf.Timestamp at = 2; shop.Money total = 3; }
operations:
  r: {action: receive, channel: {$ref: '#/channels/c'}}
)");
  CommandResult r = runEventscope({"check", "-q", "--no-cache", "."}, dir.path());
  EXPECT_NE(r.exitCode, 2) << r.err;
  EXPECT_EQ(r.out.find("message-without-id"), std::string::npos) << r.out;
}

} // namespace
