// eventscope's stand-in for Nav2's nav2_behavior_tree (bt_action_node.hpp,
// bt_cancel_action_node.hpp, bt_service_node.hpp, bt_action_server.hpp, behavior_tree_engine.hpp,
// bt_utils.hpp, utils/test_action_server.hpp, utils/test_service.hpp), served for any nav2_behavior_tree/ header when the
// real one is not on the include path. A BT node class is an action client (BtActionNode,
// BtCancelActionNode: the action named by the constructor's action_name) or a service client
// (BtServiceNode: service_name) that the tree ticks; BtActionServer is the action server of a
// navigator; TestActionServer (utils/test_action_server.hpp, installed since Kilted) is a node
// serving one action, for tests.
//
// The namespaces, class names, template parameters and constructor signatures are
// ros-navigation/navigation2's (main at a3a97043; Jazzy's, branch jazzy at f4108e5b, are the
// same for the constructors). Where the two differ in what derived classes see, Rolling's is
// declared: node_ is a nav2::LifecycleNode::SharedPtr (Jazzy: rclcpp::Node::SharedPtr),
// BtServiceNode's client a nav2::ServiceClient (Jazzy: rclcpp::Client). Bodies are empty.
//
// The BT nodes derive from BehaviorTree.CPP (behaviortree_cpp, or behaviortree_cpp_v3 on Humble),
// which has no Debian package either: when neither is on the include path, its stand-in
// (behaviortree_cpp.hpp) declares what nav2's nodes and their users need.
//
// Each section stands for one real header and is guarded by that header's own include guard,
// which it defines: a real header included before it wins, one included after it is skipped.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>
#include <rclcpp_lifecycle/lifecycle_node.hpp>

#include <nav2_ros_common/lifecycle_node.hpp>

// BehaviorTree.CPP: the real one when it is on the include path, else eventscope's stand-in
// (behaviortree_cpp.hpp), served for both packages' headers. (A real behaviortree_cpp_v3
// included after this, with no real behaviortree_cpp, would meet the stand-in's BT::
// declarations: not seen in practice, where Nav2's real headers come with BT's.)
#include <behaviortree_cpp/action_node.h>
#include <behaviortree_cpp/bt_factory.h>

// bt_utils.hpp (main, bt_utils.hpp:385-409): the macro BT nodes read their timeouts with.
#ifndef NAV2_BEHAVIOR_TREE__BT_UTILS_HPP_
#define NAV2_BEHAVIOR_TREE__BT_UTILS_HPP_
namespace BT {
template <typename T>
bool getInputPortOrBlackboard(const BT::TreeNode &bt_node, const BT::Blackboard &blackboard,
                              const std::string &param_name, T &value) {
  return true;
}
#define getInputOrBlackboard(name, value) getInputPortOrBlackboard(*this, *(this->config().blackboard), name, value);
} // namespace BT
#endif // NAV2_BEHAVIOR_TREE__BT_UTILS_HPP_

// bt_action_node.hpp (main, bt_action_node.hpp:41-55; jazzy :39-51): an action client of
// action_name (the BT port server_name, when the tree gives one, replaces it).
#ifndef NAV2_BEHAVIOR_TREE__BT_ACTION_NODE_HPP_
#define NAV2_BEHAVIOR_TREE__BT_ACTION_NODE_HPP_
namespace nav2_behavior_tree {
using namespace std::chrono_literals; // NOLINT

template <class ActionT> class BtActionNode : public BT::ActionNodeBase {
public:
  using ActionResult = typename ActionT::Result;

  BtActionNode(const std::string &xml_tag_name, const std::string &action_name, const BT::NodeConfiguration &conf)
      : BT::ActionNodeBase(xml_tag_name, conf) {}
  BtActionNode() = delete;
  virtual ~BtActionNode() {}

  void createActionClient(const std::string &action_name) {}
  static BT::PortsList providedBasicPorts(BT::PortsList addition) { return addition; }
  static BT::PortsList providedPorts() { return providedBasicPorts({}); }

  virtual void on_tick() {}
  virtual void on_wait_for_result(std::shared_ptr<const typename ActionT::Feedback> /*feedback*/) {}
  virtual BT::NodeStatus on_success() { return BT::NodeStatus::SUCCESS; }
  virtual BT::NodeStatus on_aborted() { return BT::NodeStatus::FAILURE; }
  virtual BT::NodeStatus on_cancelled() { return BT::NodeStatus::SUCCESS; }
  virtual void on_timeout() {}          // main only
  virtual void on_goal_rejected() {}    // main only
  virtual void on_send_goal_failure() {} // main only

  BT::NodeStatus tick() override { return BT::NodeStatus::SUCCESS; }
  void halt() override {}

protected:
  bool should_cancel_goal() { return false; }
  void send_new_goal() {}
  bool is_future_goal_handle_complete(std::chrono::milliseconds &elapsed) { return true; }
  void increment_recovery_count() {}

  std::string action_name_;
  typename nav2::ActionClient<ActionT>::SharedPtr action_client_;
  typename ActionT::Goal goal_;
  bool goal_updated_{false};
  bool goal_result_available_{false};
  typename rclcpp_action::ClientGoalHandle<ActionT>::SharedPtr goal_handle_;
  typename rclcpp_action::ClientGoalHandle<ActionT>::WrappedResult result_;
  std::shared_ptr<const typename ActionT::Feedback> feedback_;
  nav2::LifecycleNode::SharedPtr node_;
  rclcpp::CallbackGroup::SharedPtr callback_group_;
  rclcpp::executors::SingleThreadedExecutor callback_group_executor_;
  std::chrono::milliseconds server_timeout_;
  std::chrono::milliseconds cancel_timeout_;
  std::chrono::milliseconds max_timeout_;
  std::chrono::milliseconds wait_for_service_timeout_;
  rclcpp::Time time_goal_sent_;
  bool should_send_goal_;
};
} // namespace nav2_behavior_tree
#endif // NAV2_BEHAVIOR_TREE__BT_ACTION_NODE_HPP_

// bt_cancel_action_node.hpp (main and jazzy, bt_cancel_action_node.hpp:37-49): a client of action_name
// that cancels its goals.
#ifndef NAV2_BEHAVIOR_TREE__BT_CANCEL_ACTION_NODE_HPP_
#define NAV2_BEHAVIOR_TREE__BT_CANCEL_ACTION_NODE_HPP_
namespace nav2_behavior_tree {
template <class ActionT> class BtCancelActionNode : public BT::ActionNodeBase {
public:
  BtCancelActionNode(const std::string &xml_tag_name, const std::string &action_name, const BT::NodeConfiguration &conf)
      : BT::ActionNodeBase(xml_tag_name, conf) {}
  BtCancelActionNode() = delete;
  virtual ~BtCancelActionNode() {}
  void createActionClient(const std::string &action_name) {}
  static BT::PortsList providedBasicPorts(BT::PortsList addition) { return addition; }
  void halt() override {}
  static BT::PortsList providedPorts() { return providedBasicPorts({}); }
  BT::NodeStatus tick() override { return BT::NodeStatus::SUCCESS; }

protected:
  std::string action_name_;
  typename nav2::ActionClient<ActionT>::SharedPtr action_client_;
  nav2::LifecycleNode::SharedPtr node_;
  rclcpp::CallbackGroup::SharedPtr callback_group_;
  rclcpp::executors::SingleThreadedExecutor callback_group_executor_;
  std::chrono::milliseconds server_timeout_;
  std::chrono::milliseconds wait_for_service_timeout_;
};
} // namespace nav2_behavior_tree
#endif // NAV2_BEHAVIOR_TREE__BT_CANCEL_ACTION_NODE_HPP_

// bt_service_node.hpp (main, bt_service_node.hpp:41-53; jazzy :39-51): a client of
// service_name (default "": then the BT port service_name names it).
#ifndef NAV2_BEHAVIOR_TREE__BT_SERVICE_NODE_HPP_
#define NAV2_BEHAVIOR_TREE__BT_SERVICE_NODE_HPP_
namespace nav2_behavior_tree {
template <class ServiceT> class BtServiceNode : public BT::ActionNodeBase {
public:
  BtServiceNode(const std::string &service_node_name, const BT::NodeConfiguration &conf,
                const std::string &service_name = "")
      : BT::ActionNodeBase(service_node_name, conf) {}
  BtServiceNode() = delete;
  virtual ~BtServiceNode() {}
  void initialize() {}
  void createROSInterfaces() {}
  static BT::PortsList providedBasicPorts(BT::PortsList addition) { return addition; }
  static BT::PortsList providedPorts() { return providedBasicPorts({}); }
  BT::NodeStatus tick() override { return BT::NodeStatus::SUCCESS; }
  void halt() override {}
  virtual void on_tick() {}
  virtual BT::NodeStatus on_completion(std::shared_ptr<typename ServiceT::Response> /*response*/) {
    return BT::NodeStatus::SUCCESS;
  }
  virtual void on_timeout() {}
  virtual BT::NodeStatus check_future() { return BT::NodeStatus::SUCCESS; }
  virtual void on_wait_for_result() {}

protected:
  void increment_recovery_count() {}
  std::string service_name_, service_node_name_;
  typename nav2::ServiceClient<ServiceT>::SharedPtr service_client_;
  std::shared_ptr<typename ServiceT::Request> request_;
  nav2::LifecycleNode::SharedPtr node_;
  std::chrono::milliseconds server_timeout_;
  std::chrono::milliseconds max_timeout_;
  std::chrono::milliseconds wait_for_service_timeout_;
  std::shared_future<typename ServiceT::Response::SharedPtr> future_result_;
  bool request_sent_{false};
  rclcpp::Time sent_time_;
  bool should_send_request_;
};
} // namespace nav2_behavior_tree
#endif // NAV2_BEHAVIOR_TREE__BT_SERVICE_NODE_HPP_

// behavior_tree_engine.hpp (main, behavior_tree_engine.hpp:37)
#ifndef NAV2_BEHAVIOR_TREE__BEHAVIOR_TREE_ENGINE_HPP_
#define NAV2_BEHAVIOR_TREE__BEHAVIOR_TREE_ENGINE_HPP_
namespace nav2_behavior_tree {
enum class BtStatus { SUCCEEDED, FAILED, CANCELED };
class BehaviorTreeEngine;
} // namespace nav2_behavior_tree
#endif // NAV2_BEHAVIOR_TREE__BEHAVIOR_TREE_ENGINE_HPP_

// bt_action_server.hpp: the action server of a navigator, on action_name; a goal runs the
// tree after on_goal_received_callback accepts it.
// main (bt_action_server.hpp:36-60): template <class ActionT, class NodeT>, parent a
//   `const typename NodeT::WeakPtr &`, then search_directories = {};
// jazzy (bt_action_server.hpp:34-57): template <class ActionT>, parent a
//   `const rclcpp_lifecycle::LifecycleNode::WeakPtr &`. NodeT defaults to rclcpp_lifecycle's node
//   here, so that both spellings name this class.
#ifndef NAV2_BEHAVIOR_TREE__BT_ACTION_SERVER_HPP_
#define NAV2_BEHAVIOR_TREE__BT_ACTION_SERVER_HPP_
namespace nav2_behavior_tree {
template <class ActionT, class NodeT = rclcpp_lifecycle::LifecycleNode> class BtActionServer {
public:
  using ActionServer = nav2::SimpleActionServer<ActionT>;
  typedef std::function<bool(typename ActionT::Goal::ConstSharedPtr)> OnGoalReceivedCallback;
  typedef std::function<void()> OnLoopCallback;
  typedef std::function<void(typename ActionT::Goal::ConstSharedPtr)> OnPreemptCallback;
  typedef std::function<void(typename ActionT::Result::SharedPtr, nav2_behavior_tree::BtStatus)> OnCompletionCallback;

  explicit BtActionServer(const typename NodeT::WeakPtr &parent, const std::string &action_name,
                          const std::vector<std::string> &plugin_lib_names,
                          const std::string &default_bt_xml_filename, OnGoalReceivedCallback on_goal_received_callback,
                          OnLoopCallback on_loop_callback, OnPreemptCallback on_preempt_callback,
                          OnCompletionCallback on_completion_callback,
                          const std::vector<std::string> &search_directories = std::vector<std::string>{}) {}
  ~BtActionServer() {}
  bool on_configure() { return true; }
  bool on_activate() { return true; }
  bool on_deactivate() { return true; }
  bool on_cleanup() { return true; }
  void setGrootMonitoring(const bool enable, const unsigned server_port) {}
  bool loadBehaviorTree(const std::string &bt_xml_filename_or_id = "") { return true; }
  BT::Blackboard::Ptr getBlackboard() const { return nullptr; }
  std::string getCurrentBTFilenameOrID() const { return {}; } // main
  std::string getDefaultBTFilenameOrID() const { return {}; } // main
  std::string getCurrentBTFilename() const { return {}; }     // jazzy
  std::string getDefaultBTFilename() const { return {}; }     // jazzy
  const std::shared_ptr<const typename ActionT::Goal> acceptPendingGoal() { return nullptr; }
  void terminatePendingGoal() {}
  const std::shared_ptr<const typename ActionT::Goal> getCurrentGoal() const { return nullptr; }
  const std::shared_ptr<const typename ActionT::Goal> getPendingGoal() const { return nullptr; }
  void publishFeedback(typename std::shared_ptr<typename ActionT::Feedback> feedback) {}
  void preemptCurrentNavigator() {}
  const BT::Tree &getTree() const { return tree_; }
  void haltTree() {}
  void setInternalError(uint16_t error_code, const std::string &error_msg) {}
  void resetInternalError(void) {}

protected:
  std::string action_name_;
  BT::Tree tree_;
  BT::Blackboard::Ptr blackboard_;
};
} // namespace nav2_behavior_tree
#endif // NAV2_BEHAVIOR_TREE__BT_ACTION_SERVER_HPP_

// utils/test_action_server.hpp (main, nav2_behavior_tree/include/nav2_behavior_tree/utils/
// test_action_server.hpp:25-31; installed since Kilted, Jazzy keeps it in test/utils/): a node
// named test_action_server serving the action named by the constructor; subclasses implement
// execute(). Global namespace, as upstream.
#ifndef NAV2_BEHAVIOR_TREE__UTILS__TEST_ACTION_SERVER_HPP_
#define NAV2_BEHAVIOR_TREE__UTILS__TEST_ACTION_SERVER_HPP_
template <class ActionT> class TestActionServer : public rclcpp::Node {
public:
  explicit TestActionServer(std::string action_name, const rclcpp::NodeOptions &options = rclcpp::NodeOptions())
      : Node("test_action_server", options) {}
  std::shared_ptr<const typename ActionT::Goal> getCurrentGoal() const { return nullptr; }
  void setReturnSuccess(bool return_success) {}
  bool getReturnSuccess(void) { return true; }
  bool isGoalCancelled() { return false; }

protected:
  virtual rclcpp_action::GoalResponse handle_goal(const rclcpp_action::GoalUUID &,
                                                  std::shared_ptr<const typename ActionT::Goal> goal) {
    return rclcpp_action::GoalResponse::ACCEPT_AND_EXECUTE;
  }
  virtual rclcpp_action::CancelResponse
  handle_cancel(const typename std::shared_ptr<rclcpp_action::ServerGoalHandle<ActionT>>) {
    return rclcpp_action::CancelResponse::ACCEPT;
  }
  virtual void execute(const typename std::shared_ptr<rclcpp_action::ServerGoalHandle<ActionT>> goal_handle) = 0;
  void handle_accepted(const std::shared_ptr<rclcpp_action::ServerGoalHandle<ActionT>> goal_handle) {}
};
#endif // NAV2_BEHAVIOR_TREE__UTILS__TEST_ACTION_SERVER_HPP_

// utils/test_service.hpp (main a3a97043, nav2_behavior_tree/test/utils/test_service.hpp,
// reached by projects as nav2_behavior_tree/utils/test_service.hpp): a node named
// test_service serving the service named by the constructor; handle_service() answers, and
// subclasses may override it. Global namespace, as upstream.
#ifndef UTILS__TEST_SERVICE_HPP_
#define UTILS__TEST_SERVICE_HPP_
template <class ServiceT> class TestService : public rclcpp::Node {
public:
  explicit TestService(std::string service_name, const rclcpp::NodeOptions &options = rclcpp::NodeOptions())
      : Node("test_service", options) {}
  std::shared_ptr<typename ServiceT::Request> getCurrentRequest() const { return nullptr; }

protected:
  virtual void handle_service(const std::shared_ptr<rmw_request_id_t> request_header,
                              const std::shared_ptr<typename ServiceT::Request> request,
                              const std::shared_ptr<typename ServiceT::Response> response) {}
};
#endif // UTILS__TEST_SERVICE_HPP_
