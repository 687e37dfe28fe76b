// The opt-in profile redis-lists (docs/profiles/redis.md): Redis lists used as queues, read
// in every hiredis form and through redis-plus-plus once eventscope.yaml switches it on, and
// not at all otherwise.
#include "extraction_support.h"

#include <gtest/gtest.h>

using namespace eventscope;
using eventscope::testing::analyze;
using eventscope::testing::Extracted;
using eventscope::testing::TempDir;

namespace {

// A trading system's queues on real hiredis headers: a project's printf-like helpers over
// redisvCommand (one a member that hands its va_list to another), the blocking pops in a
// worker's loop, an asynchronous pop with its reply callback, a command given as an array
// of words, and a move whose source list is the one consumed.
const char *const kHiredisQueues = R"cpp(#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#include <cstdarg>
#include <string>
redisReply *safeRedisCommand(redisContext *c, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  void *reply = redisvCommand(c, format, ap);
  va_end(ap);
  return static_cast<redisReply *>(reply);
}
class RedisClient {
public:
  redisReply *command(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    redisReply *r = doCommand(format, ap);
    va_end(ap);
    return r;
  }
private:
  redisReply *doCommand(const char *format, va_list ap) { return static_cast<redisReply *>(redisvCommand(c_, format, ap)); }
  redisContext *c_ = nullptr;
};
#define QUEUE_ORDERS "QUEUE:ORDERS"
void onFill(redisAsyncContext *, void *, void *) {}
void worker(redisContext *c) {
  for (;;) {
    redisReply *r = safeRedisCommand(c, "BRPOP %s 0", QUEUE_ORDERS);
    freeReplyObject(r);
    r = static_cast<redisReply *>(redisCommand(c, "BRPOPLPUSH QUEUE:RETRY QUEUE:ORDERS 5"));
    freeReplyObject(r);
  }
}
int main() {
  redisContext *c = redisConnect("localhost", 6379);
  std::string id = "42";
  safeRedisCommand(c, "LPUSH %s %s", QUEUE_ORDERS, "x");
  safeRedisCommand(c, "PUBLISH orders:%s %s", id.c_str(), "x");
  RedisClient rc;
  rc.command("RPUSH fills:%s %s", id.c_str(), "x");
  rc.command("GET config");
  const char *argv[] = {"LPUSH", "QUEUE:RETRY", "x"};
  redisCommandArgv(c, 3, argv, nullptr);
  redisAsyncContext *ac = redisAsyncConnect("localhost", 6379);
  redisAsyncCommand(ac, onFill, nullptr, "BLPOP fills:%s 0", id.c_str());
  worker(c);
}
)cpp";

TEST(RedisLists, QueuesInEveryHiredisFormOnceSwitchedOn) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\nenabled_profiles: [redis-lists]\n");
  dir.write("main.cpp", kHiredisQueues);
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume QUEUE:ORDERS main.cpp:29:21 [worker]",
                             "app consume QUEUE:RETRY main.cpp:31:35 [worker]",
                             "app consume fills:42 main.cpp:46:3 [onFill]",
                             "app produce QUEUE:ORDERS main.cpp:38:3",
                             "app produce QUEUE:RETRY main.cpp:44:3",
                             "app produce fills:42 main.cpp:41:6",
                             "app produce orders:42 main.cpp:39:3",
                         }));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// A client class that prints each command into a member buffer, then sends it
// (desion/topup_service, held back s34: `int len = snprintf(cmd, CMD_LENGTH, "LPUSH %s %s",
// queue, value); cmd[len] = '\0'; redisCommand(redis, cmd);`, `len = snprintf(...)`, or the
// print as its own statement after a memset): each method's own print, as a local buffer's.
// The other commands (PING, SELECT) are no channel at all; a call of another method between
// the print and the send may change the buffer, and leaves it unresolved.
TEST(RedisLists, CommandsPrintedIntoAMemberBuffer) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\nenabled_profiles: [redis-lists]\n");
  dir.write("main.cpp", R"cpp(#include <hiredis/hiredis.h>
#include <cstdio>
#include <cstring>
#define CMD_LENGTH 256
class RedisClient {
public:
  bool enqueue(const char *queue, const char *value) {
    int len = snprintf(cmd, CMD_LENGTH, "LPUSH %s %s", queue, value);
    cmd[len] = '\0';
    return redisCommand(redis, cmd) != nullptr;
  }
  bool dequeue(const char *queue) {
    int len = 0;
    len = snprintf(cmd, CMD_LENGTH, "RPOP %s", queue);
    return redisCommand(redis, cmd) != nullptr;
  }
  bool ping() {
    memset(cmd, 0, CMD_LENGTH);
    snprintf(cmd, CMD_LENGTH, "PING");
    return redisCommand(redis, cmd) != nullptr;
  }
  bool publish(const char *channel) {
    snprintf(cmd, CMD_LENGTH, "PUBLISH %s x", channel);
    log();
    return redisCommand(redis, cmd) != nullptr;
  }
  void log();
private:
  redisContext *redis = nullptr;
  char *cmd = nullptr;
};
int main() {
  RedisClient r;
  r.enqueue("underway", "x");
  while (r.dequeue("query")) {
  }
  r.ping();
  r.publish("events");
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{
                             "app consume query main.cpp:35:12 [main]",
                             "app produce underway main.cpp:34:5",
                         }));
  EXPECT_EQ(x.unresolved, (std::set<std::string>{"main.cpp:25:12 redisCommand: the command string of redisCommand is "
                                                 "not a constant"}));
}

// Off by default: only the pub/sub channel, and no word about the lists.
TEST(RedisLists, OffUnlessEnabled) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\n");
  dir.write("main.cpp", kHiredisQueues);
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app produce orders:42 main.cpp:39:3"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// redis-plus-plus (its stand-in): pushes, a blocking pop in a loop, moves from a list (a
// timeout in std::chrono::seconds, as task-queue gives it).
TEST(RedisLists, RedisPlusPlusListMethods) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\nenabled_profiles: [redis-lists]\n");
  dir.write("main.cpp", R"cpp(#include <sw/redis++/redis++.h>
#include <string>
const std::string kQueue = "task_queue";
void work(sw::redis::Redis &redis) {
  while (true) {
    auto task = redis.brpop(kQueue, 0);
    redis.lmove(kQueue + ":processing", kQueue + ":done", sw::redis::ListWhence::LEFT, sw::redis::ListWhence::RIGHT);
    redis.blmove(kQueue + ":retry", kQueue, sw::redis::ListWhence::LEFT, sw::redis::ListWhence::RIGHT,
                 std::chrono::seconds(1));
  }
}
int main() {
  sw::redis::Redis redis("tcp://127.0.0.1:6379");
  redis.lpush(kQueue, "job");
  work(redis);
}
)cpp");
  Extracted x = analyze(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume task_queue main.cpp:6:23 [work]",
                                                 "app consume task_queue:processing main.cpp:7:11 [work]",
                                                 "app consume task_queue:retry main.cpp:8:11 [work]",
                                                 "app produce task_queue main.cpp:14:9"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

// cpp-injestor (session 18's held-back Redis set): one queue class whose constructor is given
// the list, one method pushing and one popping. Each object is an endpoint of the roles its
// own method calls reach (through a lambda, or another method of the class too): the
// producer's object is no consumer, an object that only connects is neither. An object passed
// on, or made by a factory, may do either.
TEST(RedisLists, QueueObjectsTakeTheRolesOfTheMethodsCalledOnThem) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\nservices: {app: [\"**\"]}\nenabled_profiles: [redis-lists]\n");
  dir.write("queue.h", R"cpp(#pragma once
#include <hiredis/hiredis.h>
#include <string>
class JobQueue {
public:
  JobQueue(const std::string &host, const std::string &queue) : host_(host), queue_(queue) {}
  bool connect() { context_ = redisConnect(host_.c_str(), 6379); return context_ != nullptr; }
  bool enqueue(const std::string &job) {
    redisReply *r = (redisReply *)redisCommand(context_, "RPUSH %s %b", queue_.c_str(), job.data(), job.size());
    return r != nullptr;
  }
  std::string take() {
    redisReply *r = (redisReply *)redisCommand(context_, "BLPOP %s 0", queue_.c_str());
    return r ? "job" : "";
  }
  std::string drain() { return take(); }
private:
  std::string host_, queue_;
  redisContext *context_ = nullptr;
};
)cpp");
  dir.write("main.cpp", R"cpp(#include "queue.h"
#include <thread>
constexpr const char *kQueue = "ingestion:jobs";
void use(JobQueue &q);
void worker() {
  JobQueue queue("localhost", kQueue);
  queue.connect();
  std::thread t([&] { queue.drain(); });
  t.join();
}
int main() {
  JobQueue probe("localhost", kQueue);
  probe.connect();
  JobQueue producer("localhost", kQueue);
  producer.connect();
  producer.enqueue("{}");
  JobQueue shared("localhost", "shared:jobs");
  use(shared);
  worker();
}
)cpp");
  Extracted x = analyze(dir);
  // The send at the call of enqueue() on its object (session 40: the object, read as the text
  // it was made with, had not been bound to the call, and the send stayed at the construction).
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"app consume ingestion:jobs main.cpp:6:12 [JobQueue::take]",
                                                 "app produce ingestion:jobs main.cpp:16:12",
                                                 "app consume shared:jobs main.cpp:17:12 [JobQueue::take]",
                                                 "app produce shared:jobs main.cpp:17:12"}));
  EXPECT_TRUE(x.unresolved.empty()) << *x.unresolved.begin();
}

} // namespace
