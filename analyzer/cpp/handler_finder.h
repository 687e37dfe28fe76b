// Which function an expression hands over as a callable: a message handler given to a
// subscription, a callable given to a thread or an algorithm. Part of the fact visitor.
#pragma once

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/facts.h"

#include <clang/AST/ASTContext.h>

#include <vector>

namespace eventscope {

class HandlerFinder {
public:
  // `functions`: the visitor's stack of enclosing functions (innermost last), where a name
  // spelled in broken code is looked up.
  HandlerFinder(clang::ASTContext &context, const AstNames &names, const std::vector<const clang::FunctionDecl *> &functions)
      : context_(context), names_(names), functions_(functions) {}

  // Sets value.handlerKey/handlerName to the callable `expr` names, if any: a lambda, a
  // function or its address, std::bind/boost::bind/std::bind_front of one, a variable
  // initialised with one, a member given only one, a std::function wrapping one, a functor
  // object (its operator()),
  // and a function a missing header made invalid, found again by its spelling.
  void find(const clang::Expr *expr, ArgValue &value, unsigned depth = 0) const;

  // A project class with an operator(): that operator is the handler.
  void functorOf(clang::QualType type, ArgValue &value) const;

private:
  const clang::FunctionDecl *functionSpelledAt(clang::SourceLocation loc) const;
  // The one value a member is ever given in this unit (initialiser, constructor initialiser
  // or an assignment in one of its class's methods), or null.
  const clang::Expr *onlyValueOf(const clang::FieldDecl *field) const;
  // A parameter of a template instantiation whose type, in the template, is dependent.
  static bool dependentTemplateParameter(const clang::VarDecl *var);
  void setHandler(ArgValue &value, const clang::FunctionDecl *function) const;

  clang::ASTContext &context_;
  const AstNames &names_;
  const std::vector<const clang::FunctionDecl *> &functions_;
};

} // namespace eventscope
