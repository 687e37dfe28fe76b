// Stand-in declarations for names a translation unit uses but whose header is missing, for
// a second parse that keeps what depends on them (a member of a missing type no longer
// makes its class invalid; `advertise<missing_msgs::Pose>(...)` is no longer dropped).
// Plain C++: which names were missing is read from Clang's diagnostics in extractor.cpp.
#pragma once

#include "analyzer/cpp/facts.h"

#include <map>
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
  // What follows the name is what follows a value (`)`, `]`, `,`, `;`, `:` of a case label,
  // an operator): `leds_[Turtlebot4LedEnum::POWER]`, `case Color::OFF:`. Set by
  // missingNameAt; whether a qualified name is taken for a value is the caller's to decide
  // (a using-declaration ends with `;` too).
  bool followedAsValue = false;
  // ... and that is an assignment to it (`=`, not `==`): written, not read.
  bool assigned = false;
  // The method called on it (`node_->create_subscription<T>(...)`: "create_subscription", with
  // `arrow`), set by missingNameAt; "" when no `->` or `.` and a name follow.
  std::string memberAfter = "";
  bool arrow = false;
  // An upper-case name alone on its line (`EIGEN_MAKE_ALIGNED_OPERATOR_NEW` in a class
  // body, `Q_OBJECT`): a missing header's macro that expands to declarations. Defined empty,
  // as a type it would make the constructor after it a function. With isCall: one called at
  // the start of its line at namespace scope (`POINT_CLOUD_REGISTER_POINT_STRUCT(...)`),
  // defined `NAME(...)`.
  bool isMacro = false;
  // A user-defined literal's suffix (`_method` of `"POST"_method`) whose operator a missing
  // header declares: a literal operator of each form, giving an unknown value.
  bool literalOperator = false;
  // A member of a stand-in read as a value (`settings.KafkaBroker` of a missing header's
  // struct or of an unknown value, `eventscope_unknown` first then): a static member of
  // unknown value. Without it the declaration the value is given to is invalid, and with it
  // the handle it makes (`Producer p(settings.KafkaBroker, "topic")`). Members called are
  // left alone: Clang keeps such a call (a RecoveryExpr) and the facts read it.
  bool standInMember = false;
  // A stand-in that is the base of a class on which a method of a known API class was
  // called and not found (`this->create_publisher<T>(...)` in a plugin whose base's header
  // is missing; without a declaration `<` reads as less-than and the call is lost): that
  // method's name. The stand-in then derives from the API's class (methodOwners).
  std::string baseMember = "";
  // Its first segment is itself undeclared in the unit (`Poco` of `Poco::AutoPtr`, "use of
  // undeclared identifier 'Poco'"): a library none of whose headers the unit has, so other
  // names the file writes under it are stand-ins too (extractor.cpp).
  bool qualifierUndeclared = false;
  // The header that declares it further on in the unit (`boost::shared_ptr` in a project
  // header whose own include of Boost is missing, before the code includes Boost through
  // ROS): included first instead of a stand-in, which the real declaration would then
  // contradict. Absolute; "" when nothing in the unit declares it.
  std::string declaredIn = "";
  // Declared further on by the project's own code (a class Clang made invalid, named again
  // in `PLUGINLIB_EXPORT_CLASS(ns::Plugin, ...)`): no stand-in, which would redefine it.
  bool declaredInProject = false;
  // isTemplate: per template argument as written, what it is: 'v' a value (a number, `true`,
  // a parenthesised expression), 't' a type (a builtin type's keyword, a pointer, a template
  // of its own), '?' a name, either (`Eigen::Matrix<double, rows_, 1>` is "t?v"); empty when
  // the list does not end on the same line.
  std::string valueArguments = "";
};

// The name written at the start of `text`: identifier (`::` identifier)*, then whether `<`
// follows. nullopt when `text` does not start with an identifier.
std::optional<MissingName> missingNameAt(std::string_view text);

// Declarations standing in for `names`, for the top of the translation unit: a name marked
// `isMacro` an empty macro (`#define NAME`, `#define NAME(...)` when also `isCall`); the leading
// segments are namespaces; the last is a permissive struct (constructible from anything,
// a class template when written with template arguments); a struct that is also the
// leading part of another name holds it as a nested struct. A name marked `isValue` is a
// variable of type `eventscope_unknown` (constructible from and convertible to anything), so a
// call taking it keeps its place and its other arguments; a value also written as a type is
// left out. A qualified name marked `isValue` (`Color::OFF` of a missing header's enum) is an
// enumerator of an unnamed `enum : int` in its struct (a constant, so `case Color::OFF:`
// compiles), or such a variable in its namespace. A name at the top that is also the last
// segment of exactly one qualified name (`Enum::VALUE` beside `using ns::Enum;`) is merged
// into that one: both stand-ins would make the using-declaration conflict. Deterministic (sorted). Names
// that contradict each other (one segment both a template and not) are left out. Empty
// when there is nothing to declare. `c`: for a C file, which has neither namespaces nor
// templates: each plain name an incomplete struct type (`typedef struct Tox Tox;`, enough for
// the pointers C code passes around), each value a `void *` variable (it converts to the
// `const char *` of a channel name, and to any other pointer), the others left out.
// A name with `declaredIn` is that header's `#include` instead, before everything else.
// `madeUp`, when given, is set when a declaration was invented; false when the text only
// includes real library headers (Boost.Bind's placeholders, `declaredIn`).
// `libraryHeaders`: a library's header per namespace it declares (the profiles' `headers`,
// {"ros": "ros/ros.h"}): the names of such a namespace come from that header when it is
// installed (`#if __has_include`), from stand-ins only when it is not, since the library's
// real header, included later, would contradict them.
// `methodOwners`: per method name of a checked API, the class it is a method of and that
// class's key ({"create_subscription": {"rclcpp::Node", "class"}}, from ApiLookup::ownerTag):
// an unqualified value a method of such a class is called on (`node_->create_subscription<T>`
// with node_ a member of a missing base) is declared a pointer (or, with `.`, a reference) to
// that class, forward-declared, which the unit defines later; as an unknown value the call's
// template arguments read as comparisons and the call was lost (shared-cases re-run, 08).
std::string standInDeclarations(const std::vector<MissingName> &names, bool c = false, bool *madeUp = nullptr,
                                const std::map<std::string, std::string> *libraryHeaders = nullptr,
                                const std::map<std::string, ApiClass> *methodOwners = nullptr);

} // namespace eventscope
