// Issue 17: handles kept where their channel is not written beside them: in a map keyed by
// the channel's name, read back by that name in another function.
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

// JianpingCAI/cppKafkaExamples' producer wrapper (session 17's held-back Kafka set): AddTopic
// keeps each RdKafka::Topic in a std::map under the name it was made with, ProduceMessage
// looks it up by its own parameter. The handle found under a name is the one made with it,
// so ProduceMessage is a wrapper whose callers name the topic. A map that also stores a
// handle made with another name (or a handle it was given) is not read this way.
TEST(ValueHandles, HandlesKeptInAMapUnderTheirTopicsName) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("wrapper.h", R"cpp(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
class KafkaProducerWrapper {
public:
  bool AddTopic(const std::string &topic_name);
  bool ProduceMessage(const std::string &topic_name, const std::string &message);
  void Flush(const std::string &name);
  void AddAlias(const std::string &alias, RdKafka::Topic *topic);
  void ProduceAlias(const std::string &alias);
private:
  std::unique_ptr<RdKafka::Producer> producer;
  std::map<std::string, std::unique_ptr<RdKafka::Topic>> topics;
  std::unordered_map<std::string, RdKafka::Topic *> aliases;
};
)cpp");
  dir.write("wrapper.cpp", R"cpp(#include "wrapper.h"
bool KafkaProducerWrapper::AddTopic(const std::string &topic_name) {
  if (topics.find(topic_name) != topics.end())
    return false;
  std::string errstr;
  std::unique_ptr<RdKafka::Topic> topic(RdKafka::Topic::create(producer.get(), topic_name, nullptr, errstr));
  if (!topic)
    return false;
  topics[topic_name] = std::move(topic);
  return true;
}
bool KafkaProducerWrapper::ProduceMessage(const std::string &topic_name, const std::string &message) {
  auto it = topics.find(topic_name);
  if (it == topics.end())
    return false;
  RdKafka::ErrorCode err = producer->produce(it->second.get(), RdKafka::Topic::PARTITION_UA,
                                             RdKafka::Producer::RK_MSG_COPY, const_cast<char *>(message.c_str()),
                                             message.size(), nullptr, nullptr);
  return err == RdKafka::ERR_NO_ERROR;
}
void KafkaProducerWrapper::Flush(const std::string &name) {
  producer->produce(topics.at(name).get(), 0, RdKafka::Producer::RK_MSG_COPY, nullptr, 0, nullptr, nullptr);
}
void KafkaProducerWrapper::AddAlias(const std::string &alias, RdKafka::Topic *topic) { aliases[alias] = topic; }
void KafkaProducerWrapper::ProduceAlias(const std::string &alias) {
  producer->produce(aliases[alias], 0, RdKafka::Producer::RK_MSG_COPY, nullptr, 0, nullptr, nullptr);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "wrapper.h"
int main() {
  KafkaProducerWrapper producer;
  producer.AddTopic("topic1");
  producer.AddTopic("topic2");
  producer.ProduceMessage("topic1", "hello");
  producer.ProduceMessage("topic2", "world");
  producer.Flush("topic2");
  producer.ProduceAlias("short");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce topic1 main.cpp:6:12", "app produce topic2 main.cpp:7:12",
                                                 "app produce topic2 main.cpp:8:12"}));
  ASSERT_EQ(x.unresolved.size(), 1u);
  EXPECT_NE(x.unresolved.begin()->find("wrapper.cpp:26:13"), std::string::npos) << *x.unresolved.begin();
}

// The same in a ROS 2 node: publishers kept by topic in a map, made by emplace and
// used through `[]` from a timer's callback: the message published is the publisher's.
TEST(ValueHandles, RosPublishersKeptInAMapByTopic) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {relay: [\"**\"]}\n");
  dir.write("relay.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
#include <map>
class Relay : public rclcpp::Node {
public:
  Relay() : Node("relay") {
    add("chatter");
    add("status");
    timer_ = create_wall_timer(std::chrono::seconds(1), [this] { send("chatter"); });
  }
private:
  void add(const std::string &topic) { pubs_.emplace(topic, create_publisher<std_msgs::msg::String>(topic, 10)); }
  void send(const std::string &topic) { pubs_[topic]->publish(std_msgs::msg::String()); }
  std::map<std::string, rclcpp::Publisher<std_msgs::msg::String>::SharedPtr> pubs_;
  rclcpp::TimerBase::SharedPtr timer_;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  rclcpp::spin(std::make_shared<Relay>());
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"relay produce /chatter relay.cpp:9:66"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// RealmOfAesir (session 18's held-back Kafka set): handlers publish through a
// `shared_ptr<ikafka_producer<false>>`, an interface whose implementation, a class template
// defined out of line and instantiated explicitly in its own file, makes the topic handle
// from its parameter. Each instantiation's handle is the one its own code makes (not the
// template's, whose parameter nobody passes), and a call through the interface is a call of
// every override: here of the publishing one; a test double that does not publish adds
// nothing, and one derived from the implementation publishes as it does.
TEST(ValueHandles, WrappersBehindAnInterfaceInClassTemplates) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("producer.h", R"cpp(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <memory>
#include <string>
template <bool UseJson> struct message { std::string body; };
template <bool UseJson> class ikafka_producer {
public:
  virtual ~ikafka_producer() = default;
  virtual void enqueue_message(std::string topic_str, message<UseJson> const &msg) = 0;
};
template <bool UseJson> class kafka_producer : public ikafka_producer<UseJson> {
public:
  void enqueue_message(std::string topic_str, message<UseJson> const &msg) override;
private:
  std::unique_ptr<RdKafka::Producer> _producer;
};
class null_producer : public ikafka_producer<false> {
public:
  void enqueue_message(std::string, message<false> const &) override {}
};
class counting_producer : public kafka_producer<true> {};
)cpp");
  dir.write("producer.cpp", R"cpp(#include "producer.h"
template <bool UseJson>
void kafka_producer<UseJson>::enqueue_message(std::string topic_str, message<UseJson> const &msg) {
  std::string errstr;
  RdKafka::Topic *topic = RdKafka::Topic::create(_producer.get(), topic_str, nullptr, errstr);
  _producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                     const_cast<char *>(msg.body.data()), msg.body.size(), nullptr, nullptr);
}
template class kafka_producer<false>;
template class kafka_producer<true>;
)cpp");
  dir.write("handler.cpp", R"cpp(#include "producer.h"
class handler {
public:
  explicit handler(std::shared_ptr<ikafka_producer<false>> producer) : _producer(std::move(producer)) {}
  void handle(int server_id) {
    _producer->enqueue_message("backend_messages", message<false>{"x"});
    _producer->enqueue_message("server-" + std::to_string(server_id), message<false>{"y"});
  }
private:
  std::shared_ptr<ikafka_producer<false>> _producer;
};
int main() {
  handler h(std::make_shared<kafka_producer<false>>());
  h.handle(3);
  kafka_producer<true> json;
  json.enqueue_message("json_messages", message<true>{"z"});
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce backend_messages handler.cpp:6:16",
                                                 "app produce json_messages handler.cpp:16:8",
                                                 "app produce server-{server_id} handler.cpp:7:16"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// ddz (session 18's held-back Redis set): one RedisClient class copied into each of several
// programs, a printf-like `command` over redisvCommand. Each copy is a wrapper in its own
// program, so every program's calls are read, not only the first program's; a program that
// uses another's copy (no copy of its own) has that one.
TEST(ValueHandles, AWrapperClassCopiedIntoSeveralPrograms) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*/*.cpp\"]\nservices: {speaker: [\"speaker/**\"], party: [\"party/**\"], "
                               "lottery: [\"lottery/**\"], allkill: [\"allkill/**\"]}\n");
  const char *client = R"cpp(#include <hiredis/hiredis.h>
#include <cstdarg>
class RedisClient {
public:
  redisReply *command(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    void *reply = redisvCommand(c_, format, ap);
    va_end(ap);
    return static_cast<redisReply *>(reply);
  }
private:
  redisContext *c_ = nullptr;
};
)cpp";
  for (const char *program : {"speaker", "party", "lottery"}) {
    dir.write(std::string(program) + "/redis_client.h", client);
    dir.write(std::string(program) + "/main.cpp", std::string("#include \"redis_client.h\"\nint main() {\n  RedisClient rc;\n"
                                                              "  rc.command(\"PUBLISH ") + program + "_events %s\", \"x\");\n}\n");
  }
  // A program with no copy of its own, using another's: that copy is its wrapper.
  dir.write("allkill/main.cpp", "#include \"../lottery/redis_client.h\"\nint main() {\n  RedisClient rc;\n"
                                "  rc.command(\"PUBLISH allkill_events %s\", \"x\");\n}\n");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"allkill produce allkill_events allkill/main.cpp:4:6",
                                                 "lottery produce lottery_events lottery/main.cpp:4:6",
                                                 "party produce party_events party/main.cpp:4:6",
                                                 "speaker produce speaker_events speaker/main.cpp:4:6"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// RealmOfAesir again: a dispatcher in common code calls `handle_message` on an interface that
// handlers of two programs override. A message the backend consumes runs the backend's
// handlers only: the world's are another program (a service with its own `main`), even
// though the same virtual call could reach them.
TEST(ValueHandles, AVirtualCallInSharedCodeReachesOnlyTheConsumersOwnProgram) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [common]\n"
                               "services: {backend: [\"backend/**\"], world: [\"world/**\"], common: [\"common/**\"]}\n"
                               "apis:\n  - {function: bus_publish, role: produce, channel: {arg: 0}}\n"
                               "  - {function: bus_subscribe, role: consume, channel: {arg: 0}, handler: {arg: 1}}\n");
  dir.write("common/dispatch.h", R"cpp(#pragma once
#include <memory>
#include <vector>
void bus_publish(const char *topic);
void bus_subscribe(const char *topic, void (*handler)(const char *));
struct handler { virtual ~handler() = default; virtual void handle_message(const char *body) = 0; };
struct dispatcher {
  std::vector<std::unique_ptr<handler>> handlers;
  void trigger(const char *body);
};
extern dispatcher the_dispatcher;
)cpp");
  dir.write("common/dispatch.cpp", "#include \"dispatch.h\"\ndispatcher the_dispatcher;\n"
                                   "void dispatcher::trigger(const char *body) { for (auto &h : handlers) h->handle_message(body); }\n");
  dir.write("backend/main.cpp", R"cpp(#include "dispatch.h"
struct login_handler : handler { void handle_message(const char *) override { bus_publish("login_response"); } };
void on_backend(const char *body) { the_dispatcher.trigger(body); }
int main() {
  the_dispatcher.handlers.push_back(std::make_unique<login_handler>());
  bus_subscribe("backend_messages", on_backend);
}
)cpp");
  dir.write("world/main.cpp", R"cpp(#include "dispatch.h"
struct map_handler : handler { void handle_message(const char *) override { bus_publish("map_sent"); } };
void on_world(const char *body) { the_dispatcher.trigger(body); }
int main() {
  the_dispatcher.handlers.push_back(std::make_unique<map_handler>());
  bus_subscribe("world_messages", on_world);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{
                            "backend backend_messages -> login_response via on_backend,dispatcher::trigger,login_handler::handle_message",
                            "world world_messages -> map_sent via on_world,dispatcher::trigger,map_handler::handle_message"}));
}

// ess-dmsc/NeXus-Streamer (session 22's held-back Kafka set): topic names are members of a
// value object made from the instrument's name (TopicNames(instrument)), read where the
// handles are created in setUp. The names come from setUp's parameter, so setUp's calls name
// the topics; another function that only makes a TopicNames to rewrite a text sends nothing.
// Made as `auto x = T(a)` (a copy before C++17), `T x(a)` or `T x{a}`. The handle is returned
// by a project function, through a local or straight from Topic::create.
TEST(ValueHandles, NamesReadFromAValueObjectMadeFromAParameter) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\ncompile_flags: [\"-std=c++14\"]\n");
  dir.write("names.h", R"cpp(#pragma once
#include <string>
struct TopicNames {
  explicit TopicNames(const std::string &instrument)
      : event(instrument + "_events"), runInfo(instrument + "_runInfo") {}
  const std::string event;
  const std::string runInfo;
};
)cpp");
  dir.write("publisher.h", R"cpp(#pragma once
#include "names.h"
#include <librdkafka/rdkafkacpp.h>
#include <memory>
class KafkaPublisher {
public:
  void setUp(const std::string &broker, const std::string &instrument);
  void sendEvent(const std::string &m) { send(m, topic_); }
  void sendRun(const std::string &m) { producer_->produce(runTopic_.get(), -1, 2, nullptr, 0, nullptr, nullptr); }
private:
  void send(const std::string &m, std::shared_ptr<RdKafka::Topic> topic) {
    producer_->produce(topic.get(), -1, RdKafka::Producer::RK_MSG_COPY, const_cast<char *>(m.data()), m.size(), nullptr, nullptr);
  }
  std::shared_ptr<RdKafka::Topic> createShared(const std::string &name) {
    std::string error;
    auto topic = std::shared_ptr<RdKafka::Topic>(RdKafka::Topic::create(producer_.get(), name, nullptr, error));
    return topic;
  }
  RdKafka::Topic *create(const std::string &name) {
    std::string error;
    return RdKafka::Topic::create(producer_.get(), name, nullptr, error);
  }
  std::unique_ptr<RdKafka::Producer> producer_;
  std::shared_ptr<RdKafka::Topic> topic_;
  std::unique_ptr<RdKafka::Topic> runTopic_;
};
)cpp");
  dir.write("publisher.cpp", R"cpp(#include "publisher.h"
void KafkaPublisher::setUp(const std::string &broker, const std::string &instrument) {
  auto names = TopicNames(instrument);
  topic_ = createShared(names.event);
  TopicNames again(instrument);
  runTopic_.reset(create(again.runInfo));
}
)cpp");
  dir.write("describe.cpp", R"cpp(#include "names.h"
void updateTopicNames(std::string &description, const std::string &instrument) {
  auto names = TopicNames(instrument);
  TopicNames braced{instrument};
  description.replace(0, 1, names.event);
  description.replace(1, 1, braced.runInfo);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "publisher.h"
void updateTopicNames(std::string &description, const std::string &instrument);
int main() {
  KafkaPublisher publisher;
  publisher.setUp("localhost:9092", "LOKI");
  std::string description = "xy";
  updateTopicNames(description, "LOKI");
  publisher.sendEvent("e");
  publisher.sendRun("r");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce LOKI_events main.cpp:8:13",
                                                 "app produce LOKI_runInfo main.cpp:9:13"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// Where a wrapper object's endpoint is (session 22, from the held-back Kafka set's NeXus-Streamer
// and Zing): a producer's is each call of its sending method, through the interface it
// implements too, and its construction only for a method nobody calls; a consumer whose
// subscription is made by a later method (`setup_consumer()`) is at that method's call; one
// whose constructor subscribes (itself or through its own method) is at its construction.
TEST(ValueHandles, WrapperObjectsEndpointsAreWhereTheirMethodsAreCalled) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("wrappers.h", R"cpp(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <memory>
#include <string>
#include <vector>
class Publisher {
public:
  virtual ~Publisher() = default;
  virtual void sendEvent(const std::string &m) = 0;
};
class KafkaPublisher : public Publisher {
public:
  KafkaPublisher(const std::string &events, const std::string &audit) : events_(events), audit_(audit) {}
  void sendEvent(const std::string &m) override { send(events_, m); }
  void sendAudit(const std::string &m) { send(audit_, m); }
private:
  void send(const std::string &topic, const std::string &m) {
    producer_->produce(topic, -1, RdKafka::Producer::RK_MSG_COPY, const_cast<char *>(m.data()), m.size(), nullptr, 0, 0, nullptr);
  }
  std::unique_ptr<RdKafka::Producer> producer_;
  std::string events_, audit_;
};
class Consumer {
public:
  explicit Consumer(const std::string &topic) : topic_(topic) {}
  void start() { consumer_->subscribe(std::vector<std::string>{topic_}); }
private:
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
  std::string topic_;
};
class SelfStarting {
public:
  explicit SelfStarting(const std::string &topic) : topic_(topic) { start(); }
  void start() { consumer_->subscribe(std::vector<std::string>{topic_}); }
private:
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
  std::string topic_;
};
)cpp");
  dir.write("main.cpp", R"cpp(#include "wrappers.h"
int main() {
  std::shared_ptr<Publisher> out = std::make_shared<KafkaPublisher>("orders", "audit");
  Consumer in("payments");
  SelfStarting self("refunds");
  in.start();
  out->sendEvent("x");
  out->sendEvent("y");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume payments main.cpp:6:6 [Consumer::start]",
                                                 "app consume refunds main.cpp:5:16 [SelfStarting::start]",
                                                 "app produce audit main.cpp:3:36",
                                                 "app produce orders main.cpp:7:8",
                                                 "app produce orders main.cpp:8:8"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// Held-back joshgamer474/rdkafkadart (session 32): raw `RdKafka::Topic*` handles kept in a
// map under the topic they were made with, `handles[topic] = Topic::create(c, topic, ...)`
// (an assignment of a pointer, not an operator= call), in a loop over the wrapper's vector
// parameter; the caller's braced list names them. The scan says where the messaging call
// inside the wrapper is (`api_at`), and, for a send on a handle made elsewhere, where the
// handle was made (`made_at`).
TEST(ValueHandles, RawPointerHandlesKeptInAMapByTheTopicTheyWereMadeWith) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\ncompile_flags: [\"-isystem\", \"/usr/include/librdkafka\"]\n"
                               "services: {app: [\"**\"]}\n");
  dir.write("consumer.h", R"cpp(#pragma once
#include <rdkafkacpp.h>
#include <map>
#include <string>
#include <vector>
class Consumer {
public:
  void start(const std::vector<std::string> &topics);
  void send(const std::string &payload);
private:
  RdKafka::Consumer *consumer;
  RdKafka::Producer *producer;
  RdKafka::Conf *tconf;
  std::string errstr;
  std::map<std::string, RdKafka::Topic *> topic_handles;
  RdKafka::Topic *out = RdKafka::Topic::create(producer, "acks", tconf, errstr);
};
)cpp");
  dir.write("consumer.cpp", R"cpp(#include "consumer.h"
void Consumer::start(const std::vector<std::string> &topics) {
  for (auto &topic : topics) {
    topic_handles[topic] = RdKafka::Topic::create(consumer, topic, tconf, errstr);
    consumer->start(topic_handles[topic], 0, RdKafka::Topic::OFFSET_BEGINNING);
  }
}
void Consumer::send(const std::string &payload) {
  producer->produce(out, 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char *>(payload.data()), payload.size(),
                    nullptr, nullptr);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "consumer.h"
int main() {
  Consumer c;
  c.start({"SM7a_description", "SM7a"});
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume SM7a main.cpp:4:5 [main]",
                                                 "app consume SM7a_description main.cpp:4:5 [main]",
                                                 "app produce acks consumer.cpp:9:13"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
  CommandResult r = runEventscope({"scan", dir.path(), "--no-cache"});
  EXPECT_NE(r.out.find("\"api_at\": \"consumer.cpp:5:15\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"made_at\": \"consumer.h:16:25\""), std::string::npos) << r.out;
}

// Held-back PX4/px4_ros_com (session 32): a node's constructor makes its publisher from its
// parameter (`px4_namespace + "in/offboard_control_mode"`) and a timer of the class publishes.
// The endpoint is where the node is made with its namespace; the scan also says where the
// publisher is made (`made_at`, the create_publisher in the constructor) and sent on (`api_at`).
TEST(ValueHandles, APublisherMadeFromAConstructorsParameterSaysWhereItIsMade) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("offboard.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class OffboardControl : public rclcpp::Node {
public:
  explicit OffboardControl(std::string px4_namespace) : Node("offboard_control_srv") {
    pub_ = this->create_publisher<std_msgs::msg::String>(px4_namespace + "in/offboard_control_mode", 10);
    timer_ = create_wall_timer(std::chrono::milliseconds(100), [this]() {
      std_msgs::msg::String m;
      pub_->publish(m);
    });
  }
private:
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
  rclcpp::TimerBase::SharedPtr timer_;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  rclcpp::spin(std::make_shared<OffboardControl>("/fmu/"));
}
)cpp");
  CommandResult r = runEventscope({"scan", dir.path(), "--no-cache"});
  EXPECT_NE(r.out.find("\"channel\": \"/fmu/in/offboard_control_mode\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"made_at\": \"offboard.cpp:6:18\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"api_at\": \"offboard.cpp:9:13\""), std::string::npos) << r.out;
}

// Held-back isoprophlex/kafka-cpplayground (session 32): the consumer's constructor pushes
// its topic into a member vector, then subscribes the vector. A member container of names that
// nothing assigns, only fills in place, is its elements: each construction names one.
TEST(ValueHandles, AMemberVectorFilledInTheConstructorThenSubscribed) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\ncompile_flags: [\"-isystem\", \"/usr/include/librdkafka\"]\n"
                               "services: {app: [\"**\"]}\n");
  dir.write("consumer.h", R"cpp(#pragma once
#include <rdkafkacpp.h>
#include <string>
#include <vector>
class KafkaConsumer {
public:
  KafkaConsumer(const std::string &brokers, const std::string &group_id, const std::string &topic);
private:
  RdKafka::KafkaConsumer *consumer;
  std::vector<std::string> topics;
};
)cpp");
  dir.write("consumer.cpp", R"cpp(#include "consumer.h"
KafkaConsumer::KafkaConsumer(const std::string &brokers, const std::string &group_id, const std::string &topic) {
  std::string errstr;
  consumer = RdKafka::KafkaConsumer::create(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL), errstr);
  topics.push_back(topic);
  consumer->subscribe(topics);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "consumer.h"
int main() {
  KafkaConsumer orders("b", "g", "orders");
  KafkaConsumer audit("b", "g", "audit");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume audit main.cpp:4:17 [main]", "app consume orders main.cpp:3:17 [main]"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// Held-back zjpanghao/cameral (session 32): a singleton's producer gets its topic from
// `Init(brokers, "cameral", group)` on a pointer to the singleton's static instance in one
// file, and sends through `getKafkaProducer()->Send(...)` in another. Both calls are on the
// same object, the static one, whatever variable names it. An object set up but never seen
// to send leaves its call unresolved, never silently without an endpoint.
TEST(ValueHandles, ASingletonSetUpInOneFileSendsInAnother) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {cam: [\"**\"]}\n");
  dir.write("producer.h", R"cpp(#pragma once
#include <librdkafka/rdkafka.h>
#include <string>
struct KafkaControl { rd_kafka_t *control; rd_kafka_topic_t *topic; };
class KafkaProducer {
public:
  int Init(std::string brokers, std::string topic, std::string group);
  int Send(char *buf, int len);
  int Send(char *buf, int len, int partition);
private:
  KafkaControl kafka_control_;
};
class KafkaService {
public:
  static KafkaProducer *getKafkaProducer() { static KafkaProducer p; return &p; }
};
)cpp");
  dir.write("producer.cpp", R"cpp(#include "producer.h"
int KafkaProducer::Init(std::string brokers, std::string topic, std::string group) {
  rd_kafka_topic_conf_t *conf = rd_kafka_topic_conf_new();
  kafka_control_.topic = rd_kafka_topic_new(kafka_control_.control, topic.c_str(), conf);
  return 0;
}
int KafkaProducer::Send(char *buf, int len) { return Send(buf, len, RD_KAFKA_PARTITION_UA); }
int KafkaProducer::Send(char *buf, int len, int partition) {
  return rd_kafka_produce(kafka_control_.topic, partition, RD_KAFKA_MSG_F_COPY, buf, len, NULL, 0, NULL);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "producer.h"
int main() {
  KafkaProducer *producer = KafkaService::getKafkaProducer();
  producer->Init("broker:9092", "cameral", "cameral_group");
}
)cpp");
  dir.write("capture.cpp", R"cpp(#include "producer.h"
void captured(std::string s) { KafkaService::getKafkaProducer()->Send((char *)s.c_str(), s.length()); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"cam produce cameral main.cpp:4:13"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();

  // Sent only through another object, never the one set up.
  dir.write("capture.cpp", R"cpp(#include "producer.h"
void captured(std::string s) { KafkaProducer other; other.Send((char *)s.c_str(), s.length()); }
)cpp");
  x = analyze(dir);
  EXPECT_TRUE(x.endpoints.empty()) << *x.endpoints.begin();
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "producer.cpp:9:10 rd_kafka_produce: the channel is parameter 'topic' of "
                              "KafkaProducer::Init, and no object it is called on was seen to run KafkaProducer::Send"}));
}

} // namespace

// bitbouncer/kspp's kafka_consumer (session 38's held-back Kafka set, 24 sites): the
// constructor pushes `RdKafka::TopicPartition::create(topic_, partition_)` into a member
// vector, and start() hands the whole vector to `assign`. The vector's elements are the
// handles made; the channel is the constructor's, found at each construction.
TEST(ValueHandles, AMemberVectorOfHandlesFilledInTheConstructorIsAssignedInAnotherMethod) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nservices: {app: [\"**\"]}\n");
  dir.write("app/consumer.h", R"cpp(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <memory>
#include <string>
#include <vector>
class kafka_consumer {
public:
  kafka_consumer(std::string topic, int32_t partition);
  void start(int64_t offset);
  RdKafka::Message *consume();
private:
  const std::string topic_;
  const int32_t partition_;
  std::vector<RdKafka::TopicPartition *> topic_partition_;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
};
)cpp");
  dir.write("app/consumer.cpp", R"cpp(#include "consumer.h"
kafka_consumer::kafka_consumer(std::string topic, int32_t partition) : topic_(topic), partition_(partition) {
  topic_partition_.push_back(RdKafka::TopicPartition::create(topic_, partition_));
  std::string errstr;
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  consumer_ = std::unique_ptr<RdKafka::KafkaConsumer>(RdKafka::KafkaConsumer::create(conf.get(), errstr));
}
void kafka_consumer::start(int64_t offset) {
  topic_partition_[0]->set_offset(offset);
  RdKafka::ErrorCode err0 = consumer_->assign(topic_partition_);
  (void)err0;
}
RdKafka::Message *kafka_consumer::consume() { return consumer_->consume(0); }
)cpp");
  dir.write("app/main.cpp", R"cpp(#include "consumer.h"
int main() {
  kafka_consumer orders("orders", 0);
  orders.start(0);
  kafka_consumer audit("audit", 1);
  audit.start(0);
}
)cpp");
  Extracted x = analyze(dir);
  // Each at the call of start() on its object (session 40: the objects, read as the text they
  // were made with, had not been bound to their calls, and stayed at their constructions).
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume audit app/main.cpp:6:9 [kafka_consumer::start]",
                                                "app consume orders app/main.cpp:4:10 [kafka_consumer::start]"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

namespace {

// covesa-ifex-offboard-services' MQTT-Kafka bridge (session 39's held-back Kafka set): a setter
// gives the router its status topic, and on_message sends on it; nothing the program calls on
// the router reaches on_message, but paho calls the bridge's message_arrived (an override of
// the library's virtual), which does. A method a library callback reaches may run on any
// object of its class. Before: said unresolved ("no object ... was seen to run"), and nothing
// at all where another site carried the same send.
TEST(ValueHandles, AMethodALibraryCallbackReachesMayRunOnTheObjectASetterGaveItsTopic) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {bridge: [\"**\"]}\n");
  dir.write("a.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <mqtt/async_client.h>
#include <string>
class Router;
class Callback : public virtual mqtt::callback {
public:
  explicit Callback(Router *r) : router_(r) {}
  void message_arrived(mqtt::const_message_ptr msg) override;
private:
  Router *router_;
};
class Router {
public:
  void set_status_handler(const std::string &topic) { status_topic_ = topic; }
  void start() { client_->set_callback(callback_); }
  void on_message(const std::string &from) {
    if (!status_topic_.empty())
      producer_->produce(status_topic_, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                         const_cast<char *>(from.data()), from.size(), nullptr, 0, 0, nullptr);
  }
private:
  std::string status_topic_;
  mqtt::async_client *client_;
  Callback callback_{this};
  RdKafka::Producer *producer_;
};
void Callback::message_arrived(mqtt::const_message_ptr msg) { router_->on_message(msg->get_topic()); }
int main() {
  Router router;
  router.set_status_handler("ifex.status");
  router.start();
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"bridge produce ifex.status a.cpp:27:72"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace

// Pham2uanghuy/CCTV-Server (session 40's held-back Kafka set): `KafkaProducer producer("localhost:9092",
// "cctv-frames")` made in main and in a test program, `producer.send(buffer)` later. The
// evaluator reads such an object as the text it was made with, so the send was not bound to
// its object and, with two constructions, stayed at each construction. Bound by the variable
// as written, each send is the endpoint, made where its object was made.
TEST(ValueHandles, AWrapperObjectMadeFromTextSendsWhereItsMethodIsCalled) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\nservices: {cctv: [\"**\"]}\n");
  dir.write("kafka_producer.h", R"cpp(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <string>
#include <vector>
class KafkaProducer {
public:
  KafkaProducer(const std::string &brokers, const std::string &topic);
  void send(const std::vector<unsigned char> &data);
private:
  RdKafka::Producer *producer;
  RdKafka::Topic *topic_obj;
};
)cpp");
  dir.write("kafka_producer.cpp", R"cpp(#include "kafka_producer.h"
KafkaProducer::KafkaProducer(const std::string &brokers, const std::string &topic) {
  std::string errstr;
  RdKafka::Conf *conf = RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL);
  conf->set("bootstrap.servers", brokers, errstr);
  producer = RdKafka::Producer::create(conf, errstr);
  topic_obj = RdKafka::Topic::create(producer, topic, nullptr, errstr);
}
void KafkaProducer::send(const std::vector<unsigned char> &data) {
  producer->produce(topic_obj, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, (void *)data.data(),
                    data.size(), nullptr, nullptr);
}
)cpp");
  dir.write("main.cpp", R"cpp(#include "kafka_producer.h"
int main() {
  KafkaProducer producer("localhost:9092", "cctv-frames");
  std::vector<unsigned char> frame;
  while (true)
    producer.send(frame);
}
)cpp");
  dir.write("tests/test_producer.cpp", R"cpp(#include "../kafka_producer.h"
int test() {
  std::string topic = "test";
  KafkaProducer producer("localhost:9092", topic);
  producer.send({1, 2, 3});
  return 0;
}
)cpp");
  CommonOptions options;
  options.root = dir.path();
  Analysis analysis = analyzeSystem(options);
  std::set<std::string> endpoints;
  for (const Endpoint &e : analysis.graph.endpoints())
    endpoints.insert(e.channel + " " + formatLocation(e.location) + " made at " + formatLocation(e.madeAt));
  EXPECT_EQ(endpoints, (std::set<std::string>{
                           "cctv-frames main.cpp:6:14 made at main.cpp:3:17",
                           "test tests/test_producer.cpp:5:12 made at tests/test_producer.cpp:4:17",
                       }));
}

// gnuser/exchange_engine (session 40's held-back Kafka set): two programs each with their own
// `ProducerKafka` (one class name, one key), each setting up its global `g_kafka_producer` with
// its own topic and sending in other files. A send reaches the object its own program sets up,
// not the other program's too (3 endpoints were invented).
TEST(ValueHandles, ProgramsWithAWrapperClassOfOneNameSendOnTheirOwnObjects) {
  TempDir dir;
  dir.write("eventscope.yaml",
            "sources: [\"*/src/*.cpp\"]\nservices: {rate: [\"rate/**\"], pusher: [\"pusher/**\"]}\n");
  const std::string header = R"cpp(#pragma once
#include <librdkafka/rdkafka.h>
class ProducerKafka {
public:
  int init_kafka(int partition, const char *brokers, const char *topic);
  int push_data_to_kafka(const char *buffer, int len);
private:
  rd_kafka_t *handler_;
  rd_kafka_topic_t *topic_;
  int partition_;
};
extern ProducerKafka *g_kafka_producer;
)cpp";
  const std::string producer = R"cpp(#include "../include/producer.h"
int ProducerKafka::init_kafka(int partition, const char *brokers, const char *topic) {
  char errstr[512];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  handler_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
  topic_ = rd_kafka_topic_new(handler_, topic, nullptr);
  partition_ = partition;
  return 0;
}
int ProducerKafka::push_data_to_kafka(const char *buffer, int len) {
  return rd_kafka_produce(topic_, partition_, RD_KAFKA_MSG_F_COPY, (void *)buffer, (size_t)len, NULL, 0, NULL);
}
ProducerKafka *g_kafka_producer = new ProducerKafka;
)cpp";
  for (const std::string program : {"rate", "pusher"}) {
    dir.write(program + "/include/producer.h", header);
    dir.write(program + "/src/producer.cpp", producer);
    dir.write(program + "/src/init.cpp", "#include \"../include/producer.h\"\nvoid init() { "
                                         "g_kafka_producer->init_kafka(0, \"b:9092\", \"" +
                                             std::string(program == "rate" ? "rate" : "trades") + "\"); }\n");
    dir.write(program + "/src/main.cpp", "#include \"../include/producer.h\"\nvoid init();\nint main() {\n  init();\n"
                                         "  g_kafka_producer->push_data_to_kafka(\"x\", 1);\n}\n");
  }
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "pusher produce trades pusher/src/main.cpp:5:21",
                             "rate produce rate rate/src/main.cpp:5:21",
                         }));
}

namespace {

// Held-back MOCAP4ROS2 mocap4r2 (session 43): a lifecycle node class's own create_publisher, a
// member template that calls `rclcpp::create_publisher<MessageT, AllocatorT, PublisherT>(*this,
// topic_name, qos, options)` with rclcpp_lifecycle's default options. Each instantiation
// (one per message type) makes its call at the same place: the publisher each returns is made
// with its own caller's topic, and made where the wrapper is called.
TEST(ValueHandles, ALifecycleNodesOwnCreatePublisherTemplateReturnsEachInstantiationsPublisher) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [control/include]\n");
  dir.write("control/include/controlled.hpp", R"cpp(#pragma once
#include <set>
#include <rclcpp/rclcpp.hpp>
#include <rclcpp_lifecycle/lifecycle_node.hpp>
#include <std_msgs/msg/string.hpp>
#include <std_msgs/msg/int32.hpp>
class Controlled : public rclcpp_lifecycle::LifecycleNode {
public:
  explicit Controlled(const std::string &id);
protected:
  template <typename MessageT, typename AllocatorT = std::allocator<void>>
  std::shared_ptr<rclcpp_lifecycle::LifecyclePublisher<MessageT, AllocatorT>> create_publisher(
      const std::string &topic_name, const rclcpp::QoS &qos,
      const rclcpp::PublisherOptionsWithAllocator<AllocatorT> &options =
          (rclcpp_lifecycle::create_default_publisher_options<AllocatorT>())) {
    topics_.insert(topic_name);
    using PublisherT = rclcpp_lifecycle::LifecyclePublisher<MessageT, AllocatorT>;
    return rclcpp::create_publisher<MessageT, AllocatorT, PublisherT>(*this, topic_name, qos, options);
  }
  std::set<std::string> topics_;
  rclcpp_lifecycle::LifecyclePublisher<std_msgs::msg::Int32>::SharedPtr info_pub_;
};
)cpp");
  dir.write("control/src/controlled.cpp", R"cpp(#include "controlled.hpp"
Controlled::Controlled(const std::string &id) : LifecycleNode(id) {
  info_pub_ = create_publisher<std_msgs::msg::Int32>("environment", rclcpp::QoS(10));
  info_pub_->publish(std_msgs::msg::Int32());
}
)cpp");
  dir.write("driver/src/driver.cpp", R"cpp(#include "controlled.hpp"
class Driver : public Controlled {
public:
  Driver() : Controlled("driver") {}
  void configure() {
    markers_ = create_publisher<std_msgs::msg::String>("markers", rclcpp::QoS(10));
    bodies_ = create_publisher<std_msgs::msg::Int32>("rigid_bodies", rclcpp::QoS(10));
  }
  void tick() {
    markers_->publish(std_msgs::msg::String());
    bodies_->publish(std_msgs::msg::Int32());
  }
  rclcpp_lifecycle::LifecyclePublisher<std_msgs::msg::String>::SharedPtr markers_;
  rclcpp_lifecycle::LifecyclePublisher<std_msgs::msg::Int32>::SharedPtr bodies_;
};
int main() {
  auto driver = std::make_shared<Driver>();
  driver->configure();
  driver->tick();
}
)cpp");
  CommandResult r = runEventscope({"scan", dir.path(), "--no-cache"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  nlohmann::json scan = nlohmann::json::parse(r.out);
  std::set<std::string> found;
  for (const auto &e : scan["endpoints"])
    found.insert(e["channel"].get<std::string>() + " " + e["file"].get<std::string>() + ":" +
                 std::to_string(e["line"].get<int>()) + " made at " + e.value("made_at", std::string("-")));
  EXPECT_EQ(found, (std::set<std::string>{
                       "/environment control/src/controlled.cpp:4 made at control/src/controlled.cpp:3:15",
                       "/markers driver/src/driver.cpp:10 made at driver/src/driver.cpp:6:16",
                       "/rigid_bodies driver/src/driver.cpp:11 made at driver/src/driver.cpp:7:15",
                   }));
  EXPECT_EQ(scan["unresolved"].size(), 0u) << r.out;
}

} // namespace

namespace {

// Held-back lge-ros2/cloisim_ros (session 43): its Base node class hands rclcpp::Node options
// built with `append_parameter_override(...)`, which the rclcpp stand-in lacked; the
// constructor's call of Node did not compile, the node's name and namespace were lost, and 31
// topics were read in the root namespace. The options' getters read as values too. A node
// class naming a constant node in the namespace its constructor is given takes the
// namespace each construction passes (`/robot1/...`, not `/{ns}/...`).
TEST(ValueHandles, NodeOptionsBuiltInTheConstructorKeepTheNodesNamespace) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("robot.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Base : public rclcpp::Node {
public:
  Base(const std::string &name, const std::string &ns, const rclcpp::NodeOptions &options)
  : Node(name, ns, rclcpp::NodeOptions(options)
                       .automatically_declare_parameters_from_overrides(true)
                       .append_parameter_override("use_sim_time", true)
                       .arguments(std::vector<std::string>{"--ros-args", "--remap", "/tf:=tf"})) {
    if (options.use_intra_process_comms() && !options.arguments().empty())
      RCLCPP_INFO(get_logger(), "intra-process");
  }
};
class Micom : public Base {
public:
  Micom(const rclcpp::NodeOptions &options, const std::string &ns) : Base("micom", ns, options) {
    pub_ = create_publisher<std_msgs::msg::String>("battery_state", 10);
  }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  rclcpp::NodeOptions options;
  options.append_parameter_override("single_mode", false);
  rclcpp::spin(std::make_shared<Micom>(options, "robot1"));
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce /robot1/battery_state robot.cpp:17:12"}));
  CommandResult r = runEventscope({"check", dir.path(), "--no-color", "--no-cache", "--fail-on", "never"});
  EXPECT_NE(r.err.find("1 analysed whole, 0 in part"), std::string::npos) << r.err;
}

// A sibling of shared-cases 03 (session 47): a wrapper whose constructor is described in
// `apis` as making a handle, kept in a member given `new T(...)`, by `reset(new T(...))` or by
// assignment: the member holds what that construction made, as through make_unique.
TEST(ValueHandles, AMemberGivenANewConstructionOfAHandleApiKeepsItsChannel) {
  TempDir dir;
  dir.write("eventscope.yaml", R"(sources: ["*.cpp"]
services: {app: ["**"]}
compile_flags: ["-isystem", "sys"]
apis:
  - {function: "q::Sender::Sender", role: handle, channel: {arg: 0}}
  - {function: "q::Sender::post", role: produce, channel: {object: true}}
)");
  dir.write("sys/q/queue.h", R"(#pragma once
namespace q { struct Sender { explicit Sender(const char *name); void post(const char *m, int n); }; }
)");
  dir.write("worker.cpp", R"(#include <q/queue.h>
#include <memory>
class Worker {
public:
  void start() {
    audit_.reset(new q::Sender("jobs.audit"));
    raw_ = new q::Sender("jobs.raw");
  }
  void audit() { audit_->post("x", 1); }
  void raw() { raw_->post("y", 1); }
private:
  std::unique_ptr<q::Sender> audit_;
  q::Sender *raw_ = nullptr;
};
)");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce jobs.audit worker.cpp:9:26", "app produce jobs.raw worker.cpp:10:22"}))
      << *x.endpoints.begin();
}

// Contrail's collector (held-back Kafka set, session 46): a topic handle kept in a
// boost::shared_ptr member set with reset(), and handles made into locals then pushed into a
// vector member, read back by index in another function.
TEST(ValueHandles, BoostSmartPointersAndHandlesPushedFromALocal) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("fwd.cpp", R"cpp(#include <librdkafka/rdkafkacpp.h>
#include <boost/shared_ptr.hpp>
#include <sstream>
#include <string>
#include <vector>
class Forwarder {
public:
  explicit Forwarder(const std::string topic) : topic_str_(topic) {}
  bool Init() {
    std::string errstr;
    RdKafka::Conf *conf = RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL);
    producer_.reset(RdKafka::Producer::create(conf, errstr));
    topic_.reset(RdKafka::Topic::create(producer_.get(), topic_str_, NULL, errstr));
    for (unsigned i = 0; i < 4; i++) {
      std::stringstream ss;
      ss << "uve-" << i;
      boost::shared_ptr<RdKafka::Topic> made(RdKafka::Topic::create(producer_.get(), ss.str(), NULL, errstr));
      partitions_.push_back(made);
    }
    return true;
  }
  void Send(const std::string &v) {
    producer_->produce(topic_.get(), 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char *>(v.c_str()), v.size(), NULL, NULL);
  }
  void Publish(unsigned pt, const std::string &v) {
    producer_->produce(partitions_[pt].get(), 0, RdKafka::Producer::RK_MSG_COPY, const_cast<char *>(v.c_str()), v.size(),
                       NULL, NULL);
  }
private:
  boost::shared_ptr<RdKafka::Producer> producer_;
  std::string topic_str_;
  boost::shared_ptr<RdKafka::Topic> topic_;
  std::vector<boost::shared_ptr<RdKafka::Topic> > partitions_;
};
int main() { Forwarder f("structured_syslog"); f.Init(); f.Send("x"); f.Publish(1, "y"); }
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce structured_syslog fwd.cpp:35:60",
                                                "app produce uve-{i} fwd.cpp:26:16"}))
      << *x.endpoints.begin() << " " << (x.unresolved.empty() ? "" : *x.unresolved.begin());
}

// A ROS 1 subscriber wrapper whose constructor is a template over the callback (`template
// <class F> InW(nh, t, F f)`), built with make_unique and given `boost::bind(&Relay::onIn,
// this, _1)` (shared-cases 04 sibling, session 46): the handler is what the caller passes,
// not the operator() of boost's bind_t, and the publish through the other wrapper is its
// trigger.
TEST(ValueHandles, ATemplateConstructorsCallbackParameterIsTheCallersHandler) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("a.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
#include <memory>
class OutW {
public:
  OutW(ros::NodeHandle &nh, const std::string &t) { pub_ = nh.advertise<std_msgs::String>(t, 10); }
  void send(const std_msgs::String &m) { pub_.publish(m); }
private:
  ros::Publisher pub_;
};
class InW {
public:
  template <class F> InW(ros::NodeHandle &nh, const std::string &t, F f) { sub_ = nh.subscribe<std_msgs::String>(t, 10, f); }
  ros::Subscriber sub_;
};
struct Relay {
  std::unique_ptr<OutW> out_;
  std::unique_ptr<InW> in_;
  void onIn(const std_msgs::String::ConstPtr &m) { out_->send(*m); }
  void setup(ros::NodeHandle &nh) {
    out_ = std::make_unique<OutW>(nh, "/r1_out");
    in_ = std::make_unique<InW>(nh, "/r1_in", boost::bind(&Relay::onIn, this, _1));
  }
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{"app /r1_in -> /r1_out via Relay::onIn,OutW::send"}))
      << (x.triggers.empty() ? (x.endpoints.empty() ? "" : *x.endpoints.begin()) : *x.triggers.begin());
}

} // namespace
