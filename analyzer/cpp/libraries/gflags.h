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

// gflags integer flags (`DEFINE_uint32(content_id, 202, "...")`, read as `FLAGS_content_id`):
// the flag's name and, when this unit defines it, its default as decimal text. gflags 2.2's
// DEFINE_int32/uint32/int64/uint64 define `fL<I|U|I64|U64>::FLAGS_<name>` initialised from
// `FLAGS_nono<name>`, a static const holding the default. None for other variables.
struct GflagsNumber {
  std::string name;
  std::optional<std::string> fallback;
};
std::optional<GflagsNumber> gflagsNumberFlag(const clang::VarDecl *var, const clang::ASTContext &context);

} // namespace eventscope
