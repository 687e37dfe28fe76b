// Configuration reads (`apis` entries of role setting): a setting's value is what
// `parameters:` gives it, else its default in the code, else unknown naming the setting.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <llvm/ADT/ScopeExit.h>

#include <algorithm>
#include <functional>

namespace eventscope {

using namespace clang;

// The name of a setting whose name is found at run time (`param(topic_param, ...)`): a
// pattern piece named after the variable that holds it, `{topic_param}`.
static std::string runTimeSettingName(const Expr *name) {
  auto *spelled = dyn_cast_or_null<DeclRefExpr>(ValueEvaluator::unwrap(name));
  return "{" + (spelled ? spelled->getDecl()->getNameAsString() : std::string("setting")) + "}";
}

const ExtractOptions::SettingApi *ValueEvaluator::settingApiNamed(const std::string &name, unsigned args) const {
  const ExtractOptions::SettingApi *best = nullptr;
  unsigned bestUses = 0;
  auto [begin, end] = options_.settingApis.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    const ExtractOptions::SettingApi &api = it->second;
    unsigned uses = std::max({api.name, api.defaultArg.value_or(0), api.out.value_or(0)}) + 1;
    if (uses <= args && !api.out && (!best || uses > bestUses)) {
      best = &api;
      bestUses = uses;
    }
  }
  return best;
}

const ExtractOptions::SettingApi *ValueEvaluator::settingApiOf(const CallExpr *call) const {
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (auto *member = dyn_cast_or_null<CXXMemberCallExpr>(call))
    callee = member->getMethodDecl();
  return settingApiOf(callee, call ? call->getNumArgs() : 0);
}

const ExtractOptions::SettingApi *ValueEvaluator::settingApiOf(const FunctionDecl *callee, unsigned numArgs) const {
  if (!callee || options_.settingApis.empty())
    return nullptr;
  const ExtractOptions::SettingApi *best = nullptr;
  unsigned bestUses = 0;
  for (const std::string &name : namesOf(callee)) {
    auto [begin, end] = options_.settingApis.equal_range(name);
    for (auto it = begin; it != end; ++it) {
      const ExtractOptions::SettingApi &api = it->second;
      unsigned uses = std::max({api.name, api.defaultArg.value_or(0), api.out.value_or(0)}) + 1;
      if (uses <= numArgs && (!best || uses > bestUses)) {
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
    if (value.strings.size() == 1)
      value.settingDefault = value.strings.front();
    return value;
  }
  if (!readingSettings_)
    if (auto it = settings().declaredDefaults.find(name); it != settings().declaredDefaults.end()) {
      ArgValue declared = evaluate(it->second, depth + 1);
      if (declared.kind == ArgValue::Kind::Strings) {
        declared.source = ArgValue::Source::Default;
        declared.setting = name;
        declared.settingDefault = declared.strings.size() == 1 ? declared.strings.front() : "";
        return declared;
      }
    }
  value.text = "the value is read from setting '" + name + "', which has no default in the code (give it in `parameters:`)";
  return value;
}

ArgValue ValueEvaluator::readSetting(const CallExpr *call, const ExtractOptions::SettingApi &api, unsigned depth) const {
  return readSetting(llvm::ArrayRef<const Expr *>(call->getArgs(), call->getNumArgs()), api, depth);
}

ArgValue ValueEvaluator::readSetting(llvm::ArrayRef<const Expr *> args, const ExtractOptions::SettingApi &api,
                                     unsigned depth) const {
  if (api.name >= args.size()) {
    ArgValue value;
    value.text = "the value is read from a setting whose name is not given";
    return value;
  }
  ArgValue name = evaluate(args[api.name], depth + 1);
  std::optional<ArgValue> fallback;
  if (api.defaultArg && *api.defaultArg < args.size() && !isa<CXXDefaultArgExpr>(args[*api.defaultArg]))
    fallback = evaluate(args[*api.defaultArg], depth + 1);
  if (name.kind != ArgValue::Kind::Strings || name.strings.size() != 1) {
    // As settings() reads it: a name found at run time still falls back to the default,
    // the setting named after the variable holding its name.
    if (fallback && fallback->kind == ArgValue::Kind::Strings) {
      return settingValue(runTimeSettingName(args[api.name]), &*fallback, depth);
    }
    ArgValue value;
    value.text = "the value is read from a setting whose name is not a constant";
    return value;
  }
  return settingValue(name.strings.front(), fallback ? &*fallback : nullptr, depth);
}

// A variable a configuration read writes: that setting, with the call's default, else the
// variable's own initial value (`std::string topic = "scan"; nh.getParam("topic", topic);`).
ArgValue ValueEvaluator::writtenSetting(const ValueDecl *decl, const Expr *initial, unsigned depth) const {
  if (!reading_.insert(decl).second) { // its own default: what it held before the read
    if (initial)
      return evaluate(initial, depth + 1);
    // A member given constants elsewhere (`map_name_ = "/map"; declare_parameter("map_name",
    // map_name_);`): one of them.
    memberWrites(nullptr);
    if (auto *field = dyn_cast<FieldDecl>(decl); field && memberWrites_->count(field)) {
      ArgValue constants;
      for (const Expr *write : memberWrites_->find(field)->second)
        if (ArgValue one = evaluateWrite(write, depth + 1); one.kind == ArgValue::Kind::Strings)
          addAlternatives(constants, one);
      if (!constants.strings.empty()) {
        constants.kind = ArgValue::Kind::Strings;
        return constants;
      }
    }
    ArgValue none;
    none.text = "the value is the variable's own, before the setting is read";
    return none;
  }
  auto done = llvm::make_scope_exit([&] { reading_.erase(decl); });
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
  // A call or a constructor (`ParameterWrapper{"device", deviceName, "video0"}` of mrover,
  // described with `out:`), its callee, its arguments, and what its result is assigned to.
  using Found = std::function<void(const FunctionDecl *, llvm::ArrayRef<const Expr *>, const Expr *assignedTo)>;
  SettingReads(const AstNames &names, Found found) : ProjectCodeWalk(names), found_(std::move(found)) {}
  bool VisitCallExpr(CallExpr *call) {
    report(call, nullptr);
    return true;
  }
  // The semantic form, where `{"device", deviceName, "video0"}` of a vector's braced list is
  // the constructor call it makes (the syntactic form is a list).
  bool TraverseInitListExpr(InitListExpr *list, DataRecursionQueue *queue = nullptr) {
    InitListExpr *semantic = list->isSemanticForm() ? list : list->getSemanticForm();
    return TraverseSynOrSemInitListExpr(semantic ? semantic : list, queue);
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *construct) {
    found_(construct->getConstructor(), llvm::ArrayRef<const Expr *>(construct->getArgs(), construct->getNumArgs()), nullptr);
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
      report(call, target);
  }
  void report(const CallExpr *call, const Expr *target) {
    const FunctionDecl *callee = call->getDirectCallee();
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call))
      callee = member->getMethodDecl();
    found_(callee, llvm::ArrayRef<const Expr *>(call->getArgs(), call->getNumArgs()), target);
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
  llvm::DenseSet<const Decl *> twice; // written by two different setting reads
  SettingReads reads(names_, [&](const FunctionDecl *callee, llvm::ArrayRef<const Expr *> args, const Expr *assignedTo) {
    const ExtractOptions::SettingApi *api = settingApiOf(callee, static_cast<unsigned>(args.size()));
    if (!api || (assignedTo && api->out))
      return;
    ArgValue name = evaluate(args[api->name], 0);
    const Expr *fallback = api->defaultArg && !isa<CXXDefaultArgExpr>(args[*api->defaultArg])
                               ? args[*api->defaultArg]
                               : nullptr;
    if (name.kind != ArgValue::Kind::Strings || name.strings.size() != 1) {
      // A setting whose name is found at run time (costmap_2d: `searchParam("footprint_topic",
      // topic_param)`, then `param(topic_param, topic, std::string("footprint"))`) still
      // falls back to its default: named after the variable that holds its name.
      if (!fallback || !(api->out || assignedTo))
        return;
      name.kind = ArgValue::Kind::Strings;
      name.strings = {runTimeSettingName(args[api->name])};
    }
    if (fallback && !assignedTo && name.strings.front().front() != '{')
      found.declaredDefaults.emplace(name.strings.front(), fallback); // the first declaration wins
    if (!api->out && !assignedTo)
      return;
    const Expr *out = unwrap(assignedTo ? assignedTo : args[*api->out]);
    if (auto *op = dyn_cast_or_null<UnaryOperator>(out); op && op->getOpcode() == UO_AddrOf)
      out = unwrap(op->getSubExpr()); // a pointer to the variable
    const Decl *written = nullptr;
    if (auto *ref = dyn_cast_or_null<DeclRefExpr>(out))
      written = ref->getDecl()->getCanonicalDecl();
    else if (auto *member = dyn_cast_or_null<MemberExpr>(out))
      written = member->getMemberDecl()->getCanonicalDecl();
    if (written && !isa<ParmVarDecl>(written)) {
      auto [at, added] = found.written.try_emplace(written, SettingWrite{name.strings.front(), fallback});
      // One variable given two settings (costmap_2d reads `footprint_topic` into `topic`,
      // subscribes, then reads `published_footprint_topic` into it and advertises): which one
      // a use sees is not followed, so neither is taken.
      if (!added && (at->second.name != name.strings.front() || at->second.defaultValue != fallback))
        twice.insert(written);
    }
  });
  reads.TraverseDecl(context_.getTranslationUnitDecl());
  for (const Decl *decl : twice)
    found.written.erase(decl);
  readingSettings_ = false;
  *settings_ = std::move(found);
  return *settings_;
}

// A hand-written configuration reader: `else if (key == "kafka_push_topic") cfg.kafka_push_topic
// = value;` (also `key.compare("x") == 0`, `strcmp(key, "x") == 0`, `!strcmp(key, "x")`). The
// nearest `if` whose then-branch holds `write` compares a string with a literal: that
// literal names the setting. nullopt otherwise.
std::optional<std::string> ValueEvaluator::keyedConfigurationRead(const Expr *value, unsigned depth) const {
  const Expr *e = value ? unwrap(value) : nullptr;
  if (!e || depth > 4)
    return std::nullopt;
  auto literalOf = [&](const Expr *arg) -> std::optional<std::string> {
    const Expr *key = arg ? unwrap(arg) : nullptr;
    // `m["topic"]` of a map keyed by std::string: the key made from the literal.
    if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(key); construct && construct->getNumArgs() >= 1)
      key = unwrap(construct->getArg(0));
    if (auto *literal = dyn_cast_or_null<StringLiteral>(key))
      return literal->getString().str();
    return std::nullopt;
  };
  // A standard container's lookup is of constants the code put there (value_keyed.cpp),
  // unless the container is a function's parameter: a map of settings the caller (a
  // framework) hands over (CNStream's `Module::Open(ModuleParamSet param_set)`, read as
  // `param_set["topic"]`), whose contents this code never writes.
  auto configurationObject = [](const Expr *object) {
    const Type *type = object && !object->getType().isNull() ? object->getType()->getUnqualifiedDesugaredType() : nullptr;
    if (type && type->isPointerType())
      type = type->getPointeeType()->getUnqualifiedDesugaredType();
    const CXXRecordDecl *record = type ? type->getAsCXXRecordDecl() : nullptr;
    if (record && record->isInStdNamespace() && record->getIdentifier() &&
        llvm::is_contained({"map", "unordered_map"}, record->getName()))
      if (auto *ref = dyn_cast<DeclRefExpr>(object->IgnoreParenImpCasts()); ref && isa<ParmVarDecl>(ref->getDecl()))
        return true;
    return record && !record->isInStdNamespace();
  };
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2)
    return configurationObject(op->getArg(0)) ? literalOf(op->getArg(1)) : std::nullopt; // j["topic"]
  if (auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1)
    return keyedConfigurationRead(construct->getArg(0), depth + 1);
  if (auto *call = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl *method = call->getMethodDecl();
    const std::string name = method && method->getIdentifier() ? method->getName().str() : "";
    const Expr *object = call->getImplicitObjectArgument();
    if (isa_and_nonnull<CXXConversionDecl>(method) && object) // `std::string topic = j["topic"];`
      return keyedConfigurationRead(object, depth + 1);
    // j.at("topic"), j.value("topic", d), tree.get<std::string>("topic"), node.get("topic"),
    // Boost.PropertyTree's tree.get_child("topic"), Poco's config.getString("topic")
    if ((name == "at" || name == "value" || name == "get" || name == "find" || name == "get_child" ||
         name == "get_optional" || name == "getString") &&
        call->getNumArgs() >= 1 && configurationObject(object))
      if (std::optional<std::string> key = literalOf(call->getArg(0)))
        return key;
    // ...->get<std::string>(), .as<std::string>(), .asString(), .value_or(d) of such a read
    if (name == "get" || name == "as" || name == "asString" || name == "value_or" || name == "value" ||
        name == "template_get" || name == "string" || name == "get_value" || name == "data")
      if (object) {
        const Expr *inner = unwrap(object);
        // `auto v = tbl->get("topic"); ... v->value_or(topic_)`: the local's initialiser.
        if (auto *ref = dyn_cast<DeclRefExpr>(inner))
          if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->isLocalVarDecl() && var->getInit())
            inner = var->getInit();
        return keyedConfigurationRead(inner, depth + 1);
      }
  }
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && (op->getOperator() == OO_Star || op->getOperator() == OO_Arrow))
    return keyedConfigurationRead(op->getArg(0), depth + 1);
  if (auto *ref = dyn_cast<DeclRefExpr>(e))
    if (auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->isLocalVarDecl() && var->getInit() && depth > 0)
      return keyedConfigurationRead(var->getInit(), depth + 1);
  return std::nullopt;
}

std::optional<std::string> ValueEvaluator::comparedSettingName(const Expr *write) const {
  // The literal, also through the converting constructor a comparison of string views or
  // strings gives it (`arg == "--topic"` of a `std::string_view arg`).
  auto literalOf = [&](const Expr *e) -> std::optional<std::string> {
    e = unwrap(e);
    while (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e))
      e = construct->getNumArgs() >= 1 ? unwrap(construct->getArg(0)) : nullptr;
    if (auto *literal = dyn_cast_or_null<StringLiteral>(e))
      return literal->getString().str();
    return std::nullopt;
  };
  // `a == "x"` of strings, `strcmp(a, "x") == 0`, `a.compare("x") == 0`, `!strcmp(a, "x")`.
  auto comparedLiteral = [&](const Expr *condition) -> std::optional<std::string> {
    condition = condition ? condition->IgnoreParenImpCasts() : nullptr;
    auto comparison = [&](const Expr *call) -> std::optional<std::string> {
      if (auto *c = dyn_cast_or_null<CallExpr>(call ? call->IgnoreParenImpCasts() : nullptr);
          c && c->getDirectCallee() && c->getDirectCallee()->getIdentifier()) {
        llvm::StringRef name = c->getDirectCallee()->getName();
        if ((name == "strcmp" || name == "strcasecmp") && c->getNumArgs() == 2) {
          if (auto text = literalOf(c->getArg(1)))
            return text;
          return literalOf(c->getArg(0));
        }
        if (auto *m = dyn_cast<CXXMemberCallExpr>(c); m && name == "compare" && m->getNumArgs() == 1)
          return literalOf(m->getArg(0));
      }
      return std::nullopt;
    };
    if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(condition);
        op && op->getOperator() == OO_EqualEqual && op->getNumArgs() == 2) {
      if (auto text = literalOf(op->getArg(1)); text && isStringLike(op->getArg(0)->getType()))
        return text;
      if (auto text = literalOf(op->getArg(0)); text && isStringLike(op->getArg(1)->getType()))
        return text;
    }
    if (auto *op = dyn_cast_or_null<BinaryOperator>(condition); op && op->getOpcode() == BO_EQ) {
      Expr::EvalResult zero;
      for (auto [call, other] : {std::pair{op->getLHS(), op->getRHS()}, std::pair{op->getRHS(), op->getLHS()}})
        if (!other->isValueDependent() && other->EvaluateAsInt(zero, context_) && zero.Val.getInt() == 0)
          if (auto text = comparison(call))
            return text;
    }
    if (auto *negation = dyn_cast_or_null<UnaryOperator>(condition); negation && negation->getOpcode() == UO_LNot)
      return comparison(negation->getSubExpr());
    return std::nullopt;
  };
  if (const IfStmt *branch = testedBy(write))
    return comparedLiteral(branch->getCond());
  return std::nullopt;
}

const IfStmt *ValueEvaluator::testedBy(const Expr *write) const {
  DynTypedNode child = DynTypedNode::create(*write);
  for (int step = 0; step < 16; ++step) {
    DynTypedNodeList parents = context_.getParents(child);
    if (parents.size() != 1 || parents[0].get<FunctionDecl>() || parents[0].get<LambdaExpr>())
      return nullptr;
    if (auto *branch = parents[0].get<IfStmt>())
      return branch->getThen() == child.get<Stmt>() ? branch : nullptr; // the else branch: not under its test
    child = parents[0];
  }
  return nullptr;
}

} // namespace eventscope
