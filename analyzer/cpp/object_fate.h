#pragma once
// Where an object a project constructor makes goes: the project functions it is handed to.

#include "analyzer/cpp/ast_names.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>

#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// The keys of the project functions the object `construct` makes is handed to, when that is
// all that happens to it: a temporary given as an argument (`Send(Record("orders", m))`,
// `std::move` and conversions seen through), or a local variable it initialises whose every
// use is such an argument or the object of a member access (`r.topic`, `r.set(x)`). Sorted,
// unique; empty when nothing takes it. None when something else may take it: a library call
// (a container's push), a copy into another variable, a return, a capture, a member, a
// reference or pointer kept; the resolver then treats it as able to reach any function.
// Parents come from `context`'s parent map. (CallFact::objectGoesTo.)
std::optional<std::vector<std::string>> objectGoesTo(const clang::CXXConstructExpr *construct,
                                                     clang::ASTContext &context, const AstNames &names);

} // namespace eventscope
