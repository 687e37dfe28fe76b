// C++ extraction end to end: small systems written to a temporary directory, parsed with
// Clang, and every endpoint, trigger and unresolved site compared with the expectation.
#include "model/input_error.h"
#include "cli/analysis.h"
#include "test_support.h"
#include "extraction_support.h"

#include <gtest/gtest.h>

#include <set>

using namespace eventscope;
using eventscope::testing::CommandResult;
using eventscope::testing::runEventscope;
using eventscope::testing::TempDir;
using eventscope::testing::Extracted;
using eventscope::testing::analyze;

namespace {

const char *kBusConfig = R"(sources: ["**/*.cpp"]
include_dirs: [include]
apis:
  - {function: "bus::Bus::publish",   role: produce, channel: {arg: 0}}
  - {function: "bus::Bus::subscribe", role: consume, channel: {arg: 0}, handler: {arg: 1}}
  - {function: "bus::Bus::subscribeMember", role: consume, channel: {arg: 0}, handler: {arg: 1}}
  - {function: "bus::Bus::emit",      role: produce, channel: {type_of_arg: 0}}
  - {function: "bus::Bus::on",        role: consume, channel: {template_arg: 0}, handler: {arg: 0}}
)";

const char *kBusHeader = R"(#pragma once
#include <functional>
#include <string>
namespace bus {
struct Message { std::string body; };
class Bus {
public:
  using Handler = std::function<void(const Message &)>;
  void publish(const std::string &topic, const Message &m);
  void subscribe(const std::string &topic, Handler handler);
  template <class T> void subscribeMember(const std::string &topic, void (T::*method)(const Message &), T *object);
  template <class E> void emit(const E &event);
  template <class E> void on(std::function<void(const E &)> handler);
};
Bus &get();
}
)";

TempDir busSystem() {
  TempDir dir;
  dir.write("eventscope.yaml", kBusConfig);
  dir.write("include/bus.h", kBusHeader);
  return dir;
}

TEST(CppExtraction, ChannelConstantsOfEveryKindAcrossHeaders) {
  TempDir dir = busSystem();
  dir.write("include/topics.h", R"(#pragma once
#include <string>
#include <string_view>
namespace topics {
constexpr const char *kA = "a.constexpr";
const char *const kB = "b.constptr";
const char kC[] = "c.array";
const std::string kD = "d.string";
constexpr std::string_view kE = "e.view";
struct Names {
  static constexpr const char *kF = "f.static";
  static const std::string kG;
};
}
)");
  dir.write("svc/main.cpp", R"(#include "bus.h"
#include "topics.h"
const std::string topics::Names::kG = "g.static";
void run(bus::Bus &b, const bus::Message &m) {
  b.publish("literal", m);
  b.publish(topics::kA, m);
  b.publish(topics::kB, m);
  b.publish(topics::kC, m);
  b.publish(topics::kD, m);
  b.publish(std::string(topics::kE), m);
  b.publish(topics::Names::kF, m);
  b.publish(topics::Names::kG, m);
  b.publish(std::string(topics::kA) + ".suffix", m);
  b.publish(topics::kD + "." + "x", m);
  std::string local = "local.var";
  b.publish(local.c_str(), m);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc produce a.constexpr svc/main.cpp:6:5",
                             "svc produce a.constexpr.suffix svc/main.cpp:13:5",
                             "svc produce b.constptr svc/main.cpp:7:5",
                             "svc produce c.array svc/main.cpp:8:5",
                             "svc produce d.string svc/main.cpp:9:5",
                             "svc produce d.string.x svc/main.cpp:14:5",
                             "svc produce e.view svc/main.cpp:10:5",
                             "svc produce f.static svc/main.cpp:11:5",
                             "svc produce g.static svc/main.cpp:12:5",
                             "svc produce literal svc/main.cpp:5:5",
                             "svc produce local.var svc/main.cpp:16:5",
                         }));
  EXPECT_TRUE(x.unresolved.empty());
}

TEST(CppExtraction, HandlersOfEveryKindAndTheirTriggers) {
  TempDir dir = busSystem();
  dir.write("svc/handlers.cpp", R"(#include "bus.h"
using bus::Message;
static void freeHandler(const Message &m) { bus::get().publish("from.free", m); }
struct Functor {
  void operator()(const Message &m) const { bus::get().publish("from.functor", m); }
};
class Service {
public:
  Service() {
    onStored_ = [](const Message &m) { bus::get().publish("from.stored", m); };
    onTwice_ = [](const Message &m) { bus::get().publish("from.twice.a", m); };
  }
  void onBound(const Message &m) { bus::get().publish("from.bind", m); }
  void onMember(const Message &m) { bus::get().publish("from.member", m); }
  void start() {
    using namespace std::placeholders;
    bus::get().subscribe("in.bind", std::bind(&Service::onBound, this, _1));
    bus::get().subscribeMember("in.member", &Service::onMember, this);
    bus::get().subscribe("in.stored", onStored_);
    bus::get().subscribe("in.twice", onTwice_);
  }
  void rewire() { onTwice_ = [](const Message &m) { bus::get().publish("from.twice.b", m); }; }
private:
  // A member given one callable is that handler; one given two is not known.
  std::function<void(const Message &)> onStored_, onTwice_;
};
struct Typed {};
void start() {
  bus::get().subscribe("in.lambda", [](const Message &m) { bus::get().publish("from.lambda", m); });
  bus::get().subscribe("in.free", freeHandler);
  bus::get().subscribe("in.functor", Functor{});
  std::function<void(const Message &)> stored = [](const Message &m) { bus::get().publish("from.function", m); };
  bus::get().subscribe("in.function", stored);
  bus::get().on<Typed>([](const Typed &) { bus::get().emit(Typed{}); });
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "svc Typed -> Typed via lambda at svc/handlers.cpp:34:24",
                            "svc in.bind -> from.bind via Service::onBound",
                            "svc in.free -> from.free via freeHandler",
                            "svc in.function -> from.function via lambda at svc/handlers.cpp:32:49",
                            "svc in.functor -> from.functor via Functor::operator()",
                            "svc in.lambda -> from.lambda via lambda at svc/handlers.cpp:29:37",
                            "svc in.member -> from.member via Service::onMember",
                            "svc in.stored -> from.stored via lambda at svc/handlers.cpp:10:17",
                        }));
  EXPECT_TRUE(x.endpoints.count("svc consume in.free svc/handlers.cpp:30:14 [freeHandler]"));
  EXPECT_TRUE(x.endpoints.count("svc consume Typed svc/handlers.cpp:34:14 [lambda at svc/handlers.cpp:34:24]"));
  EXPECT_TRUE(x.endpoints.count("svc consume in.twice svc/handlers.cpp:20:16"));
}

TEST(CppExtraction, WrappersAcrossTranslationUnitsAndVirtualCalls) {
  TempDir dir = busSystem();
  dir.write("include/wrap.h", R"(#pragma once
#include <string>
void sendEvent(const std::string &topic);
void sendOrderEvent(const std::string &topic);
struct Processor {
  virtual ~Processor() = default;
  virtual void process() = 0;
};
Processor &processor();
)");
  dir.write("common/wrap.cpp", R"(#include "bus.h"
#include "wrap.h"
void sendEvent(const std::string &topic) { bus::get().publish(topic, bus::Message{}); }
void sendOrderEvent(const std::string &topic) { sendEvent(topic); }
)");
  dir.write("orders/orders.cpp", R"(#include "bus.h"
#include "wrap.h"
struct Shipping : Processor {
  void process() override { sendOrderEvent("order.shipped"); }
};
void onPaid(const bus::Message &) { processor().process(); }
void start() {
  sendOrderEvent("order.created");
  bus::get().subscribe("order.paid", onPaid);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "orders consume order.paid orders/orders.cpp:9:14 [onPaid]",
                             "orders produce order.created orders/orders.cpp:8:3",
                             "orders produce order.shipped orders/orders.cpp:4:29",
                         }));
  EXPECT_EQ(x.triggers,
            (std::set<std::string>{"orders order.paid -> order.shipped via onPaid,Shipping::process"}));
  EXPECT_TRUE(x.unresolved.empty());
}

TEST(CppExtraction, RunTimeChannelsBecomeUnresolvedSitesWithTheirReason) {
  TempDir dir = busSystem();
  dir.write("svc/main.cpp", R"(#include "bus.h"
#include <cstdlib>
std::string lookup(const char *key);
std::string g_topic = "mutable.global";
int main(int argc, char **argv) {
  bus::get().publish(std::getenv("TOPIC"), bus::Message{});
  bus::get().publish(argv[1], bus::Message{});
  bus::get().publish(lookup("topic"), bus::Message{});
  g_topic = lookup("other");
  bus::get().publish(g_topic, bus::Message{});
}
)");
  Extracted x = analyze(dir);
  EXPECT_TRUE(x.endpoints.empty());
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{
                "svc/main.cpp:6:14 bus::Bus::publish: the value is read from setting 'TOPIC', which has no default in the "
                              "code (give it in `parameters:`)",
                "svc/main.cpp:7:14 bus::Bus::publish: the value is command-line argument 1 (give it in `parameters:` "
                "as argv[1])",
                "svc/main.cpp:8:14 bus::Bus::publish: the value is the result of a call to lookup",
                "svc/main.cpp:10:14 bus::Bus::publish: variable 'g_topic' is given a value that is not constant at "
                "svc/main.cpp:9:13 (the value is the result of a call to lookup)",
            }));
}

TEST(CppExtraction, LibrdkafkaCppOnTheRealHeader) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("payments/payments.cpp", R"(#include <librdkafka/rdkafkacpp.h>
#include <memory>
#include <string>
#include <vector>
static RdKafka::Topic *g_audit;
void init(RdKafka::Producer *producer, RdKafka::Conf *conf) {
  std::string error;
  g_audit = RdKafka::Topic::create(producer, "payments.audit", conf, error);
}
void settle(RdKafka::Producer *producer, RdKafka::Message *request) {
  producer->produce("payment.settled", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    request->payload(), request->len(), nullptr, 0, 0, nullptr);
  producer->produce(g_audit, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, request->payload(),
                    request->len(), nullptr, nullptr);
}
void run(RdKafka::KafkaConsumer *consumer, RdKafka::Producer *producer) {
  consumer->subscribe({"order.placed", "order.updated"});
  while (true) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(1000));
    settle(producer, message.get());
  }
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "payments consume order.placed payments/payments.cpp:17:13 [run]",
                             "payments consume order.updated payments/payments.cpp:17:13 [run]",
                             "payments produce payment.settled payments/payments.cpp:11:13",
                             "payments produce payments.audit payments/payments.cpp:13:13",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "payments order.placed -> payment.settled via run,settle",
                            "payments order.placed -> payments.audit via run,settle",
                            "payments order.updated -> payment.settled via run,settle",
                            "payments order.updated -> payments.audit via run,settle",
                        }));
  EXPECT_TRUE(x.warnings.empty()) << x.warnings.front();
}

TEST(CppExtraction, AMissingHeaderIsSkippedAndCounted) {
  TempDir dir = busSystem();
  dir.write("svc/main.cpp", R"(#include "bus.h"
#include "generated/does_not_exist.pb.h"
#include <string>
void start() {
  std::string topic = "still.found";
  bus::get().publish(topic, bus::Message{});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"svc produce still.found svc/main.cpp:6:14"}));
  ASSERT_EQ(x.warnings.size(), 2u);
  EXPECT_EQ(x.warnings[0], "1 header(s) not found, most often: generated/does_not_exist.pb.h (1 file). Calls that "
                           "depend on them may be missing (analysis-incomplete). Without a build, add the directories "
                           "that hold them to `include_dirs` (globs allowed) or `-isystem DIR` to `compile_flags`; "
                           "with one, pass -p BUILD_DIR (its compile_commands.json)");
  EXPECT_EQ(x.warnings[1], "1 of 1 translation unit(s) were analysed in part (analysis-incomplete)");
  // ... and the file is a finding at the #include: a gate does not pass on it unnoticed.
  CommandResult r = runEventscope({"check", dir.path(), "--no-color"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("svc/main.cpp:2:10: error: svc/main.cpp was analysed in part: header "
                       "\"generated/does_not_exist.pb.h\" not found (1 missing header); calls in the code that could "
                       "not be read may be missing from the graph [analysis-incomplete]"),
            std::string::npos)
      << r.out;
}

TEST(CppExtraction, AnUnparsableFileIsReportedAndTheRunContinues) {
  TempDir dir = busSystem();
  dir.write("a/good.cpp", "#include \"bus.h\"\nvoid f() { bus::get().publish(\"ok\", bus::Message{}); }\n");
  dir.write("b/broken.cpp", "this is not C++ at all {{{\n");
  CommandResult r = runEventscope({"scan", dir.path()});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("\"channel\": \"ok\""), std::string::npos);
  EXPECT_NE(r.err.find("b/broken.cpp: not analysed: b/broken.cpp:1:1: expected unqualified-id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 of 2 translation unit(s) could not be analysed"), std::string::npos) << r.err;
  CommandResult strict = runEventscope({"scan", dir.path(), "--strict"});
  EXPECT_EQ(strict.exitCode, 2);
  EXPECT_EQ(strict.out, "");
}

TEST(CppExtraction, ResultsAreIdenticalForAnyNumberOfJobs) {
  CommandResult one = runEventscope({"scan", eventscope::testing::sourceDir() + "/samples/cpp-shop", "-j", "1"});
  CommandResult four = runEventscope({"scan", eventscope::testing::sourceDir() + "/samples/cpp-shop", "-j", "4"});
  EXPECT_EQ(one.exitCode, 0);
  EXPECT_EQ(one.out, four.out);
  EXPECT_GT(one.out.size(), 1000u);
  // and what is drawn from it, laid out by Graphviz
  std::string shop = eventscope::testing::sourceDir() + "/samples/cpp-shop";
  CommandResult svgOne = runEventscope({"graph", shop, "--view", "full", "--format", "svg", "-j", "1", "-q"});
  CommandResult svgFour = runEventscope({"graph", shop, "--view", "full", "--format", "svg", "-j", "4", "-q"}, "/");
  EXPECT_EQ(svgOne.exitCode, 0) << svgOne.err;
  EXPECT_EQ(svgOne.out, svgFour.out);
  EXPECT_NE(svgOne.out.find("<title>cluster_orders</title>"), std::string::npos);
}

TEST(CppExtraction, CompilationDatabaseErrorsNameTheFile) {
  TempDir dir = busSystem();
  dir.write("build/compile_commands.json", "[ {\"directory\": ");
  CommandResult r = runEventscope({"check", dir.path(), "-p", dir.path() + "/build"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("eventscope: error: " + dir.path() + "/build: cannot load compile_commands.json"),
            std::string::npos)
      << r.err;

  dir.write("build/compile_commands.json",
            "[{\"directory\": \"" + dir.path() + "\", \"file\": \"" + dir.path() +
                "/svc/gone.cpp\", \"arguments\": [\"c++\", \"-c\", \"svc/gone.cpp\"]}]");
  CommandResult missing = runEventscope({"check", dir.path(), "-p", dir.path() + "/build"});
  EXPECT_EQ(missing.exitCode, 1); // every file failed: the gate fails (analysis-incomplete)
  EXPECT_NE(missing.err.find("svc/gone.cpp: not analysed"), std::string::npos) << missing.err;
}

TEST(CppExtraction, TheCppSampleHasEveryFindingItsReadmeExplains) {
  CommandResult r = runEventscope({"check", eventscope::testing::sourceDir() + "/samples/cpp-shop", "--no-color"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  eventscope::testing::expectGolden("cli/cpp-shop.txt", r.out);
  CommandResult clean = runEventscope({"check", eventscope::testing::sourceDir() + "/samples/cpp-shop-clean"});
  EXPECT_EQ(clean.exitCode, 0) << clean.out;
  EXPECT_EQ(clean.out, "");
}

} // namespace

namespace {

TEST(CppExtraction, TemplateWrappersAndConstructorsAreFollowed) {
  TempDir dir = busSystem();
  dir.write("svc/main.cpp", R"(#include "bus.h"
template <class T> void send(const std::string &topic, const T &) { bus::get().publish(topic, bus::Message{}); }
struct Audit {
  Audit() { send("audit.opened", 1); }
};
void onOrder(const bus::Message &) { Audit audit; }
void start() {
  send("order.sent", 2.0);
  bus::get().subscribe("order.in", onOrder);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume order.in svc/main.cpp:9:14 [onOrder]",
                             "svc produce audit.opened svc/main.cpp:4:13",
                             "svc produce order.sent svc/main.cpp:8:3",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"svc order.in -> audit.opened via onOrder,Audit::Audit"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

TEST(CppExtraction, AnApiEntryWithAWrongArgumentIndexIsReported) {
  TempDir dir;
  dir.write("eventscope.yaml", std::string(kBusConfig) + "  - {function: \"bus::Bus::publish\", role: produce, channel: {arg: 5}}\n");
  dir.write("include/bus.h", kBusHeader);
  dir.write("svc/main.cpp", "#include \"bus.h\"\nvoid f() { bus::get().publish(\"x\", bus::Message{}); }\n");
  Extracted x = analyze(dir);
  EXPECT_TRUE(x.endpoints.count("svc produce x svc/main.cpp:2:23"));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"svc/main.cpp:2:23 bus::Bus::publish: the API description of "
                                                 "bus::Bus::publish (eventscope.yaml:9:5) names argument 5, but "
                                                 "this call has 2 argument(s)"}));
  ASSERT_EQ(x.warnings.size(), 1u);
  EXPECT_EQ(x.warnings[0], "eventscope.yaml:9:5: the `apis` entry for bus::Bus::publish names an argument that "
                           "calls of it do not have");
}

} // namespace

namespace {

TEST(CppExtraction, GenericLambdaHandlersKeepTheirCalls) {
  TempDir dir = busSystem();
  dir.write("svc/main.cpp", R"(#include "bus.h"
class Service {
public:
  Service() {
    bus::get().subscribe("in", [this](const auto &m) { handle(m); });
  }
private:
  void handle(const bus::Message &m) { bus::get().publish("out", m); }
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{"svc in -> out via lambda at svc/main.cpp:5:32,Service::handle"}));
}

} // namespace

namespace {

TEST(CppExtraction, CallsOnUnknownTypesMatchApisByNameWhenHeadersAreMissing) {
  TempDir dir;
  dir.write("eventscope.yaml", kBusConfig); // include/bus.h is not there
  dir.write("include/other.h", "");
  dir.write("svc/main.cpp", R"(#include "bus.h"
struct OrderPlaced {};
bus::Bus *g_bus;
void onOrder(const bus::Message &m) { g_bus->publish("order.seen", m); }
void start(bus::Bus &b) {
  b.subscribe("order.in", onOrder);
  b.on<OrderPlaced>(onOrder);
}
)");
  Extracted x = analyze(dir);
  // "subscribe" is also librdkafka's name: the user's own APIs win a match by name.
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume OrderPlaced svc/main.cpp:7:5 [onOrder]",
                             "svc consume order.in svc/main.cpp:6:5 [onOrder]",
                             "svc produce order.seen svc/main.cpp:4:46",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"svc order.in -> order.seen via onOrder",
                                               "svc OrderPlaced -> order.seen via onOrder"}));
}

} // namespace

namespace {

TEST(CppExtraction, DualWritesInAFunctionAndThroughAHandler) {
  TempDir dir;
  dir.write("eventscope.yaml", std::string(kBusConfig) + "persistence_apis: [\"Db::save\"]\n");
  dir.write("include/bus.h", kBusHeader);
  dir.write("svc/main.cpp", R"cpp(#include "bus.h"
#include <sqlite3.h>
struct Db { void save(const char *table); };
Db db;
void placeOrder() {
  bus::get().publish("order.placed", bus::Message{});
  db.save("orders");
}
void store(sqlite3 *sql) { sqlite3_exec(sql, "INSERT INTO payments VALUES (1)", nullptr, nullptr, nullptr); }
void onPaid(const bus::Message &m) {
  store(nullptr);
  bus::get().publish("receipt.sent", m);
}
void withOutbox(sqlite3 *sql) {
  sqlite3_exec(sql, "INSERT INTO outbox VALUES ('order.shipped')", nullptr, nullptr, nullptr);
  bus::get().publish("order.shipped", bus::Message{});
}
void start() { bus::get().subscribe("payment.done", onPaid); }
)cpp");
  CommandResult r = runEventscope({"check", dir.path(), "--format", "json", "--fail-on", "never"});
  std::vector<std::string> dual;
  for (size_t at = r.out.find("\"rule\": \"dual-write\""); at != std::string::npos;
       at = r.out.find("\"rule\": \"dual-write\"", at + 1)) {
    size_t m = r.out.find("\"message\": \"", at) + 12;
    dual.push_back(r.out.substr(m, r.out.find('"', m) - m));
  }
  EXPECT_EQ(dual, (std::vector<std::string>{
                      "placeOrder produces 'order.placed' and writes state with Db::save (the event is produced first: a "
                      "crash before the write leaves a published event with no state behind it)",
                      "onPaid produces 'receipt.sent' and writes state with sqlite3_exec (the state is written, then "
                      "the event produced without an outbox: a crash in between loses the event)"}))
      << r.err;
}

} // namespace

namespace {

// Several programs in one service directory (examples, tools): each main() is its own, so
// what one program consumes does not trigger what another produces.
TEST(CppExtraction, EachProgramsMainIsItsOwnFunction) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\"]\n");
  dir.write("tools/listen.c", R"c(#include <nats/nats.h>
int main(void) {
  natsConnection *nc = 0;
  natsSubscription *sub = 0;
  natsConnection_SubscribeSync(&sub, nc, "in");
  return 0;
}
)c");
  dir.write("tools/send.c", R"c(#include <nats/nats.h>
int main(void) {
  natsConnection *nc = 0;
  natsConnection_PublishString(nc, "out", "x");
  return 0;
}
)c");
  eventscope::testing::Extracted x = eventscope::testing::analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"tools consume in tools/listen.c:5:3 [main]",
                                               "tools produce out tools/send.c:4:3"}));
  EXPECT_TRUE(x.triggers.empty()) << *x.triggers.begin();
}

// Two programs that each define the same class method (a heartbeat's `listen` in the car's
// and the station's sources): each service's handler runs its own copy, so the station
// does not get the car's trigger. Code of a shared library still runs for its callers.
TEST(CppExtraction, AFunctionDefinedAgainInAnotherProgramIsThatProgramsOwn) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [common]\n"
                               "services:\n  car: [\"car/**\"]\n  station: [\"station/**\"]\n  common: [\"common/**\"]\n"
                               "apis:\n  - {function: bus_publish, role: produce, channel: {arg: 0}}\n"
                               "  - {function: bus_subscribe, role: consume, channel: {arg: 0}, handler: {arg: 1}}\n");
  dir.write("common/heartbeat.h", R"cpp(void bus_publish(const char *topic);
void bus_subscribe(const char *topic, void (*handler)());
void audit();
struct Heartbeat {
  static void listen();
};
)cpp");
  dir.write("common/audit.cpp", "#include \"heartbeat.h\"\nvoid audit() { bus_publish(\"audit\"); }\n");
  dir.write("car/heartbeat.cpp", R"cpp(#include "heartbeat.h"
void Heartbeat::listen() { bus_publish("car/stop"); }
int main() { bus_subscribe("station/hb", Heartbeat::listen); }
)cpp");
  dir.write("station/heartbeat.cpp", R"cpp(#include "heartbeat.h"
void Heartbeat::listen() { audit(); }
int main() { bus_subscribe("car/hb", Heartbeat::listen); }
)cpp");
  eventscope::testing::Extracted x = eventscope::testing::analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{"car station/hb -> car/stop via Heartbeat::listen",
                                               "station car/hb -> audit via Heartbeat::listen,audit"}));
}

} // namespace

namespace {

// Issue 17 item 6: an `apis` entry that names no declared function, and matched no call, is a
// warning with the closest names that exist whole (a typo in a class, a method, a namespace); names are matched
// after macro expansion (a namespace opened by a macro) and a constructor by its class.
TEST(CppExtraction, ApiEntriesThatMatchNothingAreReportedWithTheClosestNames) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services: {a: ["**"]}
apis:
  - {function: "shop::Bus::publish", role: produce, channel: {arg: 0}}
  - {function: "shop::Bus::publsh", role: produce, channel: {arg: 0}}
  - {function: "shpo::Bus::subscribe", role: consume, channel: {arg: 0}}
  - {function: "shop::Buss::subscribe", role: consume, channel: {arg: 0}}
  - {function: "shop::Topic::Topic", role: handle, channel: {arg: 0}}
  - {function: "shop::emit", role: produce, channel: {arg: 0}}
  - {function: "nowhere::send", role: produce, channel: {arg: 0}}
  - {function: "sw::redis::Redis::rpush", role: produce, channel: {arg: 0}}
  - {function: "legacy::Client::send", role: produce, channel: {arg: 0}}
)");
  // Matched by name where its header is missing: it works, so no warning (the missing
  // header is said as analysis-incomplete).
  dir.write("b.cpp", "#include <legacy/client.h>\nvoid f(legacy::Client &c) { c.send(\"jobs\"); }\n");
  dir.write("a.cpp", R"(#include <string>
#define SHOP_BEGIN namespace shop { inline namespace v2 {
#define SHOP_END } }
SHOP_BEGIN
struct Bus { void publish(const std::string &t); void subscribe(const std::string &t); };
struct Topic { explicit Topic(const std::string &name); };
template <class T> void emit(const std::string &t, const T &value);
SHOP_END
void run(shop::Bus &bus) { bus.publish("orders"); }
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"a produce orders a.cpp:9:32", "a produce jobs b.cpp:2:31"}));
  std::vector<std::string> expected = {
      "eventscope.yaml:5:5: the `apis` entry for shop::Bus::publsh matches no function declared in the analysed code; "
      "did you mean shop::Bus::publish (a header declaring it may also be missing)",
      "eventscope.yaml:6:5: the `apis` entry for shpo::Bus::subscribe matches no function declared in the analysed code; "
      "did you mean shop::Bus::subscribe (a header declaring it may also be missing)",
      "eventscope.yaml:7:5: the `apis` entry for shop::Buss::subscribe matches no function declared in the analysed "
      "code; did you mean shop::Bus::subscribe (a header declaring it may also be missing)",
      "eventscope.yaml:10:5: the `apis` entry for nowhere::send matches no function declared in the analysed code (a "
      "header declaring it may also be missing)",
      // `std` is near `sw`, but std::redis::Redis::rpush does not exist: no suggestion.
      "eventscope.yaml:11:5: the `apis` entry for sw::redis::Redis::rpush matches no function declared in the analysed "
      "code (a header declaring it may also be missing)",
  };
  std::vector<std::string> apiWarnings;
  for (const std::string &w : x.warnings)
    if (w.find("the `apis` entry for") != std::string::npos)
      apiWarnings.push_back(w);
  EXPECT_EQ(apiWarnings, expected);
}

} // namespace

namespace {

// Found by a new user on an unseen fleet: a function in an anonymous namespace is named in
// `apis` as its file spells it (`env_or`) or as Clang prints it (`(anonymous namespace)::
// env_or`), and neither is said to match nothing; a captureless lambda given as a C
// function pointer (natsMsgHandler) is the handler, inline or through a variable.
TEST(CppExtraction, AnonymousNamespacesAndLambdasMadeFunctionPointers) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services: {a: ["**"]}
apis:
  - {function: "env_or", role: setting, name: {arg: 0}, default: {arg: 1}}
  - {function: "(anonymous namespace)::flag_or", role: setting, name: {arg: 0}, default: {arg: 1}}
)");
  dir.write("a.cpp", R"(#include <nats/nats.h>
#include <cstdlib>
#include <string>
namespace {
std::string env_or(const char *name, const char *fallback) { const char *v = std::getenv(name); return v ? v : fallback; }
std::string flag_or(const char *name, const char *fallback) { return fallback; }
}
static void helper(natsConnection *nc) { natsConnection_PublishString(nc, "out.subject", "x"); }
void setup(natsConnection *nc) {
  natsSubscription *sub = nullptr;
  natsConnection_Subscribe(&sub, nc, env_or("LOOKUP", "registry.lookup").c_str(),
      [](natsConnection *c, natsSubscription *, natsMsg *m, void *) { helper(c); natsMsg_Destroy(m); }, nullptr);
  natsMsgHandler h = [](natsConnection *c, natsSubscription *, natsMsg *m, void *) { helper(c); natsMsg_Destroy(m); };
  natsConnection_Subscribe(&sub, nc, flag_or("in", "in.var").c_str(), h, nullptr);
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "a in.var -> out.subject via lambda at a.cpp:13:22,helper",
                            "a registry.lookup -> out.subject via lambda at a.cpp:12:7,helper",
                        }));
  for (const std::string &w : x.warnings)
    EXPECT_EQ(w.find("the `apis` entry for"), std::string::npos) << w;
}

} // namespace

namespace {

// A header no `services` glob names belongs to the service of the analysed files that
// include it, when they are all of one (a class's header next to its .cpp; kilo-oms'
// KafkaPush.hpp, dp_aero_L2's l2_fusion_manager.h); a header shared by several services
// keeps its first directory, as before, rather than being given to all of them. A `services`
// glob may name headers: one that names only a header read is no "matches nothing".
TEST(CppExtraction, AHeaderBelongsToTheServiceOfTheFilesThatIncludeIt) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["src/*.cpp"]
include_dirs: [include]
services: {engine: ["src/engine*.cpp"], gateway: ["src/gateway.cpp"], bus: ["include/bus.h"]}
apis:
  - {function: bus_publish, role: produce, channel: {arg: 0}}
)");
  dir.write("include/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("include/engine_status.h",
            "#pragma once\n#include \"bus.h\"\ninline void announce() { bus_publish(\"engine/up\"); }\n");
  dir.write("include/common.h", "#pragma once\n#include \"bus.h\"\ninline void heartbeat() { bus_publish(\"heartbeat\"); }\n");
  dir.write("src/engine.cpp", "#include \"engine_status.h\"\n#include \"common.h\"\nint main() { announce(); heartbeat(); }\n");
  dir.write("src/engine_extra.cpp", "#include \"engine_status.h\"\nvoid again() { announce(); }\n");
  dir.write("src/gateway.cpp", "#include \"common.h\"\nint main() { heartbeat(); }\n");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"engine produce engine/up include/engine_status.h:3:26",
                                                 "include produce heartbeat include/common.h:3:27"}));
  // A glob that names only a header the code reads matches something.
  for (const std::string &warning : x.warnings)
    EXPECT_EQ(warning.find("matches no analysed code"), std::string::npos) << warning;
}

// Alpha-Microservice (session 18's held-back Redis set): one `include_dirs` glob over every
// service's include/, and a `config.hpp` in each. Without a build database every file gets
// the same flags; the directories nearest the file come first, as each service's own build
// would put them, so each service reads its own header.
TEST(CppExtraction, SameNamedHeadersOfSeveralServicesAreEachServicesOwn) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["services/*/src/*.cpp"]
include_dirs: ["services/*/include", common]
services: {alerts: ["services/alerts/**"], klines: ["services/klines/**"]}
apis:
  - {function: bus_publish, role: produce, channel: {arg: 0}}
)");
  dir.write("common/bus.h", "#pragma once\nvoid bus_publish(const char *topic);\n");
  dir.write("services/alerts/include/config.hpp", "#pragma once\ninline const char *topic() { return \"alerts.raised\"; }\n");
  dir.write("services/klines/include/config.hpp", "#pragma once\ninline const char *topic() { return \"klines.closed\"; }\n");
  for (const char *service : {"alerts", "klines"})
    dir.write(std::string("services/") + service + "/src/main.cpp",
              "#include \"bus.h\"\n#include \"config.hpp\"\nint main() { bus_publish(topic()); }\n");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"alerts produce alerts.raised services/alerts/src/main.cpp:3:14",
                                                 "klines produce klines.closed services/klines/src/main.cpp:3:14"}));
}

} // namespace
