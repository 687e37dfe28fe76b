// What a ROS 2 node's rclcpp::NodeOptions give its names: the node-local arguments rcl
// reads (`--ros-args -r __node:=x -r __ns:=/y -r from:=to -p name:=value`) and the parameter
// overrides rclcpp applies (RosNameContext::nameFromOptions and the fields after it).
// Followed as far as the translation unit shows the options: a chain of setters on a
// temporary (`rclcpp::NodeOptions().arguments({...})`), a local variable and the setters
// called on it in its function, a parameter as every call (or construction) in the file
// passes it, a function of the file that returns them.
#include "analyzer/cpp/libraries/ros_nodes.h"

#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include <algorithm>

namespace eventscope {
using namespace clang;

// The options as far as they are read: the argument list of the last `arguments(...)` (an
// element unknown when its text is), then the parameter overrides in the order given.
struct RosNodeContexts::NodeOptionsValue {
  std::vector<std::optional<std::string>> arguments;
  std::vector<std::pair<std::string, std::optional<std::string>>> overrides;
  bool unknownOverrides = false; // parameter_overrides(list) whose list is not read
  bool globalArguments = true;   // use_global_arguments(false) sets it false
  friend bool operator==(const NodeOptionsValue &, const NodeOptionsValue &) = default;
};

namespace {

// The elements of a braced list or a container made from one (`{"--ros-args", "-r", x}`,
// `std::vector<std::string>{...}`, a local variable initialised so); nullopt otherwise.
std::optional<std::vector<const Expr *>> listElements(const Expr *e, unsigned depth = 0) {
  e = ValueEvaluator::unwrap(e);
  if (!e || depth > 4)
    return std::nullopt;
  if (const auto *list = dyn_cast<InitListExpr>(e)) {
    if (list->getNumInits() == 1) // `std::vector<std::string>{{...}}`
      if (auto inner = listElements(list->getInit(0), depth + 1))
        return inner;
    return std::vector<const Expr *>(list->inits().begin(), list->inits().end());
  }
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
    // The arguments written (an allocator left to its default is not).
    unsigned written = 0;
    while (written < construct->getNumArgs() && !isa<CXXDefaultArgExpr>(construct->getArg(written)))
      ++written;
    if (written == 1)
      return listElements(construct->getArg(0), depth + 1); // from an initializer_list, or a copy
    if (written == 0)
      return std::vector<const Expr *>{};
    return std::nullopt;
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl());
        var && !isa<ParmVarDecl>(var) && var->getInit())
      return listElements(var->getInit(), depth + 1);
  return std::nullopt;
}

// The object a chain of NodeOptions setters starts from (`options` of
// `options.use_intra_process_comms(true).arguments(...)`).
const Expr *chainRoot(const CXXMemberCallExpr *call) {
  const Expr *object = ValueEvaluator::unwrap(call->getImplicitObjectArgument());
  for (int depth = 0; depth < 16; ++depth) {
    const auto *inner = dyn_cast_or_null<CXXMemberCallExpr>(object);
    if (!inner || !isRos2NodeOptions(inner->getType()))
      break;
    object = ValueEvaluator::unwrap(inner->getImplicitObjectArgument());
  }
  return object;
}

std::string methodName(const CXXMemberCallExpr *call) {
  const CXXMethodDecl *method = call->getMethodDecl();
  return method && method->getIdentifier() ? method->getName().str() : "";
}

} // namespace

// One setter's effect (`arguments(list)` replaces the list, `parameter_overrides(list)` the
// overrides, `append_parameter_override(name, value)` adds one); other setters change nothing
// ROS resolves names with.
void RosNodeContexts::nodeOptionsSetBy(NodeOptionsValue &value, const CXXMemberCallExpr *call) {
  std::string method = methodName(call);
  if (method == "arguments" && call->getNumArgs() == 1) {
    value.arguments.clear();
    if (std::optional<std::vector<const Expr *>> elements = listElements(call->getArg(0)))
      for (const Expr *element : *elements)
        value.arguments.push_back(constant_(element));
    else
      value.arguments.push_back(std::nullopt); // a list not read: none of it known
  } else if (method == "parameter_overrides" && call->getNumArgs() == 1) {
    value.overrides.clear();
    value.unknownOverrides = false;
    std::optional<std::vector<const Expr *>> elements = listElements(call->getArg(0));
    if (!elements) {
      value.unknownOverrides = true;
      return;
    }
    for (const Expr *element : *elements) {
      // rclcpp::Parameter(name, value), written `{name, value}` or `rclcpp::Parameter(name, value)`.
      const auto *parameter = dyn_cast<CXXConstructExpr>(ValueEvaluator::unwrap(element));
      std::optional<std::string> name = parameter && parameter->getNumArgs() >= 2 ? constant_(parameter->getArg(0)) : std::nullopt;
      if (!name) {
        value.unknownOverrides = true;
        continue;
      }
      value.overrides.emplace_back(*name, constant_(parameter->getArg(1)));
    }
  } else if (method == "use_global_arguments" && call->getNumArgs() == 1) {
    // A constant `false` (an unknown value keeps rcl's default, true).
    bool given = true;
    const Expr *flag = ValueEvaluator::unwrap(call->getArg(0));
    if (flag && !flag->isValueDependent() && flag->EvaluateAsBooleanCondition(given, context_))
      value.globalArguments = given;
  } else if (method == "append_parameter_override" && call->getNumArgs() == 2) {
    if (std::optional<std::string> name = constant_(call->getArg(0)))
      value.overrides.emplace_back(*name, constant_(call->getArg(1)));
    else
      value.unknownOverrides = true;
  }
}

// The options `options` is, as far as this unit shows them; nullopt when it does not
// (options made in another unit, a member, `get_node_options()`).
std::optional<RosNodeContexts::NodeOptionsValue> RosNodeContexts::nodeOptionsOf(const Expr *options, unsigned depth) {
  const Expr *e = ValueEvaluator::unwrap(options);
  if (const auto *given = dyn_cast_or_null<CXXDefaultArgExpr>(e))
    e = ValueEvaluator::unwrap(given->getExpr());
  if (!e || depth > 4)
    return std::nullopt;
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
    if (construct->getConstructor()->isCopyOrMoveConstructor() && construct->getNumArgs() == 1)
      return nodeOptionsOf(construct->getArg(0), depth + 1);
    return NodeOptionsValue{}; // rclcpp::NodeOptions(): no arguments, no overrides
  }
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(e); call && isRos2NodeOptions(call->getImplicitObjectArgument()->getType())) {
    std::optional<NodeOptionsValue> value = nodeOptionsOf(call->getImplicitObjectArgument(), depth);
    if (value)
      nodeOptionsSetBy(*value, call);
    return value;
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (const auto *parameter = dyn_cast<ParmVarDecl>(ref->getDecl())) {
      // What every call (construction) of its function in this file passes, when they agree.
      return agreedNodeOptions(isa<CXXConstructorDecl>(parameter->getDeclContext()) ? constructionArgumentsFor(parameter)
                                                                                     : argumentsFor(parameter),
                               depth);
    }
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    if (!var || var->hasGlobalStorage())
      return std::nullopt;
    std::optional<NodeOptionsValue> value =
        var->getInit() ? nodeOptionsOf(var->getInit(), depth + 1) : std::optional<NodeOptionsValue>(NodeOptionsValue{});
    const auto *function = dyn_cast_or_null<FunctionDecl>(var->getParentFunctionOrMethod());
    if (!value || !function || !function->getBody())
      return value;
    // The setters called on the variable in its function, in the order they end
    // (`options.a(x).b(y)`: a, then b).
    struct Setters : RecursiveASTVisitor<Setters> {
      const VarDecl *var = nullptr;
      std::vector<const CXXMemberCallExpr *> found;
      bool VisitCXXMemberCallExpr(CXXMemberCallExpr *call) {
        if (!isRos2NodeOptions(call->getImplicitObjectArgument()->getType()))
          return true;
        const auto *root = dyn_cast_or_null<DeclRefExpr>(chainRoot(call));
        if (root && root->getDecl() == var)
          found.push_back(call);
        return true;
      }
    } setters;
    setters.var = var;
    setters.TraverseStmt(function->getBody());
    const SourceManager &sources = context_.getSourceManager();
    std::stable_sort(setters.found.begin(), setters.found.end(), [&](const CXXMemberCallExpr *a, const CXXMemberCallExpr *b) {
      return sources.isBeforeInTranslationUnit(a->getEndLoc(), b->getEndLoc());
    });
    for (const CXXMemberCallExpr *call : setters.found)
      nodeOptionsSetBy(*value, call);
    return value;
  }
  // `make_options()`, a function of this unit returning them: what its returns agree on.
  if (const auto *call = dyn_cast<CallExpr>(e); call && !isa<CXXMemberCallExpr>(call) && call->getDirectCallee()) {
    const FunctionDecl *callee = call->getDirectCallee()->getDefinition();
    if (!callee || !callee->getBody())
      return std::nullopt;
    return agreedNodeOptions(rosReturnedValues(callee), depth);
  }
  return std::nullopt;
}

// The options every expression of `each` is, when they are all read and agree; nullopt else
// (and for none).
std::optional<RosNodeContexts::NodeOptionsValue> RosNodeContexts::agreedNodeOptions(const std::vector<const Expr *> &each,
                                                                                    unsigned depth) {
  std::optional<NodeOptionsValue> agreed;
  for (const Expr *e : each) {
    std::optional<NodeOptionsValue> one = nodeOptionsOf(e, depth + 1);
    if (!one || (agreed && !(*agreed == *one)))
      return std::nullopt;
    agreed = std::move(one);
  }
  return agreed;
}

// rcl's argument syntax (rcl/src/arguments.c, "ROS command line arguments" design article):
// ROS arguments are those after `--ros-args`, up to `--`; `-r`/`--remap` takes a rule
// `[node:]from:=to` (`__node`/`__name` renames the node, `__ns` moves it), `-p`/`--param` a
// `name:=value`; the other flags with a value (`--params-file`, `-e`, `--log-level`, ...) are
// skipped with it.
void RosNodeContexts::giveNodeOptions(RosNameContext &context, const Expr *options) {
  std::optional<NodeOptionsValue> value = nodeOptionsOf(options, 0);
  if (!value)
    return;
  std::vector<std::pair<std::string, std::string>> parameters;
  bool ros = false;
  const std::vector<std::optional<std::string>> &args = value->arguments;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::optional<std::string> &arg = args[i];
    if (arg && *arg == "--ros-args") {
      ros = true;
      continue;
    }
    if (arg && *arg == "--") {
      ros = false;
      continue;
    }
    if (!ros || !arg)
      continue;
    const bool remap = *arg == "-r" || *arg == "--remap";
    const bool param = *arg == "-p" || *arg == "--param";
    static const char *const kWithValue[] = {"--params-file", "-e", "--enclave", "--log-level", "--log-config-file",
                                             "--log-file-name"};
    if (!remap && !param) {
      if (std::find(std::begin(kWithValue), std::end(kWithValue), *arg) != std::end(kWithValue))
        ++i;
      continue;
    }
    if (++i >= args.size() || !args[i])
      continue; // a rule whose text is not known here
    std::string rule = *args[i];
    size_t sep = rule.find(":=");
    if (sep == std::string::npos)
      continue;
    std::string from = rule.substr(0, sep), to = rule.substr(sep + 2);
    if (param) {
      parameters.emplace_back(from, to);
      continue;
    }
    // `talker:chatter:=talk`: a rule for the node named talker alone (not `rostopic://x`).
    if (size_t colon = from.find(':'); colon != std::string::npos && from.compare(colon, 3, "://") != 0) {
      if (from.substr(0, colon) != context.nodeName)
        continue;
      from.erase(0, colon + 1);
    }
    if (from == "__node" || from == "__name") {
      context.nodeName = to;
      context.nameFromOptions = true;
    } else if (from == "__ns") {
      context.nodeNamespace = to.empty() || to.front() == '/' ? to : "/" + to;
      if (context.nodeNamespace == "/")
        context.nodeNamespace.clear();
      context.namespaceFromOptions = true;
    } else {
      context.optionRemaps.emplace_back(from, to);
    }
  }
  for (const auto &[name, given] : value->overrides) {
    if (!given) // a value not known here (or not text): no earlier one stands
      std::erase_if(parameters, [&](const auto &p) { return p.first == name; });
    else
      parameters.emplace_back(name, *given);
  }
  context.optionParameters = std::move(parameters);
  context.ignoresProcessArguments = !value->globalArguments;
}

} // namespace eventscope
