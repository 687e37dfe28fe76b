// Names with pieces known only at run time: what a piece is called, and the formatting
// functions (std::format, fmt::format, absl::StrCat) that build such names.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/libraries/qt_strings.h"
#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <functional>
#include <clang/Analysis/Analyses/ExprMutationAnalyzer.h>
#include <clang/AST/FormatString.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/TargetInfo.h>
#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <cstring>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace eventscope {

using namespace clang;

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
    else if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1)
      e = construct->getArg(0); // std::string(node->get_name())
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

// What text joined with format pieces can be: constants (a pattern too), or one parameter or
// handle with text around it.
static bool joinable(const ArgValue &v) {
  return v.kind == ArgValue::Kind::Strings || v.kind == ArgValue::Kind::Handle || v.kind == ArgValue::Kind::Parameter;
}

ArgValue ValueEvaluator::formatPiece(const Expr *arg, unsigned depth) const {
  ArgValue v = evaluate(arg, depth + 1);
  if (v.kind == ArgValue::Kind::Strings)
    return v;
  Expr::EvalResult number;
  if (arg && !arg->isValueDependent() && !arg->getType().isNull() && arg->getType()->isIntegralOrEnumerationType() &&
      arg->EvaluateAsInt(number, context_)) {
    ArgValue digits;
    digits.kind = ArgValue::Kind::Strings;
    digits.strings = {llvm::toString(number.Val.getInt(), 10, number.Val.getInt().isSigned())};
    return digits;
  }
  // A number that changes (a loop's counter): a run-time piece, not a handle to find.
  if (v.kind == ArgValue::Kind::Handle && arg && !arg->getType().isNull() && arg->getType()->isArithmeticType()) {
    v = ArgValue{};
    v.text = "the value is a number known at run time";
  }
  return v;
}

namespace {

// The conversions of a printf format, as Clang's format-string parser reads them.
class PrintfConversions : public analyze_format_string::FormatStringHandler {
public:
  explicit PrintfConversions(const char *start) : start_(start) {}
  struct Conversion {
    size_t begin = 0, length = 0;
    bool percent = false;  // `%%`
    unsigned argument = 0; // among the data arguments
  };
  bool HandlePrintfSpecifier(const analyze_printf::PrintfSpecifier &fs, const char *at, unsigned length,
                             const TargetInfo &) override {
    bool percent = fs.getConversionSpecifier().getKind() == analyze_format_string::ConversionSpecifier::PercentArg;
    if (!percent && !fs.consumesDataArgument())
      bad = true; // %n writes, it does not print
    conversions.push_back({static_cast<size_t>(at - start_), length, percent, fs.getArgIndex()});
    return true;
  }
  bool HandleInvalidPrintfConversionSpecifier(const analyze_printf::PrintfSpecifier &, const char *, unsigned) override {
    bad = true;
    return false;
  }
  void HandleIncompleteSpecifier(const char *, unsigned) override { bad = true; }
  std::vector<Conversion> conversions;
  bool bad = false;

private:
  const char *start_;
};

} // namespace

// A parameter or a variable the resolver finds (a member another unit sets) can stand
// beside text, as a helper's parameter (`snprintf(buf, n, "session:%s:state", id)`: the
// helper's calls give it) or a handle; beside another piece not known, each is a run-time
// piece of a pattern, except a parameter that is the only one: it stays the parameter, the other pieces
// run-time text around it (`"XADD %s-%d", stream_name_.c_str(), suffix` is parameter
// `suffix` after `{stream_name}-`), so the helper's calls still give it (concatenate).
void ValueEvaluator::runTimePiecesBesideOthers(std::vector<ArgValue> &pieces) {
  if (std::count_if(pieces.begin(), pieces.end(), [](const ArgValue &v) { return v.kind != ArgValue::Kind::Strings; }) <= 1)
    return;
  // Two parameters (`"pair/%s/%s", a, b`): neither is kept, the helper's own pattern.
  const bool oneParameter = std::count_if(pieces.begin(), pieces.end(), [](const ArgValue &v) {
                              return v.kind == ArgValue::Kind::Parameter;
                            }) == 1;
  for (ArgValue &piece : pieces)
    if (piece.kind == ArgValue::Kind::Parameter && oneParameter && piece.prefix.empty() && piece.suffix.empty()) {
      continue; // stays the parameter
    } else if (piece.kind == ArgValue::Kind::Handle || piece.kind == ArgValue::Kind::Parameter) {
      bool parameter = piece.kind == ArgValue::Kind::Parameter;
      piece = ArgValue{};
      piece.text = parameter ? "the value is formatted from a parameter"
                             : "the value is a variable formatted with other run-time pieces";
    }
}

bool ValueEvaluator::evaluatePrintf(const CallExpr *call, unsigned formatIndex, ArgValue &out, unsigned depth) const {
  if (formatIndex >= call->getNumArgs())
    return false;
  ArgValue format = evaluate(call->getArg(formatIndex), depth + 1);
  if (format.kind != ArgValue::Kind::Strings || format.strings.size() != 1)
    return false;
  const std::string &f = format.strings.front();
  PrintfConversions parsed(f.data());
  if (analyze_format_string::ParsePrintfString(parsed, f.data(), f.data() + f.size(), context_.getLangOpts(),
                                               context_.getTargetInfo(), false) ||
      parsed.bad)
    return false;
  std::vector<ArgValue> pieces;
  for (const PrintfConversions::Conversion &c : parsed.conversions) {
    unsigned index = formatIndex + 1 + c.argument;
    if (c.percent)
      pieces.push_back(constant(""));
    else if (index >= call->getNumArgs())
      return false;
    else
      pieces.push_back(formatPiece(call->getArg(index), depth));
  }
  runTimePiecesBesideOthers(pieces);
  ArgValue text = constant("");
  size_t done = 0;
  for (size_t i = 0; i < parsed.conversions.size(); ++i) {
    const PrintfConversions::Conversion &c = parsed.conversions[i];
    text = concatenate(text, constant(f.substr(done, c.begin - done) + (c.percent ? "%" : "")), "", "", true);
    done = c.begin + c.length;
    if (c.percent)
      continue;
    text = concatenate(text, pieces[i], "", placeholderFor(call->getArg(formatIndex + 1 + c.argument)), true);
    if (!joinable(text))
      return false;
  }
  text = concatenate(text, constant(f.substr(done)), "", "", true);
  out = concatenate(text, constant(""), "", ""); // whole: a pattern needs text of its own
  out.madeAt = names_.callLocation(call);           // the print into the buffer
  return joinable(out);
}

bool ValueEvaluator::printedBuffer(const VarDecl *buffer, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(buffer->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !buffer->isLocalVarDecl() || buffer->isStaticLocal() || buffer->getType().isNull() ||
      !buffer->getType()->isArrayType() || !buffer->getType()->getArrayElementTypeNoTypeQual()->isAnyCharacterType())
    return false;
  const CallExpr *print = nullptr;
  const auto uses = referencesTo(buffer, *body, context_);
  // The use read last in the function: what a call given the buffer there does to it (a C
  // helper taking `char *command`, whose body may be in another unit) no later code sees.
  const Expr *last = nullptr;
  for (const Expr *use : uses)
    if (!last || context_.getSourceManager().isBeforeInTranslationUnit(last->getBeginLoc(), use->getBeginLoc()))
      last = use;
  for (const Expr *use : uses) {
    if (operandOfSizeof(use, context_))
      continue; // sizeof topic
    DynTypedNodeList parents = context_.getParents(*use);
    auto *decay = parents.size() == 1 ? parents[0].get<ImplicitCastExpr>() : nullptr;
    if (!decay || decay->getCastKind() != CK_ArrayToPointerDecay)
      return false;
    parents = context_.getParents(*decay);
    if (parents.size() != 1)
      return false;
    if (auto *call = parents[0].get<CallExpr>(); call && call->getNumArgs() >= 2 && call->getArg(0) == decay &&
                                                 call->getDirectCallee() && call->getDirectCallee()->getIdentifier()) {
      if (printfIntoBuffer(call) && !print) {
        print = call;
        continue;
      }
      return false;
    }
    // Read as a messaging API's vararg (`redisCommand(c, "PUBLISH %s x", topic)`).
    if (auto *api = parents[0].get<CallExpr>(); api && api->getDirectCallee() && api->getDirectCallee()->isVariadic() &&
                                                options_.apiNames.count(api->getDirectCallee()->getQualifiedNameAsString()))
      continue;
    if (use == last && print && parents[0].get<CallExpr>() &&
        context_.getSourceManager().isBeforeInTranslationUnit(print->getEndLoc(), use->getBeginLoc()))
      continue; // printed, then given to a call as `char *`: the text it is given
    if (!readAsPointerToConst(use, CK_ArrayToPointerDecay, context_))
      return false; // written some other way (strcat, buf[i] = ..., a `char *` parameter)
  }
  if (!print)
    return false;
  return evaluatePrintf(print, *printfIntoBuffer(print), out, depth);
}

ArgValue ValueEvaluator::evaluateWrite(const Expr *write, unsigned depth) const {
  auto *print = dyn_cast<CallExpr>(write);
  std::optional<unsigned> format = printfIntoBuffer(print);
  if (!format)
    return evaluate(write, depth);
  ArgValue out;
  if (evaluatePrintf(print, *format, out, depth))
    return out;
  out = ArgValue{};
  out.text = "the value is printed by a format not read";
  return out;
}

// memcpy, memmove, strcpy and strncpy (C's, std::'s, by name): argument 1's bytes into
// argument 0.
std::tuple<const CallExpr *, const FunctionDecl *, unsigned> argumentOf(const DynTypedNodeList &parents,
                                                                        const Expr *argument) {
  const CallExpr *call = parents.size() == 1 ? parents[0].get<CallExpr>() : nullptr;
  if (!call)
    return {nullptr, nullptr, 0};
  unsigned index = 0;
  while (index < call->getNumArgs() && call->getArg(index) != argument)
    ++index;
  return {call, call->getDirectCallee(), index};
}

static bool copiesBytes(const CallExpr *call) {
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier())
    return false;
  llvm::StringRef name = callee->getName();
  return name == "memcpy" || name == "memmove" || name == "strcpy" || name == "strncpy";
}

bool ValueEvaluator::copiedMessage(const VarDecl *message, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(message->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !message->isLocalVarDecl() || message->isStaticLocal() || message->getType().isNull() ||
      !message->getType()->isRecordType() || isStringLike(message->getType()))
    return false;
  auto isMessage = [&](const Expr *e) {
    auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? unwrap(e) : nullptr);
    return ref && ref->getDecl() == message;
  };
  // Where its bytes are: `message.data()`, or a `*_data(&message)` accessor.
  auto isItsBytes = [&](const Expr *e) {
    e = unwrap(e);
    if (auto *member = dyn_cast_or_null<CXXMemberCallExpr>(e); member && member->getMethodDecl() &&
                                                                 member->getMethodDecl()->getIdentifier() &&
                                                                 member->getMethodDecl()->getName() == "data")
      return isMessage(member->getImplicitObjectArgument());
    if (auto *call = dyn_cast_or_null<CallExpr>(e); call && call->getNumArgs() == 1 && call->getDirectCallee() &&
                                                    call->getDirectCallee()->getIdentifier() &&
                                                    call->getDirectCallee()->getName().ends_with("_data"))
      if (auto *address = dyn_cast<UnaryOperator>(unwrap(call->getArg(0))); address && address->getOpcode() == UO_AddrOf)
        return isMessage(address->getSubExpr());
    return false;
  };
  const CallExpr *copy = nullptr;
  using namespace clang::ast_matchers;
  auto calls = match(findAll(callExpr().bind("copy")), *body, context_);
  for (const BoundNodes &bound : calls) {
    const auto *call = bound.getNodeAs<CallExpr>("copy");
    if (!copiesBytes(call) || call->getNumArgs() < 2 || !isItsBytes(call->getArg(0)))
      continue;
    if (copy)
      return false; // filled twice: not one string
    copy = call;
  }
  return copiedFrom(copy, out, depth);
}

bool ValueEvaluator::copiedFrom(const CallExpr *copy, ArgValue &out, unsigned depth) const {
  if (!copy)
    return false;
  ArgValue text = evaluate(copy->getArg(1), depth + 1);
  if (text.kind != ArgValue::Kind::Strings && text.kind != ArgValue::Kind::Parameter)
    return false;
  out = text;
  return true;
}

bool ValueEvaluator::copiedString(const VarDecl *buffer, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(buffer->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  QualType type = buffer->getType();
  if (!body || !buffer->isLocalVarDecl() || buffer->isStaticLocal() || type.isNull() ||
      !(type->isPointerType() || type->isArrayType()) || !type->getPointeeOrArrayElementType()->isCharType() ||
      (type->isPointerType() && type->getPointeeType().isConstQualified()))
    return false;
  // A pointer starts as fresh storage, not as some other string it points into.
  if (type->isPointerType()) {
    const Expr *init = buffer->getInit() ? buffer->getInit()->IgnoreParenImpCasts() : nullptr;
    auto *alloc = dyn_cast_or_null<CallExpr>(init);
    const bool fresh = isa_and_nonnull<CXXNewExpr>(init) ||
                       (alloc && alloc->getDirectCallee() && alloc->getDirectCallee()->getIdentifier() &&
                        (alloc->getDirectCallee()->getName() == "malloc" || alloc->getDirectCallee()->getName() == "calloc"));
    if (!fresh)
      return false;
  }
  const CallExpr *copy = nullptr;
  for (const DeclRefExpr *use : referencesTo(buffer, *body, context_)) {
    if (operandOfSizeof(use, context_) ||
        readAsPointerToConst(use, type->isArrayType() ? CK_ArrayToPointerDecay : CK_LValueToRValue, context_))
      continue;
    // The copy's destination, or freed.
    const Expr *up = use;
    for (DynTypedNodeList parents = context_.getParents(*up); parents.size() == 1 && parents[0].get<ImplicitCastExpr>();
         parents = context_.getParents(*up))
      up = parents[0].get<ImplicitCastExpr>();
    DynTypedNodeList parents = context_.getParents(*up);
    if (parents.size() == 1 && parents[0].get<CXXDeleteExpr>())
      continue;
    auto *call = parents.size() == 1 ? parents[0].get<CallExpr>() : nullptr;
    const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
    if (callee && callee->getIdentifier() && callee->getName() == "free")
      continue;
    if (copiesBytes(call) && call->getNumArgs() >= 2 && call->getArg(0) == up && !copy) {
      copy = call;
      continue;
    }
    return false; // written some other way, or twice
  }
  return copiedFrom(copy, out, depth);
}

// What `target = X` assigns (a class's operator= or the built-in `=`), or null.
const Expr *ValueEvaluator::assignedValue(const Expr *target, ASTContext &context) {
  DynTypedNodeList parents = context.getParents(*target);
  if (parents.size() != 1)
    return nullptr;
  if (auto *op = parents[0].get<CXXOperatorCallExpr>(); op && op->getOperator() == OO_Equal && op->getNumArgs() == 2 &&
                                                        ValueEvaluator::unwrap(op->getArg(0)) == ValueEvaluator::unwrap(target))
    return op->getArg(1);
  if (auto *op = parents[0].get<BinaryOperator>();
      op && op->getOpcode() == BO_Assign && ValueEvaluator::unwrap(op->getLHS()) == ValueEvaluator::unwrap(target))
    return op->getRHS();
  return nullptr;
}

bool ValueEvaluator::filledByCall(const VarDecl *var, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !var->isLocalVarDecl() || var->isStaticLocal() || !isStringLike(var->getType()) ||
      var->getType().isConstQualified() || depth > 8)
    return false;
  ExprMutationAnalyzer mutations(*body, context_);
  const CallExpr *filler = nullptr;
  const ParmVarDecl *filled = nullptr;
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    // As an argument: `f(t)` to a `std::string &`, or `f(&t)` to a `std::string *`.
    const Expr *argument = use;
    DynTypedNodeList parents = context_.getParents(*use);
    if (auto *address = parents.size() == 1 ? parents[0].get<UnaryOperator>() : nullptr;
        address && address->getOpcode() == UO_AddrOf) {
      argument = address;
      parents = context_.getParents(*address);
    }
    auto [call, callee, index] = argumentOf(parents, argument);
    if (callee && call && index < call->getNumArgs() && index < callee->getNumParams() &&
        !isa<CXXOperatorCallExpr>(call)) {
      const ParmVarDecl *param = callee->getParamDecl(index);
      QualType type = param->getType();
      bool writable = !type.isNull() && (type->isLValueReferenceType() || type->isPointerType()) &&
                      !type->getPointeeType().isConstQualified();
      if (writable) {
        if (filler)
          return false; // filled twice
        filler = call;
        filled = param;
        continue;
      }
    }
    if (changedAt(mutations, use, context_))
      return false; // changed some other way
  }
  if (!filler || names_.inSystemHeader(filler->getDirectCallee()->getLocation()))
    return false;
  const FunctionDecl *definition = filler->getDirectCallee()->getDefinition();
  // `std::string topic;`: no initial value the function may leave there.
  auto *made = dyn_cast_or_null<CXXConstructExpr>(var->getInit() ? unwrap(var->getInit()) : nullptr);
  const bool startsEmpty = !var->getInit() || (made && made->getNumArgs() == 0);
  ArgValue all;
  if (!definition || !definition->hasBody()) {
    // Defined in another unit (`getCommonParameters(source_topic)` of a base class): what that
    // unit says the function writes there (FunctionFact::writtenParameters), read by the resolver.
    if (!startsEmpty)
      return false;
    out = ArgValue{};
    out.innerCall = names_.callLocation(filler);
    out.outArgument = filled->getFunctionScopeIndex() + 1;
    out.text = "the value is written by " + filler->getDirectCallee()->getQualifiedNameAsString() +
               ", which the analysed code does not define";
    return true;
  }
  if (names_.inSystemHeader(definition->getLocation()) ||
      !writtenThrough(definition, filled->getFunctionScopeIndex(), all, depth))
    return false;
  if (all.kind != ArgValue::Kind::Strings) { // handed on to a writer in another unit
    if (!startsEmpty)
      return false;
    out = all;
    return true;
  }
  // The function may leave it as it was: a constant initial value stays one of them.
  if (const Expr *init = var->getInit(); init && !startsEmpty) {
    ArgValue initial = evaluate(init, depth + 1);
    if (initial.kind != ArgValue::Kind::Strings)
      return false;
    for (const std::string &text : initial.strings)
      if (!text.empty())
        all.strings.push_back(text);
  }
  std::sort(all.strings.begin(), all.strings.end());
  all.strings.erase(std::unique(all.strings.begin(), all.strings.end()), all.strings.end());
  out = all;
  return true;
}

bool ValueEvaluator::writtenThrough(const FunctionDecl *definition, unsigned index, ArgValue &out, unsigned depth) const {
  if (!definition || !definition->hasBody() || index >= definition->getNumParams() || depth > 8)
    return false;
  const ParmVarDecl *param = definition->getParamDecl(index);
  QualType type = param->getType();
  if (type.isNull() || !(type->isLValueReferenceType() || type->isPointerType()) ||
      type->getPointeeType().isConstQualified() || !isStringLike(type->getPointeeType()))
    return false;
  // Every write of the parameter in the function: `out = X` or `*out = X`, each constant;
  // or, alone, its handing on to another writer (`getCommonParameters(out)`), whose write it is.
  ArgValue all;
  all.kind = ArgValue::Kind::Strings;
  ExprMutationAnalyzer inner(*definition->getBody(), context_);
  size_t assignments = 0;
  std::optional<ArgValue> handedOn;
  for (const DeclRefExpr *use : referencesTo(param, *definition->getBody(), context_)) {
    // The parameter itself, or what a pointer parameter points at (`*out`).
    const Expr *target = use;
    DynTypedNodeList parents = context_.getParents(*use);
    if (auto *cast = parents.size() == 1 ? parents[0].get<ImplicitCastExpr>() : nullptr)
      parents = context_.getParents(*cast);
    if (auto *deref = parents.size() == 1 ? parents[0].get<UnaryOperator>() : nullptr; deref && deref->getOpcode() == UO_Deref)
      target = deref;
    const Expr *assigned = assignedValue(target, context_);
    if (!assigned) {
      if (!inner.isMutated(use))
        continue;
      // Handed to another function's `std::string &` parameter: that function's write.
      auto [call, callee, index] = argumentOf(parents, use);
      if (handedOn || !callee || !call || isa<CXXOperatorCallExpr>(call) || index >= call->getNumArgs() ||
          index >= callee->getNumParams() || names_.inSystemHeader(callee->getLocation()))
        return false; // `out += ...`, or handed to a library
      const FunctionDecl *writer = callee->getDefinition();
      ArgValue written;
      if (writer && writer->hasBody()) {
        if (writer == definition || !writtenThrough(writer, index, written, depth + 1))
          return false;
      } else {
        written.innerCall = names_.callLocation(call);
        written.outArgument = index + 1;
        written.text = "the value is written by " + callee->getQualifiedNameAsString() +
                       ", which the analysed code does not define";
      }
      handedOn = std::move(written);
      continue;
    }
    if (!addConstant(all, evaluate(assigned, depth + 1)))
      return false;
    ++assignments;
  }
  if (handedOn) {
    if (assignments != 0)
      return false;
    out = std::move(*handedOn);
    return true;
  }
  if (assignments == 0)
    return false;
  out = all;
  return true;
}

// Whether `e` reads the command line: main's `argv` (or a parser's, isArgumentVector),
// getopt's `optarg`, or ROS 2's `rcutils_cli_get_option(argv, ...)` (which takes argv too).
bool ValueEvaluator::readsCommandLine(const Stmt *e) {
  if (!e)
    return false;
  if (auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (auto *param = dyn_cast<ParmVarDecl>(ref->getDecl()))
      return isArgumentVector(param);
    auto *global = dyn_cast<VarDecl>(ref->getDecl());
    return global && global->hasGlobalStorage() && global->getIdentifier() && global->getName() == "optarg";
  }
  for (const Stmt *child : e->children())
    if (readsCommandLine(child))
      return true;
  return false;
}

bool ValueEvaluator::isArgumentVector(const ParmVarDecl *param) {
  auto *function = dyn_cast_or_null<FunctionDecl>(param->getDeclContext());
  const unsigned index = param->getFunctionScopeIndex();
  if (!function || index == 0 || index >= function->getNumParams())
    return false;
  if (function->isMain())
    return index == 1;
  // `(int argc, char *argv[])` handed on to a hand-written parser (`parse(argc, argv)`,
  // `next_arg(argc, argv, i)`): a count, then main's type (`char **`, or `const char *const *`
  // that takes it). Not hiredis's `const char **argv` of command words, which main's argv
  // does not convert to.
  QualType type = param->getType();
  const QualType count = function->getParamDecl(index - 1)->getType();
  if (!count->isIntegerType() || !type->isPointerType())
    return false;
  QualType element = type->getPointeeType();
  if (!element->isPointerType() || !element->getPointeeType()->isCharType())
    return false;
  return !element->getPointeeType().isConstQualified() || element.isConstQualified();
}

bool ValueEvaluator::eachAssignment(const VarDecl *var,
                                    llvm::function_ref<bool(const DeclRefExpr *, const Expr *)> visit) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !var->isLocalVarDecl())
    return false;
  ExprMutationAnalyzer mutations(*body, context_);
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    const Expr *assigned = assignedValue(use, context_);
    if (!assigned) {
      if (changedAt(mutations, use, context_))
        return false;
      continue;
    }
    if (!visit(use, assigned))
      return false;
  }
  return true;
}

bool ValueEvaluator::assignedConstants(const VarDecl *var, const ArgValue &initial, ArgValue &out,
                                       unsigned depth) const {
  if (depth > 8)
    return false;
  ArgValue all = initial;
  // A value the configuration gives instead (`if (opt) topic = argv[++i];`, `topic =
  // getenv("TOPIC")` under a test): the constants are its defaults (issue 17 item 3).
  std::string setting;
  const bool plain = eachAssignment(var, [&](const DeclRefExpr *, const Expr *assigned) {
    ArgValue given = evaluate(assigned, depth + 1);
    if (given.kind != ArgValue::Kind::Strings && (!given.setting.empty() || readsCommandLine(assigned))) {
      if (setting.empty())
        setting = !given.setting.empty() ? given.setting : var->getNameAsString();
      return true;
    }
    return addConstant(all, given);
  });
  if (!plain)
    return false;
  std::sort(all.strings.begin(), all.strings.end());
  all.strings.erase(std::unique(all.strings.begin(), all.strings.end()), all.strings.end());
  out = setting.empty() ? all : settingValue(setting, &all, depth);
  return true;
}

bool ValueEvaluator::defaultedWhenEmpty(const VarDecl *var, const ArgValue &initial, ArgValue &out,
                                        unsigned depth) const {
  if (depth > 8 || initial.kind == ArgValue::Kind::Strings)
    return false;
  // Whether `condition` says `var` is empty: `var == ""`, `"" == var`, `var.empty()`.
  auto testsEmpty = [&](const Expr *condition) {
    condition = condition ? condition->IgnoreParenImpCasts() : nullptr;
    auto isVar = [&](const Expr *e) {
      auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? e->IgnoreParenImpCasts() : nullptr);
      return ref && ref->getDecl() == var;
    };
    if (auto *call = dyn_cast_or_null<CXXMemberCallExpr>(condition)) {
      const CXXMethodDecl *method = call->getMethodDecl();
      return method && method->getIdentifier() && method->getName() == "empty" &&
             isVar(call->getImplicitObjectArgument());
    }
    if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(condition);
        op && op->getOperator() == OO_EqualEqual && op->getNumArgs() == 2)
      for (unsigned side = 0; side < 2; ++side)
        if (isVar(op->getArg(side))) {
          ArgValue other = evaluate(op->getArg(1 - side), depth + 1);
          return other.kind == ArgValue::Kind::Strings && other.strings.size() == 1 && other.strings[0].empty();
        }
    return false;
  };
  ArgValue defaults;
  defaults.kind = ArgValue::Kind::Strings;
  bool any = false;
  const bool plain = eachAssignment(var, [&](const DeclRefExpr *use, const Expr *assigned) {
    ArgValue given = evaluate(assigned, depth + 1);
    if (given.kind != ArgValue::Kind::Strings)
      return false;
    // The nearest `if` above the assignment, the assignment in its then-branch.
    const Stmt *child = use;
    const IfStmt *guard = nullptr;
    for (unsigned up = 0; up < 16 && !guard; ++up) {
      DynTypedNodeList parents = context_.getParents(*child);
      if (parents.size() != 1)
        break;
      if (auto *branch = parents[0].get<IfStmt>())
        guard = branch->getThen() == child ? branch : nullptr;
      if (guard || !parents[0].get<Stmt>())
        break;
      child = parents[0].get<Stmt>();
    }
    if (!guard || !testsEmpty(guard->getCond()) || !addConstant(defaults, given))
      return false;
    any = true;
    return true;
  });
  if (!plain || !any)
    return false;
  std::string setting = var->getNameAsString();
  const Expr *copied = var->getInit() ? var->getInit()->IgnoreParenImpCasts() : nullptr;
  if (auto *construct = dyn_cast_or_null<CXXConstructExpr>(copied); construct && construct->getNumArgs() == 1)
    copied = construct->getArg(0)->IgnoreParenImpCasts(); // (the copy of a `const std::string &`)
  if (auto *init = dyn_cast_or_null<DeclRefExpr>(copied))
    if (auto *param = dyn_cast<ParmVarDecl>(init->getDecl()); param && param->getIdentifier())
      setting = param->getNameAsString();
  out = settingValue(setting, &defaults, depth);
  return true;
}

const ValueDecl *ValueEvaluator::testedVariable(const Expr *condition, const Expr *arm) {
  // What `arm` reads as it is, through copies, conversions, `c_str()` and element access
  // (`topics[0]`, `v.at(0)`, `std::string(name)`), or null when it computes something from it
  // (`std::string(n, 'x')` of a tested count is no reading of a setting).
  std::function<const ValueDecl *(const Expr *)> readRoot = [&](const Expr *e) -> const ValueDecl * {
    e = e ? e->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr;
    if (!e)
      return nullptr;
    if (auto *ref = dyn_cast<DeclRefExpr>(e))
      return isa<VarDecl>(ref->getDecl()) ? ref->getDecl() : nullptr;
    if (auto *member = dyn_cast<MemberExpr>(e))
      return isa<FieldDecl>(member->getMemberDecl()) || isa<VarDecl>(member->getMemberDecl()) ? member->getMemberDecl()
                                                                                                : nullptr;
    if (auto *construct = dyn_cast<CXXConstructExpr>(e))
      return construct->getNumArgs() == 1 ? readRoot(construct->getArg(0)) : nullptr;
    if (auto *cast = dyn_cast<ExplicitCastExpr>(e))
      return readRoot(cast->getSubExpr());
    if (auto *subscript = dyn_cast<ArraySubscriptExpr>(e))
      return readRoot(subscript->getBase());
    if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2)
      return readRoot(op->getArg(0));
    if (auto *call = dyn_cast<CXXMemberCallExpr>(e)) {
      const CXXMethodDecl *method = call->getMethodDecl();
      if (method && method->getIdentifier() &&
          llvm::is_contained({"c_str", "data", "at", "front", "back", "get", "value", "str", "string"},
                             method->getName()))
        return readRoot(call->getImplicitObjectArgument());
    }
    return nullptr;
  };
  // Variables and fields the condition names.
  auto named = [](const Stmt *root) {
    llvm::SmallPtrSet<const Decl *, 8> found;
    llvm::SmallVector<const Stmt *, 16> work{root};
    while (!work.empty()) {
      const Stmt *s = work.pop_back_val();
      if (!s)
        continue;
      if (auto *ref = dyn_cast<DeclRefExpr>(s))
        found.insert(ref->getDecl()->getCanonicalDecl());
      else if (auto *member = dyn_cast<MemberExpr>(s))
        found.insert(member->getMemberDecl()->getCanonicalDecl());
      for (const Stmt *child : s->children())
        work.push_back(child);
    }
    return found;
  };
  const ValueDecl *read = condition ? readRoot(arm) : nullptr;
  if (!read)
    return nullptr;
  return named(condition).contains(read->getCanonicalDecl()) ? read : nullptr;
}

ValueEvaluator::Append ValueEvaluator::appendTo(const DeclRefExpr *use) const {
  DynTypedNodeList parents = context_.getParents(*use);
  const Expr *parent = parents.size() == 1 ? parents[0].get<Expr>() : nullptr;
  if (auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(parent);
      op && op->getOperator() == OO_PlusEqual && op->getNumArgs() == 2 && op->getArg(0) == use)
    return {op, op->getArg(1), false};
  if (auto *member = dyn_cast_or_null<MemberExpr>(parent)) {
    DynTypedNodeList above = context_.getParents(*member);
    auto *call = dyn_cast_or_null<CXXMemberCallExpr>(above.size() == 1 ? above[0].get<Expr>() : nullptr);
    const CXXMethodDecl *method = call ? call->getMethodDecl() : nullptr;
    if (method && method->getIdentifier() && (method->getName() == "append" || method->getName() == "push_back"))
      return {call, call->getNumArgs() == 1 ? call->getArg(0) : nullptr, method->getName() == "push_back"};
  }
  return {};
}

bool ValueEvaluator::appendedTo(const VarDecl *var, const ArgValue &initial, ArgValue &out) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  // Words appended to a command line being built (its text so far ends at a word break):
  // the words so far stay. Text appended to a name would change the name itself.
  auto endsAtWordBreak = [](const std::string &text) { return !text.empty() && text.back() == ' '; };
  if (!body || !var->isLocalVarDecl() || typeName(var->getType()) != "basic_string" ||
      (initial.kind == ArgValue::Kind::Parameter && !endsAtWordBreak(initial.suffix)) ||
      (initial.kind == ArgValue::Kind::Strings && !llvm::all_of(initial.strings, endsAtWordBreak)) ||
      (initial.kind != ArgValue::Kind::Strings && initial.kind != ArgValue::Kind::Parameter))
    return false;
  ExprMutationAnalyzer mutations(*body, context_);
  bool appended = false;
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    if (appendTo(use).site) {
      appended = true;
      continue;
    }
    if (changedAt(mutations, use, context_))
      return false;
  }
  if (!appended)
    return false;
  const std::string tail = "{" + var->getNameAsString() + "}";
  out = initial;
  if (out.kind == ArgValue::Kind::Parameter) {
    out.suffix += tail;
  } else {
    for (std::string &text : out.strings)
      text += tail;
    out.source = ArgValue::Source::Pattern;
  }
  return true;
}

bool ValueEvaluator::suffixedOnce(const VarDecl *var, const ArgValue &initial, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(var->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !var->isLocalVarDecl() || typeName(var->getType()) != "basic_string" ||
      initial.kind != ArgValue::Kind::Strings || initial.strings.empty() || depth > kMaxEvaluationDepth)
    return false;
  ExprMutationAnalyzer mutations(*body, context_);
  const Expr *piece = nullptr, *site = nullptr;
  std::vector<const DeclRefExpr *> reads;
  for (const DeclRefExpr *use : referencesTo(var, *body, context_)) {
    const auto [at, given, character] = appendTo(use);
    if (!given || character) {
      if (changedAt(mutations, use, context_))
        return false;
      reads.push_back(use);
      continue;
    }
    if (piece) // appended more than once: not followed
      return false;
    piece = given;
    site = at;
  }
  if (!piece)
    return false;
  // Read only after the append, which runs at most once: not in a loop of its own.
  const SourceManager &sources = context_.getSourceManager();
  for (const DeclRefExpr *read : reads)
    if (!sources.isBeforeInTranslationUnit(site->getEndLoc(), read->getBeginLoc()))
      return false;
  // Loops and conditions between the append and the block that declares the name (a loop
  // around that block makes a new name each time round).
  const Stmt *scope = body;
  if (DynTypedNodeList declared = context_.getParents(*var); declared.size() == 1)
    if (auto *statement = declared[0].get<DeclStmt>())
      if (DynTypedNodeList block = context_.getParents(*statement); block.size() == 1 && block[0].get<Stmt>())
        scope = block[0].get<Stmt>();
  bool conditional = false;
  for (DynTypedNode node = DynTypedNode::create(*site);;) {
    DynTypedNodeList parents = context_.getParents(node);
    if (parents.size() != 1 || !parents[0].get<Stmt>() || parents[0].get<Stmt>() == body ||
        parents[0].get<Stmt>() == scope)
      break;
    const Stmt *up = parents[0].get<Stmt>();
    if (isa<ForStmt>(up) || isa<WhileStmt>(up) || isa<DoStmt>(up) || isa<CXXForRangeStmt>(up))
      return false;
    conditional = conditional || isa<IfStmt>(up) || isa<SwitchStmt>(up) || isa<ConditionalOperator>(up);
    node = parents[0];
  }
  ArgValue tail = evaluate(piece, depth + 1);
  if (tail.kind != ArgValue::Kind::Strings || tail.strings.empty()) {
    // `"_" + std::to_string(i)`, `"_" + boost::lexical_cast<std::string>(i)`: its text, and
    // each piece known only at run time named after the variable it is made of.
    std::function<std::optional<std::string>(const Expr *, unsigned)> text = [&](const Expr *e,
                                                                                 unsigned level) -> std::optional<std::string> {
      e = unwrap(e);
      if (!e || level > 8)
        return std::nullopt;
      if (ArgValue known = evaluate(e, depth + 1); known.kind == ArgValue::Kind::Strings && known.strings.size() == 1)
        return known.strings.front();
      if (auto *plus = dyn_cast<CXXOperatorCallExpr>(e); plus && plus->getOperator() == OO_Plus && plus->getNumArgs() == 2) {
        std::optional<std::string> left = text(plus->getArg(0), level + 1), right = text(plus->getArg(1), level + 1);
        return left && right ? std::optional<std::string>(*left + *right) : std::nullopt;
      }
      if (auto *call = dyn_cast<CallExpr>(e); call && call->getNumArgs() == 1)
        e = unwrap(call->getArg(0)); // std::to_string(i), boost::lexical_cast<std::string>(i)
      if (auto *ref = dyn_cast_or_null<DeclRefExpr>(e))
        return "{" + ref->getDecl()->getNameAsString() + "}";
      return std::nullopt;
    };
    tail.kind = ArgValue::Kind::Strings;
    tail.strings = {text(piece, 0).value_or("{" + var->getNameAsString() + "}")};
    tail.source = ArgValue::Source::Pattern;
  }
  out = initial;
  if (!conditional)
    out.strings.clear();
  for (const std::string &start : initial.strings)
    for (const std::string &end : tail.strings)
      out.strings.push_back(start + end);
  if (tail.source == ArgValue::Source::Pattern)
    out.source = ArgValue::Source::Pattern;
  return true;
}

bool ValueEvaluator::streamedText(const VarDecl *stream, ArgValue &out, unsigned depth) const {
  std::string type = stream->getType().isNull() ? "" : typeName(stream->getType());
  auto *construct = dyn_cast_or_null<CXXConstructExpr>(stream->getInit() ? unwrap(stream->getInit()) : nullptr);
  auto *function = dyn_cast_or_null<FunctionDecl>(stream->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if ((type != "basic_ostringstream" && type != "basic_stringstream") || !stream->isLocalVarDecl() || !body ||
      !construct || construct->getNumArgs() != 0)
    return false;
  // The block that declares it: the `<<` statements must be its own statements.
  DynTypedNodeList parents = context_.getParents(*stream);
  auto *declaration = parents.size() == 1 ? parents[0].get<DeclStmt>() : nullptr;
  parents = declaration ? context_.getParents(*declaration) : DynTypedNodeList(DynTypedNode());
  auto *block = declaration && parents.size() == 1 ? parents[0].get<CompoundStmt>() : nullptr;
  if (!block)
    return false;
  const SourceManager &sources = context_.getSourceManager();
  std::vector<const CXXOperatorCallExpr *> chains; // the outermost `<<` of each statement
  std::vector<SourceLocation> reads;
  for (const Expr *use : referencesTo(stream, *body, context_)) {
    parents = context_.getParents(*use);
    for (const Expr *cast = use; parents.size() == 1 && parents[0].get<ImplicitCastExpr>();
         parents = context_.getParents(*cast))
      cast = parents[0].get<ImplicitCastExpr>(); // const for str()
    if (parents.size() == 1)
      if (auto *str = parents[0].get<MemberExpr>()) {
        DynTypedNodeList up = context_.getParents(*str);
        auto *call = up.size() == 1 ? up[0].get<CXXMemberCallExpr>() : nullptr;
        if (!call || call->getNumArgs() != 0 || !call->getMethodDecl() || !call->getMethodDecl()->getIdentifier() ||
            call->getMethodDecl()->getName() != "str")
          return false;
        reads.push_back(call->getBeginLoc());
        continue;
      }
    // Up the `<<` chain whose leftmost operand it is, through the implicit casts to ostream&.
    const Expr *current = use;
    const CXXOperatorCallExpr *top = nullptr;
    for (;;) {
      parents = context_.getParents(*current);
      if (parents.size() != 1)
        return false;
      if (auto *cast = parents[0].get<ImplicitCastExpr>()) {
        current = cast;
        continue;
      }
      auto *shift = parents[0].get<CXXOperatorCallExpr>();
      if (!shift || shift->getOperator() != OO_LessLess || shift->getNumArgs() != 2 || shift->getArg(0) != current)
        break;
      top = shift;
      current = shift;
    }
    if (top && parents.size() == 1 && parents[0].get<ExprWithCleanups>()) // `<< std::to_string(x)`: temporaries
      parents = context_.getParents(*parents[0].get<ExprWithCleanups>());
    if (!top || parents.size() != 1 || parents[0].get<CompoundStmt>() != block)
      return false; // used some other way, or written under a condition or in a loop
    chains.push_back(top);
  }
  if (reads.empty())
    return false;
  for (const CXXOperatorCallExpr *chain : chains)
    for (SourceLocation read : reads)
      if (!sources.isBeforeInTranslationUnit(chain->getBeginLoc(), read))
        return false; // written after it is read
  std::sort(chains.begin(), chains.end(), [&](const CXXOperatorCallExpr *a, const CXXOperatorCallExpr *b) {
    return sources.isBeforeInTranslationUnit(a->getBeginLoc(), b->getBeginLoc());
  });
  std::vector<std::pair<const Expr *, ArgValue>> written; // every piece, in order
  for (const CXXOperatorCallExpr *chain : chains) {
    std::vector<const Expr *> pieces; // right operands, innermost first
    for (const Expr *link = chain; auto *shift = dyn_cast<CXXOperatorCallExpr>(link->IgnoreImplicit());
         link = shift->getArg(0)) {
      if (shift->getOperator() != OO_LessLess || shift->getNumArgs() != 2)
        break;
      pieces.insert(pieces.begin(), shift->getArg(1));
    }
    for (const Expr *piece : pieces) {
      ArgValue v;
      Expr::EvalResult character;
      if (!piece->getType().isNull() && piece->getType()->isAnyCharacterType() && !piece->isValueDependent() &&
          piece->EvaluateAsInt(character, context_))
        v = constant(std::string(1, static_cast<char>(character.Val.getInt().getExtValue())));
      else if (piece->getType().isNull() || piece->getType()->isFunctionType() ||
               piece->getType()->isFunctionPointerType())
        return false; // std::endl and other manipulators
      else if (piece->getType()->isRealFloatingType())
        v.text = "a floating-point number, formatted at run time"; // a run-time piece (`<< rate`)
      else
        v = formatPiece(piece, depth);
      written.emplace_back(piece, std::move(v));
    }
  }
  std::vector<ArgValue> values;
  for (const auto &[piece, v] : written)
    values.push_back(v);
  runTimePiecesBesideOthers(values);
  ArgValue text = constant("");
  for (size_t i = 0; i < written.size(); ++i) {
    text = concatenate(text, values[i], "", placeholderFor(written[i].first), true);
    if (!joinable(text))
      return false;
  }
  out = concatenate(text, constant(""), "", ""); // whole: a pattern needs text of its own
  if (!joinable(out) && text.kind == ArgValue::Kind::Strings && text.strings.size() == 1) {
    // Followed, but only run-time pieces and separators (domoticz's `topic << m_TopicOut <<
    // "/" << idx`): said so, not as a stream written in a way not followed.
    out = ArgValue{};
    out.text = "the name '" + text.strings.front() +
               "' is run-time pieces and separators only: no text of its own to link it by";
    return true;
  }
  return joinable(out);
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
  if (name == "absl::StrFormat" || name == "g_strdup_printf")
    return evaluatePrintf(call, 0, out, depth);
  // Each argument once; a variable the resolver finds (a member another unit sets) can stand
  // beside text, not beside another run-time piece: there it is a run-time piece itself.
  std::vector<ArgValue> values;
  for (unsigned i = strCat ? 0 : 1; i < call->getNumArgs(); ++i)
    values.push_back(formatPiece(call->getArg(i), depth));
  runTimePiecesBesideOthers(values);
  std::map<const Expr *, ArgValue> pieces;
  for (unsigned i = strCat ? 0 : 1, k = 0; i < call->getNumArgs(); ++i, ++k)
    pieces[call->getArg(i)] = values[k];
  auto piece = [&](const Expr *arg) { return pieces.at(arg); };
  auto joined = joinable;
  ArgValue text;
  text.kind = ArgValue::Kind::Strings;
  text.strings = {""};
  if (strCat) {
    for (unsigned i = 0; i < call->getNumArgs(); ++i)
    {
      text = concatenate(text, piece(call->getArg(i)), "", placeholderFor(call->getArg(i)), true);
      if (!joined(text))
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
    if (!joined(text))
      return false;
    i = close;
  }
  flush();
  out = concatenate(text, constant(""), "", ""); // whole: a pattern needs text of its own
  return true;
}

static bool isBoostFormat(QualType type) {
  const CXXRecordDecl *record = type.isNull() ? nullptr : type.getNonReferenceType()->getAsCXXRecordDecl();
  return record && record->getQualifiedNameAsString() == "boost::basic_format";
}

bool ValueEvaluator::evaluateBoostFormat(const CXXOperatorCallExpr *op, ArgValue &out, unsigned depth) const {
  // Down the chain: the arguments fed, last first, to the format object made from the text.
  std::vector<const Expr *> args;
  const Expr *at = op;
  while (auto *feed = dyn_cast<CXXOperatorCallExpr>(unwrap(at))) {
    if (feed->getOperator() != OO_Percent || feed->getNumArgs() != 2 || !isBoostFormat(feed->getArg(0)->getType()))
      return false;
    args.insert(args.begin(), feed->getArg(1));
    at = feed->getArg(0);
    if (args.size() > 32)
      return false;
  }
  const Expr *made = unwrap(at);
  if (auto *cast = dyn_cast<CXXFunctionalCastExpr>(made))
    made = unwrap(cast->getSubExpr());
  auto *construct = dyn_cast<CXXConstructExpr>(made);
  if (!construct || !isBoostFormat(construct->getType()) || construct->getNumArgs() < 1)
    return false;
  ArgValue pattern = evaluate(construct->getArg(0), depth + 1);
  if (pattern.kind != ArgValue::Kind::Strings || pattern.strings.size() != 1)
    return false;
  std::vector<ArgValue> values;
  for (const Expr *arg : args)
    values.push_back(formatPiece(arg, depth));
  runTimePiecesBesideOthers(values);
  const std::string &f = pattern.strings.front();
  ArgValue text = constant("");
  std::string literal;
  unsigned next = 0;
  auto put = [&](unsigned argument) {
    if (argument >= args.size())
      return false;
    text = concatenate(text, constant(literal), "", "", true);
    literal.clear();
    text = concatenate(text, values[argument], "", placeholderFor(args[argument]), true);
    return joinable(text);
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      literal += f[i];
      continue;
    }
    if (i + 1 >= f.size())
      return false;
    if (f[i + 1] == '%') { // %%
      literal += '%';
      ++i;
      continue;
    }
    if (f[i + 1] == '|') { // %|spec|: the next argument
      size_t close = f.find('|', i + 2);
      if (close == std::string::npos || !put(next++))
        return false;
      i = close;
      continue;
    }
    size_t j = i + 1;
    while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j])))
      ++j;
    if (j > i + 1 && j < f.size() && f[j] == '%') { // %N%: argument N, from 1
      unsigned n = static_cast<unsigned>(std::stoul(f.substr(i + 1, std::min<size_t>(j - i - 1, 6))));
      if (n == 0 || !put(n - 1))
        return false;
      i = j;
      continue;
    }
    // printf's: flags, width, precision, length, then the conversion letter.
    j = i + 1;
    if (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) { // %N$...: argument N
      size_t dollar = f.find('$', j);
      if (dollar != std::string::npos && std::all_of(f.begin() + j, f.begin() + dollar, [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
          }))
        return false; // positional printf directives mixed with the others: not followed
    }
    while (j < f.size() && std::strchr("-+ #0123456789.hlLqjzt'", f[j]))
      ++j;
    if (j >= f.size() || !std::isalpha(static_cast<unsigned char>(f[j])) || !put(next++))
      return false;
    i = j;
  }
  out = concatenate(text, constant(literal), "", ""); // whole: a pattern needs text of its own
  return true;
}

ArgValue ValueEvaluator::qtArgFilled(const QtArgCall &arg, unsigned depth) const {
  ArgValue pattern = evaluate(arg.object, depth + 1), filled;
  ArgValue piece = formatPiece(arg.argument, depth);
  // A wrapper's parameter with text around it (`QString("gps:%2:%1").arg(who)`, `who` the
  // parameter): the placeholder filled in that text, with a constant argument only.
  if (pattern.kind == ArgValue::Kind::Parameter && piece.kind == ArgValue::Kind::Strings && piece.strings.size() == 1) {
    const std::string joined = pattern.prefix + '\x1f' + pattern.suffix;
    if (QtPlaceholder at = lowestQtPlaceholder(joined); at.at != std::string::npos) {
      std::string text = joined.substr(0, at.at) + piece.strings.front() + joined.substr(at.at + at.length);
      size_t split = text.find('\x1f');
      pattern.prefix = text.substr(0, split);
      pattern.suffix = text.substr(split + 1);
    }
    return pattern;
  }
  if (pattern.kind != ArgValue::Kind::Strings) {
    filled.text = pattern.text.empty() ? "the text QString::arg fills is not known" : pattern.text;
    return filled;
  }
  bool first = true;
  for (const std::string &text : pattern.strings) {
    QtPlaceholder at = lowestQtPlaceholder(text);
    if (at.at == std::string::npos) { // nothing to fill: Qt warns and leaves the text
      ArgValue same = constant(text);
      same.source = pattern.source;
      first ? (void)(filled = same) : addAlternatives(filled, same);
      first = false;
      continue;
    }
    ArgValue one = concatenate(constant(text.substr(0, at.at)), piece, "", placeholderFor(arg.argument), true);
    one = concatenate(one, constant(text.substr(at.at + at.length)), "", ""); // whole: a pattern needs text of its own
    if (one.kind != ArgValue::Kind::Strings)
      return one;
    if (pattern.source != ArgValue::Source::Constant)
      one.source = lessCertain(one.source, pattern.source);
    first ? (void)(filled = one) : addAlternatives(filled, one);
    first = false;
  }
  return filled;
}

} // namespace eventscope
