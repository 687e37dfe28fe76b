// Each built-in profile on code compiled against the library's real Debian header.
#include "extraction_support.h"

#include <gtest/gtest.h>

using namespace eventscope;
using eventscope::testing::analyze;
using eventscope::testing::Extracted;
using eventscope::testing::TempDir;

namespace {

Extracted analyzeOne(const std::string &file, const std::string &code, const std::string &extraConfig = "") {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n" + extraConfig);
  dir.write(file, code);
  Extracted x = analyze(dir);
  EXPECT_TRUE(x.warnings.empty()) << x.warnings.front();
  return x;
}

TEST(Profiles, LibrdkafkaC) {
  Extracted x = analyzeOne("svc/kafka.cpp", R"cpp(#include <librdkafka/rdkafka.h>
void produce(rd_kafka_t *rk, rd_kafka_conf_t *conf) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.v"), RD_KAFKA_V_VALUE((void *)"x", 1), RD_KAFKA_V_END);
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, "orders.t", nullptr);
  rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, (void *)"x", 1, nullptr, 0, nullptr);
}
void handle(rd_kafka_message_t *m, rd_kafka_t *rk) { rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("audit"), RD_KAFKA_V_END); }
void consume(rd_kafka_t *rk) {
  rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(2);
  rd_kafka_topic_partition_list_add(topics, "payments", RD_KAFKA_PARTITION_UA);
  rd_kafka_topic_partition_list_add(topics, "refunds", RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(rk, topics);
  while (true)
    if (rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100))
      handle(m, rk);
}
)cpp");
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume payments svc/kafka.cpp:12:3 [consume]",
                             "svc consume refunds svc/kafka.cpp:12:3 [consume]",
                             "svc produce audit svc/kafka.cpp:7:54",
                             "svc produce orders.t svc/kafka.cpp:5:3",
                             "svc produce orders.v svc/kafka.cpp:3:3",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"svc payments -> audit via consume,handle",
                                               "svc refunds -> audit via consume,handle"}));
}

// Plain C, as librdkafka's own examples are written: a .c file is compiled as C (C++20
// flags would reject it), and RD_KAFKA_V_RKT names a topic handle instead of a topic.
TEST(Profiles, LibrdkafkaCInACSourceFile) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\"]\ncompile_flags: [-std=c++17]\n");
  dir.write("svc/producer.c", R"c(#include <librdkafka/rdkafka.h>
#include <stdbool.h>
static void produce(rd_kafka_t *rk, const char *name) {
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, "orders.rkt", NULL);
  bool retry = false;
  rd_kafka_producev(rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_VALUE((void *)"x", 1), RD_KAFKA_V_END);
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(name), RD_KAFKA_V_END);
}
static void rebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *partitions,
                      void *opaque) {
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
    rd_kafka_assign(rk, partitions);
  else
    rd_kafka_assign(rk, NULL);
}
int main(int argc, char **argv) {
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  rd_kafka_conf_set_rebalance_cb(conf, rebalance);
  produce(0, argv[1]);
  return 0;
}
)c");
  Extracted x = analyze(dir);
  EXPECT_TRUE(x.warnings.empty()) << x.warnings.front();
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"svc produce orders.rkt svc/producer.c:6:3"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_EQ(x.unresolved.begin()->rfind("svc/producer.c:19:3 produce: the value is read from an array", 0), 0u) << *x.unresolved.begin();
}

TEST(Profiles, NatsC) {
  Extracted x = analyzeOne("svc/nats.cpp", R"cpp(#include <nats/nats.h>
static void onOrder(natsConnection *nc, natsSubscription *, natsMsg *msg, void *) {
  natsConnection_PublishString(nc, "billing.charge", natsMsg_GetData(msg));
  natsMsg_Destroy(msg);
}
void run(natsConnection *nc) {
  natsSubscription *sub = nullptr;
  natsConnection_Subscribe(&sub, nc, "orders.*", onOrder, nullptr);
  natsConnection_QueueSubscribe(&sub, nc, "orders.created", "workers", onOrder, nullptr);
  natsMsg *reply = nullptr;
  natsConnection_RequestString(&reply, nc, "inventory.check", "sku-1", 1000);
  natsMsg *msg = nullptr;
  natsMsg_Create(&msg, "orders.created", nullptr, "x", 1);
  natsConnection_PublishMsg(nc, msg);
}
static void onCheck(natsConnection *nc, natsSubscription *, natsMsg *request, void *) {
  natsConnection_PublishString(nc, natsMsg_GetReply(request), "ok"); // an answer: no endpoint
  natsMsg *answer = nullptr;
  natsMsg_Create(&answer, natsMsg_GetReply(request), nullptr, "ok", 2);
  natsConnection_PublishMsg(nc, answer);
}
void stream(natsConnection *nc, jsCtx *js) {
  natsSubscription *sub = nullptr;
  natsConnection_Subscribe(&sub, nc, "inventory.check", onCheck, nullptr);
  const char *subjects[] = {"events.a", "events.b"};
  for (int i = 0; i < 2; ++i)
    js_Publish(nullptr, js, subjects[i], "x", 1, nullptr, nullptr);
}
void drain(natsSubscription *sub, jsCtx *js) { js_PullSubscribe(&sub, js, "events.>", "d", nullptr, nullptr, nullptr); }
void gather(natsConnection *nc, natsSubscription *sub, jsCtx *js) {
  natsInbox *inbox = nullptr;
  natsInbox_Create(&inbox);
  natsConnection_SubscribeSync(&sub, nc, (const char *)inbox); // where answers arrive: no endpoint
  js_PullSubscribe(&sub, js, nullptr, "bound", nullptr, nullptr, nullptr);
}
)cpp");
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume orders.* svc/nats.cpp:8:3 [onOrder]",
                             "svc consume orders.created svc/nats.cpp:9:3 [onOrder]",
                             "svc produce billing.charge svc/nats.cpp:3:3",
                             "svc produce inventory.check svc/nats.cpp:11:3",
                             "svc produce orders.created svc/nats.cpp:14:3",
                             "svc consume inventory.check svc/nats.cpp:24:3 [onCheck]",
                             "svc produce events.a svc/nats.cpp:27:5",
                             "svc produce events.b svc/nats.cpp:27:5",
                             "svc consume events.> svc/nats.cpp:29:48 [drain]",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "svc/nats.cpp:34:3 js_PullSubscribe: the channel argument is a null pointer: the channel is "
                              "chosen elsewhere (a JetStream subscription bound to a stream consumer, for one)"}));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"svc orders.* -> billing.charge via onOrder",
                                               "svc orders.created -> billing.charge via onOrder"}));
}

TEST(Profiles, Roscpp) {
  Extracted x = analyzeOne("talker/node.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
#include <std_srvs/Empty.h>
class Relay {
public:
  explicit Relay(ros::NodeHandle &nh) {
    pub_ = nh.advertise<std_msgs::String>("relayed", 10);
    sub_ = nh.subscribe("chatter", 10, &Relay::onChatter, this);
    srv_ = nh.advertiseService("reset", &Relay::onReset, this);
  }
private:
  void onChatter(const std_msgs::String::ConstPtr &msg) { pub_.publish(*msg); }
  bool onReset(std_srvs::Empty::Request &, std_srvs::Empty::Response &) { return true; }
  ros::Publisher pub_;
  ros::Subscriber sub_;
  ros::ServiceServer srv_;
};
void free_callback(const std_msgs::String::ConstPtr &) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "relay");
  ros::NodeHandle nh;
  ros::Subscriber s = nh.subscribe("status", 1, free_callback);
  ros::ServiceClient client = nh.serviceClient<std_srvs::Empty>("reset");
  std_srvs::Empty call;
  client.call(call);
}
)cpp",
                           // ROS 1's headers predate C++20 (std::allocator<void>::rebind).
                           "compile_flags: [-std=c++17]\n");
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "talker consume chatter talker/node.cpp:8:15 [Relay::onChatter]",
                             "talker consume reset talker/node.cpp:9:15 [Relay::onReset]",
                             "talker consume status talker/node.cpp:22:26 [free_callback]",
                             "talker produce relayed talker/node.cpp:12:64",
                             "talker produce reset talker/node.cpp:25:10",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"talker chatter -> relayed via Relay::onChatter"}));
}

TEST(Profiles, Hiredis) {
  Extracted x = analyzeOne("svc/redis.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <hiredis/async.h>
static const char *const kChannel = "alerts";
void onMessage(redisAsyncContext *ac, void *, void *) { redisAsyncCommand(ac, nullptr, nullptr, "PUBLISH audit %s", "x"); }
void run(redisContext *c, redisAsyncContext *ac) {
  redisCommand(c, "PUBLISH orders %s", "payload");
  redisCommand(c, "PUBLISH %s %s", kChannel, "payload");
  redisCommand(c, "SET key %s", "value");
  redisAsyncCommand(ac, onMessage, nullptr, "SUBSCRIBE orders alerts");
  redisAsyncCommand(ac, onMessage, nullptr, "PSUBSCRIBE sensor.*");
}
)cpp");
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume alerts svc/redis.cpp:9:3 [onMessage]",
                             "svc consume orders svc/redis.cpp:9:3 [onMessage]",
                             "svc consume sensor.* svc/redis.cpp:10:3 [onMessage]",
                             "svc produce alerts svc/redis.cpp:7:3",
                             "svc produce audit svc/redis.cpp:4:57",
                             "svc produce orders svc/redis.cpp:6:3",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

TEST(Profiles, PahoMqttCpp) {
  Extracted x = analyzeOne("svc/mqtt.cpp", R"cpp(#include <mqtt/async_client.h>
class Callback : public virtual mqtt::callback {
public:
  explicit Callback(mqtt::async_client &cli) : cli_(cli) {}
  void message_arrived(mqtt::const_message_ptr msg) override {
    cli_.publish(mqtt::make_message("home/alerts", msg->get_payload()));
  }
private:
  mqtt::async_client &cli_;
};
void run(mqtt::async_client &cli) {
  Callback cb(cli);
  cli.set_callback(cb);
  cli.subscribe("home/+/temperature", 1);
  cli.publish("home/kitchen/temperature", "21", 2, 1, false);
  auto msg = mqtt::make_message("home/status", "up");
  cli.publish(msg);
  mqtt::topic top(cli, "home/log", 1);
  top.publish("started");
  cli.subscribe(mqtt::string_collection::create({"home/+/humidity", "garden/#"}), mqtt::iasync_client::qos_collection{1, 1});
}
)cpp");
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume garden/# svc/mqtt.cpp:20:7 [Callback::message_arrived]",
                             "svc consume home/+/humidity svc/mqtt.cpp:20:7 [Callback::message_arrived]",
                             "svc consume home/+/temperature svc/mqtt.cpp:14:7 [Callback::message_arrived]",
                             "svc produce home/alerts svc/mqtt.cpp:6:10",
                             "svc produce home/kitchen/temperature svc/mqtt.cpp:15:7",
                             "svc produce home/log svc/mqtt.cpp:19:7",
                             "svc produce home/status svc/mqtt.cpp:17:7",
                         }));
  EXPECT_EQ(x.triggers,
            (std::set<std::string>{"svc garden/# -> home/alerts via Callback::message_arrived",
                                   "svc home/+/humidity -> home/alerts via Callback::message_arrived",
                                   "svc home/+/temperature -> home/alerts via Callback::message_arrived"}));
}

} // namespace

namespace {

// ROS 2 has no Debian package: the rclcpp stand-in and message stubs make this parse.
TEST(Profiles, RclcppWithoutItsHeaders) {
  Extracted x = analyzeOne("nodes/relay.cpp", R"cpp(#include <functional>
#include "rclcpp/rclcpp.hpp"
#include "std_msgs/msg/string.hpp"
using std::placeholders::_1;
class Relay : public rclcpp::Node {
public:
  Relay() : Node("relay") {
    pub_ = this->create_publisher<std_msgs::msg::String>("relayed", 10);
    sub_ = this->create_subscription<std_msgs::msg::String>("chatter", 10, std::bind(&Relay::onChatter, this, _1));
    auto status = [this](std_msgs::msg::String::ConstSharedPtr) { pub_->publish(std_msgs::msg::String()); };
    status_ = create_subscription<std_msgs::msg::String>("status", rclcpp::QoS(5), status);
  }
private:
  void onChatter(const std_msgs::msg::String &msg) { pub_->publish(msg); }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub_, status_;
};
)cpp");
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "nodes consume chatter nodes/relay.cpp:9:18 [Relay::onChatter]",
                             "nodes consume status nodes/relay.cpp:11:15 [lambda at nodes/relay.cpp:10:19]",
                             "nodes produce relayed nodes/relay.cpp:10:73",
                             "nodes produce relayed nodes/relay.cpp:14:60",
                         }));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"nodes chatter -> relayed via Relay::onChatter",
                                               "nodes status -> relayed via lambda at nodes/relay.cpp:10:19"}));
}

// Topics handed to a node's constructor through std::make_shared, kept in a member by the
// constructor, and publishers reached through a getter; allocator options and serialized
// messages from the fuller stand-in (the allocator and serialization demos of ros2/demos).
TEST(Profiles, RclcppTopicsThroughConstructorsGettersAndAllocators) {
  Extracted x = analyzeOne("nodes/main.cpp", R"cpp(#include <memory>
#include "rclcpp/rclcpp.hpp"
#include "std_msgs/msg/u_int32.hpp"
class Echo : public rclcpp::Node {
public:
  Echo(const std::string &in, const std::string &out) : Node("echo"), out_(out) {
    sub_ = create_subscription<std_msgs::msg::UInt32>(in, 10, [](std_msgs::msg::UInt32::ConstSharedPtr) {});
    pub_ = create_publisher<std_msgs::msg::UInt32>("echoed", 10);
    counts_ = create_publisher<std_msgs::msg::UInt32>(out_ + "/counts", 10);
    std::weak_ptr<rclcpp::Publisher<std_msgs::msg::UInt32>> weak = pub_;
    auto tick = [weak] { if (auto p = weak.lock()) p->publish(std_msgs::msg::UInt32()); };
    tick();
  }
  void tick() { counts_->publish(std_msgs::msg::UInt32()); }
  void late() { create_subscription<std_msgs::msg::UInt32>(out_, 10, [](std_msgs::msg::UInt32::ConstSharedPtr) {}); }
  rclcpp::Publisher<std_msgs::msg::UInt32>::SharedPtr get_pub() { return pub_; }
private:
  std::string out_;
  rclcpp::Publisher<std_msgs::msg::UInt32>::SharedPtr pub_, counts_;
  rclcpp::Subscription<std_msgs::msg::UInt32>::SharedPtr sub_;
};
int main() {
  auto echo = std::make_shared<Echo>("numbers", "stats");
  echo->get_pub()->publish(std_msgs::msg::UInt32());
  auto node = rclcpp::Node::make_shared("raw");
  rclcpp::PublisherOptionsWithAllocator<std::allocator<void>> options;
  auto raw = node->create_publisher<std_msgs::msg::UInt32>("raw", 10, options);
  rclcpp::SerializedMessage serialized(64);
  raw->publish(serialized);
}
)cpp");
  // Endpoints fed by the constructor's parameters are reported where the node is made.
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "nodes consume numbers nodes/main.cpp:23:15 [lambda at nodes/main.cpp:7:63]",
                             "nodes consume stats nodes/main.cpp:23:15 [lambda at nodes/main.cpp:15:70]",
                             "nodes produce stats/counts nodes/main.cpp:23:15",
                             "nodes produce echoed nodes/main.cpp:11:55",
                             "nodes produce echoed nodes/main.cpp:24:20",
                             "nodes produce raw nodes/main.cpp:29:8",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace
