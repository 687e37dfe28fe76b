#include "analyzer/cpp/libraries/program_options.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>

namespace eventscope {

using namespace clang;

namespace {

// The single parent of `node` that is an expression, through parentheses and casts.
const Expr *parentExpr(const Expr *node, ASTContext &context) {
  for (unsigned hops = 0; node && hops < 8; ++hops) {
    DynTypedNodeList parents = context.getParents(*node);
    const Expr *parent = parents.size() == 1 ? parents[0].get<Expr>() : nullptr;
    if (!parent || !(isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr>(parent)))
      return parent;
    node = parent;
  }
  return nullptr;
}

bool inNamespaceProgramOptions(const NamedDecl *decl) {
  std::string qualified = decl ? decl->getQualifiedNameAsString() : "";
  return qualified.rfind("boost::program_options::", 0) == 0;
}

} // namespace

std::optional<ProgramOption> boundProgramOption(const UnaryOperator *addressOf, ASTContext &context) {
  if (!addressOf || addressOf->getOpcode() != UO_AddrOf)
    return std::nullopt;
  auto *made = dyn_cast_or_null<CallExpr>(parentExpr(addressOf, context));
  const FunctionDecl *value = made ? made->getDirectCallee() : nullptr;
  if (!value || !value->getIdentifier() || value->getName() != "value" || !inNamespaceProgramOptions(value))
    return std::nullopt;
  // Up the chain of typed_value's setters (`->default_value(d)->required()`), to the call
  // that adds the option.
  ProgramOption option;
  const Expr *at = made;
  for (unsigned hops = 0; hops < 8; ++hops) {
    const Expr *parent = parentExpr(at, context);
    if (auto *member = dyn_cast_or_null<MemberExpr>(parent)) {
      auto *call = dyn_cast_or_null<CXXMemberCallExpr>(parentExpr(member, context));
      const CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
      if (!method || !inNamespaceProgramOptions(method))
        return std::nullopt;
      if (method->getIdentifier() && method->getName() == "default_value" && call->getNumArgs() >= 1)
        option.fallback = call->getArg(0);
      at = call;
      continue;
    }
    auto *add = dyn_cast_or_null<CXXOperatorCallExpr>(parent);
    auto *method = add ? dyn_cast_or_null<CXXMethodDecl>(add->getDirectCallee()) : nullptr;
    if (!method || add->getOperator() != OO_Call || !method->getParent()->getIdentifier() ||
        method->getParent()->getName() != "options_description_easy_init" || add->getNumArgs() < 3)
      return std::nullopt;
    auto *name = dyn_cast<StringLiteral>(add->getArg(1)->IgnoreParenImpCasts());
    if (!name)
      return std::nullopt;
    option.name = name->getString().str();
    option.name = option.name.substr(0, option.name.find(','));
    return option.name.empty() ? std::nullopt : std::optional<ProgramOption>(option);
  }
  return std::nullopt;
}

std::optional<std::string> variablesMapRead(const CXXMemberCallExpr *call) {
  const CXXMethodDecl *as = call ? call->getMethodDecl() : nullptr;
  if (!as || !as->getIdentifier() || as->getName() != "as" || call->getNumArgs() != 0 || !inNamespaceProgramOptions(as))
    return std::nullopt;
  const Expr *object = call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const Expr *key = nullptr;
  if (auto *subscript = dyn_cast<CXXOperatorCallExpr>(object); subscript && subscript->getOperator() == OO_Subscript &&
                                                                 subscript->getNumArgs() == 2)
    key = subscript->getArg(1);
  else if (auto *at = dyn_cast<CXXMemberCallExpr>(object);
           at && at->getMethodDecl() && at->getMethodDecl()->getIdentifier() && at->getMethodDecl()->getName() == "at" &&
           at->getNumArgs() == 1)
    key = at->getArg(0);
  // variables_map is a std::map<std::string, variable_value>: its key, a literal.
  auto *name = key ? dyn_cast<StringLiteral>(key->IgnoreImplicit()) : nullptr;
  if (!name)
    if (auto *construct = key ? dyn_cast<CXXConstructExpr>(key->IgnoreImplicit()) : nullptr;
        construct && construct->getNumArgs() >= 1)
      name = dyn_cast<StringLiteral>(construct->getArg(0)->IgnoreImplicit());
  if (!name || name->getString().empty())
    return std::nullopt;
  return name->getString().str();
}

std::map<std::string, const Expr *> declaredProgramOptions(ASTContext &context) {
  struct Adds : RecursiveASTVisitor<Adds> {
    std::map<std::string, const Expr *> options;
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *add) {
      auto *method = dyn_cast_or_null<CXXMethodDecl>(add->getDirectCallee());
      if (!method || add->getOperator() != OO_Call || !method->getParent()->getIdentifier() ||
          method->getParent()->getName() != "options_description_easy_init" || add->getNumArgs() < 3)
        return true;
      auto *literal = dyn_cast<StringLiteral>(add->getArg(1)->IgnoreParenImpCasts());
      std::string name = literal ? literal->getString().str() : "";
      name = name.substr(0, name.find(','));
      if (name.empty())
        return true;
      // `po::value<T>()->default_value(d)->...`: the default's argument, down the chain.
      const Expr *fallback = nullptr;
      for (const Expr *at = add->getArg(2)->IgnoreParenImpCasts(); at && !fallback;) {
        auto *call = dyn_cast<CXXMemberCallExpr>(at);
        const CXXMethodDecl *setter = call ? call->getMethodDecl() : nullptr;
        if (!setter)
          break;
        if (setter->getIdentifier() && setter->getName() == "default_value" && call->getNumArgs() >= 1)
          fallback = call->getArg(0);
        at = call->getImplicitObjectArgument() ? call->getImplicitObjectArgument()->IgnoreParenImpCasts() : nullptr;
      }
      options.emplace(name, fallback);
      return true;
    }
  } adds;
  adds.TraverseAST(context);
  return adds.options;
}

} // namespace eventscope
