#include "analyzer/cpp/libraries/ros_nodes.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <set>
#include <vector>

namespace eventscope {
using namespace clang;

// The class an object expression is, through pointers, references and smart pointers.
const CXXRecordDecl *rosClassOf(QualType type) {
  for (int depth = 0; depth < 4 && !type.isNull(); ++depth) {
    type = type.getNonReferenceType();
    if (type->isPointerType()) {
      type = type->getPointeeType();
      continue;
    }
    const CXXRecordDecl *record = type->getAsCXXRecordDecl();
    const auto *specialization = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
    if (specialization && specialization->getTemplateArgs().size() > 0 &&
        specialization->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      std::string name = specialization->getQualifiedNameAsString();
      if (name == "std::shared_ptr" || name == "std::unique_ptr" || name == "boost::shared_ptr") {
        type = specialization->getTemplateArgs()[0].getAsType();
        continue;
      }
    }
    return record;
  }
  return nullptr;
}

// The object a call is made on, as the value evaluator unwraps it (casts, temporaries,
// `->` on a smart pointer), and through `.get()` of a smart pointer.
const Expr *rosStripObject(const Expr *e) {
  for (int depth = 0; e && depth < 8; ++depth) {
    e = ValueEvaluator::unwrap(e);
    // `*this` handed to a helper taking `rclcpp::Node &` (realsense-ros's BaseRealSenseNode):
    // the node the pointer is.
    if (const auto *deref = dyn_cast_or_null<UnaryOperator>(e); deref && deref->getOpcode() == UO_Deref) {
      e = deref->getSubExpr();
      continue;
    }
    // A node pointer passed by value (`Talker(rclcpp::Node::SharedPtr node)` given `node`): the
    // copy is the node the copied pointer is.
    if (const auto *copy = dyn_cast_or_null<CXXConstructExpr>(e);
        copy && copy->getNumArgs() == 1 && copy->getConstructor()->isCopyOrMoveConstructor()) {
      e = copy->getArg(0);
      continue;
    }
    const auto *get = dyn_cast_or_null<CXXMemberCallExpr>(e);
    if (!get || !get->getMethodDecl() || get->getMethodDecl()->getNameAsString() != "get" || get->getNumArgs() != 0)
      break;
    e = get->getImplicitObjectArgument(); // node.get()
  }
  return e;
}

namespace {

bool isNodeClass(const CXXRecordDecl *record) {
  std::string name = record->getQualifiedNameAsString();
  return name == "rclcpp::Node" || name == "rclcpp_lifecycle::LifecycleNode";
}

bool isNodeHandle(QualType type) {
  const CXXRecordDecl *record = rosClassOf(type);
  return record && record->getQualifiedNameAsString() == "ros::NodeHandle";
}

// The initialiser of a member in the constructors of its class: the first one that
// initialises it explicitly, else its in-class initialiser.
const Expr *memberInitialiser(const FieldDecl *field) {
  const auto *record = dyn_cast<CXXRecordDecl>(field->getParent());
  if (record)
    for (const CXXConstructorDecl *ctor : record->ctors()) {
      const CXXConstructorDecl *definition = dyn_cast_or_null<CXXConstructorDecl>(ctor->getDefinition());
      if (!definition)
        continue;
      for (const CXXCtorInitializer *init : definition->inits())
        if (init->isMemberInitializer() && init->getMember() == field && init->isWritten())
          return init->getInit();
    }
  return field->getInClassInitializer();
}

// What a variable (not a parameter) or a member `e` names was initialised with, or null.
const Expr *initialiserOf(const Expr *e) {
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    return var && !isa<ParmVarDecl>(var) ? var->getInit() : nullptr;
  }
  if (const auto *member = dyn_cast<MemberExpr>(e))
    if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
      return memberInitialiser(field);
  return nullptr;
}

// rclcpp::NodeOptions (the second argument of Node(name, options)): not a namespace.
bool isRos2Options(const Expr *arg) { return isRos2NodeOptions(arg->getType()); }

// Runs `visitor` over the declarations written in the main file: the headers' code does not
// call or construct the project's functions and classes.
template <class Visitor> void traverseMainFile(ASTContext &context, Visitor &visitor) {
  const SourceManager &sources = context.getSourceManager();
  for (Decl *top : context.getTranslationUnitDecl()->decls())
    if (sources.isInMainFile(sources.getExpansionLoc(top->getBeginLoc())))
      visitor.TraverseDecl(top);
}

} // namespace

bool isRos2Node(const CXXRecordDecl *record) {
  if (!record)
    return false;
  if (isNodeClass(record))
    return true;
  if (!record->hasDefinition())
    return false;
  bool derived = false;
  record->forallBases([&](const CXXRecordDecl *base) {
    derived = derived || isNodeClass(base);
    return true;
  });
  return derived;
}

// Whether `record` is, or derives from, rclcpp_lifecycle::LifecycleNode.
bool isLifecycleNode(const CXXRecordDecl *record) {
  auto lifecycle = [](const CXXRecordDecl *r) {
    return r->getQualifiedNameAsString() == "rclcpp_lifecycle::LifecycleNode";
  };
  if (lifecycle(record))
    return true;
  bool derived = false;
  if (record->hasDefinition())
    record->forallBases([&](const CXXRecordDecl *base) {
      derived = derived || lifecycle(base);
      return true;
    });
  return derived;
}

RosNameContext RosNodeContexts::of(const Expr *object) {
  if (!object)
    return {};
  const Expr *e = rosStripObject(object);
  if (isNodeHandle(e->getType())) {
    RosNameContext context = ros1Handle(e, 0);
    context.kind = RosNodeKind::Ros1;
    return context;
  }
  const CXXRecordDecl *record = rosClassOf(e->getType());
  // image_transport::ImageTransport(nh) (ROS 1) or (node) (ROS 2): its advertise and
  // subscribe resolve names on the handle or node it was made with (VINS-Mono's
  // `ImageTransport it(n)` of a private `n("~")` publishes `~AR_image`).
  if (record && record->getQualifiedNameAsString() == "image_transport::ImageTransport") {
    const Expr *init = isa<DeclRefExpr>(e) || isa<MemberExpr>(e) ? initialiserOf(e) : e;
    if (const auto *construct = dyn_cast_or_null<CXXConstructExpr>(init ? rosStripObject(init) : nullptr);
        construct && construct->getNumArgs() > 0 && construct->getArg(0) != object)
      return givenAsArgument(construct->getArg(0));
    return {};
  }
  if (!isRos2Node(record))
    return {};
  RosNameContext context = ros2Context(e, record);
  context.kind = isLifecycleNode(record) ? RosNodeKind::Ros2Lifecycle : RosNodeKind::Ros2;
  return context;
}

RosNameContext RosNodeContexts::givenAsArgument(const Expr *node) {
  RosNameContext context = of(node);
  if (context.kind == RosNodeKind::Ros2 || context.kind == RosNodeKind::Ros2Lifecycle)
    context.handleNamespace.clear();
  return context;
}

RosNameContext RosNodeContexts::ofThis(const CXXRecordDecl *record) {
  if (!record || !isRos2Node(record) || isNodeClass(record))
    return {};
  RosNameContext context = ros2Node(record);
  context.kind = isLifecycleNode(record) ? RosNodeKind::Ros2Lifecycle : RosNodeKind::Ros2;
  return context;
}

RosNameContext RosNodeContexts::ros2Context(const Expr *e, const CXXRecordDecl *record) {
  if (isa<CXXThisExpr>(e) && !isNodeClass(record))
    return ros2Node(record);
  // A node held in a variable or member: the call that made it; a member a constructor or
  // method assigns once (`node_ = node;` in the body, flir_camera_driver's Camera).
  const Expr *init = initialiserOf(e);
  // `rclcpp::Node::SharedPtr node;` or `= nullptr`: made empty, given its node later.
  if (const auto *empty = dyn_cast_or_null<CXXConstructExpr>(init ? rosStripObject(init) : nullptr);
      empty && (empty->getNumArgs() == 0 ||
                (empty->getNumArgs() == 1 && empty->getArg(0)->isNullPointerConstant(
                                                 context_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull)))
    init = nullptr;
  if (const auto *member = dyn_cast<MemberExpr>(e); !init && member)
    if (const std::vector<const Expr *> &values = assignedValues(member->getMemberDecl()); values.size() == 1)
      init = values.front();
  // A namespace-scope node main makes (`node = std::make_shared<rclcpp::Node>("aruco_double")`).
  if (const auto *ref = dyn_cast<DeclRefExpr>(e); !init && ref)
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->hasGlobalStorage() && !var->isStaticLocal())
      if (const std::vector<const Expr *> &values = assignedValues(var); values.size() == 1)
        init = values.front();
  // `rclcpp::Node &node = *this;` (the xsens MTi driver, new-user trial s44): the node the
  // method runs on, named by its class's constructors.
  if (const Expr *self = init ? rosStripObject(init) : nullptr; self && isa<CXXThisExpr>(self))
    if (const CXXRecordDecl *own = rosClassOf(self->getType()); own && isRos2Node(own) && !isNodeClass(own))
      return ros2Node(own);
  RosNameContext context = init ? ros2NodeMadeBy(init, 0) : RosNameContext{};
  context.ros = true;
  // A node passed in (`Product(rclcpp::Node *node) : node_(node)`, `init(Node::SharedPtr n)`):
  // the callers in every unit hand it over, as a ROS 1 NodeHandle is (RosNameContext::handedBy;
  // ublox's firmware classes made with the driver node's `this`).
  const ParmVarDecl *parameter = nullptr;
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    parameter = dyn_cast<ParmVarDecl>(ref->getDecl());
  else if (const auto *given = dyn_cast_or_null<DeclRefExpr>(init ? rosStripObject(init) : nullptr))
    parameter = dyn_cast<ParmVarDecl>(given->getDecl());
  if (const auto *function = parameter ? dyn_cast_or_null<FunctionDecl>(parameter->getDeclContext()) : nullptr;
      function && keyOf_) {
    // An instantiation's own key (`Listener<Twist>::Listener`): its callers call that one.
    context.handedBy = keyOf_(function->getCanonicalDecl());
    context.handedParameter = parameter->getFunctionScopeIndex();
  }
  return context;
}

RosNameContext RosNodeContexts::ros2Node(const CXXRecordDecl *record) {
  if (auto it = nodes_.find(record); it != nodes_.end())
    return it->second;
  RosNameContext context;
  context.ros = true;
  // Node(name, [namespace,] [options]) in a constructor's base initialiser; a class derived
  // from another node class of the project: that class's. Of several constructors, the first
  // that names the node; when each names it from a parameter of its own, every one of them
  // (RosNameContext::namedAlso), filled by its calls.
  std::vector<RosNameContext> handed;
  bool defined = false;
  for (const CXXConstructorDecl *ctor : record->ctors()) {
    const CXXConstructorDecl *definition = dyn_cast_or_null<CXXConstructorDecl>(ctor->getDefinition());
    if (!definition)
      continue;
    defined = defined || !definition->isImplicit();
    RosNameContext one;
    one.ros = true;
    bool derived = false;
    for (const CXXCtorInitializer *init : definition->inits()) {
      if (!init->isBaseInitializer())
        continue;
      const CXXRecordDecl *base = init->getBaseClass()->getAsCXXRecordDecl();
      if (!base || !isRos2Node(base))
        continue;
      if (!isNodeClass(base)) {
        one = ros2Node(base);
        derived = true;
        break;
      }
      const auto *construct = dyn_cast_or_null<CXXConstructExpr>(rosStripObject(init->getInit()));
      if (!construct || construct->getNumArgs() == 0)
        continue;
      nodeGivenBy(one, construct, definition);
      break;
    }
    if (derived) {
      context = one;
      break;
    }
    if (one.nodeName.empty())
      continue;
    if (one.namedBy.empty()) {
      context = one; // a name the constructor itself gives
      handed.clear();
      break;
    }
    handed.push_back(one);
  }
  if (!handed.empty()) {
    context = handed.front();
    for (size_t i = 1; i < handed.size(); ++i)
      context.namedAlso.push_back({handed[i].namedBy, handed[i].namedParameter, handed[i].namedNamespaceParameter,
                                   handed[i].namedNamespaceParameter ? "" : handed[i].nodeNamespace});
  }
  // No constructor here (the class's methods written over several files): the unit that
  // defines one names the node (the resolver's RosNameContext::nodeClass).
  if (!defined && context.nodeName.empty() && context.namedBy.empty())
    context.nodeClass = record->getQualifiedNameAsString();
  else if (defined && (!context.nodeName.empty() || !context.namedBy.empty()))
    classes_[record->getQualifiedNameAsString()] = context;
  nodes_[record] = context;
  return context;
}

void RosNodeContexts::constructorDefined(const CXXConstructorDecl *ctor) {
  const CXXRecordDecl *record = ctor ? ctor->getParent() : nullptr;
  if (record && !record->isDependentContext() && isRos2Node(record) && !isNodeClass(record))
    ros2Node(record);
}

std::vector<std::pair<std::string, RosNameContext>> RosNodeContexts::nodeClasses() const {
  return {classes_.begin(), classes_.end()};
}

// What `Node(name, [namespace,] [options])` in constructor `definition`'s base initialiser
// gives: constants, what the constructions in this file pass for its parameters, or the
// hand-over of those parameters to every construction (RosNameContext::namedBy).
void RosNodeContexts::nodeGivenBy(RosNameContext &context, const CXXConstructExpr *construct,
                                  const CXXConstructorDecl *definition) {
  // The parameter of `definition` an argument is, and the one constant the constructions in
  // this file pass for it, if they agree on one.
  auto parameterOf = [&](const Expr *arg) -> const ParmVarDecl * {
    const auto *ref = dyn_cast<DeclRefExpr>(rosStripObject(arg));
    const auto *parameter = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
    return parameter && parameter->getDeclContext() == definition ? parameter : nullptr;
  };
  auto passedHere = [&](const ParmVarDecl *parameter) -> std::optional<std::string> {
    std::optional<std::string> passed;
    for (const Expr *argument : constructionArgumentsFor(parameter)) {
      std::optional<std::string> one = constant_(argument);
      if (!one || one->find('{') != std::string::npos || (passed && *passed != *one))
        return std::nullopt;
      passed = one;
    }
    return passed;
  };
  if (std::optional<std::string> name = constant_(construct->getArg(0)))
    context.nodeName = *name; // a constant, or a pattern such as `{node_name}`
  // `LifecycleTalker(const std::string &node_name) : LifecycleNode(node_name)`: the name every
  // construction in this file gives (`std::make_shared<LifecycleTalker>("lc_talker")`); made in
  // another unit, or through another constructor that delegates with its own parameter
  // (ros2_control's ControllerManager): each construction in any unit names the node, its
  // default argument where it gives none (the resolver's hand-over).
  if (const ParmVarDecl *parameter = parameterOf(construct->getArg(0))) {
    if (std::optional<std::string> passed = passedHere(parameter)) {
      context.nodeName = *passed;
    } else if (keyOf_) {
      context.nodeName = "{" + parameter->getNameAsString() + "}";
      context.namedBy = keyOf_(definition);
      context.namedParameter = parameter->getFunctionScopeIndex();
      context.namedPiece = context.nodeName;
    }
  }
  // The options last: their `__node`/`__ns` win over the constructor's name and namespace.
  for (unsigned i = 1; i < construct->getNumArgs(); ++i)
    if (isRos2Options(construct->getArg(i)))
      giveNodeOptions(context, construct->getArg(i));
  if (construct->getNumArgs() < 2 || isa<CXXDefaultArgExpr>(construct->getArg(1)) || isRos2Options(construct->getArg(1)))
    return;
  if (context.namespaceFromOptions)
    return;
  context.nodeNamespace = namespaceOf(construct->getArg(1));
  // `Node(manager_node_name, node_namespace, options)`: the namespace the same constructions give.
  if (const ParmVarDecl *parameter = parameterOf(construct->getArg(1))) {
    if (std::optional<std::string> passed = context.namedBy.empty() ? passedHere(parameter) : std::nullopt) {
      context.nodeNamespace = *passed;
    } else if (!context.namedBy.empty()) {
      context.nodeNamespace = "{" + parameter->getNameAsString() + "}";
      context.namedNamespaceParameter = parameter->getFunctionScopeIndex() + 1;
    } else if (keyOf_) {
      // A constant name in a namespace the constructor is given (`Base("micom", ns, options)`
      // in cloisim_ros's sensor nodes): the namespace alone is handed over, each construction
      // in any unit giving it.
      context.nodeNamespace = "{" + parameter->getNameAsString() + "}";
      context.namedBy = keyOf_(definition);
      context.namedParameter = parameter->getFunctionScopeIndex();
      context.namedPiece = context.nodeNamespace;
    }
  }
}

// `std::make_shared<rclcpp::Node>("name", "ns")`, `rclcpp::Node::make_shared("name", "ns")`,
// `new rclcpp::Node(...)`, `rclcpp::Node node("name")`.
RosNameContext RosNodeContexts::ros2NodeMadeBy(const Expr *init, unsigned depth) {
  RosNameContext context;
  init = rosStripObject(init);
  if (!init || depth > 4)
    return context;
  const Expr *const *args = nullptr;
  unsigned count = 0;
  // `subNode = this->create_sub_node(get_name())`: rclcpp's sub-node puts each relative name
  // under its sub-namespace, and leaves `~/x` and `/x` alone (rclcpp's node.cpp,
  // extend_name_with_sub_namespace), as a ROS 1 NodeHandle's relative namespace does. A
  // sub-namespace that is the node's own name is its private namespace.
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(init); call && call->getMethodDecl() &&
                                                            call->getMethodDecl()->getIdentifier() &&
                                                            call->getMethodDecl()->getName() == "create_sub_node" &&
                                                            call->getNumArgs() >= 1) {
    if (subNodes_ >= 4) // `node_ = node_->create_sub_node("x")`: no end to follow
      return context;
    ++subNodes_;
    RosNameContext parent = of(call->getImplicitObjectArgument());
    --subNodes_;
    if (!parent.ros)
      return context;
    std::string sub = "{sub_namespace}";
    const auto *named = dyn_cast<CXXMemberCallExpr>(rosStripObject(call->getArg(0)));
    if (named && named->getMethodDecl() && named->getMethodDecl()->getIdentifier() &&
        named->getMethodDecl()->getName() == "get_name" && isRos2Node(rosClassOf(named->getImplicitObjectArgument()->getType())))
      sub = "~";
    else if (std::optional<std::string> text = constant_(call->getArg(0)); text && !text->empty() && text->front() != '/')
      sub = *text;
    context = parent;
    context.handleNamespace =
        parent.handleNamespace.empty() ? sub : sub == "~" ? sub : parent.handleNamespace + "/" + sub;
    return context;
  }
  if (const auto *call = dyn_cast<CallExpr>(init)) {
    const FunctionDecl *callee = call->getDirectCallee();
    std::string name = callee ? withoutTemplateArguments(callee->getQualifiedNameAsString()) : "";
    if (name != "std::make_shared" && name != "std::make_unique" && name != "rclcpp::Node::make_shared" &&
        name != "rclcpp_lifecycle::LifecycleNode::make_shared")
      return ros2NodeReturnedBy(callee, depth);
    args = call->getArgs();
    count = call->getNumArgs();
  } else if (const auto *construct = dyn_cast<CXXConstructExpr>(init)) {
    args = construct->getArgs();
    count = construct->getNumArgs();
  } else if (const auto *made = dyn_cast<CXXNewExpr>(init)) {
    if (const CXXConstructExpr *construct = made->getConstructExpr()) {
      args = construct->getArgs();
      count = construct->getNumArgs();
    }
  }
  if (count > 0)
    if (std::optional<std::string> name = constant_(args[0]))
      context.nodeName = *name;
  if (count > 1 && !isa<CXXDefaultArgExpr>(args[1]) && !isRos2Options(args[1]))
    context.nodeNamespace = namespaceOf(args[1]);
  for (unsigned i = 1; i < count; ++i)
    if (isRos2Options(args[i]))
      giveNodeOptions(context, args[i]);
  return context;
}

bool isRos2NodeOptions(QualType type) {
  const CXXRecordDecl *record = rosClassOf(type);
  return record && record->getNameAsString() == "NodeOptions";
}

std::vector<const Expr *> rosReturnedValues(const FunctionDecl *definition) {
  struct Returns : RecursiveASTVisitor<Returns> {
    std::vector<const Expr *> found;
    bool VisitReturnStmt(ReturnStmt *r) {
      if (r->getRetValue())
        found.push_back(r->getRetValue());
      return true;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; } // a lambda's returns are its own
  } returns;
  if (definition && definition->getBody())
    returns.TraverseStmt(definition->getBody());
  return returns.found;
}

// A function of the project that makes and returns a node (`rclcpp::Node::SharedPtr
// makeInternal()`, nav2_util's generate_internal_node): the node its returns agree on.
RosNameContext RosNodeContexts::ros2NodeReturnedBy(const FunctionDecl *function, unsigned depth) {
  const FunctionDecl *definition = function ? function->getDefinition() : nullptr;
  const SourceManager &sources = context_.getSourceManager();
  if (!definition || !definition->getBody() || sources.isInSystemHeader(sources.getExpansionLoc(definition->getLocation())))
    return {};
  std::optional<RosNameContext> agreed;
  for (const Expr *value : rosReturnedValues(definition)) {
    const Expr *e = rosStripObject(value);
    // `auto node = rclcpp::Node::make_shared(...); return node;`
    if (const auto *ref = dyn_cast_or_null<DeclRefExpr>(e))
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && !isa<ParmVarDecl>(var) && var->getInit())
        e = var->getInit();
    RosNameContext one = ros2NodeMadeBy(e, depth + 1);
    if (agreed && !(*agreed == one))
      return {};
    agreed = std::move(one);
  }
  return agreed.value_or(RosNameContext{});
}

// `to` is the handle `from` is, a copy of it: its namespace, or its hand-over from a
// function's parameter (RosNameContext::handedBy).
static void sameHandle(RosNameContext &to, const RosNameContext &from) {
  to.handleNamespace = from.handleNamespace;
  to.handedBy = from.handedBy;
  to.handedParameter = from.handedParameter;
  to.handedSuffix = from.handedSuffix;
  to.namedBy = from.namedBy;
  to.namedParameter = from.namedParameter;
  to.namedPiece = from.namedPiece;
}

RosNameContext RosNodeContexts::ros1Handle(const Expr *object, unsigned depth) {
  // `&private_nh` handed to a constructor taking `ros::NodeHandle *`: that handle.
  if (const auto *address = dyn_cast<UnaryOperator>(object); address && address->getOpcode() == UO_AddrOf && depth < 4)
    return ros1Handle(rosStripObject(address->getSubExpr()), depth + 1);
  RosNameContext context;
  context.ros = true;
  context.nodeName = ros1NodeName();
  const Expr *init = nullptr;
  bool known = false;
  if (const auto *ref = dyn_cast<DeclRefExpr>(object)) {
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && !isa<ParmVarDecl>(var) && !var->getType()->isReferenceType()) {
      init = var->getInit();
      known = true;
    } else if (var && !isa<ParmVarDecl>(var) && var->getInit()) { // `ros::NodeHandle &nh = getNodeHandle();`
      sameHandle(context, ros1HandleMadeBy(var->getInit(), depth + 1));
      return context;
    }
  } else if (const auto *member = dyn_cast<MemberExpr>(object)) {
    if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()); field && !field->getType()->isReferenceType()) {
      init = memberInitialiser(field);
      known = true;
    }
  } else if (isa<CXXConstructExpr>(object) || isa<CallExpr>(object)) { // ros::NodeHandle("~").advertise(...)
    sameHandle(context, ros1HandleMadeBy(object, depth));
    return context;
  }
  // A NodeHandle (or a pointer to one) passed in: what the callers in this translation unit
  // pass, when they all pass the same (a plugin's `initialize(ros::NodeHandle &nh)` called
  // with the node's private handle; a helper template `subscribe(nh, topic, ...)`).
  if (const auto *ref = dyn_cast<DeclRefExpr>(object))
    if (const auto *parameter = dyn_cast<ParmVarDecl>(ref->getDecl()); parameter && depth < 4) {
      // What a caller passes: its namespace, or its own hand-over from further out.
      std::optional<RosNameContext> passed;
      bool conflicting = false;
      for (const Expr *argument : argumentsFor(parameter)) {
        const Expr *a = rosStripObject(argument);
        RosNameContext one; // the handle alone (ros1Handle also names this unit's node)
        sameHandle(one, isa<DeclRefExpr>(a) || isa<MemberExpr>(a) ? ros1Handle(a, depth + 1)
                                                                   : ros1HandleMadeBy(a, depth + 1));
        conflicting = conflicting || (passed && !(*passed == one));
        passed = one;
      }
      if (passed && !conflicting)
        sameHandle(context, *passed);
      // The callers in every unit hand it over (the resolver: `init(ros::NodeHandle &nh)` of
      // a class a nodelet in another file calls, and the process is the caller's); what the
      // callers here pass is what stays when they cannot.
      const auto *function = dyn_cast_or_null<FunctionDecl>(parameter->getDeclContext());
      if (function && keyOf_) {
        if (const FunctionDecl *pattern = function->getTemplateInstantiationPattern())
          function = pattern;
        context.handedBy = keyOf_(function->getCanonicalDecl());
        context.handedParameter = parameter->getFunctionScopeIndex();
      }
      return context; // callers that differ: the root namespace assumed
    }
  if (!known)
    return context; // a NodeHandle passed in: made elsewhere (the root namespace assumed)
  // Made empty and assigned later (`nh_ = ros::NodeHandle(parent, "mocap")`): the value assigned,
  // when every assignment gives the same.
  const auto *ref = dyn_cast<DeclRefExpr>(object);
  const auto *member = dyn_cast<MemberExpr>(object);
  std::optional<RosNameContext> assigned;
  bool conflicting = false;
  for (const Expr *value : assignedValues(ref ? ref->getDecl() : member->getMemberDecl())) {
    RosNameContext one = ros1HandleMadeBy(value, depth + 1);
    conflicting = conflicting || (assigned && !(*assigned == one));
    assigned = one;
  }
  if (assigned && !conflicting) {
    sameHandle(context, *assigned);
    return context;
  }
  RosNameContext made = ros1HandleMadeBy(init, depth);
  sameHandle(context, made);
  return context;
}

// The right-hand sides of `decl = value` in the function a local is declared in, or in the
// methods of the class a member belongs to.
const std::vector<const Expr *> &RosNodeContexts::assignedValues(const ValueDecl *variable) {
  if (auto known = assigned_.find(variable); known != assigned_.end())
    return known->second; // one walk per variable, however many calls use it
  using namespace ast_matchers;
  std::vector<const Stmt *> bodies;
  // A namespace-scope variable (`rclcpp::Node::SharedPtr node;` that main assigns): the
  // functions of the main file.
  if (const auto *var = dyn_cast<VarDecl>(variable); var && var->hasGlobalStorage() && !var->isStaticLocal()) {
    const SourceManager &sources = context_.getSourceManager();
    for (const Decl *d : context_.getTranslationUnitDecl()->decls())
      if (const auto *function = dyn_cast<FunctionDecl>(d);
          function && function->doesThisDeclarationHaveABody() && sources.isInMainFile(sources.getExpansionLoc(function->getLocation())))
        bodies.push_back(function->getBody());
  } else if (const auto *var = dyn_cast<VarDecl>(variable)) {
    if (const auto *function = dyn_cast_or_null<FunctionDecl>(var->getParentFunctionOrMethod()); function && function->getBody())
      bodies.push_back(function->getBody());
  } else if (const auto *record = dyn_cast<CXXRecordDecl>(variable->getDeclContext())) {
    for (const Decl *d : record->decls()) {
      const auto *method = dyn_cast<CXXMethodDecl>(d);
      if (const auto *templated = dyn_cast<FunctionTemplateDecl>(d))
        method = dyn_cast<CXXMethodDecl>(templated->getTemplatedDecl());
      if (method && method->getDefinition() && method->getDefinition()->getBody())
        bodies.push_back(method->getDefinition()->getBody());
    }
    // Methods defined outside the class body are found through their declarations above.
  }
  std::vector<const Expr *> &values = assigned_[variable];
  auto target = anyOf(declRefExpr(to(decl(equalsNode(variable)))), memberExpr(member(equalsNode(variable))));
  for (const Stmt *body : bodies)
    for (const BoundNodes &bound :
         match(findAll(cxxOperatorCallExpr(hasOverloadedOperatorName("="), hasArgument(0, ignoringParenImpCasts(target)))
                           .bind("assign")),
               *body, context_))
      values.push_back(bound.getNodeAs<CXXOperatorCallExpr>("assign")->getArg(1));
  // A pointer to a node (`node_ = node;`): a built-in assignment.
  for (const Stmt *body : bodies)
    for (const BoundNodes &bound :
         match(findAll(binaryOperator(hasOperatorName("="), hasLHS(ignoringParenImpCasts(target))).bind("assign")), *body,
               context_))
      values.push_back(bound.getNodeAs<BinaryOperator>("assign")->getRHS());
  return values;
}

// The arguments given for `parameter` by the calls of its function in this translation unit
// (a function template's calls of the specialisation it belongs to).
std::vector<const Expr *> RosNodeContexts::constructionArgumentsFor(const ParmVarDecl *parameter) {
  std::vector<const Expr *> arguments;
  const auto *ctor = dyn_cast_or_null<CXXConstructorDecl>(parameter->getDeclContext());
  if (!ctor)
    return arguments;
  const CXXRecordDecl *record = ctor->getParent()->getCanonicalDecl();
  unsigned index = parameter->getFunctionScopeIndex();
  // Constructions written in the main file: `T t(args)`, `new T(args)`, and
  // `std::make_shared<T>(args)` / `std::make_unique<T>(args)`, whose arguments are T's.
  struct Constructions : RecursiveASTVisitor<Constructions> {
    const CXXConstructorDecl *ctor;
    const CXXRecordDecl *record;
    unsigned index;
    std::vector<const Expr *> *out;
    bool VisitCXXConstructExpr(CXXConstructExpr *construct) {
      if (construct->getConstructor() && construct->getConstructor()->getCanonicalDecl() == ctor->getCanonicalDecl() &&
          index < construct->getNumArgs())
        out->push_back(construct->getArg(index));
      return true;
    }
    bool VisitCallExpr(CallExpr *call) {
      const FunctionDecl *callee = call->getDirectCallee();
      const TemplateArgumentList *targs = callee ? callee->getTemplateSpecializationArgs() : nullptr;
      if (!callee || !targs || targs->size() == 0 || targs->get(0).getKind() != TemplateArgument::Type ||
          !callee->isInStdNamespace() || !callee->getIdentifier() ||
          (callee->getName() != "make_shared" && callee->getName() != "make_unique"))
        return true;
      const CXXRecordDecl *made = targs->get(0).getAsType()->getAsCXXRecordDecl();
      if (!made || made->getCanonicalDecl() != record || call->getNumArgs() > ctor->getNumParams() ||
          call->getNumArgs() < ctor->getMinRequiredArguments())
        return true;
      if (index < call->getNumArgs())
        out->push_back(call->getArg(index));
      else if (const ParmVarDecl *parameter = ctor->getParamDecl(index); parameter->hasDefaultArg() &&
               !parameter->hasUninstantiatedDefaultArg() && !parameter->hasUnparsedDefaultArg())
        out->push_back(parameter->getDefaultArg()); // `make_shared<Node>()` of `Node(name = "talker")`
      return true;
    }
  } constructions;
  constructions.ctor = ctor;
  constructions.record = record;
  constructions.index = index;
  constructions.out = &arguments;
  traverseMainFile(context_, constructions);
  return arguments;
}

const std::vector<const Expr *> &RosNodeContexts::argumentsFor(const ParmVarDecl *parameter) {
  if (auto known = arguments_.find(parameter); known != arguments_.end())
    return known->second;
  std::vector<const Expr *> &arguments = arguments_[parameter];
  const auto *function = dyn_cast_or_null<FunctionDecl>(parameter->getDeclContext());
  if (!function)
    return arguments;
  unsigned index = parameter->getFunctionScopeIndex();
  // The callers in the main file only: the headers' code does not call the project's functions.
  // A template's parameter is met in its pattern or in a specialisation: both are the same function here.
  auto origin = [](const FunctionDecl *f) {
    if (const FunctionDecl *pattern = f->getTemplateInstantiationPattern())
      f = pattern;
    return f->getCanonicalDecl();
  };
  const FunctionDecl *wanted = origin(function);
  struct Calls : RecursiveASTVisitor<Calls> {
    std::vector<const CallExpr *> found;
    bool VisitCallExpr(CallExpr *call) {
      found.push_back(call);
      return true;
    }
  } calls;
  traverseMainFile(context_, calls);
  for (const CallExpr *call : calls.found) {
    if (isa<CXXOperatorCallExpr>(call) || index >= call->getNumArgs() || !call->getDirectCallee() ||
        origin(call->getDirectCallee()) != wanted)
      continue;
    arguments.push_back(call->getArg(index));
  }
  return arguments;
}

// NodeHandle(), NodeHandle("ns"), NodeHandle("~"), NodeHandle(parent, "ns").
RosNameContext RosNodeContexts::ros1HandleMadeBy(const Expr *init, unsigned depth) {
  RosNameContext context;
  init = rosStripObject(init);
  if (!init || depth > 4)
    return context;
  // Through a pointer: `ros::NodeHandle *nh = &node;`, `new ros::NodeHandle("~")`,
  // `boost::make_shared<ros::NodeHandle>("~")`.
  if (const auto *address = dyn_cast<UnaryOperator>(init); address && address->getOpcode() == UO_AddrOf) {
    sameHandle(context, ros1Handle(rosStripObject(address->getSubExpr()), depth + 1));
    return context;
  }
  if (const auto *made = dyn_cast<CXXNewExpr>(init))
    init = made->getConstructExpr();
  if (isa<DeclRefExpr>(init) || isa<MemberExpr>(init)) { // another handle: `ros::NodeHandle &nh = nh_;`
    sameHandle(context, ros1Handle(init, depth + 1));
    return context;
  }
  // A nodelet's handles (nodelet::Nodelet): the node's namespace, or its private one.
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(init); call && call->getMethodDecl()) {
    std::string method = call->getMethodDecl()->getNameAsString();
    if (method == "getPrivateNodeHandle" || method == "getMTPrivateNodeHandle")
      context.handleNamespace = "~";
    return context;
  }
  if (const auto *call = dyn_cast<CallExpr>(init); call && call->getNumArgs() > 0 && call->getDirectCallee()) {
    std::string name = withoutTemplateArguments(call->getDirectCallee()->getQualifiedNameAsString());
    if (name == "std::make_shared" || name == "boost::make_shared" || name == "std::make_unique")
      setHandleNamespace(context, call->getArg(0));
    return context;
  }
  const auto *construct = dyn_cast_or_null<CXXConstructExpr>(init);
  if (!construct)
    return context; // default-initialised: the node's namespace
  if (construct->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(construct->getArg(0)))
    return context;
  const Expr *first = rosStripObject(construct->getArg(0));
  if (isNodeHandle(first->getType())) {
    RosNameContext parentHandle = ros1Handle(first, depth + 1);
    std::string parent = parentHandle.handleNamespace;
    std::string ns = construct->getNumArgs() > 1 ? namespaceOf(construct->getArg(1)) : "";
    if (construct->getConstructor()->isCopyOrMoveConstructor() || ns.empty()) {
      sameHandle(context, parentHandle); // `nh_(nh)` of a constructor's parameter: its hand-over too
      return context;
    }
    if (ns[0] == '/' || parent.empty())
      context.handleNamespace = ns;
    else
      context.handleNamespace = parent + "/" + ns;
    // A child of a handed handle (`ros::NodeHandle priv_nh(nh, "line_tracker")` in a plugin's
    // Initialize(nh)): the hand-over too, this namespace under whatever the callers give.
    if (!parentHandle.handedBy.empty() && ns[0] != '/' && ns[0] != '~') {
      context.handedBy = parentHandle.handedBy;
      context.handedParameter = parentHandle.handedParameter;
      context.handedSuffix = parentHandle.handedSuffix.empty() ? ns : parentHandle.handedSuffix + "/" + ns;
    }
    return context;
  }
  setHandleNamespace(context, construct->getArg(0));
  return context;
}

void RosNodeContexts::setHandleNamespace(RosNameContext &context, const Expr *arg) {
  context.handleNamespace = namespaceOf(arg);
  if (std::optional<ParameterPiece> piece = pieceOf_ ? pieceOf_(arg) : std::nullopt;
      piece && context.handleNamespace.find(piece->piece) != std::string::npos) {
    context.namedBy = piece->function;
    context.namedParameter = piece->parameter;
    context.namedPiece = piece->piece;
  }
}

// A namespace argument: its text, `{namespace}` where it is known only at run time.
std::string RosNodeContexts::namespaceOf(const Expr *arg) {
  return constant_(arg).value_or("{namespace}");
}

// The node name `ros::init(argc, argv, "name")` gives in this translation unit, when one
// constant name is given; "" otherwise.
std::string RosNodeContexts::unitNodeName() {
  // Only a unit that declares ros::init can call it: the others are not walked.
  auto ros = context_.getTranslationUnitDecl()->lookup(&context_.Idents.get("ros"));
  if (ros.empty() || !isa<NamespaceDecl>(ros.front()) ||
      cast<NamespaceDecl>(ros.front())->lookup(&context_.Idents.get("init")).empty())
    return "";
  return ros1NodeName();
}

RosNameContext RosNodeContexts::processHandle() {
  RosNameContext context;
  context.ros = true;
  context.kind = RosNodeKind::Ros1;
  context.nodeName = ros1NodeName();
  return context;
}

const std::string &RosNodeContexts::ros1NodeName() {
  if (ros1NodeName_)
    return *ros1NodeName_;
  using namespace ast_matchers;
  std::set<std::string> names;
  bool unknown = false;
  // The functions of the project's code (ros::init is called in main, or in a function of
  // the node's), at namespace scope and in namespaces.
  std::vector<const DeclContext *> work{context_.getTranslationUnitDecl()};
  const SourceManager &sm = context_.getSourceManager();
  while (!work.empty()) {
    const DeclContext *scope = work.back();
    work.pop_back();
    for (const Decl *decl : scope->decls()) {
      if (decl->getLocation().isValid() && sm.isInSystemHeader(sm.getExpansionLoc(decl->getLocation())))
        continue;
      if (const auto *ns = dyn_cast<NamespaceDecl>(decl)) {
        work.push_back(ns);
        continue;
      }
      const auto *function = dyn_cast<FunctionDecl>(decl);
      if (!function || !function->doesThisDeclarationHaveABody())
        continue;
      for (const BoundNodes &bound :
           match(findAll(callExpr(callee(functionDecl(hasName("::ros::init"))), argumentCountAtLeast(3)).bind("init")),
                 *function->getBody(), context_)) {
        const auto *call = bound.getNodeAs<CallExpr>("init");
        if (std::optional<std::string> name = constant_(call->getArg(2)))
          names.insert(*name);
        else
          unknown = true;
      }
    }
  }
  ros1NodeName_ = names.size() == 1 && !unknown ? *names.begin() : "";
  return *ros1NodeName_;
}

} // namespace eventscope
