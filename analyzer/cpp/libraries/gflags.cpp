#include "analyzer/cpp/libraries/gflags.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <llvm/ADT/StringExtras.h>

namespace eventscope {

using namespace clang;

std::optional<std::string> gflagsStringFlag(const VarDecl *var) {
  if (!var || !var->getIdentifier() || !var->getName().starts_with("FLAGS_") || var->getName().starts_with("FLAGS_no"))
    return std::nullopt;
  auto *ns = dyn_cast<NamespaceDecl>(var->getDeclContext()->getRedeclContext());
  if (!ns || !ns->getIdentifier() || ns->getName() != "fLS" || !ns->getParent()->getRedeclContext()->isTranslationUnit())
    return std::nullopt;
  return var->getName().drop_front(6).str();
}

const Expr *gflagsDefault(const VarDecl *flag) {
  const VarDecl *definition = nullptr;
  const Expr *init = flag ? flag->getAnyInitializer(definition) : nullptr;
  // `*FLAGS_no<name>`
  auto *deref = dyn_cast_or_null<UnaryOperator>(init ? init->IgnoreParenImpCasts() : nullptr);
  if (!deref || deref->getOpcode() != UO_Deref)
    return nullptr;
  auto *ref = dyn_cast<DeclRefExpr>(deref->getSubExpr()->IgnoreParenImpCasts());
  auto *holder = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  const Expr *made = holder ? holder->getInit() : nullptr;
  // `dont_pass0toDEFINE_string(s_<name>[0].s, default)`
  auto *call = dyn_cast_or_null<CallExpr>(made ? made->IgnoreParenImpCasts() : nullptr);
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier() || callee->getName() != "dont_pass0toDEFINE_string" || call->getNumArgs() != 2)
    return nullptr;
  return call->getArg(1);
}

std::optional<GflagsNumber> gflagsNumberFlag(const VarDecl *var, const ASTContext &context) {
  if (!var || !var->getIdentifier() || !var->getName().starts_with("FLAGS_") || var->getName().starts_with("FLAGS_no"))
    return std::nullopt;
  auto *ns = dyn_cast<NamespaceDecl>(var->getDeclContext()->getRedeclContext());
  if (!ns || !ns->getIdentifier() || !ns->getParent()->getRedeclContext()->isTranslationUnit())
    return std::nullopt;
  llvm::StringRef space = ns->getName();
  if (space != "fLI" && space != "fLU" && space != "fLI64" && space != "fLU64")
    return std::nullopt;
  GflagsNumber flag{var->getName().drop_front(6).str(), std::nullopt};
  const VarDecl *definition = nullptr;
  if (const Expr *init = var->getAnyInitializer(definition); init && !init->isValueDependent())
    if (Expr::EvalResult value; init->EvaluateAsInt(value, context))
      flag.fallback = llvm::toString(value.Val.getInt(), 10);
  return flag;
}

} // namespace eventscope
