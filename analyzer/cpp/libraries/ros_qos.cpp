#include "analyzer/cpp/libraries/ros_qos.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/value_evaluator.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>

#include <cctype>

namespace eventscope {
using namespace clang;

namespace {

// rmw/qos_profiles.h and rclcpp/qos.hpp: the predefined profiles' reliability and durability.
// The system default's durability is the DDS default, VOLATILE (DDS 1.4, 2.2.3 "Supported QoS"),
// in every RMW ROS 2 ships (Fast DDS, Cyclone DDS, Connext); its reliability is the DDS
// default of each side (a writer's reliable, a reader's best effort), so it is not given.
struct Predefined {
  const char *name;
  const char *reliability, *durability;
};
constexpr Predefined kPredefined[] = {
    {"rmw_qos_profile_default", "reliable", "volatile"},
    {"rmw_qos_profile_sensor_data", "best_effort", "volatile"},
    {"rmw_qos_profile_services_default", "reliable", "volatile"},
    {"rmw_qos_profile_parameters", "reliable", "volatile"},
    {"rmw_qos_profile_parameter_events", "reliable", "volatile"},
    {"rmw_qos_profile_system_default", "", "volatile"},
    {"rclcpp::QoS", "reliable", "volatile"},
    {"rclcpp::SensorDataQoS", "best_effort", "volatile"},
    {"rclcpp::ServicesQoS", "reliable", "volatile"},
    {"rclcpp::ParametersQoS", "reliable", "volatile"},
    {"rclcpp::ParameterEventsQoS", "reliable", "volatile"},
    {"rclcpp::RosoutQoS", "reliable", "transient_local"},
    {"rclcpp::ClockQoS", "best_effort", "volatile"},
    {"rclcpp::SystemDefaultsQoS", "", "volatile"},
    {"rclcpp::BestAvailableQoS", "", ""},
};

const Predefined *predefined(const std::string &name) {
  for (const Predefined &p : kPredefined)
    if (name == p.name)
      return &p;
  return nullptr;
}

QosPolicies fromPredefined(const Predefined &p, const std::string &written) {
  return QosPolicies{p.reliability, p.durability, written, {}};
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
      return withWritten(fromPredefined(*predefined("rclcpp::QoS"), ""), e); // a depth: rclcpp::QoS(depth)
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

  // What one setter call does to `q`; false for a method that is not a QoS setter.
  static bool applySetter(QosPolicies &q, const CXXMemberCallExpr *call) {
    const CXXMethodDecl *method = call->getMethodDecl();
    if (!method)
      return false;
    std::string name = method->getNameAsString();
    if (name == "reliable")
      q.reliability = "reliable";
    else if (name == "best_effort")
      q.reliability = "best_effort";
    else if (name == "transient_local")
      q.durability = "transient_local";
    else if (name == "durability_volatile")
      q.durability = "volatile";
    else if ((name == "reliability" || name == "durability") && call->getNumArgs() == 1) {
      std::string policy = policyConstant(call->getArg(0));
      std::string &field = name == "reliability" ? q.reliability : q.durability;
      if (endsWith(policy, "BESTEFFORT"))
        field = "best_effort";
      else if (endsWith(policy, "RELIABLE"))
        field = "reliable";
      else if (endsWith(policy, "TRANSIENTLOCAL"))
        field = "transient_local";
      else if (endsWith(policy, "VOLATILE"))
        field = "volatile";
      else
        field.clear(); // a system default, or a value the code computes
    } else if (name != "keep_last" && name != "keep_all" && name != "history" && name != "deadline" &&
               name != "lifespan" && name != "liveliness" && name != "liveliness_lease_duration" &&
               name != "avoid_ros_namespace_conventions") {
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
      // QoS(QoSInitialization::from_rmw(profile), profile): the rmw profile's policies.
      for (const Expr *arg : construct->arguments())
        if (const auto *ref = dyn_cast<DeclRefExpr>(arg->IgnoreParenImpCasts()))
          if (const Predefined *profile = predefined(ref->getDecl()->getNameAsString()))
            return withWritten(fromPredefined(*profile, ""), construct);
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
    if (q.reliability.empty() && q.durability.empty())
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
        // `qos.reliable().transient_local();`: each setter of the chain, innermost first.
        while (call) {
          applySetter(q, call);
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
