// Stand-in declarations for names a translation unit uses but whose header is missing, for
// a second parse that keeps what depends on them (a member of a missing type no longer
// makes its class invalid; `advertise<missing_msgs::Pose>(...)` is no longer dropped).
// Plain C++: which names were missing is read from Clang's diagnostics in extractor.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

// The type of every stand-in value (an unqualified constant or variable of a missing
// header), as the evaluator recognises its conversions and copies.
inline constexpr const char *kUnknownValueType = "eventscope_unknown";

// A name as written where Clang could not find it: `a::b::C` is {a, b, C}; `isTemplate`
// when a template argument list follows the last segment; `isValue` for an unqualified name
// used as a value (`produce(kOrdersTopic, ...)`, a constant or variable of a missing header,
// or a member of a base class whose header is missing); `isCall` when `(` follows the name.
struct MissingName {
  std::vector<std::string> segments;
  bool isTemplate = false;
  bool isValue = false;
  bool isCall = false;
};

// The name written at the start of `text`: identifier (`::` identifier)*, then whether `<`
// follows. nullopt when `text` does not start with an identifier.
std::optional<MissingName> missingNameAt(std::string_view text);

// Declarations standing in for `names`, for the top of the translation unit: the leading
// segments are namespaces; the last is a permissive struct (constructible from anything,
// a class template when written with template arguments); a struct that is also the
// leading part of another name holds it as a nested struct. A name marked `isValue` is a
// variable of type `eventscope_unknown` (constructible from and convertible to anything), so a
// call taking it keeps its place and its other arguments; a value also written as a type is
// left out. Deterministic (sorted). Names
// that contradict each other (one segment both a template and not) are left out. Empty
// when there is nothing to declare. `c`: for a C file, which has neither namespaces nor
// templates: each plain name an incomplete struct type (`typedef struct Tox Tox;`, enough for
// the pointers C code passes around), each value a `void *` variable (it converts to the
// `const char *` of a channel name, and to any other pointer), the others left out.
// `madeUp`, when given, is set when a declaration was invented; false when the text only
// includes a real library header (Boost.Bind's placeholders).
std::string standInDeclarations(const std::vector<MissingName> &names, bool c = false, bool *madeUp = nullptr);

} // namespace eventscope
