// Structs carried whole: a configuration struct filled field by field where it is made and
// handed to the class that sends (`cfg.topic = FLAGS_topic; make_shared<Producer>(cfg)`, then
// `produce(config_.topic)` in the class). The reading side names the object the field is read
// from (ArgValue::fieldOf); the making side records each string field's value where the struct
// is handed over (ArgValue::fields); the resolver joins the two at each construction, so each
// object's topic is its own rather than the union of every object's (docs/design-notes.md,
// "Value flow").
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>

#include <map>
#include <set>

namespace eventscope {

using namespace clang;

namespace {

// At most this many string fields are recorded for one struct handed over.
constexpr unsigned kMaxCarriedFields = 32;

// The statement `e` is in whose parent is a compound statement, and that compound statement
// (an assignment's place in its block); {null, null} when there is none within 32 steps.
std::pair<const Stmt *, const CompoundStmt *> statementInBlock(const Stmt *e, ASTContext &context) {
  DynTypedNode node = DynTypedNode::create(*e);
  for (int step = 0; step < 32; ++step) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1)
      return {nullptr, nullptr};
    if (auto *block = parents[0].get<CompoundStmt>())
      return {node.get<Stmt>(), block};
    node = parents[0];
  }
  return {nullptr, nullptr};
}

// The expression around `e` that is not a parenthesis or an implicit conversion.
const Expr *outerOf(const Expr *e, ASTContext &context) {
  DynTypedNode node = DynTypedNode::create(*e);
  for (int step = 0; step < 8; ++step) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1)
      return nullptr;
    auto *outer = parents[0].get<Expr>();
    if (!outer)
      return nullptr;
    if (!isa<ParenExpr>(outer) && !isa<ImplicitCastExpr>(outer))
      return outer;
    node = parents[0];
  }
  return nullptr;
}

// `value` as an element of ArgValue::fields: naming field `key`, holding no fields itself.
ArgValue fieldValue(ArgValue value, std::string key) {
  value.field = std::move(key);
  value.fieldOf.clear();
  value.fields.clear();
  return value;
}

} // namespace

const CXXRecordDecl *ValueEvaluator::carriedStruct(QualType type) const {
  if (type.isNull())
    return nullptr;
  type = type.getNonReferenceType();
  auto *record = type->getAsCXXRecordDecl();
  // An aggregate the project declares: its fields are set where it is made (assignments, a
  // braced list), not by a constructor of its own (those are followed as constructions are).
  if (!record || !record->hasDefinition() || !record->isAggregate() || record->isLambda() ||
      names_.inSystemHeader(record->getLocation()))
    return nullptr;
  for (const FieldDecl *field : record->fields())
    if (isStringLike(field->getType()))
      return record;
  return nullptr;
}

// The parameter a local is a copy of, the struct carried whole: `auto opts =
// std::make_shared<SendOptions>(options); ... opts->topic` (celte-system's KPool::Send,
// held-back Kafka set, session 45), `SendOptions copy = options;`, `auto copy(options)`;
// read through the smart pointer's `->`, `*` and get(). Null for anything else.
static const ParmVarDecl *copiedParameter(const Expr *base) {
  base = base->IgnoreParenImpCasts();
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(base);
      op && (op->getOperator() == OO_Arrow || op->getOperator() == OO_Star) && op->getNumArgs() >= 1)
    base = op->getArg(0)->IgnoreParenImpCasts();
  else if (auto *get = dyn_cast<CXXMemberCallExpr>(base);
           get && get->getMethodDecl() && get->getMethodDecl()->getNameAsString() == "get" && get->getNumArgs() == 0)
    base = get->getImplicitObjectArgument()->IgnoreParenImpCasts();
  auto *ref = dyn_cast<DeclRefExpr>(base);
  auto *local = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!local || isa<ParmVarDecl>(local) || !local->hasLocalStorage() || !local->getInit())
    return nullptr;
  const Expr *init = local->getInit()->IgnoreImplicit();
  // The copy or move of the object made (elided or not).
  while (auto *construct = dyn_cast<CXXConstructExpr>(init))
    if (construct->getNumArgs() == 1 && construct->getConstructor()->isCopyOrMoveConstructor())
      init = construct->getArg(0)->IgnoreImplicit();
    else
      break;
  if (auto *call = dyn_cast<CallExpr>(init)) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee || !callee->isInStdNamespace() || !callee->getIdentifier() ||
        (callee->getName() != "make_shared" && callee->getName() != "make_unique") || call->getNumArgs() != 1)
      return nullptr;
    init = call->getArg(0)->IgnoreImplicit();
    while (auto *construct = dyn_cast<CXXConstructExpr>(init))
      if (construct->getNumArgs() == 1 && construct->getConstructor()->isCopyOrMoveConstructor())
        init = construct->getArg(0)->IgnoreImplicit();
      else
        break;
  }
  auto *source = dyn_cast<DeclRefExpr>(init->IgnoreParenImpCasts());
  return source ? dyn_cast<ParmVarDecl>(source->getDecl()) : nullptr;
}

ArgValue ValueEvaluator::withFieldOf(const MemberExpr *member, ArgValue read, unsigned depth) const {
  auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
  if (!field || !isStringLike(field->getType()) || read.kind == ArgValue::Kind::Parameter ||
      !carriedStruct(QualType(field->getParent()->getTypeForDecl(), 0)))
    return read;
  const Expr *base = unwrap(member->getBase());
  ArgValue object;
  if (auto *holder = dyn_cast_or_null<MemberExpr>(base);
      holder && isa<FieldDecl>(holder->getMemberDecl()) &&
      (holder->isImplicitAccess() || isa<CXXThisExpr>(holder->getBase()->IgnoreParenImpCasts()))) {
    object = memberHandle(holder); // `config_.topic`: the struct member of this object
  } else if (auto *ref = dyn_cast_or_null<DeclRefExpr>(base); ref && isa<ParmVarDecl>(ref->getDecl())) {
    object = evaluate(ref, depth + 1); // `config.topic`: the parameter, given by the calls
    if (object.kind != ArgValue::Kind::Parameter || !object.prefix.empty() || !object.suffix.empty())
      return read;
  } else if (const ParmVarDecl *copied = copiedParameter(member->getBase())) {
    object = evaluateDecl(copied, depth + 1); // `opts->topic` of a copy of the parameter
    if (object.kind != ArgValue::Kind::Parameter || !object.prefix.empty() || !object.suffix.empty())
      return read;
  } else {
    return read;
  }
  read.fieldOf = {object};
  read.field = names_.keyOf(field);
  return read;
}

// The expression each field of `record` is initialised from by `init` (a braced list, C++20's
// parenthesised list, a default construction, none): the list's element in field order, else
// the default member initialiser (null when there is none). False for any other initialiser.
static bool aggregateInitialisers(const CXXRecordDecl *record, const Expr *init,
                                  std::map<const FieldDecl *, const Expr *> &initial) {
  llvm::ArrayRef<Expr *> given;
  if (auto *list = dyn_cast_or_null<InitListExpr>(init)) {
    list = list->isSemanticForm() ? list : list->getSemanticForm();
    if (!list)
      return false;
    given = list->inits();
  } else if (auto *parens = dyn_cast_or_null<CXXParenListInitExpr>(init)) {
    given = parens->getInitExprs();
  } else if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(init); init && !(construct && construct->getNumArgs() == 0)) {
    return false;
  }
  unsigned index = 0;
  for (const FieldDecl *field : record->fields()) {
    initial[field] = index < given.size() ? given[index] : field->getInClassInitializer();
    ++index;
  }
  return true;
}

bool ValueEvaluator::madeStructFields(const Expr *made, ArgValue &out, unsigned depth) const {
  const Expr *init = made ? made->IgnoreImplicit() : nullptr;
  if (auto *temporary = dyn_cast_or_null<CXXFunctionalCastExpr>(init)) // `AlertConfig{...}` as written
    init = temporary->getSubExpr()->IgnoreImplicit();
  const CXXRecordDecl *record = init ? carriedStruct(init->getType()) : nullptr;
  std::map<const FieldDecl *, const Expr *> initial;
  // A struct of one field is that field's value (evaluate's braced lists), not field by field.
  if (!record || depth > 8 || std::distance(record->field_begin(), record->field_end()) < 2 ||
      !(isa<InitListExpr>(init) || isa<CXXParenListInitExpr>(init)) ||
      !aggregateInitialisers(record, init, initial))
    return false;
  unsigned recorded = 0;
  for (const FieldDecl *field : record->fields()) {
    if (!isStringLike(field->getType()) || recorded++ >= kMaxCarriedFields)
      continue;
    ArgValue value;
    if (const Expr *given = initial[field])
      value = evaluate(given, depth + 1);
    else
      value.text = "field '" + field->getNameAsString() + "' of the struct is not given a value";
    out.fields.push_back(fieldValue(std::move(value), names_.keyOf(field)));
  }
  return !out.fields.empty();
}

bool ValueEvaluator::structFields(const DeclRefExpr *use, ArgValue &out, unsigned depth) const {
  auto *var = dyn_cast<VarDecl>(use->getDecl());
  if (!var || !var->isLocalVarDecl() || var->isStaticLocal() || isa<ParmVarDecl>(var) ||
      var->getType()->isReferenceType() || depth > 8)
    return false;
  const CXXRecordDecl *record = carriedStruct(var->getType());
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  if (!record || !function || !function->getBody())
    return false;
  const SourceManager &sources = context_.getSourceManager();
  // Its fields where it is declared: a braced or parenthesised list gives them in order
  // (designators too, once Clang has placed them); a default construction their default
  // member initialisers.
  std::map<const FieldDecl *, const Expr *> initial;
  const Expr *init = var->getInit() ? var->getInit()->IgnoreImplicit() : nullptr;
  bool initialKnown = aggregateInitialisers(record, init, initial);
  // The writes of each field before this use; a change that is not an assignment (`+=`, a
  // non-const reference) makes the field unknown; one of the whole object stops the reading.
  std::map<const FieldDecl *, std::vector<const Expr *>> writes;
  std::set<const FieldDecl *> changed;
  ExprMutationAnalyzer mutations(*function->getBody(), context_);
  const std::pair<const Stmt *, const CompoundStmt *> declared = [&]() -> std::pair<const Stmt *, const CompoundStmt *> {
    DynTypedNodeList parents = context_.getParents(*var);
    auto *statement = parents.size() == 1 ? parents[0].get<DeclStmt>() : nullptr;
    return statement ? statementInBlock(statement, context_) : std::pair<const Stmt *, const CompoundStmt *>{};
  }();
  std::map<const FieldDecl *, const Expr *> reset; // an unconditional write: what came before is gone
  for (const DeclRefExpr *ref : referencesTo(var, *function->getBody(), context_)) {
    if (ref == use || !sources.isBeforeInTranslationUnit(ref->getBeginLoc(), use->getBeginLoc()))
      continue;
    auto *member = dyn_cast_or_null<MemberExpr>(outerOf(ref, context_));
    auto *field = member ? dyn_cast<FieldDecl>(member->getMemberDecl()) : nullptr;
    if (!field) {
      if (mutations.isMutated(ref))
        return false; // handed to something that may change it (`load(cfg)`)
      continue;
    }
    if (const Expr *value = assignedValue(member, context_)) {
      writes[field].push_back(value);
      // Written by a statement of the block that declares it (not under an `if`): what came
      // before is replaced.
      if (auto [statement, block] = statementInBlock(member, context_);
          declared.second && block == declared.second && statement && isa<Expr>(statement))
        reset[field] = value;
    } else if (mutations.isMutated(member)) {
      changed.insert(field);
    }
  }
  unsigned recorded = 0;
  for (const FieldDecl *field : record->fields()) {
    if (!isStringLike(field->getType()) || recorded >= kMaxCarriedFields)
      continue;
    ArgValue value;
    if (changed.count(field)) {
      value.text = "field '" + field->getNameAsString() + "' of the struct is changed in place before it is handed over";
    } else {
      std::vector<const Expr *> given;
      const std::vector<const Expr *> &written = writes[field];
      auto last = reset.find(field);
      if (last == reset.end()) {
        if (!initialKnown) {
          continue; // made some other way (a copy, a loader's result): not known here
        }
        given.push_back(initial[field]); // may be null: no initialiser
      }
      bool from = last == reset.end();
      for (const Expr *write : written) {
        from = from || write == last->second;
        if (from)
          given.push_back(write);
      }
      value.kind = ArgValue::Kind::Strings;
      for (const Expr *each : given) {
        ArgValue one;
        if (!each) {
          // A string field left empty: no channel (a char pointer left null neither).
          one.text = "field '" + field->getNameAsString() + "' of the struct is not given a value before it is "
                     "handed over";
        } else {
          one = evaluate(each, depth + 1);
        }
        if (given.size() == 1) {
          value = one;
          break;
        }
        if (one.kind != ArgValue::Kind::Strings) {
          value = one;
          break;
        }
        addAlternatives(value, one);
      }
    }
    out.fields.push_back(fieldValue(std::move(value), names_.keyOf(field)));
    ++recorded;
  }
  return !out.fields.empty();
}

} // namespace eventscope
