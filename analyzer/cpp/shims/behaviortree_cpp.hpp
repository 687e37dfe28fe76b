// eventscope's stand-in for BehaviorTree.CPP (behaviortree_cpp, and behaviortree_cpp_v3 on
// Humble; no Debian package), served for any header of either when the real one is not on
// the include path: the few BT:: declarations BT node classes, their plugins' registration
// (BT_REGISTER_NODES) and Nav2's nodes use (BehaviorTree/BehaviorTree.CPP at 879522c7,
// include/behaviortree_cpp/: tree_node.h, action_node.h, basic_types.h, blackboard.h,
// bt_factory.h). Without it a plugin's node classes were invalid and the body of its
// BT_REGISTER_NODES, where the nodes are made with their names, was lost (fmrico/book_ros2,
// held-back ROS 2 set, session 49). A real header included first wins (its include guards).
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

#if !defined(BT_FACTORY_H) && !defined(BEHAVIORTREECORE_ACTIONNODE_H)
// BehaviorTree.CPP, minimal (v4 names; v3's NodeConfiguration is v4's alias).
namespace BT {
using StringView = std::string_view;
enum class NodeStatus { IDLE = 0, RUNNING = 1, SUCCESS = 2, FAILURE = 3, SKIPPED = 4 };
enum class NodeType { UNDEFINED = 0, ACTION, CONDITION, CONTROL, DECORATOR, SUBTREE };
struct AnyTypeAllowed {};
// nonstd::expected<T, std::string> and Expected<std::monostate>, as far as callers test them.
template <typename T> struct Expected {
  explicit operator bool() const { return true; }
  bool has_value() const { return true; }
  const T &value() const { return value_; }
  const T &operator*() const { return value_; }
  const T *operator->() const { return &value_; }
  const std::string &error() const { return error_; }
  T value_{};
  std::string error_;
  // nonstd::expected compares with a value (`EXPECT_EQ(node->getInput<double>("x"), 1.0)`).
  template <typename U> friend bool operator==(const Expected &e, const U &v) { return true; }
#if __cplusplus < 202002L // C++20 rewrites the reversed and negated forms itself
  template <typename U> friend bool operator==(const U &v, const Expected &e) { return true; }
  template <typename U> friend bool operator!=(const Expected &e, const U &v) { return false; }
  template <typename U> friend bool operator!=(const U &v, const Expected &e) { return false; }
#endif
};
using Result = Expected<bool>;

class Blackboard {
public:
  using Ptr = std::shared_ptr<Blackboard>;
  static Blackboard::Ptr create(Blackboard::Ptr parent = {}) { return std::make_shared<Blackboard>(); }
  template <typename T> bool get(const std::string &key, T &value) const { return true; }
  template <typename T> T get(const std::string &key) const { return T{}; }
  template <typename T> void set(const std::string &key, const T &value) {}
};

class PortInfo {};
using PortsList = std::unordered_map<std::string, PortInfo>;
template <typename T = AnyTypeAllowed>
inline std::pair<std::string, PortInfo> InputPort(StringView name, StringView description = {}) {
  return {std::string(name), {}};
}
template <typename T = AnyTypeAllowed, typename DefaultT = T>
inline std::pair<std::string, PortInfo> InputPort(StringView name, const DefaultT &default_value, StringView description) {
  return {std::string(name), {}};
}
template <typename T = AnyTypeAllowed>
inline std::pair<std::string, PortInfo> OutputPort(StringView name, StringView description = {}) {
  return {std::string(name), {}};
}
template <typename T = AnyTypeAllowed>
inline std::pair<std::string, PortInfo> BidirectionalPort(StringView name, StringView description = {}) {
  return {std::string(name), {}};
}

struct NodeConfig {
  NodeConfig() {}
  Blackboard::Ptr blackboard;
  std::unordered_map<std::string, std::string> input_ports;
  std::unordered_map<std::string, std::string> output_ports;
  uint16_t uid = 0;
  std::string path;
};
using NodeConfiguration = NodeConfig;

class TreeNode {
public:
  typedef std::shared_ptr<TreeNode> Ptr;
  TreeNode(std::string name, NodeConfig config) : name_(std::move(name)) {}
  virtual ~TreeNode() = default;
  virtual NodeStatus executeTick() { return NodeStatus::SUCCESS; }
  void haltNode() {}
  NodeStatus status() const { return NodeStatus::IDLE; }
  const std::string &name() const { return name_; }
  const std::string &registrationName() const { return name_; }
  const std::string &fullPath() const { return name_; }
  uint16_t UID() const { return 0; }
  virtual NodeType type() const = 0;
  const NodeConfig &config() const { return config_; }
  NodeConfig &config() { return config_; }
  template <typename T> Result getInput(const std::string &key, T &destination) const { return {}; }
  template <typename T> Expected<T> getInput(const std::string &key) const { return {}; }
  template <typename T> Result setOutput(const std::string &key, const T &value) { return {}; }
  void emitWakeUpSignal() {}

protected:
  virtual NodeStatus tick() = 0;
  void resetStatus() {}
  void setStatus(NodeStatus new_status) {}

private:
  virtual void halt() = 0;
  std::string name_;
  NodeConfig config_;
};
class LeafNode : public TreeNode {
public:
  LeafNode(const std::string &name, const NodeConfig &config) : TreeNode(name, config) {}
};
class ActionNodeBase : public LeafNode {
public:
  ActionNodeBase(const std::string &name, const NodeConfig &config) : LeafNode(name, config) {}
  NodeType type() const override final { return NodeType::ACTION; }
};
class SyncActionNode : public ActionNodeBase {
public:
  SyncActionNode(const std::string &name, const NodeConfig &config) : ActionNodeBase(name, config) {}
  NodeStatus executeTick() override { return NodeStatus::SUCCESS; }

private:
  void halt() override {}
};
class ConditionNode : public LeafNode {
public:
  ConditionNode(const std::string &name, const NodeConfig &config) : LeafNode(name, config) {}
  NodeType type() const override final { return NodeType::CONDITION; }

private:
  void halt() override {}
};
// action_node.h: a node that starts, runs over several ticks and is halted (v4's usual base).
class StatefulActionNode : public ActionNodeBase {
public:
  StatefulActionNode(const std::string &name, const NodeConfig &config) : ActionNodeBase(name, config) {}
  bool isHaltRequested() const { return false; }
  virtual NodeStatus onStart() = 0;
  virtual NodeStatus onRunning() = 0;
  virtual void onHalted() = 0;

protected:
  NodeStatus tick() override { return NodeStatus::SUCCESS; }
  void halt() override {}
};
class CoroActionNode : public ActionNodeBase {
public:
  CoroActionNode(const std::string &name, const NodeConfig &config) : ActionNodeBase(name, config) {}
  void setStatusRunningAndYield() {}
  void halt() override {}
};
// decorator_node.h, control_node.h: nodes with children.
class DecoratorNode : public TreeNode {
public:
  DecoratorNode(const std::string &name, const NodeConfig &config) : TreeNode(name, config) {}
  NodeType type() const override { return NodeType::DECORATOR; }
  TreeNode *child() { return nullptr; }
  void halt() override {}
};
class ControlNode : public TreeNode {
public:
  ControlNode(const std::string &name, const NodeConfig &config) : TreeNode(name, config) {}
  NodeType type() const override { return NodeType::CONTROL; }
  size_t childrenCount() const { return 0; }
  void halt() override {}
};

using NodeBuilder = std::function<std::unique_ptr<TreeNode>(const std::string &, const NodeConfig &)>;
class Tree {
public:
  Tree() {}
  void haltTree() {}
  TreeNode *rootNode() const { return nullptr; }
  NodeStatus tickOnce() { return NodeStatus::SUCCESS; }
  NodeStatus tickExactlyOnce() { return NodeStatus::SUCCESS; }
  NodeStatus tickWhileRunning(std::chrono::milliseconds sleep_time = std::chrono::milliseconds(10)) {
    return NodeStatus::SUCCESS;
  }
  Blackboard::Ptr rootBlackboard() { return nullptr; }
};
class BehaviorTreeFactory {
public:
  BehaviorTreeFactory() {}
  void registerBuilder(const std::string &ID, const NodeBuilder &builder) {}
  template <typename T> void registerBuilder(const std::string &ID, const NodeBuilder &builder) {}
  template <typename T, typename... ExtraArgs> void registerNodeType(const std::string &ID, ExtraArgs... args) {}
  void registerFromPlugin(const std::string &file_path) {}
  void registerBehaviorTreeFromText(const std::string &xml_text) {}
  void registerBehaviorTreeFromFile(const std::string &filename) {}
  Tree createTreeFromText(const std::string &text, Blackboard::Ptr blackboard = Blackboard::create()) { return {}; }
  Tree createTreeFromFile(const std::string &file_path, Blackboard::Ptr blackboard = Blackboard::create()) {
    return {};
  }
  Tree createTree(const std::string &tree_name, Blackboard::Ptr blackboard = Blackboard::create()) { return {}; }
};
} // namespace BT
#define BT_REGISTER_NODES(factory) extern "C" void BT_RegisterNodesFromPlugin(BT::BehaviorTreeFactory &factory)
#endif // BehaviorTree.CPP
