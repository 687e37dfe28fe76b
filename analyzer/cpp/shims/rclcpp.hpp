// eventscope's stand-in for <rclcpp/rclcpp.hpp>, used only when the real ROS 2 headers are
// not on the include path: just enough declarations for the rclcpp profile's calls to
// survive in the AST with their arguments (without them, `this->create_publisher<T>(...)`
// in a class with an unknown base disappears entirely).
#pragma once

// What real rclcpp.hpp brings in with it, which nodes use without including it themselves
// (`std::map`, `std::round`, `std::thread`): without these the node would not parse here.
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <functional>
#include <future>
#include <iostream>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <builtin_interfaces/msg/duration.hpp>
#include <builtin_interfaces/msg/time.hpp>
#include <rcl_interfaces/msg/parameter_descriptor.hpp>
#include <rcl_interfaces/msg/set_parameters_result.hpp>
#include <rcl_interfaces/msg/parameter_type.hpp>

#define RCLCPP_VERSION_MAJOR 28
#define RCLCPP_VERSION_MINOR 1
#define RCLCPP_VERSION_PATCH 0
#define RCLCPP_VERSION_STR "28.1.0"
#define RCLCPP_VERSION_GTE(major, minor, patch) \
  ((major < RCLCPP_VERSION_MAJOR) ? true : (major > RCLCPP_VERSION_MAJOR) ? false \
   : (minor < RCLCPP_VERSION_MINOR) ? true : (minor > RCLCPP_VERSION_MINOR) ? false : (patch <= RCLCPP_VERSION_PATCH))

// rclcpp/macros.hpp: the smart pointer aliases every rclcpp class has, and that projects give
// their own classes (`RCLCPP_SMART_PTR_DEFINITIONS(MyNode)`): without `ConstSharedPtr` a
// member `rclcpp::Subscription<T>::ConstSharedPtr sub_;` is invalid and Clang drops every
// statement that assigns it, its create_subscription call with it.
#ifndef RCLCPP_SMART_PTR_DEFINITIONS
#define RCLCPP_DISABLE_COPY(...) __VA_ARGS__(const __VA_ARGS__ &) = delete; __VA_ARGS__ &operator=(const __VA_ARGS__ &) = delete;
#define __RCLCPP_SHARED_PTR_ALIAS(...) using SharedPtr = std::shared_ptr<__VA_ARGS__>; using ConstSharedPtr = std::shared_ptr<const __VA_ARGS__>;
#define __RCLCPP_MAKE_SHARED_DEFINITION(...) \
  template <typename... Args> static std::shared_ptr<__VA_ARGS__> make_shared(Args &&...args) { \
    return std::make_shared<__VA_ARGS__>(std::forward<Args>(args)...); }
#define RCLCPP_SHARED_PTR_DEFINITIONS(...) __RCLCPP_SHARED_PTR_ALIAS(__VA_ARGS__) __RCLCPP_MAKE_SHARED_DEFINITION(__VA_ARGS__)
#define __RCLCPP_WEAK_PTR_ALIAS(...) using WeakPtr = std::weak_ptr<__VA_ARGS__>; using ConstWeakPtr = std::weak_ptr<const __VA_ARGS__>;
#define RCLCPP_WEAK_PTR_DEFINITIONS(...) __RCLCPP_WEAK_PTR_ALIAS(__VA_ARGS__)
#define __RCLCPP_UNIQUE_PTR_ALIAS(...) using UniquePtr = std::unique_ptr<__VA_ARGS__>;
#define __RCLCPP_MAKE_UNIQUE_DEFINITION(...) \
  template <typename... Args> static std::unique_ptr<__VA_ARGS__> make_unique(Args &&...args) { \
    return std::unique_ptr<__VA_ARGS__>(new __VA_ARGS__(std::forward<Args>(args)...)); }
#define RCLCPP_UNIQUE_PTR_DEFINITIONS(...) __RCLCPP_UNIQUE_PTR_ALIAS(__VA_ARGS__) __RCLCPP_MAKE_UNIQUE_DEFINITION(__VA_ARGS__)
#define RCLCPP_SMART_PTR_DEFINITIONS(...) \
  RCLCPP_SHARED_PTR_DEFINITIONS(__VA_ARGS__) RCLCPP_WEAK_PTR_DEFINITIONS(__VA_ARGS__) RCLCPP_UNIQUE_PTR_DEFINITIONS(__VA_ARGS__)
#define RCLCPP_SMART_PTR_DEFINITIONS_NOT_COPYABLE(...) \
  RCLCPP_SHARED_PTR_DEFINITIONS(__VA_ARGS__) RCLCPP_WEAK_PTR_DEFINITIONS(__VA_ARGS__) __RCLCPP_UNIQUE_PTR_ALIAS(__VA_ARGS__)
#define RCLCPP_SMART_PTR_ALIASES_ONLY(...) \
  __RCLCPP_SHARED_PTR_ALIAS(__VA_ARGS__) __RCLCPP_WEAK_PTR_ALIAS(__VA_ARGS__) __RCLCPP_UNIQUE_PTR_ALIAS(__VA_ARGS__) \
  __RCLCPP_MAKE_SHARED_DEFINITION(__VA_ARGS__)
#endif
// The stand-ins' own aliases (no make_shared: some stand-ins declare their own).
#define EVENTSCOPE_SMART_PTR_ALIASES(...) \
  __RCLCPP_SHARED_PTR_ALIAS(__VA_ARGS__) __RCLCPP_WEAK_PTR_ALIAS(__VA_ARGS__) __RCLCPP_UNIQUE_PTR_ALIAS(__VA_ARGS__)

// From rmw/rcl, which rclcpp's headers bring in.
struct rmw_request_id_t {
  int8_t writer_guid[16];
  int64_t sequence_number;
};
struct rmw_time_t {
  uint64_t sec;
  uint64_t nsec;
};
// rmw/types.h's durations (a QoS's deadline, lifespan and liveliness lease).
#define RMW_DURATION_INFINITE rmw_time_t{9223372036LL, 854775807LL}
#define RMW_DURATION_UNSPECIFIED rmw_time_t{0, 0}
#define RMW_QOS_DEADLINE_DEFAULT RMW_DURATION_UNSPECIFIED
#define RMW_QOS_LIFESPAN_DEFAULT RMW_DURATION_UNSPECIFIED
#define RMW_QOS_LIVELINESS_LEASE_DURATION_DEFAULT RMW_DURATION_UNSPECIFIED
struct rcl_serialized_message_t {
  uint8_t *buffer;
  size_t buffer_length;
  size_t buffer_capacity;
};
// rmw/types.h's policy enums, each with its `_t` typedef as rmw declares them (code names
// `rmw_qos_durability_policy_t::RMW_QOS_POLICY_DURABILITY_TRANSIENT_LOCAL`).
typedef enum rmw_qos_reliability_policy_e {
  RMW_QOS_POLICY_RELIABILITY_SYSTEM_DEFAULT,
  RMW_QOS_POLICY_RELIABILITY_RELIABLE,
  RMW_QOS_POLICY_RELIABILITY_BEST_EFFORT,
  RMW_QOS_POLICY_RELIABILITY_UNKNOWN,
  RMW_QOS_POLICY_RELIABILITY_BEST_AVAILABLE
} rmw_qos_reliability_policy_t;
typedef enum rmw_qos_durability_policy_e {
  RMW_QOS_POLICY_DURABILITY_SYSTEM_DEFAULT,
  RMW_QOS_POLICY_DURABILITY_TRANSIENT_LOCAL,
  RMW_QOS_POLICY_DURABILITY_VOLATILE,
  RMW_QOS_POLICY_DURABILITY_UNKNOWN,
  RMW_QOS_POLICY_DURABILITY_BEST_AVAILABLE
} rmw_qos_durability_policy_t;
typedef enum rmw_qos_history_policy_e {
  RMW_QOS_POLICY_HISTORY_SYSTEM_DEFAULT,
  RMW_QOS_POLICY_HISTORY_KEEP_LAST,
  RMW_QOS_POLICY_HISTORY_KEEP_ALL,
  RMW_QOS_POLICY_HISTORY_UNKNOWN
} rmw_qos_history_policy_t;
typedef enum rmw_qos_liveliness_policy_e {
  RMW_QOS_POLICY_LIVELINESS_SYSTEM_DEFAULT = 0,
  RMW_QOS_POLICY_LIVELINESS_AUTOMATIC = 1,
  RMW_QOS_POLICY_LIVELINESS_MANUAL_BY_TOPIC = 3,
  RMW_QOS_POLICY_LIVELINESS_UNKNOWN = 4,
  RMW_QOS_POLICY_LIVELINESS_BEST_AVAILABLE = 5
} rmw_qos_liveliness_policy_t;

// rmw/types.h's profile, with its fields (code sets `profile.durability = ...`).
struct rmw_qos_profile_t {
  rmw_qos_history_policy_t history;
  size_t depth;
  rmw_qos_reliability_policy_t reliability;
  rmw_qos_durability_policy_t durability;
  rmw_time_t deadline;
  rmw_time_t lifespan;
  rmw_qos_liveliness_policy_t liveliness;
  rmw_time_t liveliness_lease_duration;
  bool avoid_ros_namespace_conventions;
};
inline const rmw_qos_profile_t rmw_qos_profile_default{};
inline const rmw_qos_profile_t rmw_qos_profile_sensor_data{};
inline const rmw_qos_profile_t rmw_qos_profile_services_default{};
inline const rmw_qos_profile_t rmw_qos_profile_parameters{};
inline const rmw_qos_profile_t rmw_qos_profile_system_default{};
inline const rmw_qos_profile_t rmw_qos_profile_parameter_events{};
enum rcl_service_introspection_state_t {
  RCL_SERVICE_INTROSPECTION_OFF,
  RCL_SERVICE_INTROSPECTION_METADATA,
  RCL_SERVICE_INTROSPECTION_CONTENTS
};
enum rcl_clock_type_t { RCL_CLOCK_UNINITIALIZED, RCL_ROS_TIME, RCL_SYSTEM_TIME, RCL_STEADY_TIME };

namespace rclcpp {

struct QoS {
  QoS() = default;
  template <class... A> QoS(A &&...) {}
  QoS &reliable() { return *this; }
  QoS &best_effort() { return *this; }
  QoS &transient_local() { return *this; }
  QoS &durability_volatile() { return *this; }
  QoS &keep_last(size_t) { return *this; }
  QoS &keep_all() { return *this; }
  template <class... A> QoS &history(A &&...) { return *this; }
  template <class... A> QoS &durability(A &&...) { return *this; }
  template <class... A> QoS &reliability(A &&...) { return *this; }
  template <class... A> QoS &deadline(A &&...) { return *this; }
  template <class... A> QoS &lifespan(A &&...) { return *this; }
  template <class... A> QoS &liveliness(A &&...) { return *this; }
  template <class... A> QoS &liveliness_lease_duration(A &&...) { return *this; }
  template <class... A> QoS &avoid_ros_namespace_conventions(A &&...) { return *this; }
  size_t depth() const { return 10; }
  const rmw_qos_profile_t &get_rmw_qos_profile() const { static rmw_qos_profile_t profile{}; return profile; }
};
enum class HistoryPolicy { KeepLast, KeepAll, SystemDefault, Unknown };
enum class ReliabilityPolicy { BestEffort, Reliable, SystemDefault, Unknown };
enum class DurabilityPolicy { Volatile, TransientLocal, SystemDefault, Unknown };
enum class LivelinessPolicy { Automatic, ManualByTopic, SystemDefault, Unknown };
struct KeepLast { explicit KeepLast(size_t) {} };
// Type adaptation (REP 2007): a custom type sent as a ROS message type.
template <class CustomType, class ROSMessageType = void, class Enable = void> struct TypeAdapter {
  using is_specialized = std::false_type;
};
template <class CustomType> struct adapt_type {
  template <class ROSMessageType> using as = TypeAdapter<CustomType, ROSMessageType>;
};
template <class CustomType> struct ImplicitTypeAdapter {
  using is_specialized = std::false_type;
};
#define RCLCPP_USING_CUSTOM_TYPE_AS_ROS_MESSAGE_TYPE(CustomType, ROSMessageType)                                   \
  template <> struct ::rclcpp::ImplicitTypeAdapter<CustomType> : public ::rclcpp::TypeAdapter<CustomType, ROSMessageType> {}
struct KeepAll {};
struct QoSInitialization {
  QoSInitialization(int, size_t) {}
  static QoSInitialization from_rmw(const rmw_qos_profile_t &) { return {0, 0}; }
};
struct SensorDataQoS : QoS { using QoS::QoS; };
struct ClockQoS : QoS { using QoS::QoS; };
struct RosoutQoS : QoS { using QoS::QoS; };
struct ParameterEventsQoS : QoS { using QoS::QoS; };
struct BestAvailableQoS : QoS { using QoS::QoS; };
struct SystemDefaultsQoS : QoS { using QoS::QoS; };
struct ServicesQoS : QoS { using QoS::QoS; };
struct ParametersQoS : QoS { using QoS::QoS; };
struct Context { EVENTSCOPE_SMART_PTR_ALIASES(Context) };
namespace contexts {
struct DefaultContext : Context {};
Context::SharedPtr get_global_default_context();
} // namespace contexts
// rclcpp/exceptions/exceptions.hpp: what navigation2's parameter helpers catch.
namespace exceptions {
#define EVENTSCOPE_RCLCPP_EXCEPTION(name) \
  struct name : std::runtime_error { \
    template <class... A> explicit name(A &&...) : std::runtime_error(#name) {} \
  };
EVENTSCOPE_RCLCPP_EXCEPTION(ParameterAlreadyDeclaredException)
EVENTSCOPE_RCLCPP_EXCEPTION(ParameterNotDeclaredException)
EVENTSCOPE_RCLCPP_EXCEPTION(InvalidParameterTypeException)
EVENTSCOPE_RCLCPP_EXCEPTION(InvalidParameterValueException)
EVENTSCOPE_RCLCPP_EXCEPTION(InvalidParametersException)
EVENTSCOPE_RCLCPP_EXCEPTION(ParameterUninitializedException)
EVENTSCOPE_RCLCPP_EXCEPTION(UninitializedStaticallyTypedParameterException)
EVENTSCOPE_RCLCPP_EXCEPTION(ParameterModifiedInCallbackException)
EVENTSCOPE_RCLCPP_EXCEPTION(InvalidNodeNameError)
EVENTSCOPE_RCLCPP_EXCEPTION(InvalidNamespaceError)
EVENTSCOPE_RCLCPP_EXCEPTION(RCLError)
#undef EVENTSCOPE_RCLCPP_EXCEPTION
} // namespace exceptions
enum class CallbackGroupType { MutuallyExclusive, Reentrant };
// rclcpp/node_options.hpp: each option a getter (no argument) and a chained setter (any
// argument); append_parameter_override adds one override (cloisim_ros's Base builds its
// options in the constructor's call of rclcpp::Node, whose name and namespace were lost
// with it).
struct Parameter;
struct NodeOptions {
#define EVENTSCOPE_NODE_OPTION(name, type)                                                                              \
  type name() const;                                                                                                  \
  template <class A0, class... A> NodeOptions &name(A0 &&, A &&...) { return *this; }
  EVENTSCOPE_NODE_OPTION(use_intra_process_comms, bool)
  EVENTSCOPE_NODE_OPTION(automatically_declare_parameters_from_overrides, bool)
  EVENTSCOPE_NODE_OPTION(allow_undeclared_parameters, bool)
  EVENTSCOPE_NODE_OPTION(start_parameter_services, bool)
  EVENTSCOPE_NODE_OPTION(start_parameter_event_publisher, bool)
  EVENTSCOPE_NODE_OPTION(use_global_arguments, bool)
  EVENTSCOPE_NODE_OPTION(enable_rosout, bool)
  EVENTSCOPE_NODE_OPTION(enable_topic_statistics, bool)
  EVENTSCOPE_NODE_OPTION(enable_logger_service, bool)
  EVENTSCOPE_NODE_OPTION(use_clock_thread, bool)
  EVENTSCOPE_NODE_OPTION(clock_type, rcl_clock_type_t)
#define EVENTSCOPE_NODE_LIST_OPTION(name, type)                                                                         \
  const type &name() const;                                                                                           \
  type &name();                                                                                                       \
  NodeOptions &name(const type &) { return *this; }
  // Not templates: a braced list (`arguments({"--ros-args", "-r", "__node:=x"})`) deduces no type.
  EVENTSCOPE_NODE_LIST_OPTION(arguments, std::vector<std::string>)
  EVENTSCOPE_NODE_LIST_OPTION(parameter_overrides, std::vector<Parameter>)
#undef EVENTSCOPE_NODE_LIST_OPTION
  EVENTSCOPE_NODE_OPTION(context, std::shared_ptr<Context>)
#undef EVENTSCOPE_NODE_OPTION
  template <class A0, class... A> NodeOptions &clock_qos(A0 &&, A &&...) { return *this; }
  template <class A0, class... A> NodeOptions &parameter_event_qos(A0 &&, A &&...) { return *this; }
  template <class A0, class... A> NodeOptions &rosout_qos(A0 &&, A &&...) { return *this; }
  template <class A0, class... A> NodeOptions &parameter_event_publisher_options(A0 &&, A &&...) { return *this; }
  template <class A0, class... A> NodeOptions &allocator(A0 &&, A &&...) { return *this; }
  template <class T> NodeOptions &append_parameter_override(const std::string &name, const T &value) { return *this; }
};
// Unscoped, as rclcpp's: `rclcpp::PARAMETER_STRING` (navigation2's node_utils.hpp).
enum ParameterType { PARAMETER_NOT_SET, PARAMETER_BOOL, PARAMETER_INTEGER, PARAMETER_DOUBLE, PARAMETER_STRING,
                           PARAMETER_BYTE_ARRAY, PARAMETER_BOOL_ARRAY, PARAMETER_INTEGER_ARRAY,
                           PARAMETER_DOUBLE_ARRAY, PARAMETER_STRING_ARRAY };
struct ParameterValue {
  ParameterValue() = default;
  template <class... A> ParameterValue(A &&...) {}
  ParameterType get_type() const;
  template <class T> T get() const;
};
struct Parameter {
  Parameter() = default;
  template <class... A> Parameter(A &&...) {}
  template <class T> T get_value() const;
  ParameterValue get_parameter_value() const;
  std::string value_to_string() const;
  std::vector<std::string> as_string_array() const;
  std::vector<double> as_double_array() const;
  std::vector<int64_t> as_integer_array() const;
  std::vector<bool> as_bool_array() const;
  std::string get_name() const;
  ParameterType get_type() const;
  std::string as_string() const;
  int64_t as_int() const;
  double as_double() const;
  bool as_bool() const;
};
// Parameter change events (rclcpp/parameter_event_handler.hpp): nothing of the graph, but a
// member of the type must compile, or the class's parameter reads are lost with it.
struct ParameterCallbackHandle { EVENTSCOPE_SMART_PTR_ALIASES(ParameterCallbackHandle) };
struct ParameterEventCallbackHandle { EVENTSCOPE_SMART_PTR_ALIASES(ParameterEventCallbackHandle) };
struct ParameterEventHandler {
  EVENTSCOPE_SMART_PTR_ALIASES(ParameterEventHandler)
  template <class... A> ParameterEventHandler(A &&...) {}
  template <class... A> std::shared_ptr<ParameterCallbackHandle> add_parameter_callback(A &&...) { return nullptr; }
  template <class... A> std::shared_ptr<ParameterEventCallbackHandle> add_parameter_event_callback(A &&...) {
    return nullptr;
  }
  template <class... A> void remove_parameter_callback(A &&...) {}
  template <class... A> void remove_parameter_event_callback(A &&...) {}
};
namespace node_interfaces {
struct OnSetParametersCallbackHandle { EVENTSCOPE_SMART_PTR_ALIASES(OnSetParametersCallbackHandle) };
struct PostSetParametersCallbackHandle { EVENTSCOPE_SMART_PTR_ALIASES(PostSetParametersCallbackHandle) };
} // namespace node_interfaces

// Allocators and memory strategies (the allocator tutorials).
namespace allocator {
template <class T, class Alloc> using AllocRebind = typename std::allocator_traits<Alloc>::template rebind_traits<T>;
template <class Alloc, class T> struct Deleter {
  Deleter() = default;
  template <class A> explicit Deleter(const A &) {}
  void operator()(T *) const {}
};
template <class D, class A> void set_allocator_for_deleter(D *, A *) {}
} // namespace allocator
namespace memory_strategy { struct MemoryStrategy { virtual ~MemoryStrategy() = default; }; }
namespace memory_strategies::allocator_memory_strategy {
template <class Alloc = std::allocator<void>> struct AllocatorMemoryStrategy : memory_strategy::MemoryStrategy {
  AllocatorMemoryStrategy() = default;
  explicit AllocatorMemoryStrategy(std::shared_ptr<Alloc>) {}
};
} // namespace memory_strategies::allocator_memory_strategy
namespace message_memory_strategy {
template <class MessageT, class Alloc = std::allocator<void>> struct MessageMemoryStrategy {
  EVENTSCOPE_SMART_PTR_ALIASES(MessageMemoryStrategy)
  MessageMemoryStrategy() = default;
  explicit MessageMemoryStrategy(std::shared_ptr<Alloc>) {}
};
} // namespace message_memory_strategy
struct ExecutorOptions {
  std::shared_ptr<memory_strategy::MemoryStrategy> memory_strategy;
  Context::SharedPtr context;
  size_t max_conditions = 0;
};

class SerializedMessage {
public:
  SerializedMessage();
  explicit SerializedMessage(size_t capacity);
  rcl_serialized_message_t &get_rcl_serialized_message();
  const rcl_serialized_message_t &get_rcl_serialized_message() const;
  size_t size() const;
  size_t capacity() const;
  void reserve(size_t capacity);
};
template <class MessageT> struct Serialization {
  void serialize_message(const MessageT *message, SerializedMessage *serialized) const;
  void deserialize_message(const SerializedMessage *serialized, MessageT *message) const;
};
template <class... A> void sleep_for(A &&...) {}
struct Logger {
  // rclcpp/logger.hpp: the severities a node's logger level is set to (demo_nodes_cpp's
  // use_logger_service: `rclcpp::Logger::Level` made its helper invalid, its calls lost).
  enum class Level { Unset = 0, Debug = 10, Info = 20, Warn = 30, Error = 40, Fatal = 50 };
  std::string get_name() const;
  Logger get_child(const std::string &suffix) const;
  void set_level(Level level);
  Level get_effective_level() const;
};
// Time and Duration: every constructor real code uses (seconds and nanoseconds, a
// builtin_interfaces message, a clock type) is one permissive template. A Duration is not
// made from a time stamp, as in rclcpp: `now() - msg->header.stamp` is Time's operator-, not
// an ambiguity (fmrico/book_ros2's AvoidanceNode, new-user trial s50).
struct Time;
template <class... A> inline constexpr bool kOneTimeStamp = false;
template <class A>
inline constexpr bool kOneTimeStamp<A> =
    std::is_same_v<std::decay_t<A>, builtin_interfaces::msg::Time> || std::is_same_v<std::decay_t<A>, Time>;
struct Duration {
  Duration() = default;
  template <class... A, class = std::enable_if_t<!kOneTimeStamp<A...>>> Duration(A &&...) {}
  static Duration from_seconds(double seconds);
  static Duration from_nanoseconds(int64_t nanoseconds);
  static Duration max();
  double seconds() const;
  int64_t nanoseconds() const;
  template <class D = std::chrono::nanoseconds> D to_chrono() const { return D(); }
  operator builtin_interfaces::msg::Duration() const { return {}; }
  Duration operator+(const Duration &) const;
  Duration operator-(const Duration &) const;
  Duration operator-() const;
  Duration operator*(double) const;
  bool operator==(const Duration &) const;
  bool operator!=(const Duration &) const;
  bool operator<(const Duration &) const;
  bool operator<=(const Duration &) const;
  bool operator>(const Duration &) const;
  bool operator>=(const Duration &) const;
};
struct Time {
  Time() = default;
  template <class... A> Time(A &&...) {}
  double seconds() const;
  int64_t nanoseconds() const;
  rcl_clock_type_t get_clock_type() const;
  static Time max();
  operator builtin_interfaces::msg::Time() const { return {}; }
  Time operator+(const Duration &) const;
  Time operator-(const Duration &) const;
  Duration operator-(const Time &) const;
  Time &operator+=(const Duration &);
  Time &operator-=(const Duration &);
  bool operator==(const Time &) const;
  bool operator!=(const Time &) const;
  bool operator<(const Time &) const;
  bool operator<=(const Time &) const;
  bool operator>(const Time &) const;
  bool operator>=(const Time &) const;
};
struct Clock {
  EVENTSCOPE_SMART_PTR_ALIASES(Clock)
  Clock() = default;
  template <class... A> Clock(A &&...) {}
  Time now() const;
  rcl_clock_type_t get_clock_type() const;
  template <class... A> bool sleep_until(A &&...);
  template <class... A> bool sleep_for(A &&...);
};
struct Rate {
  template <class... A> Rate(A &&...) {}
  bool sleep();
  void reset();
  std::chrono::nanoseconds period() const; // autoware's mrm operators: `rate.period()`
};
struct WallRate : Rate { using Rate::Rate; };
// rclcpp/qos_overriding_options.hpp: which QoS policies parameters may override.
struct QosOverridingOptions {
  template <class... A> QosOverridingOptions(A &&...) {}
  template <class... A> static QosOverridingOptions with_default_policies(A &&...) { return {}; }
};
struct CallbackGroup;
template <class Alloc> struct PublisherOptionsWithAllocator {
  std::shared_ptr<Alloc> allocator;
  std::shared_ptr<CallbackGroup> callback_group;
  QosOverridingOptions qos_overriding_options;
  template <class... A> PublisherOptionsWithAllocator(A &&...) {}
};
using PublisherOptions = PublisherOptionsWithAllocator<std::allocator<void>>;
enum class TopicStatisticsState { Enable, Disable, NodeDefault };
struct TopicStatisticsOptions {
  TopicStatisticsState state = TopicStatisticsState::NodeDefault;
  std::string publish_topic = "/statistics";
  std::chrono::milliseconds publish_period{1000};
};
template <class Alloc> struct SubscriptionOptionsWithAllocator {
  std::shared_ptr<Alloc> allocator;
  TopicStatisticsOptions topic_stats_options;
  std::vector<std::string> content_filter_options_expression_parameters;
  struct { std::string filter_expression; std::vector<std::string> expression_parameters; } content_filter_options;
  std::shared_ptr<CallbackGroup> callback_group;
  QosOverridingOptions qos_overriding_options;
  template <class... A> SubscriptionOptionsWithAllocator(A &&...) {}
};
using SubscriptionOptions = SubscriptionOptionsWithAllocator<std::allocator<void>>;
struct CallbackGroup { EVENTSCOPE_SMART_PTR_ALIASES(CallbackGroup) };
// Dashing to Foxy spelt both in a namespace of their own (rclcpp/callback_group.hpp, kept as
// deprecated aliases until Galactic): aws-deepracer's nodes still write
// `rclcpp::callback_group::CallbackGroupType::Reentrant`.
namespace callback_group {
using ::rclcpp::CallbackGroup;
using ::rclcpp::CallbackGroupType;
} // namespace callback_group
enum class FutureReturnCode { SUCCESS, INTERRUPTED, TIMEOUT };
// rclcpp::Executor's public members (rclcpp/executor.hpp), any arguments: spinning carries no name.
struct Executor {
  EVENTSCOPE_SMART_PTR_ALIASES(Executor)
  template <class... A> Executor(A &&...) {}
  virtual ~Executor() = default;
  template <class... A> void add_node(A &&...) {}
  template <class... A> void remove_node(A &&...) {}
  template <class... A> void add_callback_group(A &&...) {}
  template <class... A> void remove_callback_group(A &&...) {}
  template <class... A> void spin(A &&...) {}
  template <class... A> void spin_some(A &&...) {}
  template <class... A> void spin_all(A &&...) {}
  template <class... A> void spin_once(A &&...) {}
  template <class... A> void spin_node_once(A &&...) {}
  template <class... A> void spin_node_some(A &&...) {}
  template <class... A> FutureReturnCode spin_until_future_complete(A &&...) { return FutureReturnCode::SUCCESS; }
  void cancel() {}
  bool is_spinning() { return false; }
};
namespace executors {
struct SingleThreadedExecutor : Executor { EVENTSCOPE_SMART_PTR_ALIASES(SingleThreadedExecutor) using Executor::Executor; };
struct MultiThreadedExecutor : Executor { EVENTSCOPE_SMART_PTR_ALIASES(MultiThreadedExecutor) using Executor::Executor; };
struct StaticSingleThreadedExecutor : Executor {
  EVENTSCOPE_SMART_PTR_ALIASES(StaticSingleThreadedExecutor)
  using Executor::Executor;
};
} // namespace executors
namespace experimental::executors {
struct EventsExecutor : rclcpp::Executor { EVENTSCOPE_SMART_PTR_ALIASES(EventsExecutor) using Executor::Executor; };
} // namespace experimental::executors

struct TimerBase {
  EVENTSCOPE_SMART_PTR_ALIASES(TimerBase)
  void cancel() {}
  void reset() {}
  bool is_canceled() const { return false; }
};
template <class F> struct WallTimer : TimerBase {};

template <class T> struct LoanedMessage { T &get(); };

// The type-erased bases code keeps handles in (`rclcpp::SubscriptionBase::SharedPtr params_`).
class PublisherBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(PublisherBase)
  virtual ~PublisherBase() = default;
  const char *get_topic_name() const;
  size_t get_subscription_count() const;
};
class SubscriptionBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(SubscriptionBase)
  virtual ~SubscriptionBase() = default;
  const char *get_topic_name() const;
  size_t get_publisher_count() const;
};
class ServiceBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(ServiceBase)
  virtual ~ServiceBase() = default;
  const char *get_service_name();
};
class ClientBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(ClientBase)
  virtual ~ClientBase() = default;
  const char *get_service_name() const;
  bool service_is_ready() const;
  template <class... A> bool wait_for_service(A &&...);
};
template <class MessageT, class AllocatorT = std::allocator<void>> class Publisher : public PublisherBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Publisher)
  template <class M> void publish(M &&message);
  LoanedMessage<MessageT> borrow_loaned_message();
  bool can_loan_messages() const;
  size_t get_subscription_count() const;
};
// Type-erased topics (rclcpp 9+: topic_tools, rosbag2): the message type is a string.
class GenericPublisher {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(GenericPublisher)
  void publish(const SerializedMessage &message);
  size_t get_subscription_count() const;
};
class GenericSubscription {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(GenericSubscription)
};
template <class MessageT, class AllocatorT = std::allocator<void>> class Subscription : public SubscriptionBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Subscription)
};
template <class ServiceT> class Service : public ServiceBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Service)
  template <class... A> void configure_introspection(A &&...);
};
template <class ServiceT> class Client : public ClientBase {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Client)
  using SharedResponse = std::shared_ptr<typename ServiceT::Response>;
  using SharedFuture = std::shared_future<SharedResponse>;
  // rclcpp's has the future as a member too (`async_send_request(r).future.share()`); a
  // member of that name also hides the base's injected class name.
  struct FutureAndRequestId : std::future<SharedResponse> {
    std::future<SharedResponse> future;
    int64_t request_id;
    SharedFuture share();
  };
  template <class R, class... A> FutureAndRequestId async_send_request(R &&request, A &&...) { return {}; }
  template <class... A> void configure_introspection(A &&...);
  template <class D> bool wait_for_service(D) const;
  bool wait_for_service() const; // rclcpp's timeout defaults to forever
  template <class... A> bool remove_pending_request(A &&...);
  size_t prune_pending_requests();
  bool service_is_ready() const;
};

// The node interfaces (what get_node_*_interface() returns; nav2 and ros2_control pass them
// around instead of the node): their common members, so code calling through them compiles.
namespace node_interfaces {
struct NodeBaseInterface {
  EVENTSCOPE_SMART_PTR_ALIASES(NodeBaseInterface)
  const char *get_name() const;
  const char *get_namespace() const;
  const char *get_fully_qualified_name() const;
  std::string resolve_topic_or_service_name(const std::string &name, bool is_service, bool only_expand = false) const;
  ::rclcpp::CallbackGroup::SharedPtr get_default_callback_group();
  template <class... A> ::rclcpp::CallbackGroup::SharedPtr create_callback_group(A &&...);
  template <class... A> bool callback_group_in_node(A &&...);
};
struct NodeParametersInterface {
  EVENTSCOPE_SMART_PTR_ALIASES(NodeParametersInterface)
  const ::rclcpp::ParameterValue &declare_parameter(const std::string &name,
                                                    const ::rclcpp::ParameterValue &value = ::rclcpp::ParameterValue());
  template <class... A>
  const ::rclcpp::ParameterValue &declare_parameter(const std::string &name, const ::rclcpp::ParameterValue &value,
                                                    A &&...);
  bool has_parameter(const std::string &name) const;
  void undeclare_parameter(const std::string &name);
  ::rclcpp::Parameter get_parameter(const std::string &name) const;
  template <class T> bool get_parameter(const std::string &name, T &value) const;
  template <class... A> std::vector<::rclcpp::Parameter> get_parameters(A &&...) const;
  template <class... A> bool set_parameters(A &&...);
  template <class F> ::rclcpp::node_interfaces::OnSetParametersCallbackHandle::SharedPtr add_on_set_parameters_callback(F);
  template <class F> void remove_on_set_parameters_callback(F);
  const std::map<std::string, ::rclcpp::ParameterValue> &get_parameter_overrides() const;
};
struct NodeTopicsInterface {
  EVENTSCOPE_SMART_PTR_ALIASES(NodeTopicsInterface)
  std::string resolve_topic_name(const std::string &name, bool only_expand = false) const;
};
struct NodeLoggingInterface {
  EVENTSCOPE_SMART_PTR_ALIASES(NodeLoggingInterface)
  ::rclcpp::Logger get_logger() const;
};
struct NodeClockInterface {
  EVENTSCOPE_SMART_PTR_ALIASES(NodeClockInterface)
  ::rclcpp::Clock::SharedPtr get_clock();
};
struct NodeTimersInterface { EVENTSCOPE_SMART_PTR_ALIASES(NodeTimersInterface) };
struct NodeServicesInterface { EVENTSCOPE_SMART_PTR_ALIASES(NodeServicesInterface) };
struct NodeGraphInterface {
  EVENTSCOPE_SMART_PTR_ALIASES(NodeGraphInterface)
  template <class... A> size_t count_publishers(A &&...) const;
  template <class... A> size_t count_subscribers(A &&...) const;
};
struct NodeWaitablesInterface { EVENTSCOPE_SMART_PTR_ALIASES(NodeWaitablesInterface) };
// rclcpp/node_interfaces/get_node_*_interface.hpp: an interface of any node-like object
// (tf2_ros's Buffer and TransformListener take them from a template node parameter).
template <class NodeT> NodeBaseInterface::SharedPtr get_node_base_interface(NodeT &&);
template <class NodeT> NodeParametersInterface::SharedPtr get_node_parameters_interface(NodeT &&);
template <class NodeT> NodeTopicsInterface::SharedPtr get_node_topics_interface(NodeT &&);
template <class NodeT> NodeLoggingInterface::SharedPtr get_node_logging_interface(NodeT &&);
template <class NodeT> NodeClockInterface::SharedPtr get_node_clock_interface(NodeT &&);
template <class NodeT> NodeTimersInterface::SharedPtr get_node_timers_interface(NodeT &&);
template <class NodeT> NodeServicesInterface::SharedPtr get_node_services_interface(NodeT &&);
template <class NodeT> NodeGraphInterface::SharedPtr get_node_graph_interface(NodeT &&);
template <class NodeT> NodeWaitablesInterface::SharedPtr get_node_waitables_interface(NodeT &&);
} // namespace node_interfaces

// declare_parameter(name, default)'s type: the default's, a string for anything that
// converts to one (`declare_parameter("topic", "scan")` is a std::string, as ParameterValue's
// get<T>() makes it in real rclcpp).
template <class T>
using DeclaredParameter = std::conditional_t<std::is_convertible_v<const T &, std::string>, std::string, T>;

// The members rclcpp::Node and rclcpp_lifecycle::LifecycleNode share (all but
// create_publisher, whose publisher types differ): written once for both stand-ins.
#define EVENTSCOPE_RCLCPP_NODE_MEMBERS                                                                              \
  template <class MessageT, class CallbackT, class AllocatorT = std::allocator<void>,                               \
            class SubscriptionT = ::rclcpp::Subscription<MessageT, AllocatorT>, class MessageMemoryStrategyT = void, \
            class... A>                                                                                             \
  std::shared_ptr<SubscriptionT> create_subscription(const std::string &topic, const ::rclcpp::QoS &qos,           \
                                                     CallbackT &&callback, A &&...options) {                        \
    return nullptr;                                                                                                 \
  }                                                                                                                 \
  template <class... A>                                                                                             \
  ::rclcpp::GenericPublisher::SharedPtr create_generic_publisher(const std::string &topic, const std::string &type,  \
                                                                 A &&...);                                          \
  template <class CallbackT, class... A>                                                                            \
  ::rclcpp::GenericSubscription::SharedPtr create_generic_subscription(                                             \
      const std::string &topic, const std::string &type, const ::rclcpp::QoS &qos, CallbackT &&callback, A &&...) {  \
    return nullptr;                                                                                                 \
  }                                                                                                                 \
  template <class ServiceT, class CallbackT, class... A>                                                            \
  typename ::rclcpp::Service<ServiceT>::SharedPtr create_service(const std::string &name, CallbackT &&callback,     \
                                                                 A &&...) {                                         \
    return nullptr;                                                                                                 \
  }                                                                                                                 \
  template <class ServiceT, class... A>                                                                             \
  typename ::rclcpp::Client<ServiceT>::SharedPtr create_client(const std::string &name, A &&...);                   \
  template <class D, class CallbackT, class... A>                                                                   \
  ::rclcpp::TimerBase::SharedPtr create_wall_timer(D period, CallbackT callback, A &&...) { return nullptr; }       \
  template <class D, class CallbackT, class... A>                                                                   \
  ::rclcpp::TimerBase::SharedPtr create_timer(D period, CallbackT callback, A &&...) { return nullptr; }            \
  template <class T, class... A>                                                                                    \
  ::rclcpp::DeclaredParameter<T> declare_parameter(const std::string &name, const T &value, A &&...);               \
  template <class T> T declare_parameter(const std::string &name);                                                  \
  ::rclcpp::ParameterValue declare_parameter(const std::string &name,                                               \
                                             const ::rclcpp::ParameterValue &value = ::rclcpp::ParameterValue());   \
  template <class... A> void declare_parameters(A &&...);                                                           \
  bool has_parameter(const std::string &name) const;                                                                \
  void undeclare_parameter(const std::string &name);                                                                \
  template <class T> bool get_parameter(const std::string &name, T &value) const;                                   \
  ::rclcpp::Parameter get_parameter(const std::string &name) const;                                                 \
  template <class T, class D> bool get_parameter_or(const std::string &name, T &value, const D &fallback) const;    \
  template <class... A> std::vector<::rclcpp::Parameter> get_parameters(A &&...) const;                             \
  template <class... A> bool set_parameter(A &&...);                                                                \
  template <class... A> std::vector<int> set_parameters(A &&...);                                                   \
  ::rclcpp::Logger get_logger() const;                                                                              \
  ::rclcpp::Clock::SharedPtr get_clock();                                                                           \
  ::rclcpp::Clock::SharedPtr get_clock() const;                                                                     \
  ::rclcpp::Time now() const;                                                                                       \
  std::string get_name() const;                                                                                     \
  std::string get_namespace() const;                                                                                \
  std::string get_fully_qualified_name() const;                                                                     \
  template <class... A> ::rclcpp::CallbackGroup::SharedPtr create_callback_group(A &&...);                          \
  template <class... A> size_t count_publishers(A &&...) const;                                                     \
  template <class... A> size_t count_subscribers(A &&...) const;                                                    \
  /* the ROS graph at run time (m-explore's map_merge finds robots' map topics by it) */                            \
  std::map<std::string, std::vector<std::string>> get_topic_names_and_types() const;                                \
  std::map<std::string, std::vector<std::string>> get_service_names_and_types() const;                              \
  std::vector<std::string> get_node_names() const;                                                                  \
  ::rclcpp::node_interfaces::NodeBaseInterface::SharedPtr get_node_base_interface();                                \
  ::rclcpp::node_interfaces::NodeTopicsInterface::SharedPtr get_node_topics_interface();                            \
  ::rclcpp::node_interfaces::NodeParametersInterface::SharedPtr get_node_parameters_interface();                    \
  ::rclcpp::node_interfaces::NodeLoggingInterface::SharedPtr get_node_logging_interface();                          \
  ::rclcpp::node_interfaces::NodeClockInterface::SharedPtr get_node_clock_interface();                              \
  ::rclcpp::node_interfaces::NodeTimersInterface::SharedPtr get_node_timers_interface();                            \
  ::rclcpp::node_interfaces::NodeServicesInterface::SharedPtr get_node_services_interface();                        \
  ::rclcpp::node_interfaces::NodeGraphInterface::SharedPtr get_node_graph_interface();                              \
  ::rclcpp::node_interfaces::NodeWaitablesInterface::SharedPtr get_node_waitables_interface();                      \
  using OnSetParametersCallbackHandle = ::rclcpp::node_interfaces::OnSetParametersCallbackHandle;                  \
  template <class F>                                                                                                \
  ::rclcpp::node_interfaces::OnSetParametersCallbackHandle::SharedPtr add_on_set_parameters_callback(F) {           \
    return nullptr;                                                                                                 \
  }                                                                                                                 \
  template <class F>                                                                                                \
  ::rclcpp::node_interfaces::PostSetParametersCallbackHandle::SharedPtr add_post_set_parameters_callback(F) {       \
    return nullptr;                                                                                                 \
  }

class Node : public std::enable_shared_from_this<Node> {
public:
  EVENTSCOPE_SMART_PTR_ALIASES(Node)
  explicit Node(const std::string &name, const NodeOptions &options = NodeOptions());
  Node(const std::string &name, const std::string &ns, const NodeOptions &options = NodeOptions());
  // A sub-node: the other node's, under a namespace extended by `sub_namespace` (protected in
  // rclcpp; vrpn_mocap's trackers derive from it).
  Node(const Node &other, const std::string &sub_namespace);
  SharedPtr create_sub_node(const std::string &sub_namespace);
  virtual ~Node();
  template <class... A> static SharedPtr make_shared(A &&...args) { return std::make_shared<Node>(args...); }

  template <class MessageT, class AllocatorT = std::allocator<void>, class PublisherT = Publisher<MessageT, AllocatorT>,
            class... A>
  std::shared_ptr<PublisherT> create_publisher(const std::string &topic, A &&...qos_and_options);
  EVENTSCOPE_RCLCPP_NODE_MEMBERS
};

// rclcpp/create_publisher.hpp, create_subscription.hpp: the template parameters in rclcpp's
// order, so that a call naming more than the message type
// (`rclcpp::create_publisher<MessageT, AllocatorT, PublisherT>(*this, topic, qos)`, a lifecycle
// node's own create_publisher) compiles against the stand-in as against rclcpp.
template <class MessageT, class AllocatorT = std::allocator<void>, class PublisherT = Publisher<MessageT, AllocatorT>,
          class NodeT, class... A>
std::shared_ptr<PublisherT> create_publisher(NodeT &&node, const std::string &topic, A &&...);
template <class MessageT, class CallbackT, class AllocatorT = std::allocator<void>,
          class SubscriptionT = Subscription<MessageT, AllocatorT>, class MessageMemoryStrategyT = void, class NodeT,
          class... A>
std::shared_ptr<SubscriptionT> create_subscription(NodeT &&node, const std::string &topic, const QoS &qos,
                                                   CallbackT &&callback, A &&...) {
  return nullptr;
}
// The same on a node's parameters and topics interfaces (tf2_ros's TransformListener and
// TransformBroadcaster: `create_subscription<T>(node_parameters, node_topics, "/tf", ...)`).
template <class MessageT, class AllocatorT = std::allocator<void>, class PublisherT = Publisher<MessageT, AllocatorT>,
          class ParametersT, class TopicsT, class... A>
std::shared_ptr<PublisherT> create_publisher(ParametersT &node_parameters, TopicsT &node_topics,
                                             const std::string &topic, const QoS &qos, A &&...);
template <class MessageT, class CallbackT, class AllocatorT = std::allocator<void>,
          class SubscriptionT = Subscription<MessageT, AllocatorT>, class MessageMemoryStrategyT = void,
          class ParametersT, class TopicsT, class... A>
std::shared_ptr<SubscriptionT> create_subscription(ParametersT &node_parameters, TopicsT &node_topics,
                                                   const std::string &topic, const QoS &qos, CallbackT &&callback,
                                                   A &&...) {
  return nullptr;
}

// rclcpp/create_service.hpp, create_client.hpp: a server or client made on a node's
// interfaces (interactive_markers' server: base, services, name, callback, QoS, group).
template <class ServiceT, class BaseT, class ServicesT, class CallbackT, class... A>
typename Service<ServiceT>::SharedPtr create_service(BaseT &&node_base, ServicesT &&node_services,
                                                     const std::string &service_name, CallbackT &&callback, A &&...);
template <class ServiceT, class BaseT, class GraphT, class ServicesT, class... A>
typename Client<ServiceT>::SharedPtr create_client(BaseT &&node_base, GraphT &&node_graph, ServicesT &&node_services,
                                                   const std::string &service_name, A &&...);

// rclcpp/wait_for_message.hpp: one message of a topic, taken by a subscription made for it
// (`wait_for_message(info, node, "/camera_info", 5s)`); the other overload is given the
// subscription.
template <class MsgT, class NodeT, class... A> bool wait_for_message(MsgT &out, NodeT &&node, const std::string &topic, A &&...);
template <class MsgT, class SubscriptionT, class ContextT, class... A>
bool wait_for_message(MsgT &out, std::shared_ptr<SubscriptionT> subscription, std::shared_ptr<ContextT> context, A &&...);

template <class... A> FutureReturnCode spin_until_future_complete(A &&...);
template <class... A> TimerBase::SharedPtr create_timer(A &&...);
template <class... A> void init(A &&...);
template <class... A> void spin(A &&...);
template <class... A> void spin_some(A &&...);
template <class... A> bool ok(A &&...);
template <class... A> bool shutdown(A &&...);
template <class... A> std::vector<std::string> init_and_remove_ros_arguments(A &&...);
template <class... A> std::vector<std::string> remove_ros_arguments(A &&...);
Logger get_logger(const std::string &name);
template <class T> using SharedPtr = std::shared_ptr<T>;
} // namespace rclcpp

namespace rclcpp_components { template <class T> struct NodeFactoryTemplate {}; }

// Logging: every level and variant, accepting anything (their arguments are not evaluated).
#define RCLCPP_DEBUG(...) ((void)0)
#define RCLCPP_DEBUG_STREAM(...) ((void)0)
#define RCLCPP_DEBUG_ONCE(...) ((void)0)
#define RCLCPP_DEBUG_STREAM_ONCE(...) ((void)0)
#define RCLCPP_DEBUG_THROTTLE(...) ((void)0)
#define RCLCPP_DEBUG_STREAM_THROTTLE(...) ((void)0)
#define RCLCPP_DEBUG_SKIPFIRST(...) ((void)0)
#define RCLCPP_DEBUG_STREAM_SKIPFIRST(...) ((void)0)
#define RCLCPP_DEBUG_EXPRESSION(...) ((void)0)
#define RCLCPP_DEBUG_STREAM_EXPRESSION(...) ((void)0)
#define RCLCPP_DEBUG_FUNCTION(...) ((void)0)
#define RCLCPP_DEBUG_STREAM_FUNCTION(...) ((void)0)
#define RCLCPP_DEBUG_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_DEBUG_STREAM_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_INFO(...) ((void)0)
#define RCLCPP_INFO_STREAM(...) ((void)0)
#define RCLCPP_INFO_ONCE(...) ((void)0)
#define RCLCPP_INFO_STREAM_ONCE(...) ((void)0)
#define RCLCPP_INFO_THROTTLE(...) ((void)0)
#define RCLCPP_INFO_STREAM_THROTTLE(...) ((void)0)
#define RCLCPP_INFO_SKIPFIRST(...) ((void)0)
#define RCLCPP_INFO_STREAM_SKIPFIRST(...) ((void)0)
#define RCLCPP_INFO_EXPRESSION(...) ((void)0)
#define RCLCPP_INFO_STREAM_EXPRESSION(...) ((void)0)
#define RCLCPP_INFO_FUNCTION(...) ((void)0)
#define RCLCPP_INFO_STREAM_FUNCTION(...) ((void)0)
#define RCLCPP_INFO_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_INFO_STREAM_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_WARN(...) ((void)0)
#define RCLCPP_WARN_STREAM(...) ((void)0)
#define RCLCPP_WARN_ONCE(...) ((void)0)
#define RCLCPP_WARN_STREAM_ONCE(...) ((void)0)
#define RCLCPP_WARN_THROTTLE(...) ((void)0)
#define RCLCPP_WARN_STREAM_THROTTLE(...) ((void)0)
#define RCLCPP_WARN_SKIPFIRST(...) ((void)0)
#define RCLCPP_WARN_STREAM_SKIPFIRST(...) ((void)0)
#define RCLCPP_WARN_EXPRESSION(...) ((void)0)
#define RCLCPP_WARN_STREAM_EXPRESSION(...) ((void)0)
#define RCLCPP_WARN_FUNCTION(...) ((void)0)
#define RCLCPP_WARN_STREAM_FUNCTION(...) ((void)0)
#define RCLCPP_WARN_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_WARN_STREAM_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_ERROR(...) ((void)0)
#define RCLCPP_ERROR_STREAM(...) ((void)0)
#define RCLCPP_ERROR_ONCE(...) ((void)0)
#define RCLCPP_ERROR_STREAM_ONCE(...) ((void)0)
#define RCLCPP_ERROR_THROTTLE(...) ((void)0)
#define RCLCPP_ERROR_STREAM_THROTTLE(...) ((void)0)
#define RCLCPP_ERROR_SKIPFIRST(...) ((void)0)
#define RCLCPP_ERROR_STREAM_SKIPFIRST(...) ((void)0)
#define RCLCPP_ERROR_EXPRESSION(...) ((void)0)
#define RCLCPP_ERROR_STREAM_EXPRESSION(...) ((void)0)
#define RCLCPP_ERROR_FUNCTION(...) ((void)0)
#define RCLCPP_ERROR_STREAM_FUNCTION(...) ((void)0)
#define RCLCPP_ERROR_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_ERROR_STREAM_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_FATAL(...) ((void)0)
#define RCLCPP_FATAL_STREAM(...) ((void)0)
#define RCLCPP_FATAL_ONCE(...) ((void)0)
#define RCLCPP_FATAL_STREAM_ONCE(...) ((void)0)
#define RCLCPP_FATAL_THROTTLE(...) ((void)0)
#define RCLCPP_FATAL_STREAM_THROTTLE(...) ((void)0)
#define RCLCPP_FATAL_SKIPFIRST(...) ((void)0)
#define RCLCPP_FATAL_STREAM_SKIPFIRST(...) ((void)0)
#define RCLCPP_FATAL_EXPRESSION(...) ((void)0)
#define RCLCPP_FATAL_STREAM_EXPRESSION(...) ((void)0)
#define RCLCPP_FATAL_FUNCTION(...) ((void)0)
#define RCLCPP_FATAL_STREAM_FUNCTION(...) ((void)0)
#define RCLCPP_FATAL_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_FATAL_STREAM_SKIPFIRST_THROTTLE(...) ((void)0)
#define RCLCPP_PUBLIC
#define RCLCPP_LOCAL
#define RCLCPP_COMPONENTS_REGISTER_NODE(...)
