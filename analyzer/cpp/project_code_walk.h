// The base of the value evaluator's scans over a whole translation unit (settings read,
// variables written): the project's own code only.
#pragma once

#include "analyzer/cpp/ast_names.h"

#include <clang/AST/RecursiveASTVisitor.h>

namespace eventscope {

// A walk over the project's own code in the translation unit: library headers skipped,
// template instantiations included. The base of the evaluator's whole-unit scans below.
template <class Derived> class ProjectCodeWalk : public clang::RecursiveASTVisitor<Derived> {
public:
  explicit ProjectCodeWalk(const AstNames &names) : names_(names) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(clang::Decl *decl) {
    if (decl && !clang::isa<clang::TranslationUnitDecl>(decl) && names_.inSystemHeader(decl->getLocation()))
      return true;
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(decl);
  }

protected:
  const AstNames &names_;
};

} // namespace eventscope
