// eventscope's stand-in for ros2_control's realtime_tools (realtime_publisher.hpp,
// realtime_buffer.hpp, realtime_box.hpp, realtime_thread_safe_box.hpp), served for any
// realtime_tools/ header when the real one is not on the include path. A RealtimePublisher
// wraps an rclcpp publisher: what it publishes goes to that publisher's topic.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include <rclcpp/rclcpp.hpp>

namespace realtime_tools {

template <class MessageT> class RealtimePublisher {
public:
  using PublisherType = rclcpp::Publisher<MessageT>;
  using PublisherSharedPtr = typename rclcpp::Publisher<MessageT>::SharedPtr;
  using MessageType = MessageT;
  explicit RealtimePublisher(PublisherSharedPtr publisher) : publisher_(publisher) {}
  RealtimePublisher() = default;
  ~RealtimePublisher() {}
  void stop() {}
  bool trylock() { return true; }
  bool try_publish(const MessageT &) { return true; }
  bool tryPublish(const MessageT &) { return true; }
  void publish(const MessageT &) {}
  void unlockAndPublish() {}
  void lock() {}
  void unlock() {}
  bool can_publish() const { return true; }
  bool is_running() const { return true; }
  std::mutex &get_mutex() { return mutex_; }
  MessageT msg_;

private:
  PublisherSharedPtr publisher_;
  std::mutex mutex_;
};
template <class MessageT> using RealtimePublisherSharedPtr = std::shared_ptr<RealtimePublisher<MessageT>>;

template <class T> class RealtimeBuffer {
public:
  RealtimeBuffer() = default;
  explicit RealtimeBuffer(const T &) {}
  void writeFromNonRT(const T &) {}
  void initRT(const T &) {}
  T *readFromRT() { return &value_; }
  T *readFromNonRT() const { return const_cast<T *>(&value_); }
  void reset() {}

private:
  T value_{};
};

template <class T, class Mutex = std::mutex> class RealtimeThreadSafeBox {
public:
  RealtimeThreadSafeBox() = default;
  explicit RealtimeThreadSafeBox(const T &init) : value_(init) {}
  bool try_set(const T &) { return true; }
  template <class F> bool try_set(F &&) { return true; }
  void set(const T &) {}
  template <class F> void set(F &&) {}
  std::optional<T> try_get() const { return value_; }
  template <class F> bool try_get(F &&) const { return true; }
  T get() const { return value_; }
  void get(T &out) const { out = value_; }
  template <class F> void get(F &&) const {}

private:
  T value_{};
};
template <class T, class Mutex = std::mutex> using RealtimeBox = RealtimeThreadSafeBox<T, Mutex>;

} // namespace realtime_tools
