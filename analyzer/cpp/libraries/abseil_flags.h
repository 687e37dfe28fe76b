// Abseil string flags (`ABSL_FLAG(std::string, topic, "orders", "...")`, read as
// `absl::GetFlag(FLAGS_topic)`): a setting named after the flag, with the default its
// definition gives. Abseil (20220623, absl/flags/flag.h) defines `absl::Flag<T> FLAGS_<name>`
// beside a struct `AbslFlagDefaultGenFor<name>` whose member `value` is initialised by
// `absl::flags_internal::InitDefaultValue<T>(default)`; ABSL_DECLARE_FLAG only declares
// `extern absl::Flag<T> FLAGS_<name>`.
#pragma once

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

#include <optional>
#include <string>

namespace eventscope {

// The flag's name when `var` is an Abseil flag (`absl::Flag<T> FLAGS_<name>`).
std::optional<std::string> abslFlagName(const clang::VarDecl *var);

// The flag `call` reads when it is `absl::GetFlag(FLAGS_<name>)`, else null.
const clang::VarDecl *abslFlagRead(const clang::CallExpr *call);

// The default the ABSL_FLAG in this translation unit gives the flag, or null when the flag
// is only declared here.
const clang::Expr *abslFlagDefault(const clang::VarDecl *flag);

} // namespace eventscope
