// eventscope's stand-in for image_transport (image_transport.hpp, publisher.hpp,
// subscriber.hpp, camera_publisher.hpp, camera_subscriber.hpp, subscriber_filter.hpp).
#pragma once

#include <rclcpp/rclcpp.hpp>

#include <sensor_msgs/msg/camera_info.hpp>
#include <sensor_msgs/msg/image.hpp>

namespace image_transport {

struct TransportHints {
  template <class... A> TransportHints(A &&...) {}
  const std::string &getTransport() const;
};

class Publisher {
public:
  Publisher() = default;
  template <class M> void publish(M &&message) const {}
  size_t getNumSubscribers() const;
  std::string getTopic() const;
  void shutdown() {}
  explicit operator bool() const { return true; }
};
class Subscriber {
public:
  Subscriber() = default;
  size_t getNumPublishers() const;
  std::string getTopic() const;
  void shutdown() {}
};
class CameraPublisher {
public:
  CameraPublisher() = default;
  template <class... A> void publish(A &&...) const {}
  size_t getNumSubscribers() const;
  void shutdown() {}
};
class CameraSubscriber {
public:
  CameraSubscriber() = default;
  void shutdown() {}
};

class ImageTransport {
public:
  template <class N> explicit ImageTransport(N &&node) {}
  // advertise("image", qos): the Publisher whose publish() produces.
  template <class... A> Publisher advertise(const std::string &base_topic, A &&...) { return {}; }
  // subscribe("image", qos, callback) or subscribe("image", qos, &Class::member, this).
  template <class Q, class CallbackT, class... A>
  Subscriber subscribe(const std::string &base_topic, Q &&qos, CallbackT &&callback, A &&...) {
    return {};
  }
  template <class... A> CameraPublisher advertiseCamera(const std::string &base_topic, A &&...) { return {}; }
  template <class Q, class CallbackT, class... A>
  CameraSubscriber subscribeCamera(const std::string &base_topic, Q &&qos, CallbackT &&callback, A &&...) {
    return {};
  }
  std::vector<std::string> getDeclaredTransports() const;
  std::vector<std::string> getLoadableTransports() const;
};

template <class N, class... A> Publisher create_publisher(N &&node, const std::string &base_topic, A &&...) { return {}; }
template <class N, class CallbackT, class... A>
Subscriber create_subscription(N &&node, const std::string &base_topic, CallbackT &&callback, A &&...) {
  return {};
}
template <class N, class... A> CameraPublisher create_camera_publisher(N &&node, const std::string &base_topic, A &&...) {
  return {};
}
// subscriber_filter.hpp: a message_filters source of images, subscribed as it is made or later
// (`sub_.subscribe(this, topic, hints.getTransport(), qos)`); its messages go to a synchronizer.
class SubscriberFilter {
public:
  SubscriberFilter() = default;
  template <class N, class... A> SubscriberFilter(N &&node, const std::string &base_topic, A &&...) {}
  template <class N, class... A> void subscribe(N &&node, const std::string &base_topic, A &&...) {}
  void unsubscribe();
  std::string getTopic() const;
  template <class C> void registerCallback(C &&callback) {}
};

template <class N, class CallbackT, class... A>
CameraSubscriber create_camera_subscription(N &&node, const std::string &base_topic, CallbackT &&callback, A &&...) {
  return {};
}

} // namespace image_transport
