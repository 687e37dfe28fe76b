#include "analyzer/cpp/topic_guards.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/StringExtras.h>

namespace eventscope {

using namespace clang;

namespace {

bool namesATopic(llvm::StringRef name) {
  std::string lower = name.lower();
  return lower.find("topic") != std::string::npos || lower.find("subject") != std::string::npos ||
         lower.find("channel") != std::string::npos;
}

// Whether `e` is the message's topic, by its spelling; through `.c_str()`, `.data()`,
// conversions, and once through a local's initialiser (`const auto &t = msg->get_topic()`).
bool isTopic(const Expr *e, int depth = 0) {
  e = e ? ValueEvaluator::unwrap(e) : nullptr;
  if (!e || depth > 2)
    return false;
  if (auto *member = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl *method = member->getMethodDecl();
    llvm::StringRef name = method && method->getIdentifier() ? method->getName() : "";
    if (name == "c_str" || name == "data" || name == "str" || name == "toStdString")
      return isTopic(member->getImplicitObjectArgument(), depth);
    return namesATopic(name);
  }
  if (auto *call = dyn_cast<CallExpr>(e)) {
    const FunctionDecl *callee = call->getDirectCallee();
    return callee && callee->getIdentifier() && namesATopic(callee->getName());
  }
  if (auto *member = dyn_cast<MemberExpr>(e))
    return member->getMemberDecl()->getIdentifier() && namesATopic(member->getMemberDecl()->getName());
  if (auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1)
    return isTopic(construct->getArg(0), depth); // std::string(topic), std::string_view(topic)
  if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
    auto *var = dyn_cast<VarDecl>(ref->getDecl());
    if (!var || !var->getIdentifier())
      return false;
    if (namesATopic(var->getName()))
      return true;
    return var->isLocalVarDecl() && var->getInit() && isTopic(var->getInit(), depth + 1);
  }
  return false;
}

bool isZero(const Expr *e) {
  auto *literal = dyn_cast_or_null<IntegerLiteral>(e ? e->IgnoreParenImpCasts() : nullptr);
  return literal && literal->getValue() == 0;
}

// `npos` or `std::string::npos`.
bool isNpos(const Expr *e) {
  e = e ? e->IgnoreParenImpCasts() : nullptr;
  auto *ref = dyn_cast_or_null<DeclRefExpr>(e);
  return ref && ref->getDecl()->getIdentifier() && ref->getDecl()->getName() == "npos";
}

bool isNull(const Expr *e, ASTContext &context) {
  return e && e->IgnoreParenImpCasts()->isNullPointerConstant(context, Expr::NPC_ValueDependentIsNotNull);
}

struct Reader {
  ASTContext &context;
  const ConstantText &constant;
  std::vector<TopicGuard> &out;
  const IfStmt *branch = nullptr; // the `if` whose condition is read

  void add(TopicTest test, const Expr *topic, const Expr *text) {
    if (!isTopic(topic))
      return;
    if (std::optional<std::string> value = constant(text))
      out.push_back({test, *value});
  }

  // `strcmp(t, "a")`, `strncmp(t, "a", n)`, `t.compare("a")` compared with 0.
  void comparison(const Expr *e) {
    e = ValueEvaluator::unwrap(e);
    if (auto *member = dyn_cast_or_null<CXXMemberCallExpr>(e); member && member->getMethodDecl() &&
                                                               member->getMethodDecl()->getIdentifier() &&
                                                               member->getMethodDecl()->getName() == "compare" &&
                                                               member->getNumArgs() == 1) {
      add(TopicTest::Equals, member->getImplicitObjectArgument(), member->getArg(0));
      return;
    }
    auto *call = dyn_cast_or_null<CallExpr>(e);
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    llvm::StringRef name = callee && callee->getIdentifier() ? callee->getName() : "";
    if ((name == "strcmp" || name == "strcasecmp") && call->getNumArgs() == 2) {
      add(TopicTest::Equals, call->getArg(0), call->getArg(1));
      add(TopicTest::Equals, call->getArg(1), call->getArg(0));
    } else if (name == "strncmp" && call->getNumArgs() == 3) {
      add(TopicTest::StartsWith, call->getArg(0), call->getArg(1));
      add(TopicTest::StartsWith, call->getArg(1), call->getArg(0));
    }
  }

  // `t.find("a")` (where: npos or not, 0 for a start) and `t.rfind("a", 0)`.
  void position(const Expr *found, const Expr *other, bool equal) {
    auto *member = dyn_cast_or_null<CXXMemberCallExpr>(ValueEvaluator::unwrap(found));
    const CXXMethodDecl *method = member ? member->getMethodDecl() : nullptr;
    llvm::StringRef name = method && method->getIdentifier() ? method->getName() : "";
    if ((name != "find" && name != "rfind") || member->getNumArgs() < 1)
      return;
    if (isNpos(other) && !equal)
      add(TopicTest::Contains, member->getImplicitObjectArgument(), member->getArg(0));
    else if (isZero(other) && equal)
      add(TopicTest::StartsWith, member->getImplicitObjectArgument(), member->getArg(0));
  }

  // `mosquitto_topic_matches_sub(sub, topic, &match)`: the result through the out parameter.
  bool filterMatch(const Expr *e, const VarDecl *result) {
    auto *call = dyn_cast_or_null<CallExpr>(e ? ValueEvaluator::unwrap(e) : nullptr);
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    if (!callee || !callee->getIdentifier() || !callee->getName().starts_with("mosquitto_topic_matches_sub") ||
        call->getNumArgs() < 3)
      return false;
    auto *address = dyn_cast<UnaryOperator>(call->getArg(call->getNumArgs() - 1)->IgnoreParenImpCasts());
    auto *ref = address && address->getOpcode() == UO_AddrOf
                    ? dyn_cast<DeclRefExpr>(address->getSubExpr()->IgnoreParenImpCasts())
                    : nullptr;
    if (!ref || ref->getDecl() != result)
      return false;
    // mosquitto_topic_matches_sub2 gives each string's length after it.
    const bool lengths = callee->getName() == "mosquitto_topic_matches_sub2" && call->getNumArgs() == 5;
    add(TopicTest::MatchesFilter, call->getArg(lengths ? 2 : 1), call->getArg(0));
    return true;
  }

  // `if (match)` after the call that set `match`: the statement before the `if` in its block
  // that last names `match` must be that call (a later assignment would be a test of
  // something else).
  void flagSetBefore(const VarDecl *flag) {
    if (!branch || !flag->isLocalVarDecl() || !flag->getType()->isBooleanType())
      return;
    DynTypedNodeList parents = context.getParents(*branch);
    auto *block = parents.size() == 1 ? parents[0].get<CompoundStmt>() : nullptr;
    if (!block)
      return;
    const Stmt *previous = nullptr;
    for (const Stmt *statement : block->body()) {
      if (statement == branch)
        break;
      if (!referencesTo(flag, *statement, context).empty())
        previous = statement;
    }
    if (auto *expr = dyn_cast_or_null<Expr>(previous)) {
      expr = ValueEvaluator::unwrap(expr);
      if (auto *assign = dyn_cast<BinaryOperator>(expr); assign && assign->getOpcode() == BO_Assign)
        expr = assign->getRHS(); // rc = mosquitto_topic_matches_sub(...)
      filterMatch(expr, flag);
    }
  }

  void read(const Expr *condition) {
    const Expr *e = condition ? condition->IgnoreParenImpCasts() : nullptr;
    if (!e)
      return;
    if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
      if (auto *flag = dyn_cast<VarDecl>(ref->getDecl()))
        flagSetBefore(flag);
      return;
    }
    if (auto *op = dyn_cast<BinaryOperator>(e)) {
      if (op->getOpcode() == BO_LAnd) {
        read(op->getLHS());
        read(op->getRHS());
      } else if (op->isEqualityOp()) {
        bool equal = op->getOpcode() == BO_EQ;
        binary(op->getLHS(), op->getRHS(), equal);
      }
      return;
    }
    if (auto *rewritten = dyn_cast<CXXRewrittenBinaryOperator>(e)) { // C++20 `a != b` from operator==
      if (rewritten->getOperator() == BO_EQ || rewritten->getOperator() == BO_NE)
        binary(rewritten->getLHS(), rewritten->getRHS(), rewritten->getOperator() == BO_EQ);
      return;
    }
    if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getNumArgs() == 2 &&
                                                    (op->getOperator() == OO_EqualEqual ||
                                                     op->getOperator() == OO_ExclaimEqual)) {
      binary(op->getArg(0), op->getArg(1), op->getOperator() == OO_EqualEqual);
      return;
    }
    if (auto *op = dyn_cast<UnaryOperator>(e); op && op->getOpcode() == UO_LNot) {
      comparison(op->getSubExpr()); // !strcmp(t, "a")
      return;
    }
    auto *call = dyn_cast<CallExpr>(ValueEvaluator::unwrap(e));
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    llvm::StringRef name = callee && callee->getIdentifier() ? callee->getName() : "";
    auto *member = dyn_cast_or_null<CXXMemberCallExpr>(call);
    if (member && member->getNumArgs() == 1 && (name == "starts_with" || name == "ends_with" || name == "contains"))
      add(name == "starts_with" ? TopicTest::StartsWith : name == "ends_with" ? TopicTest::EndsWith : TopicTest::Contains,
          member->getImplicitObjectArgument(), member->getArg(0));
    else if (!member && call && call->getNumArgs() == 2 && (name == "starts_with" || name == "ends_with"))
      add(name == "starts_with" ? TopicTest::StartsWith : TopicTest::EndsWith, call->getArg(0), call->getArg(1));
    else if (name == "strstr" && call->getNumArgs() == 2)
      add(TopicTest::Contains, call->getArg(0), call->getArg(1));
  }

  void binary(const Expr *a, const Expr *b, bool equal) {
    if (equal) {
      add(TopicTest::Equals, a, b);
      add(TopicTest::Equals, b, a);
    }
    if (isZero(b) && equal)
      comparison(a);
    else if (isZero(a) && equal)
      comparison(b);
    position(a, b, equal);
    position(b, a, equal);
    if (!equal && isNull(b, context))
      read(a); // strstr(t, "a") != NULL
  }
};

} // namespace

std::vector<TopicGuard> topicGuardsOf(const Stmt *call, ASTContext &context, const ConstantText &constant) {
  std::vector<TopicGuard> guards;
  Reader reader{context, constant, guards};
  DynTypedNode node = DynTypedNode::create(*call);
  for (int up = 0; up < 64; ++up) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1)
      break;
    const DynTypedNode &parent = parents[0];
    // Up through a local's initialiser (`int rc = mosquitto_publish(...)` is guarded as the
    // bare call is); the function or lambda the call is in ends the walk.
    if (auto *local = parent.get<VarDecl>(); local && local->isLocalVarDecl()) {
      node = parent;
      continue;
    }
    if (parent.get<Decl>() || parent.get<LambdaExpr>())
      break;
    if (auto *branch = parent.get<IfStmt>(); branch && branch->getThen() == node.get<Stmt>() &&
                                              !branch->isConsteval()) {
      reader.branch = branch;
      reader.read(branch->getCond());
    }
    node = parent;
  }
  return guards;
}

} // namespace eventscope
