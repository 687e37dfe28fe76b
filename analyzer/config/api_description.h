// The description of a messaging API (an `apis` entry of a config or a built-in profile):
// which function it is, whether it produces, consumes or makes a handle, and which of its
// arguments carry the channel and the handler. docs/profiles/README.md documents the keys.
#pragma once

#include "model/event_graph.h"
#include "model/location.h"

#include <optional>
#include <string>
#include <vector>

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
    RedisWords,   // {redis_command: PUBLISH, words: N}: the channels in the words that are arguments N, N+1,
                  // ... (redis-plus-plus's `command("PUBLISH", channel, message)`)
    Named,        // {name: TEXT}: the library's own channel, whatever the call's arguments (tf2_ros's
                  // broadcasters send on `/tf` and `/tf_static`)
  };
  Kind kind = Kind::Arg;
  unsigned index = 0;
  std::string word;              // RedisCommand, RedisArgv, RedisWords: the command; Named: the channel
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
  // `empty: true`, role handle only: the call makes an empty handle, to be filled by calls
  // with `target` (rd_kafka_topic_partition_list_new). A call of the same function that
  // reads the handle after it and before anything is added reads no channel at all.
  bool makesEmpty = false;
  // `advertises: true`, role handle only: making the handle announces the producer (ROS's
  // advertise, rclcpp's create_publisher: the topic's publisher exists from then on, as `ros2
  // topic info` shows). A handle no send of the analysed code is seen on is a produce
  // endpoint at its creation, so a publisher whose publish() sits in code that could not be
  // read (a missing header) is not lost.
  bool advertises = false;
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
  // `args: {text: N}`: only when argument N is text (a string, string view, character pointer
  // or array): overloads told apart by what is written where the name goes (nav2_util's
  // SimpleActionServer(node, name, ...) and (base, clock, logging, waitables, name, ...), whose
  // counts overlap once defaults are left out).
  std::optional<unsigned> argsText;
  // `match: prefix`: the library delivers every message whose topic starts with the
  // subscription (ZeroMQ's ZMQ_SUBSCRIBE); the consumer's channel becomes the pattern
  // `TEXT{...}`, which covers TEXT followed by anything.
  bool matchPrefix = false;
  // `match: glob`: the subscription is a Redis PSUBSCRIBE glob (`news.*`, `*`, `h?llo`): it
  // covers every channel Redis's pattern matching takes (model/channel_match.h'
  // redisGlobMatches), whose `*` crosses every separator.
  bool matchGlob = false;
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
  // With `service_part: true`: that type is a ROS 1 service's Request or Response message
  // (genmsg names service X's `XRequest` and `XResponse`; roscpp's advertiseService deduces
  // them from the callback): the endpoint's type is the service, X.
  bool messageTypeIsServicePart = false;
  // `qos: {arg: N}`: argument N is the endpoint's ROS 2 QoS (libraries/ros_qos.h).
  std::optional<unsigned> qosArg;
  // From a profile with `names: ros`: channel names resolve as ROS resolves them, against
  // the node and NodeHandle the call is made on (model/ros_names.h, resolveRosName).
  bool rosNames = false;
  // `kind: service` / `kind: action`: the endpoints are a ROS service's or action's calls
  // (role produce) and servers (role consume), with rules of their own (unserved-call).
  ChannelKind kind = ChannelKind::Topic;
  // `sibling: {name: N, message_type: T}`: each endpoint has a twin of the same role on the
  // name whose last segment is N (image_transport's CameraPublisher and CameraSubscriber: an
  // image topic `camera/image` and its `camera/camera_info`, getCameraInfoTopic), of type T.
  std::string siblingName, siblingType;
  Location location; // where it was declared (config file or built-in profile)
};

class DocValue;

// Parses one `apis` entry (shared by the config and the built-in profiles); throws InputError
// at the entry, or at the key that is wrong.
ApiDescription parseApiDescription(DocValue entry);

} // namespace eventscope
