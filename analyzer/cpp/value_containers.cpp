// Values carried by containers: a local filled by push_back/insert, a char* array written
// word by word, and a member container one method fills and another reads (queues, sets,
// maps; ValueEvaluator::queueKey), for the value lattice's `<key>@elem:` handles.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>

#include <set>
#include <string>

namespace eventscope {

using namespace clang;

namespace {

// Whether `iterator` (a `v.begin()`-like call) is an argument of a <algorithm> or <iterator>
// function that only reads its range.
bool readOnlyAlgorithmArgument(const CXXMemberCallExpr *iterator, ASTContext &context) {
  static const std::set<std::string> iterators = {"begin", "end", "cbegin", "cend", "rbegin", "rend"};
  static const std::set<std::string> readers = {"find",      "find_if",     "find_if_not", "count",       "count_if",
                                                "distance",  "any_of",      "all_of",      "none_of",     "lower_bound",
                                                "upper_bound", "binary_search", "equal_range", "mismatch", "equal"};
  const CXXMethodDecl *method = iterator->getMethodDecl();
  if (!method || !method->getIdentifier() || !iterators.count(method->getName().str()))
    return false;
  DynTypedNodeList parents = context.getParents(*iterator);
  for (int up = 0; up < 8 && parents.size() == 1; ++up) { // through conversions and temporaries
    if (auto *call = parents[0].get<CallExpr>()) {
      if (const FunctionDecl *callee = call->getDirectCallee())
        return callee->isInStdNamespace() && callee->getIdentifier() && readers.count(callee->getName().str());
      // Not resolved (an argument Clang could not compile): the name it was written with.
      auto *lookup = dyn_cast_or_null<OverloadExpr>(call->getCallee() ? call->getCallee()->IgnoreImplicit() : nullptr);
      return lookup && lookup->getName().isIdentifier() && readers.count(lookup->getName().getAsString());
    }
    // The same call where Clang could not resolve it (a missing `#include <algorithm>`): the
    // name it was written with.
    if (auto *recovery = parents[0].get<RecoveryExpr>()) {
      for (const Expr *part : recovery->subExpressions())
        if (auto *lookup = dyn_cast_or_null<OverloadExpr>(part ? part->IgnoreImplicit() : nullptr))
          return lookup->getName().isIdentifier() && readers.count(lookup->getName().getAsString());
      return false;
    }
    if (!parents[0].get<Expr>())
      return false;
    parents = context.getParents(parents[0]);
  }
  return false;
}

} // namespace

bool ValueEvaluator::filledContainer(const VarDecl *var, ArgValue &out, unsigned depth, bool whole) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  const CXXRecordDecl *record = var->getType().isNull() ? nullptr : var->getType()->getAsCXXRecordDecl();
  static const std::set<std::string> containers = {"vector", "list", "deque", "set", "unordered_set", "multiset"};
  if (!body || !var->isLocalVarDecl() || var->isStaticLocal() || !record || !record->isInStdNamespace() ||
      !record->getIdentifier() || !containers.count(record->getName().str()) || depth > 8)
    return false;
  // Empty at first (`std::vector<std::string> topics;`): what is added is all it holds. Made
  // with a braced list (`Queries transaction{{"MULTI"}};`, then a command per emplace_back, then
  // EXEC): its elements first.
  std::vector<const Expr *> added;
  if (const Expr *init = var->getInit()) {
    auto *construct = dyn_cast<CXXConstructExpr>(unwrap(init));
    const auto *braced = construct && construct->getNumArgs() >= 1 &&
                                 std::all_of(construct->arg_begin() + 1, construct->arg_end(),
                                             [](const Expr *arg) { return isa<CXXDefaultArgExpr>(arg); })
                             ? dyn_cast<CXXStdInitializerListExpr>(construct->getArg(0)->IgnoreImplicit())
                             : nullptr;
    const auto *list = braced ? dyn_cast<InitListExpr>(unwrap(braced->getSubExpr())) : nullptr;
    if (list && whole)
      added.insert(added.end(), list->inits().begin(), list->inits().end());
    else if (!construct || construct->getNumArgs() != 0)
      return false;
  }
  const size_t initial = added.size();
  ExprMutationAnalyzer mutations(*body, context_);
  bool assigned = initial > 0; // a braced list replaced later: not known here
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    DynTypedNodeList parents = context_.getParents(*use);
    if (parents.size() == 1 && parents[0].get<LambdaExpr>())
      continue; // captured: the lambda's own uses are among these
    const auto *member = parents.size() == 1 ? parents[0].get<MemberExpr>() : nullptr;
    parents = member ? context_.getParents(*member) : parents;
    const auto *call = member && parents.size() == 1 ? parents[0].get<CXXMemberCallExpr>() : nullptr;
    const CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
    std::string name = method && method->getIdentifier() ? method->getName().str() : "";
    if (call && call->getNumArgs() >= 1 &&
        (name == "push_back" || name == "emplace_back" || name == "push_front" || name == "emplace_front" ||
         ((name == "insert" || name == "emplace") && call->getNumArgs() <= 2))) {
      added.push_back(call->getArg(call->getNumArgs() - 1)); // insert(position, value)
      continue;
    }
    if (call && (name == "reserve" || name == "shrink_to_fit"))
      continue; // its capacity, not its elements
    // `send(std::move(batch))`: handed over whole, its elements as they are.
    if (const auto *moved = parents.size() == 1 ? parents[0].get<CallExpr>() : nullptr;
        moved && moved->getNumArgs() == 1 && moved->getDirectCallee() && moved->getDirectCallee()->isInStdNamespace() &&
        moved->getDirectCallee()->getIdentifier() && moved->getDirectCallee()->getName() == "move")
      continue;
    // `find(v.begin(), v.end(), x)`, `distance(v.begin(), it)`: iterators given to a standard
    // algorithm that does not modify (Clang counts a non-const begin() as a change).
    if (call && call->getNumArgs() == 0 && readOnlyAlgorithmArgument(call, context_))
      continue;
    // `topics[i]` read (`topics[i].c_str()`): the element is what must not change.
    if (auto *subscript = parents.size() == 1 ? parents[0].get<CXXOperatorCallExpr>() : nullptr;
        subscript && subscript->getOperator() == OO_Subscript && subscript->getNumArgs() == 2 &&
        subscript->getArg(0) == use) {
      if (mutations.isMutated(subscript))
        return false;
      continue;
    }
    // `topics = {TOPIC_A, TOPIC_B};` once after an empty declaration (nowcoder): those elements.
    if (auto *assign = parents.size() == 1 ? parents[0].get<CXXOperatorCallExpr>() : nullptr;
        assign && assign->getOperator() == OO_Equal && assign->getNumArgs() == 2 && assign->getArg(0) == use &&
        !assigned)
      if (auto *list = dyn_cast_or_null<InitListExpr>(unwrap(assign->getArg(1)))) {
        assigned = true;
        added.insert(added.end(), list->inits().begin(), list->inits().end());
        continue;
      }
    if (mutations.isMutated(use))
      return false; // erased, cleared, assigned, given to a writer
  }
  if (added.size() == initial) // nothing added: the initialiser says it all, as for any local
    return false;
  // Each element as a value of its own, as a braced list's are (`{a_, b_}`), unless all are text.
  ArgValue all;
  all.kind = ArgValue::Kind::Strings;
  ArgValue list;
  list.kind = ArgValue::Kind::List;
  bool text = true;
  // Where each element was written: its push_back, or the declaration's braced list.
  const Location declared = names_.locationOf(var->getBeginLoc());
  for (size_t i = 0; i < added.size(); ++i) {
    ArgValue item = evaluate(added[i], depth + 1);
    text = text && addConstant(all, item);
    if (item.madeAt.empty()) {
      DynTypedNodeList parents = context_.getParents(*added[i]);
      const auto *adding = i >= initial && parents.size() == 1 ? parents[0].get<CXXMemberCallExpr>() : nullptr;
      item.madeAt = adding ? names_.locationOf(adding->getBeginLoc()) : declared;
    }
    list.items.push_back(std::move(item));
  }
  all.madeAt = declared;
  list.madeAt = declared;
  if (text) {
    out = all; // in the order added: redisCommandArgv's words are a vector's too
  } else {
    out = list.items.size() == 1 ? list.items.front() : list;
  }
  return true;
}

// `use[i]`: the subscript a reference to an array is read by (through its decay), or null
// when the array is used whole.
const ArraySubscriptExpr *ValueEvaluator::subscriptOf(const DeclRefExpr *use) const {
  DynTypedNodeList parents = context_.getParents(*use);
  auto *decay = parents.size() == 1 ? parents[0].get<ImplicitCastExpr>() : nullptr;
  parents = decay ? context_.getParents(*decay) : parents;
  return parents.size() == 1 ? parents[0].get<ArraySubscriptExpr>() : nullptr;
}

bool ValueEvaluator::elementsAssigned(const VarDecl *var, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  const ArrayType *array = var->getType().isNull() ? nullptr : context_.getAsArrayType(var->getType());
  // (`std::string names[n];` is default-constructed: an initialiser with no arguments.)
  const auto *made = dyn_cast_or_null<CXXConstructExpr>(var->getInit());
  if (!body || !var->isLocalVarDecl() || var->isStaticLocal() || (var->getInit() && (!made || made->getNumArgs() > 0)) ||
      !array || depth > 8 || !isStringLike(array->getElementType()))
    return false;
  ExprMutationAnalyzer mutations(*body, context_);
  ArgValue all;
  all.kind = ArgValue::Kind::Strings;
  bool any = false;
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    const ArraySubscriptExpr *subscript = subscriptOf(use);
    if (!subscript)
      return false; // the array handed on whole: anything may fill it
    const Expr *written = assignedValue(subscript, context_);
    if (!written) {
      if (mutations.isMutated(subscript))
        return false; // `names[i] += "x"`, given to a function that may change it
      continue;       // read
    }
    ArgValue given = evaluate(written, depth + 1);
    if (given.kind != ArgValue::Kind::Strings) {
      out = given;
      return true; // one of them is not known: said as that one
    }
    all.strings.insert(all.strings.end(), given.strings.begin(), given.strings.end());
    all.source = lessCertain(all.source, given.source);
    any = true;
  }
  if (!any)
    return false;
  std::sort(all.strings.begin(), all.strings.end());
  all.strings.erase(std::unique(all.strings.begin(), all.strings.end()), all.strings.end());
  out = all;
  return true;
}

bool ValueEvaluator::assignedElements(const VarDecl *var, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  const ArrayType *array = var->getType().isNull() ? nullptr : context_.getAsArrayType(var->getType()); // `char *argv[argc]` too
  if (!body || !var->isLocalVarDecl() || var->isStaticLocal() || var->getInit() || !array || depth > 8)
    return false;
  QualType element = array->getElementType();
  if (!(element->isPointerType() && element->getPointeeType()->isAnyCharacterType()) &&
      !(element->isArrayType() && element->getArrayElementTypeNoTypeQual()->isAnyCharacterType()))
    return false;
  std::map<uint64_t, std::vector<std::pair<const Expr *, bool>>> writes; // by constant index: (value, printed into)
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    const ArraySubscriptExpr *subscript = subscriptOf(use);
    if (!subscript)
      continue; // the array itself, given to the call that reads it
    Expr::EvalResult index;
    const Expr *position = subscript->getIdx();
    bool constant = position && !position->isValueDependent() && position->EvaluateAsInt(index, context_);
    DynTypedNodeList parents = context_.getParents(*subscript);
    const Expr *written = nullptr;
    bool printed = false;
    if (auto *assign = parents.size() == 1 ? parents[0].get<BinaryOperator>() : nullptr;
        assign && assign->getOpcode() == BO_Assign && assign->getLHS()->IgnoreParens() == subscript)
      written = assign->getRHS();
    if (auto *elementDecay = parents.size() == 1 ? parents[0].get<ImplicitCastExpr>() : nullptr) {
      DynTypedNodeList above = context_.getParents(*elementDecay);
      if (auto *print = above.size() == 1 ? above[0].get<CallExpr>() : nullptr;
          print && print->getNumArgs() >= 2 && print->getArg(0) == elementDecay && printfIntoBuffer(print)) {
        written = print; // sprintf(argv[1], "%s", "stream")
        printed = true;
      }
    }
    if (!written)
      continue; // read
    if (!constant)
      continue; // `argv[i + 2] = ...` in a loop: the payload, after the fixed words
    writes[index.Val.getInt().getZExtValue()].push_back({written, printed});
  }
  if (!writes.count(0) || writes.rbegin()->first > 64)
    return false;
  ArgValue list;
  list.kind = ArgValue::Kind::List;
  for (uint64_t i = 0; i <= writes.rbegin()->first; ++i) {
    ArgValue item;
    item.text = "the word is written more than once, or not at all";
    if (auto it = writes.find(i); it != writes.end() && it->second.size() == 1) {
      const auto [write, printed] = it->second.front();
      if (auto *print = dyn_cast<CallExpr>(write); printed && print) {
        ArgValue text;
        item = evaluatePrintf(print, *printfIntoBuffer(print), text, depth + 1) ? text : ArgValue{};
      } else {
        item = evaluate(write, depth + 1);
      }
    }
    list.items.push_back(std::move(item));
  }
  out = list;
  return true;
}

std::string ValueEvaluator::queueKey(const Expr *object) const {
  object = unwrap(object);
  const ValueDecl *decl = nullptr;
  if (auto *member = dyn_cast_or_null<MemberExpr>(object))
    decl = member->getMemberDecl();
  else if (auto *ref = dyn_cast_or_null<DeclRefExpr>(object))
    decl = ref->getDecl();
  auto *var = dyn_cast_or_null<VarDecl>(decl);
  if (!decl || !(isa<FieldDecl>(decl) || (var && var->hasGlobalStorage())) || decl->getType().isNull())
    return "";
  // A C array of objects (`std::shared_ptr<rclcpp::PublisherBase> private_pub_[kMaxLidar]` of
  // livox_ros2_driver), whose elements are assigned and read by index as a vector's.
  if (const auto *array = dyn_cast<ConstantArrayType>(decl->getType().getNonReferenceType().getTypePtr());
      array && array->getElementType()->isRecordType())
    return names_.keyOf(decl);
  const CXXRecordDecl *record = decl->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!record || !record->isInStdNamespace() || !record->getIdentifier())
    return "";
  static const std::set<llvm::StringRef> carriers = {"queue", "deque", "list", "vector", "stack", "priority_queue",
                                                     "set", "unordered_set", "multiset", "map", "unordered_map",
                                                     "multimap", "array"};
  if (!carriers.count(record->getName()))
    return "";
  return names_.keyOf(decl);
}

std::pair<const Expr *, const Expr *> ValueEvaluator::elementAccess(const Expr *e) {
  if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2)
    return {op->getArg(0), op->getArg(1)};
  // An element of a C array of objects (queueKey); arrays of text have their own reading.
  if (auto *subscript = dyn_cast_or_null<ArraySubscriptExpr>(e); subscript && !subscript->getType().isNull() &&
                                                                  subscript->getType()->isRecordType())
    return {subscript->getBase(), subscript->getIdx()};
  if (auto *at = dyn_cast_or_null<CXXMemberCallExpr>(e); at && at->getMethodDecl() &&
                                                          at->getMethodDecl()->getIdentifier() &&
                                                          at->getMethodDecl()->getName() == "at" && at->getNumArgs() == 1)
    return {at->getImplicitObjectArgument(), at->getArg(0)};
  return {nullptr, nullptr};
}

std::string ValueEvaluator::elementContainerKey(const Expr *access) const {
  const Expr *container = elementAccess(unwrap(access)).first;
  if (!container)
    return "";
  if (std::string queue = queueKey(container); !queue.empty())
    return queue;
  container = unwrap(container);
  if (auto *deref = dyn_cast<UnaryOperator>(container); deref && deref->getOpcode() == UO_Deref)
    container = unwrap(deref->getSubExpr());
  auto *ref = dyn_cast<DeclRefExpr>(container);
  auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || var->hasGlobalStorage() || var->getType().isNull())
    return "";
  QualType type = var->getType().getNonReferenceType();
  if (type->isPointerType())
    type = type->getPointeeType();
  const CXXRecordDecl *record = type->getAsCXXRecordDecl();
  static const std::set<llvm::StringRef> carriers = {"vector", "deque", "array", "map", "unordered_map"};
  if (!record || !record->isInStdNamespace() || !record->getIdentifier() || !carriers.count(record->getName()))
    return "";
  return names_.keyOf(var);
}

bool ValueEvaluator::keyedContainer(const Expr *object) {
  const CXXRecordDecl *record =
      object && !object->getType().isNull() ? object->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
  return record && record->getIdentifier() && record->getName().contains("map");
}

const Expr *ValueEvaluator::iteratedRange(const Expr *begin, const Expr *end) {
  auto container = [](const Expr *e, bool first) -> const Expr * {
    e = unwrap(e);
    if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e); construct && construct->getNumArgs() == 1)
      e = unwrap(construct->getArg(0)); // iterator to const_iterator
    auto *call = dyn_cast_or_null<CallExpr>(e);
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    if (!callee || !callee->getIdentifier())
      return nullptr;
    llvm::StringRef name = callee->getName();
    if (name != (first ? "begin" : "end") && name != (first ? "cbegin" : "cend"))
      return nullptr;
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call); member && call->getNumArgs() == 0)
      return unwrap(member->getImplicitObjectArgument());
    return call->getNumArgs() == 1 && callee->isInStdNamespace() ? unwrap(call->getArg(0)) : nullptr; // std::begin(c)
  };
  const Expr *from = container(begin, true), *to = container(end, false);
  auto declOf = [](const Expr *e) -> const Decl * {
    if (auto *member = dyn_cast_or_null<MemberExpr>(e))
      return member->getMemberDecl();
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(e))
      return ref->getDecl();
    return nullptr;
  };
  return from && to && declOf(from) && declOf(from) == declOf(to) ? from : nullptr;
}

std::string ValueEvaluator::iteratedQueue(const VarDecl *var) const {
  // for (const auto &topic : topics_)
  for (const DynTypedNode &parent : context_.getParents(*var))
    if (auto *statement = parent.get<DeclStmt>())
      for (const DynTypedNode &loop : context_.getParents(*statement))
        if (auto *range = loop.get<CXXForRangeStmt>(); range && range->getLoopVariable() == var)
          return queueKey(range->getRangeInit());
  // std::for_each(topics_.begin(), topics_.end(), [&](const std::string &topic) { ... })
  auto *param = dyn_cast<ParmVarDecl>(var);
  auto *method = param ? dyn_cast<CXXMethodDecl>(param->getDeclContext()) : nullptr;
  if (!method || !method->getParent()->isLambda() || param->getFunctionScopeIndex() != 0)
    return "";
  auto *enclosing = dyn_cast<FunctionDecl>(method->getParent()->getDeclContext());
  const Stmt *body = enclosing ? enclosing->getBody() : nullptr;
  if (!body)
    return "";
  using namespace clang::ast_matchers;
  for (const BoundNodes &found : match(findAll(callExpr(argumentCountIs(3)).bind("call")), *body, context_)) {
    const auto *call = found.getNodeAs<CallExpr>("call");
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee || !callee->isInStdNamespace() || !callee->getIdentifier() || callee->getName() != "for_each")
      continue;
    const Expr *function = call->getArg(2)->IgnoreImplicit();
    if (auto *copy = dyn_cast<CXXConstructExpr>(function); copy && copy->getNumArgs() == 1)
      function = copy->getArg(0)->IgnoreImplicit();
    if (auto *lambda = dyn_cast<LambdaExpr>(function); lambda && lambda->getLambdaClass() == method->getParent())
      if (const Expr *container = iteratedRange(call->getArg(0), call->getArg(1)))
        return queueKey(container);
  }
  return "";
}

std::vector<std::pair<std::string, const Expr *>> ValueEvaluator::queuedPieces(const CXXMemberCallExpr *push) {
  std::vector<std::pair<std::string, const Expr *>> pieces;
  const CXXMethodDecl *method = push->getMethodDecl();
  if (!method || !method->getIdentifier())
    return pieces;
  llvm::StringRef name = method->getName();
  auto pairOf = [&](llvm::ArrayRef<const Expr *> parts) {
    for (size_t i = 0; i < parts.size() && i < 2; ++i)
      pieces.emplace_back("@elem:" + std::to_string(i), parts[i]);
  };
  // A set's or a map's `insert(value)`; a sequence's `insert(position, value)`.
  if (name == "insert" && (push->getNumArgs() == 1 || push->getNumArgs() == 2) &&
      !(push->getNumArgs() == 2 && keyedContainer(push->getImplicitObjectArgument()))) {
    const Expr *element = unwrap(push->getArg(push->getNumArgs() - 1));
    if (!keyedContainer(push->getImplicitObjectArgument())) {
      pieces.emplace_back("@elem:", element);
      return pieces;
    }
    name = "push"; // a map's pair, read below as a pushed pair is
  }
  if (name == "emplace" || name == "emplace_back" || name == "emplace_front") {
    if (push->getNumArgs() == 1)
      pieces.emplace_back("@elem:", push->getArg(0));
    else if (push->getNumArgs() == 2)
      pairOf({push->getArg(0), push->getArg(1)});
    return pieces;
  }
  if ((name != "push" && name != "push_back" && name != "push_front") || push->getNumArgs() != 1)
    return pieces;
  const Expr *element = unwrap(push->getArg(0));
  if (auto *call = dyn_cast_or_null<CallExpr>(element); call && call->getDirectCallee() &&
                                                          call->getDirectCallee()->getIdentifier() &&
                                                          call->getDirectCallee()->getName() == "make_pair" &&
                                                          call->getNumArgs() == 2)
    pairOf({call->getArg(0), call->getArg(1)});
  else if (auto *list = dyn_cast_or_null<InitListExpr>(element); list && list->getNumInits() == 2)
    pairOf({list->getInit(0), list->getInit(1)});
  else if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(element);
           construct && construct->getNumArgs() == 2 && typeName(construct->getType()) == "pair")
    pairOf({construct->getArg(0), construct->getArg(1)});
  else
    pieces.emplace_back("@elem:", element);
  return pieces;
}

std::string ValueEvaluator::queuedElement(const Expr *e, unsigned depth) const {
  e = unwrap(e);
  if (auto *copy = dyn_cast_or_null<CXXConstructExpr>(e); copy && copy->getNumArgs() == 1 &&
                                                          copy->getConstructor()->isCopyOrMoveConstructor())
    e = unwrap(copy->getArg(0)); // `auto item = later_.front();`
  if (auto *call = dyn_cast_or_null<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl *method = call->getMethodDecl();
    if (method && method->getIdentifier() && call->getNumArgs() == 0 &&
        (method->getName() == "front" || method->getName() == "back" || method->getName() == "top"))
      return queueKey(call->getImplicitObjectArgument());
    return "";
  }
  auto *ref = dyn_cast_or_null<DeclRefExpr>(e);
  auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  auto *function = var ? dyn_cast_or_null<FunctionDecl>(var->getDeclContext()) : nullptr;
  const Stmt *body = function ? function->getBody() : nullptr;
  if (std::string iterated = var ? iteratedQueue(var) : ""; !iterated.empty())
    return iterated; // `for (const auto &entry : pending_)`, a for_each lambda's parameter
  if (!body || !var->isLocalVarDecl() || depth > 4)
    return "";
  std::string key;
  auto same = [&](const Expr *value) {
    std::string one = queuedElement(value, depth + 1);
    if (one.empty() || (!key.empty() && one != key))
      return false;
    key = one;
    return true;
  };
  // Declared empty (`std::pair<std::string, Json> message;`) or as an element itself.
  if (const Expr *init = var->getInit()) {
    auto *construct = dyn_cast<CXXConstructExpr>(init->IgnoreImplicit());
    bool empty = (construct && construct->getNumArgs() == 0) || isa<ImplicitValueInitExpr>(init->IgnoreImplicit()) ||
                 (isa<InitListExpr>(init->IgnoreImplicit()) && cast<InitListExpr>(init->IgnoreImplicit())->getNumInits() == 0);
    if (!empty && !same(init))
      return "";
  }
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    if (const Expr *assigned = assignedValue(use, context_)) {
      if (!same(assigned))
        return "";
      continue;
    }
    // A piece of it given another value (`message.first = "x"`): not the element any more.
    for (const DynTypedNode &parent : context_.getParents(*use))
      if (auto *member = parent.get<MemberExpr>(); member && assignedValue(member, context_))
        return "";
  }
  return key;
}

} // namespace eventscope
