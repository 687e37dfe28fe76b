// The value lattice's operations on ArgValue (analyzer/cpp/facts.h), plain C++: joining two
// values (`a + b`), choosing the less certain source, taking an inner value under an outer
// expression's type. docs/design-notes.md ("Value flow") describes the lattice.
#pragma once

#include "analyzer/cpp/facts.h"

#include <string>

namespace eventscope {

// The reason of a value Clang could not compile (an error, a missing header). Alone it names
// nothing; beside constant text it is a run-time piece of a pattern (concatenate).
inline constexpr const char *kNotCompiled = "the expression could not be compiled (an error or a missing header)";

// A constant string value.
ArgValue constant(const std::string &text);

// Whether an unqualified type name (ArgValue::typeName) is a sequence container of the
// standard library: an element of a value of that type is a list itself (a batch of Redis
// commands as word vectors).
bool isSequenceTypeName(const std::string &name);

// The less certain of two sources: a pattern over a default over a configured value over a
// constant.
ArgValue::Source lessCertain(ArgValue::Source a, ArgValue::Source b);

// `all` becomes one of its values or `one`'s (the branches of a conditional, a member's
// writes, a function's returns): the strings of both, each once, in order, with the less
// certain source and that one's setting.
void addAlternatives(ArgValue &all, const ArgValue &one);

// Adds `one`'s strings to `all` when it is constant text (keeping the least certain source and
// the first setting); false, `all` unchanged, otherwise.
bool addConstant(ArgValue &all, const ArgValue &one);

// `inner`, keeping the outer expression's type, enum name and handler.
ArgValue withType(ArgValue inner, const ArgValue &outer);

// a + b of two string values: every pairing of constants (up to 64); a parameter or a handle
// with constant text around it keeps the text (`name + "/set_level"`); a piece known only at
// run time makes a pattern (`"orders." + id` is `orders.{id}`) when there is text of its own
// around it. `nameA`/`nameB`: what a run-time piece is called in the pattern. `partial`: a
// piece of a longer text (a format string's), checked for text of its own once whole.
ArgValue concatenate(const ArgValue &a, const ArgValue &b, const std::string &nameA, const std::string &nameB,
                     bool partial = false);

} // namespace eventscope
