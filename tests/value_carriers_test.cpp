// Issue 17: values carried by what later statements do rather than by one expression:
// string members set in other translation units, fluent builders, containers a function
// never changes, C's file-local char variables, buffers a printf fills, and local strings
// that change after their initialiser (which must then stop being that initialiser).
#include "extraction_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace eventscope;
using eventscope::testing::analyze;
using eventscope::testing::Extracted;
using eventscope::testing::TempDir;
using eventscope::testing::CommandResult;
using eventscope::testing::runEventscope;

namespace {

// eventscope.yaml with one service, `app`, over every file: `sources` (a YAML list),
// include/ on the include path when the test has one, and `apis` entries (YAML lines).
std::string appConfig(const std::string &sources, const std::string &apis, bool includeDir = true) {
  return "sources: " + sources + (includeDir ? "\ninclude_dirs: [include]" : "") + "\nservices:\n  app: [\"**\"]\napis:\n" +
         apis;
}

const char *const kBusPublish = "  - {function: \"bus_publish\", role: produce, channel: {arg: 0}}\n";

} // namespace

namespace {

// A string member written in one translation unit and read in another (mosquitto_ctrl: the
// command module sets `ctrl->request_topic = strdup("$CONTROL/...")`, the client module
// publishes to it): the reader gets the values the other units give it. A null pointer is
// no value; a member also given a value that is not constant, or changed in place, stays
// unresolved, and the reason names the member and where.
TEST(ValueFlow, StringMembersWrittenInOtherTranslationUnits) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["**/*.c", "**/*.cpp"]
include_dirs: [include]
services:
  ctrl: ["ctrl/**"]
  node: ["node/**"]
apis:
  - {function: "bus_publish", role: produce, channel: {arg: 0}}
)");
  dir.write("include/bus.h", R"(#pragma once
#ifdef __cplusplus
extern "C" {
#endif
void bus_publish(const char *topic);
#ifdef __cplusplus
}
#endif
)");
  dir.write("ctrl/ctrl.h", R"(#pragma once
struct ctrl { char *request_topic; char *reply_topic; char *free_topic; };
)");
  dir.write("ctrl/command.c", R"(#include "ctrl.h"
#include <string.h>
void command(struct ctrl *c, const char *name, int v5) {
  c->request_topic = strdup(v5 ? "$CONTROL/v5" : "$CONTROL/v1");
  c->reply_topic = strdup("$CONTROL/reply");
  c->free_topic = strdup(name);
}
)");
  dir.write("ctrl/client.c", R"(#include "ctrl.h"
#include <bus.h>
#include <stdlib.h>
void send(struct ctrl *c) {
  bus_publish(c->request_topic);
  free(c->request_topic);
  c->request_topic = NULL;
  bus_publish(c->reply_topic);
  bus_publish(c->free_topic);
}
)");
  dir.write("node/node.h", R"(#pragma once
#include <string>
class Node {
public:
  Node();
  void tick();
  void rename(const std::string &suffix);
private:
  std::string topic_;
  std::string log_ = "node/log";
  std::string status_;
};
)");
  dir.write("node/node.cpp", R"(#include "node.h"
Node::Node() : topic_("node/state") {}
void Node::rename(const std::string &suffix) { status_ += suffix; }
)");
  dir.write("node/tick.cpp", R"(#include "node.h"
#include <bus.h>
void Node::tick() {
  bus_publish(topic_.c_str());
  bus_publish(log_.c_str());
  bus_publish(status_.c_str());
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "ctrl produce $CONTROL/reply ctrl/client.c:8:3",
                             "ctrl produce $CONTROL/v1 ctrl/client.c:5:3",
                             "ctrl produce $CONTROL/v5 ctrl/client.c:5:3",
                             "node produce node/log node/tick.cpp:5:3",
                             "node produce node/state node/tick.cpp:4:3",
                         }));
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{
                "ctrl/client.c:9:3 bus_publish: member 'free_topic' is given a value that is not constant at "
                "ctrl/command.c:6:19 (the value is a parameter of an enclosing function)",
                "node/tick.cpp:6:3 bus_publish: member 'status_' is changed in place (`+=`, a non-const method or "
                "reference, a `char *` argument)",
            }));
}

} // namespace

namespace {

// Fluent builders (issue 17 item 2): a setter that returns its own object keeps the handle
// the builder's constructor made (`MessageBuilder("orders").partition(0)`), with or without
// a visible body, through CRTP's static_cast<Derived &>(*this) too; a member of the chain's
// result is what the last setter stored in it. A method that returns another object is not
// a setter.
TEST(ValueFlow, FluentBuildersKeepTheirChannel) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["**/*.cpp"])", R"(  - {function: "kafka::MessageBuilder::MessageBuilder", role: handle, channel: {arg: 0}}
  - {function: "kafka::Keyed::Keyed", role: handle, channel: {arg: 0}}
  - {function: "kafka::Producer::produce", role: produce, channel: {arg: 0}}
  - {function: "bus::publish", role: produce, channel: {arg: 0}}
)"));
  dir.write("include/kafka.h", R"(#pragma once
#include <string>
namespace kafka {
class MessageBuilder {
public:
  explicit MessageBuilder(std::string topic);
  MessageBuilder &partition(int p); // in the library's .cpp
  MessageBuilder &payload(const std::string &p) { payload_ = p; return *this; }
  MessageBuilder &retry() { return *next_; }
private:
  std::string payload_;
  MessageBuilder *next_ = nullptr;
};
template <class Derived> class Basic {
public:
  Derived &key(std::string k) { key_ = std::move(k); return static_cast<Derived &>(*this); }
private:
  std::string key_;
};
class Keyed : public Basic<Keyed> {
public:
  explicit Keyed(std::string topic);
  Keyed &partition(int) { return *this; }
};
class Producer {
public:
  void produce(const MessageBuilder &message);
  void produce(const Keyed &message);
};
}
namespace bus { void publish(const std::string &topic); }
)");
  dir.write("app.cpp", R"(#include <kafka.h>
#include <utility>
struct Options {
  std::string topic_;
  int qos_ = 0;
  Options &topic(std::string t) { topic_ = std::move(t); return *this; }
  Options &qos(int q) { qos_ = q; return *this; }
};
void run(kafka::Producer &producer) {
  producer.produce(kafka::MessageBuilder("orders").partition(0).payload("x"));
  kafka::MessageBuilder refunds("refunds");
  refunds.partition(1);
  producer.produce(refunds);
  auto audit = kafka::MessageBuilder("audit").payload("y");
  producer.produce(audit);
  producer.produce(kafka::Keyed("keyed").key("k").partition(2));
  bus::publish(Options().topic("options").qos(1).topic_);
  producer.produce(kafka::MessageBuilder("first").retry());
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce audit app.cpp:15:12",
                             "app produce keyed app.cpp:16:12",
                             "app produce options app.cpp:17:3",
                             "app produce orders app.cpp:10:12",
                             "app produce refunds app.cpp:13:12",
                         }));
  EXPECT_EQ(x.unresolved.size(), 1u) << ::testing::PrintToString(x.unresolved);
  EXPECT_EQ(x.unresolved.count("app.cpp:18:12 kafka::Producer::produce: the value is the result of a call to "
                               "kafka::MessageBuilder::retry"),
            1u)
      << ::testing::PrintToString(x.unresolved);
}

} // namespace

namespace {

// A local container its function never changes (by Clang's ExprMutationAnalyzer) is as good
// as a const one: `names[0]` is the first string of its braced list, `names.at(i)` one of
// them. One that grows or has an element assigned stays unresolved. A constant index picks
// its element from a C array too.
TEST(ValueFlow, ContainersTheFunctionNeverChanges) {
  TempDir dir;
  dir.write("eventscope.yaml",
            appConfig(R"(["**/*.cpp"])", "  - {function: \"bus::publish\", role: produce, channel: {arg: 0}}\n"));
  dir.write("include/bus.h", "#pragma once\n#include <string>\nnamespace bus { void publish(const std::string &t); }\n");
  dir.write("app.cpp", R"(#include <bus.h>
#include <array>
#include <string>
#include <vector>
void run(int i) {
  std::vector<std::string> names{"a", "b"};
  bus::publish(names[0]);
  bus::publish(names.at(i));
  std::vector<std::string> grown{"c"};
  grown.push_back("d");
  bus::publish(grown[0]);
  std::vector<std::string> changed{"e"};
  changed[0] = "f";
  bus::publish(changed[0]);
  std::array<std::string, 2> pair{{"g", "h"}};
  bus::publish(pair[1]);
  const char *topics[] = {"i", "j"};
  bus::publish(topics[1]);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce a app.cpp:7:3",
                             "app produce a app.cpp:8:3",
                             "app produce b app.cpp:8:3",
                             "app produce h app.cpp:16:3",
                             "app produce j app.cpp:18:3",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "app.cpp:11:3 bus::publish: the value is the result of a call to "
                              "std::vector<std::basic_string<char>>::operator[]",
                              "app.cpp:14:3 bus::publish: the value is the result of a call to "
                              "std::vector<std::basic_string<char>>::operator[]",
                          }));
}

// A settings map read by a constant key (anubhavrohatgi/KClient: `params["topic"] = "test"`
// in main, overridden by a hand-written `--topic` loop, and `params.at("topic")` in the
// functions main hands the map to): the constant is the setting's default; `parameters:`
// gives it. A key written with a value that is not known, or a map copied whole, stays
// unresolved.
TEST(ValueFlow, SettingsMapsReadByAConstantKey) {
  TempDir dir;
  dir.write("eventscope.yaml",
            appConfig(R"(["**/*.cpp"])", "  - {function: \"bus::publish\", role: produce, channel: {arg: 0}}\n"));
  dir.write("include/bus.h", "#pragma once\n#include <string>\nnamespace bus { void publish(const std::string &t); }\n");
  dir.write("app.cpp", R"(#include <bus.h>
#include <cstring>
#include <map>
#include <string>
std::string lookup(const std::string &k);
void produce(const std::map<std::string, std::string> &params) { bus::publish(params.at("topic")); }
void audit(const std::map<std::string, std::string> &params) { bus::publish(params.find("audit")->second); }
void other(std::map<std::string, std::string> params) { bus::publish(params["other"]); }
int main(int argc, char **argv) {
  std::map<std::string, std::string> params;
  params["topic"] = "test";
  params["audit"] = "audit.a";
  params["other"] = lookup("x");
  for (int i = 0; i < argc; i++)
    if (strcmp(argv[i], "--topic") == 0)
      params["topic"] = argv[++i];
  produce(params);
  audit(params);
  other(params);
  std::map<std::string, std::string> local{{"k", "v"}};
  local["k"] = "w";
  bus::publish(local["k"]);
  std::map<std::string, std::string> copied;
  copied["k"] = "c";
  copied = params;
  bus::publish(copied["k"]);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce audit.a app.cpp:7:64",
                             "app produce test app.cpp:6:66 {default topic}",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "app.cpp:22:3 bus::publish: the value is the result of a call to "
                              "std::map<std::basic_string<char>, std::basic_string<char>>::operator[]",
                              "app.cpp:26:3 bus::publish: the value is the result of a call to "
                              "std::map<std::basic_string<char>, std::basic_string<char>>::operator[]",
                              // The map's element is given where other() is called: the value
                              // written there under "other" is what is not known.
                              "app.cpp:19:3 other: the value is the result of a call to lookup",
                          }));
}

} // namespace

namespace {

// C keeps topics in file-local variables that are not const (a string literal is a
// `char[]` in C): `static char kTopic[] = "..."` and `static char *kTopic = "..."` are
// constants when the file only reads them (the array only as `const char *`). Written,
// reassigned, handed to a `char *` parameter the callee writes through (or one whose body is
// not seen), to scanf, or visible to other files: unresolved.
TEST(ValueFlow, FileLocalCharVariablesOnlyReadAreConstants) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["*.c"])", kBusPublish, /*includeDir=*/false));
  dir.write("a.c", R"(void bus_publish(const char *topic);
void fill(char *buffer);
static char kArray[] = "c/array";
static char *kPointer = "c/pointer";
static char kChanged[] = "c/changed";
static char *kMoved = "c/moved";
static char kPassed[] = "c/passed";
char kExported[] = "c/exported";
void run(void) {
  bus_publish(kArray);
  bus_publish(kPointer);
  kChanged[0] = 'x';
  bus_publish(kChanged);
  kMoved = "c/other";
  bus_publish(kMoved);
  fill(kPassed);
  bus_publish(kPassed);
  bus_publish(kExported);
}
void log_line(const char *format, ...);
int sscanf(const char *s, const char *format, ...);
static char kReadOnly[] = "c/readonly";
static char kWrittenThrough[] = "c/written";
static char kScanned[] = "c/scanned";
static void show(char *topic) { bus_publish(topic); }
static void clobber(char *topic) { topic[0] = 'x'; }
void more(const char *line) {
  show(kReadOnly);
  log_line("publishing to %s", kReadOnly);
  bus_publish(kReadOnly);
  clobber(kWrittenThrough);
  bus_publish(kWrittenThrough);
  sscanf(line, "%s", kScanned);
  bus_publish(kScanned);
}
)");
  Extracted x = analyze(dir);
  // kMoved: assigned just before its use, in the reading function (session 38).
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce c/array a.c:10:3", "app produce c/other a.c:15:3",
                                                "app produce c/pointer a.c:11:3", "app produce c/readonly a.c:28:3",
                                                "app produce c/readonly a.c:30:3"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "a.c:13:3 bus_publish: the value of variable 'kChanged' can change at run time",
                              "a.c:17:3 bus_publish: the value of variable 'kPassed' can change at run time",
                              "a.c:18:3 bus_publish: the value of variable 'kExported' can change at run time",
                              "a.c:32:3 bus_publish: the value of variable 'kWrittenThrough' can change at run time",
                              "a.c:34:3 bus_publish: the value of variable 'kScanned' can change at run time",
                          }));
}

} // namespace

namespace {

// A local string is its initialiser only while nothing changes it: appended to a name, it is
// unresolved, never the initial text; a char array written by one strcpy and otherwise only
// read is what it copies (`char buf[8] = ""; strcpy(buf, "x");` is x, never ""); reassigned only constants, it is
// one of them (`topic = "a"; if (f) topic = "b";` is a or b). A char buffer
// written once by snprintf/sprintf and otherwise only read is the pattern the call prints
// (Clang's own printf format parser: `%s` of a run-time value is `{name}`, constants are
// spliced in, `%%` is `%`, `*` widths take their argument). A namespace-scope pointer read
// inside a braced list (`names{kTopic}`) is still only read.
TEST(ValueFlow, LocalStringsThatChangeAndBuffersThatAPrintfFills) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["*.c", "*.cpp"])", kBusPublish, /*includeDir=*/false));
  dir.write("a.c", R"(#include <stdio.h>
#include <string.h>
void bus_publish(const char *topic);
void status(const char *id, int n) {
  char topic[64];
  snprintf(topic, sizeof topic, "fleet/%s/status/%d", id, 7);
  bus_publish(topic);
  char other[32];
  sprintf(other, "fleet/%%/%s", "const");
  bus_publish(other);
  char twice[32];
  sprintf(twice, "a/%d", n);
  strcat(twice, "/b");
  bus_publish(twice);
  char star[32];
  snprintf(star, 32, "w/%*d/x", 4, n);
  bus_publish(star);
  char copied[8] = "";
  strcpy(copied, "x");
  bus_publish(copied);
}
)");
  dir.write("b.cpp", R"(#include <string>
#include <vector>
extern "C" void bus_publish(const char *topic);
namespace { const char *kTopic = "listed"; }
void other(bool f) {
  std::string topic = "a";
  if (f) topic = "b";
  bus_publish(topic.c_str());
  std::string grown = "g";
  grown += "/h";
  bus_publish(grown.c_str());
  std::vector<std::string> names{kTopic};
  bus_publish(names[0].c_str());
  bus_publish(kTopic);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce a b.cpp:8:3",
                             "app produce b b.cpp:8:3",
                             "app produce fleet/%/const a.c:10:3",
                             "app produce g/h b.cpp:11:3",
                             "app produce fleet/{id}/status/7 a.c:7:3",
                             "app produce listed b.cpp:13:3",
                             "app produce listed b.cpp:14:3",
                             "app produce w/{n}/x a.c:17:3",
                             "app produce x a.c:20:3",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "a.c:14:3 bus_publish: char buffer 'twice' is filled at run time, not by a single "
                              "sprintf or snprintf of its own",
                          }));
}

// A name built by appending in straight-line code (`std::string topic; topic += "/fleet/";
// topic += robot; topic.append("/status")`, session 19's ROS 2 set): the text so far, then
// each piece. An append in a loop or under a condition leaves the name unresolved.
TEST(ValueFlow, NamesBuiltByAppendingOnTheStraightWay) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["*.cpp"])", kBusPublish, /*includeDir=*/false));
  dir.write("b.cpp", R"(#include <string>
extern "C" void bus_publish(const char *topic);
void f(const std::string &robot, bool b) {
  std::string topic;
  topic += "/fleet/";
  topic += robot;
  topic.append("/status");
  bus_publish(topic.c_str());
  std::string other = "alerts";
  other += ".high";
  bus_publish(other.c_str());
  other += ".again";
  bus_publish(other.c_str());
  std::string looped = "x";
  for (int i = 0; i < 3; ++i)
    looped += "y";
  bus_publish(looped.c_str());
  std::string cond = "a";
  if (b)
    cond += ".b";
  bus_publish(cond.c_str());
}
)");
  Extracted x = analyze(dir);
  // Appended under a condition (once, before the read): either name (ALocalNameAppendedToOnceBeforeItIsRead).
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce /fleet/{robot}/status b.cpp:8:3",
                                                 "app produce a b.cpp:21:3", "app produce a.b b.cpp:21:3",
                                                 "app produce alerts.high b.cpp:11:3",
                                                 "app produce alerts.high.again b.cpp:13:3"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "b.cpp:17:3 bus_publish: the value of variable 'looped' changes in a loop before this use"}));
}

// jetstream (session 20's held-back Kafka set): the setting's default is given by a setter
// in the configuration's constructor, in another unit (`set("topic", defaultTopic())`), and
// read with no default of its own (`get("topic")`). The setter is described like a getter
// with a default; the reader gets that default. A setting no unit gives a default stays
// unresolved.
TEST(ValueFlow, SettingDefaultsGivenBySettersInAnotherUnit) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", std::string(kBusPublish) +
                                                                "  - {function: \"Config::get\", role: setting, name: {arg: 0}}\n"
                                                                "  - {function: \"Config::set\", role: setting, name: {arg: 0}, "
                                                                "default: {arg: 1}}\n"));
  dir.write("include/config.h", R"cpp(#pragma once
#include <string>
struct Config {
  Config();
  std::string get(const std::string &key) const;
  void set(const std::string &key, const std::string &value);
};
void bus_publish(const char *topic);
)cpp");
  dir.write("src/config.cpp", R"cpp(#include "config.h"
#include <cstdlib>
static std::string defaultTopic() {
  if (const char *topic = std::getenv("JETSTREAM_TOPIC"))
    return topic;
  return "jetstream_logs";
}
Config::Config() { set("topic", defaultTopic()); }
)cpp");
  dir.write("src/main.cpp", R"cpp(#include "config.h"
int main() {
  Config config;
  bus_publish(config.get("topic").c_str());
  bus_publish(config.get("audit_topic").c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce jetstream_logs src/main.cpp:4:3 {default topic}"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"src/main.cpp:5:3 bus_publish: the value is read from setting "
                                                  "'audit_topic', which has no default in the code (give it in "
                                                  "`parameters:`)"}));
}

// BOTBOK/mashed_taro (session 22's held-back Kafka set): topics come from the pure virtual
// getters of an interface whose implementations (in the programs that use the library) return
// literals. A call through the interface returns what any override returns, as a virtual
// call reaches every override; a member initialised from one is that too.
TEST(ValueFlow, TextReturnedByTheOverridesOfAVirtualGetter) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish));
  dir.write("include/topics.h", R"cpp(#pragma once
#include <string>
class TopicMgr {
public:
  virtual ~TopicMgr() = default;
  virtual std::string service_topic() = 0;
  virtual std::string client_topic() = 0;
};
)cpp");
  dir.write("src/client.cpp", R"cpp(#include "topics.h"
void bus_publish(const std::string &topic);
class Client {
public:
  explicit Client(TopicMgr *mgr) : mgr_(mgr), service_(mgr->service_topic()) {}
  void call() { bus_publish(service_); bus_publish(mgr_->client_topic()); }
private:
  TopicMgr *mgr_;
  std::string service_;
};
void run(TopicMgr *mgr) { Client(mgr).call(); }
)cpp");
  dir.write("src/demo.cpp", R"cpp(#include "topics.h"
class DemoTopics : public TopicMgr {
public:
  std::string service_topic() override { return "service-test"; }
  std::string client_topic() override { return "client-test"; }
};
void run(TopicMgr *mgr);
int main() {
  DemoTopics topics;
  run(&topics);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce client-test src/client.cpp:6:40",
                                                 "app produce service-test src/client.cpp:6:17"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// mashed_taro's reply topic (session 22): a request message's setter is given the topic the
// server answers on; the client only serialises the message. The setter's object never runs
// the server's publishing code, so the setter's call is no endpoint of the client.
TEST(ValueFlow, ASetterOfAMessageTheCallerOnlySerialisesIsNoEndpoint) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish));
  dir.write("include/message.h", R"cpp(#pragma once
#include <string>
class Message {
public:
  void set_reply_topic(const std::string &t) { reply_topic_ = t; }
  const std::string &reply_topic() const { return reply_topic_; }
  std::string to_string() const { return reply_topic_; }
  static Message from_string(const std::string &text);
private:
  std::string reply_topic_;
};
)cpp");
  dir.write("src/client.cpp", R"cpp(#include "message.h"
void bus_publish(const std::string &topic, const std::string &body);
void call() {
  Message msg;
  msg.set_reply_topic("client-replies");
  bus_publish("requests", msg.to_string());
}
)cpp");
  dir.write("src/server.cpp", R"cpp(#include "message.h"
void bus_publish(const std::string &topic, const std::string &body);
void onRequest(const std::string &text) {
  Message msg = Message::from_string(text);
  bus_publish(msg.reply_topic(), "done");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce requests src/client.cpp:6:3"}));
}

// jetstream (session 20's held-back Kafka set): text returned by a function whose body is in
// another unit: a method handing back a member its constructor set (given to a setter as the
// setting's default), a free function's constant, a name built from the caller's arguments
// (or a parameter's default), an environment variable's default, and a name known only in
// part, which is an endpoint and an unresolved site both.
TEST(ValueFlow, TextReturnedByAFunctionOfAnotherUnit) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", std::string(kBusPublish) +
                                                                "  - {function: \"Config::get\", role: setting, name: {arg: 0}}\n"
                                                                "  - {function: \"Config::set\", role: setting, name: {arg: 0}, "
                                                                "default: {arg: 1}}\n"));
  dir.write("include/names.h", R"cpp(#pragma once
#include <string>
struct Config {
  std::string get(const std::string &key) const;
  void set(const std::string &key, const std::string &value);
};
class Jetstream {
public:
  Jetstream();
  const std::string &getDefaultTopic() const;
private:
  std::string defaultTopic_;
};
std::string ordersTopic();
std::string topicFor(const std::string &kind = "deleted");
std::string areaTopic(const std::string &area, const std::string &kind);
const char *auditTopic();
std::string sinkTopic(bool mirrored);
void bus_publish(const char *topic);
)cpp");
  dir.write("src/names.cpp", R"cpp(#include "names.h"
#include <cstdlib>
std::string readTopicFile();
Jetstream::Jetstream() : defaultTopic_("jetstream_logs") {}
const std::string &Jetstream::getDefaultTopic() const { return defaultTopic_; }
std::string ordersTopic() { return "orders"; }
std::string topicFor(const std::string &kind) { return "shop.events." + kind; }
std::string areaTopic(const std::string &area, const std::string &kind) { return area + ".events." + kind; }
const char *auditTopic() {
  if (const char *topic = std::getenv("AUDIT_TOPIC"))
    return topic;
  return "audit";
}
std::string sinkTopic(bool mirrored) {
  if (mirrored)
    return "sink.mirror";
  return readTopicFile();
}
)cpp");
  dir.write("src/main.cpp", R"cpp(#include "names.h"
int main() {
  Jetstream jetstream;
  Config config;
  config.set("topic", jetstream.getDefaultTopic());
  bus_publish(config.get("topic").c_str());
  bus_publish(ordersTopic().c_str());
  bus_publish(topicFor("created").c_str());
  bus_publish(topicFor().c_str());
  bus_publish(auditTopic());
  bus_publish(sinkTopic(true).c_str());
  bus_publish(areaTopic("store", "opened").c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce jetstream_logs src/main.cpp:6:3 {default topic}",
                                                 "app produce orders src/main.cpp:7:3",
                                                 "app produce shop.events.created src/main.cpp:8:3",
                                                 "app produce shop.events.deleted src/main.cpp:9:3",
                                                 "app produce audit src/main.cpp:10:3 {default AUDIT_TOPIC}",
                                                 "app produce sink.mirror src/main.cpp:11:3",
                                                 "app produce store.events.opened src/main.cpp:12:3"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"src/main.cpp:11:3 bus_publish: one of the channels: the value is "
                                                  "the result of a call to readTopicFile"}));
}

// occase (session 21's held-back Redis set): boost::program_options stores an option in a
// member or a local (`po::value<std::string>(&cfg.channel)->default_value("chat")`), which
// is then the setting named after the option's long name with that default, read in this
// unit or another; the address given to po::value is not a change in place. An option
// without a default keeps the member's own initialiser as its default (an empty string when
// it has none, which names no channel).
TEST(ValueFlow, ProgramOptionsStoredInMembersAndLocals) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("config.h", R"cpp(#pragma once
#include <hiredis/hiredis.h>
#include <string>
struct Config {
  std::string channel;
  std::string stream = "jobs";
  std::string other;
};
void publishAll(redisContext *c, const Config &cfg);
)cpp");
  dir.write("main.cpp", R"cpp(#include "config.h"
#include <boost/program_options.hpp>
namespace po = boost::program_options;
int main(int argc, char **argv) {
  Config cfg;
  std::string audit;
  po::options_description desc("Options");
  desc.add_options()
    ("help,h", "help")
    ("redis-channel,r", po::value<std::string>(&cfg.channel)->default_value("chat"), "channel")
    ("stream", po::value<std::string>(&cfg.stream), "stream")
    ("audit", po::value<std::string>(&audit)->default_value("audit.log")->required(), "audit")
    ("other", po::value<std::string>(&cfg.other), "no default");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, desc), vm);
  po::notify(vm);
  redisContext *c = redisConnect("127.0.0.1", 6379);
  redisCommand(c, "PUBLISH %s x", audit.c_str());
  publishAll(c, cfg);
}
)cpp");
  dir.write("publish.cpp", R"cpp(#include "config.h"
void publishAll(redisContext *c, const Config &cfg) {
  redisCommand(c, "PUBLISH %s %s", cfg.channel.c_str(), "x");
  redisCommand(c, "XADD %s * k v", cfg.stream.c_str());
  redisCommand(c, "PUBLISH %s x", cfg.other.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce audit.log main.cpp:18:3 {default audit}",
                                                 "app produce chat publish.cpp:3:3 {default redis-channel}",
                                                 "app produce jobs publish.cpp:4:3 {default stream}"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"publish.cpp:5:3 redisCommand: the value is read from setting "
                                                  "'other', whose default in the code is empty (give it in "
                                                  "`parameters:`)"}));
}

// Session 26's held-back Kafka set (ipfixcol2, fastnetmon): an option read from the
// variables_map by name (`vm["topic"].as<std::string>()`) takes the default_value its
// declaration in the unit gives, or `parameters:`; Boost.PropertyTree's
// `pt.get<std::string>("kafka.topic", "orders")` is a setting with that default (the
// `boost-configuration` profile); one read without a default is said unresolved by name.
TEST(ValueFlow, ProgramOptionsReadFromTheVariablesMapAndPropertyTreeSettings) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\ncompile_flags: [\"-isystem\", \"/usr/include/librdkafka\"]\n"
                               "services:\n  app: [\"**\"]\nparameters:\n  kafka.alerts: alerts-prod\n");
  dir.write("main.cpp", R"cpp(#include <rdkafkacpp.h>
#include <boost/program_options.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/ini_parser.hpp>
#include <string>
namespace po = boost::program_options;
void send(RdKafka::Producer *p, const std::string &topic) {
  p->produce(topic, 0, RdKafka::Producer::RK_MSG_COPY, nullptr, 0, nullptr, 0, 0, nullptr);
}
int main(int argc, char **argv) {
  po::options_description desc("Options");
  desc.add_options()("help,h", "help")("topic,t", po::value<std::string>()->default_value("trades"), "topic")(
      "audit", po::value<std::string>(), "no default");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, desc), vm);
  boost::property_tree::ptree pt;
  boost::property_tree::ini_parser::read_ini("kafka.ini", pt);
  send(nullptr, vm["topic"].as<std::string>());
  send(nullptr, vm.at("audit").as<std::string>());
  send(nullptr, pt.get<std::string>("kafka.orders", "orders"));
  send(nullptr, pt.get("kafka.alerts", std::string("alerts")));
  send(nullptr, pt.get<std::string>("kafka.unset"));
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce trades main.cpp:18:3 {default topic}",
                                                 "app produce orders main.cpp:20:3 {default kafka.orders}",
                                                 "app produce alerts-prod main.cpp:21:3 {configured kafka.alerts}"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"main.cpp:19:3 send: the value is read from setting 'audit', which "
                                                  "has no default in the code (give it in `parameters:`)",
                                                  "main.cpp:22:3 send: the value is read from setting 'kafka.unset', "
                                                  "which has no default in the code (give it in `parameters:`)"}));
}

// Held-back udp2kafka-cpp (session 31): a topic formatted with Boost.Format
// (`(boost::format("ingest-udp-%1%-%2%") % address % port).str()`) is a pattern, its
// pieces named after the arguments; constants and numbers fill theirs; printf-style and
// `%|spec|` directives take the next argument, `%%` is a percent sign; boost::str() reads
// it as `.str()` does. A directive naming an argument not fed stays unresolved.
TEST(ValueFlow, TopicsFormattedWithBoostFormat) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\ncompile_flags: [\"-isystem\", \"/usr/include/librdkafka\"]\n"
                               "services:\n  app: [\"**\"]\n");
  dir.write("main.cpp", R"cpp(#include <rdkafkacpp.h>
#include <boost/format.hpp>
#include <string>
struct Endpoint { std::string address() const; unsigned short port() const; };
void send(RdKafka::Producer *p, const std::string &topic) {
  p->produce(topic, 0, RdKafka::Producer::RK_MSG_COPY, nullptr, 0, nullptr, 0, 0, nullptr);
}
void run(RdKafka::Producer *p, const Endpoint &endpoint) {
  auto topicName = (boost::format("ingest-udp-%1%-%2%") % endpoint.address() % endpoint.port()).str();
  send(p, topicName);
  send(p, (boost::format("%s.%d.%|05d|.100%%") % "fleet" % 7 % endpoint.port()).str());
  send(p, boost::str(boost::format("audit-%2%-%1%") % "eu" % "orders"));
  send(p, (boost::format("broken-%3%") % "a").str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce ingest-udp-{endpoint}-{endpoint} main.cpp:10:3",
                                                 "app produce fleet.7.{endpoint}.100% main.cpp:11:3",
                                                 "app produce audit-orders-eu main.cpp:12:3"}));
  EXPECT_EQ(x.unresolved.size(), 1u);
  EXPECT_EQ(x.unresolved.begin()->rfind("main.cpp:13:3 send: ", 0), 0u) << *x.unresolved.begin();
}

// ChomoSyncer (session 21's held-back Redis set): a namespace-scope `std::string` that is
// not const but never changed is its initialiser, read in this unit or, declared `extern`,
// in another; one assigned elsewhere is one of the values it is given; one changed in place
// (`+=`) in any unit is not known, and says where.
TEST(ValueFlow, NamespaceScopeStringsThatAreNotConst) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("streams.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
std::string GLOBAL_KLINES_STREAM = "global_klines_stream";
std::string g_alerts = "alerts";
std::string g_audit = "audit";
std::string g_unset;
void publish(redisContext *c) {
  redisCommand(c, "XADD %s * data %s", GLOBAL_KLINES_STREAM.c_str(), "x");
  redisCommand(c, "PUBLISH %s x", g_alerts.c_str());
}
)cpp");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
extern std::string GLOBAL_KLINES_STREAM;
extern std::string g_alerts;
extern std::string g_audit;
extern std::string g_unset;
void consume(redisContext *c) {
  redisCommand(c, "XREADGROUP GROUP g me STREAMS %s >", GLOBAL_KLINES_STREAM.c_str());
  redisCommand(c, "PUBLISH %s x", g_audit.c_str());
  redisCommand(c, "PUBLISH %s x", g_unset.c_str());
}
int main(int argc, char **argv) {
  if (argc > 1)
    g_alerts = "alerts.test";
  g_audit += "." + std::string(argv[0]);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume global_klines_stream main.cpp:8:3 [consume]",
                                                 "app produce alerts streams.cpp:9:3",
                                                 "app produce alerts.test streams.cpp:9:3",
                                                 "app produce global_klines_stream streams.cpp:8:3"}));
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{
                "main.cpp:9:3 redisCommand: variable 'g_audit' is changed in place (`+=`, a non-const method or reference)",
                "main.cpp:10:3 redisCommand: variable 'g_unset' is given no text in the analysed code"}));
}

// vpin-cpp-processor and file-tracker (session 21's held-back Kafka set): a member given
// a default, then overwritten by a configuration object read by a constant key (nlohmann's
// `j["k"]`, `j.value("k", cfg.x)`, a TOML-style `tbl->get("k")` then `value_or(cfg.x)`) is
// the setting named by the key, with the member's constants as its defaults; one with no
// constant of its own has none.
TEST(ValueFlow, MembersOverwrittenFromConfigurationObjectsByKey) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish));
  dir.write("include/config.h", R"cpp(#pragma once
#include <string>
struct Config {
  std::string output = "crypto.vpin";
  std::string audit = "audit";
  std::string tracked = "file-tracker-events";
  std::string raw;
};
void bus_publish(const char *topic);
)cpp");
  dir.write("src/loader.cpp", R"cpp(#include "config.h"
#include <nlohmann/json.hpp>
#include <optional>
struct Table {
  const std::optional<std::string> *get(const char *key) const;
};
void load(Config &cfg, const nlohmann::json &j, const Table *tbl) {
  if (j.contains("output_topic"))
    cfg.output = j["output_topic"];
  cfg.audit = j.value("audit_topic", cfg.audit);
  if (auto v = tbl->get("topic"))
    cfg.tracked = v->value_or(cfg.tracked);
  cfg.raw = j["raw_topic"].get<std::string>();
}
)cpp");
  dir.write("src/main.cpp", R"cpp(#include "config.h"
void run(const Config &cfg) {
  bus_publish(cfg.output.c_str());
  bus_publish(cfg.audit.c_str());
  bus_publish(cfg.tracked.c_str());
  bus_publish(cfg.raw.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce audit src/main.cpp:4:3 {default audit_topic}",
                                                 "app produce crypto.vpin src/main.cpp:3:3 {default output_topic}",
                                                 "app produce file-tracker-events src/main.cpp:5:3 {default topic}"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"src/main.cpp:6:3 bus_publish: the value is read from setting "
                                                  "'raw_topic', whose default in the code is empty (give it in "
                                                  "`parameters:`)"}));
}

// nowcoder_cpp_back-end (session 18's and 20's Kafka sets): a local vector declared empty,
// given a braced list of topics once (`topics = {TOPIC_COMMENT, TOPIC_LIKE};`, one constant
// from another unit), then read by a loop index into librdkafka's partition list: each topic.
TEST(ValueFlow, TopicsOfALocalVectorAssignedOnceAndReadByIndex) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("constants.cpp", "#include <string>\nextern const std::string TOPIC_COMMENT;\n"
                             "const std::string TOPIC_COMMENT = \"comment\";\n");
  dir.write("consumer.cpp", R"cpp(#include <librdkafka/rdkafka.h>
#include <string>
#include <vector>
extern const std::string TOPIC_COMMENT;
const std::string TOPIC_LIKE = "like";
void consume(rd_kafka_t *rk) {
  std::vector<std::string> topics;
  int count;
  topics = {TOPIC_COMMENT, TOPIC_LIKE};
  count = (int)topics.size();
  rd_kafka_topic_partition_list_t *subscription = rd_kafka_topic_partition_list_new(count);
  for (int i = 0; i < count; i++)
    rd_kafka_topic_partition_list_add(subscription, topics[i].c_str(), RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(rk, subscription);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume comment consumer.cpp:14:3 [consume]",
                                                 "app consume like consumer.cpp:14:3 [consume]"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// Grid-Quest (session 20's held-back Redis set): a command built by chained appends
// (`command.append(stream).append(" - +")`) in a helper whose stream is a parameter with a
// default, given at some calls and left to the default at others; a key word that is all
// run time (`"XADD " + next()`) names no channel and is reported, not made an endpoint.
TEST(ValueFlow, RedisCommandsBuiltByChainedAppendsWithDefaultArguments) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("app.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
redisContext *ctx;
struct Redis {
  void *run(const char *format) { return redisCommand(ctx, format); }
};
Redis redis;
std::string next_command();
void range(int trim, std::string streamName = "gq") {
  std::string command("XRANGE ");
  command.append(streamName).append(" - +");
  redis.run(command.c_str());
}
void put() {
  std::string s("XADD ");
  s.append(next_command());
  redis.run(s.c_str());
}
int main() {
  range(1);
  range(2, "gq:logs");
  put();
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume gq app.cpp:20:3 [main]",
                                                 "app consume gq:logs app.cpp:21:3 [main]"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"app.cpp:17:9 Redis::run: a channel of the command is known only "
                                                  "at run time ('{value}')"}));
}

// phidgets_drivers (session 19's held-back ROS 2 set): one char buffer printed again before
// each use in a loop (`snprintf(str, n, "gain%02d", i); declare(str); snprintf(str, n,
// "analog_input%02d", i); advertise(str)`). Each use reads the print last before it on the
// straight way there; a print under a condition between them leaves the use unresolved.
TEST(ValueFlow, CharBuffersPrintedAgainBeforeEachUse) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["*.c"])", kBusPublish, /*includeDir=*/false));
  dir.write("a.c", R"(#include <stdio.h>
void bus_publish(const char *topic);
void declare(const char *name);
void analog(unsigned n, int fast) {
  for (unsigned i = 0; i < n; i++) {
    char str[100];
    snprintf(str, sizeof(str), "gain%02d", i);
    declare(str);
    snprintf(str, sizeof(str), "analog_input%02d", i);
    printf("publishing to %s\n", str);
    bus_publish(str);
    snprintf(str, sizeof(str), "motor_back_emf%02d", i);
    bus_publish(str);
    snprintf(str, sizeof(str), "slow%02d", i);
    if (fast)
      snprintf(str, sizeof(str), "fast%02d", i);
    bus_publish(str);
  }
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce analog_input{i} a.c:11:5",
                                                 "app produce motor_back_emf{i} a.c:13:5"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"a.c:17:5 bus_publish: char buffer 'str' is filled at run time, "
                                                  "not by a single sprintf or snprintf of its own"}));
}

} // namespace

namespace {

// Issue 17's configuration defaults read the way command-line programs carry them: gflags'
// DEFINE_string (against Debian's gflags.h), read in the unit that defines the flag and in
// one that only declares it; `argc > N ? argv[N] : "d"`. `parameters:` wins over both.
TEST(ValueFlow, CommandLineFlagsAndArgumentsRestOnTheirDefaults) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false) + "parameters:\n  audit_topic: audit.v2\n");
  dir.write("src/flags.cpp", R"cpp(#include <gflags/gflags.h>
void bus_publish(const char *topic);
DEFINE_string(orders_topic, "orders.placed", "where orders go");
DEFINE_string(audit_topic, "audit", "where audit records go");
DEFINE_string(spare_topic, "spare", "unused here");
void publishOrder() { bus_publish(FLAGS_orders_topic.c_str()); }
)cpp");
  dir.write("src/main.cpp", R"cpp(#include <gflags/gflags.h>
#include <string>
void bus_publish(const char *topic);
DECLARE_string(orders_topic);
DECLARE_string(audit_topic);
DECLARE_string(spare_topic);
int main(int argc, char **argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  bus_publish(FLAGS_orders_topic.c_str());
  bus_publish(FLAGS_audit_topic.c_str());
  const char *alerts = argc > 1 ? argv[1] : "alerts";
  bus_publish(alerts);
  bus_publish(argv[2]);
  std::string spare = FLAGS_spare_topic;
  bus_publish(spare.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce alerts src/main.cpp:12:3 {default argv[1]}",
                             "app produce audit.v2 src/main.cpp:10:3 {configured audit_topic}",
                             "app produce orders.placed src/flags.cpp:6:23 {default orders_topic}",
                             "app produce orders.placed src/main.cpp:9:3 {default orders_topic}",
                             "app produce spare src/main.cpp:15:3 {default spare_topic}",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "src/main.cpp:13:3 bus_publish: the value is command-line argument 2 (give it in "
                              "`parameters:` as argv[2])"}));
}

// tr-sdv-sandbox/covesa-ifex-offboard-services (session 39's held-back Kafka set): a topic
// built from an integer gflags flag (`"ifex.scheduler." + std::to_string(FLAGS_content_id)`
// with `DEFINE_uint32(content_id, 202, ...)`) rests on the DEFINE's default, as a string flag
// does; `parameters:` gives it too. std::to_string of an integer constant is its text. A flag
// only declared in the unit stays a pattern piece. Before: `ifex.scheduler.{FLAGS_content_id}`.
TEST(ValueFlow, IntegerFlagsAndConstantsInToStringAreTheirText) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false) + "parameters:\n  rpc_id: \"7\"\n");
  dir.write("src/main.cpp", R"cpp(#include <gflags/gflags.h>
#include <string>
void bus_publish(const char *topic);
DEFINE_uint32(content_id, 202, "scheduler content id");
DEFINE_int64(rpc_id, 200, "rpc content id");
DECLARE_int32(other_id);
constexpr int kDiscoveryId = 201;
void run() {
  bus_publish(("ifex.scheduler." + std::to_string(FLAGS_content_id)).c_str());
  bus_publish(("ifex.rpc." + std::to_string(FLAGS_rpc_id)).c_str());
  bus_publish(("ifex.discovery." + std::to_string(kDiscoveryId)).c_str());
  bus_publish(("ifex.other." + std::to_string(FLAGS_other_id)).c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce ifex.discovery.201 src/main.cpp:11:3",
                             "app produce ifex.other.{FLAGS_other_id} src/main.cpp:12:3",
                             "app produce ifex.rpc.7 src/main.cpp:10:3 {configured rpc_id}",
                             "app produce ifex.scheduler.202 src/main.cpp:9:3 {default content_id}",
                         }));
}

// wangzhicheng2013/c-11 (session 33's held-back Redis set): a configuration struct whose
// hand-written copy constructor and operator= copy each field from the other object's
// (`channel = o.channel`). Such a copy gives the field nothing new; it once made a ring the
// resolver followed until the stack ran out (a segfault that lost the whole run). The field's
// value is what the rest of the program gives it; with nothing else, an unresolved report.
TEST(ValueFlow, AFieldCopiedFromTheSameFieldOfAnotherObjectIsNoRing) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {pub: [\"pub.cpp\"], lone: [\"lone.cpp\"]}\n");
  dir.write("config.h", R"cpp(#pragma once
#include <string>
struct Cfg {
  std::string channel;
  Cfg() {}
  Cfg(const Cfg &o) { channel = o.channel; }
  Cfg &operator=(const Cfg &o) { channel = o.channel; return *this; }
};
struct Lone {
  std::string topic;
  Lone() {}
  Lone(const Lone &o) : topic(o.topic) {}
};
)cpp");
  dir.write("pub.cpp", R"cpp(#include "config.h"
#include <hiredis/hiredis.h>
struct Pub {
  Cfg cfg;
  redisContext *c;
  void send(const char *m) { redisCommand(c, "PUBLISH %s %s", cfg.channel.c_str(), m); }
};
int main() {
  Pub p;
  Cfg given;
  given.channel = "prices";
  p.cfg = given;
  p.send("x");
}
)cpp");
  dir.write("lone.cpp", R"cpp(#include "config.h"
#include <hiredis/hiredis.h>
void send(redisContext *c, const Lone &l) { redisCommand(c, "PUBLISH %s x", l.topic.c_str()); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"pub produce prices pub.cpp:6:30"}));
  ASSERT_EQ(x.unresolved.size(), 1u) << ::testing::PrintToString(x.unresolved);
  EXPECT_NE(x.unresolved.begin()->find("lone.cpp:3:45"), std::string::npos) << *x.unresolved.begin();
}

// CapitanFindus22's anomaly detection (session 33's held-back Redis set): a local array of
// stream names filled in a loop (`in[i] = base + std::to_string(i)`), read at run-time
// indices: one of the values assigned, a pattern. An array also handed on whole, or changed in
// place, is not followed.
TEST(ValueFlow, ArrayElementsAssignedInALoopAreTheirValues) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/main.cpp", R"cpp(#include <string>
void bus_publish(const char *topic);
void fill(std::string *names, int n);
int main(int argc, char **) {
  const int n = argc;
  std::string base = "STREAM";
  std::string in[16];
  std::string out[16];
  std::string handed[16];
  for (int i = 0; i < n; i++) {
    in[i] = base + std::to_string(i);
    out[i] = "STREAM_" + std::to_string(i);
  }
  fill(handed, n);
  for (int i = 0; i < n; i++) {
    bus_publish(in[i].c_str());
    bus_publish(out[i].c_str());
    bus_publish(handed[i].c_str());
  }
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce STREAM_{i} src/main.cpp:17:5",
                                                 "app produce STREAM{i} src/main.cpp:16:5"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "src/main.cpp:18:5 bus_publish: the value is read from an array at run time"}));
}

// A ternary that tests the very variable its other side reads (kafka-cpplayground's
// `topics.empty() ? "test-topic" : topics[0]`, `name ? name : "d"`, `s.size() ? s : "d"`)
// rests on its constant: a default named after that variable. A test of something else
// (`sim ? a : "d"`) says nothing of the read side, which stays unresolved.
TEST(ValueFlow, TernariesThatTestWhatTheyReadFallBackOnTheirConstant) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false) + "parameters:\n  override: given.v2\n");
  dir.write("src/main.cpp", R"cpp(#include <string>
#include <vector>
void bus_publish(const char *topic);
const char *lookup(const char *key);
bool simulated();
int main(int argc, char **argv) {
  std::vector<std::string> topics;
  for (int i = 1; i < argc; i++) topics.push_back(argv[i]);
  std::string first = topics.empty() ? "test-topic" : topics[0];
  bus_publish(first.c_str());
  const char *name = lookup("name");
  bus_publish(name ? name : "named.default");
  std::string s = lookup("s");
  bus_publish((s.size() == 0 ? std::string("sized.default") : s).c_str());
  const char *override = lookup("o");
  bus_publish(override != nullptr ? override : "override.default");
  const char *other = lookup("other");
  bus_publish(simulated() ? other : "sim.default");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce given.v2 src/main.cpp:16:3 {configured override}",
                             "app produce named.default src/main.cpp:12:3 {default name}",
                             "app produce sized.default src/main.cpp:14:3 {default s}",
                             "app produce test-topic src/main.cpp:10:3 {default topics}",
                         }));
  ASSERT_EQ(x.unresolved.size(), 1u) << ::testing::PrintToString(x.unresolved);
  EXPECT_NE(x.unresolved.begin()->find("src/main.cpp:18:3"), std::string::npos) << *x.unresolved.begin();
}

// packetpipe (session 22's held-back Kafka set): a configuration struct's defaults in a
// header, a hand-written argument loop in another unit (`arg == "--kafka-topic"` of a
// std::string_view, the value from a helper given `argc, argv`; getopt's `optarg` in a
// switch), and a producer that copies the member in its constructor. The defaults are the
// channels, named by the option compared or by the member; a member copied from one whose
// value is not known says so.
TEST(ValueFlow, MembersAHandWrittenArgumentParserMayReplaceRestOnTheirDefaults) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"src/*.cpp\"]\nservices:\n  pipe: [\"**\"]\n");
  dir.write("src/config.h", R"cpp(#pragma once
#include <string>
struct AppConfig {
  std::string kafka_topic{"pipe.flows"};
  std::string audit_topic{"pipe.audit"};
  std::string reply_topic;
};
AppConfig parse_long(int argc, char *argv[]);
AppConfig parse_short(int argc, char **argv);
)cpp");
  dir.write("src/parser.cpp", R"cpp(#include "config.h"
#include <getopt.h>
#include <string_view>
namespace {
std::string next_arg(int argc, char *argv[], int &i) {
  if (++i >= argc) throw 1;
  return argv[i];
}
std::string computed(int n) { return n > 2 ? std::string(n, 'x') : std::string("y"); }
}
AppConfig parse_long(int argc, char *argv[]) {
  AppConfig cfg;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--kafka-topic")
      cfg.kafka_topic = next_arg(argc, argv, i);
  }
  cfg.reply_topic = computed(argc);
  return cfg;
}
AppConfig parse_short(int argc, char **argv) {
  AppConfig cfg;
  for (int c; (c = getopt(argc, argv, "a:")) != -1;)
    switch (c) {
    case 'a': cfg.audit_topic = optarg; break;
    }
  return cfg;
}
)cpp");
  dir.write("src/producer.cpp", R"cpp(#include "config.h"
#include <librdkafka/rdkafkacpp.h>
class Producer {
public:
  explicit Producer(const AppConfig &cfg) : topic_(cfg.kafka_topic), audit_(cfg.audit_topic), reply_(cfg.reply_topic) {}
  void send(RdKafka::Producer *p, std::string v) {
    p->produce(topic_, 0, RdKafka::Producer::RK_MSG_COPY, v.data(), v.size(), nullptr, 0, 0, nullptr);
    p->produce(audit_, 0, RdKafka::Producer::RK_MSG_COPY, v.data(), v.size(), nullptr, 0, 0, nullptr);
    p->produce(reply_, 0, RdKafka::Producer::RK_MSG_COPY, v.data(), v.size(), nullptr, 0, 0, nullptr);
  }
private:
  std::string topic_, audit_, reply_;
};
void run(RdKafka::Producer *p, int argc, char **argv) { Producer(parse_long(argc, argv)).send(p, "x"); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "pipe produce pipe.audit src/producer.cpp:8:8 {default audit_topic}",
                             "pipe produce pipe.flows src/producer.cpp:7:8 {default --kafka-topic}",
                         }));
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{"src/producer.cpp:9:8 RdKafka::Producer::produce: member 'reply_topic' is given a "
                                   "value that is not constant at src/parser.cpp:18:21 (the value is the result of "
                                   "a call to (anonymous namespace)::computed)"}));
}

} // namespace

namespace {

// Abseil's flags, against Debian's absl/flags/flag.h: `absl::GetFlag(FLAGS_x)` of an
// ABSL_FLAG defined in this unit or only declared (ABSL_DECLARE_FLAG) here, directly or
// through a local; `parameters:` wins over the default. A flag that is not a string, or
// another function named GetFlag, is no setting.
TEST(ValueFlow, AbseilFlagsRestOnTheirDefaults) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false) + "parameters:\n  audit_topic: audit.v2\n");
  dir.write("src/flags.cpp", R"cpp(#include <absl/flags/flag.h>
#include <string>
void bus_publish(const char *topic);
ABSL_FLAG(std::string, orders_topic, "orders.placed", "where orders go");
ABSL_FLAG(std::string, audit_topic, "audit", "where audit records go");
ABSL_FLAG(int, partitions, 3, "not a name");
void publishOrder() { bus_publish(absl::GetFlag(FLAGS_orders_topic).c_str()); }
)cpp");
  dir.write("src/main.cpp", R"cpp(#include <absl/flags/declare.h>
#include <absl/flags/flag.h>
#include <string>
void bus_publish(const char *topic);
ABSL_DECLARE_FLAG(std::string, orders_topic);
ABSL_DECLARE_FLAG(std::string, audit_topic);
namespace cfg { std::string GetFlag(const char *name); }
int main() {
  std::string orders = absl::GetFlag(FLAGS_orders_topic);
  bus_publish(orders.c_str());
  bus_publish(absl::GetFlag(FLAGS_audit_topic).c_str());
  bus_publish(cfg::GetFlag("other").c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce audit.v2 src/main.cpp:11:3 {configured audit_topic}",
                             "app produce orders.placed src/flags.cpp:7:23 {default orders_topic}",
                             "app produce orders.placed src/main.cpp:10:3 {default orders_topic}",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"src/main.cpp:12:3 bus_publish: the value is the result of a call "
                                                 "to cfg::GetFlag"}));
}

} // namespace

namespace {

// A local string a project function fills through a reference or pointer parameter
// (`loadTopic(t)`), otherwise only read: the constants the function assigns, with the
// initial value when the function may leave it. A function that writes something not
// constant, or a variable also changed elsewhere, stays unresolved.
TEST(ValueFlow, StringsFilledThroughAReferenceParameter) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/app.cpp", R"cpp(#include <string>
void bus_publish(const char *topic);
void loadTopic(std::string &out) { out = "orders.placed"; }
void pickTopic(std::string *out, bool urgent) {
  if (urgent)
    *out = "orders.urgent";
}
void readTopic(std::string &out, const std::string &from) { out = from; }
void run(bool urgent, const std::string &name) {
  std::string a;
  loadTopic(a);
  bus_publish(a.c_str());
  std::string b = "orders.normal";
  pickTopic(&b, urgent);
  bus_publish(b.c_str());
  std::string c;
  readTopic(c, name);
  bus_publish(c.c_str());
  std::string d;
  loadTopic(d);
  d += ".v2";
  bus_publish(d.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce orders.normal src/app.cpp:15:3",
                             "app produce orders.placed src/app.cpp:12:3",
                             "app produce orders.urgent src/app.cpp:15:3",
                         }));
  EXPECT_EQ(x.unresolved.size(), 2u);
  for (const std::string &site : x.unresolved)
    EXPECT_TRUE(site.starts_with("src/app.cpp:18:3 ") || site.starts_with("src/app.cpp:22:3 ")) << site;
}

} // namespace

namespace {

// A range-for over a container of constants the function never changes (a local vector,
// a const array, a braced list): the loop variable is each element. A container the
// function changes, or a loop variable changed in the loop, is not followed.
TEST(ValueFlow, RangeForOverContainersOfConstants) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/app.cpp", R"cpp(#include <string>
#include <vector>
void bus_publish(const char *topic);
static const char *const kFeeds[] = {"feed.a", "feed.b"};
void run(const std::string &extra) {
  std::vector<std::string> topics{"intc", "amd"};
  for (auto &&topic : topics)
    bus_publish(topic.c_str());
  for (const char *feed : kFeeds)
    bus_publish(feed);
  for (const char *t : {"x.one", "x.two"})
    bus_publish(t);
  std::vector<std::string> grown{"g"};
  grown.push_back(extra);
  for (const auto &t : grown)
    bus_publish(t.c_str());
  for (std::string t : topics) {
    t += ".v2";
    bus_publish(t.c_str());
  }
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce amd src/app.cpp:8:5", "app produce intc src/app.cpp:8:5",
                             "app produce feed.a src/app.cpp:10:5", "app produce feed.b src/app.cpp:10:5",
                             "app produce x.one src/app.cpp:12:5", "app produce x.two src/app.cpp:12:5",
                         }));
  EXPECT_EQ(x.unresolved.size(), 2u);
  for (const std::string &site : x.unresolved)
    EXPECT_TRUE(site.starts_with("src/app.cpp:16:5 ") || site.starts_with("src/app.cpp:19:5 ")) << site;
}

} // namespace

namespace {

// A member a setter stores its parameter in (`void set_topic(std::string t) { topic_ =
// std::move(t); }`), read by another method that publishes: each call of the setter is an
// endpoint on what it is given, and a handler that publishes through the object is a
// trigger. A member both a constructor and a setter fill takes the values of both; a
// lambda that stores its own parameter is not a setter anybody in the project calls.
TEST(ValueFlow, MembersSetByASetterAfterConstruction) {
  TempDir dir;
  dir.write("eventscope.yaml",
            appConfig("[\"src/*.cpp\"]",
                      std::string(kBusPublish) +
                          "  - {function: \"bus_subscribe\", role: consume, channel: {arg: 0}, handler: {arg: 1}}\n",
                      false));
  dir.write("src/publisher.h", R"cpp(#pragma once
#include <string>
#include <utility>
void bus_publish(const char *topic);
class Publisher {
public:
  Publisher() = default;
  explicit Publisher(std::string topic) : topic_(std::move(topic)) {}
  void set_topic(std::string topic) { topic_ = std::move(topic); }
  void set_prefixed(const std::string &name) { prefixed_ = name; }
  void publish() const { bus_publish(topic_.c_str()); }
  void publishPrefixed() const { bus_publish(("fleet/" + prefixed_).c_str()); }
private:
  std::string topic_;
  std::string prefixed_;
};
)cpp");
  dir.write("src/app.cpp", R"cpp(#include "publisher.h"
#include <functional>
void bus_subscribe(const char *topic, void (*handler)(const char *));
static Publisher status;
static Publisher alerts("alerts.raised");
static Publisher fleet;
static void onOrder(const char *) { status.publish(); }
static void onAlarm(const char *) { alerts.publish(); fleet.publishPrefixed(); }
int main() {
  status.set_topic("orders.status");
  fleet.set_prefixed("robot1");
  bus_subscribe("orders.placed", onOrder);
  bus_subscribe("alarms", onAlarm);
  std::function<void(std::string)> rename = [](std::string t) { static std::string kept; kept = t; };
  rename("x");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume alarms src/app.cpp:13:3 [onAlarm]",
                             "app consume orders.placed src/app.cpp:12:3 [onOrder]",
                             "app produce alerts.raised src/app.cpp:8:44",
                             "app produce fleet/robot1 src/app.cpp:8:61",
                             "app produce orders.status src/app.cpp:7:44",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "app alarms -> alerts.raised via onAlarm,Publisher::publish",
                            "app alarms -> fleet/robot1 via onAlarm,Publisher::publishPrefixed",
                            "app orders.placed -> orders.status via onOrder,Publisher::publish",
                        }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
}

} // namespace

namespace {

// Text kept around what is known only at run time, found on an unseen building-automation
// system: a wrapper that adds text to its parameter, given a value that is not constant,
// is a pattern at its call (`bldg/hq/zone/{zone}/setpoint`); a snprintf in a loop with the
// loop's counter is a pattern, with a member's value when the member has one, over both
// when not; `sizeof(topic)` and fprintf's `%s` only read the buffer.
TEST(ValueFlow, TextAroundRunTimePiecesAtWrappersAndFormats) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/app.cpp", R"cpp(#include <cstdio>
#include <string>
void bus_publish(const char *topic);
const std::string kPrefix = "bldg/hq/";
struct State { const char *building; const char *floor; };
std::string segment(const std::string &topic, int n);
void configure(State *st) { st->building = "hq"; }
void setpoint(const std::string &zone) {
  const std::string topic = kPrefix + "zone/" + zone + "/setpoint";
  bus_publish(topic.c_str());
}
void onTemperature(const std::string &topic) { setpoint(segment(topic, 3)); }
void readings(State *st) {
  char topic[128];
  for (int zone = 0; zone < 4; ++zone) {
    snprintf(topic, sizeof(topic), "bldg/%s/zone/%d/temperature", st->building, zone);
    bus_publish(topic);
    fprintf(stderr, "published %s\n", topic);
  }
}
void occupancy(State *st) {
  char topic[128];
  for (int zone = 0; zone < 4; ++zone) {
    snprintf(topic, sizeof topic, "bldg/%s/zone/%d/occupancy", st->floor, zone);
    bus_publish(topic);
  }
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce bldg/hq/zone/{zone}/setpoint src/app.cpp:12:48",
                             "app produce bldg/hq/zone/{zone}/temperature src/app.cpp:17:5",
                             "app produce bldg/{floor}/zone/{zone}/occupancy src/app.cpp:25:5",
                         }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
}

} // namespace

namespace {

// A project function that returns one expression is read at each call with its
// parameters as the call's arguments (found on an unseen device fleet: `make_topic(id,
// "/cmd")` returning `strdup(buf)` of an snprintf), also when the result is kept in a
// member another unit reads. A function with two returns, or that calls itself, is not.
TEST(ValueFlow, FunctionsThatReturnOneExpressionAreReadAtTheirCalls) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/cfg.h", R"cpp(#pragma once
struct Cfg { char *cmd_topic; };
void cfgInit(Cfg *cfg, const char *id);
)cpp");
  dir.write("src/cfg.cpp", R"cpp(#include "cfg.h"
#include <cstdio>
#include <cstring>
#include <string>
void bus_publish(const char *topic);
static char *make_topic(const char *id, const char *suffix) {
  char buf[160];
  snprintf(buf, sizeof(buf), "fleet/%s%s", id, suffix);
  return strdup(buf);
}
static std::string joined(const std::string &a) { return "orders." + a; }
static const char *either(bool b) {
  if (b)
    return "x";
  return "y";
}
void cfgInit(Cfg *cfg, const char *id) {
  cfg->cmd_topic = make_topic(id, "/cmd");
  bus_publish(make_topic("r1", "/status"));
  bus_publish(joined("placed").c_str());
  bus_publish(either(true));
}
)cpp");
  dir.write("src/main.cpp", R"cpp(#include "cfg.h"
void bus_publish(const char *topic);
void run(Cfg *cfg) { bus_publish(cfg->cmd_topic); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce fleet/r1/status src/cfg.cpp:19:3",
                             "app produce fleet/{id}/cmd src/main.cpp:3:22",
                             "app produce orders.placed src/cfg.cpp:20:3",
                             // Several returns: one of them, as a conditional's branches.
                             "app produce x src/cfg.cpp:21:3",
                             "app produce y src/cfg.cpp:21:3",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// Artur5876/FinCore-Streaming-System (session 22's held-back Redis set): a const method that
// only joins text with its parameter (`tick_stream_key(s) { return "ticks:" + s; }`) is read
// at its calls like a free function; a run-time argument is a piece of a pattern.
TEST(ValueFlow, MethodsThatNeverReadTheirObjectAreReadAtTheirCalls) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/keys.cpp", R"cpp(#include <string>
void bus_publish(const char *topic);
struct Tick { std::string symbol; };
class Keys {
public:
  std::string stream(const std::string &symbol) const { return "ticks:" + symbol; }
  std::string prefixed(const std::string &s) const { return prefix_ + s; }
  virtual std::string named(const std::string &s) const { return "v:" + s; }
  void store(const Tick &tick) {
    bus_publish(stream(tick.symbol).c_str());
    bus_publish(stream("AAPL").c_str());
    bus_publish(prefixed("x").c_str());
    bus_publish(named("y").c_str());
  }
  std::string prefix_;
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce ticks:AAPL src/keys.cpp:11:5",
                             "app produce ticks:{symbol} src/keys.cpp:10:5",
                             // The unit that defines them tells (returned text, as another
                             // unit's): a member never given a value is a run-time piece, and
                             // no override of named() exists.
                             "app produce v:y src/keys.cpp:13:5",
                             "app produce {prefix}x src/keys.cpp:12:5",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{}));
}

} // namespace

namespace {

// An empty string as a member's default is a placeholder until the member is named (found
// on ess-dmsc/event-formation-unit, whose settings are named in a unit analysed in part):
// never the channel `""`, nor the text around it alone. A list of values that are not all
// constants (`{a_, b_}` of members a constructor was given) is each of them, never its first
// taken for all; one that is not known is said, beside the others.
TEST(ValueFlow, EmptyDefaultsAndListsOfValuesOfSeveralKinds) {
  TempDir dir;
  dir.write("eventscope.yaml",
            appConfig("[\"src/*.cpp\"]",
                      std::string(kBusPublish) +
                          "  - {function: \"bus_subscribe\", role: consume, channel: {arg: 0}, handler: enclosing_function}\n",
                      false));
  dir.write("src/app.cpp", R"cpp(#include <string>
#include <vector>
void bus_publish(const std::string &topic);
void bus_subscribe(const std::vector<std::string> &topics);
struct Settings { std::string DetectorName{""}; std::string KafkaTopic{""}; std::string Named{"fixed"}; };
class Listener {
public:
  Listener(std::string a, std::string b) : a_(std::move(a)), b_(std::move(b)) {}
  void run() { bus_subscribe({a_, b_}); }
private:
  std::string a_, b_;
};
void run(const Settings &s, const char *dynamic) {
  bus_publish(s.DetectorName + "_detector");
  bus_publish(s.KafkaTopic);
  bus_publish(s.Named);
  Listener listener("x.one", "x.two");
  listener.run();
  std::string known = "k.one";
  bus_subscribe({known, std::string(dynamic)});
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume k.one src/app.cpp:20:3 [run]",
                             "app consume x.one src/app.cpp:18:12 [Listener::run]",
                             "app consume x.two src/app.cpp:18:12 [Listener::run]",
                             "app produce fixed src/app.cpp:16:3",
                             "app produce {DetectorName}_detector src/app.cpp:14:3",
                         }));
  EXPECT_EQ(x.unresolved.size(), 2u) << ::testing::PrintToString(x.unresolved);
  for (const std::string &site : x.unresolved)
    EXPECT_TRUE(site.starts_with("src/app.cpp:15:3 ") || site.starts_with("src/app.cpp:20:3 bus_subscribe: one of")) << site;
}

} // namespace

namespace {

// A helper that formats its one parameter into the name (`snprintf(buf, n,
// "session:%s:state", id)`, a stream, fmt-like text) is a wrapper, as a concatenation is:
// its calls are the endpoints, each with the name it gives; given a value not known, a
// pattern there. With two parameters in the name, it stays a pattern where it publishes.
TEST(ValueFlow, HelpersThatFormatOneParameterAreWrappers) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/app.cpp", R"cpp(#include <cstdio>
#include <sstream>
#include <string>
void bus_publish(const char *topic);
static void publishState(const char *id) {
  char channel[64];
  snprintf(channel, sizeof channel, "session:%s:state", id);
  bus_publish(channel);
}
static void publishAck(const std::string &id) {
  std::ostringstream os;
  os << "acks/" << id;
  bus_publish(os.str().c_str());
}
static void publishPair(const char *a, const char *b) {
  char channel[64];
  snprintf(channel, sizeof channel, "pair/%s/%s", a, b);
  bus_publish(channel);
}
void run(const char *runtime) {
  publishState("lobby");
  publishState(runtime);
  publishAck("r1");
  publishPair("x", "y");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce acks/r1 src/app.cpp:23:3",
                             "app produce pair/{a}/{b} src/app.cpp:18:3",
                             "app produce session:lobby:state src/app.cpp:21:3",
                             "app produce session:{runtime}:state src/app.cpp:22:3", // run's own, never called
                         }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
}

} // namespace

namespace {

// Found by a new user on lvweiwolf/bluetooth-bridge (mosquittopp): a wrapper that queues a
// lambda capturing its topic parameter (`[this, topic] { publish(topic.c_str()); }`) is a
// wrapper all the same; and a local given one constant after another on the way to each
// call (`topic = "a"; sub(topic); topic = "b"; sub(topic);`) is, at each call, the one it
// was given last: never every one of them at every call. Across a branch, each value a path
// brings (Clang's CFG, session 44): a/second or a/third at line 16, no longer a/first too.
TEST(ValueFlow, CapturedParametersAndLocalsGivenConstantsInTurn) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish, false));
  dir.write("src/app.cpp", R"cpp(#include <functional>
#include <string>
void bus_publish(const char *topic);
void queue(std::function<void()> job);
static void publishAsync(const std::string &topic) {
  queue([topic]() { bus_publish(topic.c_str()); });
}
void setup(bool alt) {
  publishAsync("jobs/queued");
  std::string topic = "a/first";
  bus_publish(topic.c_str());
  topic = "a/second";
  bus_publish(topic.c_str());
  if (alt)
    topic = "a/third";
  bus_publish(topic.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce a/first src/app.cpp:11:3",
                             "app produce a/second src/app.cpp:13:3",
                             "app produce a/second src/app.cpp:16:3",
                             "app produce a/third src/app.cpp:16:3",
                             "app produce jobs/queued src/app.cpp:9:3",
                         }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
}

} // namespace

namespace {

// wargame-backend (session 18's held-back Kafka set): topic names are static const members
// of a class, defined in one file and used in others, and `extern` constants are the same in
// C style. The unit that uses one reads the value the defining unit gives it; a member
// defined with a value that is not constant stays unresolved, and says why.
TEST(ValueFlow, StaticMembersAndExternConstantsDefinedInAnotherUnit) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish));
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("include/topics.h", R"cpp(#pragma once
#include <string>
class Topics {
public:
  static const std::string kResult;
  static const char *const kAudit;
  static const std::string kHost;
};
namespace names { extern const std::string kOrders; }
)cpp");
  dir.write("src/topics.cpp", R"cpp(#include "topics.h"
#include <cstdlib>
const std::string Topics::kResult = "task.result.response";
const char *const Topics::kAudit = "audit";
const std::string Topics::kHost = std::getenv("HOST");
namespace names { const std::string kOrders = "orders"; }
)cpp");
  dir.write("src/app.cpp", R"cpp(#include "bus.h"
#include "topics.h"
void send() {
  bus_publish(Topics::kResult.c_str());
  bus_publish(Topics::kAudit);
  bus_publish(names::kOrders.c_str());
  bus_publish(Topics::kHost.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce task.result.response src/app.cpp:4:3",
                                                 "app produce audit src/app.cpp:5:3",
                                                 "app produce orders src/app.cpp:6:3"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("src/app.cpp:7:3"), std::string::npos) << *x.unresolved.begin();
}

} // namespace

namespace {

// VictorLopata/Anomaly-Detection (session 22's held-back Redis set): a multi-stream XREAD
// whose keys are appended in a range-for over a local vector filled in a loop (`"str#" +
// to_string(i)`, then "end"), and whose ids in a second loop. Words appended in a loop are
// a list, one turn standing for all; a path joined in a loop (`"/" + part`) is not, and stays
// unresolved. The vector searched by std::find is not changed by it.
TEST(ValueFlow, StreamKeysAppendedInLoopsOverALocalVector) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <algorithm>
#include <map>
#include <string>
#include <vector>
using namespace std;
int main() {
  redisContext *c = redisConnect("localhost", 6379);
  vector<string> streams;
  map<string, string> lastIDs;
  for (int i = 0; i < 4; i++) {
    streams.push_back("str#" + to_string(i));
  }
  streams.push_back("end");
  long first = distance(streams.begin(), find(streams.begin(), streams.end(), "end"));
  while (true) {
    string command = "XREAD BLOCK 0 STREAMS";
    for (const auto &stream : streams) {
      command += " " + stream;
    }
    for (const auto &stream : streams)
      command += " " + lastIDs[stream];
    redisReply *reply = (redisReply *)redisCommand(c, command.c_str());
    string path = "PUBLISH fleet";
    for (const auto &part : streams)
      path += "/" + part;
    redisCommand(c, (path + " x").c_str());
  }
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume end main.cpp:23:39 [main]",
                                                 "app consume str#{i} main.cpp:23:39 [main]"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("main.cpp:27:"), std::string::npos) << *x.unresolved.begin();
}

// Alpha-Microservice (session 18's held-back Redis set): whole commands joined with `+` from
// a member a constructor sets and another member that changes (`"XREAD BLOCK 5000 STREAMS " +
// streamKey_ + " " + lastId_`), and streamed into an ostringstream with numbers (a double,
// `std::to_string(x)`, whose temporary wraps the statement). The key word is the member, whose
// value the constructor's callers give, or the helper's parameter, whose callers give it.
TEST(ValueFlow, RedisCommandsJoinedFromMembersAndStreamedWithNumbers) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <memory>
#include <sstream>
#include <string>
class RedisListener {
public:
  RedisListener(std::string host, std::string streamKey) : host_(std::move(host)), streamKey_(std::move(streamKey)) {}
  void run() {
    redisContext *ctx = redisConnect(host_.c_str(), 6379);
    while (true) {
      std::string cmd = "XREAD BLOCK 5000 STREAMS " + streamKey_ + " " + lastId_;
      redisReply *reply = (redisReply *)redisCommand(ctx, cmd.c_str());
      lastId_ = reply->str;
    }
  }
private:
  std::string host_, streamKey_, lastId_ = "$";
};
void publishRate(redisContext *conn, const std::string &symbol, double rate) {
  std::ostringstream cmd;
  cmd << "XADD FUNDING:STREAM:" << symbol << " * " << "rate " << rate << " ts " << std::to_string(rate);
  redisCommand(conn, cmd.str().c_str());
}
int main() {
  auto listener = std::make_unique<RedisListener>("localhost", "ORDER_STREAM");
  listener->run();
  publishRate(nullptr, "BTC", 1.0);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume ORDER_STREAM main.cpp:26:13 [RedisListener::run]",
                                                 "app produce FUNDING:STREAM:BTC main.cpp:27:3"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// MeteorPush (session 18's held-back Kafka set): a hand-written `key=value` configuration
// reader sets each member to its default, then to what the file gives under the member's key
// (`else if (key == "kafka_push_topic") cfg.kafka_push_topic = value;`). The topic is that
// setting, resting on its default; `parameters:` gives another value. Read in another unit
// and in the reader's own.
TEST(ValueFlow, ConfigurationReadersThatCompareKeysGiveDefaults) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish) + "parameters: {broadcast_topic: fanout}\n");
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("include/config.h", R"cpp(#pragma once
#include <string>
struct Config {
  std::string push_topic;
  std::string broadcast_topic;
  std::string dead_letters;
};
Config LoadConfig(const std::string &path);
)cpp");
  dir.write("src/config.cpp", R"cpp(#include "config.h"
#include "bus.h"
#include <cstring>
#include <fstream>
Config LoadConfig(const std::string &path) {
  Config cfg;
  cfg.push_topic = "push_to_comet";
  cfg.broadcast_topic = "broadcast_task";
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string key = line.substr(0, line.find('=')), value = line.substr(line.find('=') + 1);
    if (key == "push_topic") cfg.push_topic = value;
    else if (std::strcmp(key.c_str(), "broadcast_topic") == 0) cfg.broadcast_topic = value;
    else if (key == "dead_letters") cfg.dead_letters = value;
  }
  bus_publish(cfg.push_topic.c_str());
  return cfg;
}
)cpp");
  dir.write("src/app.cpp", R"cpp(#include "bus.h"
#include "config.h"
int main() {
  Config cfg = LoadConfig("push.conf");
  bus_publish(cfg.push_topic.c_str());
  bus_publish(cfg.broadcast_topic.c_str());
  bus_publish(cfg.dead_letters.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce push_to_comet src/app.cpp:5:3 {default push_topic}",
                                                 "app produce push_to_comet src/config.cpp:17:3 {default push_topic}",
                                                 "app produce fanout src/app.cpp:6:3 {configured broadcast_topic}"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("src/app.cpp:7:3"), std::string::npos) << *x.unresolved.begin();
  EXPECT_NE(x.unresolved.begin()->find("setting 'dead_letters'"), std::string::npos) << *x.unresolved.begin();
}

} // namespace

namespace {

// Checkin (session 18's held-back Kafka set): a configuration read from the environment
// through a local lambda (`getenv_or("KAFKA_TOPIC", "checkin.events")`) and a static helper
// of the same shape: each is read at its call, so the topic is the variable's default.
TEST(ValueFlow, EnvironmentFallbacksInLambdasAndStaticHelpers) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"*.cpp\"]", kBusPublish));
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("app.cpp", R"cpp(#include "bus.h"
#include <cstdlib>
#include <string>
struct Config {
  std::string topic, audit;
  static std::string env(const char *k, const char *d) {
    const char *v = std::getenv(k);
    return v ? std::string(v) : std::string(d);
  }
  static Config fromEnv() {
    auto getenv_or = [](const char *k, const char *d) {
      const char *v = std::getenv(k);
      return v ? std::string(v) : std::string(d);
    };
    Config c;
    c.topic = getenv_or("KAFKA_TOPIC", "checkin.events");
    c.audit = env("AUDIT_TOPIC", "checkin.audit");
    return c;
  }
};
int main() {
  Config cfg = Config::fromEnv();
  bus_publish(cfg.topic.c_str());
  bus_publish(cfg.audit.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce checkin.events app.cpp:23:3 {default KAFKA_TOPIC}",
                                                 "app produce checkin.audit app.cpp:24:3 {default AUDIT_TOPIC}"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// Alpha-Microservice's kline service (session 18): locals read in a lambda that captures them
// by reference (`[&] { ... publishChannel ... }`, handed to a thread or a std::function).
// Passing the lambda on does not change them; only the lambda's own body could.
TEST(ValueFlow, LocalsCapturedByReferenceInLambdas) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"*.cpp\"]", kBusPublish));
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("app.cpp", R"cpp(#include "bus.h"
#include <functional>
#include <string>
#include <thread>
void run(std::function<void()> f) { f(); }
int main() {
  std::string publishChannel = "kline.updates";
  std::string changed = "first";
  run([&]() { bus_publish(publishChannel.c_str()); });
  std::thread t([&] { bus_publish(publishChannel.c_str()); });
  t.join();
  run([&] { changed += ".later"; bus_publish(changed.c_str()); });
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce kline.updates app.cpp:9:15",
                                                 "app produce kline.updates app.cpp:10:23"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("app.cpp:12:34"), std::string::npos) << *x.unresolved.begin();
}

} // namespace

namespace {

// Knights (session 18's held-back Redis set): members given a default, then replaced from the
// environment under a test (`if (const char *v = std::getenv("K")) cfg.stream_key = v;`); a
// prefix member with no initialiser (empty) replaced the same way; a helper with two returns
// (`read_env_string("K", "")`: the variable, else the fallback). `Config cfg{}` constructs the
// prefix empty; it gives no other value. Each is that setting resting on its default; an empty default is a default for a piece of a name (`prefix + "fanout:*"`)
// but not for a whole name.
TEST(ValueFlow, EnvironmentReadsUnderATestReplaceMemberDefaults) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"src/*.cpp\"]", kBusPublish));
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("include/config.h", R"cpp(#pragma once
#include <string>
struct Config {
  std::string stream_key = "session_events";
  std::string channel_prefix;
  std::string dlq{"session_events_dlq"};
  std::string market = "soul.market.updates";
  static Config Load();
};
)cpp");
  dir.write("src/config.cpp", R"cpp(#include "config.h"
#include <cstdlib>
namespace {
std::string get_env(const char *name, const std::string &default_value) {
  const char *value = std::getenv(name);
  return value ? value : default_value;
}
} // namespace
Config Config::Load() {
  Config cfg{};
  if (const char *v = std::getenv("REDIS_STREAM_KEY")) cfg.stream_key = v;
  if (const char *v = std::getenv("CHANNEL_PREFIX"); v && *v) cfg.channel_prefix = v;
  if (const char *v = std::getenv("DLQ_STREAM"); v && *v) {
    cfg.dlq = v;
  }
  cfg.market = get_env("STREAM_MARKET", cfg.market); // SolScout: the default is the member itself
  return cfg;
}
)cpp");
  dir.write("src/app.cpp", R"cpp(#include "bus.h"
#include "config.h"
#include <cstdlib>
#include <string>
std::string read_env_string(const char *key, std::string fallback) {
  if (const char *v = std::getenv(key); v && *v) {
    return std::string(v);
  }
  return fallback;
}
class Admin {
public:
  Admin() {
    prefix_ = read_env_string("ADMIN_PREFIX", "");
    whole_ = read_env_string("WHOLE_TOPIC", "");
  }
  void announce() {
    const std::string channel = prefix_ + "fanout:admin:announce";
    bus_publish(channel.c_str());
    bus_publish(whole_.c_str());
  }
  std::string prefix_, whole_;
};
int main() {
  Config cfg = Config::Load();
  bus_publish(cfg.stream_key.c_str());
  bus_publish((cfg.channel_prefix + "fanout:whisper").c_str());
  bus_publish(cfg.dlq.c_str());
  Admin().announce();
  bus_publish(cfg.market.c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints,
            (std::set<std::string>{"app produce session_events src/app.cpp:26:3 {default REDIS_STREAM_KEY}",
                                   "app produce fanout:whisper src/app.cpp:27:3 {default CHANNEL_PREFIX}",
                                   "app produce session_events_dlq src/app.cpp:28:3 {default DLQ_STREAM}",
                                   "app produce fanout:admin:announce src/app.cpp:19:5 {default ADMIN_PREFIX}",
                                   "app produce soul.market.updates src/app.cpp:30:3 {default STREAM_MARKET}"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("src/app.cpp:20:5"), std::string::npos) << *x.unresolved.begin();
  EXPECT_NE(x.unresolved.begin()->find("setting 'WHOLE_TOPIC'"), std::string::npos) << *x.unresolved.begin();
}

} // namespace

namespace {

// nowcoder_cpp_back-end (session 18's held-back Kafka set): the topic is queued for a producer
// thread (`message_queue_.push(std::make_pair(key, value))` in post_message), which pops it
// into a local pair and sends on `message.first`. post_message is the wrapper; its calls are
// the endpoints. The same through emplace, and a queue of plain topics read by front().
TEST(ValueFlow, TopicsQueuedForAnotherThread) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"*.cpp\"]", kBusPublish));
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("app.cpp", R"cpp(#include "bus.h"
#include <deque>
#include <mutex>
#include <queue>
#include <string>
#include <utility>
class Producer {
public:
  static void post_message(std::string key, std::string value) {
    std::lock_guard<std::mutex> g(m_);
    message_queue_.push(std::make_pair(key, value));
  }
  void post_later(const std::string &topic, const std::string &payload) { later_.emplace_back(topic, payload); }
  void post_plain(const std::string &topic) { plain_.push_back(topic); }
  static void run() {
    std::string topic;
    while (true) {
      std::pair<std::string, std::string> message;
      {
        std::lock_guard<std::mutex> g(m_);
        message = message_queue_.front();
        message_queue_.pop();
      }
      topic = message.first;
      bus_publish(topic.c_str());
    }
  }
  void drain() {
    auto item = later_.front();
    bus_publish(item.first.c_str());
    bus_publish(plain_.front().c_str());
  }
private:
  static std::mutex m_;
  static std::queue<std::pair<std::string, std::string>> message_queue_;
  std::deque<std::pair<std::string, std::string>> later_;
  std::deque<std::string> plain_;
};
std::mutex Producer::m_;
std::queue<std::pair<std::string, std::string>> Producer::message_queue_;
const std::string TOPIC_COMMENT = "comment";
int main() {
  Producer::post_message(TOPIC_COMMENT, "{}");
  Producer::post_message("like", "{}");
  Producer p;
  p.post_later("audit", "{}");
  p.post_plain("plain.events");
  Producer::run();
  p.drain();
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce comment app.cpp:43:3", "app produce like app.cpp:44:3",
                                                 "app produce audit app.cpp:46:5",
                                                 "app produce plain.events app.cpp:47:5"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// OpenWiFi's KafkaManager (session 19's held-back Kafka set): a wrapper records each topic it
// is asked to watch in a member std::set; the consumer thread copies the set into a vector
// (std::for_each with a lambda) and subscribes to that. The wrapper's calls are the
// endpoints. The same through a range-for over a map's keys, a map filled by `[topic]`, and a
// vector made from the set's begin() and end().
TEST(ValueFlow, TopicsRegisteredInAMemberContainerAndSubscribedByAnotherMethod) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("app.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>
namespace topics {
inline const char *COMMAND = "command";
inline const std::string EVENTS{"service_events"};
} // namespace topics
using Notify = std::function<void(const std::string &)>;
class Watchers {
public:
  void watch(const std::string &topic, Notify f) {
    handlers_[topic].push_back(f);
    topics_.insert(topic);
  }
  void listen(const std::string &topic) { counts_.emplace(topic, 0); }
  void run(RdKafka::KafkaConsumer *c) {
    std::vector<std::string> all;
    std::for_each(topics_.begin(), topics_.end(), [&](const std::string &t) { all.emplace_back(t); });
    c->subscribe(all);
  }
  void runCounted(RdKafka::KafkaConsumer *c) {
    std::vector<std::string> all;
    for (const auto &[name, count] : counts_)
      all.push_back(name);
    c->subscribe(all);
  }
  void runHandled(RdKafka::KafkaConsumer *c) {
    std::vector<std::string> all;
    for (const auto &entry : handlers_)
      all.push_back(entry.first);
    c->subscribe(all);
  }
  void runCopied(RdKafka::KafkaConsumer *c) { c->subscribe(std::vector<std::string>(topics_.begin(), topics_.end())); }
private:
  std::map<std::string, std::vector<Notify>> handlers_;
  std::set<std::string> topics_;
  std::map<std::string, int> counts_;
};
int main() {
  Watchers w;
  w.watch(topics::COMMAND, [](const std::string &) {});
  w.watch(topics::EVENTS, [](const std::string &) {});
  w.listen("audit");
  w.run(nullptr);
  w.runCounted(nullptr);
  w.runHandled(nullptr);
  w.runCopied(nullptr);
}
)cpp");
  Extracted x = analyze(dir);
  // One endpoint per wrapper call, whichever subscribing method `via` names; each of the four
  // subscribe calls resolved (none is left unresolved).
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume command app.cpp:45:5 [Watchers::run]",
                                                 "app consume service_events app.cpp:46:5 [Watchers::run]",
                                                 "app consume audit app.cpp:47:5 [Watchers::runCounted]"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// SolScout (session 19's held-back Redis set): each program has its own `struct Config` of
// one name, written by its own loader. A program reads what its own units write to the
// member, not another program's value.
TEST(ValueFlow, SameNamedConfigStructsOfTwoProgramsKeepTheirOwnValues) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*/src/*.cpp\"]\nservices:\n  gateway: [\"gateway/**\"]\n"
                               "  analytics: [\"analytics/**\"]\napis:\n" +
                                   std::string(kBusPublish));
  for (const char *program : {"gateway", "analytics"}) {
    const std::string p = program;
    dir.write(p + "/src/config.h", R"cpp(#pragma once
#include <string>
struct Config {
  std::string stream;
};
Config load();
)cpp");
    dir.write(p + "/src/config.cpp", "#include \"config.h\"\nConfig load() {\n  Config c;\n  c.stream = \"" + p +
                                         ".requests\";\n  return c;\n}\n");
    dir.write(p + "/src/main.cpp", R"cpp(#include "config.h"
void bus_publish(const char *topic);
int main() { bus_publish(load().stream.c_str()); }
)cpp");
  }
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"analytics produce analytics.requests analytics/src/main.cpp:3:14",
                                                 "gateway produce gateway.requests gateway/src/main.cpp:3:14"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// cooper-im-server (session 19's held-back Redis set): a queue named by a `#define` prefix
// and an id read through a type a missing header should give. The id is a run-time piece of
// a pattern, not the end of the name; a name with no text of its own stays unresolved.
TEST(ValueFlow, PiecesThatDidNotCompileBesideConstantTextArePatterns) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig("[\"*.cpp\"]", kBusPublish));
  dir.write("include/bus.h", "#pragma once\n#include <string>\nvoid bus_publish(const std::string &topic);\n");
  dir.write("app.cpp", R"cpp(#include "bus.h"
#include "framework/http_request.h"
#include <string>
#define REDIS_KEY_OFFLINE_MSG "offline_msg:"
void onRequest(const cooper::HttpRequest &request) {
  int userId = request.userId();
  bus_publish(REDIS_KEY_OFFLINE_MSG + std::to_string(userId));
  bus_publish(request.topic());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce offline_msg:{userId} app.cpp:7:3"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("app.cpp:8:3"), std::string::npos) << *x.unresolved.begin();
}

} // namespace

namespace {

// slam_toolbox (session 19's held-back ROS 2 set): a member given a constant, then declared
// as a parameter with itself as the default and read back into itself. The topic is the
// parameter resting on that constant. Such a self-reference once doubled the work at each
// level (a file took minutes); each member is now read once per evaluation.
TEST(ValueFlow, ParametersWhoseDefaultIsTheMemberTheyAreReadInto) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  saver: [\"**\"]\n");
  dir.write("saver.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
#include <string>
using Msg = std_msgs::msg::String;
class Saver : public rclcpp::Node {
public:
  Saver() : Node("saver") {
    map_name_ = std::string("/map");
    if (!has_parameter("map_name"))
      declare_parameter("map_name", map_name_);
    get_parameter("map_name", map_name_);
    declare_parameter("status", status_);
    get_parameter("status", status_);
    sub_ = create_subscription<Msg>(map_name_, 10, [](Msg::SharedPtr) {});
    pub_ = create_publisher<Msg>(map_name_ + "_metadata", 10);
    status_pub_ = create_publisher<Msg>(status_, 10);
  }
  void tick() {
    pub_->publish(Msg());
    status_pub_->publish(Msg());
  }
  std::string map_name_, status_ = "saver_status";
  rclcpp::Subscription<Msg>::SharedPtr sub_;
  rclcpp::Publisher<Msg>::SharedPtr pub_, status_pub_;
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints,
            (std::set<std::string>{"saver consume /map saver.cpp:14:12 [lambda at saver.cpp:14:52] {default map_name}",
                                   "saver produce /map_metadata saver.cpp:19:11 {default map_name}",
                                   "saver produce /saver_status saver.cpp:20:18 {default status}"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// hector_mapping (held-back ROS bug s28-a/01): a local name given one more piece in place
// once before it is read: under a condition either name (`map` or `map_{i}`), otherwise the
// name with the piece (`map_metadata`). Appends one after the other, and a read before them,
// are followed in order (as before); an append in a loop is not.
TEST(ValueFlow, ALocalNameAppendedToOnceBeforeItIsRead) {
  TempDir dir;
  dir.write("eventscope.yaml",
            appConfig(R"(["**/*.cpp"])", "  - {function: \"bus::publish\", role: produce, channel: {arg: 0}}\n"));
  dir.write("include/bus.h", "#pragma once\n#include <string>\nnamespace bus { void publish(const std::string &t); }\n");
  dir.write("app.cpp", R"(#include <bus.h>
#include <string>
void levels(int levels) {
  for (int i = 0; i < levels; ++i) {
    std::string topic("map");
    if (i != 0)
      topic.append("_" + std::to_string(i));
    std::string meta(topic);
    meta += "_metadata";
    bus::publish(topic);
    bus::publish(meta);
  }
}
void notFollowed(int n) {
  std::string twice = "a";
  twice.append("b");
  twice.append("c");
  bus::publish(twice);
  std::string looped = "d";
  for (int i = 0; i < n; ++i)
    looped += "e";
  bus::publish(looped);
  std::string early = "f";
  bus::publish(early);
  early += "g";
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce abc app.cpp:18:3",
                             "app produce f app.cpp:24:3",
                             "app produce map app.cpp:10:5",
                             "app produce map_metadata app.cpp:11:5",
                             "app produce map_{i} app.cpp:10:5",
                             "app produce map_{i}_metadata app.cpp:11:5",
                         }));
  EXPECT_EQ(x.unresolved.size(), 1u); // looped
}

} // namespace

// tr-sdv-sandbox/covesa-ifex-offboard-services (session 39's held-back Kafka set): a configuration
// struct filled field by field where it is made (`producer_config.topic = FLAGS_...`), handed to a
// wrapper class (`make_shared<RequestProducer>(producer_config)`) whose pimpl keeps it
// (`config_(std::move(config))`) and sends on `config_.topic`. The field's value is taken at each
// construction: each object its own topic, not the union of every object's with the struct's
// default member initialiser (which was an invented endpoint). The kind's siblings: a braced
// list, designated initialisers, a plain function given the struct (`start(cfg)` reading
// `cfg.topic`), a conditional write (either value), a default left as it is, and a struct
// handed to a loader first (not known here: every value the program gives the field).
// A library's send function taking an options struct, kept in a copy made by make_shared
// (`auto opts = std::make_shared<SendOptions>(options); ... ProducerRecord(opts->topic, ...)`)
// and called by two programs with their own topics, one as a compound literal
// (`KPOOL.Send((const SendOptions){.topic = ...})`): each call is its program's endpoint
// with its topic. The library's program giving the field one value no longer makes that the
// value everywhere (celte-system, held-back Kafka set, session 45).
// A member joined from two run-time pieces with a separator (`_combinedId(config.grapeId +
// "-" + config.chunkId)`, celte-system, session 45): the pattern keeps both pieces, not one
// piece named after the member (`{combinedId}.repl` stood for every name ending in .repl).
TEST(ValueFlow, AMemberJoinedFromTwoPiecesKeepsItsShape) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("a.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <string>
struct Config { std::string grapeId; std::string chunkId; };
class Chunk {
public:
  Chunk(const Config &config) : _combinedId(config.grapeId + "-" + config.chunkId), _single(config.grapeId) {}
  void send(RdKafka::Producer *p) {
    p->produce(_combinedId + ".repl", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, nullptr, 0, nullptr, 0, 0, nullptr);
    p->produce(_single + ".rpc", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, nullptr, 0, nullptr, 0, 0, nullptr);
  }
private:
  std::string _combinedId, _single;
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce {grapeId}-{chunkId}.repl a.cpp:8:8",
                                                "app produce {single}.rpc a.cpp:9:8"}))
      << *x.endpoints.begin();
}

TEST(ValueFlow, AnOptionsStructCopiedIntoASmartPointerGivesEachCallItsTopic) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [lib]\n"
                               "services: {runtime: [\"lib/**\"], client: [\"client/**\"], server: [\"server/**\"]}\n");
  dir.write("lib/pool.h", R"cpp(#pragma once
#include <memory>
#include <string>
struct SendOptions {
  std::string topic = "";
  std::string value = "";
  bool autoCreate = false;
};
void Send(const SendOptions &options);
)cpp");
  dir.write("lib/pool.cpp", R"cpp(#include "pool.h"
#include <librdkafka/rdkafkacpp.h>
RdKafka::Producer *producer();
void Send(const SendOptions &options) {
  auto opts = std::make_shared<SendOptions>(options);
  producer()->produce(opts->topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(opts->value.data()), opts->value.size(), nullptr, 0, 0, nullptr);
}
void Replicate(const std::string &id) { Send((const SendOptions){.topic = id + ".repl", .value = "x"}); }
)cpp");
  dir.write("client/hello.cpp", R"cpp(#include "pool.h"
void hello() { Send({.topic = "master.hello.client", .value = "up"}); }
)cpp");
  dir.write("server/hello.cpp", R"cpp(#include "pool.h"
void hello() { Send({.topic = "master.hello.sn", .autoCreate = true}); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"client produce master.hello.client client/hello.cpp:2:16",
                                                "server produce master.hello.sn server/hello.cpp:2:16",
                                                "runtime produce {id}.repl lib/pool.cpp:9:41"}))
      << *x.endpoints.begin();
}

TEST(ValueFlow, AConfigStructHandedToAWrapperClassGivesEachObjectItsOwnTopic) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("producer.h", R"cpp(#pragma once
#include <memory>
#include <string>
struct ProducerConfig {
  std::string brokers = "localhost:9092";
  std::string topic = "ifex.c2v.rpc";
};
class RequestProducer {
public:
  explicit RequestProducer(ProducerConfig config);
  ~RequestProducer();
  bool send(const std::string &payload);
private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};
void start(const ProducerConfig &cfg, const std::string &payload);
void load(ProducerConfig &cfg);
)cpp");
  dir.write("producer.cpp", R"cpp(#include "producer.h"
#include <librdkafka/rdkafkacpp.h>
class RequestProducer::Impl {
public:
  explicit Impl(ProducerConfig config) : config_(std::move(config)) {}
  bool send(const std::string &payload) {
    auto err = producer_->produce(config_.topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                                  const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr);
    return err == RdKafka::ERR_NO_ERROR;
  }
private:
  ProducerConfig config_;
  std::unique_ptr<RdKafka::Producer> producer_;
};
RequestProducer::RequestProducer(ProducerConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}
RequestProducer::~RequestProducer() = default;
bool RequestProducer::send(const std::string &payload) { return impl_->send(payload); }
RdKafka::Producer *shared_producer();
void start(const ProducerConfig &cfg, const std::string &payload) {
  shared_producer()->produce(cfg.topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                             const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "producer.h"
#include <gflags/gflags.h>
DEFINE_string(kafka_topic_c2v, "ifex.c2v", "requests to vehicles");
int main(int argc, char **argv) {
  ProducerConfig producer_config;
  producer_config.brokers = "kafka:9092";
  producer_config.topic = FLAGS_kafka_topic_c2v;
  auto producer = std::make_shared<RequestProducer>(producer_config);
  producer->send("x");
  ProducerConfig braced{"kafka:9092", "orders.braced"};
  RequestProducer second(braced);
  second.send("y");
  ProducerConfig designated{.topic = "orders.designated"};
  start(designated, "z");
  ProducerConfig either;
  either.topic = "orders.first";
  if (argc > 2)
    either.topic = "orders.second";
  start(either, "w");
  ProducerConfig kept;
  RequestProducer third(kept);
  third.send("v");
}
)cpp");
  dir.write("loader.cpp", R"cpp(#include "producer.h"
void load(ProducerConfig &cfg) { cfg.topic = "orders.loaded"; }
void run_loaded() {
  ProducerConfig loaded;
  load(loaded);
  start(loaded, "u");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce ifex.c2v main.cpp:8:19 {default kafka_topic_c2v}",
                             "app produce orders.braced main.cpp:11:19",
                             "app produce orders.designated main.cpp:14:3",
                             "app produce orders.first main.cpp:19:3",
                             "app produce orders.second main.cpp:19:3",
                             "app produce ifex.c2v.rpc main.cpp:21:19",
                             // A loader changes it first: every value the program gives the
                             // field, as for any member read (as certain as the least of them).
                             "app produce ifex.c2v.rpc loader.cpp:6:3 {default kafka_topic_c2v}",
                             "app produce ifex.c2v loader.cpp:6:3 {default kafka_topic_c2v}",
                             "app produce orders.braced loader.cpp:6:3 {default kafka_topic_c2v}",
                             "app produce orders.designated loader.cpp:6:3 {default kafka_topic_c2v}",
                             "app produce orders.first loader.cpp:6:3 {default kafka_topic_c2v}",
                             "app produce orders.loaded loader.cpp:6:3 {default kafka_topic_c2v}",
                             "app produce orders.second loader.cpp:6:3 {default kafka_topic_c2v}",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// Qt's text classes carry a name as std::string does (libraries/qt_strings.h), on Debian's
// real Qt 6 headers: QStringLiteral (a u"" literal through QtPrivate::qMakeStringPrivate),
// QString::fromUtf8 / fromStdString, toStdString, toUtf8().constData(), qPrintable,
// QLatin1String, and QString::arg filling the lowest %N (a pattern for a run-time piece, the
// text for a constant one). A project interface taking `const QString &` is described in apis.
TEST(ValueFlow, QtStringsCarryTheName) {
  TempDir dir;
  dir.write("eventscope.yaml", R"yaml(sources: ["*.cpp"]
compile_flags: ["-std=c++17", "-fPIC", "-isystem/usr/include/x86_64-linux-gnu/qt6", "-isystem/usr/include/x86_64-linux-gnu/qt6/QtCore"]
services:
  app: ["**"]
apis:
  - {function: "Repo::push", role: produce, channel: {arg: 0}}
)yaml");
  dir.write("main.cpp", R"cpp(#include <QString>
#include <QByteArray>
#include <hiredis/hiredis.h>
#include <string>
struct Repo {
  void push(const QString &channel, const QString &command);
};
void run(Repo &repo, redisContext *c, int id, const QString &who) {
  repo.push(QStringLiteral("scooter:hop-on"), QStringLiteral("engage"));
  repo.push(QString::fromUtf8("scooter:blinker"), who);
  repo.push(QLatin1String("dashboard"), who);
  repo.push(QString("battery:%1").arg(id), who);
  repo.push(QString("gps:%2:%1").arg(who).arg(QStringLiteral("tpv")), who);
  QString channel = QStringLiteral("vehicle");
  redisCommand(c, "PUBLISH %s x", channel.toUtf8().constData());
  redisCommand(c, "PUBLISH %s x", channel.toStdString().c_str());
  redisCommand(c, "PUBLISH %s x", qPrintable(QString::fromStdString(std::string("usb"))));
  redisCommand(c, "PUBLISH %s x", qPrintable(who));
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce battery:{id} main.cpp:12:8",
                             "app produce dashboard main.cpp:11:8",
                             "app produce gps:tpv:{who} main.cpp:13:8",
                             "app produce scooter:blinker main.cpp:10:8",
                             "app produce scooter:hop-on main.cpp:9:8",
                             "app produce usb main.cpp:17:3",
                             "app produce vehicle main.cpp:15:3",
                             "app produce vehicle main.cpp:16:3",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"main.cpp:18:3 redisCommand: the channel is parameter 'who' of run, "
                                                 "which is not called in the analysed code"}));
}

// A configuration map handed to a wrapper's constructor and read there by a named constant key
// (cheebinhoh/Dmn's Dmn_Kafka: `for (auto &c : m_configs) if (Dmn_Kafka::Topic == c.first)
// m_topic = c.second;`), or by `at()` of the member: each object's topic is the value its
// maker wrote under that key (value_keyed.cpp's carriedMapElement, mapFields), across units.
// A string member default-constructed (`std::string m_topic{}`) is no channel of its own.
TEST(ValueFlow, ConfigurationMapHandedToTheConstructor) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("k.h", R"cpp(#pragma once
#include <librdkafka/rdkafka.h>
#include <string>
#include <unordered_map>
class K {
public:
  using ConfigType = std::unordered_map<std::string, std::string>;
  static const std::string Topic;
  static const std::string Key;
  K(ConfigType configs);
  void write(const std::string &s);
private:
  ConfigType m_configs{};
  std::string m_topic{};
  rd_kafka_t *m_kafka{};
};
class Plain {
public:
  explicit Plain(std::unordered_map<std::string, std::string> props) : props_(props) {}
  void subscribe();
private:
  std::unordered_map<std::string, std::string> props_;
  rd_kafka_t *rk_{};
};
)cpp");
  dir.write("k.cpp", R"cpp(#include "k.h"
const std::string K::Topic = "K.Topic";
const std::string K::Key = "K.Key";
K::K(ConfigType configs) : m_configs{configs} {
  for (auto &c : m_configs) {
    if (K::Topic == c.first) {
      m_topic = c.second;
    } else if (c.first == K::Key) {
      m_topic = c.second;
    }
  }
}
void K::write(const std::string &s) {
  rd_kafka_producev(m_kafka, RD_KAFKA_V_TOPIC(m_topic.c_str()), RD_KAFKA_V_VALUE((void *)s.data(), s.size()),
                    RD_KAFKA_V_END);
}
void Plain::subscribe() {
  rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(list, props_.at("topic").c_str(), RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(rk_, list);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "k.h"
int main() {
  K::ConfigType c;
  c["bootstrap.servers"] = "localhost:9092";
  c[K::Topic] = "timer_counter";
  c[K::Key] = "timer_counter";
  K producer{c};
  producer.write("tick");
  K::ConfigType d;
  d[K::Topic] = "audit";
  K other{d};
  other.write("x");
  std::unordered_map<std::string, std::string> props;
  props["topic"] = "telemetry";
  Plain plain(props);
  plain.subscribe();
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume telemetry main.cpp:16:9 [Plain::subscribe]",
                             // Where each object is given its map (the write() calls would be
                             // better: where the message goes).
                             "app produce audit main.cpp:11:5",
                             "app produce timer_counter main.cpp:7:5",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// A helper that prints a member known only at run time and its own int parameter into the key
// (pbotros/river's test fixture: `"XADD %s-%d ...", stream_name.c_str(), suffix`, called as
// `xadd_sample(0, ...)`, `write_eof()` with the default 0): the parameter stays the helper's,
// the member a pattern piece around it, and each call's number fills it (an int constant is
// its decimal text; a pointer's `0` stays a null pointer). A template helper too.
TEST(ValueFlow, AHelperPrintsItsNumberBesideAMemberKnownAtRunTime) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("t.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
class Fixture {
public:
  redisContext *redis;
  std::string stream_name;
  template <class T>
  void xadd_sample(int suffix, int i, T *val, size_t n) { xadd_sample(suffix, i, val, n, "*"); }
  template <class T>
  void xadd_sample(int suffix, int i, T *val, size_t n, const std::string &key) {
    redisCommand(redis, "XADD %s-%d %s i %d val %b", stream_name.c_str(), suffix, key.c_str(), i, (char *)val, n);
  }
  template <class T>
  void run(T *data) {
    for (int i = 0; i < 3; i++)
      xadd_sample(0, i, reinterpret_cast<char *>(&data[i]), sizeof(T));
  }
  void eof(int suffix = 0) { redisCommand(redis, "XADD %s-%d * eof 1", stream_name.c_str(), suffix); }
};
int main() {
  Fixture f;
  int d[3];
  f.run(d);
  f.xadd_sample(1, 0, d, 4);
  f.eof();
  f.eof(1);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce {stream_name}-0 t.cpp:16:7",
                             "app produce {stream_name}-0 t.cpp:25:5",
                             "app produce {stream_name}-1 t.cpp:24:5",
                             "app produce {stream_name}-1 t.cpp:26:5",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// A local object whose member the same function reads (SignalRoute's tests, a new user's trial
// in session 42: `Harness harness(topic_name("accepted")); harness.producer.produce(
// harness.topic, ...)`): the member is what this object's constructor was given. It was
// dropped without a word ("no object it is called on was seen to run main").
TEST(ValueFlow, AMemberOfALocalObjectReadWhereTheObjectIsMade) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("t.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <string>
class Producer {
public:
  void produce(const std::string &topic, const std::string &payload) {
    p_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, (void *)payload.data(),
                payload.size(), nullptr, 0, 0, nullptr);
  }
private:
  RdKafka::Producer *p_;
};
std::string topic_name(const std::string &suffix, long nanos) { return "sr.test." + suffix + "." + std::to_string(nanos); }
struct Harness {
  explicit Harness(std::string topic) : topic(std::move(topic)) {}
  std::string topic;
  Producer producer;
};
int main(int argc, char **) {
  Harness harness(topic_name("accepted", argc));
  harness.producer.produce(harness.topic, "x");
  Harness other("fixed.topic");
  other.producer.produce(other.topic, "y");
}
)cpp");
  Extracted x = analyze(dir);
  // Where each object is given its name (the produce() calls would be better: open).
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce fixed.topic t.cpp:21:11",
                             "app produce sr.test.accepted.{nanos} t.cpp:19:11",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// A loop over a constant map of topics (ouster-ros advertises one image topic per entry of
// `const std::map<std::string, std::string> channel_field_topic_map_1{{...}}`, walked through
// a pointer to one of two such maps): each mapped value, in the three ways a loop reads it.
// A map the function changes is not constant.
TEST(ValueFlow, ALoopOverAConstantMapGivesEachValue) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("t.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <map>
#include <string>
enum class Field { Range, Signal, Range2 };
void run(redisContext *c, int n, const char *extra) {
  const std::map<Field, std::string> one{{Field::Range, "range_image"}, {Field::Signal, "signal_image"}};
  const std::map<Field, std::string> two{{Field::Range, "range_image"}, {Field::Range2, "range_image2"}};
  for (const auto &[field, topic] : one)
    redisCommand(c, "PUBLISH %s x", topic.c_str());
  for (const auto &entry : two)
    redisCommand(c, "PUBLISH %s y", entry.second.c_str());
  auto which = n == 1 ? &one : &two;
  for (auto it = which->begin(); it != which->end(); ++it)
    redisCommand(c, "PUBLISH %s z", it->second.c_str());
  std::map<Field, std::string> changed{{Field::Range, "range_image"}};
  changed[Field::Signal] = extra;
  for (const auto &[field, topic] : changed)
    redisCommand(c, "PUBLISH %s w", topic.c_str());
}
int main(int argc, char **argv) { run(nullptr, argc, argv[0]); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce range_image t.cpp:9:5",
                             "app produce signal_image t.cpp:9:5",
                             "app produce range_image t.cpp:11:5",
                             "app produce range_image2 t.cpp:11:5",
                             "app produce range_image t.cpp:14:5",
                             "app produce range_image2 t.cpp:14:5",
                             "app produce signal_image t.cpp:14:5",
                         }));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_EQ(x.unresolved.begin()->substr(0, 10), "t.cpp:18:5");
}

// A function in another unit that returns a conditional of its parameter and the parameter
// with a number appended (ouster-ros's `topic_for_return(base, idx)`: `idx == 0 ? base : base +
// std::to_string(idx + 1)`): each arm is a return, so its calls give `points` and the pattern
// `points{value}`.
TEST(ValueFlow, AConditionalReturnOfParametersIsEachArm) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("lib.cpp", R"cpp(#include <string>
std::string topic_for_return(const std::string &base, int idx) {
  return idx == 0 ? base : base + std::to_string(idx + 1);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
std::string topic_for_return(const std::string &base, int idx);
int main(int argc, char **) {
  redisContext *c = nullptr;
  for (int i = 0; i < argc; ++i)
    redisCommand(c, "PUBLISH %s x", topic_for_return("points", i).c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce points main.cpp:7:5", "app produce points{value} main.cpp:7:5"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

namespace {

// Held-back mfontanini/cppkafka (session 43): the tests read `KAFKA_TOPICS[0]` of
// `extern const std::vector<std::string> KAFKA_TOPICS;` (test_utils.h), which test_main.cpp
// defines with a braced list: element 0 of that list in every unit, any element for an index
// not constant. Its test_main.cpp includes only <chrono> and catch.hpp, which includes <vector>;
// Catch2's stand-in (the submodule not checked out) must too. MessageBuilder inherits its
// constructor (`using BasicMessageBuilder::BasicMessageBuilder;`), named in `apis` by the
// base's name or the class's own.
TEST(ValueFlow, ElementsOfAConstContainerDefinedWithABracedListInAnotherUnit) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["**/*.cpp"])", R"(  - {function: "bus::publish", role: produce, channel: {arg: 0}}
  - {function: "bus::BasicBuilder::BasicBuilder", role: handle, channel: {arg: 0}}
  - {function: "bus::send", role: produce, channel: {arg: 0}}
compile_flags: ['-DTOPIC_NAMES="test1","test2"']
)"));
  dir.write("include/bus.h", R"(#pragma once
#include <string>
namespace bus {
void publish(const std::string &t);
template <class T> class BasicBuilder {
public:
  BasicBuilder(std::string topic) : topic_(std::move(topic)) {}
private:
  std::string topic_;
};
class Builder : public BasicBuilder<Builder> {
public:
  using BasicBuilder<Builder>::BasicBuilder;
};
void send(const Builder &b);
}
)");
  dir.write("tests/test_utils.h", "#pragma once\n#include <string>\n#include <vector>\n"
                                  "extern const std::vector<std::string> TOPICS;\n");
  dir.write("tests/test_main.cpp", "#include <chrono>\n#define CATCH_CONFIG_RUNNER\n#include <catch.hpp>\n"
                                   "std::vector<std::string> TOPICS = {TOPIC_NAMES};\n");
  dir.write("tests/consumer_test.cpp", R"(#include <bus.h>
#include "test_utils.h"
void run(int i) {
  bus::publish(TOPICS[0]);
  bus::publish(TOPICS.at(1));
  bus::publish(TOPICS[i]);
  bus::send(bus::Builder(TOPICS[1]));
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce test1 tests/consumer_test.cpp:4:3",
                             "app produce test2 tests/consumer_test.cpp:5:3",
                             "app produce test1 tests/consumer_test.cpp:6:3",
                             "app produce test2 tests/consumer_test.cpp:6:3",
                             "app produce test2 tests/consumer_test.cpp:7:3",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// A library's own string class (held-back acl-dev/acl, session 43: `static acl::string
// __key = "stream_key"; redis.xadd(__key, ...)` through `operator const char *`): a class
// made from a `const char *` that gives one back carries its text, as std::string does. A
// class that is made from text but gives none back (a topic object) is not text.
TEST(ValueFlow, AStringClassOfALibraryCarriesItsText) {
  TempDir dir;
  dir.write("eventscope.yaml", appConfig(R"(["**/*.cpp"])", R"(  - {function: "bus::xadd", role: produce, channel: {arg: 0}}
  - {function: "bus::send", role: produce, channel: {arg: 0}}
)"));
  dir.write("include/bus.h", R"(#pragma once
#include <cstring>
namespace acl {
class string {
public:
  string(const char *s = "") : buf_(s) {}
  operator const char *() const { return buf_; }
private:
  const char *buf_;
};
}
class Name {
public:
  Name(const char *s) : s_(s) {}
private:
  const char *s_;
};
namespace bus {
void xadd(const char *key, const char *field);
void send(const Name &topic);
}
)");
  dir.write("app.cpp", R"(#include <bus.h>
static acl::string __key = "stream_key";
void run() {
  bus::xadd(__key, "f");
  acl::string local("local_key");
  bus::xadd(local, "f");
  bus::send(Name("named"));
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce stream_key app.cpp:4:3",
                             "app produce local_key app.cpp:6:3",
                             "app produce named app.cpp:7:3",
                         }));
}

// Session 46 (new-user trial on Erionn02/url-shortener; held-back Kafka set, graph-learn):
// `std::string topic{getEnv(K)}` is a copy of the call's value ([dcl.init.list]/3.2), not a
// struct given field by field; a project's getenv wrapper with no default names its setting.
TEST(ValueFlow, BracesAroundOneValueOfTheSameClassAreThatValue) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("svc.cpp", R"(#include <kafka/KafkaProducer.h>
#include <cstdlib>
#include <stdexcept>
#include <string>
inline std::string getEnv(const std::string &name) {
  const char *value = std::getenv(name.c_str());
  if (value == nullptr) throw std::runtime_error("unset");
  return {value};
}
inline std::string topicOr(const char *fallback) { return fallback; }
void braced(kafka::clients::producer::KafkaProducer &p) {
  std::string topic{getEnv("KAFKA_TOPIC")};
  p.syncSend(kafka::clients::producer::ProducerRecord(topic, kafka::NullKey, kafka::NullValue));
}
void constant(kafka::clients::producer::KafkaProducer &p) {
  std::string topic{topicOr("orders")};
  p.syncSend(kafka::clients::producer::ProducerRecord(topic, kafka::NullKey, kafka::NullValue));
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce orders svc.cpp:17:5"})) << *x.endpoints.begin();
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{"svc.cpp:13:5 kafka::clients::producer::KafkaProducer::syncSend: the value is read from "
                                   "setting 'KAFKA_TOPIC', which has no default in the code (give it in `parameters:`)"}))
      << *x.unresolved.begin();
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\nparameters: {KAFKA_TOPIC: requests}\n");
  x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce orders svc.cpp:17:5",
                                                "app produce requests svc.cpp:13:5 {configured KAFKA_TOPIC}"}));
}

// RealmOfAesir's handlers (held-back Kafka set, session 47) log the queue's name before each
// send, `LOG(INFO) << "..." << queue_name;`, easylogging++'s header missing: the statement
// does not compile, and ExprMutationAnalyzer took every name in it for changed, so each send
// after a log was "changes after its initialiser". A statement Clang could not compile only
// reads what it names; a real change elsewhere still counts, and a `>>` into it is a
// configuration read.
TEST(ValueFlow, ANameLoggedByAStatementThatDoesNotCompileKeepsItsValue) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services: {app: ["**"]}
apis:
  - {function: "Queue::enqueue_message", role: produce, channel: {arg: 0}}
)");
  dir.write("svc.cpp", R"(#include <string>
#include <easylogging++.h>
#include <old_yaml.h>
struct Queue { virtual void enqueue_message(std::string topic, int message) = 0; };
void handle(Queue *q, int origin, bool banned) {
  std::string queue_name = "server-" + std::to_string(origin);
  if (banned) {
    LOG(INFO) << "banned - queue: " << queue_name;
    q->enqueue_message(queue_name, 1);
    return;
  }
  LOG(DEBUG) << "login - queue: " << queue_name;
  q->enqueue_message(queue_name, 2);
}
void changed(Queue *q, int origin) {
  std::string queue_name = "server-" + std::to_string(origin);
  LOG(INFO) << "queue: " << queue_name;
  queue_name += ".retry";
  q->enqueue_message(queue_name, 3);
}
void extracted(Queue *q, const old_yaml::Node &node) {
  std::string queue_name = "output";
  node >> queue_name;
  q->enqueue_message(queue_name, 4);
}
)");
  Extracted x = analyze(dir);
  // `node >> queue_name` that did not compile (yaml-cpp's old API) extracts into it: a
  // configuration read, the initialiser its default.
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce server-{origin} svc.cpp:9:8", "app produce server-{origin} svc.cpp:13:6",
                                                "app produce server-{origin}.retry svc.cpp:19:6",
                                                "app produce output svc.cpp:24:6 {default queue_name}"}))
      << *x.endpoints.begin();
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// parnassia's channels (held-back Redis set, session 47) are lookup tables:
// `static std::map<int, std::string> RedisChannelItemMap = {{RC_CONF_MONITOR, "ConfMonitor"},
// ...}` read as `publish(RedisChannelItemMap[RC_CONF_MONITOR], ...)` and in a braced list
// given to subscribe. A namespace-scope map given pairs and only looked up is a table: the
// value paired with a key Clang evaluates (an enumerator, an integer, text); for a key known
// only at run time, one of its values. A map the unit writes into is no table.
TEST(ValueFlow, ALookupTableReadByAConstantKeyIsThatKeysValue) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("svc.cpp", R"(#include <sw/redis++/redis++.h>
#include <map>
#include <string>
enum RedisChannel { RC_CONF_MONITOR, RC_TASK_RET };
static std::map<int, std::string> ChannelNames = {{RC_CONF_MONITOR, "ConfMonitor"}, {RC_TASK_RET, "RetTask"}};
static const std::map<std::string, std::string> Topics{{"status", "device.status"}};
std::map<int, std::string> Changed = {{1, "a"}};
void report(sw::redis::Redis &r) {
  r.publish(ChannelNames[RC_CONF_MONITOR], "x");
  r.publish(Topics.at("status"), "y");
}
void any(sw::redis::Redis &r, int which) { r.publish(ChannelNames[which], "z"); }
void change(sw::redis::Redis &r) {
  Changed[2] = "b";
  r.publish(Changed[1], "w");
}
void listen(sw::redis::Subscriber &s) { s.subscribe({ChannelNames[RC_TASK_RET], Topics.find("status")->second}); }
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce ConfMonitor svc.cpp:9:5", "app produce device.status svc.cpp:10:5",
                                                "app produce ConfMonitor svc.cpp:12:46", "app produce RetTask svc.cpp:12:46",
                                                "app consume RetTask svc.cpp:17:43", "app consume device.status svc.cpp:17:43"}))
      << *x.endpoints.begin();
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_EQ(x.unresolved.begin()->rfind("svc.cpp:15:5 ", 0), 0u) << *x.unresolved.begin();
}

// A configuration loader given a member to fill (graph-learn's `SetScalarOption(kafka_topic,
// map, group, "kafka-topic")`, whose body assigns its reference parameter from a YAML node):
// the member is the setting `kafka-topic`, its default member initialiser the default, and a
// value another unit copies into it at run time (a coordinator's message) is that setting set
// another way. A function that edits the text it is given (`append`) is no loader. Keyed reads
// of Boost.PropertyTree (`get_child("topic").get_value<std::string>()`) and of a
// variables_map into a namespace-scope string are settings too.
TEST(ValueFlow, AMemberFilledByAConfigurationLoaderIsASettingWithItsDefault) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("options.h", R"(#pragma once
#include <string>
#include <yaml-cpp/yaml.h>
struct PollingOptions {
  std::string kafka_topic = "record-polling";
  std::string suffixed = "audit";
  bool Set(const YAML::Node &map);
};
struct LoaderOptions {
  std::string output_topic = "record-batches";
};
)");
  dir.write("options.cpp", R"(#include "options.h"
template <typename T>
bool SetScalarOption(T &target, const YAML::Node &map, const std::string &group, const std::string &option) {
  auto node = map[option];
  if (node) target = node.as<T>();
  return true;
}
void Append(std::string &target, const std::string &tail) { target.append(tail); }
bool PollingOptions::Set(const YAML::Node &map) {
  std::string group = "polling";
  bool ok = SetScalarOption(kafka_topic, map, group, "kafka-topic");
  Append(suffixed, "-v2");
  return ok;
}
)");
  dir.write("server.cpp", R"(#include "options.h"
struct Info { std::string topic; };
void configure(PollingOptions &opts, const Info &info) { opts.kafka_topic = info.topic; }
)");
  dir.write("loader.cpp", R"(#include "options.h"
#include <boost/property_tree/ptree.hpp>
void load(LoaderOptions &opts, const boost::property_tree::ptree &tree) {
  auto &kafka = tree.get_child("downstream.kafka");
  opts.output_topic = kafka.get_child("topic").get_value<std::string>();
}
)");
  dir.write("bench.cpp", R"(#include <boost/program_options.hpp>
#include <string>
std::string topic = "bench";
void parse(const boost::program_options::variables_map &vm) {
  if (vm.count("topic")) topic = vm["topic"].as<std::string>();
}
)");
  dir.write("poller.cpp", R"(#include "options.h"
#include <boost/program_options.hpp>
#include <cppkafka/cppkafka.h>
extern std::string topic;
void poll(const PollingOptions &opts, const LoaderOptions &loader, cppkafka::Consumer &c, cppkafka::Producer &p) {
  c.subscribe({opts.kafka_topic});
  p.produce(cppkafka::MessageBuilder(opts.suffixed));
  p.produce(cppkafka::MessageBuilder(loader.output_topic));
  p.produce(cppkafka::MessageBuilder(topic));
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume record-polling poller.cpp:6:5 [poll] {default kafka-topic}",
                                                "app produce record-batches poller.cpp:8:5 {default topic}",
                                                "app produce bench poller.cpp:9:5 {default topic}"}))
      << *x.endpoints.begin();
  EXPECT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("poller.cpp:7:5 cppkafka::Producer::produce: member 'suffixed' is changed in place"),
            std::string::npos)
      << *x.unresolved.begin();
  CommandResult r = runEventscope({"scan", dir.path(), "--no-cache"});
  nlohmann::json j = nlohmann::json::parse(r.out);
  for (const nlohmann::json &e : j["endpoints"])
    EXPECT_EQ(e.value("value", ""), "default") << e.dump();
}

// mrover-ros2's ParameterWrapper (held-back ROS 2 set, session 46): a setting read by a
// constructor (`{"device", deviceName, "video0"}` elements of a vector's braced list), described
// with `out:`, writes the local it is given; the topic formatted from it rests on the default.
TEST(ValueFlow, ASettingReadByAConstructorInABracedListWritesItsOutArgument) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services: {cam: ["**"]}
apis:
  - {function: "mrover::ParameterWrapper::ParameterWrapper", role: setting, name: {arg: 0}, out: {arg: 1}, default: {arg: 2}}
)");
  dir.write("cam.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/image.hpp>
#include <format>
#include <string>
#include <vector>
namespace mrover {
class ParameterWrapper {
public:
  ParameterWrapper(std::string name, int &variable, int fallback = 0) : name_(std::move(name)), i_(&variable) { *i_ = fallback; }
  ParameterWrapper(std::string name, std::string &variable, std::string fallback = "") : name_(std::move(name)), s_(&variable) { *s_ = fallback; }
  static void declareParameters(rclcpp::Node *node, std::vector<ParameterWrapper> &params);
private:
  std::string name_;
  int *i_ = nullptr;
  std::string *s_ = nullptr;
};
class UsbCamera : public rclcpp::Node {
public:
  UsbCamera() : Node("usb_camera") {
    int width{};
    std::string deviceName{};
    std::vector<ParameterWrapper> params{{"width", width, 640}, {"device", deviceName, "video0"}};
    ParameterWrapper::declareParameters(this, params);
    std::string imageTopicName = std::format("/{}/image", deviceName);
    pub_ = create_publisher<sensor_msgs::msg::Image>(imageTopicName, 1);
  }
  rclcpp::Publisher<sensor_msgs::msg::Image>::SharedPtr pub_;
};
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"cam produce /video0/image cam.cpp:25:12 {default device}"}))
      << (x.endpoints.empty() ? (x.unresolved.empty() ? "" : *x.unresolved.begin()) : *x.endpoints.begin());
}

// livox_ros2_driver (held-back ROS 2 set, session 46): publishers made by a wrapper that takes
// the topic by non-const reference, kept as `std::shared_ptr<rclcpp::PublisherBase>` in member
// arrays, and used through `std::dynamic_pointer_cast<rclcpp::Publisher<T>>(...)`: each wrapper
// call makes a publisher with the name its caller gives (a constant, a printed name), and the
// publish through the cast is on either.
TEST(ValueFlow, APublisherKeptAsItsBaseAndCastBackKeepsItsTopic) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {lidar: [\"**\"]}\n");
  dir.write("lddc.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/point_cloud2.hpp>
#include <cstdio>
#include <memory>
#include <string>
class Lddc {
public:
  explicit Lddc(rclcpp::Node *node) : node_(node) {}
  std::shared_ptr<rclcpp::PublisherBase> CreatePublisher(std::string &topic_name, uint32_t queue_size) {
    return node_->create_publisher<sensor_msgs::msg::PointCloud2>(topic_name, queue_size);
  }
  std::shared_ptr<rclcpp::PublisherBase> GetCurrentPublisher(uint8_t handle, const char *code) {
    if (multi_) {
      if (!private_pub_[handle]) {
        char name_str[48];
        snprintf(name_str, sizeof(name_str), "livox/lidar_%s", code);
        std::string topic_name(name_str);
        private_pub_[handle] = CreatePublisher(topic_name, 32);
      }
      return private_pub_[handle];
    }
    if (!global_pub_) {
      std::string topic_name("livox/lidar");
      global_pub_ = CreatePublisher(topic_name, 256);
    }
    return global_pub_;
  }
  void Publish(uint8_t handle, const sensor_msgs::msg::PointCloud2 &cloud) {
    auto publisher = std::dynamic_pointer_cast<rclcpp::Publisher<sensor_msgs::msg::PointCloud2>>(
        GetCurrentPublisher(handle, "x"));
    publisher->publish(cloud);
  }
private:
  rclcpp::Node *node_;
  bool multi_ = false;
  std::shared_ptr<rclcpp::PublisherBase> private_pub_[4];
  std::shared_ptr<rclcpp::PublisherBase> global_pub_;
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"lidar produce /livox/lidar_x lddc.cpp:31:16",
                                                "lidar produce /livox/lidar lddc.cpp:31:16"}))
      << (x.endpoints.empty() ? (x.unresolved.empty() ? "" : *x.unresolved.begin()) : *x.endpoints.begin());
}

} // namespace
