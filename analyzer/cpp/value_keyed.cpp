// Handles kept in a map keyed by their channel's name (ValueEvaluator::keyedElement): the
// whole translation unit's writes into such maps, and the lookups that read them back.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <functional>
#include <map>
#include <optional>
#include <set>

namespace eventscope {

using namespace clang;

namespace {

// A map type: a class with a `mapped_type` member (std::map, std::unordered_map, absl's and
// Qt's maps alike).
bool isMap(QualType type) {
  if (type.isNull())
    return false;
  const CXXRecordDecl *record = type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition())
    return false;
  IdentifierInfo &mapped = record->getASTContext().Idents.get("mapped_type");
  return !record->lookup(DeclarationName(&mapped)).empty();
}

// The variable or member a map expression names (`topics`, `this->topics_`), canonical; null
// for anything else (a parameter: its caller's map, not this one's).
const Decl *containerOf(const Expr *e) {
  e = e ? e->IgnoreParenImpCasts() : nullptr;
  if (!e || !isMap(e->getType()))
    return nullptr;
  if (auto *ref = dyn_cast<DeclRefExpr>(e))
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && !isa<ParmVarDecl>(var))
      return var->getCanonicalDecl();
  if (auto *member = dyn_cast<MemberExpr>(e))
    if (auto *field = dyn_cast<FieldDecl>(member->getMemberDecl()))
      return field->getCanonicalDecl();
  return nullptr;
}

std::string methodName(const CXXMemberCallExpr *call) {
  const CXXMethodDecl *method = call->getMethodDecl();
  return method && method->getIdentifier() ? method->getName().str() : "";
}

// The (key, value) a pair expression holds: `{k, v}`, `std::make_pair(k, v)`,
// `std::pair<K, V>(k, v)`.
bool pairOf(const Expr *e, KeyedWrite &write) {
  e = ValueEvaluator::unwrap(e);
  if (auto *list = dyn_cast_or_null<InitListExpr>(e); list && list->getNumInits() == 2) {
    write.key = list->getInit(0);
    write.values = {list->getInit(1)};
    return true;
  }
  if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e); construct && construct->getNumArgs() == 2) {
    write.key = construct->getArg(0);
    write.values = {construct->getArg(1)};
    return true;
  }
  if (auto *call = dyn_cast_or_null<CallExpr>(e); call && call->getNumArgs() == 2 && call->getDirectCallee() &&
                                                  call->getDirectCallee()->getIdentifier() &&
                                                  call->getDirectCallee()->getName() == "make_pair") {
    write.key = call->getArg(0);
    write.values = {call->getArg(1)};
    return true;
  }
  return false;
}

// Element reads and removals: they do not store a handle.
bool onlyReadsOrRemoves(const std::string &method) {
  static const char *const kMethods[] = {"find",   "at",          "count",       "contains",    "end",
                                         "begin",  "cbegin",      "cend",        "rbegin",      "rend",
                                         "size",   "empty",       "erase",       "clear",       "equal_range",
                                         "lower_bound", "upper_bound", "max_size", "reserve",     "rehash",
                                         "bucket_count", "load_factor", "key_comp", "value_comp", "hash_function"};
  return std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
}

// Every element the project code of a translation unit stores into a map variable or member,
// by the forms that name the key (`m[k] = v`, `m.at(k) = v`, emplace, try_emplace,
// insert_or_assign, insert of a pair); a map changed any other way (`m = other`, swap, merge,
// insert of a range) is in `otherwise`.
class KeyedWriteScan : public ProjectCodeWalk<KeyedWriteScan> {
public:
  using ProjectCodeWalk::ProjectCodeWalk;
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() != OO_Equal || op->getNumArgs() != 2)
      return true;
    if (const Decl *whole = containerOf(op->getArg(0))) { // `topics = other;`
      otherwise.insert(whole);
      return true;
    }
    assigned(op->getArg(0), op->getArg(1));
    return true;
  }
  // An element of a raw pointer type: `handles[topic] = RdKafka::Topic::create(...)`.
  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->getOpcode() == BO_Assign)
      assigned(op->getLHS(), op->getRHS());
    return true;
  }
  void assigned(const Expr *lhs, const Expr *value) {
    const Expr *target = lhs->IgnoreParenImpCasts();
    const Expr *map = nullptr, *key = nullptr;
    if (auto *subscript = dyn_cast<CXXOperatorCallExpr>(target);
        subscript && subscript->getOperator() == OO_Subscript && subscript->getNumArgs() == 2) {
      map = subscript->getArg(0);
      key = subscript->getArg(1);
    } else if (auto *at = dyn_cast<CXXMemberCallExpr>(target); at && methodName(at) == "at" && at->getNumArgs() == 1) {
      map = at->getImplicitObjectArgument();
      key = at->getArg(0);
    }
    if (const Decl *container = containerOf(map))
      writes[container].push_back({key, {value}});
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *call) {
    const Decl *container = containerOf(call->getImplicitObjectArgument());
    if (!container)
      return true;
    std::string method = methodName(call);
    if (onlyReadsOrRemoves(method))
      return true;
    KeyedWrite write;
    bool named = false;
    if ((method == "try_emplace" || method == "insert_or_assign" || method == "emplace") && call->getNumArgs() >= 2) {
      write.key = call->getArg(0);
      for (unsigned i = 1; i < call->getNumArgs(); ++i)
        write.values.push_back(call->getArg(i));
      named = true;
    } else if ((method == "insert" || method == "emplace") && call->getNumArgs() == 1) {
      named = pairOf(call->getArg(0), write);
    } else if ((method == "insert" || method == "emplace_hint") && call->getNumArgs() == 2) {
      named = pairOf(call->getArg(1), write); // with a hint
    }
    if (named)
      writes[container].push_back(std::move(write));
    else
      otherwise.insert(container);
    return true;
  }

  // A map made with elements (`std::map<K, V> m{{"k", "v"}}`, a member's initialiser, in
  // class or in a constructor's list) holds what no keyed write shows.
  static bool madeEmpty(const Expr *init) {
    auto *construct = dyn_cast_or_null<CXXConstructExpr>(init ? init->IgnoreImplicit() : nullptr);
    return !init || (construct && construct->getNumArgs() == 0);
  }
  bool VisitVarDecl(VarDecl *var) {
    if (isMap(var->getType()) && !isa<ParmVarDecl>(var) && !madeEmpty(var->getInit()))
      otherwise.insert(var->getCanonicalDecl());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *field) {
    if (isMap(field->getType()) && field->hasInClassInitializer() && !madeEmpty(field->getInClassInitializer()))
      otherwise.insert(field->getCanonicalDecl());
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *constructor) {
    for (const CXXCtorInitializer *init : constructor->inits())
      if (FieldDecl *field = init->getMember(); field && init->isWritten() && isMap(field->getType()) &&
                                                !madeEmpty(init->getInit()))
        otherwise.insert(field->getCanonicalDecl());
    return true;
  }
  // A map handed to a function's map parameter (`producer(client, params)`).
  bool VisitCallExpr(CallExpr *call) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (!callee)
      return true;
    callee = callee->getCanonicalDecl();
    const unsigned offset = isa<CXXOperatorCallExpr>(call) && isa<CXXMethodDecl>(callee) ? 1 : 0;
    for (unsigned i = offset; i < call->getNumArgs() && i - offset < callee->getNumParams(); ++i)
      if (isMap(callee->getParamDecl(i - offset)->getType()))
        arguments[{callee, i - offset}].push_back(call->getArg(i));
    return true;
  }

  llvm::DenseMap<const Decl *, std::vector<KeyedWrite>> writes;
  llvm::DenseSet<const Decl *> otherwise;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, std::vector<const Expr *>> arguments;
};

// The map and key of an element lookup: `m[k]`, `m.at(k)`, `m.find(k)->second`, `it->second`
// of a local `it = m.find(k)` (through `lastAssigned`); false for any other expression.
template <class LastAssigned>
bool lookupOf(const Expr *e, const Expr *&map, const Expr *&key, LastAssigned lastAssigned) {
  auto found = [&](const Expr *lookup) { // `m.find(k)`
    auto *find = dyn_cast_or_null<CXXMemberCallExpr>(ValueEvaluator::unwrap(lookup));
    if (!find || methodName(find) != "find" || find->getNumArgs() != 1)
      return false;
    map = find->getImplicitObjectArgument();
    key = find->getArg(0);
    return true;
  };
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2) {
    map = op->getArg(0);
    key = op->getArg(1);
  } else if (auto *at = dyn_cast<CXXMemberCallExpr>(e); at && methodName(at) == "at" && at->getNumArgs() == 1) {
    map = at->getImplicitObjectArgument();
    key = at->getArg(0);
  } else if (auto *second = dyn_cast<MemberExpr>(e); second && second->getMemberDecl()->getIdentifier() &&
                                                     second->getMemberDecl()->getName() == "second") {
    const Expr *iterator = ValueEvaluator::unwrap(second->getBase()); // `it->second`, `(*it).second`
    if (!found(iterator))
      if (auto *ref = dyn_cast_or_null<DeclRefExpr>(iterator))
        if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->isLocalVarDecl())
          found(lastAssigned(var, ref));
  }
  return map && key;
}

// `for (auto &c : configs) { if (Kafka::Topic == c.first) topic = c.second; }`: a map
// iterated by its pairs, the value taken under an equality test of the pair's key. `second`
// is the map's element under that key: {map, key}, or false for anything else (no test, a
// test that is not `==`, a loop over something that is not a map).
// The range-for statement whose loop variable `var` is (a structured binding's hidden
// variable too); null for any other variable.
const CXXForRangeStmt *rangeForOf(const VarDecl *var, ASTContext &context) {
  DynTypedNodeList declParents = context.getParents(*var);
  auto *statement = declParents.size() == 1 ? declParents[0].get<DeclStmt>() : nullptr;
  if (!statement)
    return nullptr;
  DynTypedNodeList parents = context.getParents(*statement);
  auto *loop = parents.size() == 1 ? parents[0].get<CXXForRangeStmt>() : nullptr;
  return loop && loop->getLoopVariable() == var ? loop : nullptr;
}

bool iteratedLookup(const MemberExpr *second, ASTContext &context, const Expr *&map, const Expr *&key) {
  auto *ref = dyn_cast_or_null<DeclRefExpr>(ValueEvaluator::unwrap(second->getBase()));
  auto *pair = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!pair || !pair->isLocalVarDecl())
    return false;
  const CXXForRangeStmt *loop = rangeForOf(pair, context);
  if (!loop || !loop->getRangeInit() || !isMap(loop->getRangeInit()->getType()))
    return false;
  // `K == c.first` or `c.first == K` on the way up to the loop's body, `second` in its then-branch.
  auto isFirst = [&](const Expr *e) {
    auto *first = dyn_cast_or_null<MemberExpr>(e ? ValueEvaluator::unwrap(e) : nullptr);
    auto *base = first ? dyn_cast<DeclRefExpr>(ValueEvaluator::unwrap(first->getBase())) : nullptr;
    return base && base->getDecl() == pair && first->getMemberDecl()->getIdentifier() &&
           first->getMemberDecl()->getName() == "first";
  };
  DynTypedNode node = DynTypedNode::create(*second);
  for (int step = 0; step < 32; ++step) {
    DynTypedNodeList parents = context.getParents(node);
    if (parents.size() != 1 || parents[0].get<CXXForRangeStmt>() == loop)
      return false;
    if (auto *test = parents[0].get<IfStmt>(); test && test->getThen() == node.get<Stmt>() && test->getCond()) {
      const Expr *cond = test->getCond()->IgnoreParenImpCasts(), *lhs = nullptr, *rhs = nullptr;
      if (auto *op = dyn_cast<CXXOperatorCallExpr>(cond); op && op->getOperator() == OO_EqualEqual && op->getNumArgs() == 2) {
        lhs = op->getArg(0);
        rhs = op->getArg(1);
      } else if (auto *binary = dyn_cast<BinaryOperator>(cond); binary && binary->getOpcode() == BO_EQ) {
        lhs = binary->getLHS();
        rhs = binary->getRHS();
      }
      if (lhs && rhs && (isFirst(lhs) || isFirst(rhs))) {
        map = loop->getRangeInit();
        key = isFirst(lhs) ? rhs : lhs;
        return true;
      }
    }
    node = parents[0];
  }
  return false;
}

// What names a key: the variable or member it reads, through `.c_str()`, `.data()` and
// conversions to and from std::string; null for anything else.
const Decl *keyIdentity(const Expr *e) {
  for (int step = 0; e && step < 8; ++step) {
    e = ValueEvaluator::unwrap(e);
    if (auto *call = dyn_cast_or_null<CXXMemberCallExpr>(e);
        call && call->getNumArgs() == 0 && (methodName(call) == "c_str" || methodName(call) == "data")) {
      e = call->getImplicitObjectArgument();
      continue;
    }
    if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1 &&
                                                               ValueEvaluator::isStringLike(construct->getType())) {
      e = construct->getArg(0); // std::string(name), a string_view of it
      continue;
    }
    break;
  }
  if (auto *ref = dyn_cast_or_null<DeclRefExpr>(e))
    return ref->getDecl()->getCanonicalDecl();
  if (auto *member = dyn_cast_or_null<MemberExpr>(e))
    return member->getMemberDecl()->getCanonicalDecl();
  return nullptr;
}

} // namespace

const Expr *ValueEvaluator::valueAt(const VarDecl *var, const DeclRefExpr *use) const {
  const Expr *last = lastAssignedBefore(var, use);
  return last ? last : unchangedLocal(var) ? var->getInit() : nullptr;
}

const Expr *ValueEvaluator::originOf(const Expr *value, unsigned depth) const {
  for (int step = 0; value && step < 8; ++step) {
    value = unwrap(value);
    if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(value);
        construct && construct->getNumArgs() == 1 && !isStringLike(construct->getType())) {
      value = construct->getArg(0); // std::unique_ptr<Topic>(raw), a copy or a move
      continue;
    }
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(value)) {
      auto *var = dyn_cast<VarDecl>(ref->getDecl());
      if (!var || !var->isLocalVarDecl() || depth > kMaxEvaluationDepth)
        return nullptr;
      value = valueAt(var, ref);
      continue;
    }
    return value;
  }
  return nullptr;
}

bool ValueEvaluator::madeFromKey(const KeyedWrite &write, unsigned depth) const {
  const Decl *key = keyIdentity(write.key);
  ArgValue keyValue;
  if (!key) {
    keyValue = evaluate(write.key, depth + 1);
    if (keyValue.kind != ArgValue::Kind::Strings || keyValue.strings.size() != 1)
      return false;
  }
  // One of the arguments of the call that made the handle is the key.
  auto isKey = [&](const Expr *arg) {
    if (key)
      return keyIdentity(arg) == key;
    ArgValue given = evaluate(arg, depth + 1);
    return given.kind == ArgValue::Kind::Strings && given.strings == keyValue.strings;
  };
  auto madeFromIt = [&](const Expr *made) {
    if (auto *call = dyn_cast_or_null<CallExpr>(made))
      return llvm::any_of(call->arguments(), isKey);
    if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(made))
      return llvm::any_of(construct->arguments(), isKey);
    if (auto *created = dyn_cast_or_null<CXXNewExpr>(made))
      if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(created->getConstructExpr()))
        return llvm::any_of(construct->arguments(), isKey);
    return false;
  };
  if (write.values.size() > 1) // try_emplace(name, producer, name): the element is made of them
    return llvm::any_of(write.values, isKey);
  return !write.values.empty() && madeFromIt(originOf(write.values.front(), depth));
}

void ValueEvaluator::scanKeyedWrites() const {
  if (keyedWrites_)
    return;
  KeyedWriteScan scan(names_);
  scan.TraverseDecl(context_.getTranslationUnitDecl());
  keyedWrites_.emplace();
  for (auto &[decl, writes] : scan.writes)
    if (!scan.otherwise.count(decl))
      keyedWrites_->try_emplace(decl, writes);
  allKeyedWrites_ = std::move(scan.writes);
  otherwiseWrittenMaps_ = std::move(scan.otherwise);
  mapArguments_ = std::move(scan.arguments);
}

bool ValueEvaluator::keyedElement(const Expr *e, ArgValue &out, unsigned depth) const {
  // The lookup: the map and the key it is read by.
  const Expr *map = nullptr, *key = nullptr;
  if (!mapLookup(e, map, key))
    return false;
  const Decl *container = containerOf(map);
  if (!container || !isStringLike(key->getType()))
    return false;
  scanKeyedWrites();
  auto writes = keyedWrites_->find(container);
  if (writes == keyedWrites_->end() || writes->second.empty() ||
      !llvm::all_of(writes->second, [&](const KeyedWrite &write) { return madeFromKey(write, depth); }))
    return false;
  out = evaluate(key, depth + 1);
  return true;
}

std::vector<const Decl *> ValueEvaluator::mapsOf(const Expr *map) const {
  if (const Decl *container = containerOf(map))
    return {container};
  auto *ref = dyn_cast_or_null<DeclRefExpr>(map ? map->IgnoreParenImpCasts() : nullptr);
  auto *param = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
  auto *owner = param ? dyn_cast<FunctionDecl>(param->getDeclContext()) : nullptr;
  if (!owner || !isMap(param->getType()))
    return {};
  scanKeyedWrites();
  auto given = mapArguments_.find({owner->getCanonicalDecl(), param->getFunctionScopeIndex()});
  if (given == mapArguments_.end())
    return {};
  std::vector<const Decl *> maps;
  for (const Expr *argument : given->second) {
    const Decl *container = containerOf(argument); // one level: not a parameter's parameter
    if (!container)
      return {};
    if (std::find(maps.begin(), maps.end(), container) == maps.end())
      maps.push_back(container);
  }
  return maps;
}

// A namespace-scope constant or an enumerator a key names (`GYRO`, `Stream::Gyro`); null for
// anything else, whose value may change.
static const Decl *constantKey(const Expr *e) {
  auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? ValueEvaluator::unwrap(e) : nullptr);
  if (!ref)
    return nullptr;
  if (isa<EnumConstantDecl>(ref->getDecl()))
    return ref->getDecl()->getCanonicalDecl();
  auto *var = dyn_cast<VarDecl>(ref->getDecl());
  if (var && var->hasGlobalStorage() && !var->getType().isNull() &&
      (var->getType().isConstQualified() || var->isConstexpr()))
    return var->getCanonicalDecl();
  return nullptr;
}

bool ValueEvaluator::settingsMapElement(const Expr *e, ArgValue &out, unsigned depth) const {
  const Expr *map = nullptr, *key = nullptr;
  if (depth > kMaxEvaluationDepth || !mapLookup(e, map, key))
    return false;
  return settingsMapElementOf(map, key, out, depth);
}

bool ValueEvaluator::mapLookup(const Expr *e, const Expr *&map, const Expr *&key) const {
  auto lastAssigned = [this](const VarDecl *var, const DeclRefExpr *ref) { return valueAt(var, ref); };
  if (lookupOf(e, map, key, lastAssigned))
    return true;
  map = key = nullptr;
  auto *second = dyn_cast_or_null<MemberExpr>(e);
  return second && second->getMemberDecl()->getIdentifier() && second->getMemberDecl()->getName() == "second" &&
         iteratedLookup(second, context_, map, key);
}

std::optional<std::string> ValueEvaluator::mapKeyField(const Expr *key, unsigned depth) const {
  if (const Decl *named = constantKey(key))
    return kMapKeyField + names_.keyOf(named);
  if (!isStringLike(key->getType()))
    return std::nullopt;
  ArgValue text = evaluate(key, depth + 1);
  if (text.kind != ArgValue::Kind::Strings || text.strings.size() != 1 || text.source != ArgValue::Source::Constant)
    return std::nullopt;
  return kMapKeyField + ("\"" + text.strings.front() + "\"");
}

bool ValueEvaluator::carriedMapElement(const Expr *e, ArgValue &out, unsigned depth) const {
  const Expr *map = nullptr, *key = nullptr;
  if (depth > kMaxEvaluationDepth || !mapLookup(e, map, key))
    return false;
  std::optional<std::string> field = mapKeyField(key, depth);
  if (!field)
    return false;
  const Expr *whole = unwrap(map);
  ArgValue object;
  if (auto *member = dyn_cast<MemberExpr>(whole);
      member && isa<FieldDecl>(member->getMemberDecl()) && isMap(member->getType()) &&
      (member->isImplicitAccess() || isa<CXXThisExpr>(member->getBase()->IgnoreParenImpCasts()))) {
    object = memberHandle(member); // `m_configs` of this object, given by its constructor
  } else if (auto *ref = dyn_cast<DeclRefExpr>(whole); ref && isa<ParmVarDecl>(ref->getDecl()) && isMap(ref->getType())) {
    object = evaluate(ref, depth + 1); // the parameter, given by the calls
    if (object.kind != ArgValue::Kind::Parameter || !object.prefix.empty() || !object.suffix.empty())
      return false;
  } else {
    return false;
  }
  out = ArgValue{};
  const NamedDecl *named = isa<MemberExpr>(whole) ? cast<MemberExpr>(whole)->getMemberDecl() : cast<DeclRefExpr>(whole)->getDecl();
  out.text = "the value is an element of map '" + named->getNameAsString() + "', given where the map is made";
  out.fieldOf = {object};
  out.field = *field;
  return true;
}

bool ValueEvaluator::settingsMapElementOf(const Expr *map, const Expr *key, ArgValue &out, unsigned depth) const {
  auto single = [](const ArgValue &v) { return v.kind == ArgValue::Kind::Strings && v.strings.size() == 1; };
  // Whether a write's key is the one read: the same text; or, for a key that is not text, the
  // same named constant (`stream_name_[GYRO]` of OrbbecSDK_ROS2, GYRO a namespace-scope `const
  // stream_index_pair`, or an enumerator). nullopt when the write's key is not known here.
  std::function<std::optional<bool>(const Expr *)> sameKey;
  std::optional<std::string> name; // a text key: the setting it names
  if (isStringLike(key->getType())) {
    const ArgValue read = evaluate(key, depth + 1);
    if (!single(read))
      return false;
    name = read.strings.front();
    sameKey = [&](const Expr *written) -> std::optional<bool> {
      ArgValue w = evaluate(written, depth + 1);
      return single(w) ? std::optional<bool>(w.strings.front() == *name) : std::nullopt;
    };
  } else {
    const Decl *wanted = constantKey(key);
    if (!wanted)
      return false;
    sameKey = [wanted](const Expr *written) -> std::optional<bool> {
      const Decl *w = constantKey(written);
      return w ? std::optional<bool>(w == wanted) : std::nullopt;
    };
  }
  scanKeyedWrites();
  std::vector<const Decl *> maps = mapsOf(map);
  if (maps.empty())
    return false;
  ArgValue constants;
  constants.kind = ArgValue::Kind::Strings;
  bool runTime = false;
  for (const Decl *container : maps) {
    if (otherwiseWrittenMaps_.count(container)) // `params = other;`, a range insert
      return false;
    auto writes = allKeyedWrites_.find(container);
    if (writes == allKeyedWrites_.end())
      return false;
    for (const KeyedWrite &write : writes->second) {
      std::optional<bool> same = sameKey(write.key);
      if (!same)
        return false; // a key found at run time may be this one
      if (!*same)
        continue;
      if (write.values.size() != 1)
        return false;
      ArgValue value = evaluate(write.values.front(), depth + 1);
      if (value.kind == ArgValue::Kind::Strings)
        addAlternatives(constants, value);
      else if (name && value.kind == ArgValue::Kind::Unknown &&
               (readsCommandLine(write.values.front()) || !value.setting.empty() ||
                keyedConfigurationRead(write.values.front(), depth + 1)))
        runTime = true; // the setting given at run time
      else
        return false;
    }
  }
  if (constants.strings.empty())
    return false;
  out = runTime ? settingValue(*name, &constants, depth) : constants;
  return true;
}

bool ValueEvaluator::mapFields(const DeclRefExpr *use, ArgValue &out, unsigned depth) const {
  auto *var = dyn_cast<VarDecl>(use->getDecl());
  if (!var || !var->isLocalVarDecl() || var->isStaticLocal() || isa<ParmVarDecl>(var) ||
      var->getType()->isReferenceType() || !isMap(var->getType()) || depth > 8)
    return false;
  scanKeyedWrites();
  const Decl *container = var->getCanonicalDecl();
  auto writes = allKeyedWrites_.find(container);
  if (otherwiseWrittenMaps_.count(container) || writes == allKeyedWrites_.end())
    return false;
  // The writes before this use, in order; a later write under the same key replaces an earlier
  // one only when both are in the same block (else either may hold): kept simple, both.
  const SourceManager &sources = context_.getSourceManager();
  std::map<std::string, ArgValue> byField;
  std::vector<std::string> order;
  for (const KeyedWrite &write : writes->second) {
    if (!write.key || write.values.size() != 1 ||
        !sources.isBeforeInTranslationUnit(write.key->getBeginLoc(), use->getBeginLoc()))
      continue;
    std::optional<std::string> field = mapKeyField(write.key, depth);
    if (!field)
      continue;
    ArgValue value = evaluate(write.values.front(), depth + 1);
    auto [at, fresh] = byField.try_emplace(*field, value);
    if (fresh) {
      order.push_back(*field);
    } else if (at->second.kind == ArgValue::Kind::Strings && value.kind == ArgValue::Kind::Strings) {
      addAlternatives(at->second, value);
    } else {
      at->second = ArgValue{};
      at->second.text = "the map is given several values under this key, not all known";
    }
  }
  for (const std::string &field : order) {
    ArgValue value = byField[field];
    value.field = field;
    value.fieldOf.clear();
    value.fields.clear();
    out.fields.push_back(std::move(value));
  }
  return !out.fields.empty();
}

// The braced list of pairs a map is made with, under the initializer_list constructor's
// implicit nodes; null when it is made another way.
static const InitListExpr *bracedPairs(const Expr *init) {
  std::vector<const Stmt *> work{init};
  for (size_t step = 0; step < work.size() && step < 16; ++step) {
    if (auto *list = dyn_cast_or_null<InitListExpr>(work[step]))
      return list->isSemanticForm() ? list : list->getSemanticForm();
    if (work[step])
      for (const Stmt *child : work[step]->children())
        work.push_back(child);
  }
  return nullptr;
}

// Whether every use of `var` in the translation unit only reads it: a lookup (`m[k]` whose
// element is not written, at, find, count, contains), an iteration (begin, end, size, empty,
// a range-for). Clang's ExprMutationAnalyzer takes a non-const `m[k]` for a change.
static bool onlyLookedUp(const VarDecl *var, ASTContext &context) {
  using namespace clang::ast_matchers;
  static const std::set<std::string> reads{"at", "find", "count", "contains", "begin", "end", "cbegin", "cend",
                                           "size", "empty", "equal_range", "lower_bound", "upper_bound"};
  for (const BoundNodes &found : match(findAll(declRefExpr(to(varDecl(equalsNode(var)))).bind("use")),
                                       *context.getTranslationUnitDecl(), context)) {
    const Expr *use = found.getNodeAs<DeclRefExpr>("use");
    DynTypedNodeList parents = context.getParents(*use);
    while (parents.size() == 1 && (parents[0].get<ImplicitCastExpr>() || parents[0].get<MemberExpr>())) {
      use = parents[0].get<Expr>();
      parents = context.getParents(*use);
    }
    if (parents.size() != 1)
      return false;
    if (auto *op = parents[0].get<CXXOperatorCallExpr>(); op && op->getOperator() == OO_Subscript && op->getArg(0) == use) {
      DynTypedNodeList up = context.getParents(*op);
      const Expr *element = op;
      while (up.size() == 1 && up[0].get<ImplicitCastExpr>()) {
        element = up[0].get<Expr>();
        up = context.getParents(*element);
      }
      if (up.size() == 1)
        if (auto *assign = up[0].get<CXXOperatorCallExpr>(); assign && assign->isAssignmentOp() && assign->getArg(0) == element)
          return false;
      if (up.size() == 1)
        if (auto *assign = up[0].get<BinaryOperator>(); assign && assign->isAssignmentOp() && assign->getLHS() == element)
          return false;
      continue;
    }
    if (auto *call = parents[0].get<CXXMemberCallExpr>(); call && call->getMethodDecl() &&
                                                           call->getMethodDecl()->getIdentifier() &&
                                                           reads.count(call->getMethodDecl()->getName().str()))
      continue;
    if (parents[0].get<CXXForRangeStmt>() || parents[0].get<VarDecl>()) // `for (auto &p : m)`, its hidden range variable
      continue;
    return false;
  }
  return true;
}

bool ValueEvaluator::tableElement(const Expr *e, ArgValue &out, unsigned depth) const {
  const Expr *map = nullptr, *key = nullptr;
  if (depth > kMaxEvaluationDepth || !mapLookup(e, map, key))
    return false;
  auto *ref = dyn_cast_or_null<DeclRefExpr>(unwrap(map));
  auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasGlobalStorage() || !isMap(var->getType()))
    return false;
  const VarDecl *definition = var->getDefinition() ? var->getDefinition() : var;
  const InitListExpr *pairs = definition->getInit() ? bracedPairs(definition->getInit()) : nullptr;
  if (!pairs || pairs->getNumInits() == 0)
    return false;
  scanKeyedWrites();
  if (allKeyedWrites_.count(var->getCanonicalDecl()) || !onlyLookedUp(definition, context_))
    return false;
  // A key as Clang evaluates it: an integer (an enumerator too), or constant text.
  auto keyOf = [&](const Expr *k) -> std::optional<std::string> {
    k = unwrap(k);
    if (Expr::EvalResult number; k && !k->isValueDependent() && k->getType()->isIntegralOrEnumerationType() &&
                                 k->EvaluateAsInt(number, context_))
      return "#" + llvm::toString(number.Val.getInt(), 10);
    ArgValue text = evaluate(k, depth + 1);
    if (text.kind == ArgValue::Kind::Strings && text.strings.size() == 1 && text.source == ArgValue::Source::Constant)
      return "\"" + text.strings.front();
    return std::nullopt;
  };
  const std::optional<std::string> wanted = keyOf(key);
  ArgValue all;
  auto paired = [&](const Expr *pairKey) -> std::optional<bool> {
    if (!wanted)
      return true;
    std::optional<std::string> given = keyOf(pairKey);
    return given ? std::optional<bool>(*given == *wanted) : std::nullopt;
  };
  if (!pairedValues(pairs, paired, all, depth) || all.strings.empty())
    return false;
  out = all;
  return true;
}

bool ValueEvaluator::pairedValues(const InitListExpr *pairs,
                                  llvm::function_ref<std::optional<bool>(const Expr *)> taken, ArgValue &out,
                                  unsigned depth) const {
  out = ArgValue{};
  out.kind = ArgValue::Kind::Strings;
  for (const Expr *element : pairs->inits()) {
    KeyedWrite pair;
    if (!pairOf(element, pair) || pair.values.size() != 1)
      return false;
    std::optional<bool> take = taken(pair.key);
    if (!take)
      return false;
    if (!*take)
      continue;
    ArgValue value = evaluate(pair.values.front(), depth + 1);
    if (value.kind != ArgValue::Kind::Strings)
      return false;
    addAlternatives(out, value);
  }
  return true;
}

bool ValueEvaluator::constantMapValues(const Expr *map, ArgValue &out, unsigned depth) const {
  const Expr *e = map ? map->IgnoreParenImpCasts() : nullptr;
  if (auto *deref = dyn_cast_or_null<UnaryOperator>(e); deref && deref->getOpcode() == UO_Deref)
    e = deref->getSubExpr()->IgnoreParenImpCasts();
  auto *ref = dyn_cast_or_null<DeclRefExpr>(e);
  auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || isa<ParmVarDecl>(var) || !var->getInit() || depth > kMaxEvaluationDepth || var->getType().isNull())
    return false;
  // A pointer to one of several constant maps (`auto which = n == 1 ? &one : &two;`): each's.
  if (var->getType()->isPointerType()) {
    if (!var->isLocalVarDecl() || !unchangedLocal(var))
      return false;
    const Expr *init = var->getInit()->IgnoreParenImpCasts();
    std::vector<const Expr *> targets;
    if (auto *choice = dyn_cast<AbstractConditionalOperator>(init))
      targets = {choice->getTrueExpr(), choice->getFalseExpr()};
    else
      targets = {init};
    bool any = false;
    for (const Expr *target : targets) {
      auto *address = dyn_cast<UnaryOperator>(target->IgnoreParenImpCasts());
      if (!address || address->getOpcode() != UO_AddrOf || !constantMapValues(address->getSubExpr(), out, depth + 1))
        return false;
      any = true;
    }
    return any;
  }
  if (!isMap(var->getType()) || !(var->getType().isConstQualified() || (var->isLocalVarDecl() && unchangedLocal(var))))
    return false;
  const InitListExpr *pairs = bracedPairs(var->getInit());
  if (!pairs || pairs->getNumInits() == 0)
    return false;
  ArgValue all;
  if (!pairedValues(pairs, [](const Expr *) -> std::optional<bool> { return true; }, all, depth))
    return false;
  if (out.kind != ArgValue::Kind::Strings || out.strings.empty())
    out = all;
  else
    addAlternatives(out, all);
  return true;
}

bool ValueEvaluator::iteratedMapValue(const Expr *e, ArgValue &out, unsigned depth) const {
  auto loopOver = [&](const VarDecl *var) -> const Expr * { // the range a range-for's variable walks
    const CXXForRangeStmt *loop = rangeForOf(var, context_);
    return loop ? loop->getRangeInit() : nullptr;
  };
  const Expr *range = nullptr;
  if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
    // `for (const auto &[field, topic] : topics)`: the second name is each mapped value.
    auto *binding = dyn_cast<BindingDecl>(ref->getDecl());
    auto *whole = binding ? dyn_cast_or_null<VarDecl>(binding->getDecomposedDecl()) : nullptr;
    auto *decomposition = dyn_cast_or_null<DecompositionDecl>(whole);
    if (!decomposition || decomposition->bindings().size() != 2 || decomposition->bindings()[1] != binding)
      return false;
    range = loopOver(decomposition);
  } else if (auto *second = dyn_cast<MemberExpr>(e); second && second->getMemberDecl()->getIdentifier() &&
                                                      second->getMemberDecl()->getName() == "second") {
    auto *ref = dyn_cast<DeclRefExpr>(unwrap(second->getBase()));
    auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    if (!var || !var->isLocalVarDecl())
      return false;
    range = loopOver(var); // `for (const auto &entry : topics) ... entry.second`
    // `for (auto it = topics.begin(); it != topics.end(); ++it) ... it->second`
    if (!range && var->getInit())
      if (auto *begin = dyn_cast<CXXMemberCallExpr>(var->getInit()->IgnoreImplicit());
          begin && begin->getMethodDecl() && begin->getMethodDecl()->getIdentifier() &&
          (begin->getMethodDecl()->getName() == "begin" || begin->getMethodDecl()->getName() == "cbegin"))
        range = begin->getImplicitObjectArgument();
  }
  if (!range || !isMap(range->getType()->isPointerType() ? range->getType()->getPointeeType() : range->getType()))
    return false;
  ArgValue values;
  if (!constantMapValues(range, values, depth))
    return false;
  out = values;
  return true;
}

} // namespace eventscope
