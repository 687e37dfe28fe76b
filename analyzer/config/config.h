// eventscope.yaml: what to read and how to judge it. Parsed and validated here; rule ids
// and rule options are validated by the CLI against the rule registry.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"
#include "model/location.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace eventscope {

// Where the channel of a messaging call comes from.
struct ChannelSpec {
  enum class Kind {
    Arg,          // {arg: N} or {handle_arg: N}: a string, or a channel handle, in argument N
    TemplateArg,  // {template_arg: N}: the name of template type argument N
    TypeOfArg,    // {type_of_arg: N}: the name of argument N's type
    Object,       // {object: true}: the object a member function is called on is the handle
    AfterTag,     // {after_tag: NAME or [NAMES]}: the argument after one of these enum constants (varargs)
    RedisCommand, // {redis_command: PUBLISH, arg: N}: the channels in the command string N
    RedisArgv,    // {redis_command: PUBLISH, argv: N}: the channels in the array of words N (redisCommandArgv)
  };
  Kind kind = Kind::Arg;
  unsigned index = 0;
  std::string word;              // RedisCommand, RedisArgv: the command
  std::vector<std::string> tags; // AfterTag: the tags, any of which may precede the channel
};

struct HandlerSpec {
  // Callbacks: the service's overrides of these virtual functions, and the callables given
  // to these registration functions (MQTT's message_arrived / set_message_callback).
  enum class Kind { None, Arg, EnclosingFunction, Callbacks };
  Kind kind = Kind::None;
  unsigned index = 0;
  std::vector<std::string> callbacks;
};

// Handle: makes or fills a channel handle. ReplyAddress: returns the reply address of a
// received message (natsMsg_GetReply); sending to it answers a request already modelled by
// the request and the subscription, so it is no endpoint and nothing to report.
// Setting: reads a configuration value that may name a channel (a ROS parameter, an
// environment variable): `name` is the setting's name, `default` the value used when it is
// not set, `out` the variable the call writes the value into (else the call returns it).
enum class ApiRole { Produce, Consume, Handle, ReplyAddress, Setting };
inline bool sendsOrReceives(ApiRole role) { return role == ApiRole::Produce || role == ApiRole::Consume; }

// One messaging API: a function (qualified name, matching overloads and overrides) and
// which of its arguments name the channel and the handler.
struct ApiDescription {
  std::string function;
  ApiRole role = ApiRole::Produce;
  ChannelSpec channel;
  HandlerSpec handler;
  // For role handle: the argument holding a handle the call adds the channel to
  // (rd_kafka_topic_partition_list_add(list, "topic", ...)); without it, the call's
  // result is the handle.
  std::optional<unsigned> target;
  // An assignment call (rd_kafka_assign): NULL unassigns, and a channel that is a parameter
  // of a callback the library calls (the rebalance callback) is the library handing back
  // what a subscription already covers. Neither is an endpoint nor anything to report.
  bool assignment = false;
  // The unqualified name alone identifies this API when Clang cannot tell the type of the
  // object it is called on because a header is missing (`get_node()->create_subscription<T>(...)`
  // in a class whose base is not installed). Always so for the config's own `apis`; a
  // built-in profile says it of names no other library uses.
  bool byName = false;
  // For role setting: the arguments holding the setting's name, its default, and the
  // variable written (see ApiRole).
  std::optional<unsigned> settingName, settingDefault, settingOut;
  // `when: {arg: N, is: [NAMES]}`: the call is this API only when argument N is one of these
  // named constants: an enumerator, a macro (`ZMQ_SUBSCRIBE`) or a constexpr variable
  // (`zmq::sockopt::subscribe`), compared by unqualified name. One function that does many
  // things by an option (zmq_setsockopt) is described once per option that matters.
  std::optional<unsigned> whenArg;
  std::vector<std::string> whenIs;
  // `args: {at_least: N}` / `{at_most: N}`: the call is this API only with that many arguments
  // (defaults included), for overloads that put the channel elsewhere (rclcpp_action's
  // create_server(node, name, ...) and create_server(base, clock, logging, waitables, name, ...)).
  std::optional<unsigned> argsAtLeast, argsAtMost;
  // `match: prefix`: the library delivers every message whose topic starts with the
  // subscription (ZeroMQ's ZMQ_SUBSCRIBE); the consumer's channel becomes the pattern
  // `TEXT{...}`, which covers TEXT followed by anything.
  bool matchPrefix = false;
  // `made_with: {arg: N or object: true, by: [FUNCTIONS], is: [NAMES]}`: the call is this
  // API only when the handle in argument N (or the object called), if it was made by a call
  // of one of these functions or constructors, was made with one of these named constants
  // among the arguments (`zmq_socket(ctx, ZMQ_PUB)`, `zmq::socket_t s(ctx,
  // zmq::socket_type::pub)`). A handle whose making is not seen is taken to qualify.
  std::optional<unsigned> madeWithArg;
  bool madeWithObject = false;
  std::vector<std::string> madeBy, madeWith;
  // `message_type: {template_arg: N}`: the call's template type argument N is the message
  // type of the endpoint it makes (`create_publisher<T>`, `advertise<T>`, `subscribe<M>`).
  std::optional<unsigned> messageTypeArg;
  // `qos: {arg: N}`: argument N is the endpoint's ROS 2 QoS (libraries/ros_qos.h).
  std::optional<unsigned> qosArg;
  // From a profile with `names: ros`: channel names resolve as ROS resolves them, against
  // the node and NodeHandle the call is made on (model/ros_names.h, resolveRosName).
  bool rosNames = false;
  // `kind: service` / `kind: action`: the endpoints are a ROS service's or action's calls
  // (role produce) and servers (role consume), with rules of their own (unserved-call).
  ChannelKind kind = ChannelKind::Topic;
  Location location; // where it was declared (config file or built-in profile)
};

struct ConfigValue {
  std::vector<std::string> items; // one item for a scalar
  bool isList = false;
  Location location;
};

struct RuleConfig {
  std::optional<Severity> severity;
  std::map<std::string, ConfigValue> options;
  std::vector<std::string> exclude; // path globs where this rule reports nothing
  std::vector<Location> excludeAt;  // where each is written
  Location location; // of the rule id key
};

struct ServicePaths {
  std::string name;
  std::vector<std::string> globs;
  std::vector<Location> globAt; // where each glob is written, in order
  Location location;
};

// The config keys whose entries are paths or path globs, relative to the config's directory.
inline const char *const kPathKeys[] = {"sources", "include_dirs", "contracts", "exclude", "parameter_files", "launch"};

struct Config {
  std::string file;    // the config file's path as shown in messages ("" when none)
  std::string absolutePath;
  std::string baseDir; // globs are relative to this directory (absolute)
  std::vector<std::string> sources;
  bool sourcesGiven = false; // the key is written (else the CLI's default globs apply)
  std::vector<std::string> includeDirs;
  std::vector<std::string> compileFlags; // added after -std=c++20 when there is no -p (e.g. -std=c++17)
  std::vector<std::string> contracts;
  bool contractsGiven = false;
  std::vector<ServicePaths> services; // in file order: the first matching glob wins
  std::vector<ApiDescription> apis;
  std::vector<std::string> persistenceApis;
  std::vector<std::string> disabledProfiles; // built-in profiles switched off
  std::vector<std::string> enabledProfiles;  // built-in profiles that are off by default, switched on
  std::map<std::string, RuleConfig> rules;
  std::vector<std::string> exclude; // path globs: not analysed, and no finding reported there
  Location excludeAt;
  std::vector<std::string> extendedFiles; // the base configs read through `extends`, outermost last
  // The values settings have where the system runs (`parameters:`, a map of setting name to
  // value), and ROS 2 parameter files to read more from (`parameter_files:`, globs).
  std::map<std::string, std::string> parameters;
  std::map<std::string, Location> parameterAt;
  std::vector<std::string> parameterFiles;
  // ROS launch files to read (`launch:`, globs): the nodes they start, with their names,
  // namespaces and remappings, apply to the endpoints of the code each node runs.
  std::vector<std::string> launch;
  // Where each entry of the kPathKeys lists is written (the file of the config or base that
  // set the key), in list order: an entry that matches nothing is reported there.
  std::map<std::string, std::vector<Location>> entryAt;

  // The entries of one of kPathKeys, with where each is written.
  std::vector<std::pair<std::string, Location>> pathEntries(const std::string &key) const;
};

// The parameters a ROS 2 parameter file sets (`node: {ros__parameters: {name: value}}`,
// nested maps joined with '.'), for every node in it; `displayPath` names it in messages.
// A parameter two nodes set to different values is left out and named in `conflicts`.
// Throws InputError for a file that is not YAML or not of that shape.
std::map<std::string, std::string> readRosParameterFile(const std::string &path, const std::string &displayPath,
                                                        std::vector<std::string> &conflicts);

// The nearest eventscope.yaml in `dir` or a directory above it.
std::optional<std::string> findConfigFile(const std::string &dir);

// Parses a config file and the base configs it `extends`; throws InputError naming the
// file, line and problem. A base's keys apply unless the extending file sets them (`apis`
// add up, `rules` merge per rule and option); every path stays relative to the extending
// file's directory, so one base can serve many repositories.
Config loadConfig(const std::string &path, const std::string &displayPath);

// Parses one `apis` entry (shared by the config and the built-in profiles).
ApiDescription parseApiDescription(const YAML::Node &node, const std::string &file);

} // namespace eventscope
