// What the source text around a Clang error says (error_site_text.cpp): the extractor's
// ErrorCollector reads it to name what a missing header would have declared.
#pragma once

#include "analyzer/cpp/stand_ins.h"

#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringRef.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventscope {

// A macro's spelling by convention: upper case, digits and `_`, longer than two.
bool upperCase(const std::string &word);

// The name written at `loc` (`ns::Type<...>`), read from the source text; nullopt inside a
// macro expansion. `beforeName`, when given, is set when an upper-case name is followed by
// another name on its line (`void VRPN_CALLBACK Tracker::HandlePose(...)`: a calling-convention
// or export macro of a missing header, where Clang read a variable of type void).
std::optional<MissingName> nameWrittenAt(const clang::SourceManager &sources, clang::SourceLocation loc,
                                         bool *beforeName = nullptr);

// The text of the file `loc` is in, and `loc`'s offset in it; nullopt for a location in a
// macro expansion or outside the file.
std::optional<std::pair<llvm::StringRef, size_t>> bufferAt(const clang::SourceManager &sources, clang::SourceLocation loc);

// `class NAME_EXPORT Talker`, `struct NAME_API Config`: the upper-case word between the class
// key and the name at `loc`, on one line.
std::optional<std::string> classHeadMacroBefore(const clang::SourceManager &sources, clang::SourceLocation loc);

// `CXT_MACRO_INIT_PARAMETERS(PARAMS, validate)` as a whole statement without a `;` (its
// macro brings one), the header defining it missing: the upper-case name called at the start
// of the line the error at `loc` is on (where its expansion is), when the error is inside that
// call, nothing but a comment follows its closing parenthesis on the line, and the next line
// starts another statement; nullopt else.
std::optional<std::string> statementMacroAround(const clang::SourceManager &sources, clang::SourceLocation loc);

// The other macros of that kind in the file of `loc`: each line that is such a statement, and
// the call a `#define`'s body starts with; names the file defines itself left out.
std::vector<std::string> statementMacrosIn(const clang::SourceManager &sources, clang::SourceLocation loc);

// Whether the name written at `loc` is a whole first template argument (`make_shared<Producer>(`).
bool templateArgumentAt(const clang::SourceManager &sources, clang::SourceLocation loc);

// Whether the word before `loc` on its line declares or names a type there (`using ns::X;`,
// `typename T::X`, `new ns::X`, `class ns::X`).
bool afterKeyword(const clang::SourceManager &sources, clang::SourceLocation loc);

} // namespace eventscope
