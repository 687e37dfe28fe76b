// Qt's string classes as carriers of a channel name (QtCore, qstring.h / qbytearray.h):
// `QStringLiteral("dashboard")` (Qt 6: `QString(QtPrivate::qMakeStringPrivate(u"dashboard"))`),
// `QString::fromUtf8(s)`, `name.toStdString()`, `name.toUtf8().constData()`, `qPrintable(name)`
// all hand on the same text; `QString("gps:%1").arg(id)` fills Qt's lowest-numbered `%N`
// placeholder (QString::arg, "Detailed Description" of QString), a pattern when the argument
// is known only at run time.
#pragma once

#include <clang/AST/Expr.h>
#include <clang/AST/Type.h>

#include <string>

namespace eventscope {

// Whether `typeName` (unqualified, ast_names' typeName) is one of Qt's text classes: QString,
// QByteArray, QLatin1String (QLatin1StringView), QStringView, QAnyStringView,
// QByteArrayView, QUtf8StringView.
bool isQtTextType(const std::string &typeName);

// The expression whose text `call` hands on unchanged, or nullptr: the object of a Qt text
// class's converting member (toStdString, toUtf8, toLatin1, toLocal8Bit, constData, data,
// toString, ...), the first argument of a static maker (QString::fromUtf8 and the other
// `from*`) and of QtPrivate::qMakeStringPrivate / QtPrivate::asString (QStringLiteral,
// qPrintable).
const clang::Expr *qtTextCarried(const clang::CallExpr *call);

// `object.arg(a)` of QString: the call's object and argument; {nullptr, nullptr} for any
// other call (arg with a field width or several arguments included: those are rare in
// names and not followed).
struct QtArgCall {
  const clang::Expr *object = nullptr;
  const clang::Expr *argument = nullptr;
};
QtArgCall qtArgCall(const clang::CallExpr *call);

// Where Qt's arg() puts its argument in `text`: the position and length of the
// lowest-numbered `%N` (N in 1..99); npos when there is none.
struct QtPlaceholder {
  size_t at = std::string::npos;
  size_t length = 0;
};
QtPlaceholder lowestQtPlaceholder(const std::string &text);

} // namespace eventscope
