// eventscope's stand-in for ROS 1 actionlib (actionlib/server/simple_action_server.h,
// action_server.h, client/simple_action_client.h, action_client.h, terminal_state.h, ...):
// Debian ships roscpp but not actionlib. The signatures are actionlib 1.14's (Noetic); the
// bodies are empty. An action server on NodeHandle `n` and name `x` talks on `x/goal`,
// `x/cancel`, `x/status`, `x/feedback` and `x/result` under `n`'s namespace
// (ActionServer's `node_(n, name)`); the profile treats that family as one action.
#pragma once

#include <ros/ros.h>
#include <actionlib_msgs/GoalID.h>
#include <actionlib_msgs/GoalStatus.h>
#include <actionlib_msgs/GoalStatusArray.h>

#include <boost/function.hpp>
#include <boost/shared_ptr.hpp>

#include <string>
#include <vector>

// genmsg's Action, ActionGoal, ActionResult and ActionFeedback messages name their parts so.
#define ACTION_DEFINITION(ActionSpec)                                                                 \
  typedef typename ActionSpec::_action_goal_type ActionGoal;                                       \
  typedef typename ActionGoal::_goal_type Goal;                                                    \
  typedef typename ActionSpec::_action_result_type ActionResult;                                   \
  typedef typename ActionResult::_result_type Result;                                              \
  typedef typename ActionSpec::_action_feedback_type ActionFeedback;                               \
  typedef typename ActionFeedback::_feedback_type Feedback;                                        \
  typedef boost::shared_ptr<const ActionGoal> ActionGoalConstPtr;                                  \
  typedef boost::shared_ptr<ActionGoal> ActionGoalPtr;                                             \
  typedef boost::shared_ptr<const Goal> GoalConstPtr;                                              \
  typedef boost::shared_ptr<const ActionResult> ActionResultConstPtr;                              \
  typedef boost::shared_ptr<const Result> ResultConstPtr;                                          \
  typedef boost::shared_ptr<const ActionFeedback> ActionFeedbackConstPtr;                          \
  typedef boost::shared_ptr<const Feedback> FeedbackConstPtr;

namespace actionlib {

class CommState {
public:
  enum StateEnum { WAITING_FOR_GOAL_ACK, PENDING, ACTIVE, WAITING_FOR_RESULT, WAITING_FOR_CANCEL_ACK, RECALLING,
                   PREEMPTING, DONE };
  CommState(const StateEnum &state = PENDING) : state_(state) {}
  StateEnum state_;
  std::string toString() const { return ""; }
};

class TerminalState {
public:
  enum StateEnum { RECALLED, REJECTED, PREEMPTED, ABORTED, SUCCEEDED, LOST };
  TerminalState(const StateEnum &state, const std::string &text = std::string("")) : state_(state), text_(text) {}
  bool operator==(const TerminalState &rhs) const { return state_ == rhs.state_; }
  bool operator==(const StateEnum &rhs) const { return state_ == rhs; }
  bool operator!=(const StateEnum &rhs) const { return state_ != rhs; }
  std::string getText() const { return text_; }
  std::string toString() const { return ""; }
  StateEnum state_;
  std::string text_;
};

class SimpleClientGoalState {
public:
  enum StateEnum { PENDING, ACTIVE, RECALLED, REJECTED, PREEMPTED, ABORTED, SUCCEEDED, LOST };
  StateEnum state_;
  std::string text_;
  SimpleClientGoalState(const StateEnum &state, const std::string &text = std::string("")) : state_(state), text_(text) {}
  bool operator==(const SimpleClientGoalState::StateEnum &rhs) const { return state_ == rhs; }
  bool operator==(const SimpleClientGoalState &rhs) const { return state_ == rhs.state_; }
  bool operator!=(const SimpleClientGoalState::StateEnum &rhs) const { return state_ != rhs; }
  bool operator!=(const SimpleClientGoalState &rhs) const { return state_ != rhs.state_; }
  bool isDone() const { return state_ != PENDING && state_ != ACTIVE; }
  std::string toString() const { return ""; }
  std::string getText() const { return text_; }
};

template <class ActionSpec> class ServerGoalHandle {
public:
  ACTION_DEFINITION(ActionSpec)
  ServerGoalHandle() {}
  void setAccepted(const std::string &text = std::string("")) {}
  void setCanceled(const Result &result = Result(), const std::string &text = std::string("")) {}
  void setRejected(const Result &result = Result(), const std::string &text = std::string("")) {}
  void setAborted(const Result &result = Result(), const std::string &text = std::string("")) {}
  void setSucceeded(const Result &result = Result(), const std::string &text = std::string("")) {}
  void publishFeedback(const Feedback &feedback) {}
  bool isValid() const { return true; }
  boost::shared_ptr<const Goal> getGoal() const { return {}; }
  actionlib_msgs::GoalID getGoalID() const { return {}; }
  actionlib_msgs::GoalStatus getGoalStatus() const { return {}; }
  bool operator==(const ServerGoalHandle &other) const { return true; }
  bool operator!=(const ServerGoalHandle &other) const { return false; }
};

template <class ActionSpec> class ClientGoalHandle {
public:
  ACTION_DEFINITION(ActionSpec)
  ClientGoalHandle() {}
  void reset() {}
  bool isExpired() const { return false; }
  CommState getCommState() const { return {}; }
  TerminalState getTerminalState() const { return TerminalState(TerminalState::LOST); }
  ResultConstPtr getResult() const { return {}; }
  void resend() {}
  void cancel() {}
  bool operator==(const ClientGoalHandle &rhs) const { return true; }
  bool operator!=(const ClientGoalHandle &rhs) const { return false; }
};

// An action server: `goal_cb` receives each goal.
template <class ActionSpec> class ActionServer {
public:
  ACTION_DEFINITION(ActionSpec)
  typedef ServerGoalHandle<ActionSpec> GoalHandle;
  ActionServer(ros::NodeHandle n, std::string name, boost::function<void(GoalHandle)> goal_cb,
               boost::function<void(GoalHandle)> cancel_cb, bool auto_start) {}
  ActionServer(ros::NodeHandle n, std::string name, boost::function<void(GoalHandle)> goal_cb, bool auto_start) {}
  ActionServer(ros::NodeHandle n, std::string name, bool auto_start) {}
  ActionServer(ros::NodeHandle n, std::string name, boost::function<void(GoalHandle)> goal_cb = boost::function<void(GoalHandle)>(),
               boost::function<void(GoalHandle)> cancel_cb = boost::function<void(GoalHandle)>()) {}
  ~ActionServer() {}
  void registerGoalCallback(boost::function<void(GoalHandle)> cb) {}
  void registerCancelCallback(boost::function<void(GoalHandle)> cb) {}
  void start() {}
};

// The simple server: one goal at a time, given to the execute callback (or taken with
// acceptNewGoal() from the goal callback).
template <class ActionSpec> class SimpleActionServer {
public:
  ACTION_DEFINITION(ActionSpec)
  typedef typename ActionServer<ActionSpec>::GoalHandle GoalHandle;
  typedef boost::function<void(const GoalConstPtr &)> ExecuteCallback;
  SimpleActionServer(std::string name, ExecuteCallback execute_callback, bool auto_start) {}
  SimpleActionServer(std::string name, bool auto_start) {}
  SimpleActionServer(std::string name, ExecuteCallback execute_callback = NULL) {}
  SimpleActionServer(ros::NodeHandle n, std::string name, ExecuteCallback execute_callback, bool auto_start) {}
  SimpleActionServer(ros::NodeHandle n, std::string name, bool auto_start) {}
  SimpleActionServer(ros::NodeHandle n, std::string name, ExecuteCallback execute_callback = NULL) {}
  ~SimpleActionServer() {}
  boost::shared_ptr<const Goal> acceptNewGoal() { return {}; }
  bool isNewGoalAvailable() { return false; }
  bool isPreemptRequested() { return false; }
  bool isActive() { return false; }
  void setSucceeded(const Result &result = Result(), const std::string &text = std::string("")) {}
  void setAborted(const Result &result = Result(), const std::string &text = std::string("")) {}
  void setPreempted(const Result &result = Result(), const std::string &text = std::string("")) {}
  void publishFeedback(const FeedbackConstPtr &feedback) {}
  void publishFeedback(const Feedback &feedback) {}
  void registerGoalCallback(boost::function<void()> cb) {}
  void registerPreemptCallback(boost::function<void()> cb) {}
  void start() {}
  void shutdown() {}
};

// An action client: sendGoal() sends a goal to the server of its name.
template <class ActionSpec> class ActionClient {
public:
  ACTION_DEFINITION(ActionSpec)
  typedef ClientGoalHandle<ActionSpec> GoalHandle;
  typedef boost::function<void(GoalHandle)> TransitionCallback;
  typedef boost::function<void(GoalHandle, const FeedbackConstPtr &)> FeedbackCallback;
  ActionClient(const std::string &name, ros::CallbackQueueInterface *queue = NULL) {}
  ActionClient(const ros::NodeHandle &n, const std::string &name, ros::CallbackQueueInterface *queue = NULL) {}
  ~ActionClient() {}
  GoalHandle sendGoal(const Goal &goal, TransitionCallback transition_cb = TransitionCallback(),
                      FeedbackCallback feedback_cb = FeedbackCallback()) {
    return {};
  }
  void cancelAllGoals() {}
  void cancelGoalsAtAndBeforeTime(const ros::Time &time) {}
  bool waitForActionServerToStart(const ros::Duration &timeout = ros::Duration(0, 0)) { return true; }
  bool isServerConnected() { return true; }
};

template <class ActionSpec> class SimpleActionClient {
public:
  ACTION_DEFINITION(ActionSpec)
  typedef ClientGoalHandle<ActionSpec> GoalHandleT;
  typedef boost::function<void(const SimpleClientGoalState &state, const ResultConstPtr &result)> SimpleDoneCallback;
  typedef boost::function<void()> SimpleActiveCallback;
  typedef boost::function<void(const FeedbackConstPtr &feedback)> SimpleFeedbackCallback;
  SimpleActionClient(const std::string &name, bool spin_thread = true) {}
  SimpleActionClient(ros::NodeHandle &n, const std::string &name, bool spin_thread = true) {}
  ~SimpleActionClient() {}
  bool waitForServer(const ros::Duration &timeout = ros::Duration(0, 0)) const { return true; }
  bool isServerConnected() const { return true; }
  void sendGoal(const Goal &goal, SimpleDoneCallback done_cb = SimpleDoneCallback(),
                SimpleActiveCallback active_cb = SimpleActiveCallback(),
                SimpleFeedbackCallback feedback_cb = SimpleFeedbackCallback()) {}
  SimpleClientGoalState sendGoalAndWait(const Goal &goal, const ros::Duration &execute_timeout = ros::Duration(0, 0),
                                        const ros::Duration &preempt_timeout = ros::Duration(0, 0)) {
    return SimpleClientGoalState(SimpleClientGoalState::LOST);
  }
  bool waitForResult(const ros::Duration &timeout = ros::Duration(0, 0)) { return true; }
  ResultConstPtr getResult() const { return {}; }
  SimpleClientGoalState getState() const { return SimpleClientGoalState(SimpleClientGoalState::LOST); }
  void cancelAllGoals() {}
  void cancelGoalsAtAndBeforeTime(const ros::Time &time) {}
  void cancelGoal() {}
  void stopTrackingGoal() {}
};

} // namespace actionlib
