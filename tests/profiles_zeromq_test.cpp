// The zeromq profile on code compiled against Debian's zmq.h (libzmq3-dev) and zmq.hpp
// (cppzmq-dev): topics as first frames, subscriptions as prefixes, options told apart by
// the option argument (`when` in `apis`). A test that includes zmq.hpp is named Cppzmq...:
// scripts/sanitize.sh runs those with full stacks, for Clang 19's own leak (lsan.supp).
#include "extraction_support.h"

#include <gtest/gtest.h>

using namespace eventscope;
using eventscope::testing::analyze;
using eventscope::testing::Extracted;
using eventscope::testing::TempDir;

namespace {

// The zguide's pub/sub envelope example in C: the topic is the frame sent with ZMQ_SNDMORE,
// also through a helper (zhelpers.h's s_sendmore); a frame sent without it is payload.
TEST(ProfilesZeroMq, TheCApiReadsTopicFramesAndPrefixSubscriptions) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.c\"]\nservices:\n  publisher: [\"pub/**\"]\n  subscriber: [\"sub/**\"]\n");
  dir.write("pub/psenvpub.c", R"c(#include <zmq.h>
#include <string.h>
static int s_sendmore(void *socket, const char *string) { return zmq_send(socket, string, strlen(string), ZMQ_SNDMORE); }
static int s_send(void *socket, const char *string) { return zmq_send(socket, string, strlen(string), 0); }
int main(void) {
  void *context = zmq_ctx_new();
  void *publisher = zmq_socket(context, ZMQ_PUB);
  zmq_bind(publisher, "tcp://*:5563");
  while (1) {
    s_sendmore(publisher, "A");
    s_send(publisher, "We don't want to see this");
    zmq_send(publisher, "B.status", 8, ZMQ_SNDMORE);
    s_send(publisher, "We would like to see this");
  }
  return 0;
}
)c");
  // A ROUTER socket's first frames are peer identities and empty delimiters, not topics.
  dir.write("pub/broker.c", R"c(#include <zmq.h>
#include <string.h>
static int s_sendmore(void *socket, const char *string) { return zmq_send(socket, string, strlen(string), ZMQ_SNDMORE); }
void route(void *context, const char *identity) {
  void *frontend = zmq_socket(context, ZMQ_ROUTER);
  s_sendmore(frontend, identity);
  s_sendmore(frontend, "");
  zmq_send(frontend, "READY", 5, 0);
}
)c");
  dir.write("sub/psenvsub.c", R"c(#include <zmq.h>
int main(void) {
  void *context = zmq_ctx_new();
  void *subscriber = zmq_socket(context, ZMQ_SUB);
  int linger = 0;
  zmq_setsockopt(subscriber, ZMQ_LINGER, &linger, sizeof linger);
  zmq_connect(subscriber, "tcp://localhost:5563");
  zmq_setsockopt(subscriber, ZMQ_SUBSCRIBE, "B", 1);
  zmq_setsockopt(subscriber, ZMQ_SUBSCRIBE, "", 0);
  char buffer[256];
  while (1)
    zmq_recv(subscriber, buffer, 255, 0);
  return 0;
}
)c");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "publisher produce A pub/psenvpub.c:10:5",
                             "publisher produce B.status pub/psenvpub.c:12:5",
                             "subscriber consume B{...} sub/psenvsub.c:8:3 [main]",
                         }));
  // The empty subscription takes everything the socket is connected to: said, not guessed.
  EXPECT_EQ(x.unresolved, (std::set<std::string>{
                              "sub/psenvsub.c:9:3 zmq_setsockopt: the subscription is empty: it receives every topic "
                              "of the sockets it is connected to, and eventscope does not follow socket addresses"}));
  // The prefix links to the topic it covers, and only to that one.
  EXPECT_EQ(x.links, (std::set<std::string>{"B{...} ~ B.status"}));
}

// cppzmq: socket.set(zmq::sockopt::subscribe, ...) and the older setsockopt(ZMQ_SUBSCRIBE,
// ...); sends with zmq::send_flags::sndmore (a constexpr enumerator) or ZMQ_SNDMORE (a
// macro), the buffer made by zmq::str_buffer or from a string's characters.
TEST(ProfilesZeroMq, CppzmqReadsTheSameThroughItsOwnTypes) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("svc/bridge.cpp", R"cpp(#include <zmq.hpp>
#include <string>
int main() {
  zmq::context_t context(1);
  zmq::socket_t subscriber(context, zmq::socket_type::sub);
  subscriber.set(zmq::sockopt::subscribe, "orders/");
  subscriber.set(zmq::sockopt::linger, 0);
  subscriber.setsockopt(ZMQ_SUBSCRIBE, "audit", 5);
  zmq::socket_t publisher(context, zmq::socket_type::pub);
  while (true) {
    zmq::message_t frame;
    (void)subscriber.recv(frame, zmq::recv_flags::none);
    publisher.send(zmq::str_buffer("orders/accepted"), zmq::send_flags::sndmore);
    publisher.send(zmq::str_buffer("payload"), zmq::send_flags::none);
    publisher.send("audit.log", 9, ZMQ_SNDMORE);
    publisher.send(frame, zmq::send_flags::none);
  }
}
// A helper that sets any option: the option its callers pass decides (cppzmq's own tests).
template <class Opt> void setOption(zmq::socket_t &sock, Opt opt, const char *value) { sock.set(opt, value); }
void more(zmq::socket_t &sock) {
  setOption(sock, zmq::sockopt::subscribe, "foobar");
  setOption(sock, zmq::sockopt::routing_id, "me");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc consume audit{...} svc/bridge.cpp:8:14 [main]",
                             "svc consume foobar{...} svc/bridge.cpp:22:3 [more]",
                             "svc consume orders/{...} svc/bridge.cpp:6:14 [main]",
                             "svc produce audit.log svc/bridge.cpp:15:15",
                             "svc produce orders/accepted svc/bridge.cpp:13:15",
                         }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
  EXPECT_EQ(x.links, (std::set<std::string>{"audit{...} ~ audit.log", "orders/{...} ~ orders/accepted"}));
}

} // namespace

namespace {

// Topic frames built at run time and carried the ways real publishers carry them (found on
// an unseen trading system): a message made from a string's characters
// (`zmq::message_t(topic.data(), topic.size())`, a pattern or a helper's parameter), and
// `zmq::buffer(topic)` of a string that is not const (taken by non-const reference, only
// read), converted to the const_buffer that send() takes.
TEST(ProfilesZeroMq, CppzmqTopicFramesFromAStringsCharacters) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("svc/feed.cpp", R"cpp(#include <zmq.hpp>
#include <string>
constexpr const char *kQuotePrefix = "md.quote.";
struct Quote { std::string symbol; };
class Feed {
public:
  explicit Feed(zmq::context_t &ctx) : pub_(ctx, zmq::socket_type::pub) {}
  void publish(const Quote &q) {
    const std::string topic = std::string(kQuotePrefix) + q.symbol;
    pub_.send(zmq::message_t(topic.data(), topic.size()), zmq::send_flags::sndmore);
    std::string trade = "md.trade." + q.symbol;
    pub_.send(zmq::buffer(trade), zmq::send_flags::sndmore);
    sendTopic("md.heartbeat");
  }
private:
  void sendTopic(const std::string &topic) {
    pub_.send(zmq::message_t(topic.data(), topic.size()), zmq::send_flags::sndmore);
  }
  zmq::socket_t pub_;
};
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "svc produce md.heartbeat svc/feed.cpp:13:5",
                             "svc produce md.quote.{symbol} svc/feed.cpp:10:10",
                             "svc produce md.trade.{symbol} svc/feed.cpp:12:10",
                         }));
  EXPECT_EQ(x.unresolved, std::set<std::string>{});
}

} // namespace
