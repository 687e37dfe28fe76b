// How eventscope names what Clang parsed: the keys that join facts across translation units
// (a declaration's USR), readable names, the qualified names API descriptions use, and where
// a call is reported. Shared by the fact visitor, the value evaluator and the handler finder.
#pragma once

#include "model/location.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringRef.h>

#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// Where a source location is (its expansion's presumed position), the file relative to
// `root`; empty when it has none.
Location locationIn(const clang::SourceManager &sources, clang::SourceLocation loc, const std::string &root);

// "rclcpp::Publisher<std_msgs::msg::String>::publish" -> "rclcpp::Publisher::publish": API
// descriptions name class templates without their arguments (`operator<` is kept).
std::string withoutTemplateArguments(const std::string &name);

// The unqualified name of a type's class (through references, pointers and arrays), else
// its spelling; "" for a null type (a ParenListExpr or another node of an uninstantiated
// template has none).
std::string typeName(clang::QualType type);

// The message type a type carries, qualified and without template arguments
// ("std_msgs::String" for `const std_msgs::String::ConstPtr &`): through references,
// pointers, cv, smart pointers (std/boost shared_ptr, unique_ptr) and ROS 1's MessageEvent;
// a ROS generated message `Name_<Allocator>` is named `Name`, as its typedef is (genmsg's
// C++ naming). "" when the type is not a class (a builtin, a dependent type).
std::string messageTypeName(clang::QualType type);

// The qualified names a call of `callee` answers to: its own and, for a method, those of
// every method it overrides (transitively), without template arguments; sorted, unique.
std::vector<std::string> namesOf(const clang::FunctionDecl *callee);

// The text of a string literal as UTF-8, whatever its kind: `"x"`, `u8"x"`, and the wide
// `u"x"` / `U"x"` / `L"x"` (Qt's QStringLiteral is `u"x"`) code unit by code unit; a
// surrogate or invalid code point becomes U+FFFD.
std::string literalText(const clang::StringLiteral *literal);

class AstNames {
public:
  AstNames(const clang::SourceManager &sources, const std::string &root) : sources_(sources), root_(root) {}

  Location locationOf(clang::SourceLocation loc) const { return locationIn(sources_, loc, root_); }

  // The key of a declaration, the same in every translation unit: its USR; a lambda's call
  // operator by the lambda's location; main() by its file too (every program has its own).
  std::string keyOf(const clang::Decl *decl) const;

  // "ns::Class::method", or "lambda at file:line:col".
  std::string readableName(const clang::FunctionDecl *function) const;

  // Where a call is reported: a member call at its member name (`producer->produce(` points
  // at produce), an unresolved call at its callee's name, anything else at its start. Also
  // how a call is found again from an argument that holds its result.
  Location callLocation(const clang::Expr *e) const;

  // Library code, not the system under analysis.
  bool inSystemHeader(clang::SourceLocation loc) const {
    return loc.isValid() && sources_.isInSystemHeader(sources_.getExpansionLoc(loc));
  }

  const clang::SourceManager &sources() const { return sources_; }

private:
  const clang::SourceManager &sources_;
  const std::string &root_;
};

// Every reference to `decl` in `body` (ast_matchers' findAll), in the order the walk meets them.
std::vector<const clang::DeclRefExpr *> referencesTo(const clang::ValueDecl *decl, const clang::Stmt &body,
                                                     clang::ASTContext &context);

// Whether `use` (a reference to a variable) is read as a `const char *` and nothing else:
// through one implicit cast of kind `first` (CK_ArrayToPointerDecay for an array,
// CK_LValueToRValue for a pointer), then at once made a pointer to const (passed to a
// `const char *` parameter, assigned to one). Parents come from `context`'s parent map.
bool readAsPointerToConst(const clang::Expr *use, clang::CastKind first, clang::ASTContext &context);

// A call of C's sprintf or snprintf: the index of its format argument (1 or 2; the buffer it
// writes is argument 0). Nothing for any other call.
std::optional<unsigned> printfIntoBuffer(const clang::CallExpr *call);

// Whether `use` is the operand of `sizeof`, parenthesised or not (`sizeof topic`,
// `sizeof(topic)`): no read and no write of its value.
bool operandOfSizeof(const clang::Expr *use, clang::ASTContext &context);

} // namespace eventscope
