#include "analyzer/cpp/fact_visitor.h"
#include "analyzer/cpp/shim_filesystem.h"

#include "analyzer/cpp/api_lookup.h"
#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/handler_finder.h"
#include "analyzer/cpp/object_fate.h"
#include "analyzer/cpp/libraries/abseil_flags.h"
#include "analyzer/cpp/libraries/ros_nodes.h"
#include "analyzer/cpp/libraries/ros_qos.h"
#include "analyzer/cpp/topic_guards.h"
#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/ScopeExit.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

// No exception may cross a Clang frame: nothing below throws.

namespace eventscope {

AnalysisPosition &analysisPosition() {
  thread_local AnalysisPosition position;
  return position;
}

namespace {

using namespace clang;

// Text a function returns is kept for its first few returns (a name helper has one or two; a
// long switch of names is a lookup the resolver would not narrow anyway).
const size_t kMaxReturnedTexts = 8;

// boost::shared_ptr and boost::scoped_ptr, which hold a handle as std's smart pointers do.
bool boostSmartPointer(const CXXRecordDecl *record) {
  if (!record || !record->getIdentifier() || !llvm::is_contained({"shared_ptr", "scoped_ptr"}, record->getName()))
    return false;
  const auto *space = dyn_cast<NamespaceDecl>(record->getDeclContext());
  return space && space->getIdentifier() && space->getName() == "boost" && space->getParent()->isTranslationUnit();
}

ArgValue unknownValue(std::string reason) {
  ArgValue value;
  value.text = std::move(reason);
  return value;
}

// EVENTSCOPE_CRASH_IN_FUNCTION=qualified::name makes the visitor crash on entering that
// function: how the tests show that a crash is reported as eventscope's and the run goes on.
void crashForTesting(const std::string &function) {
  static const char *target = std::getenv("EVENTSCOPE_CRASH_IN_FUNCTION");
  if (target && function == target)
    __builtin_trap();
}


class FactVisitor : public RecursiveASTVisitor<FactVisitor> {
public:
  FactVisitor(ASTContext &context, TuFacts &facts, const ExtractOptions &options, const std::set<std::string> &skipped)
      : context_(context), sm_(context.getSourceManager()), facts_(facts), options_(options), skipped_(skipped),
        names_(sm_, options_.root), handlers_(context, names_, functions_),
        values_(context, names_, handlers_, options_, functions_),
        rosNodes_(context, [this](const Expr *e) -> std::optional<std::string> {
          ArgValue v = values_.evaluate(e, 0);
          if (v.kind == ArgValue::Kind::Strings && v.strings.size() == 1)
            return v.strings.front();
          // `"~/" + name` of a parameter: the pattern `~/{name}`.
          if (const ParmVarDecl *parameter = parameterIn(e, v))
            return v.prefix + "{" + parameter->getNameAsString() + "}" + v.suffix;
          return std::nullopt;
        },
                  [this](const FunctionDecl *function) { return names_.keyOf(function); },
                  [this](const Expr *e) -> std::optional<RosNodeContexts::ParameterPiece> {
                    ArgValue v = values_.evaluate(e, 0);
                    const ParmVarDecl *parameter = parameterIn(e, v);
                    if (!parameter)
                      return std::nullopt;
                    return RosNodeContexts::ParameterPiece{
                        names_.keyOf(cast<FunctionDecl>(parameter->getDeclContext())), v.parameter,
                        "{" + parameter->getNameAsString() + "}"};
                  }) {
    values_.setNodeText([this](const Expr *object, llvm::StringRef method) -> std::optional<std::string> {
      RosNameContext node = rosNodes_.of(object);
      if (method == "handle_namespace") // the ROS 1 NodeHandle's own namespace ("", "~", "x", "/x")
        return node.ros ? std::optional<std::string>(node.handleNamespace) : std::nullopt;
      if (!node.ros || node.kind == RosNodeKind::Ros1)
        return std::nullopt;
      // A node whose name the code does not give (a ros2_control controller, named by the
      // controller manager's parameters): the pieces name resolution fills where the node
      // runs. `get_node()->get_name() + "/target_wrench"` is relative, so under the namespace:
      // the node's fully qualified name, then "/target_wrench".
      // get_fully_qualified_name() too, always: a launch file may rename the node or put it in
      // a namespace, and `get_fully_qualified_name() + "/get_layers"` is then its private name
      // there (mrpt_navigation's map server), as `~/get_layers` is.
      if (node.nodeName.empty() || node.nodeName.find_first_of("{~/") != std::string::npos ||
          method == "get_fully_qualified_name") {
        // The pieces stand for the node of the call the name is given to: not for the node of
        // another object (`controller_->get_node()->get_name()` in a test that publishes on
        // its own `test_node`), whose name is then not known here.
        if (nodeOfAnotherObject(object))
          return std::nullopt;
        return std::string(method == "get_namespace" ? kRosNodeNamespacePiece : kRosNodeNamePiece);
      }
      // rclcpp's get_namespace() is absolute ("/" in the root namespace).
      std::string space = node.nodeNamespace;
      if (space.empty() || space.front() != '/')
        space.insert(space.begin(), '/');
      if (method == "get_name")
        return node.nodeName;
      return space; // get_namespace
    });
    for (const std::string &api : options_.apiNames) {
      size_t colon = api.rfind("::");
      apiShortNames_.insert(colon == std::string::npos ? api : api.substr(colon + 2));
    }
  }

  // Whether `object` (what get_name() is called on) is the node of an object other than the
  // one whose method runs and other than a ROS node: `controller_->get_node()`, where
  // controller_ is not `this`, against `get_node()`, `node_`, `node->get_node_base_interface()`.
  static bool nodeOfAnotherObject(const Expr *object) {
    const auto *call = dyn_cast_or_null<CXXMemberCallExpr>(ValueEvaluator::unwrap(object));
    if (!call)
      return false;
    const Expr *owner = ValueEvaluator::unwrap(call->getImplicitObjectArgument());
    if (!owner || isa<CXXThisExpr>(owner))
      return false;
    return !isRos2Node(rosClassOf(owner->getType()));
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  // A braced list's syntactic form (what RecursiveASTVisitor walks without implicit code)
  // lacks the constructions its elements imply: `consumer.assign({{topic, 0}})` builds a
  // cppkafka::TopicPartition from `{topic, 0}`, `std::vector<Relay> relays = {{"a"}, {"b"}}`
  // runs a project constructor per element. The semantic form holds them and every written
  // expression, so it alone is walked, once.
  bool TraverseInitListExpr(InitListExpr *list, DataRecursionQueue *queue = nullptr) {
    InitListExpr *semantic = list->isSemanticForm() ? list : list->getSemanticForm();
    return TraverseSynOrSemInitListExpr(semantic ? semantic : list, queue);
  }

  bool TraverseDecl(Decl *decl) {
    if (!decl)
      return true;
    // Library code is not the system under analysis: skip it whole (also a large speed-up).
    if (!isa<TranslationUnitDecl>(decl) && decl->getLocation().isValid() &&
        sm_.isInSystemHeader(sm_.getExpansionLoc(decl->getLocation())))
      return true;
    auto *function = dyn_cast<FunctionDecl>(decl);
    if (function && function->doesThisDeclarationHaveABody()) {
      if (!skipped_.empty() && skipped_.count(formatLocation(names_.locationOf(function->getLocation()))))
        return true;
      recordFunction(function);
      functions_.push_back(function);
      std::vector<Location> outerLoops; // a local class's method: loops of its own
      std::swap(outerLoops, loops_);
      auto restore = llvm::make_scope_exit([&] { loops_ = std::move(outerLoops); });
      // Where a crash would be reported: eventscope's fault, in this function.
      AnalysisPosition saved = analysisPosition();
      analysisPosition().function = names_.readableName(function);
      analysisPosition().location = names_.locationOf(function->getLocation());
      crashForTesting(analysisPosition().function);
      bool result = RecursiveASTVisitor::TraverseDecl(decl);
      analysisPosition() = saved;
      functions_.pop_back();
      return result;
    }
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  // The loops around what is visited (CallFact::loops). A loop's statement is traversed
  // whole here, not through RecursiveASTVisitor's queue, so that the stack holds while its
  // body is visited.
  bool TraverseStmt(Stmt *s, DataRecursionQueue *queue = nullptr) {
    if (s && (isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s))) {
      loops_.push_back(names_.locationOf(s->getBeginLoc()));
      bool result = RecursiveASTVisitor::TraverseStmt(s, nullptr);
      loops_.pop_back();
      return result;
    }
    return RecursiveASTVisitor::TraverseStmt(s, queue);
  }

  bool TraverseLambdaExpr(LambdaExpr *lambda) {
    std::vector<Location> outerLoops; // a lambda's body is a function of its own
    std::swap(outerLoops, loops_);
    auto restore = llvm::make_scope_exit([&] { loops_ = std::move(outerLoops); });
    CXXMethodDecl *op = lambda->getCallOperator();
    if (!op) // an invalid lambda
      return RecursiveASTVisitor::TraverseLambdaExpr(lambda);
    std::string enclosing = currentKey();
    recordFunction(op);
    if (!enclosing.empty())
      facts_.lambdas.push_back({enclosing, names_.keyOf(op)});
    functions_.push_back(op);
    bool result = RecursiveASTVisitor::TraverseLambdaExpr(lambda);
    // A generic lambda's body is a template: its calls resolve only in the instantiations,
    // which belong to the implicit closure class and are not traversed otherwise. They
    // share the lambda's key, so a handler `[](const auto &m) {...}` keeps its edges.
    if (FunctionTemplateDecl *generic = lambda->getDependentCallOperator())
      for (FunctionDecl *instance : generic->specializations())
        if (instance->hasBody())
          result = result && TraverseStmt(instance->getBody());
    functions_.pop_back();
    return result;
  }

  bool VisitCallExpr(CallExpr *call) {
    notePassedObjects(llvm::ArrayRef<const Expr *>(call->getArgs(), call->getNumArgs()));
    const FunctionDecl *callee = call->getDirectCallee();
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
      callee = member->getMethodDecl();
      // `topic_.reset(Topic::create(...))`: the smart pointer takes over the handle.
      auto *method = dyn_cast_or_null<CXXMethodDecl>(callee);
      // Boost's smart pointers too (`boost::shared_ptr<RdKafka::Topic> topic_` of Contrail).
      if (method && method->getIdentifier() && method->getName() == "reset" && call->getNumArgs() == 1 &&
          (method->getParent()->isInStdNamespace() || boostSmartPointer(method->getParent())))
        bindHandle(variableKey(member->getImplicitObjectArgument()), call->getArg(0));
      // `queue_.push(std::make_pair(key, v))` in post_message(key, v): the queue's element
      // holds that parameter, as a member a setter sets (the function becomes a wrapper).
      if (!functions_.empty())
        if (std::string queue = values_.queueKey(member->getImplicitObjectArgument()); !queue.empty())
          for (const auto &[piece, expr] : ValueEvaluator::queuedPieces(member)) {
            if (ArgValue pushed = values_.evaluate(expr, 0); pushed.kind == ArgValue::Kind::Parameter &&
                                                              pushed.parameterOf.empty())
              facts_.memberParameters.push_back({queue + piece, currentKey(), pushed});
            // `topic_partition_.push_back(RdKafka::TopicPartition::create(topic_, partition_))`
            // in a constructor, `consumer_->assign(topic_partition_)` in start() (kspp's
            // kafka_consumer): the container's elements are the handles that call made.
            const Expr *element = ValueEvaluator::unwrap(expr);
            // `shared_ptr<RdKafka::Topic> sr(RdKafka::Topic::create(...)); topic_.push_back(sr);`:
            // the handle the local was made from.
            if (auto *ref = dyn_cast_or_null<DeclRefExpr>(element))
              if (auto *local = dyn_cast<VarDecl>(ref->getDecl()); local && local->isLocalVarDecl() && local->getInit()) {
                const Expr *init = ValueEvaluator::unwrap(local->getInit());
                if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(init); construct && construct->getNumArgs() >= 1)
                  init = ValueEvaluator::unwrap(construct->getArg(0));
                element = init;
              }
            if (piece == "@elem:" && isa_and_nonnull<CallExpr>(element) && !element->getType().isNull() &&
                element->getType()->isPointerType() && !ValueEvaluator::isStringLike(element->getType()))
              bindHandle(queue + "@elem:", element);
          }
    }
    // `handlers_[topic] = ...` in watch(topic): the map's key holds that parameter.
    if (auto *subscript = dyn_cast<CXXOperatorCallExpr>(call);
        subscript && subscript->getOperator() == OO_Subscript && subscript->getNumArgs() == 2 && !functions_.empty())
      if (std::string map = values_.queueKey(subscript->getArg(0));
          !map.empty() && ValueEvaluator::keyedContainer(subscript->getArg(0)))
        if (ArgValue key = values_.evaluate(subscript->getArg(1), 0);
            key.kind == ArgValue::Kind::Parameter && key.parameterOf.empty())
          facts_.memberParameters.push_back({map + "@elem:0", currentKey(), key});
    if (!callee) {
      // A call Clang could not resolve: because of an error, or because it is in a template's
      // own code (resolved only in instantiations; a template never instantiated here, or
      // one whose class a missing header made invalid, has nothing else to show). Where an
      // instantiation resolves the same call, the resolver keeps that one.
      if (recordProjectOverloadInError(call->getCallee(), llvm::ArrayRef<Expr *>(call->getArgs(), call->getNumArgs()),
                                       call->getBeginLoc(), call->containsErrors()))
        return true;
      if (call->getCallee() && isUnresolvedCallee(call->getCallee()))
        recordUnresolvedCallee(call->getCallee(), llvm::ArrayRef<Expr *>(call->getArgs(), call->getNumArgs()),
                               call->getBeginLoc(), /*inError=*/call->containsErrors());
      else if (auto *lookup = dyn_cast_or_null<UnresolvedLookupExpr>(call->getCallee() ? call->getCallee()->IgnoreImplicit()
                                                                                       : nullptr);
               lookup && call->containsErrors() && lookup->getNumDecls() == 1)
        // The project's one function of that name, called with an argument Clang could not type.
        if (auto *function = dyn_cast<FunctionDecl>((*lookup->decls_begin())->getUnderlyingDecl()))
          recordProjectCallInError(function, llvm::ArrayRef<Expr *>(call->getArgs(), call->getNumArgs()),
                                   call->getBeginLoc());
      return true;
    }
    std::vector<std::string> names = namesOf(callee);
    bool isApi = namesAnApi(names);
    bool isProject = !sm_.isInSystemHeader(sm_.getExpansionLoc(callee->getLocation()));
    if (!isApi && !isProject) {
      recordConstructionThroughFactory(call, callee);
      recordBoundCall(call, callee);
      return true;
    }
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = names_.keyOf(callee);
    fact.calleeNames = std::move(names);
    fact.location = names_.callLocation(call);
    // A method call with an argument Clang could not type (`kafka_.Publish(topic,
    // event.job_id(), payload)`, `event`'s class in a missing generated header: held-back Kafka
    // set, session 49) is a plain CallExpr of dependent type whose callee is still the
    // method's MemberExpr: its object is read the same way, so that a virtual call reaches
    // the overrides and a wrapper object its member.
    auto *methodCallee = dyn_cast<CXXMethodDecl>(callee);
    auto *memberCallee = dyn_cast_or_null<MemberExpr>(call->getCallee() ? call->getCallee()->IgnoreParens() : nullptr);
    const Expr *objectExpr = nullptr;
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call))
      objectExpr = member->getImplicitObjectArgument();
    else if (call->containsErrors() && methodCallee && !methodCallee->isStatic() && memberCallee)
      objectExpr = memberCallee->getBase();
    if (isa<CXXMemberCallExpr>(call) || objectExpr) {
      fact.isVirtual = methodCallee && methodCallee->isVirtual() && !(memberCallee && memberCallee->hasQualifier());
      // The object: the channel of an API's call (`pub_->publish()`), and for a project
      // method, which wrapper object it runs on (`out_->publish()` of a class that
      // publishes on the topic its constructor was given).
      if (objectExpr) {
        fact.hasObject = true;
        fact.object = values_.evaluate(objectExpr, 0);
        fact.objectVariable = namedVariable(objectExpr);
        if (isApi)
          fact.rosNode = rosNodes_.of(objectExpr);
      }
    }
    if (isApi && !fact.rosNode.ros && !isa<CXXOperatorCallExpr>(call))
      fact.rosNode = nodeGivenIn(call->getArgs(), call->getNumArgs());
    if (isApi && !fact.rosNode.ros && !fact.hasObject && usesProcessHandle(callee))
      fact.rosNode = rosNodes_.processHandle();
    unsigned first = 0;
    // For `obj(args)` on an overloaded operator, argument 0 is the object itself.
    if (isa<CXXOperatorCallExpr>(call) && isa<CXXMethodDecl>(callee))
      first = 1;
    for (unsigned i = first; i < call->getNumArgs(); ++i) {
      fact.args.push_back(values_.evaluate(call->getArg(i), 0));
      if (!isApi)
        values_.numberText(call->getArg(i), fact.args.back());
      if (isApi && mayCarryQos(call->getArg(i)->getType()))
        fact.args.back().qos = rosQosOf(call->getArg(i), currentBody(), context_);
      if (!isApi)
        recordHandedHandle(fact.args.back(), call->getArg(i));
      else
        recordBoundApiHandler(call->getArg(i), fact.args.back());
    }
    // A method of a class template called with no template arguments written (its own, if
    // any, deduced: ROS 1 message_filters' `subscribe(NodeHandleType &nh, ...)`) has its
    // class's, as a constructor does (`Subscriber<Image>::subscribe`); otherwise the call's own.
    const auto *member = dyn_cast<MemberExpr>(call->getCallee()->IgnoreParenImpCasts());
    const auto *ofClass = isApi && isa<CXXMethodDecl>(callee) && member && !member->hasExplicitTemplateArgs()
                              ? dyn_cast<ClassTemplateSpecializationDecl>(callee->getParent())
                              : nullptr;
    if (ofClass)
      addTemplateArguments(fact, ofClass->getTemplateArgs().asArray());
    else if (const TemplateArgumentList *templateArgs = callee->getTemplateSpecializationArgs())
      addTemplateArguments(fact, templateArgs->asArray());
    fact.topicGuards = guardsOf(call);
    pushCall(std::move(fact));
    return true;
  }
  // A callback that is a messaging API's own method bound to its object: image_transport's
  // republish subscribes with `boost::bind(&Publisher::publish, &pub, _1)`, so each message
  // received is published on pub's topic. No project function is the handler: the bind
  // becomes a function of its own (keyed by its place) holding that API call on that
  // object, and the argument names it, so the subscription triggers the publish.
  void recordBoundApiHandler(const Expr *argument, ArgValue &value) {
    const Expr *e = ValueEvaluator::unwrap(argument);
    for (unsigned depth = 0; e && depth < 4; ++depth) { // boost::function / std::function around it
      auto *construct = dyn_cast<CXXConstructExpr>(e);
      if (!construct || construct->getNumArgs() == 0)
        break;
      e = ValueEvaluator::unwrap(construct->getArg(0));
    }
    auto *bind = dyn_cast_or_null<CallExpr>(e);
    if (!bind || !bind->getDirectCallee() || bind->getNumArgs() < 2)
      return;
    const std::string binder = bind->getDirectCallee()->getQualifiedNameAsString();
    if (binder != "boost::bind" && binder != "std::bind" && binder != "std::bind_front")
      return;
    const Expr *callable = bind->getArg(0), *object = bind->getArg(1), *at = bind;
    // The method: `&C::m` written there, or a local initialised with it (`PublishMemFn
    // pub_mem_fn = &Publisher::publish`).
    const CXXMethodDecl *method = nullptr;
    callable = ValueEvaluator::unwrap(callable);
    for (unsigned depth = 0; callable && !method && depth < 4; ++depth) {
      if (auto *op = dyn_cast<UnaryOperator>(callable); op && op->getOpcode() == UO_AddrOf)
        callable = ValueEvaluator::unwrap(op->getSubExpr());
      auto *ref = dyn_cast_or_null<DeclRefExpr>(callable);
      if (!ref)
        break;
      method = dyn_cast<CXXMethodDecl>(ref->getDecl());
      auto *var = dyn_cast<VarDecl>(ref->getDecl());
      callable = var && !isa<ParmVarDecl>(var) && var->getInit() ? ValueEvaluator::unwrap(var->getInit()) : nullptr;
    }
    if (!method || method->isStatic())
      return;
    std::vector<std::string> names = namesOf(method);
    if (!namesAnApi(names))
      return;
    const Location where = names_.locationOf(at->getBeginLoc());
    const std::string key = "bound-api-handler:" + formatLocation(where);
    if (!boundHandlers_.insert(key).second) { // a template instantiated twice
      value.handlerKey = key;
      return;
    }
    object = ValueEvaluator::unwrap(object);
    if (auto *op = dyn_cast_or_null<UnaryOperator>(object); op && op->getOpcode() == UO_AddrOf)
      object = op->getSubExpr();
    FunctionFact function;
    function.key = key;
    function.name = names_.readableName(method);
    function.location = where;
    facts_.functions.push_back(std::move(function));
    CallFact fact;
    fact.callerKey = key;
    fact.calleeKey = names_.keyOf(method);
    fact.calleeNames = std::move(names);
    fact.location = where;
    fact.hasObject = true;
    fact.object = values_.evaluate(object, 0);
    fact.objectVariable = namedVariable(object);
    fact.rosNode = rosNodes_.of(object);
    facts_.calls.push_back(std::move(fact)); // not in the enclosing function's loops: it runs per message
    value.handlerKey = key;
    value.handlerName = names_.readableName(method);
  }

  // The tests of the message's topic that hold where a call in a function runs.
  std::vector<TopicGuard> guardsOf(const Stmt *call) {
    if (currentKey().empty())
      return {};
    return topicGuardsOf(call, context_, [this](const Expr *e) -> std::optional<std::string> {
      ArgValue v = values_.evaluate(e, 0);
      if (v.kind == ArgValue::Kind::Strings && v.strings.size() == 1 && v.source == ArgValue::Source::Constant)
        return v.strings.front();
      return std::nullopt;
    });
  }

  // std::make_shared<Node>("in", "out") runs Node's constructor with those arguments (the
  // usual way ROS 2 nodes are made): recorded as a call of that constructor, so topics
  // passed to it are followed like any other parameter.
  // The same for the standard library's other factories: std::allocate_shared (after the
  // allocator), and a container's or std::optional's emplace_back / emplace_front / emplace
  // (after the position for a sequence's `emplace`), which construct its element type.
  // Returns the type made and the index of the first constructor argument.
  static std::optional<std::pair<QualType, unsigned>> madeByFactory(const FunctionDecl *callee) {
    auto firstTypeArgument = [](const TemplateArgumentList *args) -> QualType {
      return args && args->size() > 0 && args->get(0).getKind() == TemplateArgument::Type ? args->get(0).getAsType()
                                                                                          : QualType();
    };
    const std::string name = callee->getQualifiedNameAsString();
    if (name == "std::make_shared" || name == "std::make_unique" || name == "std::__1::make_shared")
      return std::pair{firstTypeArgument(callee->getTemplateSpecializationArgs()), 0u};
    if (name == "std::allocate_shared")
      return std::pair{firstTypeArgument(callee->getTemplateSpecializationArgs()), 1u};
    auto *method = dyn_cast<CXXMethodDecl>(callee);
    auto *owner = method ? dyn_cast<ClassTemplateSpecializationDecl>(method->getParent()) : nullptr;
    if (!owner || !owner->isInStdNamespace() || !method->getIdentifier())
      return std::nullopt;
    const llvm::StringRef member = method->getName(), container = owner->getName();
    const bool sequence = container == "vector" || container == "deque" || container == "list";
    const bool adaptor = container == "optional" || container == "stack" || container == "queue" ||
                         container == "priority_queue" || container == "forward_list";
    if ((member == "emplace_back" && (sequence || container == "forward_list")) ||
        (member == "emplace_front" && (container == "deque" || container == "list" || container == "forward_list")) ||
        (member == "emplace" && adaptor && container != "forward_list"))
      return std::pair{firstTypeArgument(&owner->getTemplateArgs()), 0u};
    if (member == "emplace" && sequence)
      return std::pair{firstTypeArgument(&owner->getTemplateArgs()), 1u};
    return std::nullopt;
  }

  void recordConstructionThroughFactory(const CallExpr *call, const FunctionDecl *callee) {
    std::optional<std::pair<QualType, unsigned>> factory = madeByFactory(callee);
    if (!factory || factory->first.isNull() || call->getNumArgs() < factory->second)
      return;
    const QualType made = factory->first;
    const unsigned first = factory->second;
    const unsigned count = call->getNumArgs() - first;
    const Expr *const *args = call->getArgs() + first;
    const CXXRecordDecl *record = made->getAsCXXRecordDecl();
    if (!record || !record->hasDefinition())
      return;
    // A messaging API that is a constructor (`apis` or a profile), made through the factory:
    // recorded as the constructor's call with the factory's arguments, where the factory
    // is called (a handle bound to its result is found there).
    std::vector<const CXXConstructorDecl *> ctors(record->ctors().begin(), record->ctors().end());
    for (const Decl *member : record->decls()) // constructor templates too (message_filters::Subscriber's)
      if (auto *generic = dyn_cast<FunctionTemplateDecl>(member))
        if (auto *ctor = dyn_cast<CXXConstructorDecl>(generic->getTemplatedDecl()))
          ctors.push_back(ctor);
    for (const CXXConstructorDecl *ctor : ctors) {
      if (ctor->isDefaultConstructor() || ctor->isCopyOrMoveConstructor() || count == 0)
        continue; // an empty object, subscribed later, or a copy: not the API's call
      std::string ctorName = withoutTemplateArguments(ctor->getQualifiedNameAsString());
      if (options_.apiNames.count(ctorName)) {
        recordConstructorCall(ctor, {ctorName}, names_.callLocation(call), args, count, call);
        // `pub_.emplace(node, "topic")` of a std::optional: pub_ holds the handle made;
        // `pubs_.emplace_back(node, "topic")` of a member container: its elements do
        // (ValueEvaluator::objectElement reads them back).
        if (auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
          if (member->getMethodDecl()->getParent()->getName() == "optional")
            bindHandle(variableKey(member->getImplicitObjectArgument()), call);
          else if (std::string queue = values_.queueKey(member->getImplicitObjectArgument()); !queue.empty())
            bindHandle(queue + "@elem:", call);
        }
        return;
      }
    }
    if (sm_.isInSystemHeader(sm_.getExpansionLoc(record->getLocation())))
      return;
    if (const CXXConstructorDecl *chosen = constructorRunBy(call, callee, record, first))
      recordConstructorCall(chosen, {}, names_.callLocation(call), args, count, call);
  }

  // Which constructor of `record` a make_unique/make_shared call runs: Clang resolved it
  // inside the factory's instantiation, out of reach here, so it is chosen again among the
  // constructors and the specialisations of constructor templates (instantiated by that very
  // call): the one that takes this many arguments or, of several, the one whose parameter
  // types are the factory's. None when that still leaves a choice: not worth guessing.
  static const CXXConstructorDecl *constructorRunBy(const CallExpr *call, const FunctionDecl *factory,
                                                    const CXXRecordDecl *record, unsigned first) {
    const unsigned count = call->getNumArgs() - first;
    std::vector<const CXXConstructorDecl *> candidates;
    auto consider = [&](const CXXConstructorDecl *ctor) {
      if (ctor && !ctor->isCopyOrMoveConstructor() && count >= ctor->getMinRequiredArguments() &&
          count <= ctor->getNumParams())
        candidates.push_back(ctor);
    };
    for (const CXXConstructorDecl *ctor : record->ctors())
      consider(ctor);
    for (const Decl *member : record->decls())
      if (auto *generic = dyn_cast<FunctionTemplateDecl>(member))
        for (const FunctionDecl *specialization : generic->specializations())
          consider(dyn_cast<CXXConstructorDecl>(specialization));
    if (candidates.size() <= 1)
      return candidates.empty() ? nullptr : candidates.front();
    // A parameter whose type a constructor template deduces must be the factory's argument
    // type; another parameter may convert from it (`const std::string &` from a literal).
    // Of the candidates left, the one with the most parameters of exactly the factory's types.
    auto bare = [](QualType type) { return type.getNonReferenceType().getUnqualifiedType().getCanonicalType(); };
    const CXXConstructorDecl *chosen = nullptr;
    int best = -1;
    bool tie = false;
    for (const CXXConstructorDecl *ctor : candidates) {
      const FunctionDecl *pattern = ctor->getTemplateInstantiationPattern();
      int exact = 0;
      bool fits = true;
      for (unsigned i = 0; fits && i < count && first + i < factory->getNumParams(); ++i) {
        bool same = bare(ctor->getParamDecl(i)->getType()) == bare(factory->getParamDecl(first + i)->getType());
        bool deduced = pattern && i < pattern->getNumParams() && pattern->getParamDecl(i)->getType()->isDependentType();
        fits = same || !deduced;
        exact += same;
      }
      if (!fits || exact < best)
        continue;
      tie = exact == best;
      best = exact;
      chosen = ctor;
    }
    if (tie)
      return nullptr;
    return chosen;
  }

  // A constructor's call with its written arguments; `apiNames` the messaging APIs it is
  // (none for a project class, whose body is followed instead).
  // A ROS 1 NodeHandle handed to the project's code (`kobuki_->init(getPrivateNodeHandle())`,
  // `new ImageProcessor(getPrivateNodeHandle())`): what it is, for the callee's calls in any
  // unit (RosNameContext::handedBy).
  void recordHandedHandle(ArgValue &value, const Expr *argument) {
    // A ROS 2 node (`this` of a node class, a node pointer) given to a helper class that makes
    // its publishers on it: its name, or its own hand-over, for the same resolution.
    if (RosNameContext handle = rosNodes_.of(argument);
        handle.kind == RosNodeKind::Ros1 ||
        (handle.kind != RosNodeKind::Unknown &&
         (!handle.nodeName.empty() || !handle.handedBy.empty() || !handle.namedBy.empty())))
      value.rosHandle = std::move(handle);
  }

  // A call's template arguments, as type names and as message types ("" for a non-type one).
  static void addTemplateArguments(CallFact &fact, llvm::ArrayRef<TemplateArgument> args) {
    for (const TemplateArgument &arg : args) {
      bool isType = arg.getKind() == TemplateArgument::Type;
      fact.templateArgs.push_back(isType ? typeName(arg.getAsType()) : "");
      fact.templateTypes.push_back(isType ? messageTypeName(arg.getAsType()) : "");
    }
  }

  // A ROS 1 library function or class that, given no NodeHandle, makes a default one:
  // roscpp's ros::service and ros::topic functions, and actionlib's servers and clients.
  static bool usesProcessHandle(const FunctionDecl *function) {
    const std::string name = function->getQualifiedNameAsString();
    return llvm::StringRef(name).starts_with("ros::service::") || llvm::StringRef(name).starts_with("ros::topic::") ||
           llvm::StringRef(name).starts_with("actionlib::");
  }

  // A ROS API given the node as an argument, when its object is no node (`rclcpp_action::
  // create_server<T>(this, "~/homing", ...)`, the node's interfaces, message_filters'
  // `sub.subscribe(nh, "cam0_image", 10)` or `Subscriber<T>(node, "mag")`, roscpp's
  // `ros::topic::waitForMessage<T>("filter", nh, timeout)`): the node its names resolve in,
  // the first of the first three arguments that is one; none when no argument is.
  RosNameContext nodeGivenIn(const Expr *const *args, unsigned count) {
    for (unsigned i = 0; i < count && i < 3; ++i) {
      const Expr *node = args[i]->IgnoreImplicit();
      if (const auto *interface = dyn_cast<CXXMemberCallExpr>(node);
          interface && interface->getMethodDecl() &&
          llvm::StringRef(interface->getMethodDecl()->getNameAsString()).starts_with("get_node_"))
        node = interface->getImplicitObjectArgument();
      if (RosNameContext context = rosNodes_.givenAsArgument(node); context.ros)
        return context;
    }
    return {};
  }

  void recordConstructorCall(const CXXConstructorDecl *ctor, std::vector<std::string> apiNames, Location at,
                             const Expr *const *args, unsigned count, const Stmt *construct = nullptr) {
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = names_.keyOf(ctor);
    fact.calleeNames = std::move(apiNames);
    fact.location = std::move(at);
    for (unsigned i = 0; i < count; ++i)
      if (!isa<CXXDefaultArgExpr>(args[i])) {
        fact.args.push_back(values_.evaluate(args[i], 0));
        recordHandedHandle(fact.args.back(), args[i]);
      }
    if (!fact.calleeNames.empty())
      fact.rosNode = nodeGivenIn(args, count);
    if (!fact.calleeNames.empty() && !fact.rosNode.ros && usesProcessHandle(ctor))
      fact.rosNode = rosNodes_.processHandle();
    // A constructor's template arguments are its class's (`message_filters::Subscriber<Imu>`):
    // a constructor's own cannot be written, only deduced.
    if (const auto *specialization = dyn_cast<ClassTemplateSpecializationDecl>(ctor->getParent()))
      addTemplateArguments(fact, specialization->getTemplateArgs().asArray());
    if (construct)
      fact.topicGuards = guardsOf(construct);
    if (auto *made = dyn_cast_or_null<CXXConstructExpr>(construct); made && fact.calleeNames.empty())
      fact.objectGoesTo = objectGoesTo(made, context_, names_);
    pushCall(std::move(fact));
  }

  // A call Clang could not resolve survives as a RecoveryExpr over its callee and arguments:
  // `f<T>("x")` with `f` undeclared, or `create_publisher<T>("x")` on `this` of a class made
  // invalid by a member whose type is in a missing header (the candidates are still there).
  // A call of a resolved API whose arguments do not convert (`consumer.subscribe({
  // missing::get("T") })`, an argument of a missing header's type) survives the same way,
  // its callee resolved: recorded as a call of that API, so that it is reported, not lost.
  // Of an overloaded call that did not compile, the one project function its argument count
  // fits (a wrapper's `produce(topic, key, value)` beside `produce(topic, key, data, size)`,
  // given a protobuf field whose header is missing); null when a library's function is among
  // them, or when none or several fit.
  const FunctionDecl *projectOverloadFitting(const Expr *callee, size_t args) const {
    const auto *overloads = dyn_cast_or_null<OverloadExpr>(callee ? callee->IgnoreImplicit() : nullptr);
    if (!overloads)
      return nullptr;
    const FunctionDecl *fit = nullptr;
    for (const NamedDecl *found : overloads->decls()) {
      const FunctionDecl *function = found ? found->getUnderlyingDecl()->getAsFunction() : nullptr;
      if (!function || sm_.isInSystemHeader(sm_.getExpansionLoc(function->getLocation())))
        return nullptr;
      if (args < function->getMinRequiredArguments() || (!function->isVariadic() && args > function->getNumParams()))
        continue;
      if (fit && fit->getCanonicalDecl() != function->getCanonicalDecl())
        return nullptr;
      fit = function;
    }
    return fit;
  }

  // A call of one of the project's overloads with an argument that does not compile: as
  // recordProjectCallInError, for the overload the argument count picks. Whether recorded.
  bool recordProjectOverloadInError(const Expr *callee, llvm::ArrayRef<Expr *> args, SourceLocation begin,
                                    bool inError) {
    if (!inError)
      return false;
    const FunctionDecl *fit = projectOverloadFitting(callee, args.size());
    if (!fit || namesAnApi(namesOf(fit)))
      return false;
    const auto *member = dyn_cast<UnresolvedMemberExpr>(callee->IgnoreImplicit());
    recordProjectCallInError(fit, args, member ? member->getMemberLoc() : begin);
    return true;
  }

  bool VisitRecoveryExpr(RecoveryExpr *recovery) {
    auto children = recovery->subExpressions();
    if (children.empty() || !children[0])
      return true;
    if (recordProjectOverloadInError(children[0], children.drop_front(), recovery->getBeginLoc(), true))
      return true;
    if (isUnresolvedCallee(children[0])) {
      recordUnresolvedCallee(children[0], children.drop_front(), recovery->getBeginLoc());
      return true;
    }
    // `pub_ = swri::advertise<T>(...)` whose operator= did not compile (the right side is a
    // stand-in of a missing header's function): the variable is still bound to the call.
    if (children.size() == 2 && children[1]) {
      std::optional<Token> next = Lexer::findNextToken(children[0]->getEndLoc(), sm_, context_.getLangOpts());
      if (next && next->is(tok::equal))
        if (std::string key = variableKey(children[0]); !key.empty())
          bindHandle(key, children[1]);
    }
    const Expr *callee = children[0]->IgnoreImplicit();
    const auto *member = dyn_cast<MemberExpr>(callee);
    const auto *ref = dyn_cast<DeclRefExpr>(callee);
    const auto *function =
        dyn_cast_or_null<FunctionDecl>(member ? member->getMemberDecl() : ref ? ref->getDecl() : nullptr);
    if (!function)
      return true;
    std::vector<std::string> apis;
    for (const std::string &name : namesOf(function))
      if (options_.apiNames.count(name))
        apis.push_back(name);
    if (!apis.empty()) {
      recordUnresolvedCall(function->getNameAsString(), std::move(apis),
                           member ? member->getMemberLoc() : recovery->getBeginLoc(), children.drop_front(), {},
                           member && !member->isImplicitAccess() ? member->getBase() : nullptr,
                           member && member->isImplicitAccess() ? rosNodes_.of(member->getBase()) : RosNameContext{});
    } else {
      recordProjectCallInError(function, children.drop_front(), member ? member->getMemberLoc() : recovery->getBeginLoc());
    }
    return true;
  }

  // `std::bind(sensor_helpers::basicCameraPub, _1, _2, ptPub, ...)` of a project function (not
  // a method): a call of it whenever the bound callable runs, with the arguments bound here and
  // the placeholders' values unknown (depthai-ros; "not called" was said of such a function).
  void recordBoundCall(const CallExpr *call, const FunctionDecl *callee) {
    if (currentKey().empty() || !callee->isInStdNamespace() || !callee->getIdentifier() || callee->getName() != "bind" ||
        call->getNumArgs() == 0)
      return;
    const Expr *target = call->getArg(0)->IgnoreParenImpCasts();
    if (auto *address = dyn_cast<UnaryOperator>(target); address && address->getOpcode() == UO_AddrOf)
      target = address->getSubExpr()->IgnoreParenImpCasts();
    auto *ref = dyn_cast<DeclRefExpr>(target);
    auto *function = ref ? dyn_cast<FunctionDecl>(ref->getDecl()) : nullptr;
    if (!function || isa<CXXMethodDecl>(function) || sm_.isInSystemHeader(sm_.getExpansionLoc(function->getLocation())))
      return;
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = names_.keyOf(function);
    fact.calleeNames = namesOf(function);
    fact.location = names_.locationOf(ref->getBeginLoc());
    for (unsigned i = 1; i < call->getNumArgs(); ++i) {
      const Expr *arg = call->getArg(i);
      const CXXRecordDecl *type = arg->getType().isNull() ? nullptr : arg->getType()->getAsCXXRecordDecl();
      if (type && type->getIdentifier() && type->getName().starts_with("_Placeholder")) {
        ArgValue placeholder;
        placeholder.text = "a placeholder of std::bind: given when the bound callable is called";
        fact.args.push_back(std::move(placeholder));
        continue;
      }
      fact.args.push_back(values_.evaluate(arg, 0));
      recordHandedHandle(fact.args.back(), arg);
    }
    pushCall(std::move(fact));
  }

  // A call of the project's own function with an argument that does not compile (a generated
  // protobuf message whose headers are missing): it still hands over the arguments that do,
  // so a wrapper's topic parameter is known at it (kafkaPC's `produce_message(brokers, topic,
  // msg)`). A library's function is no wrapper: nothing is recorded for it.
  void recordProjectCallInError(const FunctionDecl *function, llvm::ArrayRef<Expr *> args, SourceLocation at) {
    if (currentKey().empty() || sm_.isInSystemHeader(sm_.getExpansionLoc(function->getLocation())))
      return;
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = names_.keyOf(function);
    fact.location = names_.locationOf(at);
    for (const Expr *arg : args)
      fact.args.push_back(arg ? values_.evaluate(arg, 0) : ArgValue{});
    pushCall(std::move(fact));
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *construct) {
    if (construct->getNumArgs() > 0 && !construct->getConstructor()->isCopyOrMoveConstructor())
      notePassedObjects(llvm::ArrayRef<const Expr *>(construct->getArgs(), construct->getNumArgs()));
    // std::thread t(worker) and friends: a callable handed to a constructor runs.
    const CXXConstructorDecl *ctor = construct->getConstructor();
    if (!ctor)
      return true;
    // Outside any function, a namespace-scope object's constructor still runs, at start-up
    // (`static Publisher alerts("alerts.raised");`).
    // A messaging API that is a constructor (mqtt::topic): recorded with its arguments. Its
    // default, copy and move constructors (a member made empty, then subscribed) are not it.
    std::string ctorName = withoutTemplateArguments(ctor->getQualifiedNameAsString());
    // A function of a missing header called with template arguments
    // (`swri::advertise<T>(*this, "gps", 100)`) has a stand-in class of its name: its
    // construction is a call of that function, for an `apis` entry that names it.
    if (sm_.getFilename(sm_.getExpansionLoc(ctor->getLocation())) == kStandInsPath)
      if (std::string function = withoutTemplateArguments(ctor->getParent()->getQualifiedNameAsString());
          options_.apiNames.count(function) && !options_.apiNames.count(ctorName))
        ctorName = function;
    // A constructor the class inherits: by the name the `apis` entry gives (namesOf).
    if (ctor->isInheritingConstructor() && !options_.apiNames.count(ctorName))
      for (const std::string &name : namesOf(ctor))
        if (options_.apiNames.count(name)) {
          ctorName = name;
          break;
        }
    if (options_.apiNames.count(ctorName) && !ctor->isDefaultConstructor() && !ctor->isCopyOrMoveConstructor()) {
      recordConstructorCall(ctor, {ctorName}, names_.callLocation(construct), construct->getArgs(), construct->getNumArgs(),
                            construct);
      return true;
    }
    // Constructing a project class runs its constructor. An implicit copy or move runs no
    // code of the project's, and recording it would put a second call where the copied
    // expression starts (`auto b = Builder("t").payload(p)`: the API constructor's place).
    // Its body may be in another unit (declared in the project's header, defined in a .cpp).
    if ((ctor->hasBody() || ctor->isUserProvided()) && !(ctor->isImplicit() && ctor->isCopyOrMoveConstructor()) &&
        !sm_.isInSystemHeader(sm_.getExpansionLoc(ctor->getLocation()))) // topics handed to a node's constructor
      recordConstructorCall(ctor, {}, names_.locationOf(construct->getBeginLoc()), construct->getArgs(),
                            construct->getNumArgs(), construct);
    for (unsigned i = 0; i < construct->getNumArgs() && !currentKey().empty(); ++i) {
      ArgValue handler;
      handlers_.find(construct->getArg(i), handler);
      // A lambda or a std::function wrapping a callable is stored, not run, by construction.
      if (handler.handlerKey.empty() || !construct->getArg(i) || isa<LambdaExpr>(construct->getArg(i)->IgnoreImplicit()) ||
          typeName(construct->getType()) == "function")
        continue;
      CallFact fact;
      fact.callerKey = currentKey();
      fact.calleeKey = handler.handlerKey;
      fact.location = names_.locationOf(construct->getBeginLoc());
      // `std::thread t(engineLoop, producer, topic)`: the arguments after the callable are
      // its own (a wrapper's channel among them).
      if (std::string type = typeName(construct->getType()); i == 0 && (type == "thread" || type == "jthread"))
        for (unsigned k = 1; k < construct->getNumArgs(); ++k)
          fact.args.push_back(values_.evaluate(construct->getArg(k), 0));
      pushCall(std::move(fact));
    }
    return true;
  }

  // `topic = RdKafka::Topic::create(...)`, `Topic *t = create(...)`, `member_(create(...))`.
  bool VisitVarDecl(VarDecl *var) {
    // An Abseil flag's own construction is no handle: its value is the flag's default.
    if (abslFlagName(var))
      return true;
    if (const Expr *init = var->getInit())
      bindHandle(names_.keyOf(var), init);
    return true;
  }
  // A member's default initialiser: `RdKafka::Topic *out_ = RdKafka::Topic::create(...)`.
  bool VisitFieldDecl(FieldDecl *field) {
    if (const Expr *init = field->getInClassInitializer())
      bindHandle(names_.keyOf(field), init);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->getOpcode() != BO_Assign)
      return true;
    if (std::string key = variableKey(op->getLHS()); !key.empty())
      bindHandle(key, op->getRHS());
    else if (std::string elements = values_.elementContainerKey(op->getLHS()); !elements.empty())
      bindHandle(elements + "@elem:", op->getRHS()); // `topics_[i] = rd_kafka_topic_new(...)`, a raw pointer
    bindAssignedMember(op->getLHS(), op->getRHS());
    return true;
  }
  // `pub_ = nh.advertise<T>(...)` on a class type is an operator= call, not a BinaryOperator.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() == OO_Equal && op->getNumArgs() == 2) {
      if (std::string key = variableKey(op->getArg(0)); !key.empty())
        bindHandle(key, op->getArg(1));
      else if (std::string elements = values_.elementContainerKey(op->getArg(0)); !elements.empty())
        bindHandle(elements + "@elem:", op->getArg(1)); // `pubs->at(i) = create_publisher<T>(topic, qos)`
      bindAssignedMember(op->getArg(0), op->getArg(1));
    }
    return true;
  }
  // A function that returns a handle or text: what each return gives (FunctionFact::returnedValues).
  bool VisitReturnStmt(ReturnStmt *ret) {
    if (functions_.empty() || !ret->getRetValue())
      return true;
    const FunctionDecl *function = functions_.back();
    QualType type = function->getReturnType();
    auto index = factIndex_.find(function);
    if (type.isNull() || type->isVoidType() || index == factIndex_.end())
      return true;
    if (ValueEvaluator::isStringLike(type)) {
      std::vector<ArgValue> &returned = facts_.functions[index->second].returnedValues;
      ArgValue value = values_.evaluate(ret->getRetValue(), 0);
      // `return idx == 0 ? base : base + std::to_string(idx + 1);` (ouster-ros's
      // topic_for_return): a conditional the evaluator cannot join (parameters in its arms) is
      // two returns, each read at the calls.
      // Only when each arm is known in its way (text, a parameter, a variable): an arm not known
      // at all keeps the whole return unknown rather than hide behind the other.
      std::vector<ArgValue> each{value};
      if (auto *choice = dyn_cast<AbstractConditionalOperator>(ValueEvaluator::unwrap(ret->getRetValue()));
          choice && value.kind != ArgValue::Kind::Strings) {
        std::vector<ArgValue> arms{values_.evaluate(choice->getTrueExpr(), 0), values_.evaluate(choice->getFalseExpr(), 0)};
        if (std::none_of(arms.begin(), arms.end(), [](const ArgValue &arm) { return arm.kind == ArgValue::Kind::Unknown; }))
          each = std::move(arms);
      }
      for (ArgValue &one : each)
        if (returned.size() < kMaxReturnedTexts)
          returned.push_back(std::move(one));
        else
          returned.back() = unknownValue("the function has more than " + std::to_string(kMaxReturnedTexts) + " returns");
      return true;
    }
    if (!(type->isPointerType() || type->isRecordType() || type->isReferenceType() || type->isUndeducedAutoType()))
      return true;
    ArgValue value = values_.evaluate(ret->getRetValue(), 0);
    const bool handle = value.kind == ArgValue::Kind::Handle || value.kind == ArgValue::Kind::Parameter ||
                        (value.kind == ArgValue::Kind::Unknown && value.innerCall.line != 0);
    if (handle && !value.isNull)
      facts_.functions[index->second].returnedValues.push_back(std::move(value));
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *ctor) {
    if (ctor->isThisDeclarationADefinition())
      rosNodes_.constructorDefined(ctor);
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isMemberInitializer() && init->isWritten() && init->getInit()) {
        bindHandle(names_.keyOf(init->getMember()), init->getInit());
        bindMemberToParameter(ctor, init->getMember(), init->getInit());
      }
    return true;
  }

private:
  // The parameter `value` (the evaluator's reading of `e`, Kind::Parameter) is: the one `e`
  // names, of the function it belongs to (a member initialiser read from another method
  // is its constructor's, not the visited function's); null otherwise.
  static const ParmVarDecl *parameterIn(const Expr *e, const ArgValue &value) {
    if (value.kind != ArgValue::Kind::Parameter || !value.parameterOf.empty())
      return nullptr;
    struct Find : RecursiveASTVisitor<Find> {
      unsigned index = 0;
      const ParmVarDecl *found = nullptr;
      bool VisitDeclRefExpr(DeclRefExpr *ref) {
        if (auto *p = dyn_cast<ParmVarDecl>(ref->getDecl());
            p && !found && p->getFunctionScopeIndex() == index && isa<FunctionDecl>(p->getDeclContext()))
          found = p;
        return true;
      }
    } find;
    find.index = value.parameter;
    find.TraverseStmt(const_cast<Expr *>(e));
    return find.found;
  }

  // An unresolved callee that could be a messaging API: checked by its unqualified name
  // first, as templates hold many unresolved calls (operator<< with hundreds of
  // candidates) and looking at each candidate of each would cost more than the parse.
  bool isUnresolvedCallee(const Expr *e) const {
    e = e->IgnoreImplicit();
    if (auto *overloads = dyn_cast<OverloadExpr>(e))
      return overloads->getName().isIdentifier() && apiShortNames_.count(overloads->getName().getAsIdentifierInfo()->getName());
    if (auto *dependent = dyn_cast<CXXDependentScopeMemberExpr>(e))
      return dependent->getMember().isIdentifier() &&
             apiShortNames_.count(dependent->getMember().getAsIdentifierInfo()->getName());
    if (auto *recovery = dyn_cast<RecoveryExpr>(e))
      return !recoveredMemberName(recovery).empty();
    return false;
  }

  // `redis->rpush(...)` where the class has no such member (a permissive stand-in for a
  // missing header's class): Clang keeps only the object, under a RecoveryExpr that ends at
  // the member's name. That name when it is an API's, read from the source; "" otherwise.
  std::string recoveredMemberName(const RecoveryExpr *recovery, bool *arrow = nullptr) const {
    auto children = recovery->subExpressions();
    if (children.size() != 1 || !children[0] || recovery->getEndLoc() == children[0]->getEndLoc())
      return "";
    SourceLocation at = sm_.getSpellingLoc(recovery->getEndLoc());
    std::string name = Lexer::getSourceText(CharSourceRange::getTokenRange(at), sm_, context_.getLangOpts()).str();
    SourceLocation before = sm_.getSpellingLoc(children[0]->getEndLoc());
    std::string between =
        Lexer::getSourceText(CharSourceRange::getCharRange(Lexer::getLocForEndOfToken(before, 0, sm_, context_.getLangOpts()), at),
                             sm_, context_.getLangOpts())
            .str();
    between.erase(std::remove_if(between.begin(), between.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
                  between.end());
    if ((between != "." && between != "->") || !apiShortNames_.count(name))
      return "";
    if (arrow)
      *arrow = between == "->";
    return name;
  }

  // A call whose callee Clang could not resolve because of an error (a header is missing):
  // matched to the messaging APIs by the candidates name lookup still found (exact), or
  // else by its unqualified name, the only thing left of it. In valid code (`inError`
  // false: a template's own code) a name alone matches only a profile's distinctive names.
  void recordUnresolvedCallee(const Expr *calleeExpr, llvm::ArrayRef<Expr *> args, SourceLocation begin,
                              bool inError = true) {
    if (!calleeExpr)
      return;
    calleeExpr = calleeExpr->IgnoreImplicit();
    // Lookup found the API's declarations; only overload resolution failed (on `this` of an
    // invalid class, or with an argument whose type is missing): those names, exactly.
    if (auto *overloads = dyn_cast<OverloadExpr>(calleeExpr)) {
      std::vector<std::string> names;
      for (const NamedDecl *found : overloads->decls())
        if (auto *function = dyn_cast_or_null<FunctionDecl>(found ? found->getUnderlyingDecl()->getAsFunction() : nullptr))
          for (const std::string &name : namesOf(function))
            if (options_.apiNames.count(name))
              names.push_back(name);
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
      if (!names.empty()) {
        const Expr *object = nullptr;
        RosNameContext node; // `create_service<T>(...)` on `this` of a node class made invalid
        if (auto *member = dyn_cast<UnresolvedMemberExpr>(overloads)) {
          if (!member->isImplicitAccess())
            object = member->getBase();
          else if (QualType self = member->getBaseType(); !self.isNull())
            node = rosNodes_.ofThis(self->isPointerType() ? self->getPointeeCXXRecordDecl() : self->getAsCXXRecordDecl());
        }
        SourceLocation at = isa<UnresolvedMemberExpr>(overloads) ? overloads->getNameLoc() : begin;
        recordUnresolvedCall(overloads->getName().getAsString(), std::move(names), at, args,
                             overloads->template_arguments(), object, std::move(node));
        return;
      }
    }
    std::string name;
    SourceLocation nameLoc = begin;
    llvm::ArrayRef<TemplateArgumentLoc> templateArgs;
    std::string objectClass; // when the object's type is known, only its APIs match
    std::string writtenQualifier; // `nav2::interfaces::` of a qualified call: the API's name ends so
    auto classOf = [](QualType type, bool arrow) -> std::string {
      if (type.isNull())
        return "";
      type = type.getNonReferenceType();
      if (type->isPointerType())
        type = type->getPointeeType();
      const CXXRecordDecl *record = type->getAsCXXRecordDecl();
      // `redis->blpop(...)` on a std::shared_ptr / std::unique_ptr: the class it points to.
      if (auto *smart = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
          arrow && smart && smart->isInStdNamespace() && smart->getTemplateArgs().size() >= 1 &&
          smart->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
          (smart->getName() == "shared_ptr" || smart->getName() == "unique_ptr"))
        record = smart->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
      return record ? record->getQualifiedNameAsString() : "";
    };
    const Expr *object = nullptr;
    if (auto *recovery = dyn_cast<RecoveryExpr>(calleeExpr)) {
      bool arrow = false;
      name = recoveredMemberName(recovery, &arrow);
      nameLoc = recovery->getEndLoc();
      object = recovery->subExpressions()[0];
      QualType type = object->getType();
      objectClass = classOf(type, arrow && !type.isNull() && !type.getNonReferenceType()->isPointerType());
    } else if (auto *dependent = dyn_cast<CXXDependentScopeMemberExpr>(calleeExpr)) {
      name = dependent->getMember().getAsString();
      nameLoc = dependent->getMemberLoc();
      templateArgs = dependent->template_arguments();
      if (!dependent->isImplicitAccess()) {
        objectClass = classOf(dependent->getBaseType(), dependent->isArrow() && !dependent->getBaseType()->isPointerType());
        object = dependent->getBase();
      }
    } else if (auto *member = dyn_cast<UnresolvedMemberExpr>(calleeExpr)) {
      name = member->getMemberName().getAsString();
      nameLoc = member->getMemberLoc();
      templateArgs = member->template_arguments();
      objectClass = member->getNamingClass() ? withoutTemplateArguments(member->getNamingClass()->getQualifiedNameAsString()) : "";
      if (!member->isImplicitAccess())
        object = member->getBase();
    } else if (auto *lookup = dyn_cast<UnresolvedLookupExpr>(calleeExpr)) {
      name = lookup->getName().getAsString();
      templateArgs = lookup->template_arguments();
      if (NestedNameSpecifier *qualifier = lookup->getQualifier()) {
        llvm::raw_string_ostream out(writtenQualifier);
        qualifier->print(out, context_.getPrintingPolicy());
      }
    }
    if (name.empty())
      return;
    std::vector<std::string> matches;
    for (const std::string &api : options_.apiNames) {
      size_t colon = api.rfind("::");
      if ((colon == std::string::npos ? api : api.substr(colon + 2)) != name)
        continue;
      if (!objectClass.empty() && (colon == std::string::npos || api.substr(0, colon) != objectClass))
        continue;
      // `nav2::interfaces::create_subscription(node, topic, ...)` is not rclcpp's method
      // (whose arguments differ): a written qualifier must be the end of the API's own.
      if (!writtenQualifier.empty()) {
        std::string qualified = "::" + api;
        std::string written = (writtenQualifier.rfind("::", 0) == 0 ? "" : "::") + writtenQualifier + name;
        if (qualified.size() < written.size() || qualified.compare(qualified.size() - written.size(), written.size(), written) != 0)
          continue;
      }
      // With nothing known of the object, a name alone is trusted only for the user's own
      // APIs and names a profile marks `by_name`: `publish` is a method of half the
      // messaging libraries, `create_subscription` of one.
      if (objectClass.empty() && !(inError ? options_.nameMatchedApis : options_.distinctiveApis).count(api))
        continue;
      matches.push_back(api);
    }
    if (matches.empty())
      return;
    recordUnresolvedCall(name, std::move(matches), nameLoc, args, templateArgs, object);
  }

  void recordUnresolvedCall(const std::string &name, std::vector<std::string> apis, SourceLocation nameLoc,
                            llvm::ArrayRef<Expr *> args, llvm::ArrayRef<TemplateArgumentLoc> templateArgs,
                            const Expr *object, RosNameContext node = {}) {
    CallFact fact;
    // The ROS node it is made on: the object's, or what the caller knows of an implicit `this`.
    fact.rosNode = object ? rosNodes_.of(object) : std::move(node);
    fact.callerKey = currentKey();
    fact.calleeKey = kUnresolvedCallee + name;
    fact.calleeNames = std::move(apis);
    fact.location = names_.locationOf(nameLoc);
    for (const Expr *arg : args)
      if (arg) {
        fact.args.push_back(values_.evaluate(arg, 0));
        if (mayCarryQos(arg->getType()))
          fact.args.back().qos = rosQosOf(arg, currentBody(), context_);
      }
    for (const TemplateArgumentLoc &arg : templateArgs) {
      bool isType = arg.getArgument().getKind() == TemplateArgument::Type;
      fact.templateArgs.push_back(isType ? typeName(arg.getArgument().getAsType()) : "");
      fact.templateTypes.push_back(isType ? messageTypeName(arg.getArgument().getAsType()) : "");
    }
    if (object) {
      fact.hasObject = true;
      fact.object = values_.evaluate(object, 0);
    }
    pushCall(std::move(fact));
  }

  // Whether one of a callee's names (namesOf) is a messaging API's.
  bool namesAnApi(const std::vector<std::string> &names) const {
    return std::any_of(names.begin(), names.end(), [&](const std::string &n) { return options_.apiNames.count(n) > 0; });
  }

  std::string currentKey() const { return functions_.empty() ? "" : names_.keyOf(functions_.back()); }
  void pushCall(CallFact fact) {
    fact.loops = loops_;
    facts_.calls.push_back(std::move(fact));
  }
  const Stmt *currentBody() const { return functions_.empty() ? nullptr : functions_.back()->getBody(); }

  void recordFunction(const FunctionDecl *function) {
    FunctionFact fact;
    fact.key = names_.keyOf(function);
    fact.name = names_.readableName(function);
    fact.location = names_.locationOf(function->getLocation());
    if (auto *method = dyn_cast<CXXMethodDecl>(function)) {
      std::vector<const CXXMethodDecl *> work(method->overridden_methods().begin(), method->overridden_methods().end());
      while (!work.empty()) {
        const CXXMethodDecl *m = work.back();
        work.pop_back();
        fact.overrides.push_back(names_.keyOf(m));
        fact.overrideNames.push_back(withoutTemplateArguments(m->getQualifiedNameAsString()));
        fact.calledByLibrary = fact.calledByLibrary || names_.inSystemHeader(m->getLocation());
        work.insert(work.end(), m->overridden_methods().begin(), m->overridden_methods().end());
      }
    }
    bool anyDefault = false;
    for (const ParmVarDecl *param : function->parameters()) {
      fact.parameterNames.push_back(param->getNameAsString());
      ArgValue value;
      if (param->hasDefaultArg() && !param->hasUninstantiatedDefaultArg() && !param->hasUnparsedDefaultArg() &&
          param->getDefaultArg()) {
        value = values_.evaluate(param->getDefaultArg(), 0);
        anyDefault = anyDefault || value.kind != ArgValue::Kind::Unknown;
      }
      fact.defaultArguments.push_back(std::move(value));
    }
    if (!anyDefault)
      fact.defaultArguments.clear();
    // What it writes through `std::string &` out-parameters, for the units that only call it.
    if (function->doesThisDeclarationHaveABody()) {
      bool anyWritten = false;
      for (unsigned i = 0; i < function->getNumParams(); ++i) {
        ArgValue written;
        anyWritten = values_.writtenThrough(function, i, written, 0) || anyWritten;
        fact.writtenParameters.push_back(std::move(written));
      }
      if (!anyWritten)
        fact.writtenParameters.clear();
    }
    factIndex_[function] = facts_.functions.size();
    facts_.functions.push_back(std::move(fact));
  }

  // Arguments that are object variables (not text): TuFacts::passedVariables.
  void notePassedObjects(llvm::ArrayRef<const Expr *> args) {
    for (const Expr *arg : args)
      if (arg && !arg->getType().isNull() && !ValueEvaluator::isStringLike(arg->getType()) &&
          (arg->getType()->isRecordType() || arg->getType()->isPointerType() || arg->getType()->isReferenceType()))
        if (std::string key = namedVariable(arg); !key.empty())
          passedObjects_.insert(std::move(key));
  }
  // The variable or member an object or argument is, through moves, casts, `&` and `*`.
  std::string namedVariable(const Expr *e) const {
    for (e = ValueEvaluator::unwrap(e); e;) {
      if (auto *op = dyn_cast<UnaryOperator>(e); op && (op->getOpcode() == UO_AddrOf || op->getOpcode() == UO_Deref))
        e = ValueEvaluator::unwrap(op->getSubExpr());
      else if (auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
        e = ValueEvaluator::unwrap(construct->getArg(0)); // shared_ptr<Derived> -> shared_ptr<Base>
      else
        break;
    }
    return variableKey(e);
  }
  std::string variableKey(const Expr *e) const {
    if (!e)
      return "";
    e = e->IgnoreParenImpCasts();
    if (auto *ref = dyn_cast<DeclRefExpr>(e))
      if (auto *var = dyn_cast<VarDecl>(ref->getDecl()))
        return names_.keyOf(var);
    if (auto *member = dyn_cast<MemberExpr>(e))
      if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
        return names_.keyOf(field);
    return "";
  }

  // `topic_ = topic;` in a constructor's body, or in a setter (`void set_topic(std::string t)
  // { topic_ = std::move(t); }`): any method of the class but a lambda's, whose callers are
  // the library's.
  void bindAssignedMember(const Expr *lhs, const Expr *rhs) {
    auto *method = dyn_cast_or_null<CXXMethodDecl>(functions_.empty() ? nullptr : functions_.back());
    if (!method || method->isStatic() || method->getParent()->isLambda())
      return;
    auto *member = lhs ? dyn_cast<MemberExpr>(lhs->IgnoreParenImpCasts()) : nullptr;
    if (member && isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
      if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
        bindMemberToParameter(method, field, rhs);
  }
  void bindMemberToParameter(const CXXMethodDecl *method, const FieldDecl *field, const Expr *init) {
    if (!field || !init || !method->hasBody())
      return;
    functions_.push_back(method); // parameters are those of the constructor or setter
    ArgValue value = values_.evaluate(init, 0);
    functions_.pop_back();
    if (value.kind == ArgValue::Kind::Parameter)
      facts_.memberParameters.push_back({names_.keyOf(field), names_.keyOf(method), value});
  }

  void bindHandle(const std::string &key, const Expr *init) {
    // The call was recorded, or will be: bind by its location once the TU is done.
    const Expr *e = ValueEvaluator::unwrap(init);
    if (key.empty() || !e)
      return;
    // `sender_.reset(new q::Sender("jobs.audit"))`, `sender_ = new q::Sender(...)`: the
    // construction of a constructor described in `apis` (shared-cases 03 sibling, session 47).
    if (auto *made = dyn_cast<CXXNewExpr>(e); made && made->getConstructExpr())
      e = made->getConstructExpr();
    // Through what preserves a handle: `shared_ptr<Topic>(Topic::create(...))`,
    // `moved_ = std::move(local)` of a local made by a call: the call that made it.
    ArgValue value = values_.evaluate(init);
    if ((value.kind == ArgValue::Kind::Handle || value.kind == ArgValue::Kind::Unknown) && value.innerCall.line != 0 &&
        !(isa<CallExpr>(e) || isa<RecoveryExpr>(e))) {
      pendingBindings_.push_back({key, value.innerCall, currentKey()});
      return;
    }
    if (!(isa<CallExpr>(e) || isa<CXXConstructExpr>(e) || isa<RecoveryExpr>(e)))
      return;
    pendingBindings_.push_back({key, names_.callLocation(e), currentKey()}); // the call may not be recorded yet
    if (e->containsErrors())
      unanalysedBindings_.emplace_back(key, names_.callLocation(e));
  }

public:
  // Binds each `variable = call(...)` to the recorded call, once the whole TU is seen.
  std::vector<MemberValue> memberValues() const { return values_.memberValues(); }
  void resolveBindings() {
    facts_.passedVariables.assign(passedObjects_.begin(), passedObjects_.end());
    facts_.rosNodeName = rosNodes_.unitNodeName();
    facts_.rosNodeClasses = rosNodes_.nodeClasses();
    // Only the places a binding names: template-heavy code has millions of calls (abseil's
    // btree_test.cc), and a map of all of them took most of the file's time.
    // A template's own code and each of its instantiations make a call at one place: the
    // binding is to the one made in the same function, else the first there.
    const size_t kNoCall = SIZE_MAX;
    std::map<Location, size_t> callAt;
    std::map<std::pair<Location, std::string>, size_t> callIn;
    for (const PendingBinding &binding : pendingBindings_) {
      callAt.emplace(binding.at, kNoCall);
      callIn.emplace(std::pair{binding.at, binding.function}, kNoCall);
    }
    for (auto &[key, at] : unanalysedBindings_)
      callAt.emplace(at, kNoCall);
    if (!callAt.empty())
      for (size_t i = 0; i < facts_.calls.size(); ++i) {
        if (auto it = callAt.find(facts_.calls[i].location); it != callAt.end() && it->second == kNoCall)
          it->second = i;
        if (auto it = callIn.find({facts_.calls[i].location, facts_.calls[i].callerKey});
            it != callIn.end() && it->second == kNoCall)
          it->second = i;
      }
    for (const PendingBinding &binding : pendingBindings_)
      if (size_t call = callIn.at({binding.at, binding.function}); call != kNoCall)
        facts_.handles.push_back({binding.variable, call});
      else if (call = callAt.at(binding.at); call != kNoCall)
        facts_.handles.push_back({binding.variable, call});
    for (auto &[key, at] : unanalysedBindings_)
      if (callAt.at(at) == kNoCall)
        facts_.unanalysedHandles.push_back({key, at});
  }

private:
  ASTContext &context_;
  SourceManager &sm_;
  TuFacts &facts_;
  const ExtractOptions &options_;
  const std::set<std::string> &skipped_;
  std::set<std::string> passedObjects_; // notePassedObjects'
  std::set<std::string> boundHandlers_; // recordBoundApiHandler's functions, once each
  llvm::StringSet<> apiShortNames_; // the APIs' unqualified names, for unresolved calls
  std::vector<const FunctionDecl *> functions_; // the enclosing functions, innermost last
  llvm::DenseMap<const FunctionDecl *, size_t> factIndex_; // its FunctionFact in facts_.functions
  AstNames names_;
  HandlerFinder handlers_;
  ValueEvaluator values_;
  std::vector<Location> loops_; // CallFact::loops of the calls visited now
  RosNodeContexts rosNodes_; // after values_: it evaluates with it
  struct PendingBinding {
    std::string variable; // its key
    Location at;          // the call's location
    std::string function; // the key of the function the binding is made in
  };
  std::vector<PendingBinding> pendingBindings_;
  std::vector<std::pair<std::string, Location>> unanalysedBindings_; // ... of calls with errors
};

class FactConsumer : public ASTConsumer {
public:
  FactConsumer(TuFacts &facts, const ExtractOptions &options, const std::set<std::string> &skipped)
      : facts_(facts), options_(options), skipped_(skipped) {}
  void HandleTranslationUnit(ASTContext &context) override {
    analysisPosition() = AnalysisPosition{};
    analysisPosition().visiting = true;
    FactVisitor visitor(context, facts_, options_, skipped_);
    visitor.TraverseDecl(context.getTranslationUnitDecl());
    visitor.resolveBindings();
    facts_.memberValues = visitor.memberValues();
    facts_.apiLookups = lookUpApis(context, options_.checkedApis);
    facts_.apiClasses = apiClasses(context, options_.knownApis);
    analysisPosition() = AnalysisPosition{};
  }

private:
  TuFacts &facts_;
  const ExtractOptions &options_;
  const std::set<std::string> &skipped_;
};

} // namespace

std::unique_ptr<clang::ASTConsumer> makeFactConsumer(TuFacts &facts, const ExtractOptions &options,
                                                     const std::set<std::string> &skipped) {
  return std::make_unique<FactConsumer>(facts, options, skipped);
}

} // namespace eventscope
