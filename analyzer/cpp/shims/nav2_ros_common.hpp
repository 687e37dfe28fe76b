// eventscope's stand-in for Nav2's nav2_ros_common (lifecycle_node.hpp, node_utils.hpp,
// qos_profiles.hpp, simple_action_server.hpp, interface_factories.hpp, service_client.hpp,
// service_server.hpp, action_client.hpp, publisher.hpp, subscription.hpp, node_thread.hpp,
// rate.hpp, tf2_factories.hpp), served for any nav2_ros_common/ header when the real one is not
// on the include path. nav2_ros_common is where Nav2 keeps its node and its ROS interface
// factories since the "Large Nav2 Node, Utils, and Interface Refactor" (#5288, after Kilted):
// namespace `nav2`. The namespaces, class names, template parameters and the signatures code
// calls are ros-navigation/navigation2's (commit a3a97043); bodies are empty.
//
// nav2::LifecycleNode hides rclcpp_lifecycle's create_* with its own, whose arguments differ
// (create_subscription(topic, callback, qos) puts the callback second), and adds
// create_action_server / create_action_client: the nav2 profile describes each of them.
#pragma once

// A header of the package that is missing beside the real ones: then the real declarations
// are already there, and this one steps aside.
#if !defined(NAV2_ROS_COMMON__LIFECYCLE_NODE_HPP_) && !defined(NAV2_ROS_COMMON__NODE_UTILS_HPP_) &&                  \
    !defined(NAV2_ROS_COMMON__QOS_PROFILES_HPP_) && !defined(NAV2_ROS_COMMON__SIMPLE_ACTION_SERVER_HPP_) &&          \
    !defined(NAV2_ROS_COMMON__INTERFACE_FACTORIES_HPP_) && !defined(NAV2_ROS_COMMON__SERVICE_CLIENT_HPP_) &&         \
    !defined(NAV2_ROS_COMMON__SERVICE_SERVER_HPP_) && !defined(NAV2_ROS_COMMON__ACTION_CLIENT_HPP_) &&               \
    !defined(NAV2_ROS_COMMON__PUBLISHER_HPP_) && !defined(NAV2_ROS_COMMON__SUBSCRIPTION_HPP_) &&                     \
    !defined(NAV2_ROS_COMMON__NODE_THREAD_HPP_) && !defined(NAV2_ROS_COMMON__RATE_HPP_) &&                           \
    !defined(NAV2_ROS_COMMON__TF2_FACTORIES_HPP_)

// What the real headers include, which code often relies on.
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>
#include <rclcpp_lifecycle/lifecycle_node.hpp>
#include <tf2_ros/buffer.h>

#include <lifecycle_msgs/msg/state.hpp>
#include <rcl_interfaces/msg/parameter_descriptor.hpp>

namespace nav2 {

// qos_profiles.hpp
namespace qos {
class StandardTopicQoS : public rclcpp::QoS {
public:
  explicit StandardTopicQoS(const int depth = 10) : rclcpp::QoS(rclcpp::KeepLast(depth)) {}
};
class LatchedPublisherQoS : public rclcpp::QoS {
public:
  explicit LatchedPublisherQoS(const int depth = 1) : rclcpp::QoS(rclcpp::KeepLast(depth)) {}
};
class LatchedSubscriptionQoS : public rclcpp::QoS {
public:
  explicit LatchedSubscriptionQoS(const int depth = 10) : rclcpp::QoS(rclcpp::KeepLast(depth)) {}
};
class SensorDataQoS : public rclcpp::QoS {
public:
  explicit SensorDataQoS(const int depth = 10) : rclcpp::QoS(rclcpp::KeepLast(depth)) {}
};
} // namespace qos

// publisher.hpp, subscription.hpp, action_client.hpp: aliases of rclcpp's.
template <typename MessageT> using Publisher = rclcpp_lifecycle::LifecyclePublisher<MessageT>;
template <typename MessageT> using Subscription = rclcpp::Subscription<MessageT>;
template <typename ActionT> using ActionClient = rclcpp_action::Client<ActionT>;

// node_utils.hpp
std::string sanitize_node_name(const std::string &potential_node_name);
std::string add_namespaces(const std::string &top_ns, const std::string &sub_ns = "");
std::string time_to_string(size_t len);
std::string generate_internal_node_name(const std::string &prefix = "");
rclcpp::Node::SharedPtr generate_internal_node(const std::string &prefix = "");
using ParameterDescriptor = rcl_interfaces::msg::ParameterDescriptor;
// declare_parameter_if_not_declared(node, name, default): a parameter setting (nav2 profile).
template <typename NodeT>
inline void declare_parameter_if_not_declared(NodeT node, const std::string &parameter_name,
                                              const rclcpp::ParameterValue &default_value,
                                              const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {}
template <typename NodeT>
inline void declare_parameter_if_not_declared(NodeT node, const std::string &parameter_name,
                                              const rclcpp::ParameterType &param_type,
                                              const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {}
template <typename ParameterT, typename NodeT>
inline ParameterT declare_or_get_parameter(NodeT node, const std::string &parameter_name,
                                           const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
  return ParameterT{};
}
using NodeParamInterfacePtr = rclcpp::node_interfaces::NodeParametersInterface::SharedPtr;
template <typename ParamType>
inline ParamType declare_or_get_parameter(const rclcpp::Logger &logger, NodeParamInterfacePtr param_interface,
                                          const std::string &parameter_name, const ParamType &default_value,
                                          bool warn_if_no_override = false, bool strict_param_loading = false,
                                          const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
  return default_value;
}
template <typename ParamType, typename NodeT>
inline ParamType declare_or_get_parameter(NodeT node, const std::string &parameter_name,
                                          const ParamType &default_value,
                                          const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
  return default_value;
}
template <typename NodeT> inline std::string get_plugin_type_param(NodeT node, const std::string &plugin_name) {
  return {};
}
inline void setSoftRealTimePriority() {}
template <typename InterfaceT>
inline void setIntrospectionMode(InterfaceT &ros_interface,
                                 rclcpp::node_interfaces::NodeParametersInterface::SharedPtr node_parameters_interface,
                                 rclcpp::Clock::SharedPtr clock) {}
inline void replaceOrAddArgument(std::vector<std::string> &arguments, const std::string &option,
                                 const std::string &arg_name, const std::string &new_argument) {}
std::string get_package_share_directory(const std::string &package_name);

// node_thread.hpp
class NodeThread {
public:
  explicit NodeThread(rclcpp::node_interfaces::NodeBaseInterface::SharedPtr node_base) {}
  explicit NodeThread(std::shared_ptr<rclcpp::executors::SingleThreadedExecutor> executor) {}
  template <typename NodeT> explicit NodeThread(NodeT node) {}
  ~NodeThread() {}
};

// rate.hpp
template <typename NodeT> rclcpp::Clock::SharedPtr selectSteadyOrSimClock(NodeT node) { return nullptr; }
class Rate : public rclcpp::Rate {
public:
  template <typename NodeT> explicit Rate(NodeT node, double rate) : rclcpp::Rate(rate) {}
};

// tf2_factories.hpp (the tf2_ros stand-in has no MessageFilter: create_message_filter is left out).
using TransformBuffer = tf2_ros::Buffer;
struct TransformListener : tf2_ros::TransformListener {
  using tf2_ros::TransformListener::TransformListener;
  using SharedPtr = std::shared_ptr<TransformListener>;
};
struct TransformBroadcaster : tf2_ros::TransformBroadcaster {
  using tf2_ros::TransformBroadcaster::TransformBroadcaster;
  using SharedPtr = std::shared_ptr<TransformBroadcaster>;
};
struct StaticTransformBroadcaster : tf2_ros::StaticTransformBroadcaster {
  using tf2_ros::StaticTransformBroadcaster::StaticTransformBroadcaster;
  using SharedPtr = std::shared_ptr<StaticTransformBroadcaster>;
};
template <typename NodeT>
inline std::shared_ptr<TransformBuffer> create_transform_buffer(const NodeT &node,
                                                                rclcpp::CallbackGroup::SharedPtr callback_group = nullptr) {
  return nullptr;
}
template <typename NodeT>
inline TransformBroadcaster::SharedPtr create_transform_broadcaster(const NodeT &node) {
  return nullptr;
}
template <typename NodeT>
inline StaticTransformBroadcaster::SharedPtr create_static_transform_broadcaster(const NodeT &node) {
  return nullptr;
}
template <typename NodeT>
inline TransformListener::SharedPtr create_transform_listener(TransformBuffer &buffer, const NodeT &node,
                                                              bool spin_thread = true) {
  return nullptr;
}
inline TransformListener::SharedPtr create_transform_listener(TransformBuffer &buffer) { return nullptr; }

// simple_action_server.hpp: an action server on the name given to the constructor; the
// execute callback runs each accepted goal.
template <typename ActionT> class SimpleActionServer {
public:
  using SharedPtr = std::shared_ptr<nav2::SimpleActionServer<ActionT>>;
  using UniquePtr = std::unique_ptr<nav2::SimpleActionServer<ActionT>>;
  typedef std::function<void()> ExecuteCallback;
  typedef std::function<bool(std::shared_ptr<const typename ActionT::Goal>)> GoalReceivedCallback;
  typedef std::function<void()> CompletionCallback;

  template <typename NodeT>
  explicit SimpleActionServer(NodeT node, const std::string &action_name, ExecuteCallback execute_callback,
                              GoalReceivedCallback goal_received_callback = nullptr,
                              CompletionCallback completion_callback = nullptr,
                              std::chrono::milliseconds server_timeout = std::chrono::milliseconds(500),
                              bool spin_thread = false, const bool realtime = false) {}
  explicit SimpleActionServer(rclcpp::node_interfaces::NodeBaseInterface::SharedPtr node_base_interface,
                              rclcpp::node_interfaces::NodeClockInterface::SharedPtr node_clock_interface,
                              rclcpp::node_interfaces::NodeLoggingInterface::SharedPtr node_logging_interface,
                              rclcpp::node_interfaces::NodeWaitablesInterface::SharedPtr node_waitables_interface,
                              rclcpp::node_interfaces::NodeParametersInterface::SharedPtr node_parameters_interface,
                              const std::string &action_name, ExecuteCallback execute_callback,
                              GoalReceivedCallback goal_received_callback = nullptr,
                              CompletionCallback completion_callback = nullptr,
                              std::chrono::milliseconds server_timeout = std::chrono::milliseconds(500),
                              bool spin_thread = false, const bool realtime = false) {}

  // The forms before "Add goal received" (#6279, b356ac1f8): no goal_received_callback, the
  // completion callback third (opennav_following's create_action_server(name, cb, nullptr,
  // 500ms, true) is one). Their completion callback and timeout have no default here, so that a
  // call both forms take is the current form's.
  template <typename NodeT>
  explicit SimpleActionServer(NodeT node, const std::string &action_name, ExecuteCallback execute_callback,
                              CompletionCallback completion_callback, std::chrono::milliseconds server_timeout,
                              bool spin_thread = false, const bool realtime = false) {}
  explicit SimpleActionServer(rclcpp::node_interfaces::NodeBaseInterface::SharedPtr node_base_interface,
                              rclcpp::node_interfaces::NodeClockInterface::SharedPtr node_clock_interface,
                              rclcpp::node_interfaces::NodeLoggingInterface::SharedPtr node_logging_interface,
                              rclcpp::node_interfaces::NodeWaitablesInterface::SharedPtr node_waitables_interface,
                              rclcpp::node_interfaces::NodeParametersInterface::SharedPtr node_parameters_interface,
                              const std::string &action_name, ExecuteCallback execute_callback,
                              CompletionCallback completion_callback, std::chrono::milliseconds server_timeout,
                              bool spin_thread = false, const bool realtime = false) {}

  rclcpp_action::GoalResponse handle_goal(const rclcpp_action::GoalUUID &, std::shared_ptr<const typename ActionT::Goal>) {
    return rclcpp_action::GoalResponse::ACCEPT_AND_EXECUTE;
  }
  rclcpp_action::CancelResponse handle_cancel(const std::shared_ptr<rclcpp_action::ServerGoalHandle<ActionT>> handle) {
    return rclcpp_action::CancelResponse::ACCEPT;
  }
  void setSoftRealTimePriority() {}
  void handle_accepted(const std::shared_ptr<rclcpp_action::ServerGoalHandle<ActionT>> handle) {}
  void work() {}
  void activate() {}
  void deactivate() {}
  bool is_running() { return false; }
  bool is_server_active() { return true; }
  bool is_preempt_requested() const { return false; }
  const std::shared_ptr<const typename ActionT::Goal> accept_pending_goal() { return nullptr; }
  void terminate_pending_goal() {}
  const std::shared_ptr<const typename ActionT::Goal> get_current_goal() const { return nullptr; }
  const rclcpp_action::GoalUUID get_current_goal_id() const { return {}; }
  const std::shared_ptr<const typename ActionT::Goal> get_pending_goal() const { return nullptr; }
  bool is_cancel_requested() const { return false; }
  void terminate_all(typename std::shared_ptr<typename ActionT::Result> result =
                         std::make_shared<typename ActionT::Result>()) {}
  void terminate_current(typename std::shared_ptr<typename ActionT::Result> result =
                             std::make_shared<typename ActionT::Result>()) {}
  void succeeded_current(typename std::shared_ptr<typename ActionT::Result> result =
                             std::make_shared<typename ActionT::Result>()) {}
  void publish_feedback(typename std::shared_ptr<typename ActionT::Feedback> feedback) {}
};

// service_client.hpp: a client of the service named by the constructor; invoke and
// async_call send a request.
template <typename ServiceT> class ServiceClient {
public:
  using SharedPtr = std::shared_ptr<nav2::ServiceClient<ServiceT>>;
  using UniquePtr = std::unique_ptr<nav2::ServiceClient<ServiceT>>;
  using RequestType = typename ServiceT::Request;
  using ResponseType = typename ServiceT::Response;
  template <typename NodeT>
  explicit ServiceClient(const std::string &service_name, const NodeT &provided_node,
                         bool use_internal_executor = false) {}
  typename ResponseType::SharedPtr invoke(typename RequestType::SharedPtr &request,
                                          const std::chrono::nanoseconds timeout = std::chrono::nanoseconds(-1),
                                          const std::chrono::nanoseconds wait_for_service_timeout = std::chrono::seconds(10)) {
    return nullptr;
  }
  bool invoke(typename RequestType::SharedPtr &request, typename ResponseType::SharedPtr &response,
              const std::chrono::nanoseconds wait_for_service_timeout = std::chrono::seconds(10)) {
    return true;
  }
  std::shared_future<typename ResponseType::SharedPtr> async_call(typename RequestType::SharedPtr &request) { return {}; }
  template <typename CallbackT> void async_call(typename RequestType::SharedPtr request, CallbackT &&callback) {}
  bool wait_for_service(const std::chrono::nanoseconds timeout = std::chrono::nanoseconds::max()) { return true; }
  template <typename FutureT>
  rclcpp::FutureReturnCode spin_until_complete(const FutureT &future,
                                               const std::chrono::nanoseconds timeout = std::chrono::nanoseconds(-1)) {
    return rclcpp::FutureReturnCode::SUCCESS;
  }
  std::string getServiceName() { return {}; }
  void stop() {}
};

// service_server.hpp: a server of the service named by the constructor (the name comes
// first, then the node).
template <class ServiceT> class ServiceServer {
public:
  using RequestType = typename ServiceT::Request;
  using ResponseType = typename ServiceT::Response;
  using CallbackType = std::function<void(const std::shared_ptr<rmw_request_id_t>, const std::shared_ptr<RequestType>,
                                          std::shared_ptr<ResponseType>)>;
  using SharedPtr = std::shared_ptr<ServiceServer<ServiceT>>;
  using UniquePtr = std::unique_ptr<ServiceServer<ServiceT>>;
  template <typename NodeT>
  explicit ServiceServer(const std::string &service_name, const NodeT &node, CallbackType callback,
                         rclcpp::CallbackGroup::SharedPtr callback_group = nullptr) {}
};

// interface_factories.hpp: the free functions nav2::LifecycleNode's create_* forward to, for
// any node type (the node first, then the name).
namespace interfaces {
inline rclcpp::SubscriptionOptions createSubscriptionOptions(const std::string &topic_name,
                                                             const bool allow_parameter_qos_overrides = true,
                                                             const rclcpp::CallbackGroup::SharedPtr callback_group_ptr = nullptr) {
  return {};
}
inline rclcpp::PublisherOptions createPublisherOptions(const std::string &topic_name,
                                                       const bool allow_parameter_qos_overrides = true,
                                                       const rclcpp::CallbackGroup::SharedPtr callback_group_ptr = nullptr) {
  return {};
}
template <typename MessageT, typename NodeT, typename CallbackT>
typename nav2::Subscription<MessageT>::SharedPtr
create_subscription(const NodeT &node, const std::string &topic_name, CallbackT &&callback,
                    const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS(),
                    const rclcpp::CallbackGroup::SharedPtr &callback_group = nullptr) {
  return nullptr;
}
template <typename MessageT, typename NodeT>
typename nav2::Publisher<MessageT>::SharedPtr create_publisher(const NodeT &node, const std::string &topic_name,
                                                               const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS(),
                                                               const rclcpp::CallbackGroup::SharedPtr &callback_group = nullptr) {
  return nullptr;
}
template <typename SrvT, typename NodeT>
typename nav2::ServiceClient<SrvT>::SharedPtr create_client(const NodeT &node, const std::string &service_name,
                                                            bool use_internal_executor = false) {
  return nullptr;
}
template <typename SrvT, typename NodeT, typename CallbackT>
typename nav2::ServiceServer<SrvT>::SharedPtr create_service(const NodeT &node, const std::string &service_name,
                                                            CallbackT &&callback,
                                                            rclcpp::CallbackGroup::SharedPtr callback_group = nullptr) {
  return nullptr;
}
template <typename ActionT, typename NodeT>
typename nav2::SimpleActionServer<ActionT>::SharedPtr
create_action_server(const NodeT &node, const std::string &action_name,
                     typename nav2::SimpleActionServer<ActionT>::ExecuteCallback execute_callback,
                     typename nav2::SimpleActionServer<ActionT>::GoalReceivedCallback goal_received_callback = nullptr,
                     typename nav2::SimpleActionServer<ActionT>::CompletionCallback complete_cb = nullptr,
                     std::chrono::milliseconds server_timeout = std::chrono::milliseconds(500), bool spin_thread = false,
                     const bool realtime = false) {
  return nullptr;
}
// Before #6279 (see SimpleActionServer).
template <typename ActionT, typename NodeT>
typename nav2::SimpleActionServer<ActionT>::SharedPtr
create_action_server(const NodeT &node, const std::string &action_name,
                     typename nav2::SimpleActionServer<ActionT>::ExecuteCallback execute_callback,
                     typename nav2::SimpleActionServer<ActionT>::CompletionCallback complete_cb,
                     std::chrono::milliseconds server_timeout, bool spin_thread = false, const bool realtime = false) {
  return nullptr;
}
template <typename ActionT, typename NodeT>
typename nav2::ActionClient<ActionT>::SharedPtr create_action_client(const NodeT &node, const std::string &action_name,
                                                                     rclcpp::CallbackGroup::SharedPtr callback_group = nullptr) {
  return nullptr;
}
} // namespace interfaces

template <typename NodeT, typename DurationRepT, typename DurationT, typename CallbackT>
rclcpp::TimerBase::SharedPtr create_timer(NodeT node, std::chrono::duration<DurationRepT, DurationT> period,
                                          CallbackT callback, rclcpp::CallbackGroup::SharedPtr group = nullptr) {
  return nullptr;
}

// lifecycle_node.hpp
using CallbackReturn = rclcpp_lifecycle::node_interfaces::LifecycleNodeInterface::CallbackReturn;
using namespace std::chrono_literals; // NOLINT

class LifecycleNode : public rclcpp_lifecycle::LifecycleNode {
public:
  using SharedPtr = std::shared_ptr<nav2::LifecycleNode>;
  using WeakPtr = std::weak_ptr<nav2::LifecycleNode>;
  using SharedConstPointer = std::shared_ptr<const nav2::LifecycleNode>;

  // The base initialisers pass the name on (eventscope names the node of a derived class from
  // the constant its constructions give); the namespace is not passed, so that a namespace the
  // derived class gives is not read as one known only at run time.
  LifecycleNode(const std::string &node_name, const std::string &ns,
                const rclcpp::NodeOptions &options = rclcpp::NodeOptions())
      : rclcpp_lifecycle::LifecycleNode(node_name, options) {}
  LifecycleNode(const std::string &node_name, const rclcpp::NodeOptions &options = rclcpp::NodeOptions())
      : rclcpp_lifecycle::LifecycleNode(node_name, options) {}
  virtual ~LifecycleNode() {}

  template <typename ParameterT>
  inline ParameterT declare_or_get_parameter(const std::string &parameter_name,
                                             const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
    return ParameterT{};
  }
  template <typename ParamType>
  inline ParamType declare_or_get_parameter(const std::string &parameter_name, const ParamType &default_value,
                                            const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
    return default_value;
  }

  template <typename MessageT, typename CallbackT>
  typename nav2::Subscription<MessageT>::SharedPtr
  create_subscription(const std::string &topic_name, CallbackT &&callback,
                      const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS(),
                      const rclcpp::CallbackGroup::SharedPtr &callback_group = nullptr) {
    return nullptr;
  }
  template <typename MessageT>
  typename nav2::Publisher<MessageT>::SharedPtr create_publisher(const std::string &topic_name,
                                                                 const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS(),
                                                                 const rclcpp::CallbackGroup::SharedPtr &callback_group = nullptr) {
    return nullptr;
  }
  template <typename ServiceT>
  typename nav2::ServiceClient<ServiceT>::SharedPtr create_client(const std::string &service_name,
                                                                  bool use_internal_executor = false) {
    return nullptr;
  }
  template <typename ServiceT>
  typename nav2::ServiceServer<ServiceT>::SharedPtr create_service(const std::string &service_name,
                                                                   typename nav2::ServiceServer<ServiceT>::CallbackType cb,
                                                                   rclcpp::CallbackGroup::SharedPtr callback_group = nullptr) {
    return nullptr;
  }
  // Real: returns rclcpp::GenericTimer<CallbackT>::SharedPtr (not in the rclcpp stand-in).
  template <typename DurationRepT, typename DurationT, typename CallbackT>
  rclcpp::TimerBase::SharedPtr create_timer(std::chrono::duration<DurationRepT, DurationT> period, CallbackT callback,
                                            rclcpp::CallbackGroup::SharedPtr group = nullptr) {
    return nullptr;
  }
  template <typename ActionT>
  typename nav2::SimpleActionServer<ActionT>::SharedPtr
  create_action_server(const std::string &action_name,
                       typename nav2::SimpleActionServer<ActionT>::ExecuteCallback execute_callback,
                       typename nav2::SimpleActionServer<ActionT>::GoalReceivedCallback goal_received_callback = nullptr,
                       typename nav2::SimpleActionServer<ActionT>::CompletionCallback compl_cb = nullptr,
                       std::chrono::milliseconds server_timeout = std::chrono::milliseconds(500),
                       bool spin_thread = false, const bool realtime = false) {
    return nullptr;
  }
  // Before #6279 (see SimpleActionServer).
  template <typename ActionT>
  typename nav2::SimpleActionServer<ActionT>::SharedPtr
  create_action_server(const std::string &action_name,
                       typename nav2::SimpleActionServer<ActionT>::ExecuteCallback execute_callback,
                       typename nav2::SimpleActionServer<ActionT>::CompletionCallback compl_cb,
                       std::chrono::milliseconds server_timeout, bool spin_thread = false, const bool realtime = false) {
    return nullptr;
  }
  template <typename ActionT>
  typename nav2::ActionClient<ActionT>::SharedPtr create_action_client(const std::string &action_name,
                                                                       rclcpp::CallbackGroup::SharedPtr callback_group = nullptr) {
    return nullptr;
  }

  nav2::LifecycleNode::SharedPtr shared_from_this() {
    return std::static_pointer_cast<nav2::LifecycleNode>(rclcpp_lifecycle::LifecycleNode::shared_from_this());
  }
  nav2::LifecycleNode::WeakPtr weak_from_this() { return shared_from_this(); }
  nav2::CallbackReturn on_error(const rclcpp_lifecycle::State &) { return nav2::CallbackReturn::SUCCESS; }
  void autostart() {}
  virtual void on_rcl_preshutdown() {}
  void createBond() {}
  void destroyBond() {}

protected:
  void printLifecycleNodeNotification() {}
  void register_rcl_preshutdown_callback() {}
  void runCleanups() {}
  double bond_heartbeat_period{0.1};
  rclcpp::TimerBase::SharedPtr autostart_timer_;
};

} // namespace nav2

#endif // the real nav2_ros_common headers
