// What the whole translation unit writes: namespace-scope `const char *` variables it only
// reads, and the values it gives string members (ValueEvaluator::onlyRead, memberWrites).
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/libraries/abseil_flags.h"
#include "analyzer/cpp/libraries/gflags.h"
#include "analyzer/cpp/libraries/program_options.h"
#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/DenseMap.h>

namespace eventscope {

using namespace clang;

namespace {

// Collects, per variable of static storage that is a pointer or an array, the references to
// it in project code and those that only read it: the operand of an lvalue-to-rvalue
// conversion (a pointer's value), or an array decayed to a pointer that is only read as
// `const char *`. Any other reference (an assignment, `&kTopic`, a reference bound to it, ++,
// a `char *` the callee writes through) may change it.
class GlobalReads : public ProjectCodeWalk<GlobalReads> {
public:
  using ProjectCodeWalk::ProjectCodeWalk;
  // The semantic form of an initializer list too: the syntactic one holds the reference as
  // written (`names{kTopic}`), the lvalue-to-rvalue read is only in the semantic one. Sets,
  // not counts: an element can be visited in both forms.
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *ref) {
    if (auto *var = candidate(ref))
      references[var].insert(ref);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *member) { // a static data member read through an object
    if (auto *var = candidate(member))
      references[var].insert(member);
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *cast) {
    if (cast->getCastKind() == CK_LValueToRValue)
      if (auto *var = candidate(cast->getSubExpr()->IgnoreParens()))
        reads[var].insert(cast->getSubExpr()->IgnoreParens());
    // A char array read as `const char *` (`publish(kTopic)` of `static char kTopic[] = ...`):
    // its decay to a pointer, made a pointer to const at once.
    if (cast->getCastKind() == CK_NoOp && !cast->getType().isNull() && cast->getType()->isPointerType() &&
        cast->getType()->getPointeeType().isConstQualified())
      noteDecayedRead(cast->getSubExpr());
    return true;
  }
  // ... or handed to a variadic function that only reads its varargs: printf-style logging
  // (`log("subscribed to %s", kTopic)`), not the scanf family, which writes through them.
  bool VisitCallExpr(CallExpr *call) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee)
      return true;
    // ... or handed to a `char *` parameter of a function whose body only reads it as a
    // `const char *` (C code that forgot the const: `void pubsub_publish(char *channel, ...)`).
    const FunctionDecl *definition = callee->getDefinition();
    for (unsigned i = 0; definition && definition->getBody() && i < call->getNumArgs() && i < definition->getNumParams();
         ++i) {
      if (decayedCandidate(call->getArg(i)).first &&
          onlyReadAsPointerToConst(definition->getParamDecl(i), *definition->getBody(), definition->getASTContext()))
        noteDecayedRead(call->getArg(i));
    }
    if (!callee->isVariadic() || !callee->getIdentifier() || callee->getName().contains("scanf"))
      return true;
    for (const FormatAttr *format : callee->specific_attrs<FormatAttr>())
      if (format->getType() && format->getType()->getName().contains("scanf"))
        return true;
    for (unsigned i = callee->getNumParams(); i < call->getNumArgs(); ++i)
      noteDecayedRead(call->getArg(i));
    return true;
  }
  llvm::DenseMap<const VarDecl *, llvm::DenseSet<const Expr *>> references, reads;

private:
  // `e` as an array candidate decayed to a pointer: the variable and its reference.
  static std::pair<const VarDecl *, const Expr *> decayedCandidate(const Expr *e) {
    auto *decay = dyn_cast<ImplicitCastExpr>(e->IgnoreParens());
    if (!decay || decay->getCastKind() != CK_ArrayToPointerDecay)
      return {nullptr, nullptr};
    const Expr *reference = decay->getSubExpr()->IgnoreParens();
    return {candidate(reference), reference};
  }
  void noteDecayedRead(const Expr *e) {
    if (auto [var, reference] = decayedCandidate(e); var)
      reads[var].insert(reference);
  }

  // Every use of `param` in `body` is its value made a `const char *` at once (passed to a
  // `const char *` parameter, assigned to one). Clang 19's ExprMutationAnalyzer does not see a
  // write through a subscript of a pointer parameter (`topic[0] = 'x'`), so uses are checked
  // one by one, and anything else counts as a write.
  static bool onlyReadAsPointerToConst(const ParmVarDecl *param, const Stmt &body, ASTContext &context) {
    return llvm::all_of(referencesTo(param, body, context),
                        [&](const DeclRefExpr *use) { return readAsPointerToConst(use, CK_LValueToRValue, context); });
  }

  static const VarDecl *candidate(const Expr *e) {
    const ValueDecl *decl = nullptr;
    if (auto *ref = dyn_cast<DeclRefExpr>(e))
      decl = ref->getDecl();
    else if (auto *member = dyn_cast<MemberExpr>(e))
      decl = member->getMemberDecl();
    auto *var = dyn_cast_or_null<VarDecl>(decl);
    if (!var || !var->hasGlobalStorage() || var->getType().isNull() ||
        !(var->getType()->isPointerType() || var->getType()->isArrayType()))
      return nullptr;
    return var->getCanonicalDecl();
  }
};

} // namespace

// A `const char *` at namespace scope is a constant when nothing in this translation unit can
// change it. Another translation unit could, through an `extern` declaration: not seen here.
bool ValueEvaluator::onlyRead(const VarDecl *global) const {
  if (!onlyRead_) {
    GlobalReads counter(names_);
    counter.TraverseDecl(context_.getTranslationUnitDecl());
    onlyRead_.emplace();
    for (const auto &[var, uses] : counter.references)
      if (llvm::all_of(uses, [&](const Expr *use) { return counter.reads[var].contains(use); }))
        onlyRead_->insert(var);
  }
  return onlyRead_->contains(global);
}

namespace {

// Writes of string members in project code, for ValueEvaluator::memberWrites().
class MemberWrites : public ProjectCodeWalk<MemberWrites> {
public:
  using ProjectCodeWalk::ProjectCodeWalk;
  bool VisitFieldDecl(FieldDecl *field) {
    if (const Expr *init = field->getInClassInitializer())
      writes[field].push_back(init);
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *ctor) {
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isMemberInitializer() && init->isWritten() && init->getInit())
        writes[init->getMember()].push_back(init->getInit());
    return true;
  }
  // Aggregate initialisation writes each field it names (`const Config cfg{"orders", 8};`,
  // designated `{.topic = "orders"}`, C++20's `Config cfg("orders", 8)`): the semantic form
  // lists bases first, then one expression per named field in declaration order
  // ([dcl.init.aggr]).
  bool VisitInitListExpr(InitListExpr *list) {
    // Walks see the form as written; its semantic form has one expression per field.
    if (!list->isSyntacticForm())
      return true;
    const InitListExpr *semantic = list->getSemanticForm() ? list->getSemanticForm() : list;
    aggregate(semantic->getType(), semantic->inits());
    return true;
  }
  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *list) {
    aggregate(list->getType(), list->getInitExprs());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->isAssignmentOp())
      note(op->getLHS(), op->getOpcode() == BO_Assign ? op->getRHS() : nullptr);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *op) {
    // `po::value<std::string>(&cfg.channel)->default_value("chat")`: not a change in place,
    // the member is the option's setting (libraries/program_options.h).
    if (auto *member = dyn_cast<MemberExpr>(op->getSubExpr()->IgnoreParenImpCasts()); member && op->getOpcode() == UO_AddrOf)
      if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
        if (std::optional<ProgramOption> option = boundProgramOption(op, field->getASTContext())) {
          options[field] = option->name;
          std::vector<const Expr *> &given = writes[field];
          if (option->fallback)
            given.push_back(option->fallback);
          return true;
        }
    if (op->getOpcode() == UO_AddrOf || op->isIncrementDecrementOp())
      note(op->getSubExpr(), nullptr);
    return true;
  }
  // `topic_ = x` on std::string is operator=; `topic_ += x`, `topic_.append(x)`, a non-const
  // method, or binding to a non-const reference parameter may change it in any way.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() == OO_Equal && op->getNumArgs() == 2)
      note(op->getArg(0), op->getArg(1));
    else if (op->isAssignmentOp() && op->getNumArgs() >= 1)
      note(op->getArg(0), nullptr);
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *call) {
    const CXXMethodDecl *method = call->getMethodDecl();
    if (method && !method->isConst() && call->getImplicitObjectArgument() && !slashEdits_.contains(call))
      note(call->getImplicitObjectArgument(), nullptr);
    return true;
  }
  // `if (ns.substr(0, 2) == "//") ns.erase(ns.begin());`, `if (ns.back() == '/') ns.pop_back();`
  // (ROS 1 code around ros::this_node::getNamespace()): an edit under a test for a slash that
  // removes one changes nothing ROS name resolution does not undo (it drops empty parts), so
  // the member keeps the names it is given. Visited before the branch it guards.
  bool VisitIfStmt(IfStmt *branch) {
    if (!branch->getCond() || !branch->getThen() || !testsForSlash(branch->getCond()))
      return true;
    std::vector<const Stmt *> work{branch->getThen()};
    while (!work.empty()) {
      const Stmt *stmt = work.back();
      work.pop_back();
      if (auto *call = dyn_cast<CXXMemberCallExpr>(stmt); call && call->getMethodDecl() &&
                                                          call->getMethodDecl()->getIdentifier() &&
                                                          llvm::is_contained({"erase", "pop_back", "begin", "end"},
                                                                             call->getMethodDecl()->getName()))
        slashEdits_.insert(call);
      for (const Stmt *child : stmt->children())
        if (child)
          work.push_back(child);
    }
    return true;
  }
  bool VisitCallExpr(CallExpr *call) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee || isa<CXXOperatorCallExpr>(call))
      return true;
    // C's `snprintf(a->t_alarm, sizeof a->t_alarm, "site/%s/alarm", id)`: the member array
    // is given what the call prints (ValueEvaluator::evaluateWrite).
    const bool print = printfIntoBuffer(call).has_value();
    for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams(); ++i) {
      QualType type = callee->getParamDecl(i)->getType();
      if (type.isNull())
        continue;
      if (type->isReferenceType() && !type.getNonReferenceType().isConstQualified() &&
          !forwardingReference(callee, i)) {
        if (std::optional<std::string> key = loaderKey(call, callee, i))
          if (auto *member = dyn_cast<MemberExpr>(call->getArg(i)->IgnoreParenImpCasts()))
            if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl())) {
              options.try_emplace(field, *key);
              continue;
            }
        note(call->getArg(i), nullptr);
      }
      // A char array member given as a `char *` may be written in any way (`gethostname`,
      // `strcat`), except as the buffer a printf writes once.
      else if (type->isPointerType() && !type->getPointeeType().isConstQualified())
        if (auto *decay = dyn_cast<ImplicitCastExpr>(call->getArg(i)->IgnoreParens());
            decay && decay->getCastKind() == CK_ArrayToPointerDecay)
          note(decay->getSubExpr(), print && i == 0 ? call : nullptr);
    }
    return true;
  }
  llvm::DenseMap<const FieldDecl *, std::vector<const Expr *>> writes;
  llvm::DenseSet<const FieldDecl *> other;
  llvm::DenseMap<const FieldDecl *, std::string> options; // bound to a program option: its name
  // The same for namespace-scope `std::string` variables that are not const (their
  // definition's initialiser is a write), by canonical declaration.
  llvm::DenseMap<const VarDecl *, std::vector<const Expr *>> globalWrites;
  llvm::DenseSet<const VarDecl *> globalOther;
  llvm::DenseMap<const VarDecl *, const Expr *> globalLists;
  bool VisitVarDecl(VarDecl *var) {
    if (var->hasGlobalStorage() && !var->isStaticLocal() && var->getInit() &&
        var->isThisDeclarationADefinition() == VarDecl::Definition && ValueEvaluator::stringContainer(var->getType()) &&
        !ValueEvaluator::bracedElements(var->getInit()).empty())
      globalLists[var->getCanonicalDecl()] = var->getInit();
    // `std::string g;` holds no name until it is given one: not a write.
    auto *empty = var->getInit() ? dyn_cast<CXXConstructExpr>(var->getInit()->IgnoreImplicit()) : nullptr;
    if (const VarDecl *global = namespaceString(var); global && var->getInit() && !(empty && empty->getNumArgs() == 0) &&
                                                    var->isThisDeclarationADefinition() == VarDecl::Definition)
      globalWrites[global].push_back(var->getInit());
    return true;
  }
  static const VarDecl *namespaceString(const Decl *decl) {
    auto *var = dyn_cast_or_null<VarDecl>(decl);
    // C's `static char *kafka_topic;` given `ast_strdup(DEFAULT_KAFKA_TOPIC)` in load_config()
    // too; not a char array, which is a buffer printed into in place.
    const bool charPointer = var && !var->getType().isNull() && var->getType()->isPointerType() &&
                             var->getType()->getPointeeType()->isAnyCharacterType();
    if (!var || !var->hasGlobalStorage() || var->isStaticLocal() || var->isStaticDataMember() || var->getType().isNull() ||
        var->getType().isConstQualified() || var->isConstexpr() || (var->getType()->isPointerType() && !charPointer) ||
        var->getType()->isReferenceType() || // gflags' FLAGS_x (its own MemberValue), an alias
        var->getType()->isArrayType() || !ValueEvaluator::isStringLike(var->getType()))
      return nullptr;
    return var->getCanonicalDecl();
  }

private:
  // A configuration loader given a member to fill (`SetScalarOption(kafka_topic, map, group,
  // "kafka-topic")` of graph-learn, libconfig's `lookupValue("topic", topic_)`): a call that
  // also takes a string literal, to a function whose body assigns its reference parameter
  // `index` and nothing else of it. The member is then that setting (named by the literal,
  // the last when several) with its other writes, the default member initialiser included,
  // as defaults, rather than changed in an unknown way. nullopt for any other call
  // (`boost::replace_all(topic, "{id}", id)` edits the text, and has no body here).
  // The expression a string argument is made from: `"kafka-topic"` given to a `const
  // std::string &` is a std::string constructed from it, its allocator left to its default.
  static const Expr *literalOf(const Expr *e) {
    e = ValueEvaluator::unwrap(e);
    while (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e)) {
      if (construct->getNumArgs() == 0 ||
          !std::all_of(construct->arg_begin() + 1, construct->arg_end(), [](const Expr *a) { return isa<CXXDefaultArgExpr>(a); }))
        return nullptr;
      e = ValueEvaluator::unwrap(construct->getArg(0));
    }
    return e;
  }
  std::optional<std::string> loaderKey(const CallExpr *call, const FunctionDecl *callee, unsigned index) const {
    const FunctionDecl *definition = nullptr;
    // The project's own loaders: a library's function (`boost::replace_all`, whose template
    // body is in its header) edits or fills in its own ways.
    if (!callee->hasBody(definition) || !definition || index >= definition->getNumParams() ||
        names_.inSystemHeader(definition->getLocation()))
      return std::nullopt;
    std::optional<std::string> key;
    for (unsigned k = 0; k < call->getNumArgs(); ++k)
      if (k != index)
        if (auto *literal = dyn_cast_or_null<StringLiteral>(literalOf(call->getArg(k))); literal && literal->getLength() > 0)
          key = literal->getString().str();
    if (!key)
      return std::nullopt;
    const ParmVarDecl *param = definition->getParamDecl(index);
    bool assigned = false, otherUse = false;
    std::vector<const Stmt *> work{definition->getBody()};
    while (!work.empty() && !otherUse) {
      const Stmt *stmt = work.back();
      work.pop_back();
      auto refersToParam = [&](const Expr *e) {
        auto *ref = e ? dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()) : nullptr;
        return ref && ref->getDecl() == param;
      };
      if (auto *op = dyn_cast<CXXOperatorCallExpr>(stmt); op && op->getNumArgs() == 2 && refersToParam(op->getArg(0))) {
        if (op->getOperator() != OO_Equal) {
          otherUse = true;
          break;
        }
        assigned = true;
        work.push_back(op->getArg(1));
        continue;
      }
      if (auto *op = dyn_cast<BinaryOperator>(stmt); op && op->isAssignmentOp() && refersToParam(op->getLHS())) {
        if (op->getOpcode() != BO_Assign) {
          otherUse = true;
          break;
        }
        assigned = true;
        work.push_back(op->getRHS());
        continue;
      }
      if (auto *member = dyn_cast<MemberExpr>(stmt); member && refersToParam(member->getBase()))
        otherUse = true; // `target.append(...)`: changed, not assigned
      for (const Stmt *child : stmt->children())
        if (child)
          work.push_back(child);
    }
    return assigned && !otherUse ? key : std::nullopt;
  }
  // Whether parameter `index` of `callee` is a forwarding reference in the template it is
  // made from (`template <class... Args> void info(fmt, Args &&...args)`: spdlog, fmt,
  // make_tuple): it binds an lvalue as `T &` without meaning to change it.
  static bool forwardingReference(const FunctionDecl *callee, unsigned index) {
    const FunctionDecl *pattern = callee->getTemplateInstantiationPattern();
    if (!pattern)
      return false;
    const ParmVarDecl *param = nullptr;
    for (unsigned k = 0; k < pattern->getNumParams(); ++k) {
      const ParmVarDecl *each = pattern->getParamDecl(k);
      if (each->isParameterPack() ? index >= k : index == k) {
        param = each;
        break;
      }
    }
    if (!param)
      return false;
    QualType type = param->getType();
    if (const auto *expansion = type->getAs<PackExpansionType>())
      type = expansion->getPattern();
    const auto *reference = type->getAs<RValueReferenceType>();
    return reference && !reference->getPointeeType().hasQualifiers() &&
           reference->getPointeeType()->getAs<TemplateTypeParmType>();
  }
  void aggregate(QualType type, llvm::ArrayRef<Expr *> inits) {
    const RecordDecl *record = type.isNull() ? nullptr : type->getAsRecordDecl();
    if (!record || record->isUnion())
      return;
    size_t index = 0;
    if (auto *cxx = dyn_cast<CXXRecordDecl>(record); cxx && cxx->hasDefinition())
      index = cxx->getNumBases();
    for (const FieldDecl *field : record->fields()) {
      if (field->isUnnamedBitField())
        continue;
      if (index >= inits.size())
        break;
      const Expr *init = inits[index++];
      // Left out of the braces: the default member initialiser, already a write, or nothing.
      // So is a default construction (`Config config_{};` constructs each std::string empty).
      if (!init || isa<ImplicitValueInitExpr, CXXDefaultInitExpr>(init->IgnoreImplicit()))
        continue;
      if (auto *construct = dyn_cast<CXXConstructExpr>(init->IgnoreImplicit());
          construct && construct->getNumArgs() == 0)
        continue;
      writes[field].push_back(init);
    }
  }
  static bool testsForSlash(const Stmt *condition) {
    if (auto *text = dyn_cast<StringLiteral>(condition); text && text->getString().contains('/') &&
                                                         text->getString().find_first_not_of('/') == llvm::StringRef::npos)
      return true;
    if (auto *character = dyn_cast<CharacterLiteral>(condition); character && character->getValue() == '/')
      return true;
    for (const Stmt *child : condition->children())
      if (child && testsForSlash(child))
        return true;
    return false;
  }
  llvm::DenseSet<const CXXMemberCallExpr *> slashEdits_;

  void note(const Expr *target, const Expr *value) {
    if (auto *ref = target ? dyn_cast<DeclRefExpr>(target->IgnoreParenImpCasts()) : nullptr)
      if (const VarDecl *var = namespaceString(ref->getDecl())) {
        if (value)
          globalWrites[var].push_back(value);
        else
          globalOther.insert(var);
        return;
      }
    auto *member = target ? dyn_cast<MemberExpr>(target->IgnoreParenImpCasts()) : nullptr;
    auto *field = member ? dyn_cast<FieldDecl>(member->getMemberDecl()) : nullptr;
    if (!field)
      return;
    if (value)
      writes[field].push_back(value);
    else
      other.insert(field);
  }
};

} // namespace

// `x` of `topic_(x)`, `topic_ = std::string(x)`: through copies and conversions.
static const Expr *copiedExpression(const Expr *e) {
  e = ValueEvaluator::unwrap(e);
  while (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e))
    e = construct->getNumArgs() == 1 ? ValueEvaluator::unwrap(construct->getArg(0)) : nullptr;
  return e;
}

// What a unit records of a value for the others: only what a reader there can use (no
// handler, type or place of this unit's).
static MemberValue recorded(const std::string &key, const ArgValue &given) {
  MemberValue value{key, ArgValue{}};
  value.value.kind = given.kind;
  value.value.strings = given.strings;
  value.value.text = given.text;
  value.value.source = given.source;
  value.value.setting = given.setting;
  value.value.settingDefault = given.settingDefault;
  value.value.settingAt = given.settingAt;
  value.value.prefix = given.prefix; // a Handle: another member, with the text around it
  value.value.suffix = given.suffix;
  value.value.name = given.name;
  value.value.innerCall = given.innerCall; // the result of a call: what the function returns
  value.value.why = given.why;
  // An element of a map or a field of a struct the object was given (`m_topic =
  // m_configs.at(Topic)`): read where the object is made (ArgValue::fieldOf).
  value.value.fieldOf = given.fieldOf;
  value.value.field = given.field;
  return value;
}

std::vector<MemberValue> ValueEvaluator::memberValues() const {
  memberWrites(nullptr); // runs the scan
  std::vector<MemberValue> out;
  auto unknown = [](std::string reason) {
    ArgValue value;
    value.text = std::move(reason);
    return value;
  };
  for (const FieldDecl *field : otherwiseWritten_)
    if (isStringLike(field->getType()))
      out.push_back({names_.keyOf(field), unknown("member '" + field->getNameAsString() +
                                                  "' is changed in place (`+=`, a non-const method or reference, a `char *` argument)")});
  for (const auto &[field, writes] : *memberWrites_) {
    if (otherwiseWritten_.contains(field) || !isStringLike(field->getType()))
      continue;
    // A configuration reader's key for it (comparedSettingName): the run-time write is that
    // setting, the constant ones its defaults.
    // Or the program option it is bound to: its constant writes are the option's defaults.
    std::string setting;
    if (auto option = memberOptions_.find(field); option != memberOptions_.end())
      setting = option->second;
    std::vector<ArgValue> values;
    std::vector<bool> readByKey; // the write under the reader's key comparison
    // A write whose value reads the member itself (`x_ = get_env("X", x_)`) reads the value it
    // had before (ValueEvaluator::reading_).
    reading_.insert(field);
    for (const Expr *write : writes) {
      values.push_back(evaluateWrite(write, 0));
      std::optional<std::string> name = settingWritten(field, write, values.back());
      readByKey.push_back(name.has_value());
      if (name)
        setting = *name;
    }
    reading_.erase(field);
    bool anyDefault = false, otherWrites = false;
    for (size_t i = 0; i < writes.size(); ++i) {
      const Expr *write = writes[i];
      ArgValue one = std::move(values[i]);
      if (one.isNull || emptyDefault(field, write, one))
        continue;
      otherWrites = otherWrites || !readByKey[i];
      if (!setting.empty()) {
        if (readByKey[i])
          continue;
        if (one.kind == ArgValue::Kind::Strings) {
          one = settingValue(setting, &one, 0);
          anyDefault = true;
        }
      }
      // A variable with text around it (`snprintf(a->t_alarm, n, "site/%s/alarm",
      // a->site_id)`) is looked up by the resolver, and is a pattern when its value stays
      // unknown; a parameter here means nothing elsewhere.
      const bool aroundVariable = one.kind == ArgValue::Kind::Handle && !one.name.empty() &&
                                  (!one.prefix.empty() || !one.suffix.empty());
      // Another member copied as it is (`topic_name_(cfg.kafka_topic)` of a configuration
      // struct whose defaults and command-line parser are in other units): what the units
      // give that member, or why not.
      const bool copiedMember = one.kind == ArgValue::Kind::Handle && !one.name.empty() && one.prefix.empty() &&
                                one.suffix.empty() && isa_and_nonnull<MemberExpr>(copiedExpression(write));
      if (copiedMember && one.why.empty())
        one.why = "member '" + field->getNameAsString() + "' is given member '" + one.name + "' at " +
                  formatLocation(names_.locationOf(write->getBeginLoc())) + ", whose value is not known";
      const bool carriedField = !one.fieldOf.empty();
      if (one.kind != ArgValue::Kind::Strings && !aroundVariable && !copiedMember && !carriedField)
        one = unknown("member '" + field->getNameAsString() + "' is given a value that is not constant at " +
                      formatLocation(names_.locationOf(write->getBeginLoc())) +
                      (one.kind == ArgValue::Kind::Unknown && !one.text.empty() ? " (" + one.text + ")" : ""));
      out.push_back(recorded(names_.keyOf(field), one));
    }
    if (!setting.empty() && !anyDefault) {
      std::optional<ArgValue> empty = otherWrites ? std::nullopt : emptyStringDefault(field);
      out.push_back(recorded(names_.keyOf(field), settingValue(setting, empty ? &*empty : nullptr, 0)));
    }
  }
  // Namespace-scope strings that are not const: what this unit gives them, for every unit
  // that reads them (ValueEvaluator::evaluateDecl).
  // Namespace-scope containers of text defined with a braced list: each element, by its index
  // and as any element, for the units that only declare the container (an `extern const`).
  for (const auto &[var, init] : globalLists_) {
    std::vector<const Expr *> elements = bracedElements(init);
    const std::string key = names_.keyOf(var);
    for (size_t i = 0; i < elements.size(); ++i) {
      ArgValue one = evaluate(elements[i], 0);
      if (one.kind != ArgValue::Kind::Strings)
        one = unknown("element " + std::to_string(i) + " of '" + var->getNameAsString() +
                      "' is not constant at " + formatLocation(names_.locationOf(elements[i]->getBeginLoc())));
      out.push_back(recorded(key + "@elem:[" + std::to_string(i) + "]", one));
      out.push_back(recorded(key + "@elem:", one));
    }
  }
  for (const VarDecl *var : globalOther_)
    out.push_back({names_.keyOf(var), unknown("variable '" + var->getNameAsString() +
                                              "' is changed in place (`+=`, a non-const method or reference)")});
  for (const auto &[var, writes] : globalWrites_) {
    if (globalOther_.contains(var))
      continue;
    // A configuration reader's key for it, as a member's (comparedSettingName: Asterisk's
    // `kafka_topic = ast_strdup(DEFAULT); ... if (!strcasecmp(v->name, "topic")) kafka_topic =
    // ast_strdup(v->value);`): the run-time write is that setting, the constants its defaults.
    std::vector<ArgValue> values;
    std::vector<bool> readByKey;
    std::string setting;
    for (const Expr *write : writes) {
      values.push_back(evaluateWrite(write, 0));
      std::optional<std::string> name = values.back().kind == ArgValue::Kind::Strings || values.back().isNull
                                            ? std::nullopt
                                            : comparedSettingName(write);
      // `topic = vm["topic"].as<std::string>();` (under `if (vm.count("topic"))` or not): a
      // keyed configuration read, as a member's (settingWritten).
      if (!name && values.back().kind == ArgValue::Kind::Unknown)
        name = keyedConfigurationRead(write);
      readByKey.push_back(name.has_value());
      if (name)
        setting = *name;
    }
    for (size_t i = 0; i < writes.size(); ++i) {
      const Expr *write = writes[i];
      ArgValue one = std::move(values[i]);
      if (one.isNull) // `topic = NULL;` after freeing it: no channel, not another one
        continue;
      if (!setting.empty()) {
        if (readByKey[i])
          continue;
        if (one.kind == ArgValue::Kind::Strings)
          one = settingValue(setting, &one, 0);
      }
      if (one.kind != ArgValue::Kind::Strings)
        one = unknown("variable '" + var->getNameAsString() + "' is given a value that is not constant at " +
                      formatLocation(names_.locationOf(write->getBeginLoc())) +
                      (one.kind == ArgValue::Kind::Unknown && !one.text.empty() ? " (" + one.text + ")" : ""));
      out.push_back(recorded(names_.keyOf(var), one));
    }
  }
  // gflags string flags this unit defines, for the units that only declare them.
  for (const Decl *outer : context_.getTranslationUnitDecl()->decls())
    if (auto *ns = dyn_cast<NamespaceDecl>(outer); ns && ns->getIdentifier() && ns->getName() == "fLS")
      for (const Decl *inner : ns->decls())
        if (auto *var = dyn_cast<VarDecl>(inner); var && gflagsStringFlag(var) && gflagsDefault(var) &&
                                                  var->isThisDeclarationADefinition() == VarDecl::Definition) {
          ArgValue given = evaluateDecl(var, 0); // the default, or the configured value
          if (given.kind != ArgValue::Kind::Strings)
            continue;
          out.push_back(recorded(names_.keyOf(var->getCanonicalDecl()), given));
        }
  // Abseil string flags this unit defines (ABSL_FLAG at namespace scope, usually global).
  std::vector<const DeclContext *> scopes{context_.getTranslationUnitDecl()};
  for (const Decl *outer : context_.getTranslationUnitDecl()->decls())
    if (auto *ns = dyn_cast<NamespaceDecl>(outer); ns && !context_.getSourceManager().isInSystemHeader(
                                                      context_.getSourceManager().getExpansionLoc(ns->getLocation())))
      scopes.push_back(ns);
  for (const DeclContext *scope : scopes)
    for (const Decl *inner : scope->decls())
      if (auto *var = dyn_cast<VarDecl>(inner);
          var && var->isThisDeclarationADefinition() == VarDecl::Definition && abslFlagDefault(var)) {
        std::string name = *abslFlagName(var);
        ArgValue given = evaluate(abslFlagDefault(var), 0);
        ArgValue read = settingValue(name, &given, 0); // the default, or the configured value
        if (read.kind != ArgValue::Kind::Strings)
          continue;
        out.push_back(recorded(names_.keyOf(var->getCanonicalDecl()), read));
      }
  // String constants this unit defines that others may only declare: a static data member
  // defined out of line (`const std::string Topics::kResult = "task.result";`), an `extern`
  // constant. Read elsewhere by their declaration's key.
  std::vector<const DeclContext *> contexts{context_.getTranslationUnitDecl()};
  for (size_t i = 0; i < contexts.size(); ++i)
    for (const Decl *inner : contexts[i]->decls()) {
      if (names_.inSystemHeader(inner->getLocation()))
        continue;
      if (auto *ns = dyn_cast<NamespaceDecl>(inner))
        contexts.push_back(ns);
      else if (auto *linkage = dyn_cast<LinkageSpecDecl>(inner))
        contexts.push_back(linkage);
      else if (auto *var = dyn_cast<VarDecl>(inner);
               var && var->hasGlobalStorage() && var->isExternallyVisible() && var->getInit() &&
               var->isThisDeclarationADefinition() == VarDecl::Definition && isStringLike(var->getType()) &&
               (var->getType().isConstQualified() || var->isConstexpr()) &&
               (var->isStaticDataMember() || var->getPreviousDecl())) {
        ArgValue given = evaluate(var->getInit(), 0);
        if (given.kind == ArgValue::Kind::Strings)
          out.push_back(recorded(names_.keyOf(var->getCanonicalDecl()), given));
      }
    }
  // Defaults this unit gives settings by a call whose result is not used (a setter described
  // as `role: setting` with a `default`: `config.setConfigSetting("topic", defaultTopic())`,
  // `declare_parameter("topic", "scan")`), for units that read the setting with none.
  // A default that is a call of a function of another unit (`jetstream->getDefaultTopic()`)
  // is recorded as that call, for the resolver to follow what the function returns.
  for (const auto &[name, fallback] : settings().declaredDefaults) {
    ArgValue given = evaluate(fallback, 0);
    if (given.kind == ArgValue::Kind::Strings)
      out.push_back(recorded(std::string(kSettingDefaultKey) + name, settingValue(name, &given, 0)));
    else if (given.kind == ArgValue::Kind::Unknown && !given.innerCall.empty())
      out.push_back(recorded(std::string(kSettingDefaultKey) + name, given));
  }
  auto order = [](const MemberValue &m) {
    return std::tie(m.memberKey, m.value.kind, m.value.strings, m.value.text, m.value.source, m.value.setting,
                    m.value.innerCall);
  };
  std::sort(out.begin(), out.end(), [&](const MemberValue &a, const MemberValue &b) { return order(a) < order(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const MemberValue &a, const MemberValue &b) { return order(a) == order(b); }),
            out.end());
  return out;
}

const std::vector<const Expr *> *ValueEvaluator::memberWrites(const FieldDecl *field) const {
  if (!memberWrites_) {
    MemberWrites found(names_);
    found.TraverseDecl(context_.getTranslationUnitDecl());
    memberWrites_ = std::move(found.writes);
    otherwiseWritten_ = std::move(found.other);
    memberOptions_ = std::move(found.options);
    globalWrites_ = std::move(found.globalWrites);
    globalOther_ = std::move(found.globalOther);
    globalLists_ = std::move(found.globalLists);
  }
  if (otherwiseWritten_.contains(field))
    return nullptr;
  auto it = memberWrites_->find(field);
  return it == memberWrites_->end() ? nullptr : &it->second;
}

bool ValueEvaluator::onlyFilledInPlace(const FieldDecl *field) const {
  memberWrites(field); // the scan, once
  return !memberWrites_->contains(field);
}

} // namespace eventscope
