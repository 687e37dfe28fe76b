#include "analyzer/cpp/libraries/ros_qos.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>

#include <cctype>
#include <optional>

namespace eventscope {
using namespace clang;

namespace {

// rmw/qos_profiles.h and rclcpp/qos.hpp: the predefined profiles' reliability, durability
// and keep_last depth (0: the system default's, unknown). The system default's durability is
// the DDS default, VOLATILE (DDS 1.4, 2.2.3 "Supported QoS"), in every RMW ROS 2 ships (Fast
// DDS, Cyclone DDS, Connext); its reliability is the DDS default of each side (a writer's
// reliable, a reader's best effort), so it is not given. Every profile but BestAvailableQoS
// has rmw's default deadline and lease duration (none) and the system default liveliness.
struct Predefined {
  const char *name;
  const char *reliability, *durability;
  int depth;
};
constexpr Predefined kPredefined[] = {
    {"rmw_qos_profile_default", "reliable", "volatile", 10},
    {"rmw_qos_profile_sensor_data", "best_effort", "volatile", 5},
    {"rmw_qos_profile_services_default", "reliable", "volatile", 10},
    {"rmw_qos_profile_parameters", "reliable", "volatile", 1000},
    {"rmw_qos_profile_parameter_events", "reliable", "volatile", 1000},
    {"rmw_qos_profile_system_default", "", "volatile", 0},
    {"rclcpp::QoS", "reliable", "volatile", 0},
    {"rclcpp::SensorDataQoS", "best_effort", "volatile", 5},
    {"rclcpp::ServicesQoS", "reliable", "volatile", 10},
    {"rclcpp::ParametersQoS", "reliable", "volatile", 1000},
    {"rclcpp::ParameterEventsQoS", "reliable", "volatile", 1000},
    {"rclcpp::RosoutQoS", "reliable", "transient_local", 1000},
    {"rclcpp::ClockQoS", "best_effort", "volatile", 1},
    {"rclcpp::SystemDefaultsQoS", "", "volatile", 0},
    {"rclcpp::BestAvailableQoS", "", "", 0},
};

const Predefined *predefined(const std::string &name) {
  for (const Predefined &p : kPredefined)
    if (name == p.name)
      return &p;
  return nullptr;
}

QosPolicies fromPredefined(const Predefined &p, const std::string &written) {
  QosPolicies q;
  q.reliability = p.reliability;
  q.durability = p.durability;
  q.written = written;
  if (p.depth > 0) {
    q.history = "keep_last";
    q.depth = p.depth;
  }
  if (std::string(p.name) != "rclcpp::BestAvailableQoS")
    q.deadlineNs = q.leaseNs = 0;
  return q;
}

// A constant integer (a depth, seconds of a duration); nullopt when Clang cannot evaluate it.
std::optional<int64_t> constantInteger(const Expr *e, const ASTContext &context) {
  Expr::EvalResult result;
  if (!e || e->isValueDependent() || !e->EvaluateAsInt(result, context))
    return std::nullopt;
  return result.Val.getInt().getExtValue();
}

int64_t clampedNs(long double ns) {
  if (ns < 0)
    return -1;
  return ns >= static_cast<long double>(kRosDurationInfiniteNs) ? kRosDurationInfiniteNs : static_cast<int64_t>(ns);
}

// The nanoseconds of a duration the code gives as a constant: `std::chrono::milliseconds(100)`,
// `100ms`, `rclcpp::Duration(1, 0)`, `rclcpp::Duration(std::chrono::seconds(2))`,
// `rclcpp::Duration::from_seconds(0.5)`, `from_nanoseconds(n)`, `rmw_time_t{1, 0}`,
// RMW_DURATION_INFINITE, a const variable of these; -1 for anything else (a parameter).
int64_t durationNs(const Expr *e, const ASTContext &context, unsigned depth = 0) {
  if (!e || depth > 8 || e->isValueDependent())
    return -1;
  e = ValueEvaluator::unwrap(e);
  if (const auto *cast = dyn_cast<CastExpr>(e))
    return durationNs(cast->getSubExpr(), context, depth + 1);
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    if (var && var->getInit() && var->getType().isConstQualified())
      return durationNs(var->getInit(), context, depth + 1);
    return -1;
  }
  const CXXRecordDecl *record = e->getType()->getAsCXXRecordDecl();
  const RecordDecl *plain = e->getType()->getAsRecordDecl();
  const std::string name = record ? record->getQualifiedNameAsString() : plain ? plain->getNameAsString() : "";
  auto field = [&](const APValue &value, unsigned i) -> std::optional<long double> {
    if (!value.isStruct() || value.getStructNumFields() <= i)
      return std::nullopt;
    const APValue &f = value.getStructField(i);
    if (f.isInt())
      return static_cast<long double>(f.getInt().getExtValue());
    if (f.isFloat())
      return static_cast<long double>(f.getFloat().convertToDouble());
    return std::nullopt;
  };
  if (name == "rmw_time_t" || name == "rmw_time_s") {
    Expr::EvalResult result;
    if (!e->EvaluateAsRValue(result, context))
      return -1;
    auto sec = field(result.Val, 0), nsec = field(result.Val, 1);
    return sec && nsec ? clampedNs(*sec * 1e9L + *nsec) : -1;
  }
  if (name == "std::chrono::duration") {
    // duration<Rep, ratio<Num, Den>>: its count times Num/Den seconds.
    const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record);
    const CXXRecordDecl *ratio =
        spec && spec->getTemplateArgs().size() == 2 && spec->getTemplateArgs()[1].getKind() == TemplateArgument::Type
            ? spec->getTemplateArgs()[1].getAsType()->getAsCXXRecordDecl()
            : nullptr;
    const auto *ratioSpec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(ratio);
    Expr::EvalResult result;
    if (!ratioSpec || ratioSpec->getTemplateArgs().size() < 2 ||
        ratioSpec->getTemplateArgs()[0].getKind() != TemplateArgument::Integral ||
        ratioSpec->getTemplateArgs()[1].getKind() != TemplateArgument::Integral || !e->EvaluateAsRValue(result, context))
      return -1;
    auto count = field(result.Val, 0);
    const llvm::APSInt num = ratioSpec->getTemplateArgs()[0].getAsIntegral(),
                       den = ratioSpec->getTemplateArgs()[1].getAsIntegral();
    if (!count || den == 0)
      return -1;
    return clampedNs(*count * 1e9L * num.getExtValue() / den.getExtValue());
  }
  if (name == "rclcpp::Duration") {
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      if (construct->getNumArgs() == 0)
        return 0;
      if (construct->getNumArgs() == 2) {
        auto sec = constantInteger(construct->getArg(0), context), nsec = constantInteger(construct->getArg(1), context);
        return sec && nsec ? clampedNs(*sec * 1e9L + *nsec) : -1;
      }
      return construct->getNumArgs() == 1 ? durationNs(construct->getArg(0), context, depth + 1) : -1;
    }
    const auto *call = dyn_cast<CallExpr>(e);
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    if (!callee || call->getNumArgs() != 1)
      return -1;
    if (callee->getNameAsString() == "from_nanoseconds")
      if (auto n = constantInteger(call->getArg(0), context))
        return clampedNs(*n);
    llvm::APFloat seconds(0.0);
    if (callee->getNameAsString() == "from_seconds" && call->getArg(0)->EvaluateAsFloat(seconds, context))
      return clampedNs(seconds.convertToDouble() * 1e9L);
  }
  return -1;
}

// The name of the enumerator an argument names (`rclcpp::ReliabilityPolicy::BestEffort`,
// RMW_QOS_POLICY_DURABILITY_TRANSIENT_LOCAL), upper-cased without underscores.
std::string policyConstant(const Expr *e) {
  const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
  if (!ref || !isa<EnumConstantDecl>(ref->getDecl()))
    return "";
  std::string out;
  for (char c : ref->getDecl()->getNameAsString())
    if (c != '_')
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool endsWith(const std::string &s, const char *tail) {
  std::string t(tail);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

class QosReader {
public:
  QosReader(const Stmt *body, ASTContext &context) : body_(body), context_(context) {}

  QosPolicies read(const Expr *e, unsigned depth) {
    if (!e || depth > 12)
      return {};
    e = ValueEvaluator::unwrap(e);
    if (const auto *cast = dyn_cast<CastExpr>(e))
      return read(cast->getSubExpr(), depth + 1);
    if (e->getType()->isIntegerType() && !e->getType()->isBooleanType())
      return withWritten(withDepth(fromPredefined(*predefined("rclcpp::QoS"), ""), e), e); // rclcpp::QoS(depth)
    if (const auto *call = dyn_cast<CXXMemberCallExpr>(e)) {
      QosPolicies q = readSetter(call, depth);
      return q.known() ? q : readReturned(call, depth);
    }
    if (const auto *call = dyn_cast<CallExpr>(e))
      return readReturned(call, depth);
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e))
      return readConstruction(construct, depth);
    if (const auto *ref = dyn_cast<DeclRefExpr>(e))
      return readVariable(ref, depth);
    if (const auto *member = dyn_cast<MemberExpr>(e))
      return readMember(member, depth);
    return {};
  }

private:
  // keep_last with the depth `e` gives, when a constant (a parameter's leaves it unknown).
  QosPolicies withDepth(QosPolicies q, const Expr *e) {
    q.history = "keep_last";
    q.depth = constantInteger(e, context_).value_or(-1);
    return q;
  }

  QosPolicies withWritten(QosPolicies q, const Expr *e) {
    if (q.written.empty()) {
      const SourceManager &sm = context_.getSourceManager();
      CharSourceRange range = CharSourceRange::getTokenRange(sm.getExpansionRange(e->getSourceRange()).getAsRange());
      // One line, whatever the code's layout: runs of white space become one space.
      for (char c : Lexer::getSourceText(range, sm, context_.getLangOpts()))
        if (!std::isspace(static_cast<unsigned char>(c)))
          q.written += c;
        else if (!q.written.empty() && q.written.back() != ' ' && q.written.back() != '(')
          q.written += ' ';
    }
    return q;
  }

  // `.reliable()`, `.best_effort()`, `.transient_local()`, `.durability_volatile()`,
  // `.reliability(P)`, `.durability(P)`; the depth and the other policies pass through.
  QosPolicies readSetter(const CXXMemberCallExpr *call, unsigned depth) {
    if (!call->getMethodDecl())
      return {};
    QosPolicies q = read(call->getImplicitObjectArgument(), depth + 1);
    if (!applySetter(q, call))
      return {};
    q.written.clear();
    return withWritten(q, call);
  }

  // A QoS the project's own function returns (`static rclcpp::QoS streamQos() { return
  // rclcpp::QoS(5).best_effort(); }`, shared-cases 07 sibling): its one return, read in its
  // body, written as the call. Nothing for a function with several returns, or none here.
  QosPolicies readReturned(const CallExpr *call, unsigned depth) {
    const FunctionDecl *callee = call->getDirectCallee();
    const FunctionDecl *definition = nullptr;
    if (!callee || !callee->hasBody(definition) || !definition || !definition->getBody() ||
        context_.getSourceManager().isInSystemHeader(context_.getSourceManager().getExpansionLoc(definition->getLocation())))
      return {};
    using namespace ast_matchers;
    auto returns = match(findAll(returnStmt(unless(hasAncestor(lambdaExpr()))).bind("return")), *definition->getBody(),
                         context_);
    if (returns.size() != 1)
      return {};
    const auto *returned = returns.front().getNodeAs<ReturnStmt>("return");
    if (!returned || !returned->getRetValue())
      return {};
    QosPolicies q = QosReader(definition->getBody(), context_).read(returned->getRetValue(), depth + 1);
    if (!q.known())
      return {};
    q.written.clear();
    return withWritten(q, call);
  }

  // What one setter call does to `q`; false for a method that is not a QoS setter. A value
  // that is not a constant (a parameter) makes its policy unknown.
  bool applySetter(QosPolicies &q, const CXXMemberCallExpr *call) {
    const CXXMethodDecl *method = call->getMethodDecl();
    if (!method)
      return false;
    std::string name = method->getNameAsString();
    const Expr *arg = call->getNumArgs() == 1 ? call->getArg(0) : nullptr;
    if (name == "reliable")
      q.reliability = "reliable";
    else if (name == "best_effort")
      q.reliability = "best_effort";
    else if (name == "transient_local")
      q.durability = "transient_local";
    else if (name == "durability_volatile")
      q.durability = "volatile";
    else if (name == "keep_last" && arg)
      q = withDepth(q, arg);
    else if (name == "keep_all") {
      q.history = "keep_all";
      q.depth = -1;
    } else if (name == "deadline")
      q.deadlineNs = arg ? durationNs(arg, context_) : -1;
    else if (name == "liveliness_lease_duration")
      q.leaseNs = arg ? durationNs(arg, context_) : -1;
    else if ((name == "reliability" || name == "durability" || name == "liveliness" || name == "history") && arg) {
      std::string policy = policyConstant(arg);
      std::string &field = name == "reliability" ? q.reliability
                           : name == "durability" ? q.durability
                           : name == "liveliness" ? q.liveliness
                                                  : q.history;
      field.clear(); // a system default, or a value the code computes
      for (const char *value : {"best_effort", "reliable", "transient_local", "volatile", "automatic",
                                "manual_by_topic", "keep_last", "keep_all"}) {
        std::string tail;
        for (const char *c = value; *c; ++c)
          if (*c != '_')
            tail += static_cast<char>(std::toupper(static_cast<unsigned char>(*c)));
        if (endsWith(policy, tail.c_str()))
          field = value;
      }
      if (name == "history" && q.history != "keep_last")
        q.depth = -1;
    } else if (name != "lifespan" && name != "avoid_ros_namespace_conventions") {
      return false;
    }
    return true;
  }

  QosPolicies readConstruction(const CXXConstructExpr *construct, unsigned depth) {
    const CXXRecordDecl *record = construct->getConstructor()->getParent();
    // A copy (or a converting constructor's, as the stand-in's variadic one) of another QoS.
    if (construct->getNumArgs() == 1 && !construct->getArg(0)->getType()->isIntegerType() &&
        (construct->getConstructor()->isCopyOrMoveConstructor() || mayCarryQos(construct->getArg(0)->getType())))
      return read(construct->getArg(0), depth + 1);
    const Predefined *p = predefined(withoutTemplateArguments(record->getQualifiedNameAsString()));
    if (!p)
      return {};
    if (std::string(p->name) == "rclcpp::QoS") {
      // QoS(QoSInitialization::from_rmw(profile), profile): the rmw profile's policies;
      // QoS(depth), QoS(KeepLast(depth)), QoS(KeepAll()): a history of rmw's default profile.
      for (const Expr *arg : construct->arguments()) {
        if (const auto *ref = dyn_cast<DeclRefExpr>(arg->IgnoreParenImpCasts()))
          if (const Predefined *profile = predefined(ref->getDecl()->getNameAsString()))
            return withWritten(fromPredefined(*profile, ""), construct);
        // Another rmw profile (a local copy whose fields the code sets): not followed.
        const CXXRecordDecl *type = arg->getType().getNonReferenceType()->getAsCXXRecordDecl();
        if (type && (type->getNameAsString() == "rmw_qos_profile_s" || type->getNameAsString() == "rmw_qos_profile_t"))
          return {};
      }
      QosPolicies q = fromPredefined(*p, "");
      if (construct->getNumArgs() >= 1) {
        const Expr *history = ValueEvaluator::unwrap(construct->getArg(0));
        while (const auto *cast = dyn_cast<CastExpr>(history))
          history = ValueEvaluator::unwrap(cast->getSubExpr());
        const CXXRecordDecl *kind = history->getType()->getAsCXXRecordDecl();
        const std::string kindName = kind ? kind->getQualifiedNameAsString() : "";
        const auto *made = dyn_cast<CXXConstructExpr>(history);
        if (history->getType()->isIntegerType())
          q = withDepth(q, history);
        else if (kindName == "rclcpp::KeepLast" && made && made->getNumArgs() == 1)
          q = withDepth(q, made->getArg(0));
        else if (kindName == "rclcpp::KeepAll")
          q.history = "keep_all";
      }
      return withWritten(q, construct);
    }
    return withWritten(fromPredefined(*p, ""), construct);
  }

  // A QoS kept in a member (`rclcpp::SensorDataQoS qos_;`, `rclcpp::QoS qos_ =
  // rclcpp::SensorDataQoS();`, `qos_(rclcpp::QoS(10).reliable())` in the one constructor that
  // gives it): that initialiser, or the profile its type is when default-made. Nothing when a
  // method of the class changes it (shared-cases 07 sibling, session 47).
  QosPolicies readMember(const MemberExpr *read, unsigned depth) {
    const auto *field = dyn_cast<FieldDecl>(read->getMemberDecl());
    const auto *record = field ? dyn_cast<CXXRecordDecl>(field->getParent()) : nullptr;
    if (!record || !record->hasDefinition())
      return {};
    using namespace clang::ast_matchers;
    const Expr *init = field->getInClassInitializer();
    unsigned given = 0;
    for (const CXXConstructorDecl *constructor : record->ctors())
      for (const CXXCtorInitializer *each : constructor->inits())
        if (each->getMember() == field && each->isWritten()) {
          init = each->getInit();
          ++given;
        }
    if (given > 1)
      return {};
    for (const CXXMethodDecl *method : record->methods()) {
      if (!method->hasBody())
        continue;
      for (const BoundNodes &found : match(findAll(memberExpr(member(equalsNode(field))).bind("m")), *method->getBody(), context_)) {
        const Expr *use = found.getNodeAs<MemberExpr>("m");
        auto parents = context_.getParents(*use);
        while (!parents.empty() && parents[0].get<ImplicitCastExpr>()) { // a base's setter on a profile class
          use = parents[0].get<ImplicitCastExpr>();
          parents = context_.getParents(*use);
        }
        const auto *call = parents.empty() ? nullptr : parents[0].get<MemberExpr>();
        const auto *assign = parents.empty() ? nullptr : parents[0].get<CXXOperatorCallExpr>();
        if (call || (assign && assign->isAssignmentOp() && assign->getArg(0) == use))
          return {}; // `qos_.reliable();`, `qos_ = ...`
      }
    }
    QosPolicies q;
    if (init && !isa<CXXDefaultInitExpr>(init))
      q = this->read(init, depth + 1);
    else if (const Predefined *p = predefined(withoutTemplateArguments(
                 field->getType()->getAsCXXRecordDecl() ? field->getType()->getAsCXXRecordDecl()->getQualifiedNameAsString() : "")))
      q = std::string(p->name) == "rclcpp::QoS" ? QosPolicies{} : fromPredefined(*p, "");
    if (!q.known())
      return {};
    q.written = field->getNameAsString();
    return q;
  }

  // An rmw profile constant, or a local (or constant) QoS initialised once and set up by
  // setter calls before this use.
  QosPolicies readVariable(const DeclRefExpr *ref, unsigned depth) {
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    if (!var)
      return {};
    if (const Predefined *p = predefined(var->getNameAsString()))
      return withWritten(fromPredefined(*p, ""), ref);
    if (!var->getInit() || (!var->isLocalVarDecl() && !var->getType().isConstQualified()))
      return {};
    QosPolicies q = read(var->getInit(), depth + 1);
    q.written = var->getNameAsString(); // the variable, as the call names it
    if (!var->isLocalVarDecl() || !body_)
      return q;
    const SourceManager &sm = context_.getSourceManager();
    for (const DeclRefExpr *use : referencesTo(var, *body_, context_)) {
      if (use == ref || !sm.isBeforeInTranslationUnit(use->getBeginLoc(), ref->getBeginLoc()))
        continue;
      // `qos.best_effort();` as a statement of its own: a setter call on the variable.
      const auto parents = context_.getParents(*use);
      const auto *member = parents.empty() ? nullptr : parents[0].get<MemberExpr>();
      const CXXMemberCallExpr *call = nullptr;
      if (member) {
        const auto memberParents = context_.getParents(*member);
        call = memberParents.empty() ? nullptr : memberParents[0].get<CXXMemberCallExpr>();
      }
      if (call) {
        // A setter under a condition or in a loop the final use is not in (`if (fast)
        // qos.best_effort();`, the flag often a parameter): the policies it sets are unknown.
        const bool conditional = underBranchWithout(use, ref);
        // `qos.reliable().transient_local();`: each setter of the chain, innermost first.
        while (call) {
          if (conditional) {
            QosPolicies set = q;
            applySetter(set, call);
            forgetChanged(q, set);
          } else {
            applySetter(q, call);
          }
          const auto up = context_.getParents(*call);
          const auto *outerMember = up.empty() ? nullptr : up[0].get<MemberExpr>();
          const auto outer = outerMember ? context_.getParents(*outerMember) : up;
          call = outerMember && !outer.empty() ? outer[0].get<CXXMemberCallExpr>() : nullptr;
        }
        continue;
      }
      const Expr *parent = parents.empty() ? nullptr : parents[0].get<Expr>();
      if (parent && (isa<ImplicitCastExpr>(parent) || isa<CXXConstructExpr>(parent) || readOnlyArgument(use, parent)))
        continue;
      return {}; // changed in a way not followed (assigned, passed by non-const reference)
    }
    return q;
  }

  // Whether `use` is inside an if, switch, loop or conditional expression that does not also
  // hold `final` (the call the QoS is given to).
  bool underBranchWithout(const Stmt *use, const Stmt *final) {
    const Stmt *at = use;
    for (unsigned depth = 0; at && depth < 64; ++depth) {
      const auto parents = context_.getParents(*at);
      if (parents.empty())
        return false;
      const Stmt *up = parents[0].get<Stmt>();
      if (!up || up == body_)
        return false;
      if (isa<IfStmt>(up) || isa<SwitchStmt>(up) || isa<ForStmt>(up) || isa<WhileStmt>(up) || isa<DoStmt>(up) ||
          isa<CXXForRangeStmt>(up) || isa<ConditionalOperator>(up) || isa<BinaryConditionalOperator>(up)) {
        const SourceManager &sm = context_.getSourceManager();
        const SourceRange range = up->getSourceRange();
        const SourceLocation f = final->getBeginLoc();
        return sm.isBeforeInTranslationUnit(f, range.getBegin()) || sm.isBeforeInTranslationUnit(range.getEnd(), f);
      }
      at = up;
    }
    return false;
  }

  // Each policy `set` has other than `q`'s becomes unknown in `q`.
  static void forgetChanged(QosPolicies &q, const QosPolicies &set) {
    if (set.reliability != q.reliability)
      q.reliability.clear();
    if (set.durability != q.durability)
      q.durability.clear();
    if (set.history != q.history || set.depth != q.depth)
      q.history.clear(), q.depth = -1;
    if (set.deadlineNs != q.deadlineNs)
      q.deadlineNs = -1;
    if (set.liveliness != q.liveliness)
      q.liveliness.clear();
    if (set.leaseNs != q.leaseNs)
      q.leaseNs = -1;
  }

  // `use` passed to a call that only reads it: a by-value or const reference parameter, or
  // a QoS argument of rclcpp's create_* functions (which take the QoS by const reference;
  // the stand-in's forwarding parameters do not say so).
  static bool readOnlyArgument(const Expr *use, const Expr *parent) {
    const auto *call = dyn_cast<CallExpr>(parent);
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    if (!callee)
      return false;
    if (callee->getNameAsString().rfind("create_", 0) == 0)
      return true;
    unsigned first = isa<CXXOperatorCallExpr>(call) && isa<CXXMethodDecl>(callee) ? 1 : 0;
    for (unsigned i = first; i < call->getNumArgs(); ++i)
      if (call->getArg(i)->IgnoreParenImpCasts() == use && i - first < callee->getNumParams()) {
        QualType param = callee->getParamDecl(i - first)->getType();
        return !param->isReferenceType() || param.getNonReferenceType().isConstQualified();
      }
    return false;
  }

  const Stmt *body_;
  ASTContext &context_;
};

} // namespace

bool mayCarryQos(QualType type) {
  if (type.isNull())
    return false;
  type = type.getNonReferenceType().getUnqualifiedType();
  if (type->isIntegerType())
    return !type->isBooleanType();
  const CXXRecordDecl *record = type->getAsCXXRecordDecl();
  if (!record)
    return false;
  if (record->getNameAsString() == "rmw_qos_profile_s" || record->getNameAsString() == "rmw_qos_profile_t")
    return true;
  if (record->getQualifiedNameAsString() == "rclcpp::QoS")
    return true;
  if (!record->hasDefinition())
    return false;
  bool derivedFromQos = false;
  record->forallBases([&](const CXXRecordDecl *base) {
    derivedFromQos = derivedFromQos || base->getQualifiedNameAsString() == "rclcpp::QoS";
    return true;
  });
  return derivedFromQos;
}

QosPolicies rosQosOf(const Expr *e, const Stmt *body, ASTContext &context) {
  QosPolicies q = QosReader(body, context).read(e, 0);
  if (!q.known())
    q.written.clear();
  return q;
}

} // namespace eventscope
