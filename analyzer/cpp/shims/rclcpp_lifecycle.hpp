// eventscope's stand-in for rclcpp_lifecycle (lifecycle_node.hpp, lifecycle_publisher.hpp,
// state.hpp), served for any rclcpp_lifecycle/ header when the real ones are missing.
#pragma once

#include <rclcpp/rclcpp.hpp>

#include <lifecycle_msgs/msg/state.hpp>
#include <lifecycle_msgs/msg/transition.hpp>

namespace rclcpp_lifecycle {

class State {
public:
  State() = default;
  template <class... A> State(A &&...) {}
  uint8_t id() const;
  std::string label() const;
};
class Transition {
public:
  template <class... A> Transition(A &&...) {}
  uint8_t id() const;
  std::string label() const;
};

namespace node_interfaces {
class LifecycleNodeInterface {
public:
  enum class CallbackReturn : uint8_t { SUCCESS = 0, FAILURE = 1, ERROR = 2 };
  virtual ~LifecycleNodeInterface() = default;
  virtual CallbackReturn on_configure(const State &) { return CallbackReturn::SUCCESS; }
  virtual CallbackReturn on_cleanup(const State &) { return CallbackReturn::SUCCESS; }
  virtual CallbackReturn on_shutdown(const State &) { return CallbackReturn::SUCCESS; }
  virtual CallbackReturn on_activate(const State &) { return CallbackReturn::SUCCESS; }
  virtual CallbackReturn on_deactivate(const State &) { return CallbackReturn::SUCCESS; }
  virtual CallbackReturn on_error(const State &) { return CallbackReturn::SUCCESS; }
};
} // namespace node_interfaces

class LifecyclePublisherInterface {
public:
  virtual ~LifecyclePublisherInterface() = default;
  virtual void on_activate() {}
  virtual void on_deactivate() {}
  virtual bool is_activated() { return true; }
};

template <class MessageT, class AllocatorT = std::allocator<void>>
class LifecyclePublisher : public LifecyclePublisherInterface, public rclcpp::Publisher<MessageT, AllocatorT> {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(LifecyclePublisher)
  template <class M> void publish(M &&message);
  void on_activate() override {}
  void on_deactivate() override {}
  bool is_activated() override { return true; }
};

class LifecycleNode : public node_interfaces::LifecycleNodeInterface,
                      public std::enable_shared_from_this<LifecycleNode> {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(LifecycleNode)
  explicit LifecycleNode(const std::string &name, const rclcpp::NodeOptions &options = rclcpp::NodeOptions(),
                         bool enable_communication_interface = true);
  LifecycleNode(const std::string &name, const std::string &ns,
                const rclcpp::NodeOptions &options = rclcpp::NodeOptions(), bool enable_communication_interface = true);
  template <class... A> static SharedPtr make_shared(A &&...args) { return std::make_shared<LifecycleNode>(args...); }

  template <class MessageT, class AllocatorT = std::allocator<void>,
            class PublisherT = LifecyclePublisher<MessageT, AllocatorT>, class... A>
  std::shared_ptr<PublisherT> create_publisher(const std::string &topic, A &&...qos_and_options);
  EVENTSCOPE_RCLCPP_NODE_MEMBERS
  const State &get_current_state() const;
  const State &configure();
  const State &cleanup();
  const State &activate();
  const State &deactivate();
  const State &shutdown();
  template <class... A> const State &trigger_transition(A &&...);
};

// rclcpp_lifecycle/lifecycle_node.hpp: the options its create_publisher and create_subscription
// take by default (a node's own wrapper spells them as default arguments).
template <class AllocatorT = std::allocator<void>>
rclcpp::PublisherOptionsWithAllocator<AllocatorT> create_default_publisher_options() {
  return {};
}
template <class AllocatorT = std::allocator<void>>
rclcpp::SubscriptionOptionsWithAllocator<AllocatorT> create_default_subscription_options() {
  return {};
}
} // namespace rclcpp_lifecycle
