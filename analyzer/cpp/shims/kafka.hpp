// eventscope's stand-in for modern-cpp-kafka (kafka/KafkaProducer.h, kafka/KafkaConsumer.h and
// every other kafka/ header), served when the real library is not on the include path: it
// has no Debian package and projects usually vendor it. The namespaces, classes and the
// signatures code calls are the library's (include/kafka/ of morganstanley/modern-cpp-kafka
// 2024.x, KAFKA_API = kafka), so the modern-cpp-kafka profile matches the same calls with
// or without the real headers: a ProducerRecord names its topic, KafkaProducer::send and
// syncSend send it, KafkaConsumer::subscribe takes the topic names. The names older releases
// used (kafka::clients::KafkaProducer) are aliases of the same classes.
#pragma once

// A header of the package that is missing beside the real ones is served this file too:
// then the real declarations are already there (kafka/Project.h defines
// COMPILER_SUPPORTS_CPP_17), and this one steps aside.
#if !defined(COMPILER_SUPPORTS_CPP_17)

// What the real headers include, which code often relies on.
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <initializer_list>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#ifndef KAFKA_API
#define KAFKA_API kafka
#endif

namespace KAFKA_API {

using Topic = std::string;
using Partition = std::int32_t;
using Offset = std::int64_t;
using Topics = std::set<Topic>;
using TopicPartition = std::pair<Topic, Partition>;
using TopicPartitions = std::set<TopicPartition>;
using TopicPartitionOffsets = std::map<TopicPartition, Offset>;

class ConstBuffer {
public:
  explicit ConstBuffer(const void *data = nullptr, std::size_t size = 0) : data_(data), size_(size) {}
  const void *data() const { return data_; }
  std::size_t size() const { return size_; }
  std::string toString() const { return std::string(static_cast<const char *>(data_), size_); }

private:
  const void *data_;
  std::size_t size_;
};
using Key = ConstBuffer;
using Value = ConstBuffer;
const inline Key NullKey = Key{};
const inline Value NullValue = Value{};

struct Timestamp {
  enum class Type { NotAvailable, CreateTime, LogAppendTime };
  using Value = std::int64_t;
  Timestamp() = default;
  Timestamp(Value v, Type t) : msSinceEpoch(v), type(t) {}
  Value msSinceEpoch = 0;
  Type type = Type::NotAvailable;
  operator std::chrono::time_point<std::chrono::system_clock>() const;
  std::string toString() const;
};

struct Header {
  using Key = std::string;
  using Value = ConstBuffer;
  Header() = default;
  Header(Key k, Value v) : key(std::move(k)), value(v) {}
  std::string toString() const;
  Key key;
  Value value;
};
using Headers = std::vector<Header>;

class Error {
public:
  Error() = default;
  explicit operator bool() const { return code_ != 0; }
  int value() const { return code_; }
  std::string message() const { return ""; }
  std::string toString() const { return ""; }

private:
  int code_ = 0;
};

class KafkaException : public std::exception {
public:
  KafkaException(const char *filename = "", std::size_t lineno = 0, const Error &error = {}) : error_(error) {
    (void)filename;
    (void)lineno;
  }
  const Error &error() const { return error_; }
  const char *what() const noexcept override { return ""; }

private:
  Error error_;
};

class Properties {
public:
  struct ValueType {
    ValueType() = default;
    ValueType(const std::string &value) : text(value) {}
    ValueType(const char *value) : text(value) {}
    template <class F, class = decltype(std::function<void()>(std::declval<F>()))> ValueType(F) {}
    std::string text;
  };
  using PropertiesMap = std::map<std::string, ValueType>;
  Properties() = default;
  Properties(PropertiesMap kvMap) : map_(std::move(kvMap)) {}
  Properties(std::initializer_list<std::pair<const std::string, ValueType>> kvs) : map_(kvs) {}
  template <class T> Properties &put(const std::string &key, const T &value) {
    map_[key] = ValueType(value);
    return *this;
  }
  void remove(const std::string &key) { map_.erase(key); }
  std::optional<std::string> getProperty(const std::string &key) const;
  std::string toString() const;
  const PropertiesMap &map() const { return map_; }

private:
  PropertiesMap map_;
};

namespace clients {

class Config : public Properties {
public:
  using Properties::Properties;
  Config() = default;
  Config(const Properties &p) : Properties(p) {}
  static const constexpr char *BOOTSTRAP_SERVERS = "bootstrap.servers";
  static const constexpr char *CLIENT_ID = "client.id";
};

namespace producer {

class ProducerConfig : public Config {
public:
  using Config::Config;
  ProducerConfig() = default;
  ProducerConfig(const Properties &p) : Config(p) {}
  static const constexpr char *ACKS = "acks";
  static const constexpr char *ENABLE_IDEMPOTENCE = "enable.idempotence";
  static const constexpr char *LINGER_MS = "linger.ms";
};

class RecordMetadata {
public:
  std::string topic() const;
  Partition partition() const;
  std::optional<Offset> offset() const;
  std::string toString() const;
};

class ProducerRecord {
public:
  using Id = std::uint64_t;
  ProducerRecord(Topic topic, Partition partition, const Key &key, const Value &value);
  ProducerRecord(const Topic &topic, Partition partition, const Key &key, const Value &value, Id id);
  ProducerRecord(const Topic &topic, const Key &key, const Value &value);
  ProducerRecord(const Topic &topic, const Key &key, const Value &value, Id id);
  const Topic &topic() const;
  Partition partition() const;
  Key key() const;
  Value value() const;
  Headers &headers();
  void setKey(const Key &key);
  void setHeaders(const Headers &headers);
  void setValue(const Value &value);
  std::string toString() const;
};

using Callback = std::function<void(const RecordMetadata &, const Error &)>;

class KafkaProducer {
public:
  enum class SendOption { NoCopyRecordValue, ToCopyRecordValue };
  enum class ActionWhileQueueIsFull { Block, NoBlock };
  explicit KafkaProducer(const Properties &properties);
  ~KafkaProducer();
  void send(const ProducerRecord &record, const Callback &deliveryCb,
            SendOption option = SendOption::NoCopyRecordValue,
            ActionWhileQueueIsFull action = ActionWhileQueueIsFull::Block);
  void send(const ProducerRecord &record, const Callback &deliveryCb, Error &error,
            SendOption option = SendOption::NoCopyRecordValue,
            ActionWhileQueueIsFull action = ActionWhileQueueIsFull::Block);
  RecordMetadata syncSend(const ProducerRecord &record);
  Error flush(std::chrono::milliseconds timeout = std::chrono::milliseconds::max());
  Error purge();
  void close(std::chrono::milliseconds timeout = std::chrono::milliseconds::max());
  std::string name() const;
};

} // namespace producer

namespace consumer {

class ConsumerConfig : public Config {
public:
  using Config::Config;
  ConsumerConfig() = default;
  ConsumerConfig(const Properties &p) : Config(p) {}
  static const constexpr char *GROUP_ID = "group.id";
  static const constexpr char *AUTO_OFFSET_RESET = "auto.offset.reset";
  static const constexpr char *ENABLE_AUTO_COMMIT = "enable.auto.commit";
};

class ConsumerRecord {
public:
  const std::string &topic() const;
  Partition partition() const;
  Offset offset() const;
  Key key() const;
  Value value() const;
  Timestamp timestamp() const;
  Headers headers() const;
  Error error() const;
  std::string toString() const;
};

enum class RebalanceEventType { PartitionsAssigned, PartitionsRevoked };
using RebalanceCallback = std::function<void(RebalanceEventType eventType, const TopicPartitions &topicPartitions)>;
const inline RebalanceCallback NullRebalanceCallback = RebalanceCallback{};
using OffsetCommitCallback = std::function<void(const TopicPartitionOffsets &, const Error &)>;

class KafkaConsumer {
public:
  explicit KafkaConsumer(const Properties &properties);
  ~KafkaConsumer();
  void subscribe(const Topics &topics, RebalanceCallback rebalanceCallback = NullRebalanceCallback,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  void unsubscribe(std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  Topics subscription() const;
  void assign(const TopicPartitions &topicPartitions);
  TopicPartitions assignment() const;
  void seek(const TopicPartition &topicPartition, Offset offset,
            std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  void seekToBeginning(std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  void seekToEnd(std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  std::vector<ConsumerRecord> poll(std::chrono::milliseconds timeout);
  void commitSync();
  void commitSync(const ConsumerRecord &record);
  void commitAsync(const OffsetCommitCallback &offsetCommitCallback = OffsetCommitCallback{});
  void pause();
  void resume();
  void close();
  std::string name() const;
};

} // namespace consumer

// The spellings of releases before 2022.10.
using producer::KafkaProducer;
using consumer::KafkaConsumer;
using producer::ProducerConfig;
using consumer::ConsumerConfig;

} // namespace clients
} // namespace KAFKA_API

#endif // the real modern-cpp-kafka headers
