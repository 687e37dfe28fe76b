// Names with pieces known only at run time: what a piece is called, and the formatting
// functions (std::format, fmt::format, absl::StrCat) that build such names.
#include "analyzer/cpp/value_evaluator.h"

#include "analyzer/cpp/project_code_walk.h"
#include "analyzer/cpp/value_lattice.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/FormatString.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/TargetInfo.h>
#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <cctype>

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

ArgValue ValueEvaluator::formatPiece(const Expr *arg, unsigned depth) const {
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
  ArgValue text = constant("");
  size_t done = 0;
  for (const PrintfConversions::Conversion &c : parsed.conversions) {
    text = concatenate(text, constant(f.substr(done, c.begin - done) + (c.percent ? "%" : "")), "", "", true);
    done = c.begin + c.length;
    if (c.percent)
      continue;
    unsigned index = formatIndex + 1 + c.argument;
    if (index >= call->getNumArgs())
      return false;
    const Expr *arg = call->getArg(index);
    text = concatenate(text, formatPiece(arg, depth), "", placeholderFor(arg), true);
    if (text.kind != ArgValue::Kind::Strings)
      return false;
  }
  text = concatenate(text, constant(f.substr(done)), "", "", true);
  out = concatenate(text, constant(""), "", ""); // whole: a pattern needs text of its own
  return out.kind == ArgValue::Kind::Strings;
}

bool ValueEvaluator::printedBuffer(const VarDecl *buffer, ArgValue &out, unsigned depth) const {
  auto *function = dyn_cast_or_null<FunctionDecl>(buffer->getDeclContext());
  const Stmt *body = function ? function->getBody() : nullptr;
  if (!body || !buffer->isLocalVarDecl() || buffer->isStaticLocal() || buffer->getType().isNull() ||
      !buffer->getType()->isArrayType() || !buffer->getType()->getArrayElementTypeNoTypeQual()->isAnyCharacterType())
    return false;
  using namespace clang::ast_matchers;
  const CallExpr *print = nullptr;
  for (const BoundNodes &found :
       match(findAll(declRefExpr(to(varDecl(equalsNode(buffer)))).bind("use")), *body, context_)) {
    const Expr *use = found.getNodeAs<DeclRefExpr>("use");
    DynTypedNodeList parents = context_.getParents(*use);
    if (parents.size() == 1 && parents[0].get<UnaryExprOrTypeTraitExpr>())
      continue; // sizeof topic
    auto *decay = parents.size() == 1 ? parents[0].get<ImplicitCastExpr>() : nullptr;
    if (!decay || decay->getCastKind() != CK_ArrayToPointerDecay)
      return false;
    parents = context_.getParents(*decay);
    if (parents.size() != 1)
      return false;
    if (auto *call = parents[0].get<CallExpr>(); call && call->getNumArgs() >= 2 && call->getArg(0) == decay &&
                                                 call->getDirectCallee() && call->getDirectCallee()->getIdentifier()) {
      llvm::StringRef name = call->getDirectCallee()->getName();
      if ((name == "sprintf" || name == "snprintf") && !print) {
        print = call;
        continue;
      }
      return false;
    }
    auto *toConst = parents[0].get<ImplicitCastExpr>();
    if (!toConst || toConst->getCastKind() != CK_NoOp || !toConst->getType()->isPointerType() ||
        !toConst->getType()->getPointeeType().isConstQualified())
      return false; // written some other way (strcat, buf[i] = ..., a `char *` parameter)
  }
  if (!print)
    return false;
  llvm::StringRef name = print->getDirectCallee()->getName();
  return evaluatePrintf(print, name == "snprintf" ? 2 : 1, out, depth);
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
  auto piece = [&](const Expr *arg) { return formatPiece(arg, depth); };
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

} // namespace eventscope
