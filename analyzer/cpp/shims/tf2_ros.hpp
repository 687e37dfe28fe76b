// eventscope's stand-in for tf2_ros (buffer, transform_listener, transform_broadcaster,
// static_transform_broadcaster, message_filter; .h and .hpp) and the tf2 pieces they bring in.
#pragma once

#include <rclcpp/rclcpp.hpp>

#include <geometry_msgs/msg/transform_stamped.hpp>

namespace tf2 {
struct TransformException : std::exception {
  template <class... A> TransformException(A &&...) {}
  const char *what() const noexcept override { return "tf2"; }
};
struct LookupException : TransformException { using TransformException::TransformException; };
struct ConnectivityException : TransformException { using TransformException::TransformException; };
struct ExtrapolationException : TransformException { using TransformException::TransformException; };
struct InvalidArgumentException : TransformException { using TransformException::TransformException; };
using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::nanoseconds>;
using Duration = std::chrono::nanoseconds;
inline TimePoint TimePointZero{};
struct Quaternion {
  template <class... A> Quaternion(A &&...) {}
  template <class... A> void setRPY(A &&...) {}
  double x() const; double y() const; double z() const; double w() const;
};
struct Vector3 {
  template <class... A> Vector3(A &&...) {}
  double x() const; double y() const; double z() const;
};
struct Transform {
  template <class... A> Transform(A &&...) {}
};
// tf2's core buffer, tf2_ros::Buffer's base (book_ros2 takes `tf2::BufferCore` for its
// detectors, new-user trial s48).
class BufferCore {
public:
  template <class... A> BufferCore(A &&...) {}
  virtual ~BufferCore() = default;
  template <class... A> geometry_msgs::msg::TransformStamped lookupTransform(A &&...) const { return {}; }
  template <class... A> bool canTransform(A &&...) const { return true; }
  template <class... A> void setTransform(A &&...) {}
  template <class... A> std::string allFramesAsString(A &&...) const { return {}; }
};
} // namespace tf2

namespace tf2_ros {
using TransformStamped = geometry_msgs::msg::TransformStamped;

class Buffer : public tf2::BufferCore {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Buffer)
  template <class... A> Buffer(A &&...) {}
  template <class... A> TransformStamped lookupTransform(A &&...) const { return {}; }
  template <class... A> bool canTransform(A &&...) const { return true; }
  template <class T, class... A> T &transform(const T &in, T &out, A &&...) const { return out; }
  template <class T, class... A> T transform(const T &in, A &&...) const { return in; }
  template <class... A> void setCreateTimerInterface(A &&...) {}
  template <class... A> void setUsingDedicatedThread(A &&...) {}
};
class TransformListener {
public:
  template <class... A> TransformListener(A &&...) {}
};
class TransformBroadcaster {
public:
  template <class... A> TransformBroadcaster(A &&...) {}
  void sendTransform(const TransformStamped &transform) {}
  void sendTransform(const std::vector<TransformStamped> &transforms) {}
};
class StaticTransformBroadcaster {
public:
  template <class... A> StaticTransformBroadcaster(A &&...) {}
  void sendTransform(const TransformStamped &transform) {}
  void sendTransform(const std::vector<TransformStamped> &transforms) {}
};
class CreateTimerROS {
public:
  template <class... A> CreateTimerROS(A &&...) {}
};
// tf2_ros/message_filter.h: holds messages until their frame transforms; its callback gets
// the messages a message_filters::Subscriber passes in.
template <class M, class BufferT = Buffer> class MessageFilter {
public:
  template <class... A> MessageFilter(A &&...) {}
  template <class... A> int registerCallback(A &&...) { return 0; }
  template <class... A> void registerFailureCallback(A &&...) {}
  template <class... A> void connectInput(A &&...) {}
  void setTargetFrame(const std::string &) {}
  void setTargetFrames(const std::vector<std::string> &) {}
  template <class D> void setTolerance(const D &) {}
  void clear() {}
};
} // namespace tf2_ros
