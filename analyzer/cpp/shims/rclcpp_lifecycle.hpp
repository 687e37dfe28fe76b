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
  using SharedPtr = std::shared_ptr<LifecyclePublisher>;
  template <class M> void publish(M &&message);
  void on_activate() override {}
  void on_deactivate() override {}
  bool is_activated() override { return true; }
};

class LifecycleNode : public node_interfaces::LifecycleNodeInterface,
                      public std::enable_shared_from_this<LifecycleNode> {
public:
  using SharedPtr = std::shared_ptr<LifecycleNode>;
  using WeakPtr = std::weak_ptr<LifecycleNode>;
  explicit LifecycleNode(const std::string &name, const rclcpp::NodeOptions &options = rclcpp::NodeOptions(),
                         bool enable_communication_interface = true);
  LifecycleNode(const std::string &name, const std::string &ns,
                const rclcpp::NodeOptions &options = rclcpp::NodeOptions(), bool enable_communication_interface = true);
  template <class... A> static SharedPtr make_shared(A &&...args) { return std::make_shared<LifecycleNode>(args...); }

  template <class MessageT, class... A>
  std::shared_ptr<LifecyclePublisher<MessageT>> create_publisher(const std::string &topic, A &&...qos_and_options);
  template <class MessageT, class CallbackT, class... A>
  typename rclcpp::Subscription<MessageT>::SharedPtr create_subscription(const std::string &topic,
                                                                         const rclcpp::QoS &qos, CallbackT &&callback,
                                                                         A &&...options) {
    return nullptr;
  }
  template <class ServiceT, class CallbackT, class... A>
  typename rclcpp::Service<ServiceT>::SharedPtr create_service(const std::string &name, CallbackT &&callback, A &&...) {
    return nullptr;
  }
  template <class ServiceT, class... A>
  typename rclcpp::Client<ServiceT>::SharedPtr create_client(const std::string &name, A &&...);
  template <class D, class CallbackT, class... A>
  rclcpp::TimerBase::SharedPtr create_wall_timer(D period, CallbackT callback, A &&...) { return nullptr; }
  template <class D, class CallbackT, class... A>
  rclcpp::TimerBase::SharedPtr create_timer(D period, CallbackT callback, A &&...) { return nullptr; }
  template <class T, class... A> T declare_parameter(const std::string &name, const T &value, A &&...);
  template <class T> T declare_parameter(const std::string &name);
  rclcpp::ParameterValue declare_parameter(const std::string &name,
                                           const rclcpp::ParameterValue &value = rclcpp::ParameterValue());
  template <class... A> void declare_parameters(A &&...);
  bool has_parameter(const std::string &name) const;
  template <class T> bool get_parameter(const std::string &name, T &value) const;
  rclcpp::Parameter get_parameter(const std::string &name) const;
  template <class T, class D> bool get_parameter_or(const std::string &name, T &value, const D &fallback) const;
  template <class... A> std::vector<rclcpp::Parameter> get_parameters(A &&...) const;
  template <class... A> bool set_parameter(A &&...);
  template <class F> rclcpp::node_interfaces::OnSetParametersCallbackHandle::SharedPtr add_on_set_parameters_callback(F) {
    return nullptr;
  }
  rclcpp::Logger get_logger() const;
  rclcpp::Clock::SharedPtr get_clock();
  rclcpp::Clock::SharedPtr get_clock() const;
  rclcpp::Time now() const;
  std::string get_name() const;
  std::string get_namespace() const;
  std::string get_fully_qualified_name() const;
  template <class... A> rclcpp::CallbackGroup::SharedPtr create_callback_group(A &&...);
  template <class... A> std::shared_ptr<void> get_node_base_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_topics_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_parameters_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_logging_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_clock_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_timers_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_services_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_graph_interface(A &&...);
  template <class... A> std::shared_ptr<void> get_node_waitables_interface(A &&...);
  const State &get_current_state() const;
  const State &configure();
  const State &cleanup();
  const State &activate();
  const State &deactivate();
  const State &shutdown();
  template <class... A> const State &trigger_transition(A &&...);
};

} // namespace rclcpp_lifecycle
