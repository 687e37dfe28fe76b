#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/APValue.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>

#include <algorithm>

namespace eventscope {

using namespace clang;

namespace {

const unsigned kMaxEvaluationDepth = 16;

bool isSmartPointer(const std::string &name) {
  return name == "shared_ptr" || name == "weak_ptr" || name == "unique_ptr";
}

// Functions that hand back their argument: the value is the argument's.
bool returnsItsArgument(const FunctionDecl *callee) {
  if (!callee || !callee->isInStdNamespace() || !callee->getIdentifier())
    return false;
  llvm::StringRef name = callee->getName();
  return name == "move" || name == "forward" || name == "as_const" || name == "ref" || name == "cref";
}

// The member a getter returns: a method whose body is just `return member_;`.
const FieldDecl *fieldReturnedBy(const CXXMethodDecl *method) {
  const CXXMethodDecl *definition = method ? dyn_cast_or_null<CXXMethodDecl>(method->getDefinition()) : nullptr;
  auto *body = definition ? dyn_cast_or_null<CompoundStmt>(definition->getBody()) : nullptr;
  if (!body || body->size() != 1)
    return nullptr;
  auto *ret = dyn_cast<ReturnStmt>(body->body_front());
  const Expr *value = ret && ret->getRetValue() ? ValueEvaluator::unwrap(ret->getRetValue()) : nullptr;
  if (auto *copy = dyn_cast_or_null<CXXConstructExpr>(value);
      copy && copy->getNumArgs() == 1 && copy->getConstructor()->isCopyOrMoveConstructor())
    value = ValueEvaluator::unwrap(copy->getArg(0)); // returning a shared_ptr member copies it
  auto *member = dyn_cast_or_null<MemberExpr>(value);
  return member && isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts())
             ? dyn_cast<FieldDecl>(member->getMemberDecl())
             : nullptr;
}

// The characters an evaluated pointer to char points at, up to the terminating NUL (or
// `length` of them), when it points into a string literal.
bool charactersAt(const APValue &pointer, std::optional<uint64_t> length, std::string &out) {
  if (!pointer.isLValue() || pointer.getLValueBase().isNull())
    return false;
  auto *literal = dyn_cast_or_null<StringLiteral>(pointer.getLValueBase().dyn_cast<const Expr *>());
  if (!literal || literal->getCharByteWidth() != 1)
    return false;
  llvm::StringRef all = literal->getString();
  uint64_t offset = pointer.getLValueOffset().getQuantity();
  if (offset > all.size())
    return false;
  llvm::StringRef rest = all.substr(offset);
  if (length) {
    if (*length > rest.size())
      return false;
    out = rest.substr(0, *length).str();
  } else {
    out = rest.substr(0, rest.find('\0')).str();
  }
  return true;
}

} // namespace

const Expr *ValueEvaluator::unwrap(const Expr *e) {
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
    else if (auto *x = dyn_cast<CallExpr>(e); x && x->getNumArgs() == 1 && returnsItsArgument(x->getDirectCallee()))
      e = x->getArg(0); // std::move(topic), std::forward<T>(handle)
    else
      return e;
  }
  return e;
}

bool ValueEvaluator::isStringLike(QualType type) {
  if (type.isNull())
    return false;
  type = type.getNonReferenceType();
  if (type->isPointerType() || type->isArrayType())
    return type->getPointeeOrArrayElementType()->isAnyCharacterType();
  std::string name = typeName(type);
  return name == "basic_string" || name == "basic_string_view" || name == "QString";
}

// What Clang's constant evaluator makes of a string expression (a call of a constexpr or
// consteval function, mostly): a pointer to char, or a string_view-like object holding a
// pointer and a length.
bool ValueEvaluator::constantString(const Expr *e, ArgValue &value) const {
  if (!e || e->isValueDependent() || e->isTypeDependent() || e->containsErrors() || e->getType().isNull())
    return false;
  std::string text;
  if (e->getType()->isPointerType()) {
    std::optional<std::string> evaluated = e->tryEvaluateString(context_);
    if (!evaluated)
      return false;
    text = *evaluated;
  } else {
    const CXXRecordDecl *record = e->getType()->getAsCXXRecordDecl();
    if (!record || !e->isPRValue())
      return false;
    Expr::EvalResult result;
    if (!e->EvaluateAsRValue(result, context_) || !result.Val.isStruct())
      return false;
    // A view: one pointer to char and one integer field (libstdc++'s and libc++'s string_view).
    const APValue *pointer = nullptr, *length = nullptr;
    unsigned index = 0;
    for (const FieldDecl *field : record->fields()) {
      if (index >= result.Val.getStructNumFields())
        return false;
      const APValue &fieldValue = result.Val.getStructField(index++);
      QualType type = field->getType();
      if (type->isPointerType() && type->getPointeeType()->isCharType())
        pointer = &fieldValue;
      else if (type->isIntegerType() && fieldValue.isInt())
        length = &fieldValue;
    }
    if (!pointer || !length || !charactersAt(*pointer, length->getInt().getZExtValue(), text))
      return false;
  }
  value.kind = ArgValue::Kind::Strings;
  value.strings = {text};
  return true;
}

ArgValue ValueEvaluator::evaluate(const Expr *expr, unsigned depth) const {
  ArgValue value;
  if (!expr) {
    value.text = "the value is missing from the parsed code";
    return value;
  }
  value.typeName = typeName(expr->getType());
  handlers_.find(expr, value);
  if (depth > kMaxEvaluationDepth) {
    value.text = "the value is too deeply nested to evaluate";
    return value;
  }
  const Expr *e = unwrap(expr);
  // Part of it did not compile (a missing header): whatever the rest is, the value is not known.
  if (e && !isa<ParenListExpr>(e) && e->containsErrors()) {
    value.text = kNotCompiled;
    return value;
  }
  if (isa<RecoveryExpr>(e) || isa<ParenListExpr>(e)) {
    value.text = isa<RecoveryExpr>(e) ? kNotCompiled : "the value depends on a template parameter";
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
  if (auto *construct = dyn_cast<CXXConstructExpr>(e))
    return evaluateConstruction(construct, value, depth);
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
    if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()); field && !readingSettings_ &&
                                                                    settings().written.count(field))
      return withType(writtenSetting(field, field->getInClassInitializer(), depth), value);
    // In a constructor, a member it initialises from its own parameter: `topic_(topic)`.
    if (auto *ctor = dyn_cast_or_null<CXXConstructorDecl>(functions_.empty() ? nullptr : functions_.back()))
      for (const CXXCtorInitializer *init : ctor->inits())
        if (init->isWritten() && init->getMember() == member->getMemberDecl() && init->getInit()) {
          ArgValue initial = evaluate(init->getInit(), depth + 1);
          if (initial.kind == ArgValue::Kind::Parameter || initial.kind == ArgValue::Kind::Strings)
            return withType(initial, value);
        }
    // A string member given only string values, wherever in this translation unit: their union.
    if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()); field && isStringLike(field->getType()))
      if (const std::vector<const Expr *> *writes = memberWrites(field); writes && !writes->empty()) {
        ArgValue all;
        all.kind = ArgValue::Kind::Strings;
        for (const Expr *write : *writes) {
          ArgValue one = evaluate(write, depth + 1);
          if (one.kind != ArgValue::Kind::Strings) {
            all.kind = ArgValue::Kind::Unknown;
            break;
          }
          if (all.strings.empty() || lessCertain(all.source, one.source) != all.source) {
            all.source = one.source; // the least certain write, and its setting
            all.setting = one.setting;
          }
          for (const std::string &s : one.strings)
            if (std::find(all.strings.begin(), all.strings.end(), s) == all.strings.end())
              all.strings.push_back(s);
        }
        if (all.kind == ArgValue::Kind::Strings)
          return withType(all, value);
      }
    value.kind = ArgValue::Kind::Handle;
    value.text = names_.keyOf(member->getMemberDecl());
    value.name = placeholderFor(member);
    return value;
  }
  if (auto *call = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl *method = call->getMethodDecl();
    std::string name = method ? method->getNameAsString() : "";
    const Expr *object = call->getImplicitObjectArgument();
    if ((name == "c_str" || name == "data" || name == "str" || name == "get" || name == "lock") &&
        object) // weak_pub.lock()->publish(...): the same publisher
      return withType(evaluate(object, depth + 1), value);
    // std::string -> std::string_view (operator basic_string_view), and any conversion of a
    // string to another string type: the same text.
    if (isa_and_nonnull<CXXConversionDecl>(method) && object && isStringLike(object->getType()) &&
        isStringLike(call->getType()))
      return withType(evaluate(object, depth + 1), value);
    // get_parameter("topic").as_string(), declare_parameter(...).get<std::string>(): an
    // accessor of a setting's value is that value.
    if (auto *read = dyn_cast_or_null<CallExpr>(object ? unwrap(object) : nullptr);
        read && call->getNumArgs() == 0 && isStringLike(call->getType()) && settingApiOf(read))
      return withType(evaluate(object, depth + 1), value);
    if (const FieldDecl *field = fieldReturnedBy(method)) { // node->get_pub()->publish(...)
      value.kind = ArgValue::Kind::Handle;
      value.text = names_.keyOf(field);
      return value;
    }
  }
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Plus && op->getNumArgs() == 2)
    return withType(concatenate(evaluate(op->getArg(0), depth + 1), evaluate(op->getArg(1), depth + 1),
                                placeholderFor(op->getArg(0)), placeholderFor(op->getArg(1))),
                    value);
  if (auto *conditional = dyn_cast<AbstractConditionalOperator>(e)) {
    ArgValue a = evaluate(conditional->getTrueExpr(), depth + 1), b = evaluate(conditional->getFalseExpr(), depth + 1);
    if (a.kind == ArgValue::Kind::Strings && b.kind == ArgValue::Kind::Strings) {
      a.strings.insert(a.strings.end(), b.strings.begin(), b.strings.end());
      a.source = lessCertain(a.source, b.source);
      a.setting = !a.setting.empty() ? a.setting : b.setting;
      return withType(a, value);
    }
    // `getenv("TOPIC") ? getenv("TOPIC") : "orders"`, `getenv("TOPIC") ?: "orders"`: a
    // setting with its default.
    for (auto [read, fallback] : {std::pair{&a, &b}, std::pair{&b, &a}})
      if (read->kind == ArgValue::Kind::Unknown && !read->setting.empty() && fallback->kind == ArgValue::Kind::Strings &&
          fallback->source == ArgValue::Source::Constant)
        return withType(settingValue(read->setting, fallback, depth), value);
  }
  // kTopics[i], kTopics.at(i) of a const container made from constants
  // (`const std::vector<std::string> kTopics{"a", "b"}`): one of them. A container that is not
  // const may gain other elements later: not followed.
  const Expr *container = nullptr;
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2)
    container = op->getArg(0);
  else if (auto *at = dyn_cast<CXXMemberCallExpr>(e); at && at->getMethodDecl() && at->getMethodDecl()->getIdentifier() &&
                                                      at->getMethodDecl()->getName() == "at" && at->getNumArgs() == 1)
    container = at->getImplicitObjectArgument();
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(container ? unwrap(container) : nullptr))
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && !isa<ParmVarDecl>(var) && !var->getType().isNull() &&
                                                       var->getType().isConstQualified() && var->getInit()) {
      ArgValue all = evaluate(var->getInit(), depth + 1);
      if (all.kind == ArgValue::Kind::Strings)
        return withType(all, value);
    }
  if (auto *call = dyn_cast<CallExpr>(e)) {
    const FunctionDecl *callee = call->getDirectCallee();
    // constexpr and consteval functions: Clang's constant evaluator, not a copy of it.
    if (callee && callee->isConstexpr() && isStringLike(call->getType()) && constantString(call, value))
      return value;
    if (ArgValue formatted; callee && evaluateFormat(call, callee, formatted, depth))
      return withType(formatted, value);
    if (const ExtractOptions::SettingApi *setting = settingApiOf(call); setting && !setting->out)
      return withType(readSetting(call, *setting, depth), value);
    std::string name = callee ? callee->getQualifiedNameAsString() : "an unknown function";
    value.text = (name == "getenv" || name == "std::getenv" || name == "secure_getenv")
                     ? "the value comes from the environment (getenv)"
                     : "the value is the result of a call to " + name;
    value.innerCall = names_.callLocation(call); // perhaps a handle API (mqtt::make_message)
    return value;
  }
  if (auto *subscript = dyn_cast<ArraySubscriptExpr>(e)) {
    // subjects[i] of `const char *subjects[] = {"a", "b"}`: one of the array's strings.
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(unwrap(subscript->getBase())))
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

// std::string(x), std::string_view(x), std::vector<std::string>{...}, copies, smart pointers
// made from a raw pointer or another smart pointer, converting constructors from a string.
ArgValue ValueEvaluator::evaluateConstruction(const CXXConstructExpr *construct, const ArgValue &outer,
                                              unsigned depth) const {
  ArgValue value = outer;
  std::string constructed = typeName(construct->getType());
  const Expr *first = construct->getNumArgs() >= 1 ? construct->getArg(0) : nullptr;
  QualType firstType = first ? first->getType() : QualType();
  bool wraps = isStringLike(construct->getType()) || constructed == "vector" || constructed == "set" ||
               constructed == "initializer_list" || construct->getConstructor()->isCopyOrMoveConstructor() ||
               // shared_ptr<T> to shared_ptr<const T> and the like: the same value
               (construct->getNumArgs() == 1 && typeName(firstType) == constructed) ||
               // a smart pointer taking over a raw pointer (unique_ptr<Topic>(Topic::create(...))),
               // or a weak_ptr to a publisher (captured by a timer callback): the same handle
               (construct->getNumArgs() >= 1 && isSmartPointer(constructed) && !firstType.isNull() &&
                (firstType->isPointerType() || isSmartPointer(typeName(firstType))));
  // A converting constructor from a string (mqtt::string_ref, QString, ...), unless the
  // constructor is a messaging API of its own (mqtt::topic).
  if (!wraps && first && isStringLike(firstType) &&
      !options_.apiNames.count(construct->getConstructor()->getQualifiedNameAsString()))
    wraps = true;
  if (wraps && first && !isa<CXXDefaultArgExpr>(first))
    return withType(evaluate(first, depth + 1), value);
  value.text = "the value is constructed at run time";
  value.innerCall = names_.callLocation(construct); // perhaps a handle API's constructor
  return value;
}

ArgValue ValueEvaluator::evaluateDecl(const ValueDecl *decl, unsigned depth) const {
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
    // Its type or initialiser did not compile (a const without an initialiser: Clang dropped it).
    if (var->isInvalidDecl() || (!init && var->getType().isConstQualified() && !var->hasExternalStorage())) {
      value.text = kNotCompiled;
      return value;
    }
    if (!readingSettings_ && settings().written.count(var->getCanonicalDecl()))
      return writtenSetting(var->getCanonicalDecl(), init, depth);
    QualType type = var->getType();
    bool pointerToConst = !type.isNull() && type->isPointerType() && type->getPointeeType().isConstQualified();
    bool constant = type.isConstQualified() || var->isConstexpr() || (pointerToConst && !var->hasGlobalStorage()) ||
                    // a namespace-scope `const char *kTopic = "x";` this translation unit only reads
                    (pointerToConst && var->hasGlobalStorage() && onlyRead(var->getCanonicalDecl())) ||
                    var->isLocalVarDecl(); // a local initialised once and passed on
    if (init && constant) {
      ArgValue inner = evaluate(init, depth + 1);
      if (inner.isNull) { // `natsInbox *inbox = NULL;` is filled in later by a call
        value.kind = ArgValue::Kind::Handle;
        value.text = names_.keyOf(var);
        return value;
      }
      if (inner.kind != ArgValue::Kind::Unknown)
        return inner;
      if (!isStringLike(type)) {
        // A handle (Topic *t = Topic::create(...), a list filled by later calls): known by
        // the variable, and by the call that made it if there is one.
        value.kind = ArgValue::Kind::Handle;
        value.text = names_.keyOf(var);
        value.innerCall = inner.innerCall;
        return value;
      }
      return inner;
    }
    if (!isStringLike(type) || !init) {
      value.kind = ArgValue::Kind::Handle; // assigned elsewhere: resolved through bindings
      value.text = names_.keyOf(var);
      value.name = var->getIdentifier() ? var->getName().str() : "";
      return value;
    }
    value.text = "the value of variable '" + var->getNameAsString() + "' can change at run time";
    return value;
  }
  value.text = "the value is not a compile-time constant";
  return value;
}

} // namespace eventscope
