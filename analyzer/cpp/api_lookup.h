// Whether the functions the config's `apis` entries name are declared in a translation unit,
// and if not, which names nearby are: a typo in an API description would otherwise drop every
// call of that API without a word.
#pragma once

#include "analyzer/cpp/facts.h"

#include <clang/AST/ASTContext.h>

#include <map>
#include <set>
#include <string>

namespace eventscope {

// For each name in `apis` ("ns::Class::method", "ns::Class::Class" for a constructor,
// "getenv"): looked up scope by scope from the translation unit, through namespaces (inline
// ones too) and class definitions, after macro expansion (the AST's names); a method is
// looked up in its own class, not its bases (calls of an inherited method carry the base's
// name). Not found: up to three closest names at the deepest scope reached, qualified.
std::vector<ApiLookup> lookUpApis(clang::ASTContext &context, const std::set<std::string> &apis);

// TuFacts::apiClasses: of `apis` (qualified function names), the methods of a class the unit
// declares, not a template, right inside named namespaces and named as the API names it.
std::map<std::string, ApiClass> apiClasses(clang::ASTContext &context, const std::set<std::string> &apis);

} // namespace eventscope
