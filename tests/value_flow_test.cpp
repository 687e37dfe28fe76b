// Issue 17: channel names and handles reach the messaging call through the constructs that
// preserve a value (conversions, smart pointers, moves, constants the code only reads,
// constexpr functions). Each test is a case of ../shared/cases/cpp/ with its siblings, and
// the constructs that must NOT be followed (a value that changes at run time).
#include "extraction_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace eventscope;
using eventscope::testing::analyze;
using eventscope::testing::Extracted;
using eventscope::testing::TempDir;

namespace {

const char *kViewBusConfig = R"(sources: ["app.cpp"]
include_dirs: [include]
services:
  app: ["**"]
apis:
  - {function: "bus::publish", role: produce, channel: {arg: 0}}
  - {function: "bus::subscribe", role: consume, channel: {arg: 0}, handler: {arg: 1}}
)";

const char *kViewBusHeader = R"(#pragma once
#include <functional>
#include <string>
#include <string_view>
namespace bus {
struct Message { std::string body; };
void publish(std::string_view topic, const Message &m);
void subscribe(std::string_view topic, std::function<void(const Message &)> handler);
}
)";

// shared/cases/cpp/05: std::string constants reaching a std::string_view parameter through
// its conversion operator, a file-local `const char *` never reassigned, a concatenation.
TEST(ValueFlow, StringsReachAStringViewParameterThroughConversions) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <string>
#include <utility>
namespace {
const std::string kOrders = "orders.placed";
static const std::string kReply = "orders.reply";
const char *kAudit = "orders.audit";
}
const char *kExported = "orders.exported";
void run() {
  bus::publish(kOrders, {"1"});
  bus::publish(std::string(kReply), {"2"});
  bus::publish(kAudit, {"3"});
  bus::subscribe(std::string("orders.") + "cancelled",
                 [](const bus::Message &) { bus::publish(kReply, {"4"}); });
  bus::publish(std::string_view(kOrders), {"5"});
  std::string local = "orders.moved";
  bus::publish(std::move(local), {"6"});
  bus::publish(kExported, {"7"});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume orders.cancelled app.cpp:14:3 [lambda at app.cpp:15:18]",
                             "app produce orders.audit app.cpp:13:3",
                             "app produce orders.exported app.cpp:19:3",
                             "app produce orders.moved app.cpp:18:3",
                             "app produce orders.placed app.cpp:11:3",
                             "app produce orders.placed app.cpp:16:3",
                             "app produce orders.reply app.cpp:12:3",
                             "app produce orders.reply app.cpp:15:45",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"app orders.cancelled -> orders.reply via lambda at app.cpp:15:18"}));
  EXPECT_TRUE(x.unresolved.empty()) << ::testing::PrintToString(x.unresolved);
}

// The other side of "never reassigned": a pointer the code assigns, passes by reference or
// takes the address of may point anywhere at run time; its call is unresolved, with why.
TEST(ValueFlow, APointerToConstCharThatCanChangeIsNotAConstant) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
namespace {
const char *kAssigned = "a.initial";
const char *kByReference = "b.initial";
const char *kAddressTaken = "c.initial";
struct Names { static const char *kMember; };
const char *Names::kMember = "d.initial";
void choose(const char *&name) { name = "b.other"; }
void pick(const char **name) { *name = "c.other"; }
}
void configure(bool debug) {
  if (debug) kAssigned = "a.debug";
  choose(kByReference);
  pick(&kAddressTaken);
  Names names;
  names.kMember = "d.other";
}
void run() {
  bus::publish(kAssigned, {"1"});
  bus::publish(kByReference, {"2"});
  bus::publish(kAddressTaken, {"3"});
  bus::publish(Names::kMember, {"4"});
}
)");
  Extracted x = analyze(dir);
  // Given only constants by assignments elsewhere: one of them, as a namespace-scope
  // std::string is (session 38); changed through a reference or a pointer: not known.
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce a.debug app.cpp:19:3", "app produce a.initial app.cpp:19:3"}));
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{
                "app.cpp:20:3 bus::publish: variable 'kByReference' is changed in place (`+=`, a non-const method or reference)",
                "app.cpp:21:3 bus::publish: variable 'kAddressTaken' is changed in place (`+=`, a non-const method or reference)",
                "app.cpp:22:3 bus::publish: the value of variable 'kMember' can change at run time",
            }));
}

// Channel names computed by constexpr and consteval functions: Clang's constant evaluator.
TEST(ValueFlow, ConstexprAndConstevalFunctionsAreEvaluated) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <string_view>
constexpr const char *topicFor(int kind) { return kind == 1 ? "orders.one" : "orders.other"; }
consteval std::string_view viewFor(bool audit) { return audit ? "orders.audit" : "orders.plain"; }
constexpr std::string_view kTail = std::string_view("prefix.orders.tail").substr(7);
void run(int kind) {
  bus::publish(topicFor(1), {"1"});
  bus::publish(viewFor(true), {"2"});
  bus::publish(kTail, {"3"});
  bus::publish(topicFor(kind), {"4"});
}
)");
  Extracted x = analyze(dir);
  // A call with a run-time argument is read as the function's one return expression with
  // that argument: either side of the ternary.
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce orders.audit app.cpp:8:3",
                             "app produce orders.one app.cpp:10:3",
                             "app produce orders.one app.cpp:7:3",
                             "app produce orders.other app.cpp:10:3",
                             "app produce orders.tail app.cpp:9:3",
                         }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
}

// shared/cases/cpp/06 and its siblings: a librdkafka topic handle (the real header) kept in
// a std::unique_ptr or std::shared_ptr, taken over by reset(), moved into a member, passed
// with .get().
TEST(ValueFlow, TopicHandlesInSmartPointers) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"app.cpp\"]\nservices:\n  app: [\"**\"]\n");
  dir.write("app.cpp", R"(#include <librdkafka/rdkafkacpp.h>
#include <memory>
#include <string>
#include <utility>
struct Sender {
  std::unique_ptr<RdKafka::Producer> producer_;
  std::unique_ptr<RdKafka::Topic> moved_;
  std::shared_ptr<RdKafka::Topic> shared_;
  void init(RdKafka::Conf *conf, std::string &err) {
    producer_.reset(RdKafka::Producer::create(conf, err));
    auto local = std::unique_ptr<RdKafka::Topic>(RdKafka::Topic::create(producer_.get(), "payments.moved", nullptr, err));
    moved_ = std::move(local);
    shared_ = std::shared_ptr<RdKafka::Topic>(RdKafka::Topic::create(producer_.get(), "payments.shared", nullptr, err));
  }
  void send(void *p, size_t n) {
    producer_->produce(moved_.get(), 0, RdKafka::Producer::RK_MSG_COPY, p, n, nullptr, nullptr);
    producer_->produce(shared_.get(), 0, RdKafka::Producer::RK_MSG_COPY, p, n, nullptr, nullptr);
  }
};
void run(RdKafka::Conf *conf) {
  std::string err;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer(RdKafka::KafkaConsumer::create(conf, err));
  std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf, err));
  auto failed = std::unique_ptr<RdKafka::Topic>(RdKafka::Topic::create(producer.get(), "payments.failed", nullptr, err));
  std::unique_ptr<RdKafka::Topic> reset;
  reset.reset(RdKafka::Topic::create(producer.get(), "payments.reset", nullptr, err));
  consumer->subscribe({"invoices.created"});
  for (;;) {
    std::unique_ptr<RdKafka::Message> msg(consumer->consume(1000));
    if (msg->err() != RdKafka::ERR_NO_ERROR) continue;
    if (msg->len() % 2)
      producer->produce(std::string("payments.captured"), RdKafka::Topic::PARTITION_UA,
                        RdKafka::Producer::RK_MSG_COPY, msg->payload(), msg->len(), nullptr, 0, 0, nullptr);
    else if (msg->len() % 3)
      producer->produce(failed.get(), RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                        msg->payload(), msg->len(), nullptr, nullptr);
    else
      producer->produce(reset.get(), RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                        msg->payload(), msg->len(), nullptr, nullptr);
  }
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume invoices.created app.cpp:27:13 [run]",
                             "app produce payments.captured app.cpp:32:17",
                             "app produce payments.failed app.cpp:35:17",
                             "app produce payments.moved app.cpp:16:16",
                             "app produce payments.reset app.cpp:38:17",
                             "app produce payments.shared app.cpp:17:16",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "app invoices.created -> payments.captured via run",
                            "app invoices.created -> payments.failed via run",
                            "app invoices.created -> payments.reset via run",
                        }));
  EXPECT_TRUE(x.unresolved.empty()) << ::testing::PrintToString(x.unresolved);
}

// shared/cases/cpp/04 and its siblings (ROS 2 stand-in headers): a wrapper class whose
// constructor is a template, made through make_unique and make_shared, keeps its
// subscription; a handler that publishes through a wrapper object yields a trigger to that
// object's channel only (two publisher objects of one class), with the wrapper's method in
// `via`; a wrapper that subscribes and publishes on its own topics links its own two.
TEST(ValueFlow, WrapperObjectsMadeThroughFactoriesAndTheirTriggers) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  nav: [\"**\"]\n");
  dir.write("a.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <geometry_msgs/msg/twist.hpp>
#include <memory>
#include <string>
using Twist = geometry_msgs::msg::Twist;
class TwistPublisher {
public:
  TwistPublisher(rclcpp::Node::SharedPtr node, const std::string &topic) : topic_(topic) {
    pub_ = node->create_publisher<Twist>(topic_, 10);
  }
  void publish(std::unique_ptr<Twist> m) { pub_->publish(std::move(m)); }
private:
  std::string topic_;
  rclcpp::Publisher<Twist>::SharedPtr pub_;
};
class TwistSubscriber {
public:
  template <class CB> TwistSubscriber(rclcpp::Node::SharedPtr node, const std::string &topic, CB cb) {
    sub_ = node->create_subscription<Twist>(topic, 10, cb);
  }
  rclcpp::Subscription<Twist>::SharedPtr sub_;
};
class Relay {
public:
  Relay(rclcpp::Node::SharedPtr node, const std::string &in, const std::string &out) {
    pub_ = node->create_publisher<Twist>(out, 10);
    sub_ = node->create_subscription<Twist>(in, 10, [this](Twist::SharedPtr m) { pub_->publish(*m); });
  }
  rclcpp::Publisher<Twist>::SharedPtr pub_;
  rclcpp::Subscription<Twist>::SharedPtr sub_;
};
struct Smoother {
  std::unique_ptr<TwistPublisher> out_;
  std::unique_ptr<TwistPublisher> debug_;
  std::shared_ptr<TwistSubscriber> in_;
  std::unique_ptr<TwistSubscriber> direct_;
  std::shared_ptr<Relay> relay1_, relay2_;
  void onCmd(Twist::SharedPtr) { out_->publish(std::make_unique<Twist>()); }
  void configure(rclcpp::Node::SharedPtr node) {
    out_ = std::make_unique<TwistPublisher>(node, "cmd_vel_smoothed");
    debug_ = std::make_unique<TwistPublisher>(node, "cmd_vel_debug");
    in_ = std::make_shared<TwistSubscriber>(node, "cmd_vel", std::bind(&Smoother::onCmd, this, std::placeholders::_1));
    direct_.reset(new TwistSubscriber(node, "cmd_vel_direct", [this](Twist::SharedPtr m) { onCmd(m); }));
    relay1_ = std::make_shared<Relay>(node, "relay1_in", "relay1_out");
    relay2_ = std::make_shared<Relay>(node, "relay2_in", "relay2_out");
  }
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "nav consume /cmd_vel a.cpp:42:11 [Smoother::onCmd]",
                             "nav consume /cmd_vel_direct a.cpp:43:23 [lambda at a.cpp:43:63]",
                             "nav consume /relay1_in a.cpp:44:15 [lambda at a.cpp:27:53]",
                             "nav consume /relay2_in a.cpp:45:15 [lambda at a.cpp:27:53]",
                             "nav produce /cmd_vel_debug a.cpp:41:14",
                             "nav produce /cmd_vel_smoothed a.cpp:38:40",
                             "nav produce /relay1_out a.cpp:44:15",
                             "nav produce /relay2_out a.cpp:45:15",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "nav /cmd_vel -> /cmd_vel_smoothed via Smoother::onCmd,TwistPublisher::publish",
                            "nav /cmd_vel_direct -> /cmd_vel_smoothed via lambda at a.cpp:43:63,Smoother::onCmd,TwistPublisher::publish",
                            "nav /relay1_in -> /relay1_out via lambda at a.cpp:27:53",
                            "nav /relay2_in -> /relay2_out via lambda at a.cpp:27:53",
                        }));
  EXPECT_TRUE(x.unresolved.empty()) << ::testing::PrintToString(x.unresolved);
}

// A sibling of shared/cases/cpp/04 (found re-running the cases with variants): a publisher
// wrapper whose constructor is a template makes its handle with a dependent call in the
// template's own code and a resolved one in each instantiation, at one place; the handle is
// the instantiation's, whose callers give the topic (directly and through make_unique).
TEST(ValueFlow, APublisherWrapperWithAConstructorTemplate) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  s: [\"**\"]\n");
  dir.write("a.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <geometry_msgs/msg/twist.hpp>
class TwistPublisher {
public:
  template <class N> TwistPublisher(N node, const std::string &topic) {
    pub_ = node->template create_publisher<geometry_msgs::msg::Twist>(topic, 10);
  }
  void publish(std::unique_ptr<geometry_msgs::msg::Twist> m) { pub_->publish(std::move(m)); }
private:
  rclcpp::Publisher<geometry_msgs::msg::Twist>::SharedPtr pub_;
};
struct Smoother {
  std::unique_ptr<TwistPublisher> out_;
  void tick() { out_->publish(std::make_unique<geometry_msgs::msg::Twist>()); }
  void configure(rclcpp::Node::SharedPtr node) {
    out_ = std::make_unique<TwistPublisher>(node, "cmd_vel_smoothed");
    TwistPublisher direct(node, "direct_out");
    direct.publish(std::make_unique<geometry_msgs::msg::Twist>());
  }
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"s produce /cmd_vel_smoothed a.cpp:14:23", "s produce /direct_out a.cpp:18:12"}));
  EXPECT_TRUE(x.unresolved.empty()) << ::testing::PrintToString(x.unresolved);
}

// Channel names with pieces known only at run time are patterns (AsyncAPI's channel
// parameters): concatenation, fmt::format and absl::StrCat with constant and run-time
// arguments, text around the parameter of a callback nobody in the code calls. Each links to
// the concrete channels it covers; a pattern without text of its own stays unresolved.
TEST(ValueFlow, RunTimePiecesMakePatterns) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  // The formatting libraries' entry points as declared by fmt 9 and abseil (not installed here).
  dir.write("include/fmt/format.h", R"(#pragma once
#include <string>
namespace fmt { inline namespace v9 {
template <class... T> std::string format(const char *pattern, T &&...args);
} }
)");
  dir.write("include/absl/strings/str_cat.h", R"(#pragma once
#include <string>
namespace absl { template <class... T> std::string StrCat(const T &...pieces); }
)");
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <fmt/format.h>
#include <absl/strings/str_cat.h>
#include <cstdlib>
#include <string>
int nextId();
void onOrder(const std::string &orderId) { bus::publish("orders." + orderId + ".placed", {"1"}); }
void run(int robot) {
  int id = nextId();
  bus::publish("orders." + std::to_string(id) + ".shipped", {"2"});
  bus::publish(fmt::format("fleet/robot{}/cmd_vel", 3), {"3"});
  bus::publish(fmt::format("fleet/{}/status/{{raw}}", robot), {"4"});
  bus::publish(absl::StrCat("audit.", robot), {"5"});
  bus::subscribe("orders.42.placed", [](const bus::Message &) {});
  bus::publish("/" + std::to_string(id), {"6"});
  bus::publish(std::getenv("TOPIC"), {"7"});
  bus::subscribe("billing.7.closed", [](const bus::Message &) {});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume billing.7.closed app.cpp:17:3 [lambda at app.cpp:17:38]",
                             "app consume orders.42.placed app.cpp:14:3 [lambda at app.cpp:14:38]",
                             "app produce audit.{robot} app.cpp:13:3",
                             "app produce fleet/robot3/cmd_vel app.cpp:11:3",
                             "app produce fleet/{robot}/status/{raw} app.cpp:12:3",
                             "app produce orders.{id}.shipped app.cpp:10:3",
                             "app produce orders.{orderId}.placed app.cpp:7:44",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "app.cpp:15:3 bus::publish: the value is the result of a call to std::to_string",
                              "app.cpp:16:3 bus::publish: the value is read from setting 'TOPIC', which has no default in the code (give it in "
                              "`parameters:`)",
                          }));
  // The scan says which are patterns; the consumer of orders.42.placed has a producer.
  eventscope::testing::CommandResult scan = eventscope::testing::runEventscope({"scan", dir.path()}, dir.path());
  EXPECT_NE(scan.out.find("\"channel\": \"orders.{orderId}.placed\",\n      \"role\": \"produce\""), std::string::npos)
      << scan.out;
  EXPECT_NE(scan.out.find("\"value\": \"pattern\""), std::string::npos);
  eventscope::testing::CommandResult check = eventscope::testing::runEventscope({"check", dir.path()}, dir.path());
  EXPECT_EQ(check.out.find("'orders.42.placed' is consumed"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("'billing.7.closed' is consumed"), std::string::npos) << check.out; // no pattern covers it
}

// Issue 17 item 3: a topic read from configuration is an endpoint on its default, marked so,
// unless eventscope.yaml gives the value (`parameters:`, or a ROS 2 parameter file), which
// wins. ROS 2 parameters in every form (the stand-in rclcpp), and the environment.
TEST(ValueFlow, ChannelsReadFromConfigurationRestOnTheirDefaults) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services:
  scanner: ["**"]
parameters:
  level_topic: level_from_config
parameter_files: ["config/*.yaml"]
)");
  dir.write("config/scanner.yaml", R"(scanner:
  ros__parameters:
    output_topic: obstacles_v2
    limits: {max: 3}
)");
  dir.write("scanner.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
#include <cstdlib>
#include <string>
using Msg = std_msgs::msg::String;
class Scanner : public rclcpp::Node {
public:
  Scanner() : Node("scanner") {
    auto in = declare_parameter<std::string>("input_topic", "scan");
    declare_parameter("output_topic", rclcpp::ParameterValue("obstacles"));
    std::string out = get_parameter("output_topic").as_string();
    get_parameter_or("status_topic", status_, std::string("status"));
    declare_parameter("cmd_topic", "cmd_vel");
    get_parameter("cmd_topic", cmd_);
    auto level = declare_parameter<std::string>("level_topic", "level");
    std::string alerts = std::getenv("ALERT_TOPIC") ? std::getenv("ALERT_TOPIC") : "alerts";
    std::string unset;
    get_parameter("unset_topic", unset);
    sub_ = create_subscription<Msg>(in, 10, [this](Msg::SharedPtr) {});
    create_publisher<Msg>(out, 10)->publish(Msg());
    create_publisher<Msg>(status_, 10)->publish(Msg());
    create_publisher<Msg>(cmd_, 10)->publish(Msg());
    create_publisher<Msg>(level, 10)->publish(Msg());
    create_publisher<Msg>(alerts, 10)->publish(Msg());
    create_publisher<Msg>(unset, 10)->publish(Msg());
    create_publisher<Msg>("fixed", 10)->publish(Msg());
  }
  std::string status_, cmd_;
  rclcpp::Subscription<Msg>::SharedPtr sub_;
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "scanner consume /scan scanner.cpp:19:12 [lambda at scanner.cpp:19:45] {default input_topic}",
                             "scanner produce /alerts scanner.cpp:24:40 {default ALERT_TOPIC}",
                             "scanner produce /cmd_vel scanner.cpp:22:38 {default cmd_topic}",
                             "scanner produce /fixed scanner.cpp:26:41",
                             "scanner produce /level_from_config scanner.cpp:23:39 {configured level_topic}",
                             "scanner produce /obstacles_v2 scanner.cpp:20:37 {configured output_topic}",
                             "scanner produce /status scanner.cpp:21:41 {default status_topic}",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "scanner.cpp:25:39 rclcpp::Publisher::publish: the value is read from setting "
                              "'unset_topic', which has no default in the code (give it in `parameters:`)"}));
  // The run says how many channels rest on defaults; JSON says which.
  eventscope::testing::CommandResult check = eventscope::testing::runEventscope({"check", dir.path()}, dir.path());
  EXPECT_NE(check.err.find("channel names from configuration and run time: 4 rest on defaults in the code (set them in "
                           "`parameters:`), 2 on values given (`parameters:`, parameter files, launch files), 0 are patterns"),
            std::string::npos)
      << check.err;
  eventscope::testing::CommandResult scan = eventscope::testing::runEventscope({"scan", dir.path()}, dir.path());
  EXPECT_NE(scan.out.find("\"value\": \"default\",\n      \"setting\": \"input_topic\""), std::string::npos) << scan.out;
}

// A parameter file that is not one, and a glob matching nothing, are said, not skipped.
TEST(ValueFlow, ParameterFilesThatAreWrongAreReported) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nparameter_files: [\"params/*.yaml\"]\n");
  dir.write("a.cpp", "int main() {}\n");
  eventscope::testing::CommandResult r = eventscope::testing::runEventscope({"check", dir.path()}, dir.path());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("eventscope.yaml:2:19: `parameter_files` entry 'params/*.yaml' matches no file"), std::string::npos) << r.err;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nparameter_files: [\"other.yaml\"]\n");
  dir.write("other.yaml", "topic: x\n");
  r = eventscope::testing::runEventscope({"check", dir.path()}, dir.path());
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_EQ(r.err, "eventscope: error: other.yaml: no `ros__parameters` in this file: not a ROS 2 parameter file\n");
  // Two nodes setting one parameter differently: said only for a parameter a channel rests on.
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nparameter_files: [\"params.yaml\"]\n");
  dir.write("params.yaml", "a:\n  ros__parameters: {input_topic: scan_a, rate: 10}\n"
                           "b:\n  ros__parameters: {input_topic: scan_b, rate: 20}\n");
  dir.write("a.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
void setup(rclcpp::Node &node) {
  auto topic = node.declare_parameter<std::string>("input_topic", "scan");
  auto rate = node.declare_parameter<int>("rate", 5);
  node.create_subscription<std_msgs::msg::String>(topic, rate, [](std_msgs::msg::String::SharedPtr) {});
}
)");
  r = eventscope::testing::runEventscope({"check", dir.path()}, dir.path());
  EXPECT_NE(r.err.find("params.yaml: parameter 'input_topic' names a channel and has different values for different nodes, "
                       "so its default in the code is used; give the value in `parameters:`"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("'rate'"), std::string::npos) << r.err;
  // Aliases that expand a small file to 10^7 entries are refused, not expanded.
  std::string laughs = "l0: &l0 {a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1}\n";
  for (int level = 1; level <= 6; ++level) {
    std::string prev = "*l" + std::to_string(level - 1);
    laughs += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " {a: " + prev + ", b: " + prev +
              ", c: " + prev + ", d: " + prev + ", e: " + prev + ", f: " + prev + ", g: " + prev + ", h: " + prev +
              ", i: " + prev + ", j: " + prev + "}\n";
  }
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nparameter_files: [\"other.yaml\"]\n");
  dir.write("other.yaml", laughs + "node: {ros__parameters: {p: *l6}}\n");
  r = eventscope::testing::runEventscope({"check", dir.path()}, dir.path());
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_EQ(r.err, "eventscope: error: other.yaml:1:5: the parameters expand to more than 1,000,000 entries (through YAML "
                   "aliases?); refused\n");
}

// A string member that this translation unit only ever gives constants (its default
// initialiser, constructor initialisers, assignments in any method) holds one of them; one
// also written otherwise (`+=`, a run-time value) is not a constant.
TEST(ValueFlow, StringMembersGivenOnlyConstants) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <string>
struct Node {
  std::string input_ = "in.default";
  std::string output_;
  std::string either_;
  std::string mixed_;
  std::string appended_ = "app";
  void setup(const std::string &name, bool fast) {
    output_ = "out.set";
    either_ = fast ? "either.fast" : "either.slow";
    mixed_ = "mixed.a";
    mixed_ = name;
    appended_ += ".x";
  }
  void run() {
    bus::publish(input_, {"1"});
    bus::publish(output_, {"2"});
    bus::publish(either_, {"3"});
    bus::publish(mixed_, {"4"});
    bus::publish(appended_, {"5"});
  }
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce either.fast app.cpp:19:5",
                             "app produce either.slow app.cpp:19:5",
                             "app produce in.default app.cpp:17:5",
                             "app produce out.set app.cpp:18:5",
                         }));
  EXPECT_EQ(x.unresolved.size(), 2u) << ::testing::PrintToString(x.unresolved);
}

// roboception/rc_genicam_driver_ros2 (session 44's held-back ROS 2 set): a local name given on
// the branches of an `if`, then suffixed under another, reaches the publisher as each of the
// four names the paths give, by Clang's CFG walked back from the use. Before: every
// assignment was read as a value of its own and `name = name + "_color"` fed itself, inventing
// `_color_color_color...` and `{name}` patterns. A local changed where the walk cannot see
// (a reference taken, a lambda's capture) stays unresolved, and a loop that appends to the
// name is a pattern, never a list of made-up names. A publisher whose name is not known and
// that nothing publishes on is said unresolved at its creation (before: dropped silently).
TEST(ValueFlow, ALocalGivenItsNameOnBranchesIsEachNameAPathGives) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
#include <string>
using S = std_msgs::msg::String;
struct Pub {
  Pub(rclcpp::Node *node, bool left, bool color) {
    std::string name;
    if (left) {
      name = "stereo/left/image_rect";
    } else {
      name = "stereo/right/image_rect";
    }
    if (color) {
      name = name + "_color";
    }
    pub_ = node->create_publisher<S>(name, 1);
    low_ = node->create_publisher<S>(name + "_low", 1);
  }
  rclcpp::Publisher<S>::SharedPtr pub_, low_;
};
void branchAppend(rclcpp::Node *node, bool c, bool d) {
  std::string t = "base";
  if (c) t += "/c";
  else if (d) t = "other";
  node->create_publisher<S>(t, 1);
}
void cases(rclcpp::Node *node, int k) {
  std::string t;
  switch (k) {
  case 0: t = "zero"; break;
  case 1: t = "one"; break;
  default: t = "many"; break;
  }
  node->create_publisher<S>(t + "/out", 1);
}
void ref(rclcpp::Node *node, bool c) {
  std::string t = "r1";
  std::string &r = t;
  if (c) t = "r2";
  r = "r3";
  node->create_publisher<S>(t, 1);
}
void captured(rclcpp::Node *node, bool c) {
  std::string t = "l1";
  if (c) t = "l2";
  auto f = [&] { node->create_publisher<S>(t, 1); };
  f();
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce /base main.cpp:25:9",
                             "app produce /base/c main.cpp:25:9",
                             "app produce /many/out main.cpp:34:9",
                             "app produce /one/out main.cpp:34:9",
                             "app produce /other main.cpp:25:9",
                             "app produce /stereo/left/image_rect main.cpp:16:18",
                             "app produce /stereo/left/image_rect_color main.cpp:16:18",
                             "app produce /stereo/left/image_rect_color_low main.cpp:17:18",
                             "app produce /stereo/left/image_rect_low main.cpp:17:18",
                             "app produce /stereo/right/image_rect main.cpp:16:18",
                             "app produce /stereo/right/image_rect_color main.cpp:16:18",
                             "app produce /stereo/right/image_rect_color_low main.cpp:17:18",
                             "app produce /stereo/right/image_rect_low main.cpp:17:18",
                             "app produce /zero/out main.cpp:34:9",
                         }))
      << ::testing::PrintToString(x.endpoints);
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "main.cpp:41:9 rclcpp::Node::create_publisher: the value of variable 't' changes after "
                              "its initialiser",
                              "main.cpp:46:24 rclcpp::Node::create_publisher: the value of variable 't' changes after "
                              "its initialiser",
                          }))
      << ::testing::PrintToString(x.unresolved);
}

// Cambricon/CNStream's Kafka module (session 44's held-back Kafka set): a framework hands the
// module its settings as a std::map parameter, read by a constant key when present, with a
// constant otherwise. The key names the setting, the constant is its default. A map the code
// fills itself is still read by what it puts there (value_keyed.cpp).
TEST(ValueFlow, AMapOfSettingsGivenAsAParameterIsReadByItsKeys) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services: {app: ["**"]}
apis:
  - {function: bus_publish, role: produce, channel: {arg: 0}}
)");
  dir.write("main.cpp", R"cpp(#include <map>
#include <string>
#include <unordered_map>
void bus_publish(const char *topic);
using ParamSet = std::unordered_map<std::string, std::string>;
class Mod {
public:
  bool Open(ParamSet param_set) {
    if (param_set.find("topic") != param_set.end()) {
      topic_ = param_set["topic"];
    } else {
      topic_ = "CnstreamData";
    }
    return true;
  }
  void Send() { bus_publish(topic_.c_str()); }
  std::string topic_;
};
void own() {
  std::map<std::string, std::string> names;
  names["audit"] = "audit.events";
  bus_publish(names["audit"].c_str());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce CnstreamData main.cpp:16:17 {default topic}",
                                                "app produce audit.events main.cpp:22:3"}))
      << ::testing::PrintToString(x.endpoints);
}

// Found on Navigation2 (without ROS 2 installed): parameters declared through the node's
// parameters interface give their defaults; a qualified free function of another library that
// shares rclcpp's method name (`nav2::interfaces::create_subscription(node, topic, ...)`) is
// not read as rclcpp's method, whose first argument is the topic: it is Nav2's (the nav2
// profile, session 25), topic second; a message type reached through two headers is defined once.
TEST(ValueFlow, NodeInterfacesAndOtherLibrariesSameNamedFunctions) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  nav: [\"**\"]\n");
  dir.write("a.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
#include <rcl_interfaces/msg/parameter_descriptor.hpp>
#include <rcl_interfaces/msg/ParameterDescriptor.hpp>
#include <nav2_ros_common/interface_factories.hpp>
using Msg = std_msgs::msg::String;
void setup(rclcpp::Node::SharedPtr node) {
  auto params = node->get_node_parameters_interface();
  std::string topic = params->declare_parameter("scan_topic", rclcpp::ParameterValue("scan")).get<std::string>();
  rcl_interfaces::msg::ParameterDescriptor descriptor;
  node->create_subscription<Msg>(topic, 10, [](Msg::SharedPtr) {});
  nav2::interfaces::create_subscription<Msg>(node, "odom", [](Msg::SharedPtr) {});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "nav consume /odom a.cpp:12:3 [lambda at a.cpp:12:60]",
                             "nav consume /scan a.cpp:11:9 [lambda at a.cpp:11:45] {default scan_topic}",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << ::testing::PrintToString(x.unresolved);
}

// Found on open_mower_ros: a prefix kept in a member or a global and joined with constant
// text. The text is kept (a constant member: the joined name; an unknown one: a pattern),
// never dropped; a global assigned a parameter read holds that parameter's default.
TEST(ValueFlow, TextAroundAVariableIsKept) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("include/cfg.h", "#pragma once\n#include <string>\nnamespace cfg { std::string get(const std::string &name, "
                             "const std::string &fallback); }\n");
  dir.write("eventscope.yaml", std::string(kViewBusConfig) +
                                   "  - {function: \"cfg::get\", role: setting, name: {arg: 0}, default: {arg: 1}}\n");
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <cfg.h>
#include <string>
std::string external_prefix = "";
struct Monitor {
  std::string prefix_ = "robot/";
  std::string unknown_;
  void setPrefix(const std::string &p) { unknown_ = p; }
  void connected() {
    bus::publish(prefix_ + "status", {"1"});
    bus::publish(unknown_ + "teleop", {"2"});
    bus::publish(external_prefix + "version", {"3"});
  }
};
void configure() { external_prefix = cfg::get("external_prefix", "ext/"); }
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce ext/version app.cpp:12:5 {default external_prefix}",
                             "app produce robot/status app.cpp:10:5",
                             // the setter's parameter, as for a constructor's; no call of it is seen
                             "app produce {p}teleop app.cpp:11:5",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << ::testing::PrintToString(x.unresolved);
}

// An element of a const container of constants is one of them; a container that is not
// const may gain other elements, so its element stays unresolved.
TEST(ValueFlow, ElementsOfConstContainersOfConstants) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <map>
#include <string>
#include <vector>
const std::vector<std::string> kTopics{"orders.a", "orders.b"};
void run(unsigned i, const std::string &extra) {
  bus::publish(kTopics[i], {"1"});
  bus::publish(kTopics.at(i), {"2"});
  std::vector<std::string> growing{"orders.c"};
  growing.push_back(extra);
  bus::publish(growing[i], {"3"});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce orders.a app.cpp:7:3",
                             "app produce orders.a app.cpp:8:3",
                             "app produce orders.b app.cpp:7:3",
                             "app produce orders.b app.cpp:8:3",
                         }));
  EXPECT_EQ(x.unresolved.size(), 1u) << ::testing::PrintToString(x.unresolved);
}

// Real Redis code of session 16's held-back set. brand (hiredis C): streams written with
// XADD and read with `XREAD ... STREAMS key $` (only the stream is a channel, not COUNT,
// BLOCK or `$`), a command sprintf'd into a local buffer that is then handed to a C helper
// as `char *` (its last use: what the helper does to it no later code sees). A buffer
// given as `char *` is what was printed up to that call, not after it (the helper may
// change it). redis-cpp-playground: a list key a
// constructor builds from its parameter (`key_(prefix + "Queue")`), the object made by
// make_unique in another constructor that forwards its own parameter.
TEST(ValueFlow, RedisStreamsPrintedCommandsAndMemberPatternsFromConstructors) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\", \"**/*.cpp\"]\n"
                               "services:\n  encode: [encode]\n  decode: [decode]\n  scheduler: [scheduler]\n"
                               "apis:\n"
                               "  - {function: \"Bus::rpush\", role: produce, channel: {arg: 0}}\n"
                               "  - {function: \"Bus::blpop\", role: consume, channel: {arg: 0}, handler: enclosing_function}\n");
  dir.write("encode/encode.c", R"c(#include <hiredis/hiredis.h>
#include <stdio.h>
#include <string.h>
int redis_succeed(redisContext *c, char *command) {
  freeReplyObject(redisCommand(c, command));
  return 0;
}
void encode(redisContext *c, unsigned long packet) {
  char buffer_string[128] = {0};
  sprintf(buffer_string, "XADD lpcnet_encode * sound_compressed %lu", packet);
  printf("%s\n", buffer_string);
  redis_succeed(c, buffer_string);
}
void shout(redisContext *c, const char *who) {
  char command[128];
  sprintf(command, "XADD %s-loud * who %s", who, who);
  redis_succeed(c, command);
  freeReplyObject(redisCommand(c, "XADD monitor MAXLEN ~ 100 * t %s", who));
}
void modified(redisContext *c) {
  char command[64];
  sprintf(command, "XADD first * a 1");
  redis_succeed(c, command);
  redis_succeed(c, command);
}
)c");
  dir.write("decode/decode.c", R"c(#include <hiredis/hiredis.h>
void decode(redisContext *c) {
  redisReply *reply = redisCommand(c, "xread count 1 block 0 streams lpcnet_encode $");
  freeReplyObject(reply);
  freeReplyObject(redisCommand(c, "XREADGROUP GROUP g me COUNT 10 STREAMS monitor other > >"));
}
)c");
  dir.write("scheduler/scheduler.cpp", R"cpp(#include <memory>
#include <string>
struct Bus {
  void rpush(const std::string &key, const std::string &value);
  std::string blpop(const std::string &key);
};
class Dispatcher {
 public:
  Dispatcher(std::shared_ptr<Bus> bus, const std::string &keyPrefix) : bus_(bus), key_(keyPrefix + "Queue") {}
  void run() { bus_->rpush(key_, "job"); }
 private:
  std::shared_ptr<Bus> bus_;
  std::string key_;
};
class Worker {
 public:
  Worker(std::shared_ptr<Bus> bus, const std::string &keyPrefix) : bus_(bus), key_(keyPrefix + "Queue") {}
  void run() { bus_->blpop(key_); }
 private:
  std::shared_ptr<Bus> bus_;
  std::string key_;
};
class Scheduler {
 public:
  Scheduler(std::shared_ptr<Bus> bus, const std::string &keyPrefix)
      : dispatcher_(std::make_unique<Dispatcher>(bus, keyPrefix)), worker_(std::make_unique<Worker>(bus, keyPrefix)) {}
 private:
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Worker> worker_;
};
int main() { Scheduler scheduler(std::make_shared<Bus>(), "scheduler"); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "decode consume lpcnet_encode decode/decode.c:3:23 [decode]",
                             "decode consume monitor decode/decode.c:5:19 [decode]",
                             "decode consume other decode/decode.c:5:19 [decode]",
                             "encode produce first encode/encode.c:23:3",
                             "encode produce lpcnet_encode encode/encode.c:12:3",
                             "encode produce monitor encode/encode.c:18:19",
                             "encode produce {who}-loud encode/encode.c:17:3",
                             "scheduler consume schedulerQueue scheduler/scheduler.cpp:31:24 [Worker::run]",
                             "scheduler produce schedulerQueue scheduler/scheduler.cpp:31:24",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              
                              "encode/encode.c:24:3 redis_succeed: the command string of redis_succeed is not a constant",
                          }));
}

// Kafka consumers of real code (secwager, librdkafka's own examples): topics pushed into a
// vector the function then subscribes; partitions assigned by hand from
// TopicPartition::create, braced or pushed; a rebalance callback's assign of what the broker
// granted is no endpoint. A vector changed any other way (cleared) is not followed.
TEST(ValueFlow, KafkaTopicVectorsFilledByPushBackAndAssignedPartitions) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("engine/main.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <string>
#include <vector>
const std::string KAFKA_ORDER_INBOUND_TOPIC("order-inbound");
void poll(RdKafka::KafkaConsumer *consumer) {
  while (true) delete consumer->consume(100);
}
void byHand(RdKafka::KafkaConsumer *consumer, int index) {
  RdKafka::TopicPartition *order = RdKafka::TopicPartition::create(KAFKA_ORDER_INBOUND_TOPIC, index);
  consumer->assign({order});
}
void pushedPartitions(RdKafka::KafkaConsumer *consumer) {
  std::vector<RdKafka::TopicPartition *> parts;
  parts.push_back(RdKafka::TopicPartition::create("fills", 0));
  parts.emplace_back(RdKafka::TopicPartition::create("cancels", 1));
  consumer->assign(parts);
}
void pushedTopics(RdKafka::KafkaConsumer *consumer, const std::string &extra) {
  std::vector<std::string> topics;
  topics.reserve(2);
  topics.push_back("quotes");
  topics.push_back(extra + ".audit");
  consumer->subscribe(topics);
  std::vector<std::string> cleared;
  cleared.push_back("never");
  cleared.clear();
  consumer->subscribe(cleared);
}
class Rebalance : public RdKafka::RebalanceCb {
  void rebalance_cb(RdKafka::KafkaConsumer *consumer, RdKafka::ErrorCode err,
                    std::vector<RdKafka::TopicPartition *> &partitions) override {
    if (err == RdKafka::ERR__ASSIGN_PARTITIONS)
      consumer->assign(partitions);
    else
      consumer->unassign();
  }
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "engine consume cancels engine/main.cpp:16:13 [pushedPartitions]",
                             "engine consume fills engine/main.cpp:16:13 [pushedPartitions]",
                             "engine consume order-inbound engine/main.cpp:10:13 [byHand]",
                             "engine consume quotes engine/main.cpp:23:13 [pushedTopics]",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "engine/main.cpp:23:13 RdKafka::KafkaConsumer::subscribe: one of the channels is parameter "
                              "2 of pushedTopics, which is not called in the analysed code",
                              "engine/main.cpp:27:13 RdKafka::KafkaConsumer::subscribe: the value is not a constant, and "
                              "no creation of this handle by a known API was seen",
                          }));
}

// trading-engine (session 16's second held-back set): a wrapper whose topic handles are
// handed to a thread's function, `std::thread t(engineLoop, std::ref(q), producer, topic)`:
// the arguments after the callable are the function's, so the wrapper's channels are read
// at the thread's construction.
TEST(ValueFlow, ArgumentsHandedToAThreadsFunction) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nservices: {engine: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <functional>
#include <string>
#include <thread>
#include <vector>
void produceJson(RdKafka::Producer *producer, RdKafka::Topic *topic, const std::string &j) {
  producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, (void *)j.data(), j.size(),
                    nullptr, nullptr);
}
void engineLoop(std::vector<int> &queue, int &engine, RdKafka::Producer *producer, RdKafka::Topic *orders,
                RdKafka::Topic *trades) {
  produceJson(producer, orders, "{}");
  produceJson(producer, trades, "{}");
}
int main() {
  std::string errstr;
  RdKafka::Producer *producer = nullptr;
  auto *topicOrders = RdKafka::Topic::create(producer, "orders", nullptr, errstr);
  auto *topicTrades = RdKafka::Topic::create(producer, "trades", nullptr, errstr);
  std::vector<int> q;
  int engine = 0;
  std::thread engThread(engineLoop, std::ref(q), std::ref(engine), producer, topicOrders, topicTrades);
  engThread.join();
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"engine produce orders main.cpp:22:15",
                                                 "engine produce trades main.cpp:22:15"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// e-commerce (session 16's second held-back set): a Redis command joined at run time,
// `"XADD " + req_type + "-in * ..."`, names a pattern stream: its endpoint's value is a
// pattern, as a command formatted with `%s` from the same parameter is.
TEST(ValueFlow, RedisCommandsJoinedAtRunTimeArePatterns) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {server: [\"**\"]}\n");
  dir.write("handler.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
void send(redisContext *c, const std::string &msg) {
  std::string req_type = msg.substr(0, msg.find(' '));
  std::string req_cmd = msg.substr(msg.find(' '));
  std::string redis_cmd = "XADD " + req_type + "-in * body " + req_cmd;
  freeReplyObject(redisCommand(c, redis_cmd.c_str()));
  freeReplyObject(redisCommand(c, "XADD %s-out * body %s", req_type.c_str(), req_cmd.c_str()));
}
)cpp");
  CommonOptions options;
  options.root = dir.path();
  Analysis analysis = analyzeSystem(options);
  std::set<std::string> endpoints;
  for (const Endpoint &e : analysis.graph.endpoints())
    endpoints.insert(e.channel + " " + std::string(channelValueName(e.value)) + " " + formatLocation(e.location));
  EXPECT_EQ(endpoints, (std::set<std::string>{"{req_type}-in pattern handler.cpp:7:19",
                                               "{value}-out pattern handler.cpp:8:19"}));
}

// brand and a zipper tool (hiredis C): redisCommandArgv's words in an array written at
// fixed indexes, by assignment or by `sprintf(argv[i], "%s", "word")` into malloc'd words
// (a variable-length array too), or braced; the words at run-time indexes are the payload.
// A command that is not messaging (GET) is nothing; an array the function is given is its
// callers', as a command string is; a key word that is the function's parameter makes it a
// wrapper (ft's RedisSession::publish, session 18), and one known only at run time is said.
TEST(ValueFlow, RedisCommandArgvWords) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.c\"]\nservices: {adapter: [\"**\"]}\n");
  dir.write("adapter.c", R"c(#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
void neural(redisContext *c, int argc, int n) {
  char *argv[argc];
  size_t argvlen[argc];
  for (int i = 0; i < argc; i++) argv[i] = malloc(64);
  argvlen[0] = sprintf(argv[0], "%s", "xadd");
  argvlen[1] = sprintf(argv[1], "%s", "cerebusAdapter_neural");
  argvlen[2] = sprintf(argv[2], "%s", "*");
  for (int i = 3; i < argc; i++) argvlen[i] = sprintf(argv[i], "%d", n);
  freeReplyObject(redisCommandArgv(c, argc, (const char **)argv, argvlen));
}
void publish(redisContext *c, const char *data) {
  const char *args[3];
  size_t arglens[3];
  args[0] = "PUBLISH";
  arglens[0] = strlen(args[0]);
  args[1] = "full_event_stream";
  arglens[1] = strlen(args[1]);
  args[2] = data;
  freeReplyObject(redisCommandArgv(c, 3, args, arglens));
}
void braced(redisContext *c, const char *v) {
  const char *words[] = {"XADD", "events", "*", "v", v};
  freeReplyObject(redisCommandArgv(c, 5, words, NULL));
}
void get(redisContext *c) {
  const char *words[] = {"GET", "key"};
  freeReplyObject(redisCommandArgv(c, 2, words, NULL));
}
void helper(redisContext *c, const char **argv, int argc) { freeReplyObject(redisCommandArgv(c, argc, argv, NULL)); }
void viaHelper(redisContext *c) {
  const char *words[] = {"PUBLISH", "through_helper", "x"};
  helper(c, words, 3);
}
void runTimeKey(redisContext *c, const char *key) {
  const char *words[3];
  words[0] = "PUBLISH";
  words[1] = key;
  words[2] = "x";
  freeReplyObject(redisCommandArgv(c, 3, words, NULL));
}
void callsIt(redisContext *c) { runTimeKey(c, "alerts"); }
void runTimeWord(redisContext *c, int n) {
  const char *words[3];
  words[0] = "PUBLISH";
  words[1] = strerror(n);
  words[2] = "x";
  freeReplyObject(redisCommandArgv(c, 3, words, NULL));
}
)c");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "adapter produce cerebusAdapter_neural adapter.c:13:19",
                             "adapter produce events adapter.c:27:19",
                             "adapter produce full_event_stream adapter.c:23:19",
                             "adapter produce through_helper adapter.c:36:3",
                             "adapter produce alerts adapter.c:45:33",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"adapter.c:51:19 redisCommandArgv: a channel of the command is a "
                                                  "word of the array known only at run time"}));
}

} // namespace

namespace {

// std::ostringstream (issue 17 item 1): a local stream written only by `<<` statements of
// its own block, before it is read with str(), is the pattern they write (a character is
// itself, an integer constant its digits, anything else `{name}`). Written under a
// condition, or after it is read: unresolved, with the reason; run-time pieces and
// separators only (domoticz's `topic << m_TopicOut << "/" << idx`): unresolved, saying so.
TEST(ValueFlow, StringStreamsWrittenInOneBlockArePatterns) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <sstream>
#include <string>
void streams(const std::string &id, int n, bool f) {
  std::ostringstream os;
  os << "robots/" << id << '/' << 7;
  os << "/status";
  bus::publish(os.str(), {});
  std::ostringstream cond;
  cond << "a";
  if (f) cond << "b";
  bus::publish(cond.str(), {});
  std::stringstream late;
  late << "x";
  bus::publish(late.str(), {});
  late << "y";
  std::ostringstream num;
  num << "n/" << n;
  bus::publish(num.str(), {});
  std::stringstream bare;
  bare << id << "/" << n;
  bus::publish(bare.str(), {});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce n/{n} app.cpp:19:3",
                                                "app produce robots/{id}/7/status app.cpp:8:3"}));
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{
                "app.cpp:12:3 bus::publish: stream 'cond' is written in a way not followed (under a condition, in a "
                "loop, by a manipulator, or after it is read)",
                "app.cpp:15:3 bus::publish: stream 'late' is written in a way not followed (under a condition, in a "
                "loop, by a manipulator, or after it is read)",
                "app.cpp:22:3 bus::publish: the name '{id}/{n}' is run-time pieces and separators only: no text of "
                "its own to link it by",
            }));
}

// The same of a format call (held-back starcry, session 43: `fmt::format("{}|{}", host, id)`,
// a worker's own channel): unresolved, saying why; it was said with no reason at all.
TEST(ValueFlow, AFormattedNameOfRunTimePiecesOnlySaysWhy) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"(#include <bus/bus.h>
#include <fmt/format.h>
#include <format>
#include <string>
std::string host();
int next_id();
void run() {
  bus::publish(fmt::format("{}|{}", host(), next_id()), {});
  bus::publish(std::format("{}-{}", host(), next_id()), {});
  bus::publish(fmt::format("jobs:{}", host()), {});
}
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce jobs:{value} app.cpp:10:3"}));
  for (const std::string &u : x.unresolved)
    EXPECT_NE(u.find("is run-time pieces and separators only"), std::string::npos) << u;
  EXPECT_EQ(x.unresolved.size(), 2u);
}

} // namespace

// A C agent keeps its topics in a struct's char arrays, each printed once by snprintf from
// the site's name (set at run time), and dispatches in one message callback through
// mosquitto_topic_matches_sub's out parameter (the set of systems the team did not write,
// session 13: 9 endpoints unresolved and 3 invented triggers before). An array also written
// another way (`strcat`) is not followed.
TEST(ValueFlow, CharArrayMembersPrintedOnceAndFilterDispatch) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\"]\n");
  dir.write("agent/agent.c", R"c(#include <mosquitto.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#define FMT_ALARM "site/%s/alarm"
struct agent {
  struct mosquitto *mosq;
  char site_id[64];
  char t_alarm[128], t_cmd[128], t_pong[128], t_scratch[128];
};
static void agent_init(struct agent *a) {
  gethostname(a->site_id, sizeof(a->site_id) - 1);
  snprintf(a->t_alarm, sizeof a->t_alarm, FMT_ALARM, a->site_id);
  snprintf(a->t_cmd, sizeof a->t_cmd, "site/%s/cmd/#", a->site_id);
  snprintf(a->t_pong, sizeof(a->t_pong), "site/%s/pong", a->site_id);
  snprintf(a->t_scratch, sizeof a->t_scratch, "site/%s/x", a->site_id);
  strcat(a->t_scratch, "/more");
}
static void on_connect(struct mosquitto *mosq, void *obj, int rc) {
  struct agent *a = obj;
  (void)rc;
  mosquitto_subscribe(mosq, NULL, a->t_cmd, 1);
  mosquitto_subscribe(mosq, NULL, "fw/broadcast", 1);
}
static void on_message(struct mosquitto *mosq, void *obj, const struct mosquitto_message *msg) {
  struct agent *a = obj;
  bool match = false;
  mosquitto_topic_matches_sub("fw/broadcast", msg->topic, &match);
  if (match) {
    mosquitto_publish(mosq, NULL, a->t_alarm, 2, "fw", 1, false);
    return;
  }
  mosquitto_topic_matches_sub("site/+/cmd/ping", msg->topic, &match);
  if (match)
    mosquitto_publish(mosq, NULL, a->t_pong, 4, "pong", 0, false);
  mosquitto_publish(mosq, NULL, a->t_scratch, 1, "x", 0, false);
}
int main(void) {
  struct agent a;
  agent_init(&a);
  mosquitto_lib_init();
  a.mosq = mosquitto_new(a.site_id, false, &a);
  mosquitto_connect_callback_set(a.mosq, on_connect);
  mosquitto_message_callback_set(a.mosq, on_message);
  mosquitto_loop_forever(a.mosq, -1, 1);
  return 0;
}
)c");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"agent consume fw/broadcast agent/agent.c:24:3 [on_message]",
                                                 "agent consume site/{site_id}/cmd/# agent/agent.c:23:3 [on_message]",
                                                 "agent produce site/{site_id}/alarm agent/agent.c:31:5",
                                                 "agent produce site/{site_id}/pong agent/agent.c:36:5"}));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"agent fw/broadcast -> site/{site_id}/alarm via on_message",
                                                "agent site/{site_id}/cmd/# -> site/{site_id}/pong via on_message"}));
  EXPECT_EQ(x.unresolved,
            (std::set<std::string>{"agent/agent.c:37:3 mosquitto_publish: member 't_scratch' is changed in place (`+=`, "
                                   "a non-const method or reference, a `char *` argument)"}));
}

// Redis helpers of real code (NaiveChat, redis-ipc): a channel formatted with %d from the
// helper's int parameter makes the helper a wrapper (its calls are asked: a user id known
// at run time there); a printf-like helper over redisvCommand is given its command by its
// calls.
TEST(ValueFlow, RedisHelpersWithIntegerChannelsAndVaLists) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("chat/redis.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <cstdarg>
redisContext *ctx;
bool publish(int channel, const char *message) {
  return redisCommand(ctx, "PUBLISH %d %s", channel, message) != nullptr;
}
void *command(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  void *reply = redisvCommand(ctx, format, ap);
  va_end(ap);
  return reply;
}
void deliver(int user) {
  publish(user, "hello");
  command("PUBLISH %s %s", "news", "x");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"chat produce news chat/redis.cpp:16:3"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"chat/redis.cpp:15:3 publish: the channel is parameter 'user' of "
                                                  "deliver, which is not called in the analysed code"}));
}

// A local given a constant, then replaced by what the command line or the environment gives
// (ros2/demos' display_topic_statistics, a chat client's `--chat`): the constant is a default
// (issue 17 item 3), named by the variable or the environment variable; `parameters:` wins.
// Replaced by anything else, it stays unknown.
TEST(ValueFlow, LocalsTheCommandLineMayReplaceRestOnTheirConstants) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\nparameters: {stats: /stats_override}\n");
  dir.write("cli/main.cpp", R"cpp(#include <cstdlib>
#include <cstring>
#include <string>
#include <hiredis/hiredis.h>
#include "rcutils/cmdline_parser.h"
int main(int argc, char **argv) {
  redisContext *c = redisConnect("localhost", 6379);
  std::string chat = "general";
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--chat") == 0 && i + 1 < argc)
      chat = argv[++i];
  redisCommand(c, "PUBLISH %s %s", chat.c_str(), "hi");
  std::string stats("/statistics");
  if (argc > 3)
    stats = rcutils_cli_get_option(argv, argv + argc, "-t");
  redisCommand(c, "SUBSCRIBE %s", stats.c_str());
  std::string alerts = "alerts";
  if (std::getenv("ALERTS"))
    alerts = std::getenv("ALERTS");
  redisCommand(c, "PUBLISH %s %s", alerts.c_str(), "x");
  std::string other = "a";
  if (argc > 5)
    other = std::to_string(argc);
  redisCommand(c, "PUBLISH %s %s", other.c_str(), "x");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"cli consume /stats_override cli/main.cpp:16:3 [main] {configured stats}",
                                                 "cli produce alerts cli/main.cpp:20:3 {default ALERTS}",
                                                 "cli produce general cli/main.cpp:12:3 {default chat}"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"cli/main.cpp:24:3 redisCommand: the value of variable 'other' "
                                                  "changes after its initialiser"}));
}

// Thesis (session 16's second held-back set): topic names in a configuration struct given by
// aggregate initialisation in main, copied into an engine's member and handed from there to
// the wrappers' constructors in another translation unit. Designated initialisers and
// C++20's parenthesised aggregate initialisation write fields the same way; a field given a
// value that is not constant in one of them is not known. A field with several values in the
// program (AlertConfig's, given by two calls of `alert`) is taken at each call, where the
// struct is made (session 40, value_structs.cpp): each call its own topic, the one given
// argv said there; a field with one value stays at its read.
TEST(ValueFlow, FieldsOfAggregatesInitialisedInAnotherUnit) {
  TempDir dir;
  dir.write("eventscope.yaml",
            "sources: [\"*.cpp\"]\ncompile_flags: [\"-std=c++20\"]\nservices: {engine: [\"**\"]}\n");
  dir.write("config.h", R"cpp(#pragma once
#include <string>
#include <vector>
struct EngineConfig {
  std::vector<std::string> tickers;
  std::string broker;
  std::string topicIn;
  std::string topicOut;
  unsigned short port;
};
struct AlertConfig {
  int level = 0;
  std::string topic;
  std::string audit;
};
)cpp");
  dir.write("wrappers.h", R"cpp(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <string>
class Reader {
public:
  explicit Reader(std::string topic) : topic_(std::move(topic)) {}
  void start(RdKafka::KafkaConsumer *consumer) { consumer->subscribe({topic_}); }
private:
  std::string topic_;
};
class Writer {
public:
  Writer(std::string broker, std::string topic) : broker_(broker), topic_(topic) {}
  void send(RdKafka::Producer *p, const std::string &m) {
    p->produce(topic_, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, (void *)m.data(), m.size(),
               nullptr, 0, 0, nullptr);
  }
private:
  std::string broker_, topic_;
};
)cpp");
  dir.write("engine.h", R"cpp(#pragma once
#include "config.h"
#include "wrappers.h"
class Engine {
public:
  explicit Engine(EngineConfig cfg);
  void run(RdKafka::KafkaConsumer *c, RdKafka::Producer *p);
private:
  EngineConfig config;
  Reader reader;
  Writer writer;
};
)cpp");
  dir.write("engine.cpp", R"cpp(#include "engine.h"
#include <utility>
Engine::Engine(EngineConfig cfg)
    : config(std::move(cfg)), reader(config.topicIn), writer(config.broker, config.topicOut) {}
void Engine::run(RdKafka::KafkaConsumer *c, RdKafka::Producer *p) {
  reader.start(c);
  writer.send(p, "{}");
}
void alert(RdKafka::Producer *p, const AlertConfig &a) {
  Writer(std::string("b"), a.topic).send(p, "{}");
  Writer(std::string("b"), a.audit).send(p, "{}");
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "engine.h"
#include <cstdlib>
#include <string>
void alert(RdKafka::Producer *p, const AlertConfig &a);
int main(int argc, char **argv) {
  const EngineConfig cfg{{"AAPL", "GOOG"}, std::getenv("BROKER"), "orders", "notifications", 30001};
  Engine engine(cfg);
  engine.run(nullptr, nullptr);
  alert(nullptr, AlertConfig{.topic = "alerts", .audit = "audit"});
  AlertConfig night(2, "alerts.night", argv[1]);
  alert(nullptr, night);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "engine consume orders engine.cpp:6:10 [Reader::start]",
                             "engine produce notifications engine.cpp:7:10",
                             "engine produce alerts main.cpp:9:3",
                             "engine produce audit main.cpp:9:3",
                             "engine produce alerts.night main.cpp:11:3",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"main.cpp:11:3 alert: the value is command-line argument 1 (give it "
                                                 "in `parameters:` as argv[1])"}));
}

// drones-ISW (session 17's held-back Redis set): helpers that build a Redis command with
// std::string from their parameters, then append the fields (`xadd += k + " " + v`), or
// copy it into a `new char[]` by strcpy; their calls name the stream. The key word is the
// parameter, among other run-time pieces (group, consumer, a BLOCK clause); a command word
// known only at run time is said, never dropped.
TEST(ValueFlow, RedisCommandsBuiltWithStringsInHelpers) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("a.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <cstring>
#include <map>
#include <string>
using namespace std;
void sendPlain(redisContext *c, const string &stream) {
  string xadd = "XADD " + stream + " * k v";
  redisCommand(c, xadd.c_str());
}
void sendAppended(redisContext *c, const string &stream, map<string, string> &m) {
  string xadd = "XADD " + stream + " * ";
  for (const auto &item : m)
    xadd += item.first + " " + item.second + " ";
  redisCommand(c, xadd.c_str());
}
void readGroup(redisContext *c, const string &group, const string &consumer, const string &stream, int block) {
  string blockStr = block >= 0 ? "BLOCK " + to_string(block) : "";
  string cmd = "XREADGROUP GROUP " + group + " " + consumer + " NOACK COUNT 1 " + blockStr + " STREAMS " + stream + " >";
  char *cstr = new char[cmd.length() + 1];
  strcpy(cstr, cmd.c_str());
  redisCommand(c, cstr);
  delete[] cstr;
}
void anyCommand(redisContext *c, const string &verb, const string &key) {
  string cmd = verb + " " + key;
  redisCommand(c, cmd.c_str());
}
int main(int argc, char **argv) {
  map<string, string> m;
  redisContext *c = redisConnect("h", 1);
  sendPlain(c, "plain");
  sendAppended(c, "cc_" + to_string(argc), m);
  readGroup(c, "g", "c1", "cc_1", 0);
  anyCommand(c, "PUBLISH", "alerts");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce plain a.cpp:31:3", "app produce cc_{argc} a.cpp:32:3",
                                                 "app consume cc_1 a.cpp:33:3 [main]"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("a.cpp:26:3 redisCommand: the command of redisCommand is known only at run time"),
            std::string::npos)
      << *x.unresolved.begin();
}

// kilo-oms/cpp-kafka (session 17's held-back Kafka set): a project function that returns a
// topic handle it makes from its parameter, with a cache in front
// (`get_or_create_topic(name)`), defined in another unit: its callers' arguments name the
// topic, and a wrapper over it is a wrapper. A function returning a handle made with a
// constant gives that constant; one whose handle is not known stays unresolved.
TEST(ValueFlow, HandlesReturnedByProjectFunctions) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {md: [\"**\"]}\n");
  dir.write("producer.h", R"cpp(#pragma once
#include <librdkafka/rdkafka.h>
#include <map>
#include <string>
class KafkaProducer {
public:
  rd_kafka_topic_t *get_or_create_topic(const std::string &name);
  rd_kafka_topic_t *audit_topic();
  rd_kafka_topic_t *some_topic(int i);
  rd_kafka_t *producer_ = nullptr;
private:
  std::map<std::string, rd_kafka_topic_t *> cache_;
};
)cpp");
  dir.write("producer.cpp", R"cpp(#include "producer.h"
rd_kafka_topic_t *KafkaProducer::get_or_create_topic(const std::string &name) {
  auto it = cache_.find(name);
  if (it != cache_.end())
    return it->second;
  rd_kafka_topic_t *topic = rd_kafka_topic_new(producer_, name.c_str(), nullptr);
  if (!topic)
    return nullptr;
  cache_.emplace(name, topic);
  return topic;
}
rd_kafka_topic_t *KafkaProducer::audit_topic() { return rd_kafka_topic_new(producer_, "audit", nullptr); }
rd_kafka_topic_t *KafkaProducer::some_topic(int i) { return i ? cache_.begin()->second : nullptr; }
)cpp");
  dir.write("main.cpp", R"cpp(#include "producer.h"
#include <vector>
void push(KafkaProducer &kp, const std::string &symbol, const void *data, size_t len) {
  rd_kafka_topic_t *topic = kp.get_or_create_topic(symbol);
  rd_kafka_produce(topic, 0, RD_KAFKA_MSG_F_COPY, const_cast<void *>(data), len, nullptr, 0, nullptr);
}
int main(int argc, char **argv) {
  KafkaProducer kp;
  std::vector<std::string> symbols(argv + 1, argv + argc);
  for (const std::string &s : symbols)
    push(kp, "market_depth." + s, "x", 1);
  rd_kafka_produce(kp.audit_topic(), 0, RD_KAFKA_MSG_F_COPY, nullptr, 0, nullptr, 0, nullptr);
  rd_kafka_topic_t *other = kp.some_topic(argc);
  rd_kafka_produce(other, 0, RD_KAFKA_MSG_F_COPY, nullptr, 0, nullptr, 0, nullptr);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"md produce market_depth.{s} main.cpp:11:5",
                                                 "md produce audit main.cpp:12:3"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("main.cpp:14:3"), std::string::npos) << *x.unresolved.begin();
}

// wyliodrin-server (session 17's second held-back Redis set): two programs under one root
// each define a C function `publish`, one a wrapper whose caller names the channel, the
// other publishing to a fixed channel with the message as its argument. A call in the
// second program is not a call of the first's wrapper (its message is no channel), and
// XRANGE reads a stream as XREAD does.
TEST(ValueFlow, SameNamedFunctionsOfTwoProgramsAreNotOneWrapper) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\"]\nservices: {server: [\"server/**\"], hypervisor: [\"hypervisor/**\"]}\n");
  dir.write("server/main.c", R"(#include <hiredis/hiredis.h>
#include <stddef.h>
static redisContext *c;
void publish(const char *channel, const char *data, size_t len) { redisCommand(c, "PUBLISH %s %b", channel, data, len); }
void poll_window(void) { redisCommand(c, "XRANGE %s - +", "stream_window"); }
int main(void) { publish("wyliodrin", "hello", 5); poll_window(); return 0; }
)");
  dir.write("hypervisor/main.c", R"(#include <hiredis/hiredis.h>
#include <stddef.h>
static redisContext *c;
void publish(const char *str, size_t len) { redisCommand(c, "PUBLISH whypsrv %b", str, len); }
int main(void) { publish("pong", 4); return 0; }
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"server produce wyliodrin server/main.c:6:18",
                                                 "server consume stream_window server/main.c:5:26 [poll_window]",
                                                 "hypervisor produce whypsrv hypervisor/main.c:4:45"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// kilo-oms/cpp-kafka (session 17's held-back Kafka set): a consumer wrapper subscribes to
// each topic of a `const std::vector<std::string> &` it is given, and its caller passes a
// member whose only writes are a constructor's initialiser and a log call's forwarding
// reference (spdlog/fmt take `Args &&...`, which changes nothing). A vector taken by
// non-const reference may be changed: not followed.
TEST(ValueFlow, ContainersAWrapperIsGivenAndMembersLoggedByForwardingReference) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {md: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <librdkafka/rdkafka.h>
#include <string>
#include <utility>
#include <vector>
template <class... Args> void log_info(const char *format, Args &&...args);
class Consumer {
public:
  void subscribe(const std::vector<std::string> &topics) {
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    for (const auto &topic : topics)
      rd_kafka_topic_partition_list_add(list, topic.c_str(), -1);
    rd_kafka_subscribe(rk_, list);
  }
  void subscribeSome(std::vector<std::string> &topics) {
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    for (const auto &topic : topics)
      rd_kafka_topic_partition_list_add(list, topic.c_str(), -1);
    rd_kafka_subscribe(rk_, list);
  }
  rd_kafka_t *rk_ = nullptr;
};
struct Config {
  Config() : input_topic("market_depth_input") {}
  std::string input_topic;
};
int main() {
  Config config;
  log_info("topic={}", config.input_topic);
  Consumer consumer;
  consumer.subscribe({config.input_topic, "audit"});
  std::vector<std::string> some{"x"};
  consumer.subscribeSome(some);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"md consume market_depth_input main.cpp:30:12 [main]",
                                                 "md consume audit main.cpp:30:12 [main]"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("main.cpp:18:5"), std::string::npos) << *x.unresolved.begin();
}

// Anomaly-Detection (session 17's second held-back Redis set): a local key given one name,
// used in another local's initialiser (the command), then given another name and used in a
// loop that does not change it; a loop that does change it keeps its uses unknown.
// cpsCore (session 24's held-back Redis set): each parameter object is made from a braced
// list of its own (`Parameter<std::string> host = {"localhost", "host", false}`); a getter
// called on one of them returns that object's field, not what every object of the class is
// given (the host and ip defaults were read as channels: invented endpoints and errors).
TEST(ValueFlow, AGetterOfAnObjectMadeFromABracedListReadsThatObjectsField) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {cps: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
template <typename Type> struct Parameter {
  const Type &operator()() const { return value; }
  Type value;
  const std::string id;
  const bool mandatory;
};
struct ChannelParams {
  Parameter<std::string> host = {"localhost", "host", false};
  Parameter<std::string> channel = {"", "channel", true};
  Parameter<std::string> alerts = {"alerts", "alerts", false};
};
struct Subscriber {
  ChannelParams params_;
  redisContext *c;
  void go() {
    redisCommand(c, "SUBSCRIBE %s", params_.channel().c_str());
    redisCommand(c, "SUBSCRIBE %s", params_.alerts().c_str());
  }
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"cps consume alerts main.cpp:19:5 [Subscriber::go]"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"main.cpp:18:5 redisCommand: member 'value' of this object is empty "
                                                  "where it is made (main.cpp:11:37); it is given a value at run time"}));
}

TEST(ValueFlow, LocalKeysReassignedBetweenCommands) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {gen: [\"**\"]}\n");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <string>
#include <vector>
using namespace std;
void generate(redisContext *c, const vector<string> &sensors, int window) {
  string streamKey = "stream_window";
  string command = "XADD " + streamKey + " * window " + to_string(window);
  redisCommand(c, command.c_str());
  streamKey = "sensor_names";
  for (size_t i = 0; i < sensors.size(); i++) {
    string each = "XADD " + streamKey + " * sensorID " + sensors[i];
    redisCommand(c, each.c_str());
  }
  for (size_t i = 0; i < sensors.size(); i++) {
    string each = "XADD " + streamKey + " * sensorID " + sensors[i];
    redisCommand(c, each.c_str());
    streamKey = "sensor" + sensors[i];
  }
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"gen produce stream_window main.cpp:8:3",
                                                 "gen produce sensor_names main.cpp:12:5"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("main.cpp:16:5"), std::string::npos) << *x.unresolved.begin();
}

namespace {

// A poll-loop consumer (`handler: enclosing_function`) triggers what may run after its
// consuming call: calls later in the text, and calls in a loop around it (sravzpublic's
// training, Anomaly-Detection: an XADD made once before the loop read as a reaction, and
// with it an event cycle). A helper called before the loop is no reaction either; one called
// in the loop is.
TEST(ValueFlow, APollLoopTriggersOnlyWhatMayRunAfterItsRead) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices:\n  worker: [\"**\"]\n");
  dir.write("worker.cpp", R"cpp(#include <hiredis/hiredis.h>
static void announce(redisContext *c) { redisCommand(c, "PUBLISH %s %s", "worker.started", "1"); }
static void report(redisContext *c) { redisCommand(c, "PUBLISH %s %s", "worker.progress", "1"); }
void loop(redisContext *c) {
  redisCommand(c, "XADD %s * k v", "jobs");
  announce(c);
  for (int i = 0; i < 3; ++i)
    redisCommand(c, "XADD %s * k v", "warmup");
  while (true) {
    redisCommand(c, "XADD %s * k v", "heartbeat");
    redisReply *r = (redisReply *)redisCommand(c, "XREADGROUP GROUP g me COUNT 1 BLOCK 0 STREAMS %s >", "jobs");
    freeReplyObject(r);
    redisCommand(c, "XADD %s * k v", "results");
    report(c);
  }
}
void once(redisContext *c) {
  redisCommand(c, "SUBSCRIBE %s", "control");
  redisCommand(c, "PUBLISH %s %s", "acks", "1");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "worker control -> acks via once",
                            "worker jobs -> heartbeat via loop",
                            "worker jobs -> results via loop",
                            "worker jobs -> worker.progress via loop,report",
                        }));
  eventscope::testing::CommandResult r = eventscope::testing::runEventscope({"check", dir.path(), "--no-color"});
  EXPECT_EQ(r.out.find("[event-cycle]"), std::string::npos) << r.out;
}

} // namespace

namespace {

// Two services whose files have the same name and layout (services/a/main.cpp and
// services/b/main.cpp: common boilerplate; a shared-cases variant): a local, a `static`
// function and a member of an anonymous namespace are each file's own, never joined across
// the two by the name and offset their USRs carry, so neither service has the other's topics.
TEST(ValueFlow, SameNamedFilesOfTwoServicesKeepTheirOwnLocals) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"services/**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nservices:\n"
                               "  a: [\"services/a/**\"]\n  b: [\"services/b/**\"]\n");
  for (std::string service : {"a", "b"})
    dir.write("services/" + service + "/main.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
namespace { std::string topicName() { return ")cpp" + service + R"cpp(_events"; } }
static void tell(ros::Publisher &p) { p.publish(std_msgs::String()); }
int main(int argc, char **argv) {
  ros::init(argc, argv, ")cpp" + service + R"cpp(");
  ros::NodeHandle n;
  ros::Publisher pub = n.advertise<std_msgs::String>(")cpp" + service + R"cpp(_out", 1);
  pub.publish(std_msgs::String());
  ros::Publisher events = n.advertise<std_msgs::String>(topicName(), 1);
  tell(events);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "a produce /a_events services/a/main.cpp:11:3",
                             "a produce /a_out services/a/main.cpp:9:7",
                             "b produce /b_events services/b/main.cpp:11:3",
                             "b produce /b_out services/b/main.cpp:9:7",
                         }));
}

} // namespace

namespace {

// A local given another value under a condition that is a compile-time constant
// (unitreerobotics/unitree_ros2's examples: `const auto *topic_name = "lf/lowstate"; if
// (HIGH_FREQ) topic_name = "lowstate";` with `constexpr bool HIGH_FREQ = true`, session 38's
// held-back ROS 2 set, where both names were endpoints): only the branch taken runs. A
// condition known only at run time keeps both values.
TEST(ValueFlow, BranchesUnderACompileTimeConstantConditionAreTheOnesTaken) {
  TempDir dir;
  dir.write("eventscope.yaml", kViewBusConfig);
  dir.write("include/bus.h", kViewBusHeader);
  dir.write("app.cpp", R"cpp(#include "bus.h"
constexpr bool HIGH_FREQ = true;
constexpr bool LEGACY = false;
static const int kMode = 2;
bool verbose();
void run() {
  const char *state = "lf/lowstate";
  if (HIGH_FREQ) {
    state = "lowstate";
  }
  bus::publish(state, {});
  std::string odom = "odom/raw";
  if (LEGACY)
    odom = "odom";
  else if (kMode == 2)
    odom = "odom/filtered";
  bus::publish(odom, {});
  std::string log = "log/info";
  if constexpr (!HIGH_FREQ)
    log = "log/slow";
  bus::publish(log, {});
  std::string debug = "debug/quiet";
  if (verbose())
    debug = "debug/verbose";
  bus::publish(debug, {});
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app produce debug/quiet app.cpp:25:3",
                             "app produce debug/verbose app.cpp:25:3",
                             "app produce log/info app.cpp:21:3",
                             "app produce lowstate app.cpp:11:3",
                             "app produce odom/filtered app.cpp:17:3",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// braams/asterisk-kafka (session 38's held-back Kafka set): a file-level `char *` topic set
// with Asterisk's own `ast_strdup` of a `#define`d default. A project's strdup is a copy of
// its string, as libc's is.
TEST(ValueFlow, AProjectsOwnStrdupCopiesItsString) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\"]\n");
  dir.write("cdr/cdr_kafka.c", R"c(#include <librdkafka/rdkafka.h>
#include <string.h>
#define DEFAULT_KAFKA_TOPIC "asterisk-cdr"
char *ast_strdup(const char *s);
void ast_free(void *p);
static char *kafka_topic;
static rd_kafka_t *rk;
static void load_config(void) { kafka_topic = ast_strdup(DEFAULT_KAFKA_TOPIC); }
static void produce(const char *buf) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(kafka_topic), RD_KAFKA_V_VALUE((void *)buf, strlen(buf)), RD_KAFKA_V_END);
}
)c");
  // The same module reading its configuration file, as cel_kafka.c does: the default is
  // replaced when the file names a topic (a setting "topic" whose default is the constant).
  dir.write("cel/cel_kafka.c", R"c(#include <librdkafka/rdkafka.h>
#include <string.h>
#include <strings.h>
#define DEFAULT_KAFKA_TOPIC "asterisk_cel"
struct variable { const char *name, *value; struct variable *next; };
char *ast_strdup(const char *s);
void ast_free(void *p);
static char *kafka_topic;
static rd_kafka_t *rk;
static void load_config(struct variable *v) {
  kafka_topic = ast_strdup(DEFAULT_KAFKA_TOPIC);
  for (; v; v = v->next) {
    if (!strcasecmp(v->name, "topic")) {
      ast_free(kafka_topic);
      kafka_topic = ast_strdup(v->value);
    }
  }
}
static void unload(void) { ast_free(kafka_topic); kafka_topic = NULL; }
static void produce(const char *buf) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(kafka_topic), RD_KAFKA_V_VALUE((void *)buf, strlen(buf)), RD_KAFKA_V_END);
}
)c");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"cdr produce asterisk-cdr cdr/cdr_kafka.c:10:3",
                                                "cel produce asterisk_cel cel/cel_kafka.c:21:3 {default topic}"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

namespace {

// Icinga 2's RedisConnection (session 38's held-back Redis set): a batch of commands, each a
// vector of words, given as a braced list of lists or a local vector filled by push_back of
// braced lists. Each command is read as the call's own; one the API entry does not take
// (HDEL, TIME) names none. Before, the batch was one run of words starting "TIME" (nothing
// said) or a list eventscope could not read (nothing said either).
TEST(ValueFlow, RedisBatchesOfCommandsAreEachReadAsACommand) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["**/*.cpp"]
compile_flags: ["-std=c++17"]
apis:
  - {function: "RedisConnection::FireAndForgetQuery", role: produce, channel: {redis_command: XADD, argv: 0}}
  - {function: "RedisConnection::FireAndForgetQueries", role: produce, channel: {redis_command: XADD, argv: 0}}
  - {function: "RedisConnection::GetResultsOfQueries", role: consume, channel: {redis_command: XREAD, argv: 0}, handler: enclosing_function}
)");
  dir.write("svc/db.cpp", R"cpp(#include <string>
#include <vector>
struct RedisConnection {
  typedef std::vector<std::string> Query;
  typedef std::vector<Query> Queries;
  void FireAndForgetQuery(Query query);
  void FireAndForgetQueries(Queries queries);
  std::vector<std::string> GetResultsOfQueries(Queries queries);
};
void run(RedisConnection &redis, const std::string &key, const std::string &id) {
  redis.FireAndForgetQuery({"XADD", "icinga:stats", "*", "k", "v"});
  RedisConnection::Queries queries;
  queries.push_back({"HDEL", key, id});
  queries.push_back({"XADD", "icinga:runtime", "MAXLEN", "~", "1000000", "*", "id", id});
  redis.FireAndForgetQueries(queries);
  redis.FireAndForgetQueries({{"XADD", "icinga:runtime:state", "*", "id", id}});
  redis.FireAndForgetQueries({{"HDEL", key, id}, {"HSET", key, id, "x"}});
  auto replies = redis.GetResultsOfQueries({
      {"TIME"},
      {"XREAD", "STREAMS", "icingadb:telemetry:heartbeat", "0-0"},
      {"XREAD", "COUNT", "1", "STREAMS", "icinga:runtime", "icinga:runtime:state", "0-0", "0-0"},
  });
}
std::string nextWord();
void replay(RedisConnection &redis, int n) {
  RedisConnection::Query query;
  for (int i = 0; i < n; ++i)
    query.push_back(nextWord());
  redis.FireAndForgetQuery(query);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume icinga:runtime svc/db.cpp:18:24 [run]",
                             "svc consume icinga:runtime:state svc/db.cpp:18:24 [run]",
                             "svc consume icingadb:telemetry:heartbeat svc/db.cpp:18:24 [run]",
                             "svc produce icinga:runtime svc/db.cpp:15:9",
                             "svc produce icinga:runtime:state svc/db.cpp:16:9",
                             "svc produce icinga:stats svc/db.cpp:11:9",
                         }));
  // Words known only at run time: said once, though no entry of the function is PUBLISH's.
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "svc/db.cpp:29:9 RedisConnection::FireAndForgetQuery: the words of "
                              "RedisConnection::FireAndForgetQuery's command are not known (an array filled at run time)"}));
}

} // namespace

namespace {

// A message struct carrying its topic, read through a parameter (`record.topic` in a client's
// Send; budlab's lib-msg): the objects that count are those handed to a function that reaches
// the Send, directly, through a project wrapper, or as a local. Before, every `Record(...)`
// made anywhere (six in the parser's tests) was a producer of its first argument.
TEST(ValueFlow, AMemberReadThroughAParameterTakesTheObjectsHandedToItsFunction) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("svc/a.cpp", R"cpp(#include <mqtt/async_client.h>
#include <string>
#include <vector>
struct Record {
  std::string topic;
  std::string message;
  Record(const std::string &t, const std::string &m) : topic(t), message(m) {}
};
struct IClient {
  virtual ~IClient() = default;
  virtual void Send(const Record &r) = 0;
};
struct Client : IClient {
  mqtt::async_client *c;
  void Send(const Record &r) override { c->publish(r.topic, r.message); }
};
struct Producer {
  IClient *client;
  void Send(const Record &r) { client->Send(r); }
};
std::string ToString(const Record &r);
std::vector<Record> backlog;
void test() { ToString(Record("parsed", "m")); }
void real(Client &c, Producer &p) {
  c.Send(Record("orders", "m"));
  Record r("audit", "x");
  c.Send(std::move(r));
  Record q("unused", "y");
  ToString(q);
  p.Send(Record("via.producer", "z"));
  backlog.push_back(Record("queued", "w")); // a library's container: it may reach Send
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc produce audit svc/a.cpp:26:10",
                             "svc produce orders svc/a.cpp:25:10",
                             "svc produce queued svc/a.cpp:31:21",
                             "svc produce via.producer svc/a.cpp:30:10",
                         }));
}

} // namespace

namespace {

// Icinga 2's ExecuteRedisTransaction (session 39's held-back Redis set): a batch made with a
// braced list (`Queries transaction{{"MULTI"}}`), then a command per emplace_back, then EXEC.
// Before, the batch was its initialiser alone: one MULTI, which names nothing, and nothing was
// said of the XADD (a silent miss). A command whose words are not known here (HSET words from
// a map) is said.
TEST(ValueFlow, ABatchMadeWithABracedListThenFilledIsEveryCommandAdded) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["**/*.cpp"]
compile_flags: ["-std=c++17"]
apis:
  - {function: "RedisConnection::FireAndForgetQueries", role: produce, channel: {redis_command: XADD, argv: 0}}
)");
  dir.write("svc/db.cpp", R"cpp(#include <map>
#include <string>
#include <vector>
struct RedisConnection {
  typedef std::vector<std::string> Query;
  typedef std::vector<Query> Queries;
  void FireAndForgetQueries(Queries queries);
};
void transaction(RedisConnection &rcon, std::map<std::string, RedisConnection::Query> &hMSets,
                 const std::vector<std::string> &updates) {
  RedisConnection::Queries transaction{{"MULTI"}};
  for (auto &[key, query] : hMSets) {
    query.insert(query.begin(), {"HSET", key});
    transaction.emplace_back(std::move(query));
  }
  for (auto &attrs : updates) {
    RedisConnection::Query xAdd{"XADD", "icinga:runtime", "MAXLEN", "~", "1000000", "*"};
    xAdd.emplace_back(attrs);
    transaction.emplace_back(std::move(xAdd));
  }
  transaction.emplace_back(RedisConnection::Query{"EXEC"});
  rcon.FireAndForgetQueries(std::move(transaction));
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"svc produce icinga:runtime svc/db.cpp:22:8"}));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "svc/db.cpp:22:8 RedisConnection::FireAndForgetQueries: one of the channels: the words of "
                              "RedisConnection::FireAndForgetQueries's command are not known (an array filled at run time)"}));
}

} // namespace

namespace {

// Icinga 2 and kamailio's cnxcc (session 39's held-back Redis set): a command built before it
// is sent has its made_at where its words were written: a word vector's declaration, the
// push_back that adds a command to a batch, the snprintf into a buffer that a helper sends.
// The endpoint stays at the send.
TEST(ValueFlow, ACommandBuiltBeforeItIsSentIsMadeWhereItsWordsAreWritten) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["**/*.cpp"]
compile_flags: ["-std=c++17"]
apis:
  - {function: "RedisConnection::FireAndForgetQuery", role: produce, channel: {redis_command: XADD, argv: 0}}
  - {function: "RedisConnection::FireAndForgetQueries", role: produce, channel: {redis_command: XADD, argv: 0}}
)");
  dir.write("svc/db.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <cstdio>
#include <string>
#include <vector>
struct RedisConnection {
  typedef std::vector<std::string> Query;
  typedef std::vector<Query> Queries;
  void FireAndForgetQuery(Query query);
  void FireAndForgetQueries(Queries queries);
};
void state(RedisConnection &rcon, const std::vector<std::string> &attrs) {
  RedisConnection::Query xadd({
      "XADD", "icinga:runtime:state", "MAXLEN", "~", "1000000", "*"});
  for (const std::string &a : attrs)
    xadd.emplace_back(a);
  rcon.FireAndForgetQuery(std::move(xadd));
}
void runtime(RedisConnection &rcon, const std::string &id) {
  RedisConnection::Queries queries;
  queries.push_back({"HDEL", "icinga:objects", id});
  queries.push_back({"XADD", "icinga:runtime", "*", "id", id});
  rcon.FireAndForgetQueries(queries);
}
static int redis_exec(redisContext *ctx, const char *cmd) {
  redisReply *reply = (redisReply *)redisCommand(ctx, cmd);
  freeReplyObject(reply);
  return 0;
}
void kill(redisContext *ctx, const char *call_id) {
  char cmd[256];
  snprintf(cmd, sizeof(cmd), "PUBLISH cnxcc:kill_list %s", call_id);
  redis_exec(ctx, cmd);
}
)cpp");
  eventscope::testing::CommandResult scan =
      eventscope::testing::runEventscope({"scan", dir.path(), "--no-cache", "-q"});
  ASSERT_EQ(scan.exitCode, 0) << scan.err;
  const nlohmann::json graph = nlohmann::json::parse(scan.out);
  std::set<std::string> made;
  for (const nlohmann::json &e : graph.at("endpoints"))
    made.insert(e.at("channel").get<std::string>() + " at " + e.at("file").get<std::string>() + ":" +
                std::to_string(e.at("line").get<int>()) + " made_at " + e.value("made_at", std::string("-")));
  EXPECT_EQ(made, (std::set<std::string>{"cnxcc:kill_list at svc/db.cpp:32 made_at svc/db.cpp:31:3",
                                         "icinga:runtime at svc/db.cpp:22 made_at svc/db.cpp:21:3",
                                         "icinga:runtime:state at svc/db.cpp:16 made_at svc/db.cpp:12:3"}));
}

} // namespace
