// eventscope's stand-in for Nav2's nav2_util (lifecycle_node.hpp, node_utils.hpp,
// node_thread.hpp, simple_action_server.hpp, service_client.hpp, twist_publisher.hpp,
// twist_subscriber.hpp, odometry_utils.hpp, robot_utils.hpp, geometry_utils.hpp), served for any
// nav2_util/ header when the real one is not on the include path.
//
// Two generations of Nav2 meet here. Up to Kilted (ros-navigation/navigation2, branch jazzy at
// f4108e5b), nav2_util held the node (nav2_util::LifecycleNode), node_utils, node_thread and
// SimpleActionServer; Rolling moved them to nav2_ros_common (namespace nav2, see that stand-in)
// and changed some signatures (main at a3a97043): TwistPublisher's QoS got a default,
// TwistSubscriber's QoS moved after the callbacks, OdomSmoother and the costmap subscribers take
// any node. Code written for either keeps its calls here: where the two differ, both forms are
// declared, each with its own node type (nav2_util::LifecycleNode::SharedPtr is rclcpp_lifecycle's
// SharedPtr, as nav2_util::LifecycleNode declares none of its own; nav2::LifecycleNode::SharedPtr
// is a pointer to nav2::LifecycleNode). Bodies are empty.
//
// Each section stands for one real header and is guarded by that header's own include guard,
// which it defines: a real header included before it wins, one included after it is skipped.
#pragma once

// What the real headers include, which code often relies on.
#include <chrono>
#include <cmath>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>
#include <rclcpp_lifecycle/lifecycle_node.hpp>
#include <tf2_ros/buffer.h>

#include <geometry_msgs/msg/point.hpp>
#include <geometry_msgs/msg/pose.hpp>
#include <geometry_msgs/msg/pose2_d.hpp>
#include <geometry_msgs/msg/pose_stamped.hpp>
#include <geometry_msgs/msg/quaternion.hpp>
#include <geometry_msgs/msg/transform_stamped.hpp>
#include <geometry_msgs/msg/twist.hpp>
#include <geometry_msgs/msg/twist_stamped.hpp>
#include <nav_msgs/msg/odometry.hpp>
#include <nav_msgs/msg/path.hpp>
#include <rcl_interfaces/msg/parameter_descriptor.hpp>

// Rolling's nav2_util headers include these (nav2::qos::StandardTopicQoS is the default QoS of
// TwistPublisher and TwistSubscriber there).
#include <nav2_ros_common/lifecycle_node.hpp>
#include <nav2_ros_common/qos_profiles.hpp>

// lifecycle_node.hpp (jazzy, nav2_util/include/nav2_util/lifecycle_node.hpp:32-216)
#ifndef NAV2_UTIL__LIFECYCLE_NODE_HPP_
#define NAV2_UTIL__LIFECYCLE_NODE_HPP_
namespace nav2_util {
using CallbackReturn = rclcpp_lifecycle::node_interfaces::LifecycleNodeInterface::CallbackReturn;

class LifecycleNode : public rclcpp_lifecycle::LifecycleNode {
public:
  // The base initialiser passes the name on (eventscope names the node of a derived class from
  // the constant its constructions give); the namespace is not passed, so that a namespace the
  // derived class gives is not read as one known only at run time.
  LifecycleNode(const std::string &node_name, const std::string &ns = "",
                const rclcpp::NodeOptions &options = rclcpp::NodeOptions())
      : rclcpp_lifecycle::LifecycleNode(node_name, options) {}
  virtual ~LifecycleNode() {}

  typedef struct {
    double from_value;
    double to_value;
    double step;
  } floating_point_range;
  typedef struct {
    int from_value;
    int to_value;
    int step;
  } integer_range;

  // add_parameter(name, default, ...): declares a parameter (a setting in the nav2 profile).
  void add_parameter(const std::string &name, const rclcpp::ParameterValue &default_value,
                     const std::string &description = "", const std::string &additional_constraints = "",
                     bool read_only = false) {}
  void add_parameter(const std::string &name, const rclcpp::ParameterValue &default_value,
                     const floating_point_range fp_range, const std::string &description = "",
                     const std::string &additional_constraints = "", bool read_only = false) {}
  void add_parameter(const std::string &name, const rclcpp::ParameterValue &default_value,
                     const integer_range int_range, const std::string &description = "",
                     const std::string &additional_constraints = "", bool read_only = false) {}

  std::shared_ptr<nav2_util::LifecycleNode> shared_from_this() {
    return std::static_pointer_cast<nav2_util::LifecycleNode>(rclcpp_lifecycle::LifecycleNode::shared_from_this());
  }
  nav2_util::CallbackReturn on_error(const rclcpp_lifecycle::State &) { return nav2_util::CallbackReturn::SUCCESS; }
  void autostart() {}
  virtual void on_rcl_preshutdown() {}
  void createBond() {}
  void destroyBond() {}

protected:
  void printLifecycleNodeNotification() {}
  void register_rcl_preshutdown_callback() {}
  void runCleanups() {}
  double bond_heartbeat_period = 0.1;
  rclcpp::TimerBase::SharedPtr autostart_timer_;
};
} // namespace nav2_util
#endif // NAV2_UTIL__LIFECYCLE_NODE_HPP_

// node_utils.hpp (jazzy, nav2_util/include/nav2_util/node_utils.hpp:37-276)
#ifndef NAV2_UTIL__NODE_UTILS_HPP_
#define NAV2_UTIL__NODE_UTILS_HPP_
namespace nav2_util {
std::string sanitize_node_name(const std::string &potential_node_name);
std::string add_namespaces(const std::string &top_ns, const std::string &sub_ns = "");
std::string generate_internal_node_name(const std::string &prefix = "");
rclcpp::Node::SharedPtr generate_internal_node(const std::string &prefix = "");
std::string time_to_string(size_t len);
using ParameterDescriptor = rcl_interfaces::msg::ParameterDescriptor;
// declare_parameter_if_not_declared(node, name, default): a parameter setting (nav2 profile).
template <typename NodeT>
void declare_parameter_if_not_declared(NodeT node, const std::string &parameter_name,
                                       const rclcpp::ParameterValue &default_value,
                                       const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {}
template <typename NodeT>
void declare_parameter_if_not_declared(NodeT node, const std::string &parameter_name,
                                       const rclcpp::ParameterType &param_type,
                                       const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {}
template <typename ParameterT, typename NodeT>
ParameterT declare_or_get_parameter(NodeT node, const std::string &parameter_name,
                                    const rclcpp::ParameterType &param_type,
                                    const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
  return ParameterT{};
}
using NodeParamInterfacePtr = rclcpp::node_interfaces::NodeParametersInterface::SharedPtr;
template <typename ParamType>
ParamType declare_or_get_parameter(const rclcpp::Logger &logger, NodeParamInterfacePtr param_interface,
                                   const std::string &parameter_name, const ParamType &default_value,
                                   bool warn_if_no_override = false, bool strict_param_loading = false,
                                   const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
  return default_value;
}
template <typename ParamType, typename NodeT>
ParamType declare_or_get_parameter(NodeT node, const std::string &parameter_name, const ParamType &default_value,
                                   const ParameterDescriptor &parameter_descriptor = ParameterDescriptor()) {
  return default_value;
}
template <typename NodeT> std::string get_plugin_type_param(NodeT node, const std::string &plugin_name) { return {}; }
void setSoftRealTimePriority();
} // namespace nav2_util
#endif // NAV2_UTIL__NODE_UTILS_HPP_

// node_thread.hpp (jazzy, nav2_util/include/nav2_util/node_thread.hpp:28-63)
#ifndef NAV2_UTIL__NODE_THREAD_HPP_
#define NAV2_UTIL__NODE_THREAD_HPP_
namespace nav2_util {
class NodeThread {
public:
  explicit NodeThread(rclcpp::node_interfaces::NodeBaseInterface::SharedPtr node_base) {}
  // Real: rclcpp::executors::SingleThreadedExecutor::SharedPtr (no such alias in the rclcpp stand-in).
  explicit NodeThread(std::shared_ptr<rclcpp::executors::SingleThreadedExecutor> executor) {}
  template <typename NodeT> explicit NodeThread(NodeT node) {}
  ~NodeThread() {}
};
} // namespace nav2_util
#endif // NAV2_UTIL__NODE_THREAD_HPP_

// simple_action_server.hpp (jazzy, nav2_util/include/nav2_util/simple_action_server.hpp:37-138):
// an action server on the name given to the constructor; the execute callback runs each
// accepted goal. Rolling's is nav2::SimpleActionServer (nav2_ros_common).
#ifndef NAV2_UTIL__SIMPLE_ACTION_SERVER_HPP_
#define NAV2_UTIL__SIMPLE_ACTION_SERVER_HPP_
namespace nav2_util {
template <typename ActionT> class SimpleActionServer {
public:
  typedef std::function<void()> ExecuteCallback;
  typedef std::function<void()> CompletionCallback;

  template <typename NodeT>
  explicit SimpleActionServer(NodeT node, const std::string &action_name, ExecuteCallback execute_callback,
                              CompletionCallback completion_callback = nullptr,
                              std::chrono::milliseconds server_timeout = std::chrono::milliseconds(500),
                              bool spin_thread = false,
                              const rcl_action_server_options_t &options = rcl_action_server_get_default_options(),
                              const bool realtime = false) {}
  explicit SimpleActionServer(rclcpp::node_interfaces::NodeBaseInterface::SharedPtr node_base_interface,
                              rclcpp::node_interfaces::NodeClockInterface::SharedPtr node_clock_interface,
                              rclcpp::node_interfaces::NodeLoggingInterface::SharedPtr node_logging_interface,
                              rclcpp::node_interfaces::NodeWaitablesInterface::SharedPtr node_waitables_interface,
                              const std::string &action_name, ExecuteCallback execute_callback,
                              CompletionCallback completion_callback = nullptr,
                              std::chrono::milliseconds server_timeout = std::chrono::milliseconds(500),
                              bool spin_thread = false,
                              const rcl_action_server_options_t &options = rcl_action_server_get_default_options(),
                              const bool realtime = false) {}

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
} // namespace nav2_util
#endif // NAV2_UTIL__SIMPLE_ACTION_SERVER_HPP_

// service_client.hpp (jazzy, nav2_util/include/nav2_util/service_client.hpp:29-160): a client of
// the service named by the constructor (the name first, then the node); invoke sends a request.
#ifndef NAV2_UTIL__SERVICE_CLIENT_HPP_
#define NAV2_UTIL__SERVICE_CLIENT_HPP_
namespace nav2_util {
template <class ServiceT, typename NodeT = rclcpp::Node::SharedPtr> class ServiceClient {
public:
  using RequestType = typename ServiceT::Request;
  using ResponseType = typename ServiceT::Response;
  explicit ServiceClient(const std::string &service_name, const NodeT &provided_node) {}
  typename ResponseType::SharedPtr invoke(typename RequestType::SharedPtr &request,
                                          const std::chrono::nanoseconds timeout = std::chrono::nanoseconds(-1)) {
    return nullptr;
  }
  bool invoke(typename RequestType::SharedPtr &request, typename ResponseType::SharedPtr &response) { return true; }
  bool wait_for_service(const std::chrono::nanoseconds timeout = std::chrono::nanoseconds::max()) { return true; }
  std::string getServiceName() { return {}; }
};
} // namespace nav2_util
#endif // NAV2_UTIL__SERVICE_CLIENT_HPP_

// twist_publisher.hpp: a publisher of the topic given to the constructor (Twist or
// TwistStamped by the node's parameter enable_stamped_cmd_vel); publish() sends on it.
// jazzy (twist_publisher.hpp:55-58): (nav2_util::LifecycleNode::SharedPtr node, topic, qos);
// main (twist_publisher.hpp:55-58): (nav2::LifecycleNode::SharedPtr node, topic,
// qos = nav2::qos::StandardTopicQoS()). One constructor serves both: the node parameter is
// nav2_util::LifecycleNode::SharedPtr (rclcpp_lifecycle's), which nav2::LifecycleNode's converts to.
#ifndef NAV2_UTIL__TWIST_PUBLISHER_HPP_
#define NAV2_UTIL__TWIST_PUBLISHER_HPP_
namespace nav2_util {
class TwistPublisher {
public:
  explicit TwistPublisher(std::shared_ptr<rclcpp_lifecycle::LifecycleNode> node, const std::string &topic,
                          const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS())
      : topic_(topic) {}
  void on_activate() {}
  void on_deactivate() {}
  [[nodiscard]] bool is_activated() const { return true; }
  void publish(std::unique_ptr<geometry_msgs::msg::TwistStamped> velocity) {}
  [[nodiscard]] size_t get_subscription_count() const { return 0; }

protected:
  std::string topic_;
  bool is_stamped_ = false;
};
} // namespace nav2_util
#endif // NAV2_UTIL__TWIST_PUBLISHER_HPP_

// twist_subscriber.hpp: a subscription of the topic given to the constructor, handled by the
// callbacks given to it (Twist, TwistStamped).
// jazzy (twist_subscriber.hpp:82-91, 118-124): (node, topic, qos, TwistCallback, TwistStampedCallback)
//   and (node, topic, qos, TwistStampedCallback), node a nav2_util::LifecycleNode::SharedPtr;
// main (twist_subscriber.hpp:82-91, 115-121): (node, topic, TwistCallback, TwistStampedCallback,
//   qos = StandardTopicQoS()) and (node, topic, TwistStampedCallback, qos = ...), node a
//   nav2::LifecycleNode::SharedPtr.
#ifndef NAV2_UTIL__TWIST_SUBSCRIBER_HPP_
#define NAV2_UTIL__TWIST_SUBSCRIBER_HPP_
namespace nav2_util {
class TwistSubscriber {
public:
  template <typename TwistCallbackT, typename TwistStampedCallbackT>
  explicit TwistSubscriber(std::shared_ptr<rclcpp_lifecycle::LifecycleNode> node, const std::string &topic,
                           const rclcpp::QoS &qos, TwistCallbackT &&TwistCallback,
                           TwistStampedCallbackT &&TwistStampedCallback) {}
  template <typename TwistStampedCallbackT>
  explicit TwistSubscriber(std::shared_ptr<rclcpp_lifecycle::LifecycleNode> node, const std::string &topic,
                           const rclcpp::QoS &qos, TwistStampedCallbackT &&TwistStampedCallback) {}
  template <typename TwistCallbackT, typename TwistStampedCallbackT>
  explicit TwistSubscriber(nav2::LifecycleNode::SharedPtr node, const std::string &topic, TwistCallbackT &&TwistCallback,
                           TwistStampedCallbackT &&TwistStampedCallback,
                           const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS()) {}
  template <typename TwistStampedCallbackT>
  explicit TwistSubscriber(nav2::LifecycleNode::SharedPtr node, const std::string &topic,
                           TwistStampedCallbackT &&TwistStampedCallback,
                           const rclcpp::QoS &qos = nav2::qos::StandardTopicQoS()) {}

protected:
  bool is_stamped_{false};
};
} // namespace nav2_util
#endif // NAV2_UTIL__TWIST_SUBSCRIBER_HPP_

// odometry_utils.hpp: subscribes to odom_topic (default "odom") and keeps a smoothed twist.
// main (odometry_utils.hpp:51-55): template <NodeT> (const NodeT & parent, double filter_duration =
// 0.3, const std::string & odom_topic = "odom"); jazzy (odometry_utils.hpp:50-65) has the same
// parameters with parent a rclcpp::Node::WeakPtr or a nav2_util::LifecycleNode::WeakPtr, which
// the template takes too.
#ifndef NAV2_UTIL__ODOMETRY_UTILS_HPP_
#define NAV2_UTIL__ODOMETRY_UTILS_HPP_
namespace nav2_util {
class OdomSmoother {
public:
  template <typename NodeT>
  explicit OdomSmoother(const NodeT &parent, double filter_duration = 0.3, const std::string &odom_topic = "odom") {}
  inline geometry_msgs::msg::Twist getTwist() { return {}; }
  inline geometry_msgs::msg::TwistStamped getTwistStamped() { return {}; }
  inline geometry_msgs::msg::Twist getRawTwist() { return {}; }
  inline geometry_msgs::msg::TwistStamped getRawTwistStamped() { return {}; }

protected:
  void odomCallback(const nav_msgs::msg::Odometry::ConstSharedPtr &msg) {}
  void updateState() {}
};
} // namespace nav2_util
#endif // NAV2_UTIL__ODOMETRY_UTILS_HPP_

// robot_utils.hpp (jazzy and main, robot_utils.hpp:44-149; main spells the buffer
// nav2::TransformBuffer, an alias of tf2_ros::Buffer).
#ifndef NAV2_UTIL__ROBOT_UTILS_HPP_
#define NAV2_UTIL__ROBOT_UTILS_HPP_
namespace nav2_util {
bool getCurrentPose(geometry_msgs::msg::PoseStamped &global_pose, tf2_ros::Buffer &tf_buffer,
                    const std::string global_frame = "map", const std::string robot_frame = "base_link",
                    const double transform_timeout = 0.1, const rclcpp::Time stamp = rclcpp::Time());
bool transformPoseInTargetFrame(const geometry_msgs::msg::PoseStamped &input_pose,
                                geometry_msgs::msg::PoseStamped &transformed_pose, tf2_ros::Buffer &tf_buffer,
                                const std::string target_frame, const double transform_timeout = 0.1);
bool getTransform(const std::string &source_frame_id, const std::string &target_frame_id,
                  const tf2::Duration &transform_tolerance, const std::shared_ptr<tf2_ros::Buffer> tf_buffer,
                  tf2::Transform &tf2_transform);
bool getTransform(const std::string &source_frame_id, const rclcpp::Time &source_time,
                  const std::string &target_frame_id, const rclcpp::Time &target_time,
                  const std::string &fixed_frame_id, const tf2::Duration &transform_tolerance,
                  const std::shared_ptr<tf2_ros::Buffer> tf_buffer, tf2::Transform &tf2_transform);
bool getTransform(const std::string &source_frame_id, const std::string &target_frame_id,
                  const tf2::Duration &transform_tolerance, const std::shared_ptr<tf2_ros::Buffer> tf_buffer,
                  geometry_msgs::msg::TransformStamped &transform_msg);
bool getTransform(const std::string &source_frame_id, const rclcpp::Time &source_time,
                  const std::string &target_frame_id, const rclcpp::Time &target_time,
                  const std::string &fixed_frame_id, const tf2::Duration &transform_tolerance,
                  const std::shared_ptr<tf2_ros::Buffer> tf_buffer, geometry_msgs::msg::TransformStamped &transform_msg);
[[nodiscard]] bool validateTwist(const geometry_msgs::msg::Twist &msg);
[[nodiscard]] bool validateTwist(const geometry_msgs::msg::TwistStamped &msg); // jazzy only
} // namespace nav2_util
#endif // NAV2_UTIL__ROBOT_UTILS_HPP_

// geometry_utils.hpp (jazzy and main; the Pose2D overload is jazzy's only, the rest both).
#ifndef NAV2_UTIL__GEOMETRY_UTILS_HPP_
#define NAV2_UTIL__GEOMETRY_UTILS_HPP_
namespace nav2_util {
namespace geometry_utils {
inline geometry_msgs::msg::Quaternion orientationAroundZAxis(double angle) { return {}; }
inline double euclidean_distance(const geometry_msgs::msg::Point &pos1, const geometry_msgs::msg::Point &pos2,
                                 const bool is_3d = false) {
  return 0.0;
}
inline double euclidean_distance(const geometry_msgs::msg::Pose &pos1, const geometry_msgs::msg::Pose &pos2,
                                 const bool is_3d = false) {
  return 0.0;
}
inline double euclidean_distance(const geometry_msgs::msg::PoseStamped &pos1,
                                 const geometry_msgs::msg::PoseStamped &pos2, const bool is_3d = false) {
  return 0.0;
}
inline double euclidean_distance(const geometry_msgs::msg::Pose2D &pos1, const geometry_msgs::msg::Pose2D &pos2) {
  return 0.0;
}
template <typename Iter, typename Getter> inline Iter min_by(Iter begin, Iter end, Getter getCompareVal) { return begin; }
template <typename Iter, typename Getter>
inline Iter first_after_integrated_distance(Iter begin, Iter end, Getter getCompareVal) {
  return end;
}
inline double calculate_path_length(const nav_msgs::msg::Path &path, size_t start_index = 0) { return 0.0; }
template <class PointT>
inline bool isPointInsidePolygon(const double px, const double py, const std::vector<PointT> &polygon) {
  return false;
}
inline double distance_to_path_segment(const geometry_msgs::msg::Point &point, const geometry_msgs::msg::Pose &start,
                                       const geometry_msgs::msg::Pose &end) {
  return 0.0;
}
inline double cross_product_2d(const geometry_msgs::msg::Point &point, const geometry_msgs::msg::Pose &start,
                               const geometry_msgs::msg::Pose &end) {
  return 0.0;
}
} // namespace geometry_utils
} // namespace nav2_util
#endif // NAV2_UTIL__GEOMETRY_UTILS_HPP_
