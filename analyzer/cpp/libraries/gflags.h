// gflags string flags (`DEFINE_string(topic, "orders", "...")`, read as `FLAGS_topic`): a
// setting named after the flag, with the default its definition gives. gflags 2.2's
// DEFINE_string defines `fLS::FLAGS_<name>` as a reference bound to `*fLS::FLAGS_no<name>`,
// which is initialised by `dont_pass0toDEFINE_string(buffer, default)`; DECLARE_string
// only declares `extern fLS::clstring &FLAGS_<name>`.
#pragma once

#include <clang/AST/Decl.h>

#include <optional>
#include <string>

namespace eventscope {

// The flag's name when `var` is a gflags string flag (`fLS::FLAGS_<name>`).
std::optional<std::string> gflagsStringFlag(const clang::VarDecl *var);

// The default a DEFINE_string in this translation unit gives the flag, or null when the
// flag is only declared here (or defined in a shape this gflags does not use).
const clang::Expr *gflagsDefault(const clang::VarDecl *flag);

} // namespace eventscope
