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

// `desc.add_options()("topic,t", value, "help")`: the long name the option is added under
// ("topic"), when `e` is such a call with a literal name; nullopt otherwise.
std::optional<std::string> addedOption(const Expr *e) {
  auto *add = dyn_cast_or_null<CXXOperatorCallExpr>(e);
  auto *method = add ? dyn_cast_or_null<CXXMethodDecl>(add->getDirectCallee()) : nullptr;
  if (!method || add->getOperator() != OO_Call || !method->getParent()->getIdentifier() ||
      method->getParent()->getName() != "options_description_easy_init" || add->getNumArgs() < 3)
    return std::nullopt;
  auto *literal = dyn_cast<StringLiteral>(add->getArg(1)->IgnoreParenImpCasts());
  std::string name = literal ? literal->getString().str() : "";
  name = name.substr(0, name.find(','));
  return name.empty() ? std::nullopt : std::optional<std::string>(name);
}

// `->default_value(d)` of a typed_value: `d`; null for another setter.
const Expr *defaultGiven(const CXXMemberCallExpr *call) {
  const CXXMethodDecl *setter = call ? call->getMethodDecl() : nullptr;
  return setter && setter->getIdentifier() && setter->getName() == "default_value" && call->getNumArgs() >= 1
             ? call->getArg(0)
             : nullptr;
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
      if (const Expr *fallback = defaultGiven(call))
        option.fallback = fallback;
      at = call;
      continue;
    }
    std::optional<std::string> name = addedOption(parent);
    if (!name)
      return std::nullopt;
    option.name = *name;
    return option;
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
      std::optional<std::string> name = addedOption(add);
      if (!name)
        return true;
      // `po::value<T>()->default_value(d)->...`: the default's argument, down the chain.
      const Expr *fallback = nullptr;
      for (auto *call = dyn_cast<CXXMemberCallExpr>(add->getArg(2)->IgnoreParenImpCasts()); call && !fallback;
           call = call->getImplicitObjectArgument()
                      ? dyn_cast<CXXMemberCallExpr>(call->getImplicitObjectArgument()->IgnoreParenImpCasts())
                      : nullptr)
        fallback = defaultGiven(call);
      options.emplace(*name, fallback);
      return true;
    }
  } adds;
  adds.TraverseAST(context);
  return adds.options;
}

} // namespace eventscope
