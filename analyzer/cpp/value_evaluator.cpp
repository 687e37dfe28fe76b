#include "analyzer/cpp/value_evaluator.h"

#include "model/channel_match.h"

#include <clang/AST/APValue.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <functional>
#include <cctype>

namespace eventscope {

using namespace clang;

namespace {

const unsigned kMaxEvaluationDepth = 16;
const size_t kMaxStrings = 64; // cartesian concatenations are cut here

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

// Keeps the outer expression's type and handler while taking the inner value.
ArgValue withType(ArgValue inner, const ArgValue &outer) {
  inner.typeName = outer.typeName;
  if (inner.enumName.empty())
    inner.enumName = outer.enumName;
  if (inner.handlerKey.empty()) {
    inner.handlerKey = outer.handlerKey;
    inner.handlerName = outer.handlerName;
  }
  return inner;
}

ArgValue constant(const std::string &text) {
  ArgValue v;
  v.kind = ArgValue::Kind::Strings;
  v.strings = {text};
  return v;
}

// The less certain of two sources: a pattern over a default over a configured value over a
// constant.
ArgValue::Source lessCertain(ArgValue::Source a, ArgValue::Source b) {
  auto rank = [](ArgValue::Source s) {
    switch (s) {
    case ArgValue::Source::Constant: return 0;
    case ArgValue::Source::Configured: return 1;
    case ArgValue::Source::Default: return 2;
    case ArgValue::Source::Pattern: return 3;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

// A value known only at run time, as a piece of a pattern: `{name}`. Null when it cannot be
// one: no value at all, or a handle or parameter (resolved otherwise).
std::optional<std::string> runTimePiece(const ArgValue &v, const std::string &name) {
  if (v.kind != ArgValue::Kind::Unknown || v.isNull)
    return std::nullopt;
  return "{" + name + "}";
}

// a + b of two string values: every pairing of constants (up to kMaxStrings); a parameter
// with constant text around it stays a parameter (`name + "/set_level"`); a piece known only
// at run time makes a pattern (`"orders." + id` is `orders.{id}`) when there is text around
// it. `nameA`/`nameB`: what a run-time piece is called in the pattern.
// `partial`: a piece of a longer text (a format string's), checked for text of its own once whole.
ArgValue concatenate(const ArgValue &a, const ArgValue &b, const std::string &nameA, const std::string &nameB,
                     bool partial = false) {
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
  // A handle (a member or variable whose value the resolver finds: `prefix_ + "teleop"`)
  // keeps the text around it, as a parameter does.
  if (a.kind == ArgValue::Kind::Handle && single(b) && b.source == ArgValue::Source::Constant) {
    ArgValue out = a;
    out.suffix += b.strings.front();
    return out;
  }
  if (single(a) && a.source == ArgValue::Source::Constant && b.kind == ArgValue::Kind::Handle) {
    ArgValue out = b;
    out.prefix = a.strings.front() + out.prefix;
    return out;
  }
  ArgValue left = a, right = b;
  for (auto [side, name] : {std::pair{&left, &nameA}, std::pair{&right, &nameB}}) {
    if (side->kind == ArgValue::Kind::Strings)
      continue;
    if (side->kind == ArgValue::Kind::Parameter || side->kind == ArgValue::Kind::Handle) {
      ArgValue out;
      out.text = side->kind == ArgValue::Kind::Parameter ? "the value joins a parameter with text that is not a constant"
                                                         : "the value joins a variable with text that is not a constant";
      return out;
    }
    std::optional<std::string> piece = runTimePiece(*side, *name);
    if (!piece)
      return *side;
    ArgValue unknown = *side;
    *side = ArgValue{};
    side->kind = ArgValue::Kind::Strings;
    side->strings = {*piece};
    side->source = ArgValue::Source::Pattern;
    side->text = unknown.text; // why, should the pattern have no text of its own
  }
  ArgValue out;
  out.kind = ArgValue::Kind::Strings;
  out.source = lessCertain(left.source, right.source);
  out.setting = !left.setting.empty() ? left.setting : right.setting;
  for (const std::string &x : left.strings)
    for (const std::string &y : right.strings)
      if (out.strings.size() < kMaxStrings)
        out.strings.push_back(x + y);
  if (!partial && out.source == ArgValue::Source::Pattern &&
      std::none_of(out.strings.begin(), out.strings.end(), hasLiteralText)) {
    ArgValue unknown;
    unknown.text = !left.text.empty() ? left.text : right.text;
    return unknown;
  }
  return out;
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

// A walk over the project's own code in the translation unit: library headers skipped,
// template instantiations included. The base of the evaluator's whole-unit scans below.
template <class Derived> class ProjectCodeWalk : public RecursiveASTVisitor<Derived> {
public:
  explicit ProjectCodeWalk(const AstNames &names) : names_(names) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *decl) {
    if (decl && !isa<TranslationUnitDecl>(decl) && names_.inSystemHeader(decl->getLocation()))
      return true;
    return RecursiveASTVisitor<Derived>::TraverseDecl(decl);
  }

protected:
  const AstNames &names_;
};

// Counts, per namespace-scope variable of type `const char *`, the references to it in project
// code and those that only read its value (the operand of an lvalue-to-rvalue conversion).
// Any other reference (an assignment, `&kTopic`, a reference bound to it, ++) may change it.
class GlobalReads : public ProjectCodeWalk<GlobalReads> {
public:
  using ProjectCodeWalk::ProjectCodeWalk;
  bool VisitDeclRefExpr(DeclRefExpr *ref) {
    if (auto *var = candidate(ref))
      ++references[var];
    return true;
  }
  bool VisitMemberExpr(MemberExpr *member) { // a static data member read through an object
    if (auto *var = candidate(member))
      ++references[var];
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *cast) {
    if (cast->getCastKind() == CK_LValueToRValue)
      if (auto *var = candidate(cast->getSubExpr()->IgnoreParens()))
        ++reads[var];
    return true;
  }
  llvm::DenseMap<const VarDecl *, unsigned> references, reads;

private:
  static const VarDecl *candidate(const Expr *e) {
    const ValueDecl *decl = nullptr;
    if (auto *ref = dyn_cast<DeclRefExpr>(e))
      decl = ref->getDecl();
    else if (auto *member = dyn_cast<MemberExpr>(e))
      decl = member->getMemberDecl();
    auto *var = dyn_cast_or_null<VarDecl>(decl);
    if (!var || !var->hasGlobalStorage() || var->getType().isNull() || !var->getType()->isPointerType())
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
    for (const auto &[var, count] : counter.references)
      if (counter.reads.lookup(var) == count)
        onlyRead_->insert(var);
  }
  return onlyRead_->contains(global);
}

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

// What a run-time piece of a pattern is called: the variable, member or parameter it reads
// (`id_` and `m_id` are `id`), through std::to_string and c_str(); what a getter gets
// (`node->get_name()` is `name`); else "value".
std::string ValueEvaluator::placeholderFor(const Expr *e) {
  for (int i = 0; i < 4 && e; ++i) {
    if (auto *getter = dyn_cast_or_null<CXXMemberCallExpr>(unwrap(e)); getter && getter->getNumArgs() == 0 &&
                                                                      getter->getMethodDecl() &&
                                                                      getter->getMethodDecl()->getIdentifier()) {
      std::string method = getter->getMethodDecl()->getName().str();
      if (method.size() > 4 && method.compare(0, 4, "get_") == 0)
        return method.substr(4);
      if (method.size() > 3 && method.compare(0, 3, "get") == 0 && std::isupper(static_cast<unsigned char>(method[3])))
        return std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(method[3])))) + method.substr(4);
    }
    e = unwrap(e);
    if (auto *call = dyn_cast_or_null<CallExpr>(e); call && call->getNumArgs() == 1 && call->getDirectCallee() &&
                                                     call->getDirectCallee()->getIdentifier() &&
                                                     call->getDirectCallee()->getName() == "to_string")
      e = call->getArg(0);
    else if (auto *member = dyn_cast_or_null<CXXMemberCallExpr>(e); member && member->getNumArgs() == 0)
      e = member->getImplicitObjectArgument(); // name.c_str(), id.str()
    else
      break;
  }
  const NamedDecl *named = nullptr;
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(e))
    named = ref->getDecl();
  else if (auto *member = dyn_cast_or_null<MemberExpr>(e))
    named = member->getMemberDecl();
  std::string name = named && named->getIdentifier() ? named->getName().str() : "";
  if (name.size() > 2 && name.compare(0, 2, "m_") == 0)
    name = name.substr(2);
  while (!name.empty() && name.back() == '_')
    name.pop_back();
  while (!name.empty() && name.front() == '_')
    name.erase(0, 1);
  return name.empty() ? "value" : name;
}

// std::format("orders.{}.placed", id), fmt::format (any inline namespace of fmt), and
// absl::StrCat(a, b, ...): constant arguments are spliced in (integers through the constant
// evaluator), others become `{name}` pieces of a pattern. False when `callee` is none of
// these or its format string is not a constant.
bool ValueEvaluator::evaluateFormat(const CallExpr *call, const FunctionDecl *callee, ArgValue &out,
                                    unsigned depth) const {
  std::string name = callee->getQualifiedNameAsString();
  bool strCat = name == "absl::StrCat";
  bool format = name == "std::format" || (name.rfind("fmt::", 0) == 0 && name.size() > 8 &&
                                          name.compare(name.size() - 8, 8, "::format") == 0);
  if ((!strCat && !format) || call->getNumArgs() == 0)
    return false;
  // One argument's value as pattern text: its constants, an integer's digits, or `{name}`.
  auto piece = [&](const Expr *arg) {
    ArgValue v = evaluate(arg, depth + 1);
    if (v.kind == ArgValue::Kind::Strings)
      return v;
    if (v.kind == ArgValue::Kind::Parameter) { // not forwarded through a format: a run-time piece
      v.kind = ArgValue::Kind::Unknown;
      v.text = "the value is formatted from a parameter";
    }
    Expr::EvalResult number;
    if (arg && !arg->isValueDependent() && !arg->getType().isNull() && arg->getType()->isIntegralOrEnumerationType() &&
        arg->EvaluateAsInt(number, context_)) {
      ArgValue digits;
      digits.kind = ArgValue::Kind::Strings;
      digits.strings = {llvm::toString(number.Val.getInt(), 10, number.Val.getInt().isSigned())};
      return digits;
    }
    return v;
  };
  ArgValue text;
  text.kind = ArgValue::Kind::Strings;
  text.strings = {""};
  if (strCat) {
    for (unsigned i = 0; i < call->getNumArgs(); ++i)
    {
      text = concatenate(text, piece(call->getArg(i)), "", placeholderFor(call->getArg(i)), true);
      if (text.kind != ArgValue::Kind::Strings)
        return false;
    }
    out = concatenate(text, constant(""), "", ""); // whole: a pattern needs text of its own
    return true;
  }
  ArgValue pattern = evaluate(call->getArg(0), depth + 1);
  if (pattern.kind != ArgValue::Kind::Strings || pattern.strings.size() != 1)
    return false;
  const std::string &f = pattern.strings.front();
  unsigned next = 0;
  std::string literal;
  auto flush = [&] {
    ArgValue l;
    l.kind = ArgValue::Kind::Strings;
    l.strings = {literal};
    text = concatenate(text, l, "", "", true);
    literal.clear();
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if ((f[i] == '{' || f[i] == '}') && i + 1 < f.size() && f[i + 1] == f[i]) { // {{ and }}
      literal += f[i++];
      continue;
    }
    if (f[i] != '{') {
      literal += f[i];
      continue;
    }
    size_t close = f.find('}', i);
    if (close == std::string::npos)
      return false;
    std::string field = f.substr(i + 1, close - i - 1);
    std::string index = field.substr(0, field.find(':'));
    unsigned argument = next++;
    if (!index.empty()) {
      if (!std::all_of(index.begin(), index.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false; // a named field (fmt::arg): not followed
      argument = static_cast<unsigned>(std::stoul(index.substr(0, 6)));
    }
    if (1 + argument >= call->getNumArgs())
      return false;
    flush();
    const Expr *arg = call->getArg(1 + argument);
    text = concatenate(text, piece(arg), "", placeholderFor(arg), true);
    if (text.kind != ArgValue::Kind::Strings)
      return false;
    i = close;
  }
  flush();
  out = concatenate(text, constant(""), "", ""); // whole: a pattern needs text of its own
  return true;
}

const ExtractOptions::SettingApi *ValueEvaluator::settingApiOf(const CallExpr *call) const {
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (auto *member = dyn_cast_or_null<CXXMemberCallExpr>(call))
    callee = member->getMethodDecl();
  if (!callee || options_.settingApis.empty())
    return nullptr;
  const ExtractOptions::SettingApi *best = nullptr;
  unsigned bestUses = 0;
  for (const std::string &name : namesOf(callee)) {
    auto [begin, end] = options_.settingApis.equal_range(name);
    for (auto it = begin; it != end; ++it) {
      const ExtractOptions::SettingApi &api = it->second;
      unsigned uses = std::max({api.name, api.defaultArg.value_or(0), api.out.value_or(0)}) + 1;
      if (uses <= call->getNumArgs() && (!best || uses > bestUses)) {
        best = &api;
        bestUses = uses;
      }
    }
  }
  return best;
}

ArgValue ValueEvaluator::settingValue(const std::string &name, const ArgValue *fallback, unsigned depth) const {
  ArgValue value;
  value.setting = name;
  if (auto it = options_.parameters.find(name); it != options_.parameters.end()) {
    value.kind = ArgValue::Kind::Strings;
    value.strings = {it->second};
    value.source = ArgValue::Source::Configured;
    return value;
  }
  if (fallback && fallback->kind == ArgValue::Kind::Strings) {
    value.kind = ArgValue::Kind::Strings;
    value.strings = fallback->strings;
    value.source = ArgValue::Source::Default;
    return value;
  }
  if (!readingSettings_)
    if (auto it = settings().declaredDefaults.find(name); it != settings().declaredDefaults.end()) {
      ArgValue declared = evaluate(it->second, depth + 1);
      if (declared.kind == ArgValue::Kind::Strings) {
        declared.source = ArgValue::Source::Default;
        declared.setting = name;
        return declared;
      }
    }
  value.text = "the value is read from setting '" + name + "', which has no default in the code (give it in `parameters:`)";
  return value;
}

ArgValue ValueEvaluator::readSetting(const CallExpr *call, const ExtractOptions::SettingApi &api, unsigned depth) const {
  ArgValue name = evaluate(call->getArg(api.name), depth + 1);
  if (name.kind != ArgValue::Kind::Strings || name.strings.size() != 1) {
    ArgValue value;
    value.text = "the value is read from a setting whose name is not a constant";
    return value;
  }
  std::optional<ArgValue> fallback;
  if (api.defaultArg && *api.defaultArg < call->getNumArgs() && !isa<CXXDefaultArgExpr>(call->getArg(*api.defaultArg)))
    fallback = evaluate(call->getArg(*api.defaultArg), depth + 1);
  return settingValue(name.strings.front(), fallback ? &*fallback : nullptr, depth);
}

// A variable a configuration read writes: that setting, with the call's default, else the
// variable's own initial value (`std::string topic = "scan"; nh.getParam("topic", topic);`).
ArgValue ValueEvaluator::writtenSetting(const ValueDecl *decl, const Expr *initial, unsigned depth) const {
  const SettingWrite &write = settings().written.find(decl)->second;
  std::optional<ArgValue> fallback;
  if (write.defaultValue)
    fallback = evaluate(write.defaultValue, depth + 1);
  else if (initial)
    fallback = evaluate(initial, depth + 1);
  if (fallback && (fallback->kind != ArgValue::Kind::Strings || (fallback->strings.size() == 1 && fallback->strings[0].empty())))
    fallback.reset(); // `std::string topic;` or `= ""`: no default at all
  return settingValue(write.name, fallback ? &*fallback : nullptr, depth);
}

namespace {

// Every configuration read in project code: what ValueEvaluator::settings() collects.
class SettingReads : public ProjectCodeWalk<SettingReads> {
public:
  using Found = std::function<void(const CallExpr *, const Expr *assignedTo)>;
  SettingReads(const AstNames &names, Found found) : ProjectCodeWalk(names), found_(std::move(found)) {}
  bool VisitCallExpr(CallExpr *call) {
    found_(call, nullptr);
    return true;
  }
  // `prefix_ = nh.param("prefix", std::string(""))`: the variable holds that setting.
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->getOpcode() == BO_Assign)
      assigned(op->getLHS(), op->getRHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() == OO_Equal && op->getNumArgs() == 2)
      assigned(op->getArg(0), op->getArg(1));
    return true;
  }

private:
  void assigned(const Expr *target, const Expr *value) {
    if (auto *call = dyn_cast_or_null<CallExpr>(ValueEvaluator::unwrap(value)))
      found_(call, target);
  }
  Found found_;
};

} // namespace

const ValueEvaluator::Settings &ValueEvaluator::settings() const {
  if (settings_)
    return *settings_;
  settings_.emplace();
  if (options_.settingApis.empty())
    return *settings_;
  readingSettings_ = true;
  Settings found;
  SettingReads reads(names_, [&](const CallExpr *call, const Expr *assignedTo) {
    const ExtractOptions::SettingApi *api = settingApiOf(call);
    if (!api || (assignedTo && api->out))
      return;
    ArgValue name = evaluate(call->getArg(api->name), 0);
    if (name.kind != ArgValue::Kind::Strings || name.strings.size() != 1)
      return;
    const Expr *fallback = api->defaultArg && !isa<CXXDefaultArgExpr>(call->getArg(*api->defaultArg))
                               ? call->getArg(*api->defaultArg)
                               : nullptr;
    if (fallback && !assignedTo)
      found.declaredDefaults.emplace(name.strings.front(), fallback); // the first declaration wins
    if (!api->out && !assignedTo)
      return;
    const Expr *out = unwrap(assignedTo ? assignedTo : call->getArg(*api->out));
    if (auto *op = dyn_cast_or_null<UnaryOperator>(out); op && op->getOpcode() == UO_AddrOf)
      out = unwrap(op->getSubExpr()); // a pointer to the variable
    const Decl *written = nullptr;
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(out))
      written = ref->getDecl()->getCanonicalDecl();
    else if (auto *member = dyn_cast_or_null<MemberExpr>(out))
      written = member->getMemberDecl()->getCanonicalDecl();
    if (written && !isa<ParmVarDecl>(written))
      found.written.try_emplace(written, SettingWrite{name.strings.front(), fallback});
  });
  reads.TraverseDecl(context_.getTranslationUnitDecl());
  readingSettings_ = false;
  *settings_ = std::move(found);
  return *settings_;
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
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->isAssignmentOp())
      note(op->getLHS(), op->getOpcode() == BO_Assign ? op->getRHS() : nullptr);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *op) {
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
    if (method && !method->isConst() && call->getImplicitObjectArgument())
      note(call->getImplicitObjectArgument(), nullptr);
    return true;
  }
  bool VisitCallExpr(CallExpr *call) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee || isa<CXXOperatorCallExpr>(call))
      return true;
    for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams(); ++i) {
      QualType type = callee->getParamDecl(i)->getType();
      if (!type.isNull() && type->isReferenceType() && !type.getNonReferenceType().isConstQualified())
        note(call->getArg(i), nullptr);
    }
    return true;
  }
  llvm::DenseMap<const FieldDecl *, std::vector<const Expr *>> writes;
  llvm::DenseSet<const FieldDecl *> other;

private:
  void note(const Expr *target, const Expr *value) {
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

const std::vector<const Expr *> *ValueEvaluator::memberWrites(const FieldDecl *field) const {
  if (!memberWrites_) {
    MemberWrites found(names_);
    found.TraverseDecl(context_.getTranslationUnitDecl());
    memberWrites_ = std::move(found.writes);
    otherwiseWritten_ = std::move(found.other);
  }
  if (otherwiseWritten_.contains(field))
    return nullptr;
  auto it = memberWrites_->find(field);
  return it == memberWrites_->end() ? nullptr : &it->second;
}

} // namespace eventscope
