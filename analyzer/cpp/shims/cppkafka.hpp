// eventscope's stand-in for cppkafka (cppkafka/cppkafka.h and every other cppkafka/ header),
// served when the real library is not on the include path: it has no Debian package. The
// classes and the signatures code calls are the library's (include/cppkafka/ of
// mfontanini/cppkafka 0.4), so the cppkafka profile matches the same calls with or without
// the real headers: a MessageBuilder names its topic, Producer::produce sends it,
// Consumer::subscribe takes the topic names.
#pragma once

// A header of the package that is missing beside the real ones (a generated one) is served
// this file too: then the real declarations are already there, and this one steps aside.
#if !defined(CPPKAFKA_MACROS_H) && !defined(CPPKAFKA_BUFFER_H) && !defined(CPPKAFKA_PRODUCER_H) && \
    !defined(CPPKAFKA_CONSUMER_H)

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
#include <future>
#include <initializer_list>
#include <iostream>
#include <iterator>
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

namespace cppkafka {

class Buffer {
public:
  Buffer() = default;
  Buffer(const void *data, std::size_t size) : data_(data), size_(size) {}
  template <class T> Buffer(const T *data, std::size_t size) : data_(data), size_(size * sizeof(T)) {}
  Buffer(const std::string &data) : data_(data.data()), size_(data.size()) {}
  template <class T, class A> Buffer(const std::vector<T, A> &data) : data_(data.data()), size_(data.size()) {}
  template <class T, std::size_t N> Buffer(const T (&data)[N]) : data_(data), size_(N * sizeof(T)) {}
  Buffer(std::string &&) = delete; // as the library: a temporary's bytes would not outlive it
  const unsigned char *get_data() const { return static_cast<const unsigned char *>(data_); }
  std::size_t get_size() const { return size_; }
  operator std::string() const { return std::string(static_cast<const char *>(data_), size_); }
  explicit operator bool() const { return size_ != 0; }
  friend std::ostream &operator<<(std::ostream &output, const Buffer &) { return output; }

private:
  const void *data_ = nullptr;
  std::size_t size_ = 0;
};

class ConfigurationOption {
public:
  ConfigurationOption(const std::string &key, const std::string &value) : key_(key), value_(value) {}
  ConfigurationOption(const std::string &key, const char *value) : key_(key), value_(value) {}
  ConfigurationOption(const std::string &key, bool value) : key_(key), value_(value ? "true" : "false") {}
  template <class T> ConfigurationOption(const std::string &key, T value) : key_(key), value_(std::to_string(value)) {}

private:
  std::string key_, value_;
};

class Message;
class Error {
public:
  Error() = default;
  explicit operator bool() const { return code_ != 0; }
  std::string to_string() const { return ""; }
  int get_error() const { return code_; }

private:
  int code_ = 0;
};
inline std::ostream &operator<<(std::ostream &output, const Error &) { return output; }

class TopicPartition;
using TopicPartitionList = std::vector<TopicPartition>;

class Configuration {
public:
  using DeliveryReportCallback = std::function<void(class Producer &, const Message &)>;
  using ErrorCallback = std::function<void(class KafkaHandleBase &, int, const std::string &)>;
  Configuration() = default;
  Configuration(const std::vector<ConfigurationOption> &options);
  Configuration(const std::initializer_list<ConfigurationOption> &options);
  Configuration &set(const std::string &name, const std::string &value);
  template <class T> Configuration &set(const std::string &name, T value);
  Configuration &set_delivery_report_callback(DeliveryReportCallback callback);
  Configuration &set_error_callback(ErrorCallback callback);
  template <class F> Configuration &set_log_callback(F callback);
  template <class F> Configuration &set_stats_callback(F callback);
  template <class F> Configuration &set_offset_commit_callback(F callback);
  Configuration &set_default_topic_configuration(class TopicConfiguration config);
  std::string get(const std::string &name) const;
  bool has_property(const std::string &name) const;
};

class TopicConfiguration {
public:
  TopicConfiguration() = default;
  TopicConfiguration(const std::vector<ConfigurationOption> &options);
  TopicConfiguration(const std::initializer_list<ConfigurationOption> &options);
  TopicConfiguration &set(const std::string &name, const std::string &value);
  template <class T> TopicConfiguration &set(const std::string &name, T value);
};

class Topic {
public:
  std::string get_name() const;
};

class TopicPartition {
public:
  TopicPartition();
  TopicPartition(const char *topic);
  TopicPartition(std::string topic);
  TopicPartition(std::string topic, int partition);
  TopicPartition(std::string topic, int partition, int64_t offset);
  const std::string &get_topic() const;
  int get_partition() const;
  int64_t get_offset() const;
  void set_partition(int partition);
  friend std::ostream &operator<<(std::ostream &output, const TopicPartition &) { return output; }
  void set_offset(int64_t offset);
};

class Message {
public:
  Message();
  Message(const Message &) = delete;
  Message(Message &&) = default;
  Message &operator=(const Message &) = delete;
  Message &operator=(Message &&) = default;
  Error get_error() const;
  bool is_eof() const;
  std::string get_topic() const;
  int get_partition() const;
  const Buffer &get_payload() const;
  const Buffer &get_key() const;
  int64_t get_offset() const;
  void *get_user_data() const;
  explicit operator bool() const;
};
using MessageList = std::vector<Message>;

template <class BufferType, class Concrete> class BasicMessageBuilder {
public:
  BasicMessageBuilder(std::string topic);
  BasicMessageBuilder(const Message &message);
  // cppkafka's converting constructor: a ConcreteMessageBuilder<std::string> is given to
  // BufferedProducer::produce(const MessageBuilder &).
  template <class OtherBuffer, class OtherConcrete>
  BasicMessageBuilder(const BasicMessageBuilder<OtherBuffer, OtherConcrete> &other);
  BasicMessageBuilder(BasicMessageBuilder &&) = default;
  BasicMessageBuilder(const BasicMessageBuilder &) = default;
  BasicMessageBuilder &operator=(BasicMessageBuilder &&) = default;
  BasicMessageBuilder &operator=(const BasicMessageBuilder &) = default;
  Concrete &topic(std::string value);
  Concrete &partition(int value);
  Concrete &key(const BufferType &value);
  Concrete &payload(const BufferType &value);
  Concrete &timestamp(std::chrono::milliseconds value);
  Concrete &user_data(void *value);
  const std::string &topic() const;
  int partition() const;
  const BufferType &key() const;
  const BufferType &payload() const;
  void *user_data() const;
};

class MessageBuilder : public BasicMessageBuilder<Buffer, MessageBuilder> {
public:
  using Base = BasicMessageBuilder<Buffer, MessageBuilder>;
  using Base::BasicMessageBuilder;
};

// Its constructors written out, as cppkafka's are: `using Base::BasicMessageBuilder;` names
// a dependent base's constructor as a type, which Clang rejects in every unit that makes one.
template <class T> class ConcreteMessageBuilder : public BasicMessageBuilder<T, ConcreteMessageBuilder<T>> {
public:
  using Base = BasicMessageBuilder<T, ConcreteMessageBuilder<T>>;
  ConcreteMessageBuilder(std::string topic) : Base(std::move(topic)) {}
  ConcreteMessageBuilder(const Message &message) : Base(message) {}
  template <class OtherBuffer, class OtherConcrete>
  ConcreteMessageBuilder(const BasicMessageBuilder<OtherBuffer, OtherConcrete> &other) : Base(other) {}
};

class KafkaHandleBase {
public:
  virtual ~KafkaHandleBase() = default;
  KafkaHandleBase(const KafkaHandleBase &) = delete;
  KafkaHandleBase &operator=(const KafkaHandleBase &) = delete;
  void pause(const std::string &topic);
  void resume(const std::string &topic);
  void set_timeout(std::chrono::milliseconds timeout);
  void add_brokers(const std::string &brokers);
  Topic get_topic(const std::string &name);
  Topic get_topic(const std::string &name, TopicConfiguration config);
  std::string get_name() const;
  std::chrono::milliseconds get_timeout() const;
  const Configuration &get_configuration() const;
  // cppkafka's offset queries (kafka_handle_base.h): the low and high watermarks.
  using OffsetTuple = std::tuple<int64_t, int64_t>;
  OffsetTuple query_offsets(const TopicPartition &topic_partition) const;
  OffsetTuple query_offsets(const TopicPartition &topic_partition, std::chrono::milliseconds timeout) const;
  std::vector<TopicPartition> get_offsets_for_times(const std::vector<TopicPartition> &queries) const;
  int get_out_queue_length() const;
  void yield() const;

protected:
  KafkaHandleBase() = default;
};

class Producer : public KafkaHandleBase {
public:
  enum class PayloadPolicy { PASSTHROUGH_PAYLOAD = 0, COPY_PAYLOAD, BLOCK_ON_FULL_QUEUE };
  Producer(Configuration config);
  void set_payload_policy(PayloadPolicy policy);
  PayloadPolicy get_payload_policy() const;
  void produce(const MessageBuilder &builder);
  void produce(MessageBuilder &&builder);
  void produce(const Message &message);
  void produce(Message &&message);
  int poll();
  int poll(std::chrono::milliseconds timeout);
  void flush();
  void flush(std::chrono::milliseconds timeout);
  size_t get_out_queue_length() const;
};

class Consumer : public KafkaHandleBase {
public:
  using AssignmentCallback = std::function<void(TopicPartitionList &)>;
  using RevocationCallback = std::function<void(const TopicPartitionList &)>;
  using RebalanceErrorCallback = std::function<void(Error)>;
  Consumer(Configuration config);
  Consumer(const Consumer &) = delete;
  Consumer &operator=(const Consumer &) = delete;
  ~Consumer();
  void set_assignment_callback(AssignmentCallback callback);
  void set_revocation_callback(RevocationCallback callback);
  void set_rebalance_error_callback(RebalanceErrorCallback callback);
  void subscribe(const std::vector<std::string> &topics);
  void unsubscribe();
  void assign(const TopicPartitionList &topic_partitions);
  void unassign();
  void commit();
  void commit(const Message &msg);
  void async_commit();
  void async_commit(const Message &msg);
  TopicPartitionList get_assignment() const;
  std::vector<std::string> get_subscription() const;
  Message poll();
  Message poll(std::chrono::milliseconds timeout);
  std::vector<Message> poll_batch(size_t max_batch_size);
  std::vector<Message> poll_batch(size_t max_batch_size, std::chrono::milliseconds timeout);
  std::string get_member_id() const;
};

template <class BufferType, class Allocator = std::allocator<BufferType>> class BufferedProducer {
public:
  using Builder = ConcreteMessageBuilder<BufferType>;
  BufferedProducer(Configuration config, const Allocator &alloc = Allocator());
  void add_message(const MessageBuilder &builder);
  void add_message(Builder builder);
  void produce(const MessageBuilder &builder);
  void sync_produce(const MessageBuilder &builder);
  void produce(const Message &message);
  void flush(bool preserve_order = false);
  bool flush(std::chrono::milliseconds timeout, bool preserve_order = false);
  void wait_for_acks();
  void clear();
  Producer &get_producer();
  template <class F> void set_produce_failure_callback(F callback);
  template <class F> void set_produce_success_callback(F callback);
  template <class F> void set_flush_failure_callback(F callback);
};

class Exception : public std::exception {
public:
  Exception(std::string message = "") : message_(std::move(message)) {}
  const char *what() const noexcept override { return message_.c_str(); }

private:
  std::string message_;
};
class ConfigException : public Exception {
  using Exception::Exception;
};
class HandleException : public Exception {
public:
  HandleException(Error error = {}) : error_(error) {}
  Error get_error() const { return error_; }

private:
  Error error_;
};
class ConsumerException : public Exception {
public:
  ConsumerException(Error error = {}) : error_(error) {}
  Error get_error() const { return error_; }

private:
  Error error_;
};

} // namespace cppkafka

#endif // the real cppkafka headers
