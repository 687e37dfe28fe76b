#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/libraries/abseil_flags.h"
#include "analyzer/cpp/libraries/buffer_views.h"
#include "analyzer/cpp/libraries/gflags.h"
#include "analyzer/cpp/libraries/program_options.h"
#include "analyzer/cpp/libraries/qt_strings.h"
#include "analyzer/cpp/shim_filesystem.h"
#include "analyzer/cpp/stand_ins.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/APValue.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/ScopeExit.h>
#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <functional>
#include <set>

namespace eventscope {

using namespace clang;

namespace {

bool isSmartPointer(const std::string &name) {
  return name == "shared_ptr" || name == "weak_ptr" || name == "unique_ptr";
}

// Functions that hand back their argument: the value is the argument's. The smart pointer
// casts too (`std::dynamic_pointer_cast<Publisher<PointCloud2>>(GetCurrentPublisher(h))` of
// livox_ros2_driver, a publisher kept as a PublisherBase): the same object, as another type.
bool returnsItsArgument(const FunctionDecl *callee) {
  if (!callee || !callee->getIdentifier())
    return false;
  llvm::StringRef name = callee->getName();
  const bool pointerCast = name == "dynamic_pointer_cast" || name == "static_pointer_cast" ||
                           name == "const_pointer_cast" || name == "reinterpret_pointer_cast";
  if (!callee->isInStdNamespace()) {
    const auto *space = dyn_cast<NamespaceDecl>(callee->getDeclContext());
    return pointerCast && space && space->getIdentifier() && space->getName() == "boost";
  }
  return name == "move" || name == "forward" || name == "as_const" || name == "ref" || name == "cref" || pointerCast;
}

// rclcpp's `get_node_topics_interface()->resolve_topic_name(name)` (leo_robot-ros2) and
// `node_base->resolve_topic_or_service_name(name, false)` (image_pipeline): the name resolved
// in the node's namespace, which is what the endpoint's own resolution does with it.
bool resolvesRosName(const CXXMethodDecl *method) {
  if (!method || !method->getIdentifier())
    return false;
  const std::string owner = method->getParent()->getQualifiedNameAsString();
  return (method->getName() == "resolve_topic_name" && owner == "rclcpp::node_interfaces::NodeTopicsInterface") ||
         (method->getName() == "resolve_topic_or_service_name" && owner == "rclcpp::node_interfaces::NodeBaseInterface");
}

// The expression a braced list gives `field` of the object `object` names, when that object
// is a variable or member made from such a list (its initialiser or default member
// initialiser, [dcl.init.aggr]: bases first, then one element per field). Null otherwise.
const Expr *aggregateElement(const Expr *object, const FieldDecl *field) {
  const Expr *bare = object ? object->IgnoreParenImpCasts() : nullptr;
  const Decl *decl = nullptr;
  if (auto *member = dyn_cast_or_null<MemberExpr>(bare))
    decl = member->getMemberDecl();
  else if (auto *ref = dyn_cast_or_null<DeclRefExpr>(bare))
    decl = ref->getDecl();
  const Expr *init = nullptr;
  if (auto *member = dyn_cast_or_null<FieldDecl>(decl))
    init = member->getInClassInitializer();
  else if (auto *var = dyn_cast_or_null<VarDecl>(decl))
    init = var->getInit();
  auto *list = dyn_cast_or_null<InitListExpr>(init ? init->IgnoreImplicit() : nullptr);
  if (!list)
    return nullptr;
  if (const InitListExpr *semantic = list->getSemanticForm())
    list = const_cast<InitListExpr *>(semantic);
  const auto *record = dyn_cast_or_null<CXXRecordDecl>(field->getParent());
  if (!record || list->getType().isNull() || list->getType()->getAsCXXRecordDecl() != record)
    return nullptr;
  const unsigned index = record->getNumBases() + field->getFieldIndex();
  return index < list->getNumInits() ? list->getInit(index) : nullptr;
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

// A fluent builder's setter: a method every return of which is its own object (`return
// *this;`, through casts: CRTP's `static_cast<Derived &>(*this)`). A method whose body is not
// visible (a library's .cpp) counts when it returns a reference to its own class, the
// fluent convention (`MessageBuilder &partition(int)`), and so does one returning a class
// derived from its own (CRTP's `Concrete &`).
bool returnsItsObject(const CXXMethodDecl *method, unsigned depth = 0) {
  if (!method || method->isStatic() || method->getReturnType().isNull() ||
      !method->getReturnType()->isLValueReferenceType() || depth > 4)
    return false;
  const FunctionDecl *definition = method->getDefinition();
  const Stmt *body = definition ? definition->getBody() : nullptr;
  if (!body) {
    // Declared only: a reference to its own class, or to a class derived from it (the CRTP
    // builders of cppkafka return `Concrete &`).
    const CXXRecordDecl *returned = method->getReturnType()->getPointeeCXXRecordDecl();
    const CXXRecordDecl *own = method->getParent();
    return returned && (returned->getCanonicalDecl() == own->getCanonicalDecl() ||
                        (returned->hasDefinition() && returned->isDerivedFrom(own)));
  }
  using namespace clang::ast_matchers;
  auto returns = match(findAll(returnStmt().bind("r")), *body, definition->getASTContext());
  if (returns.empty())
    return false;
  for (const BoundNodes &found : returns) {
    const Expr *value = found.getNodeAs<ReturnStmt>("r")->getRetValue();
    value = value ? ValueEvaluator::unwrap(value) : nullptr;
    // `return static_cast<Concrete &>(*this);`
    if (auto *cast = dyn_cast_or_null<CXXNamedCastExpr>(value))
      value = ValueEvaluator::unwrap(cast->getSubExpr());
    // `return get_concrete();`, itself returning its object.
    if (auto *call = dyn_cast_or_null<CXXMemberCallExpr>(value);
        call && isa<CXXThisExpr>(call->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
        returnsItsObject(call->getMethodDecl(), depth + 1))
      continue;
    auto *deref = dyn_cast_or_null<UnaryOperator>(value);
    if (!deref || deref->getOpcode() != UO_Deref || !isa<CXXThisExpr>(deref->getSubExpr()->IgnoreParenImpCasts()))
      return false;
  }
  return true;
}

// The argument of `call` that its method stores into `field` (`field = param;`, through
// std::move): a builder's setter. Null when it stores none, or more than one.
// Whether `e` reads a parameter of a method of `record` (not a lambda's or a free function's).
bool usesParameterOfMethodOf(const Stmt *e, const RecordDecl *record) {
  if (!e)
    return false;
  if (auto *ref = dyn_cast<DeclRefExpr>(e))
    if (auto *parameter = dyn_cast<ParmVarDecl>(ref->getDecl()))
      if (auto *method = dyn_cast_or_null<CXXMethodDecl>(parameter->getDeclContext()))
        return method->getParent() == record;
  for (const Stmt *child : e->children())
    if (usesParameterOfMethodOf(child, record))
      return true;
  return false;
}

const Expr *argumentStoredIn(const CXXMemberCallExpr *call, const FieldDecl *field) {
  const CXXMethodDecl *method = call->getMethodDecl();
  const FunctionDecl *definition = method ? method->getDefinition() : nullptr;
  const Stmt *body = definition ? definition->getBody() : nullptr;
  if (!body)
    return nullptr;
  using namespace clang::ast_matchers;
  auto thisMember = memberExpr(member(equalsNode(field)), hasObjectExpression(ignoringParenImpCasts(cxxThisExpr())));
  auto stores = match(findAll(expr(anyOf(binaryOperator(hasOperatorName("="), hasLHS(thisMember)),
                                         cxxOperatorCallExpr(hasOverloadedOperatorName("="), hasArgument(0, thisMember))))
                                  .bind("store")),
                      *body, definition->getASTContext());
  if (stores.size() != 1)
    return nullptr;
  const Expr *store = stores.front().getNodeAs<Expr>("store");
  const Expr *value = nullptr;
  if (auto *op = dyn_cast<BinaryOperator>(store))
    value = op->getRHS();
  else if (auto *op = dyn_cast<CXXOperatorCallExpr>(store); op && op->getNumArgs() == 2)
    value = op->getArg(1);
  auto *ref = dyn_cast_or_null<DeclRefExpr>(value ? ValueEvaluator::unwrap(value) : nullptr);
  auto *param = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
  if (!param || param->getFunctionScopeIndex() >= call->getNumArgs())
    return nullptr;
  return call->getArg(param->getFunctionScopeIndex());
}

// The string literal a class's conversion operator returns, when that is all it does.
const StringLiteral *convertsToLiteral(const CXXRecordDecl *record) {
  if (!record || !record->hasDefinition())
    return nullptr;
  for (const CXXMethodDecl *method : record->methods()) {
    auto *conversion = dyn_cast<CXXConversionDecl>(method);
    auto *body = dyn_cast_or_null<CompoundStmt>(conversion && conversion->hasBody() ? conversion->getBody() : nullptr);
    if (!body || body->size() != 1)
      continue;
    auto *ret = dyn_cast<ReturnStmt>(body->body_back());
    const Expr *e = ret && ret->getRetValue() ? ValueEvaluator::unwrap(ret->getRetValue()) : nullptr;
    if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1)
      e = ValueEvaluator::unwrap(construct->getArg(0)); // basic_string_view<char>("x")
    else if (auto *call = dyn_cast_or_null<CallExpr>(e); call && call->getNumArgs() == 1)
      e = ValueEvaluator::unwrap(call->getArg(0)); // fmt 9: compile_string_to_view<char>("x")
    if (auto *literal = dyn_cast_or_null<StringLiteral>(e))
      return literal;
  }
  return nullptr;
}

// A standard sequence or set of text (`std::vector<std::string>`, `std::set<std::string>`).
bool namesContainer(clang::QualType type) {
  const auto *record = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      type.isNull() ? nullptr : type.getNonReferenceType()->getAsCXXRecordDecl());
  static const std::set<llvm::StringRef> sequences = {"vector", "deque", "list", "set", "unordered_set"};
  return record && record->isInStdNamespace() && record->getIdentifier() && sequences.count(record->getName()) &&
         record->getTemplateArgs().size() >= 1 && record->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type &&
         ValueEvaluator::isStringLike(record->getTemplateArgs()[0].getAsType());
}

// An element that is an object (a class, or a pointer to one) but not text: a messaging
// object kept in a container (`std::vector<lib::Pub> pubs_`), read as its element handle.
bool objectElement(clang::QualType type) {
  if (type.isNull())
    return false;
  type = type.getNonReferenceType();
  if (type->isPointerType())
    type = type->getPointeeType();
  const clang::CXXRecordDecl *record = type->getAsCXXRecordDecl();
  // (a smart pointer to one: rclcpp's `Publisher<T>::SharedPtr` kept in a vector)
  if (auto *pointer = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
      pointer && pointer->isInStdNamespace() && pointer->getIdentifier() &&
      (pointer->getName() == "shared_ptr" || pointer->getName() == "unique_ptr") &&
      pointer->getTemplateArgs().size() >= 1 &&
      pointer->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type)
    return objectElement(pointer->getTemplateArgs()[0].getAsType());
  return record && !ValueEvaluator::isStringLike(type) && !record->isInStdNamespace();
}

// An element of the member container `queue` (queueKey) as the resolver reads it: the handle
// `<queue>@elem:<piece>` (piece "" for the whole element, "0"/"1" for a pair's), named `name`
// in a pattern, keeping `outer`'s type.
ArgValue elementHandle(const std::string &queue, const std::string &piece, const std::string &name,
                       const ArgValue &outer) {
  ArgValue value = outer;
  value.kind = ArgValue::Kind::Handle;
  value.text = queue + "@elem:" + piece;
  value.name = name;
  return value;
}

// The element a constant `index` picks from a container initialised by a braced list
// (`std::vector<std::string> v{"a", "b"}`, `std::array<...> a{{...}}`). Null otherwise.
const Expr *elementOf(const Expr *init, const Expr *index, const ASTContext &context) {
  Expr::EvalResult result;
  if (!index || index->isValueDependent() || !index->EvaluateAsInt(result, context))
    return nullptr;
  std::vector<const Expr *> elements = ValueEvaluator::bracedElements(init);
  llvm::APSInt position = result.Val.getInt();
  if (position.isNegative() || position.getZExtValue() >= elements.size())
    return nullptr;
  return elements[position.getZExtValue()];
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

std::vector<const Expr *> ValueEvaluator::bracedElements(const Expr *init) {
  const Expr *list = unwrap(init);
  if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(list); construct && construct->getNumArgs() >= 1)
    list = unwrap(construct->getArg(0)); // std::vector's initializer_list constructor
  if (auto *std = dyn_cast_or_null<CXXStdInitializerListExpr>(list))
    list = unwrap(std->getSubExpr());
  auto *elements = dyn_cast_or_null<InitListExpr>(list);
  if (elements && elements->getNumInits() == 1 && isa<InitListExpr>(elements->getInit(0)->IgnoreImplicit()))
    elements = cast<InitListExpr>(elements->getInit(0)->IgnoreImplicit()); // std::array's inner braces
  if (!elements)
    return {};
  return std::vector<const Expr *>(elements->inits().begin(), elements->inits().end());
}

bool ValueEvaluator::stringContainer(QualType type) {
  const auto *record = type.isNull() ? nullptr : type.getNonReferenceType()->getAsCXXRecordDecl();
  static const std::set<llvm::StringRef> sequences = {"vector", "array", "deque", "list", "set", "unordered_set"};
  const auto *specialization = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
  if (!specialization || !record->isInStdNamespace() || !record->getIdentifier() ||
      !sequences.count(record->getName()) || specialization->getTemplateArgs().size() == 0 ||
      specialization->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  return isStringLike(specialization->getTemplateArgs()[0].getAsType());
}

// Which parameter a function returns unchanged but for its type, when its body is one
// `return` (beside declarations and assertions) of that parameter, maybe cast or passed as
// the first argument of a constructor: `return const_buffer(static_cast<const C *>(data), N - 1)`.
std::optional<unsigned> ValueEvaluator::passedThrough(const FunctionDecl *callee) {
  const FunctionDecl *definition = callee ? callee->getDefinition() : nullptr;
  auto *body = dyn_cast_or_null<CompoundStmt>(definition ? definition->getBody() : nullptr);
  if (!body)
    return std::nullopt;
  const ReturnStmt *only = nullptr;
  for (const Stmt *statement : body->body()) {
    if (auto *ret = dyn_cast<ReturnStmt>(statement)) {
      if (only)
        return std::nullopt;
      only = ret;
    } else if (!isa<DeclStmt>(statement) && !isa<NullStmt>(statement)) {
      return std::nullopt; // anything that may change what is returned
    }
  }
  const Expr *e = only && only->getRetValue() ? unwrap(only->getRetValue()) : nullptr;
  for (int step = 0; e && step < 4; ++step) {
    if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
      if (auto *param = dyn_cast<ParmVarDecl>(ref->getDecl()); param && param->getDeclContext() == definition)
        return param->getFunctionScopeIndex();
      return std::nullopt;
    }
    if (auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1)
      e = unwrap(construct->getArg(0));
    else if (auto *cast = dyn_cast<ExplicitCastExpr>(e))
      e = unwrap(cast->getSubExpr());
    else
      return std::nullopt;
  }
  return std::nullopt;
}

// The name a constant argument is written with, for `after_tag` and `when` in `apis`: an
// enumerator, a constexpr variable (`zmq::sockopt::subscribe`, maybe copied into the
// parameter), or the macro an integer literal comes from (`ZMQ_SUBSCRIBE`, `ZMQ_SNDMORE`).
// Unqualified; "" for anything else.
std::string ValueEvaluator::tagName(const Expr *e) const {
  if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e);
      construct && construct->getNumArgs() == 1 && construct->getConstructor()->isCopyOrMoveConstructor())
    e = unwrap(construct->getArg(0));
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(e)) {
    if (isa<EnumConstantDecl>(ref->getDecl()))
      return ref->getDecl()->getNameAsString();
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->isConstexpr())
      return var->getNameAsString();
  }
  if (auto *literal = dyn_cast_or_null<IntegerLiteral>(e); literal && literal->getLocation().isMacroID())
    return Lexer::getImmediateMacroName(literal->getLocation(), context_.getSourceManager(), context_.getLangOpts()).str();
  return "";
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
    else if (auto *x = dyn_cast<CXXMemberCallExpr>(e); x && x->getNumArgs() >= 1 && resolvesRosName(x->getMethodDecl()))
      e = x->getArg(0); // the node resolves the name as it resolves every name it is given (ros_names.h)
    else if (auto *x = dyn_cast<CXXMemberCallExpr>(e); x && isa_and_nonnull<CXXConversionDecl>(x->getMethodDecl()) &&
                                                       x->getMethodDecl()->getParent()->getName() == kUnknownValueType)
      e = x->getImplicitObjectArgument(); // a stand-in value of a missing header, converted to what the call takes
    else
      return e;
  }
  return e;
}

// `"/" + name + "/input"`: the inner `"/" + name` is a part, which needs no text of its own
// (`/{name}` alone would stand for every one-segment channel; as a part it keeps its `/`).
ArgValue ValueEvaluator::concatenation(const Expr *plus, unsigned depth, bool partial) const {
  const Expr *left = nullptr, *right = nullptr;
  if (!stringPlus(plus, left, right))
    return evaluate(plus, depth + 1);
  auto side = [&](const Expr *arg) {
    if (const Expr *l, *r; depth < kMaxEvaluationDepth && stringPlus(unwrap(arg), l, r))
      return concatenation(unwrap(arg), depth + 1, true);
    return evaluate(arg, depth + 1);
  };
  return concatenate(side(left), side(right), placeholderFor(left), placeholderFor(right), partial);
}

// `a + b` of strings: std::string's operator+, or, where a piece did not compile (a member of
// a missing header's type: `name_ + "/" + camera_[i]->Name() + "/image_raw"` of
// gazebo_ros_camera, held-back ROS 2 set, session 45), the `+` Clang keeps with a dependent
// type, when a side is text. The operands in `left` and `right`.
bool ValueEvaluator::stringPlus(const Expr *e, const Expr *&left, const Expr *&right) {
  if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Plus && op->getNumArgs() == 2) {
    left = op->getArg(0);
    right = op->getArg(1);
    return true;
  }
  auto *add = dyn_cast_or_null<BinaryOperator>(e);
  if (!add || add->getOpcode() != BO_Add || !add->containsErrors() || !add->getType()->isDependentType())
    return false;
  std::function<bool(const Expr *)> text = [&](const Expr *side) {
    side = side->IgnoreParenImpCasts();
    if (isa<StringLiteral>(side) || (!side->getType().isNull() && !side->getType()->isDependentType() &&
                                     isStringLike(side->getType()) && !side->getType()->isPointerType()))
      return true;
    const Expr *l, *r;
    return stringPlus(side, l, r) && (text(l) || text(r));
  };
  if (!text(add->getLHS()) && !text(add->getRHS()))
    return false;
  left = add->getLHS();
  right = add->getRHS();
  return true;
}

bool ValueEvaluator::isStringLike(QualType type) {
  if (type.isNull())
    return false;
  type = type.getNonReferenceType();
  if (type->isPointerType() || type->isArrayType())
    return type->getPointeeOrArrayElementType()->isAnyCharacterType();
  std::string name = typeName(type);
  return name == "basic_string" || name == "basic_string_view" || isQtTextType(name) ||
         textClass(type->getAsCXXRecordDecl());
}

// A library's or project's own string class (acl::string, MFC's CString, wxString): made
// from a `const char *` and read back as one (`operator const char *`, or `c_str()`), so
// the text it is made from is the text it gives (`static acl::string key = "stream_key";
// redis.xadd(key, ...)`).
bool ValueEvaluator::textClass(const CXXRecordDecl *record) {
  if (!record || !record->hasDefinition() || record->isInStdNamespace())
    return false;
  record = record->getDefinition();
  auto charPointer = [](QualType type) {
    type = type.isNull() ? type : type.getNonReferenceType();
    return !type.isNull() && type->isPointerType() && type->getPointeeType()->isCharType() &&
           type->getPointeeType().isConstQualified();
  };
  bool made = false, read = false;
  for (const CXXConstructorDecl *ctor : record->ctors())
    made = made || (ctor->getNumParams() >= 1 && ctor->getMinRequiredArguments() <= 1 &&
                    charPointer(ctor->getParamDecl(0)->getType()));
  if (!made)
    return false;
  for (const CXXMethodDecl *method : record->methods()) {
    if (auto *conversion = dyn_cast<CXXConversionDecl>(method))
      read = read || charPointer(conversion->getConversionType());
    else if (method->getIdentifier() && method->getName() == "c_str" && method->getNumParams() == 0)
      read = read || charPointer(method->getReturnType());
  }
  return read;
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
  // A concatenation that Clang resolved is read piece by piece: a piece that did not compile
  // is a run-time piece beside the text that did (concatenate).
  auto *plus = dyn_cast_or_null<CXXOperatorCallExpr>(e);
  const Expr *left = nullptr, *right = nullptr;
  bool resolvedConcatenation = (plus && plus->getOperator() == OO_Plus && plus->getNumArgs() == 2 &&
                                plus->getDirectCallee() && isStringLike(plus->getType())) ||
                               (isa_and_nonnull<BinaryOperator>(e) && stringPlus(e, left, right));
  // A variable initialised by such a `+` (Clang marks the reference as holding errors too).
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(e); ref && !resolvedConcatenation)
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->getInit())
      resolvedConcatenation = isa<BinaryOperator>(unwrap(var->getInit())) && stringPlus(unwrap(var->getInit()), left, right);
  if (e && !isa<ParenListExpr>(e) && e->containsErrors() && !resolvedConcatenation) {
    value.text = kNotCompiled;
    return value;
  }
  if (isa<RecoveryExpr>(e) || isa<ParenListExpr>(e)) {
    value.text = isa<RecoveryExpr>(e) ? kNotCompiled : "the value depends on a template parameter";
    return value;
  }
  // An argument the call leaves to its default (`run(ms)` of `run(ms, std::string stream = "gq")`).
  if (auto *given = dyn_cast<CXXDefaultArgExpr>(e))
    return withType(evaluate(given->getExpr(), depth + 1), value);
  if (auto *address = dyn_cast<UnaryOperator>(e); address && address->getOpcode() == UO_AddrOf)
    return withType(evaluate(address->getSubExpr(), depth + 1), value); // natsMsg_Create(&msg, ...)
  value.enumName = tagName(e);
  if (auto *literal = dyn_cast<StringLiteral>(e)) {
    value.kind = ArgValue::Kind::Strings;
    value.strings = {literalText(literal)};
    return value;
  }
  if (auto *construct = dyn_cast<CXXConstructExpr>(e))
    return evaluateConstruction(construct, value, depth);
  // `new lib::Pub(1, "out")` (kept in a raw pointer, a unique_ptr, `reset(new ...)`): the
  // object its constructor makes, as without `new`.
  if (auto *created = dyn_cast<CXXNewExpr>(e); created && !created->isArray())
    if (const CXXConstructExpr *construct = created->getConstructExpr())
      return evaluateConstruction(construct, value, depth);
  // `(const Options){.topic = ...}`, a C compound literal (a GNU extension in C++): its list.
  if (auto *compound = dyn_cast<CompoundLiteralExpr>(e); compound && compound->getInitializer())
    return withType(evaluate(compound->getInitializer(), depth + 1), value);
  // `std::string topic{getEnv("TOPIC")}`: braces around one value of the class's own type
  // initialise from that value ([dcl.init.list]/3.2), a copy and not a struct's fields.
  if (auto *list = dyn_cast<InitListExpr>(e); list && list->getNumInits() == 1 && !list->getType().isNull()) {
    const InitListExpr *semantic = list->getSemanticForm() ? list->getSemanticForm() : list;
    const Expr *only = semantic->getNumInits() == 1 ? semantic->getInit(0) : nullptr;
    if (only && (semantic->isTransparent() ||
                 (semantic->getType()->getAsCXXRecordDecl() &&
                  context_.hasSameUnqualifiedType(only->IgnoreImplicit()->getType(), semantic->getType()))))
      return withType(evaluate(only, depth + 1), value);
  }
  // A configuration struct made where it is handed over: its fields (value_structs.cpp).
  if (ArgValue made = value; (isa<InitListExpr>(e) || isa<CXXParenListInitExpr>(e)) && madeStructFields(e, made, depth)) {
    made.text = "the value is a struct, given field by field";
    return made;
  }
  if (auto *list_ = dyn_cast<InitListExpr>(e)) {
    // A struct given its fields (`xreadgroup_args_t args = {"group", "me", {{"jobs"}, {">"}}}`):
    // the fields are different things, not alternative names. std::array (one array field)
    // and a struct of one field are their elements.
    if (const RecordDecl *record = list_->getType().isNull() ? nullptr : list_->getType()->getAsRecordDecl())
      if (std::distance(record->field_begin(), record->field_end()) > 1) {
        value.text = "the value is struct '" + record->getNameAsString() + "', given field by field; eventscope reads a channel "
                     "from text, not from a struct's fields";
        return value;
      }
    return evaluateElements(list_->inits(), value, depth);
  }
  if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
    // `for (const auto &[field, topic] : topics)` over a constant map: each mapped value.
    if (ArgValue each; isa<BindingDecl>(ref->getDecl()) && iteratedMapValue(ref, each, depth))
      return withType(each, value);
    // A local string given constants one after another (`topic = "a/first"; sub(topic);
    // topic = "a/second"; sub(topic);`): the one given last on the way to this use.
    // Then text appended on the way (`topic += "/"; topic += name;`): a longer name.
    std::vector<const Expr *> appended;
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl());
        var && (var->isLocalVarDecl() || (var->hasGlobalStorage() && !var->isStaticDataMember() &&
                                          !var->getType().isConstQualified())) &&
        isStringLike(var->getType())) {
      // Only ever extracted into by a `>>` that did not compile besides its initialiser
      // (`std::string output_name("output"); if (doc["publisher"]) doc["publisher"] >>
      // output_name;` of yaml-cpp's old API, gone from the yaml-cpp installed): a
      // configuration read, the initialiser its default.
      if (ArgValue extracted; var->isLocalVarDecl() && extractedInto(var, extracted, depth))
        return withType(extracted, value);
      if (const Expr *last = lastAssignedBefore(var, ref, var->isLocalVarDecl() ? &appended : nullptr)) {
        if (ArgValue given = builtText(last, appended, depth);
            given.kind == ArgValue::Kind::Strings || (!appended.empty() && given.kind != ArgValue::Kind::Unknown) ||
            given.kind == ArgValue::Kind::Handle)
          return withType(given, value); // ... or a member's value, text around it, or a piece of a queued element
      } else if (var->isLocalVarDecl() && !unchangedLocal(var)) {
        // Given on branches (`if (left) name = "l"; else name = "r";`): each write that reaches.
        if (std::optional<ArgValue> reached = reachingValue(var, ref, depth))
          return withType(*reached, value);
      }
    }
    // A smart pointer declared first and given its object later (`std::shared_ptr<MessageBuilder>
    // b; b = std::shared_ptr<MessageBuilder>(new MessageBuilder(topic));`): the object last
    // given on the way to this use.
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl());
        var && var->isLocalVarDecl() && !var->getType().isNull() && isSmartPointer(typeName(var->getType())))
      if (const Expr *last = lastAssignedBefore(var, ref); last && last != var->getInit())
        if (ArgValue given = evaluate(last, depth + 1); given.kind != ArgValue::Kind::Unknown)
          return withType(given, value);
    // A char buffer printed again and again (`snprintf(topic, n, "gain%02d", i); ...
    // snprintf(topic, n, "input%02d", i); advertise(topic)`): the print last before this use.
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->isLocalVarDecl() && !var->getType().isNull() &&
                                                        var->getType()->isArrayType() &&
                                                        var->getType()->getArrayElementTypeNoTypeQual()->isAnyCharacterType())
      if (auto *print = dyn_cast_or_null<CallExpr>(lastAssignedBefore(var, ref)); print && printfIntoBuffer(print))
        if (ArgValue text; evaluatePrintf(print, *printfIntoBuffer(print), text, depth + 1))
          return withType(text, value);
    ArgValue declared = withType(evaluateDecl(ref->getDecl(), depth), value);
    // A configuration struct or map handed over whole: its fields, its constant keys' values.
    if (!structFields(ref, declared, depth))
      mapFields(ref, declared, depth);
    return declared;
  }
  // A lookup table's element (`names[RC_CONF_MONITOR]` of a namespace-scope map given pairs).
  if (ArgValue table; tableElement(e, table, depth))
    return withType(table, value);
  // A handle kept in a map under its channel's name: the name it is looked up by.
  if (ArgValue keyed; keyedElement(e, keyed, depth))
    return withType(keyed, value);
  // A settings map read by a constant key: the values written under it.
  if (ArgValue setting; settingsMapElement(e, setting, depth))
    return withType(setting, value);
  // ... or an element of a map given where this object or call is made.
  if (ArgValue element; carriedMapElement(e, element, depth))
    return withType(element, value);
  // ... or each value of a constant map a loop walks.
  if (ArgValue each; isa<MemberExpr>(e) && iteratedMapValue(e, each, depth))
    return withType(each, value);
  if (auto *member = dyn_cast<MemberExpr>(e))
    return withFieldOf(member, evaluateMember(member, value, depth), depth);
  // `params_.channel()` of a `Parameter<T>` whose operator() returns its field.
  if (auto *call = dyn_cast<CXXOperatorCallExpr>(e); call && call->getOperator() == OO_Call && call->getNumArgs() == 1)
    if (const FieldDecl *field = fieldReturnedBy(dyn_cast_or_null<CXXMethodDecl>(call->getDirectCallee())))
      if (ArgValue own; fieldOfMadeObject(call->getArg(0), field, own, depth))
        return withType(own, value);
  // Qt's text classes: QStringLiteral, QString::fromUtf8, toStdString, toUtf8().constData(),
  // qPrintable hand on the same text; QString::arg fills the lowest `%N` (qt_strings.h).
  if (auto *call = dyn_cast<CallExpr>(e)) {
    if (const Expr *carried = qtTextCarried(call))
      return withType(evaluate(carried, depth + 1), value);
    if (QtArgCall arg = qtArgCall(call); arg.object && depth < kMaxEvaluationDepth)
      return withType(qtArgFilled(arg, depth), value);
  }
  if (auto *call = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl *method = call->getMethodDecl();
    std::string name = method ? method->getNameAsString() : "";
    const Expr *object = call->getImplicitObjectArgument();
    // `std::string node_name(this->get_name()); ... node_name + "/hot_start"` in a node whose
    // constructor names it (ublox_dgnss): that name (ROS 2's rclcpp::Node::get_name).
    if ((name == "get_name" || name == "get_namespace" || name == "get_fully_qualified_name") && nodeText_ && object &&
        call->getNumArgs() == 0)
      if (std::optional<std::string> text = nodeText_(object, name)) {
        ArgValue node;
        node.kind = ArgValue::Kind::Strings;
        node.strings = {*text};
        return withType(node, value);
      }
    // ROS 1 `nh.resolveName("in")` (image_transport's republish): the name as the handle
    // resolves it, remaps included, which is the name itself given under the handle's
    // namespace; the endpoint made with it then resolves it where its node runs (ROS 1
    // Names, 1.1.2: a resolved name is resolved again to itself).
    if (name == "resolveName" && object && call->getNumArgs() >= 1 && method->getParent()->getName() == "NodeHandle")
      if (ArgValue given = evaluate(call->getArg(0), depth + 1); given.kind == ArgValue::Kind::Strings) {
        std::string space = nodeText_ ? nodeText_(object, "handle_namespace").value_or("") : "";
        if (!space.empty())
          for (std::string &text : given.strings)
            if (!text.empty() && text.front() != '/' && text.front() != '~')
              text = space + (space.back() == '/' || space == "~" ? "" : "/") + text;
        return withType(given, value);
      }
    // ROS 1 `nh.getNamespace()`: the handle's namespace under the node's.
    if (name == "getNamespace" && object && call->getNumArgs() == 0 && method->getParent()->getName() == "NodeHandle" &&
        nodeText_)
      if (std::optional<std::string> space = nodeText_(object, "handle_namespace")) {
        ArgValue text;
        text.kind = ArgValue::Kind::Strings;
        if (!space->empty() && space->front() == '/')
          text.strings = {*space};
        else if (!space->empty() && space->front() == '~')
          text.strings = {std::string(kRosNodeNamePiece) + (space->size() > 1 && (*space)[1] != '/' ? "/" : "") +
                          space->substr(1)};
        else
          text.strings = {std::string(kRosNodeNamespacePiece) + (space->empty() ? "" : "/" + *space)};
        return withType(text, value);
      }
    // A queued topic taken back (`plain_.front()` of a std::deque<std::string> its pushers fill).
    if ((name == "front" || name == "back" || name == "top") &&
        (isStringLike(call->getType()) || objectElement(call->getType())))
      if (std::string queue = queuedElement(call, depth); !queue.empty()) {
        return elementHandle(queue, "", "element", value);
      }
    if ((name == "c_str" || name == "data" || name == "str" || name == "get" || name == "lock") && object &&
        call->getNumArgs() == 0) // weak_pub.lock()->publish(...): the same publisher; not config.get("topic")
      return withType(evaluate(object, depth + 1), value);
    // `std::string(node_->get_name()).append("/sdo_read")` of a temporary (ros2_canopen): its
    // text and the text appended, as `+` is. A named string appended to is a changed local,
    // read as such.
    if (name == "append" && object && call->getNumArgs() == 1 && isStringLike(object->getType()) &&
        !isa<DeclRefExpr>(unwrap(object)) && !isa<MemberExpr>(unwrap(object)) && depth < kMaxEvaluationDepth)
      return withType(concatenate(evaluate(object, depth + 1), evaluate(call->getArg(0), depth + 1),
                                  placeholderFor(object), placeholderFor(call->getArg(0))),
                      value);
    // A fluent builder's setter returns the builder: `MessageBuilder("t").partition(0)` is
    // the handle `MessageBuilder("t")` made.
    if (object && returnsItsObject(method))
      return withType(evaluate(object, depth + 1), value);
    // std::string -> std::string_view (operator basic_string_view), and any conversion of a
    // string to another string type: the same text.
    if (isa_and_nonnull<CXXConversionDecl>(method) && object && isStringLike(object->getType()) &&
        isStringLike(call->getType()))
      return withType(evaluate(object, depth + 1), value);
    // `vm["topic"].as<std::string>()` of Boost.Program_options: the option, with the
    // default_value its declaration in this unit gives.
    if (std::optional<std::string> option = variablesMapRead(dyn_cast<CXXMemberCallExpr>(e))) {
      if (!programOptions_)
        programOptions_ = declaredProgramOptions(context_);
      auto declared = programOptions_->find(*option);
      std::optional<ArgValue> given;
      if (declared != programOptions_->end() && declared->second)
        given = evaluate(declared->second, depth + 1);
      return withType(settingValue(*option, given ? &*given : nullptr, depth), value);
    }
    // get_parameter("topic").as_string(), declare_parameter(...).get<std::string>(): an
    // accessor of a setting's value is that value.
    if (auto *read = dyn_cast_or_null<CallExpr>(object ? unwrap(object) : nullptr);
        read && call->getNumArgs() == 0 && isStringLike(call->getType()) && settingApiOf(read))
      return withType(evaluate(object, depth + 1), value);
    if (const FieldDecl *field = fieldReturnedBy(method)) { // node->get_pub()->publish(...)
      // The field of this very object, when the object is given its fields by a braced list
      // (`Parameter<std::string> channel = {"", "channel", true}; ... params_.channel()`):
      // that list's element, not what every object of the class is given (cpsCore's `host`
      // and `ip` defaults were read as channels).
      if (ArgValue own; fieldOfMadeObject(object, field, own, depth))
        return withType(own, value);
      value.kind = ArgValue::Kind::Handle;
      value.text = names_.keyOf(field);
      return value;
    }
  }
  if (const Expr *left, *right; stringPlus(e, left, right))
    return withType(concatenation(e, depth, false), value);
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Percent)
    if (ArgValue formatted; evaluateBoostFormat(op, formatted, depth))
      return withType(formatted, value);
  if (auto *conditional = dyn_cast<AbstractConditionalOperator>(e)) {
    ArgValue a = evaluate(conditional->getTrueExpr(), depth + 1), b = evaluate(conditional->getFalseExpr(), depth + 1);
    if (a.kind == ArgValue::Kind::Strings && b.kind == ArgValue::Kind::Strings) {
      // A setting `parameters:` gives, or its fallback: the given value wins.
      for (ArgValue *given : {&a, &b})
        if (ArgValue *other = given == &a ? &b : &a;
            given->source == ArgValue::Source::Configured && other->source == ArgValue::Source::Constant)
          return withType(*given, value);
      a.strings.insert(a.strings.end(), b.strings.begin(), b.strings.end());
      a.source = lessCertain(a.source, b.source);
      if (a.setting.empty()) {
        a.setting = b.setting;
        a.settingDefault = b.settingDefault;
        a.settingAt = b.settingAt;
      }
      return withType(a, value);
    }
    // `getenv("TOPIC") ? getenv("TOPIC") : "orders"`, `getenv("TOPIC") ?: "orders"`: a
    // setting with its default.
    for (auto [read, fallback] : {std::pair{&a, &b}, std::pair{&b, &a}})
      if (read->kind == ArgValue::Kind::Unknown && !read->setting.empty() && fallback->kind == ArgValue::Kind::Strings &&
          fallback->source == ArgValue::Source::Constant)
        return withType(settingValue(read->setting, fallback, depth), value);
    // `topics.empty() ? "test-topic" : topics[0]`, `name ? name : "orders"`: the condition
    // tests the very variable the other side reads, so the constant is its default.
    const Expr *arms[2] = {conditional->getTrueExpr(), conditional->getFalseExpr()};
    for (unsigned side = 0; side < 2; ++side) {
      ArgValue &read = side == 0 ? a : b, &fallback = side == 0 ? b : a;
      if (read.kind != ArgValue::Kind::Unknown || fallback.kind != ArgValue::Kind::Strings ||
          fallback.source != ArgValue::Source::Constant)
        continue;
      if (const ValueDecl *tested = testedVariable(conditional->getCond(), arms[side]))
        return withType(settingValue(!read.setting.empty() ? read.setting : tested->getNameAsString(), &fallback, depth),
                        value);
    }
  }
  // kTopics[i], kTopics.at(i) of a const container made from constants
  // (`const std::vector<std::string> kTopics{"a", "b"}`): one of them. A container that is not
  // const may gain other elements later: not followed.
  const auto [container, index] = elementAccess(e);
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(container ? unwrap(container) : nullptr))
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && !isa<ParmVarDecl>(var) && !var->getType().isNull() &&
                                                       var->getInit() && (var->getType().isConstQualified() || unchangedLocal(var))) {
      // A constant index into a braced list: that element; any other index: one of them.
      if (const Expr *element = elementOf(var->getInit(), index, context_)) {
        ArgValue one = evaluate(element, depth + 1);
        if (one.kind == ArgValue::Kind::Strings)
          return withType(one, value);
      }
      ArgValue all = evaluate(var->getInit(), depth + 1);
      if (all.kind == ArgValue::Kind::Strings)
        return withType(all, value);
    }
  // KAFKA_TOPICS[0] of `extern const std::vector<std::string> KAFKA_TOPICS;` whose definition,
  // with its braced list, is in another unit (cppkafka's tests): element 0 of what that unit
  // gives it (`<key>@elem:[0]`, ValueEvaluator::memberValues), any element for another index.
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(container ? unwrap(container) : nullptr))
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->hasGlobalStorage() && !var->isStaticLocal() &&
                                                       !var->getAnyInitializer() && var->getType().isConstQualified() &&
                                                       stringContainer(var->getType())) {
      Expr::EvalResult position;
      bool constant = index && !index->isValueDependent() && index->EvaluateAsInt(position, context_) &&
                      !position.Val.getInt().isNegative();
      return elementHandle(names_.keyOf(var->getCanonicalDecl()),
                           constant ? "[" + std::to_string(position.Val.getInt().getZExtValue()) + "]" : "",
                           var->getNameAsString(), value);
    }
  // pubs_[i] / pubs_.at(i) of a member container of messaging objects (emplace_back'd, or an
  // element assigned): its element handle.
  if (container && objectElement(e->getType()))
    if (std::string queue = elementContainerKey(e); !queue.empty())
      return elementHandle(queue, "", "element", value);
  // topics[i] of a local container only filled (push_back, one `= {...}`): one of its elements.
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(container ? unwrap(container) : nullptr))
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (ArgValue all; filledContainer(var, all, depth) && all.kind != ArgValue::Kind::Unknown)
        return withType(all, value); // a List when some are not text here (a constant of another unit)
  if (auto *call = dyn_cast<CallExpr>(e)) {
    const FunctionDecl *callee = call->getDirectCallee();
    // constexpr and consteval functions: Clang's constant evaluator, not a copy of it.
    if (callee && callee->isConstexpr() && isStringLike(call->getType()) && constantString(call, value))
      return value;
    if (ArgValue formatted; callee && evaluateFormat(call, callee, formatted, depth))
      return withType(formatted, value);
    // std::to_string of an integer Clang can evaluate (`"ifex.rpc." + std::to_string(kId)`),
    // or of a gflags integer flag (`std::to_string(FLAGS_content_id)`): its decimal text,
    // the flag's a setting with the DEFINE's default.
    if (callee && callee->isInStdNamespace() && callee->getIdentifier() && callee->getName() == "to_string" &&
        call->getNumArgs() == 1 && call->getArg(0)->getType()->isIntegerType()) {
      const Expr *number = call->getArg(0)->IgnoreParenImpCasts();
      if (auto *ref = dyn_cast<DeclRefExpr>(number))
        if (std::optional<GflagsNumber> flag = gflagsNumberFlag(dyn_cast<VarDecl>(ref->getDecl()), context_);
            flag && (flag->fallback || options_.parameters.count(flag->name))) { // else a pattern piece, as before
          ArgValue fallback;
          if (flag->fallback) {
            fallback.kind = ArgValue::Kind::Strings;
            fallback.strings = {*flag->fallback};
          }
          return withType(settingValue(flag->name, flag->fallback ? &fallback : nullptr, depth), value);
        }
      if (Expr::EvalResult constant; !number->isValueDependent() && number->EvaluateAsInt(constant, context_)) {
        value.kind = ArgValue::Kind::Strings;
        value.strings = {llvm::toString(constant.Val.getInt(), 10)};
        return value;
      }
    }
    if (const ExtractOptions::SettingApi *setting = settingApiOf(call); setting && !setting->out)
      return withType(readSetting(call, *setting, depth), value);
    // `absl::GetFlag(FLAGS_topic)`: as gflags' FLAGS_topic below.
    if (const VarDecl *flag = abslFlagRead(call)) {
      std::string name = *abslFlagName(flag);
      if (const Expr *fallback = abslFlagDefault(flag)) {
        ArgValue given = evaluate(fallback, depth + 1);
        return withType(settingValue(name, &given, depth), value);
      }
      if (options_.parameters.count(name))
        return withType(settingValue(name, nullptr, depth), value);
      value.kind = ArgValue::Kind::Handle; // the defining unit gives it a value (memberValues)
      value.text = names_.keyOf(flag->getCanonicalDecl());
      value.name = name;
      return value;
    }
    // A function that only hands its parameter back in another type (cppzmq's
    // `zmq::str_buffer("A")`, a project's `Topic(name)` helper): the argument's value.
    if (isBufferView(callee))
      return withType(evaluate(call->getArg(0), depth + 1), value);
    // boost::str(boost::format(...) % a): the formatted text (as `.str()`).
    if (callee && call->getNumArgs() == 1 && callee->getQualifiedNameAsString() == "boost::str")
      return withType(evaluate(call->getArg(0), depth + 1), value);
    // A compile-time string object ({fmt}'s FMT_STRING("x"): a local class whose conversion
    // to a string view returns the literal): that literal.
    if (const CXXRecordDecl *record = call->getType().isNull() ? nullptr : call->getType()->getAsCXXRecordDecl())
      if (const StringLiteral *literal = convertsToLiteral(record)) {
        ArgValue text;
        text.kind = ArgValue::Kind::Strings;
        text.strings = {literalText(literal)};
        return withType(text, value);
      }
    if (ArgValue inlined; callee && inlineCall(call, callee, inlined, depth))
      return withType(inlined, value);
    if (std::optional<unsigned> passed = passedThrough(callee); passed && *passed < call->getNumArgs())
      if (ArgValue inner = evaluate(call->getArg(*passed), depth + 1); inner.kind == ArgValue::Kind::Strings)
        return withType(inner, value);
    std::string name = callee ? callee->getQualifiedNameAsString() : "an unknown function";
    // ROS 1's node namespace and name (`ros::this_node::getNamespace() + "/objects"`, Autoware's
    // visualizers): known where the node is launched; pieces the name resolution replaces.
    if ((name == "ros::this_node::getNamespace" || name == "ros::this_node::getName") && call->getNumArgs() == 0) {
      value.kind = ArgValue::Kind::Strings;
      value.strings = {std::string(name == "ros::this_node::getName" ? kRosNodeNamePiece : kRosNodeNamespacePiece)};
      return value;
    }
    // A copy of a string is the same text (C code keeps topics in strdup'ed fields): libc's
    // strdup and the projects' own of that name (`ast_strdup` of Asterisk, `g_strdup`,
    // `xstrdup`, librdkafka's `rd_strdup`), the string first.
    if (callee && callee->getIdentifier() && callee->getName().ends_with("strdup") && call->getNumArgs() >= 1 &&
        !call->getArg(0)->getType().isNull() &&
        (isStringLike(call->getArg(0)->getType()) || call->getArg(0)->getType()->isPointerType()))
      return withType(evaluate(call->getArg(0), depth + 1), value);
    value.text = (name == "getenv" || name == "std::getenv" || name == "secure_getenv")
                     ? "the value comes from the environment (getenv)"
                     : "the value is the result of a call to " + name;
    value.innerCall = names_.callLocation(call); // perhaps a handle API (mqtt::make_message)
    return value;
  }
  if (auto *subscript = dyn_cast<ArraySubscriptExpr>(e)) {
    // main's argv[N]: a command-line argument, a setting named `argv[N]` (its default is
    // the other side of `argc > N ? argv[N] : "d"`; `parameters:` may give it).
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(unwrap(subscript->getBase())))
      if (auto *param = dyn_cast<ParmVarDecl>(ref->getDecl()); param && param->getFunctionScopeIndex() == 1)
        if (auto *owner = dyn_cast<FunctionDecl>(param->getDeclContext()); owner && owner->isMain())
          if (std::optional<llvm::APSInt> index = subscript->getIdx()->getIntegerConstantExpr(context_)) {
            ArgValue argument = settingValue("argv[" + llvm::toString(*index, 10) + "]", nullptr, depth);
            if (argument.kind == ArgValue::Kind::Unknown)
              argument.text = "the value is command-line argument " + llvm::toString(*index, 10) +
                              " (give it in `parameters:` as argv[" + llvm::toString(*index, 10) + "])";
            return withType(argument, value);
          }
    // subjects[i] of `const char *subjects[] = {"a", "b"}`: one of the array's strings.
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(unwrap(subscript->getBase())))
      if (auto *array = dyn_cast<VarDecl>(ref->getDecl());
          array && !isa<ParmVarDecl>(array) && !array->getType().isNull() && array->getType()->isArrayType() &&
          (array->isLocalVarDecl() || array->getType().isConstQualified()))
        if (const Expr *init = array->getInit(); init && isa<InitListExpr>(unwrap(init))) {
          if (const Expr *element = elementOf(init, subscript->getIdx(), context_)) {
            ArgValue one = evaluate(element, depth + 1);
            if (one.kind == ArgValue::Kind::Strings)
              return withType(one, value);
          }
          ArgValue all = evaluate(init, depth + 1);
          if (all.kind == ArgValue::Kind::Strings)
            return withType(all, value);
        }
    // names[i] of a local array whose elements only assignments give, in a loop
    // (`names[i] = "STREAM" + std::to_string(i)`): one of the values assigned.
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(unwrap(subscript->getBase())))
      if (auto *array = dyn_cast<VarDecl>(ref->getDecl()))
        if (ArgValue given; elementsAssigned(array, given, depth))
          return withType(given, value);
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

ArgValue ValueEvaluator::evaluateElements(llvm::ArrayRef<const Expr *> elements, const ArgValue &value,
                                          unsigned depth) const {
  ArgValue all;
  all.kind = ArgValue::Kind::Strings;
  // Elements that are lists themselves (`{{"TIME"}, {"XREAD", "STREAMS", "s", "0-0"}}`, a
  // batch of Redis commands as word vectors): each its own value, not one run of words.
  auto isList = [](const Expr *e) { return e && !e->getType().isNull() && isSequenceTypeName(typeName(e->getType())); };
  if (elements.size() > 1 && std::all_of(elements.begin(), elements.end(), isList)) {
    ArgValue list = value;
    list.kind = ArgValue::Kind::List;
    for (const Expr *each : elements)
      list.items.push_back(evaluate(each, depth + 1));
    return list;
  }
  for (const Expr *init : elements) {
    ArgValue item = evaluate(init, depth + 1);
    if (item.kind != ArgValue::Kind::Strings && elements.size() == 1)
      return withType(item, value);
    if (item.kind != ArgValue::Kind::Strings) {
      // Values of several kinds (`{a_, b_}`, members a constructor was given): each, for
      // the resolver, rather than the first taken for all.
      ArgValue list = value;
      list.kind = ArgValue::Kind::List;
      for (const Expr *each : elements)
        list.items.push_back(evaluate(each, depth + 1));
      return list;
    }
    if (all.strings.empty() || lessCertain(all.source, item.source) != all.source) {
      all.source = item.source;
      all.setting = item.setting;
      all.settingDefault = item.settingDefault;
      all.settingAt = item.settingAt;
    }
    all.strings.insert(all.strings.end(), item.strings.begin(), item.strings.end());
  }
  return withType(all, value);
}

// std::string(x), std::string_view(x), std::vector<std::string>{...}, copies, smart pointers
// made from a raw pointer or another smart pointer, converting constructors from a string.
ArgValue ValueEvaluator::evaluateConstruction(const CXXConstructExpr *construct, const ArgValue &outer,
                                              unsigned depth) const {
  ArgValue value = outer;
  // A name of a missing header, declared by eventscope's stand-ins as a struct that takes
  // anything (`dotenv::getenv("TOPIC_LOG", "logs")`): what it makes is not known, and its
  // arguments are not its value.
  if (const CXXConstructorDecl *ctor = construct->getConstructor(); ctor && standIn(ctor)) {
    // ... unless eventscope.yaml describes it as a setting (`{function: "dotenv::getenv",
    // role: setting, ...}`): read by that description, as the real function would be.
    const std::string name = ctor->getParent()->getQualifiedNameAsString();
    // A braced list given to a stand-in's constructor (`KafkaConsumer c(b, g, {"topic"})`):
    // its element, or each of its elements (a list of topics).
    if (name == "eventscope_braced")
      return evaluateElements(llvm::ArrayRef<const Expr *>(construct->getArgs(), construct->getNumArgs()), value, depth);
    // A copy of a stand-in value (passed through `...` to redisCommand): the value copied.
    if (name == kUnknownValueType && construct->getNumArgs() == 1)
      return withType(evaluate(construct->getArg(0), depth + 1), value);
    if (const ExtractOptions::SettingApi *setting = settingApiNamed(name, construct->getNumArgs()))
      return withType(readSetting(llvm::ArrayRef<const Expr *>(construct->getArgs(), construct->getNumArgs()), *setting,
                                  depth),
                      value);
    // A string class of a missing header made from one text (`PUBLISH("yascheduler", json)`
    // given to a `const nglString &`, a `QString("orders")` without Qt): that text. A class
    // named for text is taken at its name.
    if (construct->getNumArgs() == 1 && isStringLike(construct->getArg(0)->getType()) &&
        llvm::StringRef(ctor->getParent()->getNameAsString()).contains_insensitive("string"))
      if (ArgValue text = evaluate(construct->getArg(0), depth + 1); text.kind == ArgValue::Kind::Strings)
        return withType(text, value);
    value.text = "the value is the result of " + name + ", whose header is missing";
    return value;
  }
  // std::vector<std::string>(topics_.begin(), topics_.end()): the elements of topics_.
  if (construct->getNumArgs() == 2 || (construct->getNumArgs() == 3 && isa<CXXDefaultArgExpr>(construct->getArg(2))))
    if (const Expr *container = iteratedRange(construct->getArg(0), construct->getArg(1))) {
      if (std::string queue = queueKey(container); !queue.empty()) {
        return elementHandle(queue, "", "element", value);
      }
      return withType(evaluate(container, depth + 1), value);
    }
  std::string constructed = typeName(construct->getType());
  // `std::string topic_{};`, `std::string topic;`: the empty string (no channel; a default
  // member initialiser of that kind is not a value of its own: emptyDefault).
  if (construct->getNumArgs() == 0 && isStringLike(construct->getType()) &&
      construct->getConstructor()->isDefaultConstructor())
    return constant("");
  const Expr *first = construct->getNumArgs() >= 1 ? construct->getArg(0) : nullptr;
  QualType firstType = first ? first->getType() : QualType();
  // A string made from text (not `std::string(n, 'x')`, n copies of a character).
  bool wraps = (isStringLike(construct->getType()) && (firstType.isNull() || isStringLike(firstType) ||
                                                       !firstType->isIntegerType())) ||
               constructed == "vector" || constructed == "set" ||
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
  // An implicit conversion between a library's views (cppzmq's mutable_buffer to
  // const_buffer), or a callable wrapped (boost::function's `function(Functor f,
  // enable_if<...>::type = 0)` given a template's callback parameter): what was converted,
  // when that is known. Trailing defaulted arguments are not given ones.
  unsigned given = construct->getNumArgs();
  while (given > 1 && isa<CXXDefaultArgExpr>(construct->getArg(given - 1)))
    --given;
  if (first && given == 1 && construct->getConstructor()->isConvertingConstructor(false) &&
      !options_.apiNames.count(construct->getConstructor()->getQualifiedNameAsString()))
    if (ArgValue converted = evaluate(first, depth + 1); converted.kind != ArgValue::Kind::Unknown)
      return withType(converted, value);
  // A buffer or message made from the characters of a string (`zmq::message_t(topic.data(),
  // topic.size())`, `const_buffer("A", 1)`): that text.
  if (first && !firstType.isNull() && firstType->isPointerType() &&
      (firstType->getPointeeType()->isCharType() || firstType->getPointeeType()->isVoidType()))
    if (ArgValue text = evaluate(first, depth + 1); text.kind != ArgValue::Kind::Unknown)
      return withType(text, value); // or a helper's parameter, or a member the resolver finds
  value.text = "the value is constructed at run time";
  value.innerCall = names_.callLocation(construct); // perhaps a handle API's constructor
  return value;
}

bool ValueEvaluator::emptyDefault(const FieldDecl *field, const Expr *write, const ArgValue &value) {
  return field && write == field->getInClassInitializer() && value.kind == ArgValue::Kind::Strings &&
         value.strings.size() == 1 && value.strings.front().empty();
}

std::optional<std::string> ValueEvaluator::settingWritten(const FieldDecl *field, const Expr *write,
                                                          const ArgValue &written) const {
  if (written.kind == ArgValue::Kind::Strings || written.isNull)
    return std::nullopt;
  if (std::optional<std::string> name = comparedSettingName(write))
    return name;
  // `cfg.topic = j["topic"];` (under a test or not): the run-time write is that setting; the
  // member's constant writes are its defaults.
  if (written.kind == ArgValue::Kind::Unknown)
    if (std::optional<std::string> key = keyedConfigurationRead(write))
      return key;
  // `cfg.topic = next_arg(argc, argv, i);` in a hand-written argument loop with no literal
  // compared: the member is its own setting, its constant writes the defaults.
  if (written.kind != ArgValue::Kind::Strings && written.setting.empty() && readsCommandLine(write))
    return field->getNameAsString();
  if (written.kind != ArgValue::Kind::Unknown || written.setting.empty())
    return std::nullopt;
  // Only under a test (`if (v) cfg.key = v;`): a write that replaces the default when the
  // setting is there. A setting given to one object and a constant to another are two values.
  if (testedBy(write))
    return written.setting;
  return std::nullopt;
}

std::optional<ArgValue> ValueEvaluator::emptyStringDefault(const FieldDecl *field) {
  if (field->getType().isNull() || !field->getType()->getAsCXXRecordDecl() || !isStringLike(field->getType()))
    return std::nullopt;
  ArgValue empty;
  empty.kind = ArgValue::Kind::Strings;
  empty.strings = {""};
  return empty;
}

// A member read (`topic_`, `cfg.topic`, a static data member), for evaluate.
ArgValue ValueEvaluator::evaluateMember(const MemberExpr *member, const ArgValue &value, unsigned depth) const {
  if (auto *var = dyn_cast<VarDecl>(member->getMemberDecl())) // a static data member
    return withType(evaluateDecl(var, depth), value);
  // A member of a fluent builder's result (`Builder().topic(t).topic_`): the last setter
  // in the chain that stores the member gives its value.
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
    for (auto *link = dyn_cast<CXXMemberCallExpr>(unwrap(member->getBase()));
         link && returnsItsObject(link->getMethodDecl());
         link = dyn_cast_or_null<CXXMemberCallExpr>(unwrap(link->getImplicitObjectArgument())))
      if (const Expr *stored = argumentStoredIn(link, field))
        return withType(evaluate(stored, depth + 1), value);
  // `message.first` of a pair taken from a queue (`message = queue_.front()`): what the
  // queue's pushers give it (queueKey), as a member's.
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
      field && field->getIdentifier() && (field->getName() == "first" || field->getName() == "second") &&
      typeName(QualType(field->getParent()->getTypeForDecl(), 0)) == "pair")
    if (std::string queue = queuedElement(member->getBase(), depth); !queue.empty()) {
      return elementHandle(queue, (field->getName() == "first" ? "0" : "1"), field->getName().str(), value);
    }
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()); field && !readingSettings_ &&
                                                                  settings().written.count(field))
    return withType(writtenSetting(field, field->getInClassInitializer(), depth), value);
  if (ArgValue made; memberOfConstructed(member, made, depth))
    return withType(made, value);
  // A member char buffer printed into just before in the same method (`snprintf(cmd, n,
  // "LPUSH %s %s", queue, v); redisCommand(redis, cmd);`): that print, as a local's.
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
      field && !field->getType().isNull() &&
      (field->getType()->isPointerType() || field->getType()->isArrayType()) &&
      field->getType()->getPointeeOrArrayElementType()->isAnyCharacterType())
    if (auto *print = dyn_cast_or_null<CallExpr>(lastAssignedBefore(field, member)); print && printfIntoBuffer(print))
      if (ArgValue text; evaluatePrintf(print, *printfIntoBuffer(print), text, depth + 1))
        return withType(text, value);
  // In a constructor, a member it initialises from its own parameter: `topic_(topic)`.
  if (auto *ctor = dyn_cast_or_null<CXXConstructorDecl>(functions_.empty() ? nullptr : functions_.back()))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isWritten() && init->getMember() == member->getMemberDecl() && init->getInit()) {
        ArgValue initial = evaluate(init->getInit(), depth + 1);
        if (initial.kind == ArgValue::Kind::Parameter || initial.kind == ArgValue::Kind::Strings)
          return withType(initial, value);
      }
  // A string member given only string values, wherever in this translation unit: their union.
  // Read inside one of its own writes (`x_ = get_env("X", x_)`): the value it had before,
  // its default member initialiser, if any.
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()); field && reading_.contains(field)) {
    if (const Expr *initial = field->getInClassInitializer())
      return withType(evaluate(initial, depth + 1), value);
    return withType(memberHandle(member), value);
  }
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()); field && isStringLike(field->getType()))
    if (const std::vector<const Expr *> *writes = memberWrites(field); writes && !writes->empty()) {
      reading_.insert(field);
      auto done = llvm::make_scope_exit([&] { reading_.erase(field); });
      ArgValue all;
      all.kind = ArgValue::Kind::Strings;
      // A configuration reader's key for it, or the program option it is bound to: the
      // constants are its defaults.
      std::string setting;
      if (auto option = memberOptions_.find(field); option != memberOptions_.end())
        setting = option->second;
      // Given only its default member initialiser here: other units may give it more (a
      // configuration struct's defaults in a header, its loader in another file); the
      // resolver joins what every unit records (memberValues).
      if (writes->size() == 1 && writes->front() == field->getInClassInitializer())
        return withType(memberHandle(member), value);
      bool otherWrites = false;
      for (const Expr *write : *writes) {
        ArgValue one = evaluateWrite(write, depth + 1);
        if (emptyDefault(field, write, one))
          continue;
        if (std::optional<std::string> name = settingWritten(field, write, one)) {
          setting = *name;
          continue;
        }
        otherWrites = true;
        // `key_(prefix + "Queue")` from a constructor's or setter's parameter: the calls of
        // that method give the value (the resolver follows the member), not the pattern.
        if (one.kind != ArgValue::Kind::Strings || (one.source == ArgValue::Source::Pattern &&
                                                    usesParameterOfMethodOf(write, field->getParent()))) {
          all.kind = ArgValue::Kind::Unknown;
          break;
        }
        addAlternatives(all, one); // the least certain write, and its setting
      }
      if (all.kind == ArgValue::Kind::Strings && !setting.empty()) {
        std::optional<ArgValue> empty = otherWrites ? std::nullopt : emptyStringDefault(field);
        return withType(settingValue(setting, !all.strings.empty() ? &all : empty ? &*empty : nullptr, depth), value);
      }
      if (all.kind == ArgValue::Kind::Strings && !all.strings.empty())
        return withType(all, value);
    }
  // A member container of names only filled in place (`topics_.push_back(topic)` in the
  // constructor, then `subscribe(topics_)`): its elements, as the pushes give them.
  if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
      field && field->getIdentifier() && namesContainer(field->getType()) && onlyFilledInPlace(field))
    if (std::string queue = queueKey(member); !queue.empty())
      return elementHandle(queue, "", field->getName().str(), value);
  return withType(memberHandle(member), value);
}

ArgValue ValueEvaluator::memberHandle(const MemberExpr *member) const {
  ArgValue value;
  value.kind = ArgValue::Kind::Handle;
  value.text = names_.keyOf(member->getMemberDecl());
  value.name = placeholderFor(member);
  const Expr *base = member->getBase() ? member->getBase()->IgnoreParenImpCasts() : nullptr;
  value.otherObject = base && !member->isImplicitAccess() && !isa<CXXThisExpr>(base);
  return value;
}

bool ValueEvaluator::memberOfConstructed(const MemberExpr *member, ArgValue &out, unsigned depth) const {
  auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
  auto *ref = dyn_cast<DeclRefExpr>(unwrap(member->getBase()));
  auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  auto *function = var ? dyn_cast_or_null<FunctionDecl>(var->getDeclContext()) : nullptr;
  if (!field || !var || isa<ParmVarDecl>(var) || !var->isLocalVarDecl() || var->isStaticLocal() || !var->getInit() ||
      !function || !function->getBody() || inlined_.size() >= 3 || depth > 8)
    return false;
  // `T x(a)`, `T x{a}`, `auto x = T(a)`; before C++17 the last is a copy of the temporary.
  auto *construct = dyn_cast<CXXConstructExpr>(unwrap(var->getInit()));
  while (construct && construct->getNumArgs() == 1 && construct->getConstructor()->isCopyOrMoveConstructor())
    construct = dyn_cast<CXXConstructExpr>(unwrap(construct->getArg(0)));
  auto *ctor = construct ? dyn_cast_or_null<CXXConstructorDecl>(construct->getConstructor()->getDefinition()) : nullptr;
  if (!ctor || ctor->isVariadic() || names_.inSystemHeader(ctor->getLocation()))
    return false;
  const Expr *initialiser = nullptr;
  for (const CXXCtorInitializer *init : ctor->inits())
    if (init->isWritten() && init->getMember() == field)
      initialiser = init->getInit();
  // An object changed after it was made (a setter, an assignment) may hold something else.
  if (!initialiser || ExprMutationAnalyzer(*function->getBody(), context_).isMutated(var))
    return false;
  for (const InlinedCall &frame : inlined_)
    if (frame.callee == ctor)
      return false; // recursion
  inlined_.push_back({ctor, llvm::ArrayRef<const Expr *>(construct->getArgs(), construct->getNumArgs()), 0});
  out = evaluate(initialiser, depth + 1);
  inlined_.pop_back();
  return out.kind != ArgValue::Kind::Unknown;
}

bool ValueEvaluator::inlineCall(const CallExpr *call, const FunctionDecl *callee, ArgValue &out, unsigned depth) const {
  const FunctionDecl *definition = callee->getDefinition();
  const Stmt *body = definition ? definition->getBody() : nullptr;
  // A free function, a static method, a lambda (`auto getenv_or = [](const char *k, const
  // char *d) {...}`) or a method that never reads its object (`key(s) const { return "ticks:"
  // + s; }`): no object whose state the value could depend on.
  auto *method = dyn_cast_or_null<CXXMethodDecl>(definition);
  if (!body || definition->isVariadic() || inlined_.size() >= 3 || names_.inSystemHeader(definition->getLocation()) ||
      definition->getReturnType().isNull() ||
      !(isStringLike(definition->getReturnType()) || definition->getReturnType()->isPointerType()))
    return false;
  for (const InlinedCall &frame : inlined_)
    if (frame.callee == definition)
      return false; // recursion
  using namespace clang::ast_matchers;
  if (method && !method->isStatic() && !method->getParent()->isLambda() &&
      (method->isVirtual() || !match(findAll(cxxThisExpr()), *body, context_).empty())) // an override may differ
    return false;
  auto returns = match(findAll(returnStmt().bind("return")), *body, context_);
  if (returns.empty() || returns.size() > 4)
    return false;
  // Several returns (`if (const char *v = getenv(key); v && *v) return v; return fallback;`):
  // one of their values, or a setting with the others as its defaults, as a conditional's.
  std::vector<ArgValue> values;
  inlined_.push_back({definition, llvm::ArrayRef<const Expr *>(call->getArgs(), call->getNumArgs()),
                      isa<CXXOperatorCallExpr>(call) && isa<CXXMethodDecl>(definition) ? 1u : 0u});
  for (const BoundNodes &found : returns) {
    const auto *ret = found.getNodeAs<ReturnStmt>("return");
    if (!ret->getRetValue())
      break;
    values.push_back(evaluate(ret->getRetValue(), depth + 1));
  }
  inlined_.pop_back();
  if (values.size() != returns.size())
    return false;
  if (values.size() == 1) {
    out = std::move(values.front());
    // A setting with no default (a project's `getEnv(name)` that throws when unset) is named
    // as the setting it is, so that the user knows what `parameters:` takes.
    return out.kind != ArgValue::Kind::Unknown || !out.setting.empty();
  }
  ArgValue constants;
  constants.kind = ArgValue::Kind::Strings;
  std::string setting;
  for (const ArgValue &one : values) {
    if (one.kind == ArgValue::Kind::Unknown && !one.setting.empty() && setting.empty()) {
      setting = one.setting;
      continue;
    }
    if (one.kind != ArgValue::Kind::Strings)
      return false;
    addAlternatives(constants, one);
  }
  if (setting.empty()) {
    out = std::move(constants);
    return true;
  }
  if (constants.source != ArgValue::Source::Constant)
    return false;
  out = settingValue(setting, &constants, depth);
  return true;
}

bool ValueEvaluator::standIn(const Decl *decl) const {
  const SourceManager &sources = context_.getSourceManager();
  return sources.getFilename(sources.getSpellingLoc(decl->getLocation())) == kStandInsPath;
}

bool ValueEvaluator::fieldOfMadeObject(const Expr *object, const FieldDecl *field, ArgValue &out, unsigned depth) const {
  const Expr *given = aggregateElement(object, field);
  if (!given)
    return false;
  out = evaluate(given, depth + 1);
  if (out.kind == ArgValue::Kind::Strings && llvm::all_of(out.strings, [](const std::string &t) { return t.empty(); })) {
    out = ArgValue();
    out.text = "member '" + field->getNameAsString() + "' of this object is empty where it is made (" +
               formatLocation(names_.locationOf(given->getBeginLoc())) + "); it is given a value at run time";
  }
  return true;
}

ArgValue ValueEvaluator::evaluateDecl(const ValueDecl *decl, unsigned depth) const {
  ArgValue value;
  // A stand-in for a constant or variable of a missing header (stand_ins.h).
  if (isa<VarDecl>(decl) && standIn(decl)) {
    value.text = "the value is '" + decl->getNameAsString() + "', whose header is missing";
    return value;
  }
  if (auto *param = dyn_cast<ParmVarDecl>(decl)) {
    const FunctionDecl *owner = dyn_cast<FunctionDecl>(param->getDeclContext());
    // A parameter of a function read at its call (inlineCall): the call's argument, read
    // where the call is.
    if (!inlined_.empty() && owner && owner->getCanonicalDecl() == inlined_.back().callee->getCanonicalDecl()) {
      InlinedCall frame = inlined_.back();
      unsigned index = param->getFunctionScopeIndex() + frame.offset;
      if (index >= frame.args.size()) {
        value.text = "the value is a parameter the call does not give";
        return value;
      }
      const Expr *arg = frame.args[index];
      if (auto *given = dyn_cast<CXXDefaultArgExpr>(arg))
        arg = given->getExpr();
      inlined_.pop_back();
      ArgValue argument = evaluate(arg, depth + 1);
      inlined_.push_back(frame);
      return argument;
    }
    // std::for_each(topics_.begin(), topics_.end(), [&](const std::string &t) { ... }).
    if (std::string queue = iteratedQueue(param); !queue.empty() && isStringLike(param->getType())) {
      return elementHandle(queue, "", "element", value);
    }
    if (owner && !functions_.empty() && owner == functions_.back()) {
      value.kind = ArgValue::Kind::Parameter;
      value.parameter = param->getFunctionScopeIndex();
      return value;
    }
    // Captured by a lambda of that function (`[this, topic] { publish(topic.c_str()); }`
    // queued by publishAsync(topic)): the enclosing function's parameter, asked about at its
    // calls. Only through lambdas: a local class's method is not run where it is written.
    if (owner && std::find(functions_.begin(), functions_.end(), owner) != functions_.end()) {
      bool throughLambdas = true;
      for (auto it = std::find(functions_.begin(), functions_.end(), owner) + 1; it != functions_.end(); ++it)
        if (auto *method = dyn_cast<CXXMethodDecl>(*it); !method || !method->getParent()->isLambda())
          throughLambdas = false;
      if (throughLambdas) {
        value.kind = ArgValue::Kind::Parameter;
        value.parameter = param->getFunctionScopeIndex();
        value.parameterOf = names_.keyOf(owner);
        return value;
      }
    }
    value.text = "the value is a parameter of an enclosing function";
    return value;
  }
  // `for (const auto &[topic, handlers] : handlers_)` over a member map: its keys.
  if (auto *binding = dyn_cast<BindingDecl>(decl))
    if (auto *whole = dyn_cast_or_null<VarDecl>(binding->getDecomposedDecl()))
      if (std::string queue = iteratedQueue(whole); !queue.empty() && isStringLike(binding->getType())) {
        auto bindings = cast<DecompositionDecl>(whole)->bindings();
        size_t index = std::find(bindings.begin(), bindings.end(), binding) - bindings.begin();
        if (index < 2) {
          return elementHandle(queue, std::to_string(index), binding->getNameAsString(), value);
        }
      }
  if (auto *var = dyn_cast<VarDecl>(decl)) {
    const VarDecl *definition = var;
    const Expr *init = var->getAnyInitializer(definition);
    // Its type or initialiser did not compile (a const without an initialiser: Clang dropped it).
    // A static data member or an `extern` constant defined in another unit is not that: its
    // defining unit gives its value (memberValues), read by the resolver.
    if (var->isInvalidDecl() ||
        (!init && var->getType().isConstQualified() && !var->hasExternalStorage() && !var->isStaticDataMember())) {
      value.text = kNotCompiled;
      return value;
    }
    if (!readingSettings_ && settings().written.count(var->getCanonicalDecl()))
      return writtenSetting(var->getCanonicalDecl(), init, depth);
    // `for (const auto &topic : kTopics)` over a container of constants the function never
    // changes (or a const one, or an array of them): each of its elements.
    if (var->isLocalVarDecl())
      for (const DynTypedNode &parent : context_.getParents(*var))
        if (auto *statement = parent.get<DeclStmt>())
          for (const DynTypedNode &loop : context_.getParents(*statement))
            if (auto *range = loop.get<CXXForRangeStmt>(); range && range->getLoopVariable() == var) {
              const Expr *container = unwrap(range->getRangeInit());
              auto *ref = dyn_cast_or_null<DeclRefExpr>(container);
              auto *held = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
              bool unchanged = held && !isa<ParmVarDecl>(held) && !held->getType().isNull() &&
                               (held->getType().isConstQualified() || unchangedLocal(held) ||
                                (held->hasGlobalStorage() && held->getType()->isArrayType() &&
                                 onlyRead(held->getCanonicalDecl())));
              ArgValue all = unchanged || isa_and_nonnull<InitListExpr>(container) ? evaluate(container, depth + 1)
                                                                                   : ArgValue{};
              // A local container the function only fills (`streams.push_back("str#" +
              // to_string(i))` in a loop, then `push_back("end")`): each element one of those.
              if (ArgValue added; all.kind != ArgValue::Kind::Strings && held && !unchanged &&
                                  filledContainer(held, added, depth, true) && added.kind == ArgValue::Kind::Strings)
                all = added;
              if (all.kind == ArgValue::Kind::Strings && !unchangedLocal(var))
                all = ArgValue{};
              if (all.kind == ArgValue::Kind::Strings)
                return all;
              // Over a container the function is given and cannot change (`void subscribe(const
              // std::vector<std::string> &topics)`): each element is one the caller passes, so
              // the callers' lists name the channels, as a parameter's value would.
              if (auto *param = dyn_cast_or_null<ParmVarDecl>(held);
                  param && param->getType()->isReferenceType() &&
                  param->getType().getNonReferenceType().isConstQualified())
                if (ArgValue given = evaluate(container, depth + 1);
                    given.kind == ArgValue::Kind::Parameter && given.prefix.empty() && given.suffix.empty())
                  return given;
              // Over a member container other methods fill (`topics_.insert(topic)` in
              // watch(topic)): each element one of them pushes, read by the resolver.
              if (std::string queue = queueKey(container);
                  !queue.empty() && (isStringLike(var->getType()) || objectElement(var->getType()))) {
                return elementHandle(queue, "", "element", value);
              }
              value.text = "the value is an element of a container that is not constant or changes";
              return value;
            }
    // gflags' FLAGS_topic: the setting `topic`, with its DEFINE_string default when this
    // unit defines it; else the flag's variable, which the defining unit gives a value
    // (memberValues), the way a member written in another unit is read.
    if (std::optional<std::string> flag = gflagsStringFlag(var)) {
      if (const Expr *fallback = gflagsDefault(var)) {
        ArgValue given = evaluate(fallback, depth + 1);
        return settingValue(*flag, &given, depth);
      }
      if (auto configured = options_.parameters.find(*flag); configured != options_.parameters.end())
        return settingValue(*flag, nullptr, depth);
      value.kind = ArgValue::Kind::Handle;
      value.text = names_.keyOf(var->getCanonicalDecl());
      value.name = *flag;
      return value;
    }
    // char topic[64]; snprintf(topic, sizeof topic, "fleet/%s/status", id); publish(topic);
    if (ArgValue printed; printedBuffer(var, printed, depth) || streamedText(var, printed, depth) ||
                          copiedMessage(var, printed, depth) || copiedString(var, printed, depth) ||
                          filledByCall(var, printed, depth) ||
                          filledContainer(var, printed, depth, true) || assignedElements(var, printed, depth))
      return printed;
    // A local sequence of words given whole (`RedisConnection::Query streamadd({"XADD", ...})`,
    // `const char *argv[] = {...}`): written where it is declared.
    auto declaredHere = [&](ArgValue v) {
      if (var->isLocalVarDecl() && v.madeAt.empty() && !var->getType().isNull() &&
          (v.kind == ArgValue::Kind::Strings || v.kind == ArgValue::Kind::List) &&
          (var->getType()->isArrayType() || isSequenceTypeName(typeName(var->getType()))))
        v.madeAt = names_.locationOf(var->getBeginLoc());
      return v;
    };
    if (std::string stream = var->getType().isNull() ? "" : typeName(var->getType());
        var->isLocalVarDecl() && (stream == "basic_ostringstream" || stream == "basic_stringstream")) {
      value.text = "stream '" + var->getNameAsString() +
                   "' is written in a way not followed (under a condition, in a loop, by a manipulator, or "
                   "after it is read)";
      return value;
    }
    if (!init && var->isLocalVarDecl() && !var->getType().isNull() && var->getType()->isArrayType() &&
        var->getType()->getArrayElementTypeNoTypeQual()->isAnyCharacterType()) {
      value.text = "char buffer '" + var->getNameAsString() +
                   "' is filled at run time, not by a single sprintf or snprintf of its own";
      return value;
    }
    QualType type = var->getType();
    bool pointerToConst = !type.isNull() && type->isPointerType() && type->getPointeeType().isConstQualified();
    // C's `static char *kTopic = "x";` and `static char kTopic[] = "x";`: not const, but
    // file-local and only read by this translation unit (the array only as `const char *`).
    bool fileLocalChars = !type.isNull() && var->hasGlobalStorage() && !var->isExternallyVisible() &&
                          (type->isPointerType() || type->isArrayType()) &&
                          type->getPointeeOrArrayElementType()->isAnyCharacterType();
    bool constant = type.isConstQualified() || var->isConstexpr() || (pointerToConst && !var->hasGlobalStorage()) ||
                    // a namespace-scope `const char *kTopic = "x";` this translation unit only reads
                    ((pointerToConst || fileLocalChars) && var->hasGlobalStorage() &&
                     onlyRead(var->getCanonicalDecl())) ||
                    var->isLocalVarDecl(); // a local initialised once and passed on
    if (init && constant) {
      ArgValue inner = evaluate(init, depth + 1);
      if (inner.isNull) { // `natsInbox *inbox = NULL;` is filled in later by a call
        value.kind = ArgValue::Kind::Handle;
        value.text = names_.keyOf(var);
        return value;
      }
      // A local string changed after its initialiser (reassigned, `+=`, strcpy) is not it.
      if (var->isLocalVarDecl() && !type.isConstQualified() && isStringLike(type) && !unchangedLocal(var)) {
        // ... unless a program option is stored in it (`po::value(&topic)->default_value("x")`).
        if (std::optional<ProgramOption> option = localProgramOption(var)) {
          ArgValue fallback = option->fallback ? evaluate(option->fallback, depth + 1) : ArgValue{};
          return withType(settingValue(option->name, fallback.kind == ArgValue::Kind::Strings ? &fallback : nullptr, depth),
                          value);
        }
        // Only ever given constants (`std::string name = "amd"; if (x) name = "intc";`): one of them.
        if (ArgValue assigned; inner.kind == ArgValue::Kind::Strings && assignedConstants(var, inner, assigned, depth))
          return assigned;
        if (ArgValue appended; appendedTo(var, inner, appended))
          return withType(appended, value);
        if (ArgValue suffixed; suffixedOnce(var, inner, suffixed, depth))
          return withType(suffixed, value);
        if (ArgValue defaulted; defaultedWhenEmpty(var, inner, defaulted, depth))
          return withType(defaulted, value);
        // Not known to begin with (`if (const char *t = getenv("T")) return t;`): that is
        // the reason, and a setting it reads is still a setting.
        if (inner.kind == ArgValue::Kind::Unknown)
          return inner;
        value.text = "the value of variable '" + var->getNameAsString() + "' changes after its initialiser";
        return value;
      }
      // A text class other than std::string (a missing header's `nglString channel("yastream.");
      // channel += id;`, a QString) changed after its initialiser is not it either.
      // Its `+=` may not compile (the stand-in has no operators): a use Clang could not read
      // may change it too.
      auto readInError = [&] {
        auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
        if (!function || !function->getBody())
          return false;
        for (const DeclRefExpr *use : referencesTo(var, *function->getBody(), context_))
          for (const DynTypedNode &parent : context_.getParents(*use))
            if (parent.get<RecoveryExpr>())
              return true;
        return false;
      };
      if (inner.kind == ArgValue::Kind::Strings && var->isLocalVarDecl() && !type.isConstQualified() &&
          !isStringLike(type) && type->getAsCXXRecordDecl() &&
          llvm::StringRef(typeName(type)).contains_insensitive("string") && (!unchangedLocal(var) || readInError())) {
        value.text = "the value of variable '" + var->getNameAsString() + "' changes after its initialiser";
        return value;
      }
      if (inner.kind != ArgValue::Kind::Unknown)
        return declaredHere(inner);
      if (!isStringLike(type)) {
        // A handle (Topic *t = Topic::create(...), a list filled by later calls): known by
        // the variable, and by the call that made it if there is one.
        value.kind = ArgValue::Kind::Handle;
        value.text = names_.keyOf(var);
        value.innerCall = inner.innerCall;
        if (inner.innerCall.empty() && inner.text != "the value is constructed at run time")
          value.why = inner.text; // made from a value that is not known (`message_t m(name)`)
        return value;
      }
      return inner;
    }
    // A namespace-scope `std::string kStream = "klines";` that is not const: the values every
    // unit gives it (its initialiser where it is defined, its assignments), unless one of them
    // changes it in place (value_scans.cpp), as a string member's.
    if (isStringLike(type) && var->hasGlobalStorage() && !var->isStaticLocal() && !var->isStaticDataMember() &&
        (!type->isPointerType() || type->getPointeeType()->isAnyCharacterType()) && !type->isArrayType() &&
        !type->isReferenceType()) {
      value.kind = ArgValue::Kind::Handle;
      value.text = names_.keyOf(var->getCanonicalDecl());
      value.name = var->getNameAsString();
      value.why = "variable '" + value.name + "' is given no text in the analysed code";
      return value;
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

void ValueEvaluator::numberText(const Expr *e, ArgValue &value) const {
  if (value.kind != ArgValue::Kind::Unknown || !e || e->isValueDependent() || e->getType().isNull())
    return;
  QualType type = e->getType();
  Expr::EvalResult number;
  if (!type->isIntegerType() || type->isBooleanType() || type->isEnumeralType() || !e->EvaluateAsInt(number, context_))
    return;
  value.kind = ArgValue::Kind::Strings;
  value.strings = {llvm::toString(number.Val.getInt(), 10, number.Val.getInt().isSigned())};
  value.isNull = false;
  value.text.clear();
}

} // namespace eventscope
