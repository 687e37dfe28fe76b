// eventscope's stand-in for cpp_redis (cpp_redis/cpp_redis and the rest of cpp_redis/), served
// for any cpp_redis/ header when the real library is not on the include path: it has no
// Debian package, so a lint job rarely has it. The namespace, classes and the signatures of
// the messaging commands are the library's (cpp_redis::client, cpp_redis::subscriber,
// cpp_redis::reply; includes/cpp_redis/core/client.hpp and subscriber.hpp of
// cpp-redis/cpp_redis 4.3), so the cpp_redis profile matches the same calls with or without
// the real headers. Other commands take anything and return a future reply, so code that
// calls them still compiles.
#pragma once

// A header of the package that is missing beside the real ones: then the real declarations
// are already there, and this one steps aside.
#if !defined(CPP_REDIS_CORE_CLIENT_HPP) && !defined(CPP_REDIS_CORE_SUBSCRIBER_HPP) && !defined(CPP_REDIS_CORE_REPLY_HPP)

// What the real headers include, which code often relies on.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace cpp_redis {

class reply {
public:
  enum class type { error = 0, bulk_string = 1, simple_string = 2, null = 3, integer = 4, array = 5 };
  enum class string_type { error = 0, bulk_string = 1, simple_string = 2 };
  reply() = default;
  reply(const std::string &value, string_type reply_type);
  reply(int64_t value);
  reply(const std::vector<reply> &rows);
  bool is_array() const;
  bool is_string() const;
  bool is_simple_string() const;
  bool is_bulk_string() const;
  bool is_error() const;
  bool is_integer() const;
  bool is_null() const;
  bool ok() const;
  bool ko() const;
  const std::string &error() const;
  operator bool() const;
  const std::vector<reply> &as_array() const;
  const std::string &as_string() const;
  int64_t as_integer() const;
  void set();
  void set(const std::string &value, string_type reply_type);
  void set(int64_t value);
  void set(const std::vector<reply> &rows);
  reply &operator<<(const reply &reply);
  type get_type() const;
};
std::ostream &operator<<(std::ostream &os, const reply &reply);

class redis_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// first the streams' names, then their ids
typedef std::pair<std::vector<std::string>, std::vector<std::string>> streams_t;
typedef struct xread_args {
  streams_t Streams;
  std::int32_t Count;
  std::chrono::milliseconds Block;
} xread_args_t;
typedef struct xreadgroup_args {
  std::string Group;
  std::string Consumer;
  streams_t Streams;
  std::int32_t Count;
  int Block;
  bool NoAck;
} xreadgroup_args_t;

class logger_iface {
public:
  virtual ~logger_iface() = default;
  virtual void debug(const std::string &msg, const std::string &file, std::size_t line) = 0;
  virtual void info(const std::string &msg, const std::string &file, std::size_t line) = 0;
  virtual void warn(const std::string &msg, const std::string &file, std::size_t line) = 0;
  virtual void error(const std::string &msg, const std::string &file, std::size_t line) = 0;
};
class logger : public logger_iface {
public:
  enum class log_level { error = 0, warn = 1, info = 2, debug = 3 };
  logger(log_level level = log_level::info);
  void debug(const std::string &msg, const std::string &file, std::size_t line) override;
  void info(const std::string &msg, const std::string &file, std::size_t line) override;
  void warn(const std::string &msg, const std::string &file, std::size_t line) override;
  void error(const std::string &msg, const std::string &file, std::size_t line) override;
};
extern std::unique_ptr<logger_iface> active_logger;

enum class connect_state { dropped, start, sleeping, ok, failed, lookup_failed, stopped };

namespace network {
void set_default_nb_workers(std::uint32_t nb_threads);
} // namespace network

class client {
public:
  enum class client_type { normal, pubsub };
  typedef std::function<void(reply &)> reply_callback_t;
  typedef std::function<void(const std::string &host, std::size_t port, connect_state status)> connect_callback_t;

  client();
  ~client();
  client(const client &) = delete;
  client &operator=(const client &) = delete;

  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &connect_callback = nullptr, std::uint32_t timeout_ms = 0,
               std::int32_t max_reconnects = 0, std::uint32_t reconnect_interval_ms = 0);
  void connect(const std::string &name, const connect_callback_t &connect_callback = nullptr,
               std::uint32_t timeout_ms = 0, std::int32_t max_reconnects = 0, std::uint32_t reconnect_interval_ms = 0);
  bool is_connected() const;
  void disconnect(bool wait_for_removal = false);
  bool is_reconnecting() const;
  void cancel_reconnect();

  // A command as its words (`send({"PUBLISH", channel, message}, callback)`).
  client &send(const std::vector<std::string> &redis_cmd, const reply_callback_t &callback);
  std::future<reply> send(const std::vector<std::string> &redis_cmd);
  client &commit();
  client &sync_commit();
  template <class Rep, class Period> client &sync_commit(const std::chrono::duration<Rep, Period> &timeout);

  // Messaging: pub/sub, streams, lists used as queues (callback and future forms).
  client &publish(const std::string &channel, const std::string &message, const reply_callback_t &reply_callback);
  std::future<reply> publish(const std::string &channel, const std::string &message);
  client &xadd(const std::string &key, const std::string &id,
               const std::multimap<std::string, std::string> &field_members, const reply_callback_t &reply_callback);
  std::future<reply> xadd(const std::string &key, const std::string &id,
                          const std::multimap<std::string, std::string> &field_members);
  client &xread(const xread_args_t &a, const reply_callback_t &reply_callback);
  std::future<reply> xread(const xread_args_t &a);
  client &xreadgroup(const xreadgroup_args_t &a, const reply_callback_t &reply_callback);
  std::future<reply> xreadgroup(const xreadgroup_args_t &a);
  client &xrange(const std::string &key, const std::string &start, const std::string &stop,
                 const reply_callback_t &reply_callback);
  std::future<reply> xrange(const std::string &key, const std::string &start, const std::string &stop);
  client &xrevrange(const std::string &key, const std::string &start, const std::string &stop,
                    const reply_callback_t &reply_callback);
  std::future<reply> xrevrange(const std::string &key, const std::string &start, const std::string &stop);
  client &lpush(const std::string &key, const std::vector<std::string> &values, const reply_callback_t &reply_callback);
  std::future<reply> lpush(const std::string &key, const std::vector<std::string> &values);
  client &rpush(const std::string &key, const std::vector<std::string> &values, const reply_callback_t &reply_callback);
  std::future<reply> rpush(const std::string &key, const std::vector<std::string> &values);
  client &lpushx(const std::string &key, const std::string &value, const reply_callback_t &reply_callback);
  std::future<reply> lpushx(const std::string &key, const std::string &value);
  client &rpushx(const std::string &key, const std::string &value, const reply_callback_t &reply_callback);
  std::future<reply> rpushx(const std::string &key, const std::string &value);
  client &blpop(const std::vector<std::string> &keys, int timeout, const reply_callback_t &reply_callback);
  std::future<reply> blpop(const std::vector<std::string> &keys, int timeout);
  client &brpop(const std::vector<std::string> &keys, int timeout, const reply_callback_t &reply_callback);
  std::future<reply> brpop(const std::vector<std::string> &keys, int timeout);
  client &lpop(const std::string &key, const reply_callback_t &reply_callback);
  std::future<reply> lpop(const std::string &key);
  client &rpop(const std::string &key, const reply_callback_t &reply_callback);
  std::future<reply> rpop(const std::string &key);
  client &brpoplpush(const std::string &src, const std::string &dst, int timeout, const reply_callback_t &reply_callback);
  std::future<reply> brpoplpush(const std::string &src, const std::string &dst, int timeout);
  client &rpoplpush(const std::string &src, const std::string &dst, const reply_callback_t &reply_callback);
  std::future<reply> rpoplpush(const std::string &src, const std::string &dst);

  // Other commands (get, set, hset, expire, ...): any arguments, a future reply.
#define EVENTSCOPE_CPP_REDIS_COMMAND(name)                                                                             \
  template <class... Args> std::future<reply> name(const Args &...);
#define EVENTSCOPE_CPP_REDIS_COMMANDS(X)                                                                               \
  X(append) X(auth) X(bitcount) X(client_setname) X(dbsize) X(decr) X(decrby) X(del) X(echo) X(exists) X(expire)     \
  X(expireat) X(flushall) X(flushdb) X(get) X(getrange) X(getset) X(hdel) X(hexists) X(hget) X(hgetall) X(hincrby)   \
  X(hkeys) X(hlen) X(hmget) X(hmset) X(hset) X(hsetnx) X(hvals) X(incr) X(incrby) X(info) X(keys) X(lindex) X(llen)   \
  X(lrange) X(lrem) X(lset) X(ltrim) X(mget) X(mset) X(persist) X(pexpire) X(ping) X(pttl) X(rename) X(sadd)         \
  X(scard) X(scan) X(select) X(set) X(set_advanced) X(setex) X(setnx) X(sismember) X(smembers) X(srem) X(strlen)      \
  X(ttl) X(type) X(unlink) X(xack) X(xclaim) X(xdel) X(xgroup_create) X(xgroup_destroy) X(xinfo_stream) X(xlen)       \
  X(xpending) X(xtrim) X(zadd) X(zcard) X(zcount) X(zincrby) X(zrange) X(zrangebyscore) X(zrank) X(zrem) X(zscore)    \
  X(zrevrange) X(multi) X(exec) X(discard) X(watch) X(unwatch)
  EVENTSCOPE_CPP_REDIS_COMMANDS(EVENTSCOPE_CPP_REDIS_COMMAND)
#undef EVENTSCOPE_CPP_REDIS_COMMANDS
#undef EVENTSCOPE_CPP_REDIS_COMMAND
};
typedef client redis_client; // the name in cpp_redis 3

// Messages arrive through the callback given to subscribe/psubscribe (channel, message).
class subscriber {
public:
  typedef std::function<void(const std::string &, const std::string &)> subscribe_callback_t;
  typedef std::function<void(int64_t)> acknowledgement_callback_t;
  typedef std::function<void(reply &)> reply_callback_t;
  typedef std::function<void(const std::string &host, std::size_t port, connect_state status)> connect_callback_t;

  subscriber();
  ~subscriber();
  subscriber(const subscriber &) = delete;
  subscriber &operator=(const subscriber &) = delete;

  void connect(const std::string &host = "127.0.0.1", std::size_t port = 6379,
               const connect_callback_t &connect_callback = nullptr, std::uint32_t timeout_ms = 0,
               std::int32_t max_reconnects = 0, std::uint32_t reconnect_interval_ms = 0);
  bool is_connected() const;
  void disconnect(bool wait_for_removal = false);
  subscriber &auth(const std::string &password, const reply_callback_t &reply_callback = nullptr);
  subscriber &subscribe(const std::string &channel, const subscribe_callback_t &callback,
                        const acknowledgement_callback_t &acknowledgement_callback = nullptr);
  subscriber &psubscribe(const std::string &pattern, const subscribe_callback_t &callback,
                         const acknowledgement_callback_t &acknowledgement_callback = nullptr);
  subscriber &unsubscribe(const std::string &channel);
  subscriber &punsubscribe(const std::string &pattern);
  subscriber &commit();
};
typedef subscriber redis_subscriber; // the name in cpp_redis 3

} // namespace cpp_redis

#endif // the real cpp_redis headers
