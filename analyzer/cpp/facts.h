// What one translation unit tells about messaging: plain data, no Clang types, so that
// facts can be merged across translation units (and, later, machines) before the
// messaging APIs, wrappers, handles and call graph are resolved into the event graph.
#pragma once

#include "model/channel_match.h"
#include "model/location.h"
#include "model/ros_names.h"

#include <optional>
#include <map>
#include <string>
#include <vector>

namespace eventscope {

// The compile-time value of one call argument, as far as the extractor can tell.
struct ArgValue {
  enum class Kind {
    Strings,   // one or more constant strings (a literal, a constant, an init list)
    Parameter, // a parameter of the enclosing function: resolved at its call sites
    Handle,    // a variable or field that holds a channel handle (e.g. RdKafka::Topic*)
    Unknown,   // anything else; `text` says why
    List,      // several values, not all constants (`{a_, b_}` of members): `items`
  };
  Kind kind = Kind::Unknown;
  std::vector<std::string> strings;
  unsigned parameter = 0;
  std::string text;         // Handle: the variable's key; Unknown: the reason
  std::string typeName;     // the unqualified name of the argument's static type
  std::string handlerKey;   // when the argument names a callable: its function key
  std::string handlerName;  // ... and its readable name
  std::string enumName;     // when the argument is an enum constant: its name (vararg tags)
  Location innerCall;       // when the value is the result of a call: where that call is
  // Unknown with innerCall: the value the called function writes through its parameter
  // outArgument - 1 (`getCommonParameters(topic)` defined in another unit), which its
  // FunctionFact::writtenParameters gives; 0 otherwise.
  unsigned outArgument = 0;
  bool isNull = false;      // a null pointer constant: no channel at all (rd_kafka_assign(rk, NULL))
  std::string prefix, suffix; // Parameter, Handle: text around it (`name + "/set_level"`, `prefix_ + "teleop"`)
  std::string name;           // Handle: the variable's name, for a pattern when its value stays unknown
  std::string why;            // Handle: why the value it was made from is unknown (`message_t m(name)`)
  // Handle of a member read through an object other than `this` (`record.topic` of a
  // parameter): only the objects that reach the reading function are its values, not every
  // object of the class its constructors make (CallFact::objectGoesTo).
  bool otherObject = false;
  // Strings or List held by a local: the statement that wrote them, when that is not the call
  // (a Redis command's words in `Query q{"XADD", "s", ...}`, `batch.push_back({...})`,
  // `snprintf(cmd, n, "PUBLISH %s ...", ...)`): the endpoint's made_at, where the name enters.
  Location madeAt;
  // Strings: how the text is known. A pattern holds `{name}` where a piece is known only at
  // run time (`"orders." + id + ".placed"` is `orders.{id}.placed`), linked to concrete
  // channels the way AsyncAPI channel parameters are. A default is the value a
  // configuration read falls back to (`declare_parameter("topic", "scan")`), named by
  // `setting`; a configured value is what eventscope.yaml's `parameters:` gives that setting.
  enum class Source { Constant, Default, Configured, Pattern };
  Source source = Source::Constant;
  std::string setting; // Default, Configured: the setting's name (a ROS parameter, an environment variable)
  // Default: the default's text, as it stands in `strings` (`chatter` of `in/chatter`): a
  // launched node that gives the setting its own value has it there instead. "" when not one text.
  std::string settingDefault;
  size_t settingAt = 0; // Default: where settingDefault starts in `strings` (`in/` + default: 3)
  std::vector<ArgValue> items; // List: each value, in order
  std::string parameterOf;     // Parameter of a function enclosing the call's lambda: its key
  // A field of a struct carried whole (`config_.topic` of a member the constructor was given,
  // `config.topic` of a parameter): the object it is read from (one Handle of the member, or
  // the Parameter), and `field` the field's key. The resolver follows that object to where it
  // is made and takes the field there (`fields`); this value stands where it cannot.
  std::vector<ArgValue> fieldOf;
  // `field` of a map's element (`map-key:` + the key's constant: its declaration's key, or
  // its quoted text), as opposed to a struct's field (its FieldDecl's key).
  std::string field; // fieldOf: the field read; an element of `fields`: the field it gives
  // A local struct handed whole to a call (`RequestProducer p(cfg)`, `make_shared<T>(cfg)`):
  // the value of each of its string fields there, each naming its field in `field`.
  std::vector<ArgValue> fields;
  QosPolicies qos;             // an argument of a messaging call that may be a ROS 2 QoS: its policies
  RosNameContext rosHandle;    // a ROS 1 NodeHandle passed to the project's code: the handle (`ros` set)
};

inline constexpr const char *kMapKeyField = "map-key:";

// The callee key of a call Clang could not resolve, matched to the APIs by name:
// kUnresolvedCallee + the callee's unqualified name.
inline constexpr const char *kUnresolvedCallee = "unresolved-callee:";

// A test of the message's topic that guards a call in a handler (`if (topic.find("/temp")
// != npos) handleTemperature(...)`): the call runs only for messages whose topic passes.
struct TopicGuard {
  TopicTest test = TopicTest::Equals;
  std::string text;
};

struct CallFact {
  std::string callerKey;                 // the enclosing function ("" at namespace scope)
  std::string calleeKey;
  std::vector<std::string> calleeNames;  // qualified names: the callee and what it overrides
  bool isVirtual = false;                // dispatch may reach every override
  Location location;
  std::vector<ArgValue> args;
  std::vector<std::string> templateArgs; // unqualified type names
  std::vector<std::string> templateTypes; // the same, as message types (ast_names' messageTypeName)
  RosNameContext rosNode; // the ROS node / NodeHandle the call is made on (libraries/ros_nodes.h)
  bool hasObject = false;
  ArgValue object; // a member call's object (`topic.publish()`, `pub_->publish()`)
  std::vector<TopicGuard> topicGuards; // all of them hold where the call runs
  // The variable or member the object is, as written (`queue.take()`): which wrapper object
  // a method runs on (Resolver's objectMayRun). Its key; "" for none.
  std::string objectVariable;
  // A project class's construction whose object is only handed to project functions
  // (`Send(Record("orders", m))`, `Record r(...); ToString(r);`; calls on the object itself
  // aside): those functions' keys. None when anything else may take the object (a library
  // call, a copy kept, a return, a capture): it may then reach any function.
  std::optional<std::vector<std::string>> objectGoesTo;
  // The loops of its function the call is in (their places, outermost first): what may run
  // again after another call of the function (a poll loop's body; Resolver's mayRunAfter).
  std::vector<Location> loops;

  bool unresolvedCallee() const { return calleeKey.rfind(kUnresolvedCallee, 0) == 0; }
};

struct FunctionFact {
  std::string key;  // USR, or a location-based key for lambdas
  std::string name; // readable, for `via` chains
  Location location;
  std::vector<std::string> overrides; // keys of the methods it overrides, transitively
  std::vector<std::string> overrideNames; // ... and their qualified names
  std::vector<std::string> parameterNames;
  // Per parameter, the value of its default argument (Unknown where it has none); empty when
  // no parameter has one. A call made through a factory (`std::make_shared<Listener>(qos)`)
  // carries only the arguments written, so the rest come from here.
  std::vector<ArgValue> defaultArguments;
  // What its return statements give, for the units that only call it:
  // - a function that returns a handle (a pointer or an object, not text): a handle
  //   variable, a call that made one, or a parameter (`get_or_create_topic(name)` returning
  //   `rd_kafka_topic_new(rk, name.c_str(), ...)`), so that a handle it returns is followed
  //   to the channel it was made with; other returns (a cache lookup, null) are left out;
  // - a function that returns text (`getDefaultTopic()` returning "events"): every return,
  //   the unknown ones too, so that a name only partly known says so.
  std::vector<ArgValue> returnedValues;
  // It overrides a virtual method a library declares (paho's callback::message_arrived, a
  // lifecycle node's on_configure): the library calls it, whatever the project's calls show.
  bool calledByLibrary = false;
  // Per parameter, what the function writes through it when it is a `std::string &` or
  // `char *` out-parameter (`out = node->declare_parameter("topic", "scan")`): every write,
  // each constant or a setting's default (Unknown where it writes none or another value);
  // empty when no parameter is written so. For the units that only call it.
  std::vector<ArgValue> writtenParameters;
};

// `variable = handle_api(...)`: the variable holds the channel handle the call creates.
struct HandleBinding {
  std::string variableKey;
  size_t call = 0; // index into TuFacts::calls
};

// `variable = f(...)` where the call could not be analysed (an error, a missing header):
// where it is, so that an unresolved channel says what really happened.
struct UnanalysedHandle {
  std::string variableKey;
  Location call;
};

// `member_(topic)` in a constructor, or `member_ = topic` in its body or in a setter's: the
// member holds the value of that function's parameter, for the other methods that read it.
struct MemberParameter {
  std::string memberKey;
  std::string functionKey; // the constructor or setter
  ArgValue value;          // Kind::Parameter
};

// The MemberValue key under which a unit records the default it gives setting `name`:
// kSettingDefaultKey + name.
inline constexpr const char *kSettingDefaultKey = "@setting:";

// A value this translation unit gives a string member (`ctrl->topic = strdup("a")`,
// `topic_ = "b"`, an in-class initialiser), for other units that only read the member.
// Kind Unknown, with the reason, when the member is also changed in a way that is not
// followed (`+=`, a non-const method, a non-const reference, a value that is not constant).
struct MemberValue {
  std::string memberKey;
  ArgValue value; // Strings or Unknown; a null pointer (`topic = NULL`) is not recorded
};

// A lambda defined inside a function: defining it usually means calling it (algorithms,
// callbacks run in place) unless it is registered as a message handler.
struct LambdaDefinition {
  std::string enclosingKey;
  std::string lambdaKey;
};

// Whether a function a config `apis` entry names is declared in this translation unit; if
// not, the closest names that are (qualified, up to three).
struct ApiLookup {
  std::string api;
  bool declared = false;
  std::vector<std::string> closest;
};

// A class of a known API the unit declares (TuFacts::apiClasses): its qualified name, its key
// (`class`, `struct`), and the header that defines it (absolute; "" when only declared).
struct ApiClass {
  std::string name;
  std::string tag;
  std::string definedIn;
};

struct TuFacts {
  std::string file; // the main file, relative to the root
  std::vector<FunctionFact> functions;
  std::vector<CallFact> calls;
  std::vector<HandleBinding> handles;
  std::vector<UnanalysedHandle> unanalysedHandles;
  std::vector<MemberParameter> memberParameters;
  std::vector<MemberValue> memberValues; // sorted by key, then value
  std::vector<LambdaDefinition> lambdas;
  std::vector<std::string> missingHeaders;
  // Object variables given to any call, the library's too (`rclcpp::spin(node)`,
  // `use(queue)`, `std::move(queue)`, `&queue`): they may run any of their methods there.
  // Keys, sorted, once each.
  std::vector<std::string> passedVariables;
  // The node name this unit's `ros::init(argc, argv, "name")` gives, when it gives one
  // constant name; "". The node of the handles made by the project functions it calls with
  // text (RosNameContext::namedBy).
  std::string rosNodeName;
  // The node each ROS 2 node class whose constructor this unit defines gives (its qualified
  // name and the context a call on its `this` has), sorted by name: for the units that only
  // define other methods of the class (RosNameContext::nodeClass).
  std::vector<std::pair<std::string, RosNameContext>> rosNodeClasses;
  std::vector<ApiLookup> apiLookups; // one per ExtractOptions::checkedApis entry
  // Per method name of a known API (a profile's or the config's) whose class the unit
  // declares plainly inside namespaces: that class and its key ({"create_subscription",
  // {"rclcpp::Node", "class", ".../node.hpp"}}), for the stand-ins of a second parse
  // (stand_ins.h). Not written to FACTS files: used between the parses of one extraction only.
  std::map<std::string, ApiClass> apiClasses;
  std::vector<std::string> errors; // "file:line:col: message" of the first Clang errors
  unsigned errorCount = 0;         // all of Clang's errors, `errors` keeps only the first 20
  // Where reading stopped before the end of the main file (the error budget of
  // extractor.cpp); empty when the whole file was read.
  Location stoppedAt;
  // The main file's code is all inside a conditional the flags leave out (`#ifdef
  // REDIS_TESTING` with nothing defining it): where that directive is, and the macro a `-D`
  // would define to take it in ("" for an `#if` of another condition). Empty otherwise.
  Location preprocessedAway;
  std::string preprocessedMacro;
  // Without a build's flags, such a file is analysed as if `-D` defined the macros that left
  // it out (v6d's redis_meta_service.cc under `BUILD_VINEYARDD_REDIS`, an option of its CMake
  // build): these macros, in the order they were defined; `preprocessedAway` is then where
  // the first one's conditional is. Empty when the file was analysed with its flags as given.
  std::vector<std::string> assumedDefined;
  // A name of the standard library the default standard (C++20) lacks and a later one has
  // (`std::expected`, `std::move_only_function` of C++23: memgraph's Kafka consumer, whose
  // constructor then was invalid; held-back Kafka set, session 47): the first one Clang
  // missed, qualified. Without a build's flags and with no `-std` given, the file is read again
  // as C++23, kept when that has fewer errors and keeps every function: `assumedStandard` is
  // then "c++23", said in a warning naming the name (cli/analysis.cpp).
  std::string newerStandardName;
  std::string assumedStandard;
  // Parts of the main file under `#ifdef X` (no `#else`) that call a known messaging API, X
  // defined by no flag: without a build's flags the file is read as if `-D` defined X
  // (cinepi-raw's `#ifdef LIBCAMERA_CINEPI_CONTROLS` around three publishes); where each
  // directive is and its macro.
  std::vector<std::pair<Location, std::string>> assumedBlocks;
  // Every such part, with its last line, whether it calls an API or not: used between the
  // parses of one extraction only, not written to FACTS files.
  struct SkippedBlock {
    Location at;
    unsigned lastLine = 0;
    std::string macro;
  };
  std::vector<SkippedBlock> skippedBlocks;
  bool failed = false;             // could not be parsed at all
  // The first thing that made these facts incomplete, for the analysis-incomplete finding:
  // where it is (the #include of a missing header, the first Clang error, the function
  // eventscope crashed in) and what it is. Empty `gap` when the unit was analysed whole.
  Location gapAt;
  std::string gap;
  bool crashed = false; // eventscope crashed on it: a bug of ours, reported as such
  // Every file Clang read for it (absolute), for the cache to tell when a header changed.
  std::vector<std::string> dependencies;
  // ROS interface definitions looked for and not there (paths, and `<package>/msg` folders;
  // sorted): the cache misses once one is there (a message package installed after a run).
  std::vector<std::string> absentDefinitions;
};

} // namespace eventscope
