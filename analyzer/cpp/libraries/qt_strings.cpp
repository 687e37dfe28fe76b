#include "analyzer/cpp/libraries/qt_strings.h"

#include "analyzer/cpp/ast_names.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/STLExtras.h>

#include <cctype>

namespace eventscope {

using namespace clang;

bool isQtTextType(const std::string &typeName) {
  return llvm::is_contained({"QString", "QByteArray", "QLatin1String", "QLatin1StringView", "QStringView",
                             "QAnyStringView", "QByteArrayView", "QUtf8StringView"},
                            typeName);
}

const Expr *qtTextCarried(const CallExpr *call) {
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier())
    return nullptr;
  llvm::StringRef name = callee->getName();
  if (auto *member = dyn_cast<CXXMemberCallExpr>(call)) {
    const CXXRecordDecl *record = member->getRecordDecl();
    if (!record || !record->getIdentifier() || !isQtTextType(record->getNameAsString()) || call->getNumArgs() != 0)
      return nullptr;
    static const char *const converting[] = {"toStdString", "toUtf8",    "toLatin1", "toLocal8Bit", "constData",
                                             "data",        "toString",  "toStdU16String", "utf16", "latin1"};
    return llvm::is_contained(converting, name) ? member->getImplicitObjectArgument() : nullptr;
  }
  if (call->getNumArgs() < 1)
    return nullptr;
  std::string qualified = callee->getQualifiedNameAsString();
  if (qualified == "QtPrivate::qMakeStringPrivate" || qualified == "QtPrivate::asString")
    return call->getArg(0);
  // Static makers: QString::fromUtf8(s), QString::fromStdString(s), QByteArray::fromStdString(s).
  if (auto *method = dyn_cast<CXXMethodDecl>(callee); method && method->isStatic() && name.starts_with("from") &&
                                                       method->getParent()->getIdentifier() &&
                                                       isQtTextType(method->getParent()->getNameAsString()))
    return call->getArg(0);
  return nullptr;
}

QtArgCall qtArgCall(const CallExpr *call) {
  auto *member = dyn_cast_or_null<CXXMemberCallExpr>(call);
  const CXXMethodDecl *method = member ? member->getMethodDecl() : nullptr;
  if (!method || !method->getIdentifier() || method->getName() != "arg" || member->getNumArgs() < 1 ||
      !method->getParent()->getIdentifier() || method->getParent()->getName() != "QString")
    return {};
  // arg(a, fieldWidth = 0, ...): only the defaults after the first argument.
  for (unsigned i = 1; i < member->getNumArgs(); ++i)
    if (!isa<CXXDefaultArgExpr>(member->getArg(i)))
      return {};
  return {member->getImplicitObjectArgument(), member->getArg(0)};
}

QtPlaceholder lowestQtPlaceholder(const std::string &text) {
  auto digit = [&](size_t i) { return i < text.size() && isdigit(static_cast<unsigned char>(text[i])); };
  QtPlaceholder best;
  int lowest = 100;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%')
      continue;
    size_t first = i + 1 < text.size() && text[i + 1] == 'L' ? i + 2 : i + 1; // %L1: localized number
    if (!digit(first))
      continue;
    // One or two digits (%1 .. %99), as QString::arg reads them.
    size_t digits = digit(first + 1) ? 2 : 1;
    int number = std::stoi(text.substr(first, digits));
    if (number >= 1 && number < lowest) {
      lowest = number;
      best = {i, first + digits - i};
    }
  }
  return best;
}

} // namespace eventscope
