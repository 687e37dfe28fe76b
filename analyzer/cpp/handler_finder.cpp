#include "analyzer/cpp/handler_finder.h"

#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>

#include <cctype>

namespace eventscope {

using namespace clang;

namespace {
const unsigned kMaxHandlerDepth = 16;
}

void HandlerFinder::find(const Expr *expr, ArgValue &value, unsigned depth) const {
  if (depth > kMaxHandlerDepth || !expr)
    return;
  const Expr *e = ValueEvaluator::unwrap(expr);
  if (auto *op = dyn_cast_or_null<UnaryOperator>(e); op && op->getOpcode() == UO_AddrOf)
    e = ValueEvaluator::unwrap(op->getSubExpr());
  if (!e)
    return;
  if (auto *lambda = dyn_cast<LambdaExpr>(e)) {
    setHandler(value, lambda->getCallOperator());
    return;
  }
  // A captureless lambda made a C function pointer (natsMsgHandler, a mosquitto callback):
  // the call of its conversion operator.
  if (auto *conversion = dyn_cast<CXXMemberCallExpr>(e);
      conversion && isa_and_nonnull<CXXConversionDecl>(conversion->getMethodDecl())) {
    find(conversion->getImplicitObjectArgument(), value, depth + 1);
    return;
  }
  // A function whose signature names a type from a missing header is invalid, and a
  // reference to it becomes an empty RecoveryExpr: find it again by its spelling.
  if (auto *recovery = dyn_cast<RecoveryExpr>(e); recovery && recovery->subExpressions().empty()) {
    if (const FunctionDecl *function = functionSpelledAt(recovery->getBeginLoc()))
      setHandler(value, function);
    return;
  }
  // In a call Clang could not resolve, a function name stays an unresolved overload set.
  if (auto *lookup = dyn_cast<OverloadExpr>(e)) {
    if (lookup->getNumDecls() == 1)
      if (auto *function = dyn_cast<FunctionDecl>((*lookup->decls_begin())->getUnderlyingDecl()))
        setHandler(value, function);
    return;
  }
  if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (auto *function = dyn_cast<FunctionDecl>(ref->getDecl())) {
      setHandler(value, function);
    } else if (auto *var = dyn_cast<VarDecl>(ref->getDecl())) {
      if (!isa<ParmVarDecl>(var))
        if (const Expr *init = var->getInit())
          find(init, value, depth + 1); // std::function<...> f = ...; auto h = [..]{...};
      // A parameter of a template whose type is the template's (`template <class F> InW(...,
      // F f)` given `boost::bind(&Relay::onIn, this, _1)`): what each caller passes, not the
      // operator() of the type one instantiation happens to have (boost's bind_t).
      if (value.handlerKey.empty() && !dependentTemplateParameter(var))
        functorOf(var->getType(), value);
    }
    return;
  }
  // A member the class gives one callable (`on_goal_ = [this](...) {...};` in the
  // constructor, `std::function<...> cb_ = f;`, or `cb_(f)`).
  if (auto *member = dyn_cast<MemberExpr>(e)) {
    if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
      if (const Expr *only = onlyValueOf(field))
        find(only, value, depth + 1);
    return;
  }
  if (auto *call = dyn_cast<CallExpr>(e)) {
    const FunctionDecl *callee = call->getDirectCallee();
    std::string name = callee ? callee->getQualifiedNameAsString() : "";
    if ((name == "std::bind" || name == "boost::bind" || name == "std::bind_front") && call->getNumArgs() > 0)
      find(call->getArg(0), value, depth + 1);
    return;
  }
  if (auto *construct = dyn_cast<CXXConstructExpr>(e)) {
    // std::function<void(Msg)>(f), boost::function (whose constructor has a defaulted
    // enable_if parameter after the callable), or a functor object built in place.
    unsigned given = construct->getNumArgs();
    while (given > 1 && isa<CXXDefaultArgExpr>(construct->getArg(given - 1)))
      --given;
    if (given == 1)
      find(construct->getArg(0), value, depth + 1);
    if (value.handlerKey.empty() && construct->getNumArgs() == 0)
      functorOf(construct->getType(), value);
    if (value.handlerKey.empty() && construct->getNumArgs() > 0 && !construct->getConstructor()->isCopyOrMoveConstructor())
      functorOf(construct->getType(), value);
    return;
  }
  if (isa<CXXTemporaryObjectExpr>(e) || isa<InitListExpr>(e))
    functorOf(e->getType(), value);
}

bool HandlerFinder::dependentTemplateParameter(const VarDecl *var) {
  auto *param = dyn_cast<ParmVarDecl>(var);
  auto *function = param ? dyn_cast<FunctionDecl>(param->getDeclContext()) : nullptr;
  const FunctionDecl *pattern = function ? function->getTemplateInstantiationPattern() : nullptr;
  if (!pattern)
    return false;
  const unsigned index = param->getFunctionScopeIndex();
  return index < pattern->getNumParams() && pattern->getParamDecl(index)->getType()->isDependentType();
}

const Expr *HandlerFinder::onlyValueOf(const FieldDecl *field) const {
  auto *record = dyn_cast<CXXRecordDecl>(field->getParent());
  if (!record || !record->hasDefinition())
    return nullptr;
  std::vector<const Expr *> values;
  if (const Expr *init = field->getInClassInitializer())
    values.push_back(init);
  using namespace clang::ast_matchers;
  auto thisMember = memberExpr(member(equalsNode(field)), hasObjectExpression(ignoringParenImpCasts(cxxThisExpr())));
  for (const CXXMethodDecl *method : record->methods()) {
    const FunctionDecl *definition = method->getDefinition();
    const Stmt *body = definition ? definition->getBody() : nullptr;
    if (!body)
      continue;
    if (auto *ctor = dyn_cast<CXXConstructorDecl>(definition))
      for (const CXXCtorInitializer *init : ctor->inits())
        if (init->getMember() == field && init->isWritten())
          values.push_back(init->getInit());
    for (const BoundNodes &store :
         match(findAll(expr(anyOf(binaryOperator(hasOperatorName("="), hasLHS(thisMember)),
                                  cxxOperatorCallExpr(hasOverloadedOperatorName("="), hasArgument(0, thisMember))))
                           .bind("store")),
               *body, context_)) {
      const Expr *written = store.getNodeAs<Expr>("store");
      if (auto *op = dyn_cast<BinaryOperator>(written))
        values.push_back(op->getRHS());
      else if (auto *op = dyn_cast<CXXOperatorCallExpr>(written); op && op->getNumArgs() == 2)
        values.push_back(op->getArg(1));
    }
  }
  return values.size() == 1 ? values.front() : nullptr; // given more than one: not known which
}

const FunctionDecl *HandlerFinder::functionSpelledAt(SourceLocation loc) const {
  if (loc.isInvalid() || loc.isMacroID())
    return nullptr;
  std::string spelled =
      Lexer::getSourceText(CharSourceRange::getTokenRange(loc), names_.sources(), context_.getLangOpts()).str();
  if (spelled.empty() || !(std::isalpha(static_cast<unsigned char>(spelled[0])) || spelled[0] == '_'))
    return nullptr;
  // The enclosing scopes first (a namespace's own functions), then the translation unit.
  const DeclContext *scope = functions_.empty() ? context_.getTranslationUnitDecl() : functions_.back()->getDeclContext();
  for (; scope; scope = scope->getParent()) {
    if (!isa<NamespaceDecl>(scope) && !isa<TranslationUnitDecl>(scope))
      continue;
    for (const NamedDecl *found : scope->lookup(DeclarationName(&context_.Idents.get(spelled))))
      if (auto *function = dyn_cast<FunctionDecl>(found))
        return function;
  }
  return nullptr;
}

void HandlerFinder::functorOf(QualType type, ArgValue &value) const {
  if (type.isNull())
    return;
  const CXXRecordDecl *record = type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition() || names_.inSystemHeader(record->getLocation()))
    return;
  for (const CXXMethodDecl *method : record->methods())
    if (method->getOverloadedOperator() == OO_Call) {
      setHandler(value, method);
      return;
    }
}

void HandlerFinder::setHandler(ArgValue &value, const FunctionDecl *function) const {
  if (!function)
    return;
  value.handlerKey = names_.keyOf(function);
  value.handlerName = names_.readableName(function);
}

} // namespace eventscope
