#include "analyzer/cpp/object_fate.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ParentMapContext.h>

#include <algorithm>

namespace eventscope {

using namespace clang;

namespace {

// The node an expression's value is used by, through the nodes that only carry it
// (conversions, temporaries, parentheses, std::move/std::forward).
DynTypedNode userOf(const Expr *e, const Expr *&used, ASTContext &context) {
  used = e;
  for (int step = 0; step < 16; ++step) {
    DynTypedNodeList parents = context.getParents(*used);
    if (parents.size() != 1)
      return DynTypedNode();
    const Expr *parent = parents[0].get<Expr>();
    if (!parent)
      return parents[0];
    if (isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr, ExprWithCleanups, ParenExpr,
            CXXFunctionalCastExpr>(parent)) {
      used = parent;
      continue;
    }
    if (auto *call = dyn_cast<CallExpr>(parent); call && call->getNumArgs() == 1 && call->getArg(0) == used)
      if (const FunctionDecl *callee = call->getDirectCallee();
          callee && callee->isInStdNamespace() && callee->getIdentifier() &&
          (callee->getName() == "move" || callee->getName() == "forward")) {
        used = parent;
        continue;
      }
    return parents[0];
  }
  return DynTypedNode();
}

// The project function `used` is an argument of, "" for a call of a library's function or
// any other use.
std::string projectCalleeTaking(const Expr *used, const DynTypedNode &user, const AstNames &names) {
  const FunctionDecl *callee = nullptr;
  bool isArgument = false;
  if (auto *call = user.get<CallExpr>()) {
    callee = call->getDirectCallee();
    isArgument = std::find(call->arg_begin(), call->arg_end(), used) != call->arg_end();
    if (auto *op = dyn_cast<CXXOperatorCallExpr>(call);
        op && isa_and_nonnull<CXXMethodDecl>(callee) && op->getNumArgs() > 0 && op->getArg(0) == used)
      isArgument = false; // the object of an operator (`r == s`): it is not handed over
  } else if (auto *construct = user.get<CXXConstructExpr>()) {
    callee = construct->getConstructor();
    isArgument = !construct->getConstructor()->isCopyOrMoveConstructor() &&
                 std::find(construct->arg_begin(), construct->arg_end(), used) != construct->arg_end();
  }
  if (!callee || !isArgument || names.inSystemHeader(callee->getLocation()))
    return "";
  return names.keyOf(callee);
}

} // namespace

std::optional<std::vector<std::string>> objectGoesTo(const CXXConstructExpr *construct, ASTContext &context,
                                                     const AstNames &names) {
  std::vector<std::string> callees;
  const Expr *used = nullptr;
  DynTypedNode user = userOf(construct, used, context);
  if (const auto *var = user.get<VarDecl>()) {
    // `Record r("audit", x);`: a local of a function, each use of it.
    auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
    if (!var->isLocalVarDecl() || var->isStaticLocal() || var->getType()->isReferenceType() || !function ||
        !function->getBody() || var->getInit() == nullptr)
      return std::nullopt;
    for (const DeclRefExpr *ref : referencesTo(var, *function->getBody(), context)) {
      const Expr *at = nullptr;
      DynTypedNode use = userOf(ref, at, context);
      if (use.get<MemberExpr>())
        continue; // `r.topic`, `r.send()`: the object stays where it is
      std::string callee = projectCalleeTaking(at, use, names);
      if (callee.empty())
        return std::nullopt;
      callees.push_back(std::move(callee));
    }
  } else {
    std::string callee = projectCalleeTaking(used, user, names);
    if (callee.empty())
      return std::nullopt;
    callees.push_back(std::move(callee));
  }
  std::sort(callees.begin(), callees.end());
  callees.erase(std::unique(callees.begin(), callees.end()), callees.end());
  return callees;
}

} // namespace eventscope
