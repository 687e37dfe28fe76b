#include "analyzer/cpp/libraries/abseil_flags.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>

namespace eventscope {

using namespace clang;

std::optional<std::string> abslFlagName(const VarDecl *var) {
  if (!var || !var->getIdentifier() || !var->getName().starts_with("FLAGS_"))
    return std::nullopt;
  auto *type = var->getType().isNull() ? nullptr : var->getType()->getAsCXXRecordDecl();
  auto *flag = dyn_cast_or_null<ClassTemplateSpecializationDecl>(type);
  if (!flag || !flag->getIdentifier() || flag->getName() != "Flag")
    return std::nullopt;
  auto *ns = dyn_cast<NamespaceDecl>(flag->getDeclContext()->getRedeclContext());
  // absl::Flag is an alias of absl::flags_internal::Flag, both perhaps in an inline ABI
  // namespace (absl::lts_20220623::).
  while (ns && (ns->isInline() || (ns->getIdentifier() && ns->getName() == "flags_internal")))
    ns = dyn_cast<NamespaceDecl>(ns->getDeclContext()->getRedeclContext());
  if (!ns || !ns->getIdentifier() || ns->getName() != "absl")
    return std::nullopt;
  return var->getName().drop_front(6).str();
}

const VarDecl *abslFlagRead(const CallExpr *call) {
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier() || callee->getName() != "GetFlag" || call->getNumArgs() != 1)
    return nullptr;
  auto *ref = dyn_cast<DeclRefExpr>(call->getArg(0)->IgnoreParenImpCasts());
  auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  return abslFlagName(var) ? var : nullptr;
}

const Expr *abslFlagDefault(const VarDecl *flag) {
  std::optional<std::string> name = abslFlagName(flag);
  if (!name)
    return nullptr;
  const DeclContext *scope = flag->getDeclContext();
  for (const Decl *decl : scope->decls()) {
    auto *gen = dyn_cast<CXXRecordDecl>(decl);
    if (!gen || !gen->getIdentifier() || gen->getName() != "AbslFlagDefaultGenFor" + *name || !gen->hasDefinition())
      continue;
    for (const FieldDecl *field : gen->fields()) {
      const Expr *init = field->getInClassInitializer();
      auto *make = dyn_cast_or_null<CallExpr>(init ? init->IgnoreImplicit() : nullptr);
      const FunctionDecl *callee = make ? make->getDirectCallee() : nullptr;
      if (field->getIdentifier() && field->getName() == "value" && callee && callee->getIdentifier() &&
          callee->getName() == "InitDefaultValue" && make->getNumArgs() == 1)
        return make->getArg(0);
    }
  }
  return nullptr;
}

} // namespace eventscope
