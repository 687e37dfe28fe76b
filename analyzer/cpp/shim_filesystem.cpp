#include "analyzer/cpp/shim_filesystem.h"

#include "analyzer/cpp/ros_interfaces.h"
#include "analyzer/embedded_text.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace eventscope {
namespace {

const EmbeddedText kShims[] = {
#include "builtin_shims.inc"
};

std::string shimText(const char *name) {
  for (const EmbeddedText &shim : kShims)
    if (std::string(shim.name) == name)
      return shim.text;
  return "";
}

// `tf_message` -> TfMessage plus the spellings real packages use for acronyms, which the file
// name has lost (tf2_msgs::msg::TFMessage, autoware's HADMapRoute). Each segment between
// underscores is Capitalised; a segment of at most 4 characters may also be ALL CAPS ("tf" ->
// Tf, TF); a longer first segment may also start with 2 to 4 capitals and a capitalised rest
// ("hadmap" -> HADmap, HADMap, HADMAp). The combinations, derived name first, are cut at
// kMaxMessageNames: the rest are `using` aliases of the one derived type.
constexpr size_t kMaxMessageNames = 16;

std::string capitalised(const std::string &word) {
  std::string out = word;
  if (!out.empty())
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string allCaps(const std::string &word) {
  std::string out = word;
  for (char &c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> messageTypeNames(const std::string &stem) {
  std::vector<std::vector<std::string>> variants;
  size_t start = 0;
  while (start <= stem.size()) {
    size_t end = stem.find('_', start);
    std::string segment = stem.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!segment.empty()) {
      std::vector<std::string> forms{capitalised(segment)};
      if (segment.size() <= 4)
        forms.push_back(allCaps(segment));
      else if (variants.empty())
        for (size_t k = 2; k <= 4; ++k)
          forms.push_back(allCaps(segment.substr(0, k)) + capitalised(segment.substr(k)));
      variants.push_back(std::move(forms));
    }
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  std::vector<std::string> names{""};
  for (const std::vector<std::string> &forms : variants) {
    std::vector<std::string> next;
    for (const std::string &prefix : names)
      for (const std::string &form : forms)
        next.push_back(prefix + form);
    names = std::move(next);
  }
  std::vector<std::string> unique;
  for (const std::string &name : names)
    if (unique.size() < kMaxMessageNames && std::find(unique.begin(), unique.end(), name) == unique.end())
      unique.push_back(name);
  return unique;
}

// Core ROS 2 interfaces that no Debian package defines and that the code names fields and
// constants of (rcl_interfaces' definitions, ros2/rcl_interfaces): builtin_interfaces' Time and
// Duration (seconds and nanoseconds); rcl_interfaces' ParameterDescriptor and its ranges,
// which rclcpp.hpp brings in; lifecycle_msgs' State and Transition with their constants, and
// the GetState, ChangeState and GetAvailableStates services a lifecycle manager calls.
std::optional<RosInterface> builtinInterface(const std::string &package, const std::string &kind,
                                             const std::string &stem, std::string &type) {
  struct Builtin {
    const char *package, *stem, *type, *definition, *kind = "msg";
  };
  static const Builtin builtins[] = {
      {"builtin_interfaces", "time", "Time", "int32 sec\nuint32 nanosec\n"},
      {"builtin_interfaces", "duration", "Duration", "int32 sec\nuint32 nanosec\n"},
      {"rcl_interfaces", "floating_point_range", "FloatingPointRange", "float64 from_value\nfloat64 to_value\nfloat64 step\n"},
      {"rcl_interfaces", "integer_range", "IntegerRange", "int64 from_value\nint64 to_value\nuint64 step\n"},
      {"rcl_interfaces", "set_parameters_result", "SetParametersResult", "bool successful\nstring reason\n"},
      {"rcl_interfaces", "parameter_type", "ParameterType",
       "uint8 PARAMETER_NOT_SET = 0\nuint8 PARAMETER_BOOL = 1\nuint8 PARAMETER_INTEGER = 2\nuint8 PARAMETER_DOUBLE = 3\n"
       "uint8 PARAMETER_STRING = 4\nuint8 PARAMETER_BYTE_ARRAY = 5\nuint8 PARAMETER_BOOL_ARRAY = 6\n"
       "uint8 PARAMETER_INTEGER_ARRAY = 7\nuint8 PARAMETER_DOUBLE_ARRAY = 8\nuint8 PARAMETER_STRING_ARRAY = 9\n"},
      {"unique_identifier_msgs", "uuid", "UUID", "uint8[16] uuid\n"},
      {"action_msgs", "goal_info", "GoalInfo", "unique_identifier_msgs/UUID goal_id\nbuiltin_interfaces/Time stamp\n"},
      {"action_msgs", "cancel_goal", "CancelGoal",
       "GoalInfo goal_info\n---\nint8 ERROR_NONE = 0\nint8 ERROR_REJECTED = 1\nint8 ERROR_UNKNOWN_GOAL_ID = 2\n"
       "int8 ERROR_GOAL_TERMINATED = 3\nint8 return_code\nGoalInfo[] goals_canceling\n", "srv"},
      {"rcl_interfaces", "parameter_descriptor", "ParameterDescriptor",
       "string name\nuint8 type\nstring description\nstring additional_constraints\nbool read_only\n"
       "bool dynamic_typing\nFloatingPointRange[] floating_point_range\nIntegerRange[] integer_range\n"},
      {"lifecycle_msgs", "state", "State",
       "uint8 PRIMARY_STATE_UNKNOWN = 0\nuint8 PRIMARY_STATE_UNCONFIGURED = 1\nuint8 PRIMARY_STATE_INACTIVE = 2\n"
       "uint8 PRIMARY_STATE_ACTIVE = 3\nuint8 PRIMARY_STATE_FINALIZED = 4\nuint8 TRANSITION_STATE_CONFIGURING = 10\n"
       "uint8 TRANSITION_STATE_CLEANINGUP = 11\nuint8 TRANSITION_STATE_SHUTTINGDOWN = 12\n"
       "uint8 TRANSITION_STATE_ACTIVATING = 13\nuint8 TRANSITION_STATE_DEACTIVATING = 14\n"
       "uint8 TRANSITION_STATE_ERRORPROCESSING = 15\nuint8 id\nstring label\n"},
      {"lifecycle_msgs", "transition", "Transition",
       "uint8 TRANSITION_CREATE = 0\nuint8 TRANSITION_CONFIGURE = 1\nuint8 TRANSITION_CLEANUP = 2\n"
       "uint8 TRANSITION_ACTIVATE = 3\nuint8 TRANSITION_DEACTIVATE = 4\nuint8 TRANSITION_UNCONFIGURED_SHUTDOWN = 5\n"
       "uint8 TRANSITION_INACTIVE_SHUTDOWN = 6\nuint8 TRANSITION_ACTIVE_SHUTDOWN = 7\nuint8 TRANSITION_DESTROY = 8\n"
       "uint8 TRANSITION_ON_CONFIGURE_SUCCESS = 10\nuint8 TRANSITION_ON_CONFIGURE_FAILURE = 11\n"
       "uint8 TRANSITION_ON_CONFIGURE_ERROR = 12\nuint8 TRANSITION_ON_CLEANUP_SUCCESS = 20\n"
       "uint8 TRANSITION_ON_CLEANUP_FAILURE = 21\nuint8 TRANSITION_ON_CLEANUP_ERROR = 22\n"
       "uint8 TRANSITION_ON_ACTIVATE_SUCCESS = 30\nuint8 TRANSITION_ON_ACTIVATE_FAILURE = 31\n"
       "uint8 TRANSITION_ON_ACTIVATE_ERROR = 32\nuint8 TRANSITION_ON_DEACTIVATE_SUCCESS = 40\n"
       "uint8 TRANSITION_ON_DEACTIVATE_FAILURE = 41\nuint8 TRANSITION_ON_DEACTIVATE_ERROR = 42\n"
       "uint8 TRANSITION_ON_SHUTDOWN_SUCCESS = 50\nuint8 TRANSITION_ON_SHUTDOWN_FAILURE = 51\n"
       "uint8 TRANSITION_ON_SHUTDOWN_ERROR = 52\nuint8 TRANSITION_ON_ERROR_SUCCESS = 60\n"
       "uint8 TRANSITION_ON_ERROR_FAILURE = 61\nuint8 TRANSITION_ON_ERROR_ERROR = 62\n"
       "uint8 TRANSITION_CALLBACK_SUCCESS = 97\nuint8 TRANSITION_CALLBACK_FAILURE = 98\n"
       "uint8 TRANSITION_CALLBACK_ERROR = 99\nuint8 id\nstring label\n"},
      {"lifecycle_msgs", "get_state", "GetState", "---\nState current_state\n", "srv"},
      {"lifecycle_msgs", "change_state", "ChangeState", "Transition transition\n---\nbool success\n", "srv"},
      {"lifecycle_msgs", "get_available_states", "GetAvailableStates", "---\nState[] available_states\n", "srv"},
  };
  for (const Builtin &builtin : builtins)
    if (package == builtin.package && stem == builtin.stem && kind == builtin.kind) {
      type = builtin.type;
      std::string error;
      return parseRosInterface(builtin.definition, error);
    }
  return std::nullopt;
}

// The fields of a message section from its definition, or a stand-in `data` when there is
// none (std_msgs' wrappers all name their one field so).
std::string fieldsOf(const RosInterface *definition, size_t section, const std::string &package, RosVersion version,
                     std::string &includes) {
  if (!definition)
    return section == 0 && version == RosVersion::Two
               ? "  std::string data;\n  auto &set__data(const std::string &value) { data = value; return *this; }\n"
               : "";
  if (section >= definition->sections.size())
    return "";
  RosCppMembers members = rosCppMembers(definition->sections[section], package, version);
  for (const std::string &header : members.includes)
    includes += "#include <" + header + ">\n";
  return members.members;
}

// `std_msgs/msg/string.hpp` -> `namespace std_msgs::msg { struct String {...}; }`: ROS 2 names
// message types after their headers, so a stand-in can be made for any of them. With a
// definition (RosInterfaceIndex) the type is named as the definition and has its fields.
std::string messageStub(const std::string &package, const std::string &kind, const std::string &file,
                        const RosInterface *definition, const std::string &definedName) {
  std::vector<std::string> names = messageTypeNames(file.substr(0, file.size() - 4));
  if (!definedName.empty()) {
    names.erase(std::remove(names.begin(), names.end(), definedName), names.end());
    names.insert(names.begin(), definedName);
  }
  const std::string type = names.front();
  const RosVersion two = RosVersion::Two;
  std::string includes;
  std::string pointers = "  using SharedPtr = std::shared_ptr<" + type + ">;\n  using ConstSharedPtr = std::shared_ptr<const " +
                         type + ">;\n  using UniquePtr = std::unique_ptr<" + type + ">;\n";
  std::string body = "struct " + type + " {\n" + pointers;
  if (kind == "msg")
    body += fieldsOf(definition, 0, package, two, includes);
  else {
    // A service's sections are its Request and Response; an action's its Goal, Result and
    // Feedback (the order of the .action file).
    std::vector<const char *> parts{"Request", "Response", "Goal", "Result", "Feedback"};
    for (size_t i = 0; i < parts.size(); ++i) {
      const size_t section = kind == "srv" ? (i < 2 ? i : 99) : (i >= 2 ? i - 2 : 99);
      body += "  struct " + std::string(parts[i]) + " {\n    using SharedPtr = std::shared_ptr<" + parts[i] +
              ">;\n    using ConstSharedPtr = std::shared_ptr<const " + parts[i] + ">;\n" +
              fieldsOf(definition, section, package, two, includes) + "  };\n";
    }
  }
  body += "};\n";
  // (rosidl's generated traits print a message: `std::cout << msg`)
  body += "inline std::ostream &operator<<(std::ostream &s, const " + type + " &) { return s; }\n";
  // An alias that is a macro's name (a one-word ALL-CAPS message, `EOF`) is left out.
  for (size_t i = 1; i < names.size(); ++i)
    body += "#ifndef " + names[i] + "\nusing " + names[i] + " = " + type + ";\n#endif\n";
  // One type may be reached through several headers (`msg/parameter_descriptor.hpp` and its
  // `msg/detail/..._struct.hpp`): defined once.
  std::string guard = "EVENTSCOPE_MESSAGE_" + package + "_" + kind + "_" + type;
  return "#pragma once\n#include <array>\n#include <cstdint>\n#include <memory>\n#include <ostream>\n#include <string>\n"
         "#include <vector>\n" +
         includes + "#ifndef " + guard + "\n#define " + guard + "\nnamespace " + package + " { namespace " + kind +
         " {\n" + body + "} }\n#endif\n";
}

// `geometry_msgs/Twist.h` -> `geometry_msgs::Twist`: a ROS 1 message or service header
// generated by catkin (no Debian package has most of them). ROS 1 names the type exactly
// as the file, and one stub serves both shapes: a message template `Twist_<Alloc>` with
// its Ptr/ConstPtr, and a service's Request/Response (`TwistRequest`, `Twist::Request`).
// roscpp's message, service and serialization traits are specialised so that advertise<T>,
// subscribe and advertiseService compile against Debian's real roscpp. Fields come from the
// definition when there is one (`definition`, a .msg or .srv); without one, code that reads
// them is an error Clang reports (the file then counts as read in part).
// `extraMembers`: more members of the main type (an action message's `_goal_type`).
std::string ros1MessageStub(const std::string &package, const std::string &file, const RosInterface *definition,
                            bool service, const std::string &extraMembers = "") {
  const std::string name = file.substr(0, file.size() - 2);
  for (const char *suffix : {"Request", "Response"}) // served by the service's own stub
    if (name.size() > std::strlen(suffix) && llvm::StringRef(name).ends_with(suffix))
      return "#pragma once\n#include <" + package + "/" + name.substr(0, name.size() - std::strlen(suffix)) + ".h>\n";
  std::string out;
  auto message = [&](const std::string &type, const std::string &extra) {
    return "template <class ContainerAllocator> struct " + type + "_ {\n  typedef " + type +
           "_<ContainerAllocator> Type;\n  typedef boost::shared_ptr<" + type + "_> Ptr;\n  typedef boost::shared_ptr<" +
           type + "_ const> ConstPtr;\n" + extra + "};\ntypedef " + type + "_<std::allocator<void> > " + type +
           ";\ntypedef boost::shared_ptr<" + type + "> " + type + "Ptr;\ntypedef boost::shared_ptr<" + type + " const> " +
           type + "ConstPtr;\n" +
           // (catkin's generated header prints a message: `std::cout << msg`)
           "template <class A> std::ostream &operator<<(std::ostream &s, const " + type + "_<A> &) { return s; }\n";
  };
  std::string includes;
  const RosVersion one = RosVersion::One;
  const RosInterface *request = service ? definition : nullptr;
  out += message(name + "Request", request ? fieldsOf(request, 0, package, one, includes) : "") +
         message(name + "Response", request ? fieldsOf(request, 1, package, one, includes) : "") +
         message(name, (service ? "" : fieldsOf(definition, 0, package, one, includes)) + "  typedef " + name +
                           "Request Request;\n  typedef " + name +
                           "Response Response;\n  Request request;\n  Response response;\n"
                           "  typedef Request RequestType;\n  typedef Response ResponseType;\n" + extraMembers);
  out = "#pragma once\n#include <array>\n#include <cstdint>\n#include <memory>\n#include <ostream>\n#include <string>\n"
        "#include <vector>\n#include <boost/shared_ptr.hpp>\n#include <ros/types.h>\n#include <ros/serialization.h>\n"
        "#include <ros/builtin_message_traits.h>\n#include <ros/message_operations.h>\n#include <ros/service_traits.h>\n" +
        includes + "namespace " + package + " {\n" + out;
  out += "}\nnamespace ros {\nnamespace message_traits {\n";
  for (const std::string &type : {name, name + "Request", name + "Response"}) {
    std::string full = "::" + package + "::" + type + "_<A>";
    for (const char *trait : {"MD5Sum", "DataType", "Definition"})
      out += "template <class A> struct " + std::string(trait) + "<" + full +
             " > { static const char *value() { return \"" + package + "/" + type +
             "\"; } static const char *value(const " + full + " &) { return value(); } };\n";
  }
  out += "}\nnamespace service_traits {\n";
  for (const std::string &type : {name, name + "Request", name + "Response"})
    for (const char *trait : {"MD5Sum", "DataType"})
      out += "template <> struct " + std::string(trait) + "< ::" + package + "::" + type +
             " > { static const char *value() { return \"" + package + "/" + name + "\"; } static const char *value(const ::" +
             package + "::" + type + " &) { return value(); } };\n";
  out += "}\nnamespace serialization {\n";
  for (const std::string &type : {name, name + "Request", name + "Response"})
    out += "template <class A> struct Serializer< ::" + package + "::" + type +
           "_<A> > { template <typename Stream, typename T> inline static void allInOne(Stream &, T) {} "
           "ROS_DECLARE_ALLINONE_SERIALIZER };\n";
  out += "}\n}\n";
  return out;
}

// One of the seven messages genmsg makes of a ROS 1 action `X` (`X.action`): XAction,
// XActionGoal, XActionResult, XActionFeedback, XGoal, XResult, XFeedback (`part`), each its
// own header `pkg/<name>.h`; nullopt for a name with none of those endings.
struct Ros1ActionPart {
  std::string action; // "X"
  std::string part;   // "ActionGoal", ..., "Feedback"
};
std::optional<Ros1ActionPart> ros1ActionPart(const std::string &name) {
  for (const char *part : {"ActionGoal", "ActionResult", "ActionFeedback", "Action", "Goal", "Result", "Feedback"})
    if (name.size() > std::strlen(part) && llvm::StringRef(name).ends_with(part))
      return Ros1ActionPart{name.substr(0, name.size() - std::strlen(part)), part};
  return std::nullopt;
}

// The header of one part of a ROS 1 action, as genmsg makes it (actionlib_msgs' genaction.py):
// XGoal, XResult and XFeedback hold the .action's three sections (`definition`, or no fields
// when it is not found); XActionGoal wraps the goal with a Header and a GoalID, XActionResult
// and XActionFeedback the result and feedback with a Header and a GoalStatus, and XAction the
// three wrappers. The `_goal_type`-style member types are the ones actionlib's
// ACTION_DEFINITION reads, so actionlib's servers and clients compile on them.
std::string ros1ActionStub(const std::string &package, const Ros1ActionPart &action, const RosInterface *definition) {
  const std::string &x = action.action;
  const std::string name = x + action.part;
  const std::string qualified = "::" + package + "::";
  std::string text, extra;
  if (action.part == "Goal" || action.part == "Result" || action.part == "Feedback") {
    const size_t section = action.part == "Goal" ? 0 : action.part == "Result" ? 1 : 2;
    RosInterface fields;
    if (definition && section < definition->sections.size())
      fields.sections.push_back(definition->sections[section]);
    return ros1MessageStub(package, name + ".h", definition ? &fields : nullptr, false);
  }
  if (action.part == "Action") {
    text = x + "ActionGoal action_goal\n" + x + "ActionResult action_result\n" + x + "ActionFeedback action_feedback\n";
    for (const char *wrapper : {"Goal", "Result", "Feedback"})
      extra += "  typedef " + qualified + x + "Action" + wrapper + " _action_" + llvm::StringRef(wrapper).lower() +
               "_type;\n";
  } else {
    const std::string inner = action.part.substr(6); // "Goal", "Result", "Feedback"
    const std::string field = llvm::StringRef(inner).lower();
    text = std::string("Header header\n") + (inner == "Goal" ? "actionlib_msgs/GoalID goal_id\n" : "actionlib_msgs/GoalStatus status\n") +
           x + inner + " " + field + "\n";
    extra = "  typedef " + qualified + x + inner + " _" + field + "_type;\n";
  }
  std::string error;
  std::optional<RosInterface> wrapper = parseRosInterface(text, error);
  return ros1MessageStub(package, name + ".h", wrapper ? &*wrapper : nullptr, false, extra);
}

// A ROS 1 message package by ROS's naming convention: `*_msgs` or `*_srvs` (and the singular
// `*_msg`, `*_srv` some projects use, such as Poseidon's `setting_msg`).
bool isRos1MessageHeader(const std::vector<std::string> &parts) {
  if (parts.size() != 2 || !llvm::StringRef(parts[1]).ends_with(".h") || parts[1].size() < 3 ||
      !std::isupper(static_cast<unsigned char>(parts[1][0])))
    return false;
  llvm::StringRef package(parts[0]);
  return package.ends_with("_msgs") || package.ends_with("_srvs") || package.ends_with("_msg") ||
         package.ends_with("_srv");
}

// sensor_msgs/image_encodings.hpp (ROS 2) and .h (ROS 1): the encoding names image code
// compares against and cv_bridge takes (ros2-examples' camera driver and aruco detector,
// new-user trial s48, read in part without it).
const char *const kImageEncodings = R"(#pragma once
#include <string>
namespace sensor_msgs { namespace image_encodings {
const std::string RGB8 = "rgb8", RGBA8 = "rgba8", RGB16 = "rgb16", RGBA16 = "rgba16", BGR8 = "bgr8",
                  BGRA8 = "bgra8", BGR16 = "bgr16", BGRA16 = "bgra16", MONO8 = "mono8", MONO16 = "mono16",
                  TYPE_8UC1 = "8UC1", TYPE_8UC3 = "8UC3", TYPE_16UC1 = "16UC1", TYPE_32FC1 = "32FC1",
                  BAYER_RGGB8 = "bayer_rggb8", BAYER_BGGR8 = "bayer_bggr8", BAYER_GBRG8 = "bayer_gbrg8",
                  BAYER_GRBG8 = "bayer_grbg8", YUV422 = "yuv422", YUV422_YUY2 = "yuv422_yuy2", NV21 = "nv21";
inline bool isColor(const std::string &) { return true; }
inline bool isMono(const std::string &) { return false; }
inline bool isBayer(const std::string &) { return false; }
inline bool hasAlpha(const std::string &) { return false; }
inline int numChannels(const std::string &) { return 3; }
inline int bitDepth(const std::string &) { return 8; }
} }
)";

// Packages with a stand-in of their own, analyzer/cpp/shims/<shim>, served for any header
// under the package's directory (`tf2_ros/buffer.h`, `sw/redis++/redis++.h`): the stand-in at
// <home>/<shim>, every other header including it.
struct ShimPackage {
  const char *dir;
  const char *shim;
  const char *home = nullptr; // where the stand-in is served, when not `dir`
};
const ShimPackage kShimPackages[] = {
    {"rclcpp", "rclcpp.hpp"},
    {"rclcpp_lifecycle", "rclcpp_lifecycle.hpp"},
    {"rclcpp_action", "rclcpp_action.hpp"},
    {"rclcpp_components", "rclcpp.hpp", "rclcpp"}, // its macros live in the rclcpp stand-in
    {"rmw", "rclcpp.hpp", "rclcpp"}, // rmw/qos_profiles.h, rmw/types.h: their types live in the rclcpp stand-in
    {"tf2_ros", "tf2_ros.hpp"},
    {"message_filters", "message_filters.hpp"},
    {"image_transport", "image_transport.hpp"},
    {"pluginlib", "pluginlib.hpp"},
    {"realtime_tools", "realtime_tools.hpp"},
    {"controller_interface", "controller_interface.hpp"}, // ros2_control's controllers
    {"nav2_util", "nav2_util.hpp"}, // Nav2: the four include one another
    {"nav2_ros_common", "nav2_ros_common.hpp"},
    {"nav2_costmap_2d", "nav2_costmap_2d.hpp"},
    {"nav2_behavior_tree", "nav2_behavior_tree.hpp"},
    {"behaviortree_cpp", "behaviortree_cpp.hpp"}, // BehaviorTree.CPP v4, and v3's own directory:
    {"behaviortree_cpp_v3", "behaviortree_cpp.hpp", "behaviortree_cpp"},
    {"fmt", "fmt.hpp"},
    {"eventscope_std", "std_format.hpp"}, // C++20 <format> where the standard library lacks it
    {"rcutils", "rcutils.hpp"},
    {"nodelet", "nodelet.hpp"},
    {"actionlib", "actionlib.hpp"}, // ROS 1 actionlib (Debian ships roscpp, not actionlib)
    {"sw/redis++", "redis++.hpp"}, // redis-plus-plus
    {"cppkafka", "cppkafka.hpp"},
    {"kafka", "kafka.hpp"}, // modern-cpp-kafka
    {"cpp_redis", "cpp_redis.hpp"},
    {"catch2", "catch2.hpp"}, // test frameworks: test cases are read, not lost with their header
    {"doctest", "catch2.hpp"},
};

// Headers some projects reach by another path (`-I/usr/local/include/sw` and
// `<redis++/redis++.h>`, as ZeroTier has it; `-I/usr/local/include/sw/redis++` and
// `"redis++.h"`): served as an include of the package's own path.
// cpp_redis's own umbrella header has no extension (`<cpp_redis/cpp_redis>`).
const std::pair<const char *, const char *> kShimAliases[] = {{"redis++.h", "sw/redis++/redis++.h"},
                                                             {"redis++/redis++.h", "sw/redis++/redis++.h"},
                                                             {"redis++/async_redis++.h", "sw/redis++/async_redis++.h"},
                                                             {"cpp_redis/cpp_redis", "cpp_redis/cpp_redis.hpp"},
                                                             {"catch.hpp", "catch2/catch.hpp"},
                                                             {"catch_amalgamated.hpp", "catch2/catch_amalgamated.hpp"},
                                                             {"doctest.h", "doctest/doctest.h"},
                                                             // Last on the include path: a standard
                                                             // library that has <format> serves its own.
                                                             {"format", "eventscope_std/std_format.hpp"},
                                                             // Client libraries' headers named without the
                                                             // directory Debian puts them in, or by their path
                                                             // in the library's own source tree (a vendored
                                                             // copy the repository does not ship). Last on the
                                                             // include path: a project's own copy wins.
                                                             {"rdkafka.h", "librdkafka/rdkafka.h"},
                                                             {"rdkafkacpp.h", "librdkafka/rdkafkacpp.h"},
                                                             {"src/rdkafka.h", "librdkafka/rdkafka.h"},
                                                             {"src-cpp/rdkafkacpp.h", "librdkafka/rdkafkacpp.h"},
                                                             {"hiredis.h", "hiredis/hiredis.h"},
                                                             {"nats.h", "nats/nats.h"}};

// The package whose directory holds `relative` (a path under kShimRoot), or null.
const ShimPackage *shimPackageOf(llvm::StringRef relative) {
  for (const ShimPackage &package : kShimPackages)
    if (relative.starts_with(std::string(package.dir) + "/"))
      return &package;
  return nullptr;
}

// Serves the stand-in headers under kShimRoot, made on first use: the rclcpp shim for any
// rclcpp/ header, and a message stub for any <package>/{msg,srv,action}/<name>.hpp. Added
// last to the include path, so real headers always win.
class ShimFileSystem : public llvm::vfs::InMemoryFileSystem {
public:
  ShimFileSystem(const RosInterfaceIndex *interfaces, std::shared_ptr<std::set<std::string>> definitionsRead,
                 std::shared_ptr<std::set<std::string>> definitionsAbsent)
      : interfaces_(interfaces), definitionsRead_(std::move(definitionsRead)),
        definitionsAbsent_(std::move(definitionsAbsent)) {
    addFile(std::string(kShimRoot) + "/.eventscope", 0, llvm::MemoryBuffer::getMemBuffer(""));
  }
  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &path) override {
    materialize(path.str());
    return InMemoryFileSystem::status(path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &path) override {
    materialize(path.str());
    return InMemoryFileSystem::openFileForRead(path);
  }

private:
  void materialize(std::string path) {
    llvm::SmallString<256> clean(path);
    llvm::sys::path::remove_dots(clean, true);
    path = std::string(clean);
    std::string prefix = std::string(kShimRoot) + "/";
    if (path.rfind(prefix, 0) != 0 || made_.count(path))
      return;
    std::vector<std::string> parts;
    const std::string relative = path.substr(prefix.size()); // path iterators keep a reference
    for (auto it = llvm::sys::path::begin(relative), end = llvm::sys::path::end(relative); it != end; ++it)
      parts.push_back(it->str());
    for (const auto &[alias, real] : kShimAliases)
      if (relative == alias) {
        made_.insert(path);
        addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy("#pragma once\n#include <" + std::string(real) + ">\n"));
        return;
      }
    const ShimPackage *package = shimPackageOf(relative);
    const bool shimPackage = package != nullptr;
    llvm::StringRef ref(path);
    // A ROS 1 header of a package named as message packages are, or of any package whose
    // definition is known (a project's own `robot_status/Status.h`, `raspberrypi_vitals_msg/sysinfo.h`:
    // ROS 1 allows a lower-case message name).
    // Or one of the messages of a ROS 1 action whose .action file is known (`actionlib_tutorials/FibonacciAction.h`).
    const std::string headerStem = parts.size() == 2 && ref.ends_with(".h") ? parts[1].substr(0, parts[1].size() - 2) : "";
    const std::optional<Ros1ActionPart> actionPart = headerStem.empty() ? std::nullopt : ros1ActionPart(headerStem);
    const bool ros1Message = isRos1MessageHeader(parts) ||
                             (interfaces_ && !headerStem.empty() &&
                              (!interfaces_->findByType(parts[0], "msg", headerStem).empty() ||
                               !interfaces_->findByType(parts[0], "srv", headerStem).empty() ||
                               (actionPart && !interfaces_->findByType(parts[0], "action", actionPart->action).empty())));
    const bool header = ref.ends_with(".hpp") || (shimPackage && ref.ends_with(".h")) || ros1Message;
    if (!header) {
      // Clang looks the directory up before the file: any directory here may hold stubs.
      made_.insert(path);
      addFile(path + "/.eventscope", 0, llvm::MemoryBuffer::getMemBuffer(""));
      return;
    }
    std::string text;
    if (shimPackage) {
      // One definition per package, whatever the path.
      const std::string home = std::string(package->home ? package->home : package->dir) + "/" + package->shim;
      if (relative == home)
        text = shimText(package->shim);
      else
        text = "#pragma once\n#include <" + home + ">\n";
    } else if (ros1Message) {
      const std::string type = parts[1].substr(0, parts[1].size() - 2);
      std::vector<std::string> absent;
      std::string file = interfaces_ ? interfaces_->findByType(parts[0], "msg", type, &absent) : "";
      const bool service =
          file.empty() && interfaces_ && !(file = interfaces_->findByType(parts[0], "srv", type, &absent)).empty();
      // No message or service of that name: an action's part, when it has an action's name
      // (with its .action file's fields when there is one).
      std::string actionFile;
      if (file.empty() && actionPart && interfaces_)
        actionFile = interfaces_->findByType(parts[0], "action", actionPart->action, &absent);
      definitionsAbsent_->insert(absent.begin(), absent.end());
      if (file.empty() && actionPart &&
          (!actionFile.empty() || llvm::StringRef(actionPart->part).starts_with("Action"))) {
        std::optional<RosInterface> definition = read(actionFile);
        text = ros1ActionStub(parts[0], *actionPart, definition ? &*definition : nullptr);
      } else {
        std::optional<RosInterface> definition = read(file);
        text = ros1MessageStub(parts[0], parts[1], definition ? &*definition : nullptr, service);
      }
    } else if (parts.size() == 3 && (parts[1] == "msg" || parts[1] == "srv" || parts[1] == "action")) {
      std::string type;
      const std::string stem = parts[2].substr(0, parts[2].size() - 4);
      std::vector<std::string> absent;
      std::optional<RosInterface> definition =
          read(interfaces_ ? interfaces_->findByStem(parts[0], parts[1], stem, &type, &absent) : "");
      definitionsAbsent_->insert(absent.begin(), absent.end());
      if (!definition)
        definition = builtinInterface(parts[0], parts[1], stem, type);
      text = messageStub(parts[0], parts[1], parts[2], definition ? &*definition : nullptr, definition ? type : "");
    }
    if (relative == "sensor_msgs/image_encodings.hpp" || relative == "sensor_msgs/image_encodings.h")
      text = kImageEncodings; // no message: sensor_msgs' own header of encoding names
    if (text.empty())
      return;
    made_.insert(path);
    addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(text, path));
  }
  // A definition file, noted as read so that the cache sees its changes; nothing when it
  // cannot be read or parsed (the stand-in then has no fields, as without a definition).
  std::optional<RosInterface> read(const std::string &file) {
    if (file.empty())
      return std::nullopt;
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer)
      return std::nullopt;
    definitionsRead_->insert(file);
    std::string error;
    std::optional<RosInterface> definition = parseRosInterface((*buffer)->getBuffer().str(), error);
    if (definition)
      definition->path = file;
    return definition;
  }
  std::set<std::string> made_;
  const RosInterfaceIndex *interfaces_;
  std::shared_ptr<std::set<std::string>> definitionsRead_;
  std::shared_ptr<std::set<std::string>> definitionsAbsent_;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeShimFileSystem(const RosInterfaceIndex *interfaces, std::shared_ptr<std::set<std::string>> definitionsRead,
                   std::shared_ptr<std::set<std::string>> definitionsAbsent) {
  if (!definitionsRead)
    definitionsRead = std::make_shared<std::set<std::string>>();
  if (!definitionsAbsent)
    definitionsAbsent = std::make_shared<std::set<std::string>>();
  return llvm::makeIntrusiveRefCnt<ShimFileSystem>(interfaces, std::move(definitionsRead),
                                                   std::move(definitionsAbsent));
}

} // namespace eventscope
