#include "analyzer/cpp/fact_visitor.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Index/USRGeneration.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/Support/Path.h>

#include <cstdlib>
#include <map>
#include <set>

// No exception may cross a Clang frame: nothing below throws.

namespace eventscope {

std::string relativePath(llvm::StringRef path, const std::string &root) {
  llvm::SmallString<256> clean(path);
  llvm::sys::path::remove_dots(clean, /*remove_dot_dot=*/true);
  llvm::StringRef p(clean);
  if (p.starts_with(root) && p.size() > root.size() && p[root.size()] == '/')
    return p.substr(root.size() + 1).str();
  return p.str();
}

Location locationIn(const clang::SourceManager &sources, clang::SourceLocation loc, const std::string &root) {
  if (loc.isInvalid())
    return {};
  clang::PresumedLoc p = sources.getPresumedLoc(sources.getExpansionLoc(loc));
  if (p.isInvalid())
    return {};
  return {relativePath(p.getFilename(), root), p.getLine(), p.getColumn(), ""};
}

AnalysisPosition &analysisPosition() {
  thread_local AnalysisPosition position;
  return position;
}

namespace {

using namespace clang;

// EVENTSCOPE_CRASH_IN_FUNCTION=qualified::name makes the visitor crash on entering that
// function: how the tests show that a crash is reported as eventscope's and the run goes on.
void crashForTesting(const std::string &function) {
  static const char *target = std::getenv("EVENTSCOPE_CRASH_IN_FUNCTION");
  if (target && function == target)
    __builtin_trap();
}

const unsigned kMaxEvaluationDepth = 16;
const size_t kMaxStrings = 64; // cartesian concatenations are cut here

class FactVisitor : public RecursiveASTVisitor<FactVisitor> {
public:
  FactVisitor(ASTContext &context, TuFacts &facts, const ExtractOptions &options, const std::set<std::string> &skipped)
      : context_(context), sm_(context.getSourceManager()), facts_(facts), options_(options), skipped_(skipped) {
    for (const std::string &api : options_.apiNames) {
      size_t colon = api.rfind("::");
      apiShortNames_.insert(colon == std::string::npos ? api : api.substr(colon + 2));
    }
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *decl) {
    if (!decl)
      return true;
    // Library code is not the system under analysis: skip it whole (also a large speed-up).
    if (!isa<TranslationUnitDecl>(decl) && decl->getLocation().isValid() &&
        sm_.isInSystemHeader(sm_.getExpansionLoc(decl->getLocation())))
      return true;
    auto *function = dyn_cast<FunctionDecl>(decl);
    if (function && function->doesThisDeclarationHaveABody()) {
      if (!skipped_.empty() && skipped_.count(formatLocation(locationOf(function->getLocation()))))
        return true;
      recordFunction(function);
      functions_.push_back(function);
      // Where a crash would be reported: eventscope's fault, in this function.
      AnalysisPosition saved = analysisPosition();
      analysisPosition().function = readableName(function);
      analysisPosition().location = locationOf(function->getLocation());
      crashForTesting(analysisPosition().function);
      bool result = RecursiveASTVisitor::TraverseDecl(decl);
      analysisPosition() = saved;
      functions_.pop_back();
      return result;
    }
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  bool TraverseLambdaExpr(LambdaExpr *lambda) {
    CXXMethodDecl *op = lambda->getCallOperator();
    if (!op) // an invalid lambda
      return RecursiveASTVisitor::TraverseLambdaExpr(lambda);
    std::string enclosing = currentKey();
    recordFunction(op);
    if (!enclosing.empty())
      facts_.lambdas.push_back({enclosing, keyOf(op)});
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
    const FunctionDecl *callee = call->getDirectCallee();
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call))
      callee = member->getMethodDecl();
    if (!callee) {
      // A call Clang could not resolve: because of an error, or because it is in a template's
      // own code (resolved only in instantiations; a template never instantiated here, or
      // one whose class a missing header made invalid, has nothing else to show). Where an
      // instantiation resolves the same call, the resolver keeps that one.
      if (call->getCallee() && isUnresolvedCallee(call->getCallee()))
        recordUnresolvedCallee(call->getCallee(), llvm::ArrayRef<Expr *>(call->getArgs(), call->getNumArgs()),
                               call->getBeginLoc(), /*inError=*/call->containsErrors());
      return true;
    }
    std::vector<std::string> names = namesOf(callee);
    bool isApi = std::any_of(names.begin(), names.end(), [&](const std::string &n) { return options_.apiNames.count(n); });
    bool isProject = !sm_.isInSystemHeader(sm_.getExpansionLoc(callee->getLocation()));
    if (!isApi && !isProject) {
      recordConstructionThroughFactory(call, callee);
      return true;
    }
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = keyOf(callee);
    fact.calleeNames = std::move(names);
    fact.location = callLocation(call);
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
      auto *method = dyn_cast<CXXMethodDecl>(callee);
      auto *memberExpr = dyn_cast<MemberExpr>(member->getCallee()->IgnoreParens());
      fact.isVirtual = method && method->isVirtual() && !(memberExpr && memberExpr->hasQualifier());
      if (isApi && member->getImplicitObjectArgument()) {
        fact.hasObject = true;
        fact.object = evaluate(member->getImplicitObjectArgument(), 0);
      }
    }
    unsigned first = 0;
    // For `obj(args)` on an overloaded operator, argument 0 is the object itself.
    if (isa<CXXOperatorCallExpr>(call) && isa<CXXMethodDecl>(callee))
      first = 1;
    for (unsigned i = first; i < call->getNumArgs(); ++i)
      fact.args.push_back(evaluate(call->getArg(i), 0));
    if (const TemplateArgumentList *templateArgs = callee->getTemplateSpecializationArgs())
      for (const TemplateArgument &arg : templateArgs->asArray())
        fact.templateArgs.push_back(arg.getKind() == TemplateArgument::Type ? typeName(arg.getAsType()) : "");
    facts_.calls.push_back(std::move(fact));
    return true;
  }

  // std::make_shared<Node>("in", "out") runs Node's constructor with those arguments (the
  // usual way ROS 2 nodes are made): recorded as a call of that constructor, so topics
  // passed to it are followed like any other parameter.
  void recordConstructionThroughFactory(const CallExpr *call, const FunctionDecl *callee) {
    std::string name = callee->getQualifiedNameAsString();
    if (name != "std::make_shared" && name != "std::make_unique" && name != "std::__1::make_shared")
      return;
    const TemplateArgumentList *templateArgs = callee->getTemplateSpecializationArgs();
    if (!templateArgs || templateArgs->size() == 0 || templateArgs->get(0).getKind() != TemplateArgument::Type)
      return;
    QualType made = templateArgs->get(0).getAsType();
    const CXXRecordDecl *record = made.isNull() ? nullptr : made->getAsCXXRecordDecl();
    if (!record || !record->hasDefinition())
      return;
    // A messaging API that is a constructor (`apis` or a profile), made through the factory:
    // recorded as the constructor's call with the factory's arguments, where the factory
    // is called (a handle bound to its result is found there).
    for (const CXXConstructorDecl *ctor : record->ctors()) {
      if (ctor->isDefaultConstructor() || ctor->isCopyOrMoveConstructor() || call->getNumArgs() == 0)
        continue; // an empty object, subscribed later, or a copy: not the API's call
      std::string ctorName = withoutTemplateArguments(ctor->getQualifiedNameAsString());
      if (options_.apiNames.count(ctorName)) {
        recordConstructorCall(ctor, {ctorName}, callLocation(call), call->getArgs(), call->getNumArgs());
        return;
      }
    }
    if (sm_.isInSystemHeader(sm_.getExpansionLoc(record->getLocation())))
      return;
    const CXXConstructorDecl *chosen = nullptr;
    for (const CXXConstructorDecl *ctor : record->ctors()) {
      if (ctor->isCopyOrMoveConstructor() || call->getNumArgs() < ctor->getMinRequiredArguments() ||
          call->getNumArgs() > ctor->getNumParams())
        continue;
      if (chosen)
        return; // overloads: which one runs is not worth guessing
      chosen = ctor;
    }
    if (!chosen) // defined in another translation unit is fine: keys are the same there
      return;
    recordConstructorCall(chosen, {}, callLocation(call), call->getArgs(), call->getNumArgs());
  }

  // A constructor's call with its written arguments; `apiNames` the messaging APIs it is
  // (none for a project class, whose body is followed instead).
  void recordConstructorCall(const CXXConstructorDecl *ctor, std::vector<std::string> apiNames, Location at,
                             const Expr *const *args, unsigned count) {
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = keyOf(ctor);
    fact.calleeNames = std::move(apiNames);
    fact.location = std::move(at);
    for (unsigned i = 0; i < count; ++i)
      if (!isa<CXXDefaultArgExpr>(args[i]))
        fact.args.push_back(evaluate(args[i], 0));
    facts_.calls.push_back(std::move(fact));
  }

  // A call Clang could not resolve survives as a RecoveryExpr over its callee and arguments:
  // `f<T>("x")` with `f` undeclared, or `create_publisher<T>("x")` on `this` of a class made
  // invalid by a member whose type is in a missing header (the candidates are still there).
  bool VisitRecoveryExpr(RecoveryExpr *recovery) {
    auto children = recovery->subExpressions();
    if (!children.empty() && children[0] && isUnresolvedCallee(children[0]))
      recordUnresolvedCallee(children[0], children.drop_front(), recovery->getBeginLoc());
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *construct) {
    // std::thread t(worker) and friends: a callable handed to a constructor runs.
    const CXXConstructorDecl *ctor = construct->getConstructor();
    if (!ctor || currentKey().empty())
      return true;
    // A messaging API that is a constructor (mqtt::topic): recorded with its arguments. Its
    // default, copy and move constructors (a member made empty, then subscribed) are not it.
    std::string ctorName = withoutTemplateArguments(ctor->getQualifiedNameAsString());
    if (options_.apiNames.count(ctorName) && !ctor->isDefaultConstructor() && !ctor->isCopyOrMoveConstructor()) {
      recordConstructorCall(ctor, {ctorName}, callLocation(construct), construct->getArgs(), construct->getNumArgs());
      return true;
    }
    // Constructing a project class runs its constructor.
    if (ctor->hasBody() && !sm_.isInSystemHeader(sm_.getExpansionLoc(ctor->getLocation()))) // topics handed to a node's constructor
      recordConstructorCall(ctor, {}, locationOf(construct->getBeginLoc()), construct->getArgs(), construct->getNumArgs());
    for (unsigned i = 0; i < construct->getNumArgs(); ++i) {
      ArgValue handler;
      findHandler(construct->getArg(i), handler, 0);
      // A lambda or a std::function wrapping a callable is stored, not run, by construction.
      if (handler.handlerKey.empty() || !construct->getArg(i) || isa<LambdaExpr>(construct->getArg(i)->IgnoreImplicit()) ||
          typeName(construct->getType()) == "function")
        continue;
      CallFact fact;
      fact.callerKey = currentKey();
      fact.calleeKey = handler.handlerKey;
      fact.location = locationOf(construct->getBeginLoc());
      facts_.calls.push_back(std::move(fact));
    }
    return true;
  }

  // `topic = RdKafka::Topic::create(...)`, `Topic *t = create(...)`, `member_(create(...))`.
  bool VisitVarDecl(VarDecl *var) {
    if (const Expr *init = var->getInit())
      bindHandle(keyOf(var), init);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->getOpcode() != BO_Assign)
      return true;
    if (std::string key = variableKey(op->getLHS()); !key.empty())
      bindHandle(key, op->getRHS());
    bindAssignedMember(op->getLHS(), op->getRHS());
    return true;
  }
  // `pub_ = nh.advertise<T>(...)` on a class type is an operator= call, not a BinaryOperator.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() == OO_Equal && op->getNumArgs() == 2) {
      if (std::string key = variableKey(op->getArg(0)); !key.empty())
        bindHandle(key, op->getArg(1));
      bindAssignedMember(op->getArg(0), op->getArg(1));
    }
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *ctor) {
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isMemberInitializer() && init->isWritten() && init->getInit()) {
        bindHandle(keyOf(init->getMember()), init->getInit());
        bindMemberToParameter(ctor, init->getMember(), init->getInit());
      }
    return true;
  }

private:
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
    return false;
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
        if (auto *member = dyn_cast<UnresolvedMemberExpr>(overloads); member && !member->isImplicitAccess())
          object = member->getBase();
        SourceLocation at = isa<UnresolvedMemberExpr>(overloads) ? overloads->getNameLoc() : begin;
        recordUnresolvedCall(overloads->getName().getAsString(), std::move(names), at, args,
                             overloads->template_arguments(), object);
        return;
      }
    }
    std::string name;
    SourceLocation nameLoc = begin;
    llvm::ArrayRef<TemplateArgumentLoc> templateArgs;
    std::string objectClass; // when the object's type is known, only its APIs match
    auto classOf = [](QualType type) -> std::string {
      if (type.isNull())
        return "";
      type = type.getNonReferenceType();
      if (type->isPointerType())
        type = type->getPointeeType();
      const CXXRecordDecl *record = type->getAsCXXRecordDecl();
      return record ? record->getQualifiedNameAsString() : "";
    };
    const Expr *object = nullptr;
    if (auto *dependent = dyn_cast<CXXDependentScopeMemberExpr>(calleeExpr)) {
      name = dependent->getMember().getAsString();
      nameLoc = dependent->getMemberLoc();
      templateArgs = dependent->template_arguments();
      if (!dependent->isImplicitAccess()) {
        objectClass = classOf(dependent->getBaseType());
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
                            const Expr *object) {
    CallFact fact;
    fact.callerKey = currentKey();
    fact.calleeKey = kUnresolvedCallee + name;
    fact.calleeNames = std::move(apis);
    fact.location = locationOf(nameLoc);
    for (const Expr *arg : args)
      if (arg)
        fact.args.push_back(evaluate(arg, 0));
    for (const TemplateArgumentLoc &arg : templateArgs)
      fact.templateArgs.push_back(arg.getArgument().getKind() == TemplateArgument::Type
                                      ? typeName(arg.getArgument().getAsType())
                                      : "");
    if (object) {
      fact.hasObject = true;
      fact.object = evaluate(object, 0);
    }
    facts_.calls.push_back(std::move(fact));
  }

  // Where a call is reported: a member call at its member name (`producer->produce(`
  // points at produce), anything else at its start. Also how inner calls are found again.
  Location callLocation(const Expr *e) const {
    if (auto *member = dyn_cast<CXXMemberCallExpr>(e))
      if (auto *memberExpr = dyn_cast<MemberExpr>(member->getCallee()->IgnoreParens()))
        return locationOf(memberExpr->getMemberLoc());
    // An unresolved call is recorded at its callee's name (recordUnresolvedCall).
    const Expr *callee = nullptr;
    if (auto *call = dyn_cast<CallExpr>(e); call && !call->getDirectCallee())
      callee = call->getCallee();
    else if (auto *recovery = dyn_cast<RecoveryExpr>(e); recovery && !recovery->subExpressions().empty())
      callee = recovery->subExpressions()[0];
    if (callee) {
      callee = callee->IgnoreImplicit();
      if (auto *member = dyn_cast<UnresolvedMemberExpr>(callee))
        return locationOf(member->getMemberLoc());
      if (isa<UnresolvedLookupExpr>(callee))
        return locationOf(e->getBeginLoc());
      if (auto *dependent = dyn_cast<CXXDependentScopeMemberExpr>(callee))
        return locationOf(dependent->getMemberLoc());
    }
    if (auto *construct = dyn_cast<CXXConstructExpr>(e))
      return locationOf(construct->getBeginLoc());
    return locationOf(e->getBeginLoc());
  }

  std::string currentKey() const { return functions_.empty() ? "" : keyOf(functions_.back()); }

  Location locationOf(SourceLocation loc) const { return locationIn(sm_, loc, options_.root); }

  std::string keyOf(const Decl *decl) const {
    if (auto *method = dyn_cast<CXXMethodDecl>(decl); method && method->getParent()->isLambda()) {
      Location l = locationOf(method->getParent()->getLocation());
      return "lambda@" + formatLocation(l);
    }
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(decl, usr))
      return "decl@" + formatLocation(locationOf(decl->getLocation()));
    // Every program has its own main(): several in one tree (examples, tools) are not one.
    if (auto *function = dyn_cast<FunctionDecl>(decl); function && function->isMain())
      return usr.str().str() + "@" + locationOf(function->getLocation()).file;
    return usr.str().str();
  }

  std::string readableName(const FunctionDecl *function) const {
    if (auto *method = dyn_cast<CXXMethodDecl>(function); method && method->getParent()->isLambda())
      return "lambda at " + formatLocation(locationOf(method->getParent()->getLocation()));
    return function->getQualifiedNameAsString();
  }

  // "rclcpp::Publisher<std_msgs::msg::String>::publish" -> "rclcpp::Publisher::publish": API
  // descriptions name class templates without their arguments.
  static std::string withoutTemplateArguments(const std::string &name) {
    std::string out;
    int depth = 0;
    for (size_t i = 0; i < name.size(); ++i) {
      char c = name[i];
      bool isOperator = name.compare(i >= 8 ? i - 8 : 0, i >= 8 ? 8 : i, "operator") == 0;
      if (c == '<' && !isOperator)
        ++depth;
      else if (c == '>' && depth > 0)
        --depth;
      else if (depth == 0)
        out += c;
    }
    return out;
  }

  std::vector<std::string> namesOf(const FunctionDecl *callee) const {
    std::vector<std::string> names{withoutTemplateArguments(callee->getQualifiedNameAsString())};
    if (auto *method = dyn_cast<CXXMethodDecl>(callee)) {
      std::vector<const CXXMethodDecl *> work(method->overridden_methods().begin(), method->overridden_methods().end());
      while (!work.empty()) {
        const CXXMethodDecl *m = work.back();
        work.pop_back();
        names.push_back(withoutTemplateArguments(m->getQualifiedNameAsString()));
        work.insert(work.end(), m->overridden_methods().begin(), m->overridden_methods().end());
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }

  void recordFunction(const FunctionDecl *function) {
    FunctionFact fact;
    fact.key = keyOf(function);
    fact.name = readableName(function);
    fact.location = locationOf(function->getLocation());
    if (auto *method = dyn_cast<CXXMethodDecl>(function)) {
      std::vector<const CXXMethodDecl *> work(method->overridden_methods().begin(), method->overridden_methods().end());
      while (!work.empty()) {
        const CXXMethodDecl *m = work.back();
        work.pop_back();
        fact.overrides.push_back(keyOf(m));
        fact.overrideNames.push_back(withoutTemplateArguments(m->getQualifiedNameAsString()));
        work.insert(work.end(), m->overridden_methods().begin(), m->overridden_methods().end());
      }
    }
    for (const ParmVarDecl *param : function->parameters())
      fact.parameterNames.push_back(param->getNameAsString());
    facts_.functions.push_back(std::move(fact));
  }

  // "" for a null type (a ParenListExpr or other node of an uninstantiated template).
  static std::string typeName(QualType type) {
    if (type.isNull())
      return "";
    type = type.getNonReferenceType().getUnqualifiedType();
    if (const Type *pointee = type->getPointeeOrArrayElementType())
      if (const CXXRecordDecl *record = pointee->getAsCXXRecordDecl())
        return record->getNameAsString();
    if (const CXXRecordDecl *record = type->getAsCXXRecordDecl())
      return record->getNameAsString();
    return type.getAsString();
  }

  std::string variableKey(const Expr *e) const {
    if (!e)
      return "";
    e = e->IgnoreParenImpCasts();
    if (auto *ref = dyn_cast<DeclRefExpr>(e))
      if (auto *var = dyn_cast<VarDecl>(ref->getDecl()))
        return keyOf(var);
    if (auto *member = dyn_cast<MemberExpr>(e))
      if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
        return keyOf(field);
    return "";
  }

  // `topic_ = topic;` in a constructor's body.
  void bindAssignedMember(const Expr *lhs, const Expr *rhs) {
    auto *ctor = dyn_cast_or_null<CXXConstructorDecl>(functions_.empty() ? nullptr : functions_.back());
    auto *member = lhs ? dyn_cast<MemberExpr>(lhs->IgnoreParenImpCasts()) : nullptr;
    if (ctor && member && isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))
      if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
        bindMemberToParameter(ctor, field, rhs);
  }
  void bindMemberToParameter(const CXXConstructorDecl *ctor, const FieldDecl *field, const Expr *init) {
    if (!field || !init || !ctor->hasBody())
      return;
    functions_.push_back(ctor); // parameters are those of the constructor
    ArgValue value = evaluate(init, 0);
    functions_.pop_back();
    if (value.kind == ArgValue::Kind::Parameter)
      facts_.memberParameters.push_back({keyOf(field), keyOf(ctor), value});
  }

  void bindHandle(const std::string &key, const Expr *init) {
    // The call was recorded, or will be: bind by its location once the TU is done.
    const Expr *e = unwrap(init);
    if (key.empty() || !e || !(isa<CallExpr>(e) || isa<CXXConstructExpr>(e) || isa<RecoveryExpr>(e)))
      return;
    pendingBindings_.emplace_back(key, callLocation(e)); // the call itself may not be recorded yet
    if (e->containsErrors())
      unanalysedBindings_.emplace_back(key, callLocation(e));
  }

public:
  // Binds each `variable = call(...)` to the recorded call, once the whole TU is seen.
  void resolveBindings() {
    std::map<Location, size_t> callAt;
    for (size_t i = 0; i < facts_.calls.size(); ++i)
      callAt.emplace(facts_.calls[i].location, i);
    for (auto &[key, at] : pendingBindings_)
      if (auto it = callAt.find(at); it != callAt.end())
        facts_.handles.push_back({key, it->second});
    for (auto &[key, at] : unanalysedBindings_)
      if (!callAt.count(at))
        facts_.unanalysedHandles.push_back({key, at});
  }

private:

  // Null in, null out: broken code has holes (an initializer Clang dropped).
  static const Expr *unwrap(const Expr *e) {
    while (e) {
      e = e->IgnoreParenImpCasts();
      if (auto *x = dyn_cast<MaterializeTemporaryExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<CXXBindTemporaryExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<ExprWithCleanups>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<CXXFunctionalCastExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<CXXStdInitializerListExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<CStyleCastExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<StmtExpr>(e); x && x->getSubStmt() && !x->getSubStmt()->body_empty() &&
                                              isa<Expr>(x->getSubStmt()->body_back()))
        e = cast<Expr>(x->getSubStmt()->body_back()); // ({ typecheck; value; }) in librdkafka's macros
      else if (auto *x = dyn_cast<CXXStaticCastExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<CXXConstCastExpr>(e))
        e = x->getSubExpr();
      else if (auto *x = dyn_cast<CXXOperatorCallExpr>(e);
               x && (x->getOperator() == OO_Arrow || x->getOperator() == OO_Star) && x->getNumArgs() == 1)
        e = x->getArg(0); // `pub_->publish()` on a smart pointer: the pointer is the handle
      else if (auto *x = dyn_cast<ParenListExpr>(e); x && x->getNumExprs() == 1)
        e = x->getExpr(0); // `member_(value)` in a template: parenthesised, type not yet known
      else
        return e;
    }
    return e;
  }

  static bool isStringLike(QualType type) {
    if (type.isNull())
      return false;
    type = type.getNonReferenceType();
    if (type->isPointerType() || type->isArrayType())
      return type->getPointeeOrArrayElementType()->isAnyCharacterType();
    std::string name = typeName(type);
    return name == "basic_string" || name == "basic_string_view" || name == "QString";
  }

  ArgValue evaluate(const Expr *expr, unsigned depth) {
    ArgValue value;
    if (!expr) {
      value.text = "the value is missing from the parsed code";
      return value;
    }
    value.typeName = typeName(expr->getType());
    findHandler(expr, value, 0);
    if (depth > kMaxEvaluationDepth) {
      value.text = "the value is too deeply nested to evaluate";
      return value;
    }
    const Expr *e = unwrap(expr);
    if (isa<RecoveryExpr>(e) || isa<ParenListExpr>(e)) {
      value.text = isa<RecoveryExpr>(e) ? "the expression could not be compiled (an error or a missing header)"
                                        : "the value depends on a template parameter";
      return value;
    }
    if (auto *address = dyn_cast<UnaryOperator>(e); address && address->getOpcode() == UO_AddrOf)
      return withType(evaluate(address->getSubExpr(), depth + 1), value); // natsMsg_Create(&msg, ...)
    if (auto *ref = dyn_cast<DeclRefExpr>(e); ref && isa<EnumConstantDecl>(ref->getDecl()))
      value.enumName = ref->getDecl()->getNameAsString();
    if (auto *literal = dyn_cast<StringLiteral>(e)) {
      value.kind = ArgValue::Kind::Strings;
      value.strings = {literal->getString().str()};
      return value;
    }
    if (auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      // std::string(x), std::string_view(x), std::vector<std::string>{...}, copies
      std::string constructed = typeName(construct->getType());
      bool wraps = isStringLike(construct->getType()) || constructed == "vector" || constructed == "set" ||
                   constructed == "initializer_list" || construct->getConstructor()->isCopyOrMoveConstructor() ||
                   // shared_ptr<T> to shared_ptr<const T> and the like: the same value
                   (construct->getNumArgs() == 1 && typeName(construct->getArg(0)->getType()) == constructed) ||
                   // a weak_ptr to a publisher (captured by a timer callback) is the publisher
                   (construct->getNumArgs() == 1 && (constructed == "weak_ptr" || constructed == "shared_ptr") &&
                    isSmartPointer(typeName(construct->getArg(0)->getType())));
      // A converting constructor from a string (mqtt::string_ref, QString, ...), unless the
      // constructor is a messaging API of its own (mqtt::topic).
      if (!wraps && construct->getNumArgs() >= 1 && isStringLike(construct->getArg(0)->getType()) &&
          !options_.apiNames.count(construct->getConstructor()->getQualifiedNameAsString()))
        wraps = true;
      if (wraps && construct->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(construct->getArg(0)))
        return withType(evaluate(construct->getArg(0), depth + 1), value);
      value.text = "the value is constructed at run time";
      value.innerCall = callLocation(construct); // perhaps a handle API's constructor
      return value;
    }
    if (auto *list = dyn_cast<InitListExpr>(e)) {
      ArgValue all;
      all.kind = ArgValue::Kind::Strings;
      for (const Expr *init : list->inits()) {
        ArgValue item = evaluate(init, depth + 1);
        if (item.kind != ArgValue::Kind::Strings)
          return withType(item, value);
        all.strings.insert(all.strings.end(), item.strings.begin(), item.strings.end());
      }
      return withType(all, value);
    }
    if (auto *ref = dyn_cast<DeclRefExpr>(e))
      return withType(evaluateDecl(ref->getDecl(), depth), value);
    if (auto *member = dyn_cast<MemberExpr>(e)) {
      if (auto *var = dyn_cast<VarDecl>(member->getMemberDecl())) // a static data member
        return withType(evaluateDecl(var, depth), value);
      // In a constructor, a member it initialises from its own parameter: `topic_(topic)`.
      if (auto *ctor = dyn_cast_or_null<CXXConstructorDecl>(functions_.empty() ? nullptr : functions_.back()))
        for (const CXXCtorInitializer *init : ctor->inits())
          if (init->isWritten() && init->getMember() == member->getMemberDecl() && init->getInit()) {
            ArgValue initial = evaluate(init->getInit(), depth + 1);
            if (initial.kind == ArgValue::Kind::Parameter || initial.kind == ArgValue::Kind::Strings)
              return withType(initial, value);
          }
      value.kind = ArgValue::Kind::Handle;
      value.text = keyOf(member->getMemberDecl());
      return value;
    }
    if (auto *call = dyn_cast<CXXMemberCallExpr>(e)) {
      const CXXMethodDecl *method = call->getMethodDecl();
      std::string name = method ? method->getNameAsString() : "";
      if ((name == "c_str" || name == "data" || name == "str" || name == "get" || name == "lock") &&
          call->getImplicitObjectArgument()) // weak_pub.lock()->publish(...): the same publisher
        return withType(evaluate(call->getImplicitObjectArgument(), depth + 1), value);
      if (const FieldDecl *field = fieldReturnedBy(method)) { // node->get_pub()->publish(...)
        value.kind = ArgValue::Kind::Handle;
        value.text = keyOf(field);
        return value;
      }
    }
    if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Plus && op->getNumArgs() == 2)
      return withType(concatenate(evaluate(op->getArg(0), depth + 1), evaluate(op->getArg(1), depth + 1)), value);
    if (auto *conditional = dyn_cast<ConditionalOperator>(e)) {
      ArgValue a = evaluate(conditional->getTrueExpr(), depth + 1), b = evaluate(conditional->getFalseExpr(), depth + 1);
      if (a.kind == ArgValue::Kind::Strings && b.kind == ArgValue::Kind::Strings) {
        a.strings.insert(a.strings.end(), b.strings.begin(), b.strings.end());
        return withType(a, value);
      }
    }
    if (auto *call = dyn_cast<CallExpr>(e)) {
      const FunctionDecl *callee = call->getDirectCallee();
      std::string name = callee ? callee->getQualifiedNameAsString() : "an unknown function";
      value.text = (name == "getenv" || name == "std::getenv" || name == "secure_getenv")
                       ? "the value comes from the environment (getenv)"
                       : "the value is the result of a call to " + name;
      value.innerCall = callLocation(call); // perhaps a handle API (mqtt::make_message)
      return value;
    }
    if (auto *subscript = dyn_cast<ArraySubscriptExpr>(e)) {
      // subjects[i] of `const char *subjects[] = {"a", "b"}`: one of the array's strings.
      if (auto *ref = dyn_cast<DeclRefExpr>(unwrap(subscript->getBase())))
        if (auto *array = dyn_cast<VarDecl>(ref->getDecl());
            array && !isa<ParmVarDecl>(array) && !array->getType().isNull() && array->getType()->isArrayType() &&
            (array->isLocalVarDecl() || array->getType().isConstQualified()))
          if (const Expr *init = array->getInit(); init && isa<InitListExpr>(unwrap(init))) {
            ArgValue all = evaluate(init, depth + 1);
            if (all.kind == ArgValue::Kind::Strings)
              return withType(all, value);
          }
      value.text = "the value is read from an array at run time";
      return value;
    }
    if (!expr->isValueDependent() && expr->isNullPointerConstant(context_, Expr::NPC_ValueDependentIsNotNull)) {
      value.isNull = true;
      value.text = "the value is a null pointer";
      return value;
    }
    value.text = "the value is not a compile-time constant";
    return value;
  }

  static bool isSmartPointer(const std::string &name) {
    return name == "shared_ptr" || name == "weak_ptr" || name == "unique_ptr";
  }

  // The member a getter returns: a method whose body is just `return member_;`.
  static const FieldDecl *fieldReturnedBy(const CXXMethodDecl *method) {
    const CXXMethodDecl *definition = method ? dyn_cast_or_null<CXXMethodDecl>(method->getDefinition()) : nullptr;
    auto *body = definition ? dyn_cast_or_null<CompoundStmt>(definition->getBody()) : nullptr;
    if (!body || body->size() != 1)
      return nullptr;
    auto *ret = dyn_cast<ReturnStmt>(body->body_front());
    const Expr *value = ret && ret->getRetValue() ? unwrap(ret->getRetValue()) : nullptr;
    if (auto *copy = dyn_cast_or_null<CXXConstructExpr>(value);
        copy && copy->getNumArgs() == 1 && copy->getConstructor()->isCopyOrMoveConstructor())
      value = unwrap(copy->getArg(0)); // returning a shared_ptr member copies it
    auto *member = dyn_cast_or_null<MemberExpr>(value);
    return member && isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts())
               ? dyn_cast<FieldDecl>(member->getMemberDecl())
               : nullptr;
  }

  // Keeps the outer expression's type and handler while taking the inner value.
  static ArgValue withType(ArgValue inner, const ArgValue &outer) {
    inner.typeName = outer.typeName;
    if (inner.enumName.empty())
      inner.enumName = outer.enumName;
    if (inner.handlerKey.empty()) {
      inner.handlerKey = outer.handlerKey;
      inner.handlerName = outer.handlerName;
    }
    return inner;
  }

  static ArgValue concatenate(const ArgValue &a, const ArgValue &b) {
    // A parameter with constant text around it stays a parameter: `name + "/set_level"`.
    auto single = [](const ArgValue &v) { return v.kind == ArgValue::Kind::Strings && v.strings.size() == 1; };
    if (a.kind == ArgValue::Kind::Parameter && single(b)) {
      ArgValue out = a;
      out.suffix += b.strings.front();
      return out;
    }
    if (single(a) && b.kind == ArgValue::Kind::Parameter) {
      ArgValue out = b;
      out.prefix = a.strings.front() + out.prefix;
      return out;
    }
    if (a.kind != ArgValue::Kind::Strings) {
      if (a.kind != ArgValue::Kind::Parameter)
        return a;
      ArgValue out;
      out.text = "the value joins a parameter with text that is not a constant";
      return out;
    }
    if (b.kind != ArgValue::Kind::Strings) {
      if (b.kind != ArgValue::Kind::Parameter)
        return b;
      ArgValue out;
      out.text = "the value joins a parameter with text that is not a constant";
      return out;
    }
    ArgValue out;
    out.kind = ArgValue::Kind::Strings;
    for (const std::string &x : a.strings)
      for (const std::string &y : b.strings)
        if (out.strings.size() < kMaxStrings)
          out.strings.push_back(x + y);
    return out;
  }

  ArgValue evaluateDecl(const ValueDecl *decl, unsigned depth) {
    ArgValue value;
    if (auto *param = dyn_cast<ParmVarDecl>(decl)) {
      const FunctionDecl *owner = dyn_cast<FunctionDecl>(param->getDeclContext());
      if (owner && !functions_.empty() && owner == functions_.back()) {
        value.kind = ArgValue::Kind::Parameter;
        value.parameter = param->getFunctionScopeIndex();
        return value;
      }
      value.text = "the value is a parameter of an enclosing function";
      return value;
    }
    if (auto *var = dyn_cast<VarDecl>(decl)) {
      const VarDecl *definition = var;
      const Expr *init = var->getAnyInitializer(definition);
      bool constant = var->getType().isConstQualified() || var->isConstexpr() ||
                      (!var->getType().isNull() && var->getType()->isPointerType() && var->getType()->getPointeeType().isConstQualified() &&
                       !var->hasGlobalStorage()) ||
                      var->isLocalVarDecl(); // a local initialised once and passed on
      if (init && constant) {
        ArgValue inner = evaluate(init, depth + 1);
        if (inner.isNull) { // `natsInbox *inbox = NULL;` is filled in later by a call
          value.kind = ArgValue::Kind::Handle;
          value.text = keyOf(var);
          return value;
        }
        if (inner.kind != ArgValue::Kind::Unknown)
          return inner;
        if (!isStringLike(var->getType())) {
          // A handle (Topic *t = Topic::create(...), a list filled by later calls): known by
          // the variable, and by the call that made it if there is one.
          value.kind = ArgValue::Kind::Handle;
          value.text = keyOf(var);
          value.innerCall = inner.innerCall;
          return value;
        }
        return inner;
      }
      if (!isStringLike(var->getType()) || !init) {
        value.kind = ArgValue::Kind::Handle; // assigned elsewhere: resolved through bindings
        value.text = keyOf(var);
        return value;
      }
      value.text = "the value of variable '" + var->getNameAsString() + "' can change at run time";
      return value;
    }
    value.text = "the value is not a compile-time constant";
    return value;
  }

  // What function an expression refers to as a callable, if any.
  void findHandler(const Expr *expr, ArgValue &value, unsigned depth) {
    if (depth > kMaxEvaluationDepth || !expr)
      return;
    const Expr *e = unwrap(expr);
    if (auto *op = dyn_cast<UnaryOperator>(e); op && op->getOpcode() == UO_AddrOf)
      e = unwrap(op->getSubExpr());
    if (!e)
      return;
    if (auto *lambda = dyn_cast<LambdaExpr>(e)) {
      setHandler(value, lambda->getCallOperator());
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
            findHandler(init, value, depth + 1); // std::function<...> f = ...; auto h = [..]{...};
        if (value.handlerKey.empty())
          functorOf(var->getType(), value);
      }
      return;
    }
    if (auto *call = dyn_cast<CallExpr>(e)) {
      const FunctionDecl *callee = call->getDirectCallee();
      std::string name = callee ? callee->getQualifiedNameAsString() : "";
      if ((name == "std::bind" || name == "boost::bind" || name == "std::bind_front") && call->getNumArgs() > 0)
        findHandler(call->getArg(0), value, depth + 1);
      return;
    }
    if (auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      // std::function<void(Msg)>(f), boost::function, or a functor object built in place.
      if (construct->getNumArgs() == 1)
        findHandler(construct->getArg(0), value, depth + 1);
      if (value.handlerKey.empty() && construct->getNumArgs() == 0)
        functorOf(construct->getType(), value);
      if (value.handlerKey.empty() && construct->getNumArgs() > 0 && !construct->getConstructor()->isCopyOrMoveConstructor())
        functorOf(construct->getType(), value);
      return;
    }
    if (isa<CXXTemporaryObjectExpr>(e) || isa<InitListExpr>(e))
      functorOf(e->getType(), value);
  }

  const FunctionDecl *functionSpelledAt(SourceLocation loc) {
    if (loc.isInvalid() || loc.isMacroID())
      return nullptr;
    std::string spelled = Lexer::getSourceText(CharSourceRange::getTokenRange(loc), sm_, context_.getLangOpts()).str();
    if (spelled.empty() || !(std::isalpha(static_cast<unsigned char>(spelled[0])) || spelled[0] == '_'))
      return nullptr;
    // The enclosing scopes first (a namespace's own functions), then the translation unit.
    const DeclContext *scope = functions_.empty() ? context_.getTranslationUnitDecl()
                                                  : functions_.back()->getDeclContext();
    for (; scope; scope = scope->getParent()) {
      if (!isa<NamespaceDecl>(scope) && !isa<TranslationUnitDecl>(scope))
        continue;
      for (const NamedDecl *found : scope->lookup(DeclarationName(&context_.Idents.get(spelled))))
        if (auto *function = dyn_cast<FunctionDecl>(found))
          return function;
    }
    return nullptr;
  }

  void functorOf(QualType type, ArgValue &value) {
    if (type.isNull())
      return;
    const CXXRecordDecl *record = type.getNonReferenceType()->getAsCXXRecordDecl();
    if (!record || !record->hasDefinition() || sm_.isInSystemHeader(sm_.getExpansionLoc(record->getLocation())))
      return;
    for (const CXXMethodDecl *method : record->methods())
      if (method->getOverloadedOperator() == OO_Call) {
        setHandler(value, method);
        return;
      }
  }

  void setHandler(ArgValue &value, const FunctionDecl *function) {
    if (!function)
      return;
    value.handlerKey = keyOf(function);
    value.handlerName = readableName(function);
  }

  ASTContext &context_;
  SourceManager &sm_;
  TuFacts &facts_;
  const ExtractOptions &options_;
  const std::set<std::string> &skipped_;
  llvm::StringSet<> apiShortNames_; // the APIs' unqualified names, for unresolved calls
  std::vector<const FunctionDecl *> functions_;
  std::vector<std::pair<std::string, Location>> pendingBindings_; // variable key, call location
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
