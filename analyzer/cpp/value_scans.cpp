// What the whole translation unit writes: namespace-scope `const char *` variables it only
// reads, and the values it gives string members (ValueEvaluator::onlyRead, memberWrites).
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/DenseMap.h>

namespace eventscope {

using namespace clang;

namespace {

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
