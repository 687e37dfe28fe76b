// eventscope's stand-in for rclcpp_action (rclcpp_action.hpp, create_server.hpp,
// create_client.hpp, server.hpp, client.hpp, server_goal_handle.hpp, client_goal_handle.hpp).
#pragma once

#include <rclcpp/rclcpp.hpp>

#include <action_msgs/msg/goal_status.hpp>
#include <action_msgs/srv/cancel_goal.hpp> // rclcpp_action's client and server headers bring it

#include <array>

// rcl_action's option structs (rcl_action/action_server.h, action_client.h): only passed on.
struct rcl_action_server_options_t {};
struct rcl_action_client_options_t {};
inline rcl_action_server_options_t rcl_action_server_get_default_options() { return {}; }
inline rcl_action_client_options_t rcl_action_client_get_default_options() { return {}; }

namespace rclcpp_action {

using GoalUUID = std::array<uint8_t, 16>;
enum class GoalResponse : int8_t { REJECT = 1, ACCEPT_AND_EXECUTE = 2, ACCEPT_AND_DEFER = 3 };
enum class CancelResponse : int8_t { REJECT = 1, ACCEPT = 2 };
enum class ResultCode : int8_t { UNKNOWN = 0, SUCCEEDED = 4, CANCELED = 5, ABORTED = 6 };
using GoalStatus = action_msgs::msg::GoalStatus;

template <class ActionT> class ServerGoalHandle {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(ServerGoalHandle)
  std::shared_ptr<const typename ActionT::Goal> get_goal() const;
  const GoalUUID &get_goal_id() const;
  bool is_canceling() const;
  bool is_active() const;
  bool is_executing() const;
  void execute() {}
  template <class F> void publish_feedback(F &&) {}
  template <class R> void succeed(R &&) {}
  template <class R> void abort(R &&) {}
  template <class R> void canceled(R &&) {}
};

template <class ActionT> class Server {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Server)
  using GoalCallback = std::function<GoalResponse(const GoalUUID &, std::shared_ptr<const typename ActionT::Goal>)>;
  using CancelCallback = std::function<CancelResponse(std::shared_ptr<ServerGoalHandle<ActionT>>)>;
  using AcceptedCallback = std::function<void(std::shared_ptr<ServerGoalHandle<ActionT>>)>;
};

template <class ActionT> class ClientGoalHandle {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(ClientGoalHandle)
  struct WrappedResult {
    GoalUUID goal_id;
    std::shared_ptr<typename ActionT::Result> result;
    ResultCode code;
  };
  using Feedback = typename ActionT::Feedback;
  using Result = typename ActionT::Result;
  using FeedbackCallback = std::function<void(SharedPtr, std::shared_ptr<const Feedback>)>;
  using ResultCallback = std::function<void(const WrappedResult &)>;
  const GoalUUID &get_goal_id() const;
  int8_t get_status();
};

template <class ActionT> class Client {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Client)
  using Goal = typename ActionT::Goal;
  using Feedback = typename ActionT::Feedback;
  using GoalHandle = ClientGoalHandle<ActionT>;
  using WrappedResult = typename GoalHandle::WrappedResult;
  struct SendGoalOptions {
    std::function<void(typename GoalHandle::SharedPtr)> goal_response_callback;
    typename GoalHandle::FeedbackCallback feedback_callback;
    typename GoalHandle::ResultCallback result_callback;
  };
  template <class G, class... A>
  std::shared_future<typename GoalHandle::SharedPtr> async_send_goal(G &&goal, A &&...) { return {}; }
  template <class... A> std::shared_future<WrappedResult> async_get_result(A &&...) { return {}; }
  template <class... A> std::shared_future<std::shared_ptr<void>> async_cancel_goal(A &&...) { return {}; }
  template <class... A> std::shared_future<std::shared_ptr<void>> async_cancel_all_goals(A &&...) { return {}; }
  template <class D> bool wait_for_action_server(D) { return true; }
  bool wait_for_action_server() { return true; }
  bool action_server_is_ready() const;
};

// create_server<Fibonacci>(node, "fibonacci", handle_goal, handle_cancel, handle_accepted).
template <class ActionT, class NodeT, class GoalCallbackT, class CancelCallbackT, class AcceptedCallbackT, class... A>
typename Server<ActionT>::SharedPtr create_server(NodeT &&node, const std::string &name, GoalCallbackT &&handle_goal,
                                                  CancelCallbackT &&handle_cancel,
                                                  AcceptedCallbackT &&handle_accepted, A &&...) {
  return nullptr;
}
template <class ActionT, class NodeT, class... A>
typename Client<ActionT>::SharedPtr create_client(NodeT &&node, const std::string &name, A &&...);
// The same made with the node's interfaces (the name is argument 4), defaults as the real ones.
template <class ActionT, class GoalCallbackT, class CancelCallbackT, class AcceptedCallbackT>
typename Server<ActionT>::SharedPtr
create_server(::rclcpp::node_interfaces::NodeBaseInterface::SharedPtr base,
              ::rclcpp::node_interfaces::NodeClockInterface::SharedPtr clock,
              ::rclcpp::node_interfaces::NodeLoggingInterface::SharedPtr logging,
              ::rclcpp::node_interfaces::NodeWaitablesInterface::SharedPtr waitables, const std::string &name,
              GoalCallbackT &&handle_goal, CancelCallbackT &&handle_cancel, AcceptedCallbackT &&handle_accepted,
              const rcl_action_server_options_t &options = rcl_action_server_options_t{},
              ::rclcpp::CallbackGroup::SharedPtr group = nullptr) {
  return nullptr;
}
template <class ActionT>
typename Client<ActionT>::SharedPtr
create_client(::rclcpp::node_interfaces::NodeBaseInterface::SharedPtr base,
              ::rclcpp::node_interfaces::NodeGraphInterface::SharedPtr graph,
              ::rclcpp::node_interfaces::NodeLoggingInterface::SharedPtr logging,
              ::rclcpp::node_interfaces::NodeWaitablesInterface::SharedPtr waitables, const std::string &name,
              ::rclcpp::CallbackGroup::SharedPtr group = nullptr,
              const rcl_action_client_options_t &options = rcl_action_client_options_t{});

} // namespace rclcpp_action
