// A local string given its value on branches (`if (left) name = "l"; else name = "r"; if
// (color) name = name + "_color";`): the writes that reach a use, by a backward walk of
// Clang's CFG of the function, each path stopped at its last write. The straight-line walk
// (lastAssignedBefore) gives up at the first branch that writes; the flow-insensitive reading
// of every assignment took `name + "_color"` for a value of its own and fed it to itself.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/Analysis/CFG.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/SmallVector.h>

#include <utility>

namespace eventscope {

using namespace clang;

namespace {

bool refersTo(const Expr *e, const VarDecl *var) {
  auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? e->IgnoreParenImpCasts() : nullptr);
  return ref && ref->getDecl() == var;
}

// What `statement`, one element of the CFG, does to `var`: gives it a whole value
// (`var = X`, its declaration), appends to it (`var += X`), or nothing this walk knows.
struct Write {
  const Stmt *site = nullptr;     // the element (a DeclStmt or the operator)
  const Expr *value = nullptr;    // X of `var = X`, the initialiser; the piece of `var += X`
  const Expr *before = nullptr;   // `var` as read by `var += X` (the value it appends to)
};

std::optional<Write> writeIn(const Stmt *statement, const VarDecl *var) {
  if (auto *declaration = dyn_cast<DeclStmt>(statement)) {
    for (const Decl *d : declaration->decls())
      if (d == var)
        return Write{statement, var->getInit(), nullptr};
    return std::nullopt;
  }
  if (auto *op = dyn_cast<BinaryOperator>(statement); op && op->getOpcode() == BO_Assign && refersTo(op->getLHS(), var))
    return Write{statement, op->getRHS(), nullptr};
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(statement); op && op->getNumArgs() == 2 && refersTo(op->getArg(0), var)) {
    if (op->getOperator() == OO_Equal)
      return Write{statement, op->getArg(1), nullptr};
    if (op->getOperator() == OO_PlusEqual)
      return Write{statement, op->getArg(1), op->getArg(0)};
  }
  return std::nullopt;
}

} // namespace

// One CFG per function, with every expression its own element, so that the element a use is
// in, and each write, have a place in their block.
struct ValueEvaluator::FunctionFlow {
  std::unique_ptr<CFG> cfg;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> place;
};

const ValueEvaluator::FunctionFlow *ValueEvaluator::flowOf(const FunctionDecl *function) const {
  auto [it, fresh] = flows_.try_emplace(function, nullptr);
  if (!fresh)
    return it->second.get();
  // A template's own pattern is not built a CFG (as Clang's analysis-based warnings do not):
  // its instantiations are read instead.
  if (!function->getBody() || function->isInvalidDecl() || function->isDependentContext())
    return nullptr;
  CFG::BuildOptions options;
  options.setAllAlwaysAdd();
  auto flow = std::make_unique<FunctionFlow>();
  flow->cfg = CFG::buildCFG(function, function->getBody(), &context_, options);
  if (!flow->cfg)
    return nullptr;
  for (const CFGBlock *block : *flow->cfg)
    for (unsigned i = 0; i < block->size(); ++i)
      if (std::optional<CFGStmt> element = (*block)[i].getAs<CFGStmt>())
        flow->place.try_emplace(element->getStmt(), block, i);
  it->second = std::move(flow);
  return it->second.get();
}

std::optional<ArgValue> ValueEvaluator::reachingValue(const VarDecl *var, const DeclRefExpr *use,
                                                      unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  if (!function || !var->isLocalVarDecl() || depth > kMaxEvaluationDepth || !function->getBody())
    return std::nullopt;
  // A range-for's variable is each element in turn (evaluateDecl reads it so); its
  // initialiser here is the iterator's dereference.
  if (var->isCXXForRangeDecl())
    return std::nullopt;
  const FunctionFlow *flow = flowOf(function);
  if (!flow)
    return std::nullopt;
  auto at = flow->place.find(use);
  if (at == flow->place.end())
    return std::nullopt; // in a lambda's body, or code the CFG left out
  // Every change of the local must be one of the writes this walk knows: a reference or a
  // pointer to it, a call that takes it to change it, may give it any value on any path.
  // Once per local (one ExprMutationAnalyzer walk of its function).
  auto [known, fresh] = onlyKnownWrites_.try_emplace(var, true);
  if (fresh) {
    ExprMutationAnalyzer mutations(*function->getBody(), context_);
    for (const DeclRefExpr *ref : referencesTo(var, *function->getBody(), context_)) {
      if (!changedAt(mutations, ref, context_))
        continue;
      DynTypedNodeList parents = context_.getParents(*ref);
      const Stmt *parent = parents.size() == 1 ? parents[0].get<Stmt>() : nullptr;
      while (parent && isa<ImplicitCastExpr>(parent)) {
        DynTypedNodeList up = context_.getParents(*parent);
        parent = up.size() == 1 ? up[0].get<Stmt>() : nullptr;
      }
      if (!parent || !writeIn(parent, var)) {
        known->second = false;
        break;
      }
    }
  }
  if (!known->second)
    return std::nullopt;
  // Backwards from the use, block by block; each path ends at the write nearest the use.
  std::vector<Write> writes;
  llvm::DenseSet<const CFGBlock *> entered;
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> work{at->second};
  while (!work.empty()) {
    auto [block, end] = work.pop_back_val();
    bool written = false;
    for (unsigned i = end; i-- > 0 && !written;)
      if (std::optional<CFGStmt> element = (*block)[i].getAs<CFGStmt>())
        if (std::optional<Write> write = writeIn(element->getStmt(), var)) {
          if (std::none_of(writes.begin(), writes.end(), [&](const Write &w) { return w.site == write->site; }))
            writes.push_back(*write);
          written = true;
        }
    if (written)
      continue;
    if (block == &flow->cfg->getEntry())
      return std::nullopt; // a path with no write: not a local's use as C++ allows it
    for (const CFGBlock::AdjacentBlock &pred : block->preds())
      if (const CFGBlock *before = pred.getReachableBlock(); before && entered.insert(before).second)
        work.push_back({before, before->size()});
  }
  if (writes.empty())
    return std::nullopt;
  // Each write's value, read where it is; a write met again while its own value is read (a
  // loop appending to the name) is not one value.
  ArgValue all;
  all.kind = ArgValue::Kind::Strings;
  // The write whose value is being read reaches it again (`t += "/x"` in a loop): not one
  // value, and not to be guessed by the readings that do not follow paths, nor made a
  // pattern by the concatenation around it.
  auto looped = [&] {
    loopMet_ = true;
    ArgValue unknown;
    unknown.text = "the value of variable '" + var->getNameAsString() + "' changes in a loop before this use";
    return unknown;
  };
  for (const Write &write : writes) {
    if (!writingNow_.insert(write.site).second)
      return looped();
    const bool outerLoopMet = std::exchange(loopMet_, false);
    ArgValue one;
    if (!write.value)
      one = ArgValue{};
    else if (write.before)
      one = concatenate(evaluate(write.before, depth + 1), evaluate(write.value, depth + 1), var->getNameAsString(),
                        placeholderFor(write.value), false);
    else
      one = builtText(write.value, {}, depth);
    writingNow_.erase(write.site);
    if (std::exchange(loopMet_, outerLoopMet))
      return looped();
    if (one.kind != ArgValue::Kind::Strings)
      return std::nullopt;
    addAlternatives(all, one);
  }
  std::sort(all.strings.begin(), all.strings.end());
  return all;
}

} // namespace eventscope
