// Local variables as their function gives them values: whether one is never changed after
// its initialiser (Clang's ExprMutationAnalyzer), the text a local string is built from, the
// assignment last before a use, and a local bound to a program option.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/libraries/buffer_views.h"
#include "analyzer/cpp/libraries/program_options.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/Basic/CharInfo.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

namespace eventscope {

using namespace clang;

namespace {

// `topic.data()` of a non-const string made a pointer to const at once: read, not changed.
bool readThroughData(const Expr *use, ASTContext &context) {
  DynTypedNodeList parents = context.getParents(*use);
  auto *member = parents.size() == 1 ? parents[0].get<MemberExpr>() : nullptr;
  if (!member || !member->getMemberDecl()->getIdentifier() || member->getMemberDecl()->getName() != "data")
    return false;
  parents = context.getParents(*member);
  auto *call = parents.size() == 1 ? parents[0].get<CXXMemberCallExpr>() : nullptr;
  if (!call || call->getNumArgs() != 0)
    return false;
  parents = context.getParents(*call);
  auto *cast = parents.size() == 1 ? parents[0].get<ImplicitCastExpr>() : nullptr;
  return cast && cast->getType()->isPointerType() && cast->getType()->getPointeeType().isConstQualified();
}

} // namespace

// What an expression Clang could not compile (one holding a RecoveryExpr: `LOG(INFO) <<
// topic;` with the logging library's header missing) does with `use`, up to its statement:
// None when `use` is in no such expression. ExprMutationAnalyzer counts every reference in a
// `<<` on an unknown value as a change, which made each name logged before its send unknown
// (RealmOfAesir, held-back Kafka set, session 47): it is a read, unless the text says the
// use is written (the target of `=`, `+=`, `++`, or what `>>` extracts into: `*node >>
// output_name;` of yaml-cpp's old API, which ExprMutationAnalyzer does not see as a change).
RecoveryUse recoveryUse(const Expr *use, ASTContext &context) {
  RecoveryUse written = RecoveryUse::Read; // what an erroneous expression around the use does
  const Expr *operand = use;
  for (DynTypedNodeList parents = context.getParents(*operand); parents.size() == 1;
       parents = context.getParents(*operand)) {
    const Expr *parent = parents[0].get<Expr>();
    if (parent && (isa<ImplicitCastExpr>(parent) || isa<ParenExpr>(parent))) {
      operand = parent;
      continue;
    }
    if (auto *binary = dyn_cast_or_null<BinaryOperator>(parent)) {
      if (binary->getOpcode() == BO_Shr && binary->getRHS() == operand)
        written = RecoveryUse::Extracted;
      else if (binary->isAssignmentOp() && binary->getLHS() == operand)
        written = RecoveryUse::Written;
    } else if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(parent); op && op->getNumArgs() == 2) {
      if (op->getOperator() == OO_GreaterGreater && op->getArg(1) == operand)
        written = RecoveryUse::Extracted;
      else if (op->isAssignmentOp() && op->getArg(0) == operand)
        written = RecoveryUse::Written;
    } else if (auto *unary = dyn_cast_or_null<UnaryOperator>(parent); unary && unary->isIncrementDecrementOp()) {
      written = RecoveryUse::Written;
    } else if (isa_and_nonnull<RecoveryExpr>(parent) && operand->getBeginLoc().isFileID()) {
      // An operator Clang could not resolve is a RecoveryExpr of its operands: the text
      // around the use says which.
      const SourceManager &sources = context.getSourceManager();
      bool invalid = false;
      llvm::StringRef buffer = sources.getBufferData(sources.getFileID(operand->getBeginLoc()), &invalid);
      const size_t offset = sources.getFileOffset(operand->getBeginLoc());
      if (!invalid && offset <= buffer.size()) {
        llvm::StringRef before = buffer.take_front(offset).rtrim(" \t\r\n");
        llvm::StringRef after = buffer.drop_front(offset)
                                    .drop_while([](char c) { return isAsciiIdentifierContinue(c); })
                                    .ltrim(" \t");
        if (before.ends_with(">>"))
          written = RecoveryUse::Extracted;
        else if ((after.starts_with("=") && !after.starts_with("==")) || after.starts_with("+=") ||
                 after.starts_with("++") || after.starts_with("--"))
          written = RecoveryUse::Written;
      }
    }
    break;
  }
  DynTypedNode node = DynTypedNode::create(*use);
  for (int up = 0; up < 64; ++up) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1 || !parents[0].get<Expr>())
      return RecoveryUse::None;
    if (parents[0].get<Expr>()->containsErrors())
      return written;
    node = parents[0];
  }
  return RecoveryUse::None;
}

bool changedAt(ExprMutationAnalyzer &mutations, const Expr *use, ASTContext &context) {
  const RecoveryUse recovered = recoveryUse(use, context);
  return recovered == RecoveryUse::None ? mutations.isMutated(use) : recovered != RecoveryUse::Read;
}

namespace {

// The innermost lambda within `body` whose body holds `e`; null when none.
const LambdaExpr *enclosingLambda(const Expr *e, const Stmt &body, ASTContext &context) {
  DynTypedNode node = DynTypedNode::create(*e);
  for (int step = 0; step < 64; ++step) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1 || parents[0].get<Stmt>() == &body)
      return nullptr;
    if (auto *lambda = parents[0].get<LambdaExpr>())
      return lambda;
    node = parents[0];
  }
  return nullptr;
}

// `use` given to a project function's non-const reference parameter that the function's own
// body never changes (livox_ros2_driver's `CreatePublisher(uint8_t type, std::string
// &topic_name, ...)`, which only hands it to create_publisher): a read. ExprMutationAnalyzer
// follows a call into its callee only for forwarding references; this looks one level in.
bool passedToUnchangingParameter(const Expr *use, ASTContext &context) {
  const Expr *argument = use;
  DynTypedNodeList parents = context.getParents(*argument);
  while (parents.size() == 1 && parents[0].get<ImplicitCastExpr>()) {
    argument = parents[0].get<ImplicitCastExpr>();
    parents = context.getParents(*argument);
  }
  auto [call, callee, index] = argumentOf(parents, argument);
  const FunctionDecl *definition = nullptr;
  if (!callee || !callee->hasBody(definition) || !definition || isa<CXXOperatorCallExpr>(call) ||
      index >= definition->getNumParams())
    return false;
  const ParmVarDecl *param = definition->getParamDecl(index);
  return param->getType()->isLValueReferenceType() &&
         !ExprMutationAnalyzer(*definition->getBody(), context).isMutated(param);
}

// A local container its function never changes after its initialiser, by Clang's own
// ExprMutationAnalyzer (assignments, non-const methods and references, `&x` escaping):
// `std::vector<std::string> names{"a", "b"}` read only by `names[i]` is as good as const.
// A non-const `names[i]` or `names.at(i)` is a change only when what it returns is changed.
bool neverChanged(const VarDecl *var) {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!var->isLocalVarDecl() || !body)
    return false;
  ASTContext &context = var->getASTContext();
  ExprMutationAnalyzer mutations(*body, context);
  // A char array is changed through the pointer it decays to (strcpy, strcat), which the
  // analyzer does not follow: read only as `const char *` (or by sizeof), or changed.
  bool chars = !var->getType().isNull() && var->getType()->isArrayType() &&
               var->getType()->getArrayElementTypeNoTypeQual()->isAnyCharacterType();
  for (const Expr *use : referencesTo(var, *body, context)) {
    if (chars) {
      if (operandOfSizeof(use, context))
        continue; // sizeof topic
      if (!readAsPointerToConst(use, CK_ArrayToPointerDecay, context))
        return false;
      continue;
    }
    // Up through implicit casts to the element access the reference is the container of.
    for (DynTypedNodeList parents = context.getParents(*use); parents.size() == 1;
         parents = context.getParents(*use)) {
      const Expr *parent = parents[0].get<Expr>();
      if (auto *cast = dyn_cast_or_null<ImplicitCastExpr>(parent)) {
        use = cast;
        continue;
      }
      if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(parent);
          op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2 && op->getArg(0) == use)
        use = op;
      else if (auto *at = dyn_cast_or_null<CXXMemberCallExpr>(parent); at && at->getMethodDecl() &&
                                                                       at->getMethodDecl()->getIdentifier() &&
                                                                       at->getMethodDecl()->getName() == "at")
        use = at;
      else if (auto *member = dyn_cast_or_null<MemberExpr>(parent); member && member->getMemberDecl() &&
                                                                    member->getMemberDecl()->getIdentifier() &&
                                                                    member->getMemberDecl()->getName() == "at") {
        use = member; // `names.at`: the call is one more level up
        continue;
      }
      break;
    }
    // `zmq::buffer(topic)` takes it by non-const reference, and only reads it.
    if (DynTypedNodeList parents = context.getParents(*use); parents.size() == 1)
      if (auto *view = parents[0].get<CallExpr>(); view && isBufferView(view->getDirectCallee()))
        continue;
    // `topic.data()` of a non-const string, made a pointer to const at once
    // (`zmq::message_t(topic.data(), topic.size())`): read.
    if (readThroughData(use, context))
      continue;
    // Inside a lambda that captures it by reference (`[&] { publish(topic.c_str()); }`): what
    // the lambda's own body does with it, which the whole function's analysis takes for a
    // change whenever the lambda is passed on.
    if (const LambdaExpr *lambda = enclosingLambda(use, *body, context)) {
      if (ExprMutationAnalyzer(*lambda->getBody(), context).isMutated(use))
        return false;
      continue;
    }
    if (passedToUnchangingParameter(use, context) && recoveryUse(use, context) == RecoveryUse::None)
      continue;
    if (changedAt(mutations, use, context))
      return false;
  }
  return true;
}

} // namespace

std::optional<ProgramOption> ValueEvaluator::localProgramOption(const VarDecl *var) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body)
    return std::nullopt;
  using namespace clang::ast_matchers;
  auto address = unaryOperator(hasOperatorName("&"),
                               hasUnaryOperand(ignoringParenImpCasts(declRefExpr(to(varDecl(equalsNode(var)))))));
  auto found = match(findAll(address.bind("address")), *body, context_);
  // Its one address is the option's store; any other may change it in any way.
  if (found.size() != 1)
    return std::nullopt;
  return boundProgramOption(found.front().getNodeAs<clang::UnaryOperator>("address"), context_);
}

bool ValueEvaluator::extractedInto(const VarDecl *var, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !var->getInit() || !isStringLike(var->getType()) || var->getType().isConstQualified() || depth > 8)
    return false;
  ExprMutationAnalyzer mutations(*body, context_);
  bool extracted = false;
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    if (recoveryUse(use, context_) == RecoveryUse::Extracted)
      extracted = true;
    else if (changedAt(mutations, use, context_))
      return false;
  }
  if (!extracted)
    return false;
  ArgValue fallback = evaluate(var->getInit(), depth + 1);
  if (fallback.kind != ArgValue::Kind::Strings)
    return false;
  out = settingValue(var->getNameAsString(), &fallback, depth);
  return true;
}

bool ValueEvaluator::unchangedLocal(const VarDecl *var) const {
  auto [it, fresh] = unchangedLocals_.try_emplace(var, false);
  if (fresh)
    it->second = neverChanged(var);
  return it->second;
}

ArgValue ValueEvaluator::builtText(const Expr *start, const std::vector<const Expr *> &appended, unsigned depth) const {
  ArgValue text;
  auto *construct = dyn_cast<CXXConstructExpr>(unwrap(start));
  if (construct && construct->getNumArgs() == 0 && isStringLike(construct->getType())) {
    text.kind = ArgValue::Kind::Strings; // `std::string topic;`
    text.strings = {""};
  } else if (auto *read = dyn_cast<CallExpr>(unwrap(start));
             read && settingApiOf(read) && settingApiOf(read)->out) {
    text = readSetting(read, *settingApiOf(read), depth + 1); // the setting read into the variable
  } else {
    text = evaluate(start, depth + 1);
  }
  std::string name = placeholderFor(start);
  for (size_t i = 0; i < appended.size() && text.kind != ArgValue::Kind::Unknown; ++i) {
    text = concatenate(text, evaluate(appended[i], depth + 1), name, placeholderFor(appended[i]),
                       /*partial=*/i + 1 < appended.size());
    name = "value";
  }
  return text;
}

namespace {

// Whether `statement` is a range-for whose body only appends words to `var` (`var += " " +
// x;`, each piece starting with a space): then `words` are those pieces, in order. A path
// joined in a loop (`"/" + segment`) is not a list of words, and stays unknown.
bool wordsAppendedIn(const Stmt *statement, const VarDecl *var, std::vector<const Expr *> &words) {
  auto *loop = dyn_cast<CXXForRangeStmt>(statement);
  if (!loop || !loop->getBody())
    return false;
  std::vector<const Stmt *> body;
  if (auto *block = dyn_cast<CompoundStmt>(loop->getBody()))
    body.assign(block->body_begin(), block->body_end());
  else
    body.push_back(loop->getBody());
  for (const Stmt *each : body) {
    auto *whole = dyn_cast<Expr>(each);
    auto *op = whole ? dyn_cast<CXXOperatorCallExpr>(whole->IgnoreImplicit()) : nullptr;
    auto *target = op && op->getOperator() == OO_PlusEqual && op->getNumArgs() == 2
                       ? dyn_cast<DeclRefExpr>(op->getArg(0)->IgnoreParenImpCasts())
                       : nullptr;
    if (!target || target->getDecl() != var)
      return false;
    // The pieces of `" " + a + b`, in order: each is joined on its own, so the space stays
    // when a piece is known only at run time (`" " + lastIds[s]`).
    std::vector<const Expr *> pieces;
    const Expr *rest = ValueEvaluator::unwrap(op->getArg(1));
    while (auto *plus = dyn_cast_or_null<CXXOperatorCallExpr>(rest)) {
      if (plus->getOperator() != OO_Plus || plus->getNumArgs() != 2)
        break;
      pieces.insert(pieces.begin(), plus->getArg(1));
      rest = ValueEvaluator::unwrap(plus->getArg(0));
    }
    pieces.insert(pieces.begin(), rest);
    auto *literal = dyn_cast_or_null<StringLiteral>(rest);
    if (!literal || !literal->getString().starts_with(" "))
      return false;
    words.insert(words.end(), pieces.begin(), pieces.end());
  }
  return !words.empty();
}

} // namespace

// The function `use` is in, up through its parents; null inside a lambda (its own body is
// another function) or where the parents run out.
static const FunctionDecl *functionAround(const Expr *use, ASTContext &context) {
  DynTypedNode node = DynTypedNode::create(*use);
  for (int up = 0; up < 256; ++up) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.empty() || parents[0].get<LambdaExpr>())
      return nullptr;
    if (auto *function = parents[0].get<FunctionDecl>())
      return function;
    node = parents[0];
  }
  return nullptr;
}

const Expr *ValueEvaluator::lastAssignedBefore(const VarDecl *var, const DeclRefExpr *use,
                                               std::vector<const Expr *> *appended) const {
  if (var->hasGlobalStorage() && !var->isStaticLocal()) {
    // A namespace-scope variable assigned in the function that reads it (`kMoved = "c/other";
    // publish(kMoved);`): that assignment; else (nullptr) the values every unit gives it.
    const FunctionDecl *function = functionAround(use, context_);
    const Expr *last = function ? lastWrittenBefore(var, use, function, nullptr) : nullptr;
    return last == var->getInit() ? nullptr : last;
  }
  if (unchangedLocal(var))
    return nullptr; // assigned once: its initialiser, as before
  return lastWrittenBefore(var, use, dyn_cast_or_null<FunctionDecl>(var->getDeclContext()), appended);
}

const Expr *ValueEvaluator::lastAssignedBefore(const FieldDecl *field, const MemberExpr *use) const {
  if (!isa<CXXThisExpr>(use->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  auto *method = dyn_cast_or_null<CXXMethodDecl>(functionAround(use, context_));
  return method ? lastWrittenBefore(field, use, method, nullptr) : nullptr;
}

namespace {

// The references to `target` in `statement`: a variable's, or a member's through `this`.
std::vector<const Expr *> usesIn(const ValueDecl *target, const Stmt &statement, ASTContext &context) {
  std::vector<const Expr *> uses;
  if (!isa<FieldDecl>(target)) {
    for (const DeclRefExpr *ref : referencesTo(target, statement, context))
      uses.push_back(ref);
    return uses;
  }
  using namespace clang::ast_matchers;
  for (const BoundNodes &found :
       match(findAll(memberExpr(member(equalsNode(target)), hasObjectExpression(ignoringParenImpCasts(cxxThisExpr())))
                         .bind("use")),
             statement, context))
    uses.push_back(found.getNodeAs<MemberExpr>("use"));
  return uses;
}

// Whether `statement` calls a method on the object a method runs on that is not const: it
// may change any member.
bool callsOwnMethod(const Stmt &statement, ASTContext &context) {
  using namespace clang::ast_matchers;
  return !match(findAll(cxxMemberCallExpr(on(ignoringParenImpCasts(cxxThisExpr())),
                                          callee(cxxMethodDecl(unless(isConst())))))
                    ,
                statement, context)
              .empty();
}

// `cmd[len] = '\0';` of a member `char *cmd`: one character of the buffer (its end), not
// the buffer.
bool elementWritten(const Expr *use, ASTContext &context) {
  DynTypedNode node = DynTypedNode::create(*use);
  for (int up = 0; up < 4; ++up) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1)
      return false;
    if (parents[0].get<ImplicitCastExpr>()) {
      node = parents[0];
      continue;
    }
    auto *element = parents[0].get<ArraySubscriptExpr>();
    return element && element->getBase()->IgnoreParenImpCasts() == use;
  }
  return false;
}

} // namespace

// The statements `statement` runs: itself, or for a branch whose condition is a compile-time
// constant (`if (HIGH_FREQ)` of a `constexpr bool`, `if constexpr`, `else if (kMode == 2)`)
// the statements of the branch taken (none when it has no such branch), by Clang's constant
// evaluator; a branch known only at run time stays whole.
static void takenStatements(const Stmt *statement, ASTContext &context, std::vector<const Stmt *> &out) {
  auto *branch = dyn_cast_or_null<IfStmt>(statement);
  bool condition = false;
  if (!branch || branch->getInit() || branch->getConditionVariable() || branch->isConsteval() || !branch->getCond() ||
      branch->getCond()->isValueDependent() || !branch->getCond()->EvaluateAsBooleanCondition(condition, context)) {
    out.push_back(statement);
    return;
  }
  const Stmt *taken = condition ? branch->getThen() : branch->getElse();
  if (auto *block = dyn_cast_or_null<CompoundStmt>(taken))
    for (const Stmt *child : block->body())
      takenStatements(child, context, out);
  else if (taken)
    takenStatements(taken, context, out);
}

const Expr *ValueEvaluator::lastWrittenBefore(const ValueDecl *target, const Expr *use, const FunctionDecl *function,
                                              std::vector<const Expr *> *appended) const {
  auto *var = dyn_cast<VarDecl>(target);
  const bool member = isa<FieldDecl>(target);
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body)
    return nullptr;
  ExprMutationAnalyzer mutations(*body, context_);
  // Up from the use to the statement of a block it is in (through a local's initialiser:
  // `string command = "XADD " + key + ...;`); then back through the statements before it,
  // and out through enclosing blocks, out of a loop only when the loop does not change it
  // (else an assignment later in the body reaches the use on the next turn).
  DynTypedNode node = DynTypedNode::create(*use);
  for (int up = 0; up < 64; ++up) {
    DynTypedNodeList parents = context_.getParents(node);
    if (parents.size() != 1 || parents[0].get<LambdaExpr>())
      return nullptr;
    if (const Decl *declared = parents[0].get<Decl>()) {
      auto *local = dyn_cast<VarDecl>(declared);
      if (!local || !local->isLocalVarDecl() || local == target)
        return nullptr;
      node = parents[0];
      continue;
    }
    const DynTypedNode parent = parents[0];
    if (parent.get<ForStmt>() || parent.get<WhileStmt>() || parent.get<DoStmt>() || parent.get<CXXForRangeStmt>()) {
      const Stmt *loop = parent.get<Stmt>();
      for (const Expr *ref : usesIn(target, *loop, context_))
        if (changedAt(mutations, ref, context_))
          return nullptr;
      if (member && callsOwnMethod(*loop, context_))
        return nullptr;
    }
    auto *block = parent.get<CompoundStmt>();
    if (!block) {
      node = parent;
      continue;
    }
    const Stmt *here = node.get<Stmt>();
    std::vector<const Stmt *> before;
    for (const Stmt *child : block->body()) {
      if (child == here)
        break;
      takenStatements(child, context_, before);
    }
    // `e` names `var` itself (the target of a whole-statement write).
    auto isVar = [&](const Expr *e) {
      e = e ? e->IgnoreParenImpCasts() : nullptr;
      if (auto *field = dyn_cast_or_null<MemberExpr>(e); field && member)
        return field->getMemberDecl() == target && isa<CXXThisExpr>(field->getBase()->IgnoreParenImpCasts());
      auto *ref = dyn_cast_or_null<DeclRefExpr>(e);
      return ref && ref->getDecl() == target;
    };
    auto found = [&](const Expr *value) { // the walk collected appends backwards
      if (appended)
        std::reverse(appended->begin(), appended->end());
      return value;
    };
    for (auto it = before.rbegin(); it != before.rend(); ++it) {
      if (auto *declaration = dyn_cast<DeclStmt>(*it))
        for (const Decl *d : declaration->decls()) {
          if (var && d == var)
            return found(var->getInit());
          // `int len = snprintf(cmd, n, "LPUSH %s %s", q, v);`: the print, its length kept.
          auto *length = dyn_cast<VarDecl>(d);
          if (auto *print = dyn_cast_or_null<CallExpr>(length && length->getInit() ? length->getInit()->IgnoreImplicit()
                                                                                    : nullptr);
              print && print->getNumArgs() >= 2 && printfIntoBuffer(print) && isVar(print->getArg(0)))
            return found(print);
        }
      const Expr *statement = dyn_cast<Expr>(*it);
      // `var = X;` as the whole statement: X. Any other write in it: not known here.
      const Expr *whole = statement ? statement->IgnoreImplicit() : nullptr;
      if (auto *op = dyn_cast_or_null<BinaryOperator>(whole); op && op->getOpcode() == BO_Assign && isVar(op->getLHS()))
        return found(op->getRHS());
      auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(whole);
      if (op && op->getOperator() == OO_Equal && op->getNumArgs() == 2 && isVar(op->getArg(0)))
        return found(op->getArg(1));
      // `nh.param(topic_param, topic, std::string("footprint"));` as the whole statement: that
      // setting read, when it has a default (without one the variable may keep what it held).
      if (auto *read = dyn_cast_or_null<CallExpr>(whole))
        if (const ExtractOptions::SettingApi *api = settingApiOf(read);
            api && api->out && api->defaultArg && isVar(read->getArg(*api->out)) &&
            !isa<CXXDefaultArgExpr>(read->getArg(*api->defaultArg)))
          return found(read);
      // `snprintf(topic, sizeof topic, "motor%02d", i);` as the whole statement: that print;
      // `len = snprintf(cmd, ...);` too, its length kept in another variable.
      const Expr *printed = whole;
      if (auto *kept = dyn_cast_or_null<BinaryOperator>(whole); kept && kept->getOpcode() == BO_Assign && !isVar(kept->getLHS()))
        printed = kept->getRHS()->IgnoreImplicit();
      if (auto *print = dyn_cast_or_null<CallExpr>(printed);
          print && print->getNumArgs() >= 2 && printfIntoBuffer(print) && isVar(print->getArg(0)))
        return found(print);
      // `topic += "/status";`, `topic.append(a).append(b);` as the whole statement, when the
      // caller builds the text: pieces after what the value was before it (b, then a: the
      // walk goes backwards).
      if (appended) {
        // Words appended in a range-for (`for (auto &s : streams) command += " " + s;`): a
        // list of words, one turn standing for them all, each word one of the elements.
        if (std::vector<const Expr *> words; wordsAppendedIn(*it, var, words)) {
          appended->insert(appended->end(), words.rbegin(), words.rend());
          continue;
        }
        if (op && op->getOperator() == OO_PlusEqual && op->getNumArgs() == 2 && isVar(op->getArg(0))) {
          appended->push_back(op->getArg(1));
          continue;
        }
        std::vector<const Expr *> chain;
        const Expr *link = whole;
        while (auto *call = dyn_cast_or_null<CXXMemberCallExpr>(link)) {
          const CXXMethodDecl *method = call->getMethodDecl();
          if (call->getNumArgs() != 1 || !method || !method->getIdentifier() || method->getName() != "append")
            break;
          chain.push_back(call->getArg(0));
          link = call->getImplicitObjectArgument()->IgnoreParenImpCasts();
        }
        if (!chain.empty() && isVar(link)) {
          appended->insert(appended->end(), chain.begin(), chain.end());
          continue;
        }
      }
      for (const Expr *ref : usesIn(target, **it, context_))
        if (changedAt(mutations, ref, context_) &&
            !(target->getType()->isArrayType() && readAsPointerToConst(ref, CK_ArrayToPointerDecay, context_)) &&
            !(member && elementWritten(ref, context_)))
          return nullptr; // a char buffer logged by a printf-like call is only read
      if (member && callsOwnMethod(**it, context_))
        return nullptr;
    }
    node = parent; // out through this block
  }
  return nullptr;
}

} // namespace eventscope
