// The compile-time value of an expression that names a channel or a handle: the lattice of
// ArgValue (constant strings, a parameter of the enclosing function, a handle, unknown with
// its reason) and the rules that carry a value through the constructs that preserve it.
// docs/design-notes.md ("Value flow") describes both. Part of the fact visitor.
#pragma once

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/extractor.h"
#include "analyzer/cpp/facts.h"
#include "analyzer/cpp/handler_finder.h"
#include "analyzer/cpp/libraries/program_options.h"
#include "analyzer/cpp/libraries/qt_strings.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ParentMapContext.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/STLFunctionalExtras.h>

#include <map>
#include <functional>
#include <optional>
#include <tuple>
#include <vector>

namespace clang {
class ExprMutationAnalyzer;
}

namespace eventscope {

// The call whose parent list is `parents` when `argument` is given to it directly, its callee
// (null when not a direct one) and the argument's index (the call's argument count when it is
// not among them); a null call when the parent is no call. (value_patterns.cpp)
std::tuple<const clang::CallExpr *, const clang::FunctionDecl *, unsigned>
argumentOf(const clang::DynTypedNodeList &parents, const clang::Expr *argument);

// What an expression Clang could not compile (one holding a RecoveryExpr) does with `use`, up
// to its statement: None when `use` is in no such expression; Extracted when the text makes
// it what `>>` extracts into, Written when the target of `=`, `+=` or `++`; Read otherwise
// (value_locals.cpp).
enum class RecoveryUse { None, Read, Written, Extracted };
RecoveryUse recoveryUse(const clang::Expr *use, clang::ASTContext &context);

// Whether `use` changes the variable it names: `mutations` (Clang's ExprMutationAnalyzer over
// the function), except inside an expression Clang could not compile, where recoveryUse
// decides. Every reading of a local's writes asks this, so that all agree.
bool changedAt(clang::ExprMutationAnalyzer &mutations, const clang::Expr *use, clang::ASTContext &context);

// One element stored into a map: its key, and what the element is made of (the value, or a
// try_emplace's constructor arguments).
struct KeyedWrite {
  const clang::Expr *key = nullptr;
  std::vector<const clang::Expr *> values;
};

class ValueEvaluator {
public:
  // How deep one evaluation follows values into values (locals, members, calls).
  static constexpr unsigned kMaxEvaluationDepth = 16;

  // `functions`: the visitor's stack of enclosing functions (innermost last): a parameter of
  // the innermost one is a Parameter value, resolved at its call sites.
  ValueEvaluator(clang::ASTContext &context, const AstNames &names, const HandlerFinder &handlers,
                 const ExtractOptions &options, const std::vector<const clang::FunctionDecl *> &functions)
      : context_(context), names_(names), handlers_(handlers), options_(options), functions_(functions) {}

  // What a ROS 2 node's `get_name()`, `get_namespace()` or `get_fully_qualified_name()`
  // returns for the node `object` is (the name its constructor gives rclcpp::Node), given by
  // the visitor's RosNodeContexts; nullopt when not known. For "handle_namespace": the namespace
  // of the ROS 1 NodeHandle `object` ("" for the node's own, "~", "x", "/x").
  using NodeText = std::function<std::optional<std::string>(const clang::Expr *object, llvm::StringRef method)>;
  void setNodeText(NodeText nodeText) { nodeText_ = std::move(nodeText); }

  // The value of `expr` (never throws; a null `expr` is Unknown: broken code has holes).
  // Always sets typeName, and handlerKey when the expression names a callable.
  ArgValue evaluate(const clang::Expr *expr, unsigned depth = 0) const;
  // What `definition` writes through its parameter `index` (a `std::string &` or `char *`
  // out-parameter): every write (`out = X`, `*out = X`), each constant or a setting's
  // default; false when there is none, one is another value, or it is changed another way.
  bool writtenThrough(const clang::FunctionDecl *definition, unsigned index, ArgValue &out, unsigned depth) const;

  // The expression a value-preserving wrapper holds: parentheses, implicit conversions,
  // temporaries, casts, `->`/`*` on a smart pointer, GNU statement expressions (librdkafka's
  // macros). Null in, null out.
  static const clang::Expr *unwrap(const clang::Expr *e);

  // An integer argument of a project function Clang can evaluate (`eof(0)`, `write_eof()` with
  // its default 0, of a helper that prints its `int suffix` into the key `"XADD %s-%d"`): its
  // decimal text, as the helper's calls give it. `value` is the argument's evaluation, changed
  // only when it is Unknown (a literal `0` is otherwise a null pointer constant).
  void numberText(const clang::Expr *e, ArgValue &value) const;
  // A character pointer or array, std::string, std::string_view or QString.
  static bool isStringLike(clang::QualType type);
  // A class that is made from a `const char *` and gives one back (isStringLike counts it).
  static bool textClass(const clang::CXXRecordDecl *record);
  // The name a constant argument is written with (an enumerator, a constexpr variable, the
  // macro of an integer literal), unqualified; "" for anything else.
  std::string tagName(const clang::Expr *e) const;

  // A value handed to another thread or method through a container: what a function pushes
  // into a member, static member or global std::queue / deque / list / vector / stack / set /
  // map (`q_.push(std::make_pair(key, v))`, `emplace(key, v)`, `topics_.insert(topic)`), read
  // back by `q_.front().first`, a local that holds `q_.front()`, or a loop over it. The
  // container's key ("" when `object` is not such a container), and the keys of the pieces
  // pushed: `<key>@elem:0`, `@elem:1` for a pair's (a map's key and value), `@elem:` for the
  // whole element (value_containers.cpp).
  std::string queueKey(const clang::Expr *object) const;
  static std::vector<std::pair<std::string, const clang::Expr *>> queuedPieces(const clang::CXXMemberCallExpr *push);
  // The container whose element `access` is (`c[i]`, `c.at(i)`, `c->at(i)`, `(*c)[i]`), as a
  // key for its elements' handles: queueKey's for a member or global, else the key of a
  // parameter or local that is (or points to) a std container (vrpn_mocap's
  // GetOrCreatePublisher writes `pubs->at(i)` of the vector it is given, and returns it).
  // "" for anything else.
  std::string elementContainerKey(const clang::Expr *access) const;
  // `c[i]`, `c.at(i)`, `c->at(i)`: the container and the index; {null, null} for anything else.
  static std::pair<const clang::Expr *, const clang::Expr *> elementAccess(const clang::Expr *e);
  // The elements of a container's braced initialiser (`std::vector<std::string> v{"a", "b"}`,
  // `std::array<...> a{{...}}`, through std::vector's initializer_list constructor); empty when
  // `init` is not one.
  static std::vector<const clang::Expr *> bracedElements(const clang::Expr *init);
  // Whether `type` is a standard sequence or set whose elements are text (an element of one is
  // `<key>@elem:[i]` where its definition is in another unit).
  static bool stringContainer(clang::QualType type);
  // Whether `object` is a std::map or the like (its name holds "map"): an element is a (key,
  // value) pair, the key `@elem:0`.
  static bool keyedContainer(const clang::Expr *object);

private:
  // The queue (queueKey) whose element `e` is: `q.front()`, `.back()`, `.top()`, or a local
  // every assignment of which is one. "" otherwise.
  std::string queuedElement(const clang::Expr *e, unsigned depth) const;
  // The queue (queueKey) whose elements `var` takes one by one: a range-for's variable over
  // it, or the parameter of a lambda std::for_each calls over its begin() and end(). "" else.
  std::string iteratedQueue(const clang::VarDecl *var) const;
  // The container `begin`, `end` run over (`c.begin()`/`c.end()`, `cbegin`, `std::begin(c)`),
  // or null when they are not one container's.
  static const clang::Expr *iteratedRange(const clang::Expr *begin, const clang::Expr *end);
  // What `target = X` assigns (a class's operator= or the built-in `=`), or null.
  static const clang::Expr *assignedValue(const clang::Expr *target, clang::ASTContext &context);
  ArgValue evaluateDecl(const clang::ValueDecl *decl, unsigned depth) const;
  // A member read (`topic_`, `cfg.topic`, a static data member), for evaluate.
  ArgValue evaluateMember(const clang::MemberExpr *member, const ArgValue &value, unsigned depth) const;
  // Structs carried whole (value_structs.cpp). An aggregate class the project declares with a
  // string field, or null: a configuration struct whose fields are set where it is made.
  const clang::CXXRecordDecl *carriedStruct(clang::QualType type) const;
  // `read`, the value of a string field of such a struct read from a member of this object
  // (`config_.topic`) or from a parameter (`config.topic`), with the object it is read from as
  // ArgValue::fieldOf; `read` itself for any other member read.
  ArgValue withFieldOf(const clang::MemberExpr *member, ArgValue read, unsigned depth) const;
  // A local such struct handed over whole at `use` (`make_shared<Producer>(cfg)`): the value of
  // each string field there into `out.fields` (its braced list or default member initialiser,
  // then the assignments before the use; a field changed in place is unknown). False, `out`
  // unchanged, for anything else or when the struct is handed to what may change it before.
  bool structFields(const clang::DeclRefExpr *use, ArgValue &out, unsigned depth) const;
  // A temporary such struct made with a braced or parenthesised list where it is handed over
  // (`alert(p, AlertConfig{.topic = "alerts"})`): its string fields into `out.fields`.
  bool madeStructFields(const clang::Expr *made, ArgValue &out, unsigned depth) const;
  // `a + b` of strings; `partial`: a part of a longer concatenation.
  ArgValue concatenation(const clang::Expr *plus, unsigned depth, bool partial) const;
  static bool stringPlus(const clang::Expr *e, const clang::Expr *&left, const clang::Expr *&right);
  ArgValue evaluateConstruction(const clang::CXXConstructExpr *construct, const ArgValue &outer, unsigned depth) const;
  bool constantString(const clang::Expr *e, ArgValue &value) const;
  bool onlyRead(const clang::VarDecl *global) const;
  bool evaluateFormat(const clang::CallExpr *call, const clang::FunctionDecl *callee, ArgValue &out,
                      unsigned depth) const;
  // printf-style: the format at argument `formatIndex`, its data arguments after it (the
  // format string read by Clang's own parser, clang/AST/FormatString.h).
  bool evaluatePrintf(const clang::CallExpr *call, unsigned formatIndex, ArgValue &out, unsigned depth) const;
  // Boost.Format: `boost::format("ingest-%1%-%2%") % a % b`, the chain of operator% whose
  // last link is `op` (`.str()` and boost::str() read it). Directives as the library's
  // documentation, "Syntax": `%N%` the Nth argument, `%|spec|` and printf's `%s` the next,
  // `%%` a percent sign.
  bool evaluateBoostFormat(const clang::CXXOperatorCallExpr *op, ArgValue &out, unsigned depth) const;
  // `QString("gps:%1").arg(id)`: the object's text with its lowest `%N` replaced by the
  // argument's value (a pattern piece when that is known only at run time).
  ArgValue qtArgFilled(const QtArgCall &arg, unsigned depth) const;
  // One formatted argument as pattern text: its constants, an integer's digits, or unknown.
  ArgValue formatPiece(const clang::Expr *arg, unsigned depth) const;
  // A local char buffer written once by sprintf/snprintf and otherwise only read as a
  // `const char *`: the pattern that call writes. False otherwise.
  bool printedBuffer(const clang::VarDecl *buffer, ArgValue &out, unsigned depth) const;
  // What one write of a member gives it: the value assigned, or the pattern a
  // sprintf/snprintf prints into a char array member (its CallExpr is the write).
  ArgValue evaluateWrite(const clang::Expr *write, unsigned depth) const;
  // A local std::ostringstream default-constructed, written only by `<<` statements in the
  // block that declares it, before every `.str()`: the pattern of what they write. False
  // otherwise.
  bool streamedText(const clang::VarDecl *stream, ArgValue &out, unsigned depth) const;
  // A message or buffer object whose bytes one memcpy fills from a string
  // (`zmq::message_t m(s.size()); memcpy(m.data(), s.data(), s.size())`, and C's
  // `memcpy(zmq_msg_data(&m), s, n)`): that string.
  bool copiedMessage(const clang::VarDecl *message, ArgValue &out, unsigned depth) const;
  // A local char buffer (an array, or a `char *` from `new char[n]`/malloc) that one
  // strcpy/strncpy/memcpy fills from a string and that is otherwise only read as a
  // `const char *` or freed (`strcpy(cstr, cmd.c_str()); redisCommand(c, cstr);`): that string.
  bool copiedString(const clang::VarDecl *buffer, ArgValue &out, unsigned depth) const;
  // What a memcpy/strcpy call copies (its argument 1), when a string or a parameter; false
  // for a null `copy` or any other value.
  bool copiedFrom(const clang::CallExpr *copy, ArgValue &out, unsigned depth) const;
  // A local string one call fills through a reference (or pointer) parameter of a project
  // function, otherwise only read (`std::string t; loadTopic(t); publish(t);` with
  // `void loadTopic(std::string &out) { out = "orders"; }`): the values the function assigns
  // to that parameter, when each is constant.
  bool filledByCall(const clang::VarDecl *var, ArgValue &out, unsigned depth) const;
  // A local standard container, empty at first, that the function only adds elements to
  // (push_back, emplace_back, insert, ...) and otherwise reads (`std::vector<std::string>
  // topics; topics.push_back("a"); consumer->subscribe(topics);`): the values added, text
  // joined, otherwise a list of each (handles such as TopicPartition::create's).
  // `whole`: the container is read whole (handed over, iterated), so one made with a braced
  // list counts too, its elements first (`Queries t{{"MULTI"}}; t.emplace_back(xadd);`); an
  // element read by index of one that grew is not known.
  bool filledContainer(const clang::VarDecl *var, ArgValue &out, unsigned depth, bool whole = false) const;
  // A local array of C strings or char buffers whose elements are written at constant
  // indexes (`argv[0] = "XADD"; sprintf(argv[1], "%s", "stream");`), as redisCommandArgv's
  // words are: a list of the values by index (an element written twice, or not at all, is
  // not known). Writes at other indexes (`argv[i + 2]`, the payload) are left out.
  bool assignedElements(const clang::VarDecl *var, ArgValue &out, unsigned depth) const;
  // A local array of strings with no initialiser whose elements only assignments change
  // (`names[i] = "STREAM" + std::to_string(i);` in a loop, at any index): the values assigned,
  // one of them at each read (a pattern where a piece is known only at run time). False when
  // an element is changed any other way or nothing is assigned.
  bool elementsAssigned(const clang::VarDecl *var, ArgValue &out, unsigned depth) const;
  const clang::ArraySubscriptExpr *subscriptOf(const clang::DeclRefExpr *use) const;
  // A local string whose every change is a plain assignment of constants: `initial` and
  // those constants. False when anything else changes it (`+=`, a non-const reference).
  bool assignedConstants(const clang::VarDecl *var, const ArgValue &initial, ArgValue &out, unsigned depth) const;
  // Calls `visit(use, value)` for each plain assignment `var = value` of a local in its
  // function; false when `visit` does, or when something else changes it (`+=`, a non-const
  // reference).
  bool eachAssignment(const clang::VarDecl *var,
                      llvm::function_ref<bool(const clang::DeclRefExpr *, const clang::Expr *)> visit) const;
  // A local string given a value from outside (a parameter, a request's field) and changed
  // only by constants assigned when it is empty (`std::string t = topic; if (t == "") t =
  // "map";`, nav2's map_saver): a setting whose defaults are those constants (issue 17 item 3),
  // named after the parameter it copies or else the variable.
  bool defaultedWhenEmpty(const clang::VarDecl *var, const ArgValue &initial, ArgValue &out, unsigned depth) const;
  // The variable or field that both `condition` and `arm` refer to (`v.empty() ? "d" : v[0]`:
  // `v`), or null: a ternary that tests what it reads, whose other arm is then a default.
  static const clang::ValueDecl *testedVariable(const clang::Expr *condition, const clang::Expr *arm);
  // A local std::string whose initial text ends at a word break and whose every change
  // after it appends to it (`+=`, append, push_back), as a Redis command gets its fields
  // (`xadd += k + " " + v + " "`): `initial` with run-time words after it, a pattern
  // (`XADD {stream} * {xadd}`). False otherwise (text appended to a name changes the name).
  bool appendedTo(const clang::VarDecl *var, const ArgValue &initial, ArgValue &out) const;
  // What `use` is given in place, if anything: `use += x` and `use.append(x)` (piece x; null for
  // append's other overloads), `use.push_back(c)` (a character); `site` the call.
  struct Append {
    const clang::Expr *site = nullptr, *piece = nullptr;
    bool character = false;
  };
  Append appendTo(const clang::DeclRefExpr *use) const;
  // A local name given one more piece once, in place and before it is read
  // (`std::string topic(base); if (i != 0) topic.append("_" + std::to_string(i));`,
  // hector_mapping's map levels): the name with it, or under a condition either name.
  bool suffixedOnce(const clang::VarDecl *var, const ArgValue &initial, ArgValue &out, unsigned depth) const;
  static std::string placeholderFor(const clang::Expr *e);
  // An element of a map read back by its key (`topics_[name]`, `topics_.at(name)`,
  // `topics_.find(name)->second`, `it->second` of a local `it = topics_.find(name)`), where
  // every element this translation unit stores in that map is made from its own key
  // (`topics_[name] = Topic::create(producer, name, ...)`, `pubs_.emplace(t,
  // create_publisher<M>(t, 10))`): the key's value, since the handle stored under a key is
  // the one made with it. False for any other expression or map (value_keyed.cpp).
  bool keyedElement(const clang::Expr *e, ArgValue &out, unsigned depth) const;
  // A settings map read by a constant key (`params.at("topic")`, `conf["topic"]`,
  // `conf.find("topic")->second`) of a local or member map, or of a map parameter whose
  // calls in this translation unit all pass such a map: the constants written under that key
  // (`params["topic"] = "test";`). When another write there is a run-time value (a
  // command-line argument, a configuration read), the constants are the defaults of setting
  // KEY, which `parameters:` may give. False when the map or a write under the key is not
  // known (value_keyed.cpp).
  bool settingsMapElement(const clang::Expr *e, ArgValue &out, unsigned depth) const;
  // The mapped values of a constant map (a const or never-changed local, a namespace-scope
  // const, given a braced list of pairs), or of each map a never-changed local pointer may
  // point to (`n == 1 ? &one : &two`): their union in `out` (Strings). False when any value is
  // not constant text.
  bool constantMapValues(const clang::Expr *map, ArgValue &out, unsigned depth) const;
  // Each mapped value of a constant map a loop walks, unguarded by a test of the key
  // (`for (const auto &[k, topic] : topics)`, `entry.second`, `it->second` of `auto it =
  // topics.begin()`): one of them (ouster-ros advertises one image topic per map entry).
  bool iteratedMapValue(const clang::Expr *e, ArgValue &out, unsigned depth) const;
  bool settingsMapElementOf(const clang::Expr *map, const clang::Expr *key, ArgValue &out, unsigned depth) const;
  // An element of a lookup table: a namespace-scope or static map given a braced list of pairs
  // and only ever read in this translation unit (`RedisChannelItemMap[RC_CONF_MONITOR]` of
  // `static std::map<int, std::string> RedisChannelItemMap = {{RC_CONF_MONITOR, "ConfMonitor"},
  // ...}`), read by a key Clang can evaluate (an enumerator, an integer or text constant): the
  // value paired with that key; by a key known only at run time, one of its values. False
  // when a value is not constant text, the key is in no pair, or the map may change
  // (value_keyed.cpp).
  bool tableElement(const clang::Expr *e, ArgValue &out, unsigned depth) const;
  // The values of a braced list of pairs whose key `taken` accepts (nullopt: a key not known
  // here, and false is returned), joined in `out` (Strings); false when a value is not
  // constant text or an element is not a pair.
  bool pairedValues(const clang::InitListExpr *pairs, llvm::function_ref<std::optional<bool>(const clang::Expr *)> taken,
                    ArgValue &out, unsigned depth) const;
  // A local string whose only changes are `>>` extractions Clang could not compile (yaml-cpp's
  // old `node["key"] >> var`): the setting named after the variable, its initialiser the
  // default. False for any other local (value_locals.cpp).
  bool extractedInto(const clang::VarDecl *var, ArgValue &out, unsigned depth) const;
  // The map and key a lookup reads (`m[k]`, `m.at(k)`, `m.find(k)->second`), or the pair's
  // value of a loop over the map under an equality test of the pair's key (`for (auto &c :
  // configs) if (Topic == c.first) topic_ = c.second;`).
  bool mapLookup(const clang::Expr *e, const clang::Expr *&map, const clang::Expr *&key) const;
  // What names a map's key as a carried field (ArgValue::field): `map-key:` + the key of a
  // named constant, or + the quoted text of a constant key; nullopt for any other key.
  std::optional<std::string> mapKeyField(const clang::Expr *key, unsigned depth) const;
  // An element of a map this object's constructor was given (`m_configs.at(Topic)` of a member
  // set from a constructor parameter) or of a map parameter: a read of field mapKeyField of
  // that map, taken by the resolver where the map is made (as a struct's field:
  // value_structs.cpp). False for a lookup of any other map or key.
  bool carriedMapElement(const clang::Expr *e, ArgValue &out, unsigned depth) const;
  // A local map handed whole (`Kafka k(role, configs)`): the constants written under each
  // constant key before `use` (ArgValue::fields, named by mapKeyField). False when it has none.
  bool mapFields(const clang::DeclRefExpr *use, ArgValue &out, unsigned depth) const;
  // The map variables and members a map expression is: itself, or for a parameter the maps
  // its calls in this unit pass (empty when one of them is not such a map).
  std::vector<const clang::Decl *> mapsOf(const clang::Expr *map) const;
  void scanKeyedWrites() const;
  // Per function and parameter, the arguments this unit's calls pass to a map parameter.
  mutable llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, std::vector<const clang::Expr *>> mapArguments_;
  mutable llvm::DenseSet<const clang::Decl *> otherwiseWrittenMaps_;
  mutable llvm::DenseMap<const clang::Decl *, std::vector<KeyedWrite>> allKeyedWrites_;
  // What a stored value was made by: through moves, smart pointers' constructors and the
  // locals it was assigned to, the call or construction that made it; null when not known.
  const clang::Expr *originOf(const clang::Expr *value, unsigned depth) const;
  // What a local holds at `use`: the value last given on the straight way there, else its
  // initialiser when nothing changes it; null when not known.
  const clang::Expr *valueAt(const clang::VarDecl *var, const clang::DeclRefExpr *use) const;
  // Whether the element `write` stores was made by a call given the write's own key.
  bool madeFromKey(const KeyedWrite &write, unsigned depth) const;
  // The map variables and members of this translation unit changed only by keyed writes, and
  // those writes; found on first need.
  mutable std::optional<llvm::DenseMap<const clang::Decl *, std::vector<KeyedWrite>>> keyedWrites_;

  // Configuration reads: which `apis` entry of role setting a call is (null: none).
  const ExtractOptions::SettingApi *settingApiOf(const clang::CallExpr *call) const;
  // ... of a callee given `numArgs` arguments (a constructor too).
  const ExtractOptions::SettingApi *settingApiOf(const clang::FunctionDecl *callee, unsigned numArgs) const;
  // The value of setting `name`: configured, else the default (`fallback`, then a default
  // this translation unit declares for the name elsewhere), else unknown naming the setting.
  ArgValue settingValue(const std::string &name, const ArgValue *fallback, unsigned depth) const;
  ArgValue readSetting(const clang::CallExpr *call, const ExtractOptions::SettingApi &api, unsigned depth) const;
  ArgValue readSetting(llvm::ArrayRef<const clang::Expr *> args, const ExtractOptions::SettingApi &api,
                       unsigned depth) const;
  // The setting API described under `name` that reads its name (and default) from `args`
  // arguments, not through an out parameter; null when none.
  const ExtractOptions::SettingApi *settingApiNamed(const std::string &name, unsigned args) const;
  // The setting a hand-written configuration reader stores by this write: the literal the
  // nearest enclosing `if` compares a string with (`else if (key == "kafka_push_topic")
  // cfg.kafka_push_topic = value;`), whose other writes are then its defaults (value_settings.cpp).
  std::optional<std::string> comparedSettingName(const clang::Expr *write) const;
  // A configuration object read by a constant key (`j["topic"]`, `j.at("topic")`,
  // `j.value("topic", d)`, `node["topic"].as<std::string>()`, `tbl->get("topic")->value_or(d)`;
  // not a standard container's lookup): that key, the name of the setting the write stores.
  std::optional<std::string> keyedConfigurationRead(const clang::Expr *value, unsigned depth = 0) const;
  // The nearest `if` around `write` when `write` is in its then-branch (under its test); null
  // when there is none within the function, or `write` is in the else branch.
  const clang::IfStmt *testedBy(const clang::Expr *write) const;
  // Settings written into variables (`get_parameter("topic", topic_)`) and defaults declared
  // by name (`declare_parameter("topic", "scan")`) in this translation unit, found on first need.
  struct SettingWrite {
    std::string name;
    const clang::Expr *defaultValue = nullptr;
  };
  struct Settings {
    std::map<std::string, const clang::Expr *> declaredDefaults;
    llvm::DenseMap<const clang::Decl *, SettingWrite> written;
  };
  const Settings &settings() const;
  // Every value this translation unit writes into a string member (`topic_ = "~/wrench";`,
  // constructor initialisers, the default initialiser); null for a member also written
  // some other way (`topic_ += x`, passed by non-const reference), whose value is not known.
  const std::vector<const clang::Expr *> *memberWrites(const clang::FieldDecl *field) const;
  // Whether nothing assigns or initialises `field` (it is only changed in place: pushes,
  // inserts), in this translation unit.
  bool onlyFilledInPlace(const clang::FieldDecl *field) const;
  // The value a getter returning `field` gives on `object`, when that object is made from a
  // braced list (aggregateElement): that list's element, read into `out`; an empty string
  // there is set at run time. False when the object is not made so.
  bool fieldOfMadeObject(const clang::Expr *object, const clang::FieldDecl *field, ArgValue &out, unsigned depth) const;
  // Whether `decl` is one of the stand-ins for names of a missing header (stand_ins.h).
  bool standIn(const clang::Decl *decl) const;

public:
  // Every value project code in this translation unit gives a string member, for the units
  // that read it without writing it (TuFacts::memberValues). Sorted, no duplicates.
  std::vector<MemberValue> memberValues() const;

private:
  mutable std::optional<llvm::DenseMap<const clang::FieldDecl *, std::vector<const clang::Expr *>>> memberWrites_;
  mutable llvm::DenseSet<const clang::FieldDecl *> otherwiseWritten_;
  mutable llvm::DenseMap<const clang::FieldDecl *, std::string> memberOptions_; // bound to a program option
  mutable llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>> globalWrites_;
  mutable llvm::DenseSet<const clang::VarDecl *> globalOther_;
  // Namespace-scope containers of strings defined with a braced list here, by canonical
  // declaration: their list, for the units that read an element of one they only declare.
  mutable llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> globalLists_;
  // The boost::program_options option a local is the store of (its only `&var`), if any.
  std::optional<ProgramOption> localProgramOption(const clang::VarDecl *var) const;
  mutable std::optional<std::map<std::string, const clang::Expr *>> programOptions_; // declaredProgramOptions
  ArgValue writtenSetting(const clang::ValueDecl *decl, const clang::Expr *initial, unsigned depth) const;

  static std::optional<unsigned> passedThrough(const clang::FunctionDecl *callee);
  static void runTimePiecesBesideOthers(std::vector<ArgValue> &pieces);
  // The value a local was last given on the straight way to `use` (its initialiser or a
  // whole-statement `var = X;`, or for a char buffer `snprintf(var, ...);` (the call), in
  // the same or an enclosing block, not across a loop's body), or null when another write
  // may come between or the local is never changed.
  // `appended`: when given, whole-statement appends (`var += x;`, `var.append(x)`) after that
  // value do not stop the walk; their pieces, in order, are added to it.
  const clang::Expr *lastAssignedBefore(const clang::VarDecl *var, const clang::DeclRefExpr *use,
                                        std::vector<const clang::Expr *> *appended = nullptr) const;
  // The same for a member of the object a method runs on (`this->cmd`, read as `cmd`), from
  // `use` back to the start of the method: a call of another method on the object between
  // may change it, and stops the walk.
  const clang::Expr *lastAssignedBefore(const clang::FieldDecl *field, const clang::MemberExpr *use) const;
  const clang::Expr *lastWrittenBefore(const clang::ValueDecl *target, const clang::Expr *use,
                                       const clang::FunctionDecl *function,
                                       std::vector<const clang::Expr *> *appended) const;
  // The values of the writes of a local string that reach `use` on some path (Clang's CFG
  // of its function, walked back from the use; value_reaching.cpp), joined: each branch's
  // name. Nullopt when a path has a write this walk does not know (a reference taken, a
  // call that changes it, `append`), a write's value is not text, or the CFG has no place
  // for the use (a lambda's body); unknown, with its reason, when a write reaches its own
  // value (a loop appending to the name).
  std::optional<ArgValue> reachingValue(const clang::VarDecl *var, const clang::DeclRefExpr *use, unsigned depth) const;
  struct FunctionFlow;
  const FunctionFlow *flowOf(const clang::FunctionDecl *function) const;
  mutable llvm::DenseMap<const clang::FunctionDecl *, std::shared_ptr<FunctionFlow>> flows_;
  mutable llvm::DenseSet<const clang::Stmt *> writingNow_; // writes whose value is being read
  mutable bool loopMet_ = false; // one of them was met again inside: its value is not one
  mutable llvm::DenseMap<const clang::VarDecl *, bool> onlyKnownWrites_; // every change a write the walk knows
  // The text `start` gives, then each of `appended` after it (`std::string topic;` is "").
  ArgValue builtText(const clang::Expr *start, const std::vector<const clang::Expr *> &appended, unsigned depth) const;
  // An empty string as a member's default initialiser (`std::string topic_{""};`): a
  // placeholder until the member is given its name, not a channel.
  static bool emptyDefault(const clang::FieldDecl *field, const clang::Expr *write, const ArgValue &value);
  // The setting a member write gives the member at run time: the key a hand-written reader
  // compares (comparedSettingName), or the configuration read its value is, under a test (`if
  // (const char *v = std::getenv("K")) cfg.key = v;`). nullopt for a constant or any other write.
  // The elements of a braced list (an InitListExpr's, or those a stand-in's constructor is
  // given through eventscope_braced) as one value: their texts, the one value of a single
  // element, or a List when they are of several kinds.
  ArgValue evaluateElements(llvm::ArrayRef<const clang::Expr *> elements, const ArgValue &value, unsigned depth) const;
  // A write of a value read from the command line (readsCommandLine) with no key to name it
  // is the setting `field`'s name.
  std::optional<std::string> settingWritten(const clang::FieldDecl *field, const clang::Expr *write,
                                            const ArgValue &written) const;
  // Whether `e` reads a command-line argument: main's argv, a `(int argc, char **argv)` pair
  // handed on to a parser (isArgumentVector), getopt's `optarg`.
  static bool readsCommandLine(const clang::Stmt *e);
  static bool isArgumentVector(const clang::ParmVarDecl *param);
  // The empty text a `std::string` member holds until a setting replaces it (no initialiser, or
  // `= ""`): the setting's default when the member is a piece of a name (`prefix + "x"`).
  // nullopt for pointers and arrays, which hold no text until given one.
  static std::optional<ArgValue> emptyStringDefault(const clang::FieldDecl *field);
  // A member read as itself: the resolver gives it what the units write to it.
  ArgValue memberHandle(const clang::MemberExpr *member) const;

  // A project function of this unit that returns one expression (`make_topic(id, "/ack")`
  // returning `strdup(buf)` of an snprintf): that expression's value with the function's
  // parameters read as the call's arguments. False when it is not such a function, or its
  // value is not known either way.
  bool inlineCall(const clang::CallExpr *call, const clang::FunctionDecl *callee, ArgValue &out, unsigned depth) const;
  // A member of a local object a constructor of this unit made (`TopicNames names(instrument);
  // ... names.event`): the constructor's initialiser of that member, with its parameters read
  // as the construction's arguments. False when `member` is no such member.
  bool memberOfConstructed(const clang::MemberExpr *member, ArgValue &out, unsigned depth) const;
  // One call or construction being read through (its callee's parameters are its arguments;
  // an operator method's object is its first argument, hence `offset`).
  struct InlinedCall {
    const clang::FunctionDecl *callee;
    llvm::ArrayRef<const clang::Expr *> args;
    unsigned offset = 0;
  };
  mutable std::vector<InlinedCall> inlined_; // innermost last

  clang::ASTContext &context_;
  const AstNames &names_;
  const HandlerFinder &handlers_;
  const ExtractOptions &options_;
  const std::vector<const clang::FunctionDecl *> &functions_;
  NodeText nodeText_;
  // Namespace-scope pointers to const char that the project code of this translation unit
  // only reads; found on first need (one walk over the translation unit).
  mutable std::optional<llvm::DenseSet<const clang::VarDecl *>> onlyRead_;
  // neverChanged() per local variable: one ExprMutationAnalyzer walk of its function each.
  bool unchangedLocal(const clang::VarDecl *var) const;
  mutable llvm::DenseMap<const clang::VarDecl *, bool> unchangedLocals_;
  mutable std::optional<Settings> settings_;
  mutable bool readingSettings_ = false; // settings_ is being built: no lookups into it
  // Variables and members whose value is being read: met again inside (`get_parameter("r",
  // r_)`, `x_ = get_env("X", x_)`: a default that is the variable itself), the value is the
  // one it had before, its initialiser. Without this each level read it twice over.
  mutable llvm::DenseSet<const clang::ValueDecl *> reading_;
};

} // namespace eventscope
