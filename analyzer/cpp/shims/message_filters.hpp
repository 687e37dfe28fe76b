// eventscope's stand-in for message_filters (subscriber.h, synchronizer.h,
// time_synchronizer.h, sync_policies/approximate_time.h and exact_time.h; .h and .hpp).
#pragma once

#include <rclcpp/rclcpp.hpp>

namespace message_filters {

struct Connection {
  void disconnect() {}
};
struct NullType {};

class SubscriberBase {
public:
  virtual ~SubscriberBase() = default;
};

template <class M, class NodeType = rclcpp::Node> class Subscriber : public SubscriberBase {
public:
  using MConstPtr = std::shared_ptr<const M>;
  Subscriber() = default;
  // Subscriber<T>(node, "topic", qos): node by pointer, shared pointer or raw pointer.
  template <class N, class... A> Subscriber(N &&node, const std::string &topic, A &&...options) {}
  template <class N, class... A> void subscribe(N &&node, const std::string &topic, A &&...options) {}
  void unsubscribe() {}
  std::string getTopic() const;
  template <class... A> Connection registerCallback(A &&...) { return {}; }
};

template <class... M> class SimpleFilter {
public:
  template <class... A> Connection registerCallback(A &&...) { return {}; }
};

namespace sync_policies {
template <class... M> struct ApproximateTime {
  template <class... A> ApproximateTime(A &&...) {}
  void setAgePenalty(double) {}
  template <class... A> void setMaxIntervalDuration(A &&...) {}
  template <class... A> void setInterMessageLowerBound(A &&...) {}
};
template <class... M> struct ExactTime {
  template <class... A> ExactTime(A &&...) {}
};
template <class... M> struct LatestTime {
  template <class... A> LatestTime(A &&...) {}
};
} // namespace sync_policies

template <class Policy> class Synchronizer : public Policy {
public:
  template <class... A> Synchronizer(A &&...) {}
  template <class... F> void connectInput(F &...) {}
  template <class... A> Connection registerCallback(A &&...) { return {}; }
  template <class... A> void setAgePenalty(A &&...) {}
  template <class... A> void setMaxIntervalDuration(A &&...) {}
};

template <class... M> class TimeSynchronizer {
public:
  template <class... A> TimeSynchronizer(A &&...) {}
  template <class... F> void connectInput(F &...) {}
  template <class... A> Connection registerCallback(A &&...) { return {}; }
};

template <class M> class Cache {
public:
  template <class... A> Cache(A &&...) {}
  template <class... A> Connection registerCallback(A &&...) { return {}; }
};

} // namespace message_filters
