// Which ROS node, and which ROS 1 NodeHandle, a publisher or subscription is made on, as
// far as the code tells: the namespace and name ROS resolves the topic against
// (model/ros_names.h, resolveRosName).
// - ROS 2: a call on `this` (or in a lambda capturing it) of a class derived from
//   rclcpp::Node or rclcpp_lifecycle::LifecycleNode: the name and namespace its
//   constructor gives the base (`Node("base_driver", "robot1")`); a call on a node held in a
//   variable or member made by `std::make_shared<rclcpp::Node>("name", "ns")` or
//   `rclcpp::Node::make_shared(...)`.
// - ROS 1: a call on a ros::NodeHandle variable or member: the namespace it was made with
//   (`NodeHandle("~")`, `NodeHandle("ns")`, `NodeHandle(parent, "ns")`, a constructor's
//   member initialiser); a NodeHandle parameter, as every caller in the translation unit
//   passes it; the node name of the translation unit's `ros::init(argc, argv, "name")`.
#pragma once

#include "model/ros_names.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

class RosNodeContexts {
public:
  // `constant`: the single string an expression is, if any (the value evaluator's: a
  // constant, a default, or a pattern such as `~/{name}`).
  using ConstantString = std::function<std::optional<std::string>(const clang::Expr *)>;
  // `keyOf`: a function's key as the facts name it (AstNames::keyOf), for a handle handed in.
  using KeyOf = std::function<std::string(const clang::FunctionDecl *)>;
  // `pieceOf`: when an expression is text around a string parameter of the function being
  // visited (`"~/" + name` in a constructor), that function's key, the parameter's index
  // (0-based) and the pattern piece standing for it (`{name}`); for RosNameContext::namedBy.
  struct ParameterPiece {
    std::string function;
    unsigned parameter = 0;
    std::string piece;
  };
  using PieceOf = std::function<std::optional<ParameterPiece>(const clang::Expr *)>;
  RosNodeContexts(clang::ASTContext &context, ConstantString constant, KeyOf keyOf, PieceOf pieceOf)
      : context_(context), constant_(std::move(constant)), keyOf_(std::move(keyOf)), pieceOf_(std::move(pieceOf)) {}

  // The context of a call made on `object` (the implicit object argument of a member call).
  // `ros` is false when the object is not a ROS node or NodeHandle.
  RosNameContext of(const clang::Expr *object);
  // The context of a call made on `this` of `record` (a method's implicit object, as a call
  // Clang could not resolve still names its class).
  RosNameContext ofThis(const clang::CXXRecordDecl *record);
  // The context of a library call given `node` as an argument (`image_transport::
  // create_publisher(node, "image")`, `rclcpp_action::create_server<T>(node, ...)`, an
  // ImageTransport made on it): for a ROS 2 node, without a sub-node's sub-namespace, which
  // only rclcpp::Node's own create_* methods add (extend_name_with_sub_namespace); the node
  // interfaces these libraries resolve names with know only the node's namespace
  // (ros2/rclcpp#985, #2734; ros-perception/image_common#187; ros2/message_filters#227).
  RosNameContext givenAsArgument(const clang::Expr *node);
  // The context of a ROS 1 library call given no NodeHandle (`ros::service::call("x")`,
  // `actionlib::SimpleActionClient<T> ac("x")`): the library makes a default `ros::NodeHandle()`,
  // whose namespace is the node's (roscpp's NodeHandle(const std::string &ns = "")); the
  // node is the one the unit's ros::init names.
  RosNameContext processHandle();
  // The node name the unit's `ros::init(argc, argv, "name")` gives (one constant name), ""
  // otherwise, or when the unit does not declare ros::init.
  std::string unitNodeName();
  // Notes the node a ROS 2 node class's constructor defined in this unit gives, for
  // nodeClasses(); any other constructor is ignored.
  void constructorDefined(const clang::CXXConstructorDecl *ctor);
  // Each ROS 2 node class whose constructor this unit defines and that names its node, by
  // qualified name, sorted (TuFacts::rosNodeClasses).
  std::vector<std::pair<std::string, RosNameContext>> nodeClasses() const;

private:
  RosNameContext ros2Context(const clang::Expr *object, const clang::CXXRecordDecl *record);
  RosNameContext ros2Node(const clang::CXXRecordDecl *record);
  void nodeGivenBy(RosNameContext &context, const clang::CXXConstructExpr *construct,
                   const clang::CXXConstructorDecl *definition);
  RosNameContext ros2NodeMadeBy(const clang::Expr *init, unsigned depth);
  RosNameContext ros2NodeReturnedBy(const clang::FunctionDecl *function, unsigned depth);
  RosNameContext ros1Handle(const clang::Expr *object, unsigned depth);
  RosNameContext ros1HandleMadeBy(const clang::Expr *init, unsigned depth);
  const std::string &ros1NodeName();
  // ros_node_options.cpp: what rclcpp::NodeOptions expression `options` (given to
  // Node(name, [namespace,] options) or make_shared) gives the node: its node-local arguments'
  // name, namespace and remapping rules, and its parameter overrides (RosNameContext).
  void giveNodeOptions(RosNameContext &context, const clang::Expr *options);
  struct NodeOptionsValue;
  std::optional<NodeOptionsValue> nodeOptionsOf(const clang::Expr *options, unsigned depth);
  std::optional<NodeOptionsValue> agreedNodeOptions(const std::vector<const clang::Expr *> &each, unsigned depth);
  void nodeOptionsSetBy(NodeOptionsValue &value, const clang::CXXMemberCallExpr *call);
  const std::vector<const clang::Expr *> &assignedValues(const clang::ValueDecl *decl);
  const std::vector<const clang::Expr *> &argumentsFor(const clang::ParmVarDecl *parameter);
  // What the constructions of a constructor's class in the main file pass for `parameter`.
  std::vector<const clang::Expr *> constructionArgumentsFor(const clang::ParmVarDecl *parameter);
  std::string namespaceOf(const clang::Expr *arg);
  // The handle namespace `arg` gives `context`: namespaceOf, and namedBy when it is built
  // from a parameter of the function being visited.
  void setHandleNamespace(RosNameContext &context, const clang::Expr *arg);

  clang::ASTContext &context_;
  ConstantString constant_;
  KeyOf keyOf_;
  PieceOf pieceOf_;
  std::map<const clang::CXXRecordDecl *, RosNameContext> nodes_;
  std::map<std::string, RosNameContext> classes_; // nodeClasses()
  std::optional<std::string> ros1NodeName_;
  unsigned subNodes_ = 0; // create_sub_node calls being followed, one inside another
  std::map<const clang::ValueDecl *, std::vector<const clang::Expr *>> assigned_;
  std::map<const clang::ParmVarDecl *, std::vector<const clang::Expr *>> arguments_;
};

// Whether `record` is, or derives from, rclcpp::Node or rclcpp_lifecycle::LifecycleNode.
bool isRos2Node(const clang::CXXRecordDecl *record);
// The class an object expression of `type` is, through pointers, references and smart
// pointers (std::shared_ptr, std::unique_ptr, boost::shared_ptr); null for no class.
const clang::CXXRecordDecl *rosClassOf(clang::QualType type);
// The object a call is made on, as the value evaluator unwraps it (casts, temporaries, `->`
// on a smart pointer, `*p`, a copy), and through a smart pointer's `.get()`.
const clang::Expr *rosStripObject(const clang::Expr *e);
// Whether `type` is rclcpp::NodeOptions (through references, pointers, smart pointers).
bool isRos2NodeOptions(clang::QualType type);
// The values `definition`'s return statements return (not those of lambdas inside it).
std::vector<const clang::Expr *> rosReturnedValues(const clang::FunctionDecl *definition);

} // namespace eventscope
