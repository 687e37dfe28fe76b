// eventscope's stand-in for redis-plus-plus (sw/redis++/redis++.h and the rest of sw/redis++/),
// served for any sw/redis++/ header when the real library is not on the include path: it
// has no Debian package, so a lint job rarely has it. The classes, namespaces and the
// signatures of the messaging commands are the library's (sw::redis::Redis, RedisCluster,
// Subscriber, Pipeline; src/sw/redis++/redis.h of sewenew/redis-plus-plus 1.3), so the
// redis-plus-plus profile matches the same calls with or without the real headers. Other
// commands take anything and return a reply usable as any value, so code that calls them
// still compiles.
#pragma once

// A header of the package that is missing beside the real ones (a generated one) is served
// this file too: then the real declarations are already there, and this one steps aside.
#if !defined(SEWENEW_REDISPLUSPLUS_ERRORS_H) && !defined(SEWENEW_REDISPLUSPLUS_UTILS_H) && \
    !defined(SEWENEW_REDISPLUSPLUS_REDIS_H) && !defined(SEWENEW_REDISPLUSPLUS_CONNECTION_H)

// What the real headers include, which code often relies on: hiredis among them (a file that
// includes only redis++.h and calls redisCommand; a new user's trial, session 45), when
// installed.
#if __has_include(<hiredis/hiredis.h>)
#include <hiredis/hiredis.h>
#endif
// What the real headers include, which code often relies on.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <initializer_list>
#include <iostream>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sw {
namespace redis {

using StringView = std::string_view;
template <class T> using Optional = std::optional<T>;
using OptionalString = Optional<std::string>;
using OptionalLongLong = Optional<long long>;
using OptionalDouble = Optional<double>;
using OptionalStringPair = Optional<std::pair<std::string, std::string>>;
using Cursor = unsigned long long;

enum class ConnectionType { TCP = 0, UNIX };
enum class UpdateType { EXIST, NOT_EXIST, ALWAYS, CHANGED };
enum class InsertPosition { BEFORE, AFTER };
enum class ListWhence { LEFT, RIGHT };
enum class BoundType { CLOSED, OPEN, LEFT_OPEN, RIGHT_OPEN };
enum class Aggregation { SUM, MIN, MAX };
enum class XtrimStrategy { MAXLEN, MINID };
enum class Role { MASTER, SLAVE };

struct ConnectionOptions {
  ConnectionOptions() = default;
  explicit ConnectionOptions(const std::string &uri) : host(uri) {}
  ConnectionType type = ConnectionType::TCP;
  std::string host;
  int port = 6379;
  std::string path;
  std::string user = "default";
  std::string password;
  int db = 0;
  bool keep_alive = false;
  bool resp = false;
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds socket_timeout{0};
};

struct ConnectionPoolOptions {
  std::size_t size = 1;
  std::chrono::milliseconds wait_timeout{0};
  std::chrono::milliseconds connection_lifetime{0};
  std::chrono::milliseconds connection_idle_time{0};
};

struct LimitOptions {
  long long offset = 0;
  long long count = -1;
};

template <class T> struct UnboundedInterval {};
template <class T> struct BoundedInterval {
  BoundedInterval(const T &, const T &, BoundType) {}
};
template <class T> struct LeftBoundedInterval {
  LeftBoundedInterval(const T &, BoundType) {}
};
template <class T> struct RightBoundedInterval {
  RightBoundedInterval(const T &, BoundType) {}
};

class Error : public std::exception {
public:
  explicit Error(const std::string &msg = "") : msg_(msg) {}
  const char *what() const noexcept override { return msg_.c_str(); }

private:
  std::string msg_;
};
class IoError : public Error {
  using Error::Error;
};
class TimeoutError : public IoError {
  using IoError::IoError;
};
class ClosedError : public Error {
  using Error::Error;
};
class ProtoError : public Error {
  using Error::Error;
};
class OomError : public Error {
  using Error::Error;
};
class ReplyError : public Error {
  using Error::Error;
};
class WatchError : public Error {
  using Error::Error;
};

namespace detail {
// The reply of a command the stand-in does not spell out: usable as any value.
// Optional replies' interface too (`redis.get(key).value_or("")`, `if (reply.has_value())`):
// get, srandmember and the like return an OptionalString in the library.
struct AnyReply {
  template <class T> operator T() const { return T(); }
  explicit operator bool() const { return false; }
  const AnyReply &operator*() const { return *this; }
  const AnyReply *operator->() const { return this; }
  bool has_value() const { return false; }
  const AnyReply &value() const { return *this; }
  template <class T> T value_or(T &&fallback) const { return static_cast<T &&>(fallback); }
  void reset() {}
};
} // namespace detail

// What the generic commands look like: any arguments, any reply.
#define EVENTSCOPE_REDISPP_COMMANDS(X)                                                                                 \
  X(append) X(auth) X(bitcount) X(bitop) X(bitpos) X(dbsize) X(decr) X(decrby) X(del) X(dump) X(echo) X(eval)          \
  X(evalsha) X(exists) X(expire) X(expireat) X(flushall) X(flushdb) X(geoadd) X(geodist) X(geohash) X(geopos)           \
  X(georadius) X(get) X(getbit) X(getrange) X(getset) X(hdel) X(hexists) X(hget) X(hgetall) X(hincrby)                  \
  X(hincrbyfloat) X(hkeys) X(hlen) X(hmget) X(hmset) X(hscan) X(hset) X(hsetnx) X(hstrlen) X(hvals) X(incr) X(incrby) \
  X(incrbyfloat) X(info) X(keys) X(lindex) X(linsert) X(llen) X(lrange) X(lrem) X(lset) X(ltrim) X(mget) X(mset)       \
  X(msetnx) X(persist) X(pexpire) X(pexpireat) X(pfadd) X(pfcount) X(pfmerge) X(ping) X(psetex) X(pttl) X(randomkey)   \
  X(rename) X(renamenx) X(restore) X(sadd) X(scan) X(scard) X(script_load) X(sdiff) X(sinter) X(sismember)             \
  X(smembers) X(smove) X(spop) X(srandmember) X(srem) X(sscan) X(strlen) X(sunion) X(touch) X(ttl) X(type) X(unlink)   \
  X(xack) X(xclaim) X(xdel) X(xgroup_create) X(xgroup_delconsumer) X(xgroup_destroy) X(xgroup_setid) X(xlen)          \
  X(xpending) X(xtrim) X(zadd) X(zcard) X(zcount) X(zincrby) X(zinterstore) X(zlexcount)        \
  X(zpopmax) X(zpopmin) X(zrange) X(zrangebylex) X(zrangebyscore) X(zrank) X(zrem) X(zremrangebyrank)                  \
  X(zremrangebyscore) X(zrevrange) X(zrevrangebyscore) X(zrevrank) X(zscan) X(zscore) X(zunionstore) X(set) X(setex)  \
  X(setnx) X(command) X(watch) X(unwatch) X(wait)
// Keys by const reference, as the library takes them (a key passed to xdel is not changed).
#define EVENTSCOPE_REDISPP_GENERIC(name)                                                                               \
  template <class... Args> detail::AnyReply name(const Args &...);

// The messaging commands, with the library's signatures (channel, key or stream first).
#define EVENTSCOPE_REDISPP_MESSAGING(Self)                                                                             \
  long long publish(const StringView &channel, const StringView &message);                                             \
  long long spublish(const StringView &channel, const StringView &message);                                            \
  long long lpush(const StringView &key, const StringView &val);                                                       \
  template <class Input> long long lpush(const StringView &key, Input first, Input last);                             \
  template <class T> long long lpush(const StringView &key, std::initializer_list<T> il);                             \
  long long rpush(const StringView &key, const StringView &val);                                                       \
  template <class Input> long long rpush(const StringView &key, Input first, Input last);                             \
  template <class T> long long rpush(const StringView &key, std::initializer_list<T> il);                             \
  long long lpushx(const StringView &key, const StringView &val);                                                      \
  long long rpushx(const StringView &key, const StringView &val);                                                      \
  OptionalString lpop(const StringView &key);                                                                          \
  OptionalString rpop(const StringView &key);                                                                          \
  OptionalStringPair blpop(const StringView &key, long long timeout = 0);                                              \
  OptionalStringPair blpop(const StringView &key, const std::chrono::seconds &timeout);                                \
  template <class T> OptionalStringPair blpop(std::initializer_list<T> il, long long timeout = 0);                    \
  template <class Input> OptionalStringPair blpop(Input first, Input last, long long timeout = 0);                    \
  OptionalStringPair brpop(const StringView &key, long long timeout = 0);                                              \
  OptionalStringPair brpop(const StringView &key, const std::chrono::seconds &timeout);                                \
  template <class T> OptionalStringPair brpop(std::initializer_list<T> il, long long timeout = 0);                    \
  template <class Input> OptionalStringPair brpop(Input first, Input last, long long timeout = 0);                    \
  OptionalString rpoplpush(const StringView &source, const StringView &destination);                                   \
  OptionalString brpoplpush(const StringView &source, const StringView &destination, long long timeout = 0);           \
  OptionalString brpoplpush(const StringView &source, const StringView &destination,                                   \
                            const std::chrono::seconds &timeout);                                                      \
  OptionalString lmove(const StringView &source, const StringView &destination, ListWhence src, ListWhence dest);      \
  OptionalString blmove(const StringView &source, const StringView &destination, ListWhence src, ListWhence dest,      \
                        long long timeout = 0);                                                                        \
  OptionalString blmove(const StringView &source, const StringView &destination, ListWhence src, ListWhence dest,      \
                        const std::chrono::seconds &timeout);                                                          \
  template <class Input> std::string xadd(const StringView &key, const StringView &id, Input first, Input last);       \
  template <class T> std::string xadd(const StringView &key, const StringView &id, std::initializer_list<T> il);       \
  template <class Input>                                                                                               \
  std::string xadd(const StringView &key, const StringView &id, Input first, Input last, long long count,              \
                   bool approx = true);                                                                                \
  template <class Output> void xread(const StringView &key, const StringView &id, long long count, Output output);    \
  template <class Output> void xread(const StringView &key, const StringView &id, Output output);                     \
  template <class Output>                                                                                              \
  void xread(const StringView &key, const StringView &id, const std::chrono::milliseconds &timeout, long long count,  \
             Output output);                                                                                           \
  template <class Output>                                                                                              \
  void xread(const StringView &key, const StringView &id, const std::chrono::milliseconds &timeout, Output output);   \
  template <class Input, class... Rest> void xread(Input first, Input last, Rest &&...rest);                         \
  template <class Output>                                                                                              \
  void xrange(const StringView &key, const StringView &start, const StringView &end, Output output);                 \
  template <class Output>                                                                                              \
  void xrange(const StringView &key, const StringView &start, const StringView &end, long long count, Output output); \
  template <class Output>                                                                                              \
  void xrevrange(const StringView &key, const StringView &end, const StringView &start, Output output);              \
  template <class Output>                                                                                              \
  void xrevrange(const StringView &key, const StringView &end, const StringView &start, long long count,             \
                 Output output);                                                                                       \
  template <class Output>                                                                                              \
  void xreadgroup(const StringView &group, const StringView &consumer, const StringView &key, const StringView &id,   \
                  long long count, bool noack, Output output);                                                         \
  template <class Output>                                                                                              \
  void xreadgroup(const StringView &group, const StringView &consumer, const StringView &key, const StringView &id,   \
                  long long count, Output output);                                                                     \
  template <class Output>                                                                                              \
  void xreadgroup(const StringView &group, const StringView &consumer, const StringView &key, const StringView &id,   \
                  Output output);                                                                                      \
  template <class Output>                                                                                              \
  void xreadgroup(const StringView &group, const StringView &consumer, const StringView &key, const StringView &id,   \
                  const std::chrono::milliseconds &timeout, long long count, bool noack, Output output);                \
  template <class Output>                                                                                              \
  void xreadgroup(const StringView &group, const StringView &consumer, const StringView &key, const StringView &id,   \
                  const std::chrono::milliseconds &timeout, long long count, Output output);                           \
  template <class Output>                                                                                              \
  void xreadgroup(const StringView &group, const StringView &consumer, const StringView &key, const StringView &id,   \
                  const std::chrono::milliseconds &timeout, Output output);                                            \
  template <class Input, class... Rest>                                                                                \
  void xreadgroup(const StringView &group, const StringView &consumer, Input first, Input last, Rest &&...rest);

// Messages arrive through the callbacks given to on_message / on_pmessage; consume() reads
// one and calls them.
class Subscriber {
public:
  Subscriber(const Subscriber &) = delete;
  Subscriber &operator=(const Subscriber &) = delete;
  Subscriber(Subscriber &&) = default;
  Subscriber &operator=(Subscriber &&) = default;
  ~Subscriber() = default;

  template <class MsgCb> void on_message(MsgCb msg_callback);
  template <class PMsgCb> void on_pmessage(PMsgCb pmsg_callback);
  template <class SMsgCb> void on_smessage(SMsgCb smsg_callback);
  template <class MetaCb> void on_meta(MetaCb meta_callback);

  void subscribe(const StringView &channel);
  template <class Input> void subscribe(Input first, Input last);
  template <class T> void subscribe(std::initializer_list<T> channels);
  void unsubscribe();
  void unsubscribe(const StringView &channel);
  template <class Input> void unsubscribe(Input first, Input last);
  template <class T> void unsubscribe(std::initializer_list<T> channels);
  void psubscribe(const StringView &pattern);
  template <class Input> void psubscribe(Input first, Input last);
  template <class T> void psubscribe(std::initializer_list<T> channels);
  void punsubscribe();
  void punsubscribe(const StringView &channel);
  void ssubscribe(const StringView &channel);
  template <class T> void ssubscribe(std::initializer_list<T> channels);
  void consume();

private:
  Subscriber();
  friend class Redis;
  friend class RedisCluster;
};

template <class Impl> class QueuedRedis {
public:
  QueuedRedis(QueuedRedis &&) = default;
  QueuedRedis &operator=(QueuedRedis &&) = default;
  QueuedRedis &publish(const StringView &channel, const StringView &message);
  QueuedRedis &lpush(const StringView &key, const StringView &val);
  QueuedRedis &rpush(const StringView &key, const StringView &val);
  template <class Input> QueuedRedis &xadd(const StringView &key, const StringView &id, Input first, Input last);
  template <class T> QueuedRedis &xadd(const StringView &key, const StringView &id, std::initializer_list<T> il);
  template <class... Args> QueuedRedis &command(Args &&...);
#define EVENTSCOPE_REDISPP_QUEUED(name)                                                                                \
  template <class... Args> QueuedRedis &name(Args &&...);
  EVENTSCOPE_REDISPP_QUEUED(set) EVENTSCOPE_REDISPP_QUEUED(get) EVENTSCOPE_REDISPP_QUEUED(del)
  EVENTSCOPE_REDISPP_QUEUED(hset) EVENTSCOPE_REDISPP_QUEUED(hget) EVENTSCOPE_REDISPP_QUEUED(incr)
  EVENTSCOPE_REDISPP_QUEUED(expire) EVENTSCOPE_REDISPP_QUEUED(zadd) EVENTSCOPE_REDISPP_QUEUED(sadd)
  // Stream reads queue too (GUCEF's pubsub plugin, new-user trial s48: `pipe->xread(topic, id,
  // timeout, count)`); the real overloads return the pipeline as these do.
  EVENTSCOPE_REDISPP_QUEUED(xread) EVENTSCOPE_REDISPP_QUEUED(xreadgroup) EVENTSCOPE_REDISPP_QUEUED(xrange)
  EVENTSCOPE_REDISPP_QUEUED(xrevrange) EVENTSCOPE_REDISPP_QUEUED(spublish)
#undef EVENTSCOPE_REDISPP_QUEUED
  detail::AnyReply exec();
  void discard();
};
class PipelineImpl;
class TransactionImpl;
using Pipeline = QueuedRedis<PipelineImpl>;
using Transaction = QueuedRedis<TransactionImpl>;

class Redis {
public:
  explicit Redis(const ConnectionOptions &connection_opts,
                 const ConnectionPoolOptions &pool_opts = ConnectionPoolOptions{});
  explicit Redis(const std::string &uri);
  Redis(const Redis &) = delete;
  Redis &operator=(const Redis &) = delete;
  Redis(Redis &&) = default;
  Redis &operator=(Redis &&) = default;

  Pipeline pipeline(bool new_connection = true);
  Transaction transaction(bool piped = false, bool new_connection = true);
  Subscriber subscriber();
  template <class Cmd, class... Args> detail::AnyReply command(Cmd cmd, Args &&...args);
  template <class Result, class... Args> Result command(const StringView &cmd_name, Args &&...args);

  EVENTSCOPE_REDISPP_MESSAGING(Redis)
  EVENTSCOPE_REDISPP_COMMANDS(EVENTSCOPE_REDISPP_GENERIC)
};

class RedisCluster {
public:
  explicit RedisCluster(const ConnectionOptions &connection_opts,
                        const ConnectionPoolOptions &pool_opts = ConnectionPoolOptions{}, Role role = Role::MASTER);
  explicit RedisCluster(const std::string &uri);
  RedisCluster(const RedisCluster &) = delete;
  RedisCluster &operator=(const RedisCluster &) = delete;
  RedisCluster(RedisCluster &&) = default;
  RedisCluster &operator=(RedisCluster &&) = default;

  Redis redis(const StringView &hash_tag, bool new_connection = true);
  Pipeline pipeline(const StringView &hash_tag, bool new_connection = true);
  Transaction transaction(const StringView &hash_tag, bool piped = false, bool new_connection = true);
  Subscriber subscriber();
  template <class Key, class Cmd, class... Args> detail::AnyReply command(Cmd cmd, Key &&key, Args &&...args);

  EVENTSCOPE_REDISPP_MESSAGING(RedisCluster)
  EVENTSCOPE_REDISPP_COMMANDS(EVENTSCOPE_REDISPP_GENERIC)
};

// The asynchronous client (sw/redis++/async_redis++.h, redis-plus-plus 1.3): each command
// returns a Future, or takes a callback after its arguments.
template <class T> using Future = std::future<T>;
class EventLoop;
using EventLoopSPtr = std::shared_ptr<EventLoop>;

class AsyncSubscriber {
public:
  AsyncSubscriber(const AsyncSubscriber &) = delete;
  AsyncSubscriber &operator=(const AsyncSubscriber &) = delete;
  AsyncSubscriber(AsyncSubscriber &&) = default;
  AsyncSubscriber &operator=(AsyncSubscriber &&) = default;
  ~AsyncSubscriber() = default;

  template <class MsgCb> void on_message(MsgCb &&msg_callback);
  template <class PMsgCb> void on_pmessage(PMsgCb &&pmsg_callback);
  template <class MetaCb> void on_meta(MetaCb &&meta_callback);
  template <class ErrCb> void on_error(ErrCb &&err_callback);

  Future<void> subscribe(const StringView &channel);
  template <class Input> Future<void> subscribe(Input first, Input last);
  template <class T> Future<void> subscribe(std::initializer_list<T> channels);
  Future<void> unsubscribe();
  Future<void> unsubscribe(const StringView &channel);
  Future<void> psubscribe(const StringView &pattern);
  template <class Input> Future<void> psubscribe(Input first, Input last);
  template <class T> Future<void> psubscribe(std::initializer_list<T> channels);
  Future<void> punsubscribe();
  Future<void> punsubscribe(const StringView &channel);

private:
  AsyncSubscriber();
  friend class AsyncRedis;
  friend class AsyncRedisCluster;
};

#define EVENTSCOPE_REDISPP_ASYNC(Self)                                                                                 \
  Future<long long> publish(const StringView &channel, const StringView &message);                                     \
  template <class Callback> void publish(const StringView &channel, const StringView &message, Callback &&cb);        \
  template <class Input> Future<std::string> xadd(const StringView &key, const StringView &id, Input first, Input last); \
  template <class T> Future<std::string> xadd(const StringView &key, const StringView &id, std::initializer_list<T> il); \
  template <class Result, class... Args> Future<Result> command(const StringView &cmd_name, Args &&...args);          \
  template <class... Args> detail::AnyReply command(Args &&...args);                                                   \
  AsyncSubscriber subscriber();                                                                                        \
  template <class... Args> detail::AnyReply lpush(Args &&...);                                                         \
  template <class... Args> detail::AnyReply rpush(Args &&...);                                                         \
  template <class... Args> detail::AnyReply get(Args &&...);                                                           \
  template <class... Args> detail::AnyReply set(Args &&...);                                                           \
  template <class... Args> detail::AnyReply del(Args &&...);                                                           \
  template <class... Args> detail::AnyReply hget(Args &&...);                                                          \
  template <class... Args> detail::AnyReply hset(Args &&...);                                                          \
  template <class... Args> detail::AnyReply incr(Args &&...);                                                          \
  template <class... Args> detail::AnyReply expire(Args &&...);

class AsyncRedis {
public:
  explicit AsyncRedis(const ConnectionOptions &opts, const ConnectionPoolOptions &pool_opts = {},
                      const EventLoopSPtr &loop = nullptr);
  explicit AsyncRedis(const std::string &uri);
  AsyncRedis(const AsyncRedis &) = delete;
  AsyncRedis &operator=(const AsyncRedis &) = delete;
  AsyncRedis(AsyncRedis &&) = default;
  AsyncRedis &operator=(AsyncRedis &&) = default;
  EVENTSCOPE_REDISPP_ASYNC(AsyncRedis)
};

class AsyncRedisCluster {
public:
  explicit AsyncRedisCluster(const ConnectionOptions &opts, const ConnectionPoolOptions &pool_opts = {},
                             Role role = Role::MASTER, const EventLoopSPtr &loop = nullptr);
  AsyncRedisCluster(const AsyncRedisCluster &) = delete;
  AsyncRedisCluster &operator=(const AsyncRedisCluster &) = delete;
  AsyncRedisCluster(AsyncRedisCluster &&) = default;
  AsyncRedisCluster &operator=(AsyncRedisCluster &&) = default;
  EVENTSCOPE_REDISPP_ASYNC(AsyncRedisCluster)
};
#undef EVENTSCOPE_REDISPP_ASYNC

#undef EVENTSCOPE_REDISPP_GENERIC
#undef EVENTSCOPE_REDISPP_COMMANDS
#undef EVENTSCOPE_REDISPP_MESSAGING

} // namespace redis
} // namespace sw

#endif // the real redis-plus-plus headers
