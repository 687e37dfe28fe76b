#pragma once

// ROS interface definitions (.msg, .srv, .action files), read so that the stand-in message
// headers have the real fields: without them Clang drops every statement that reads one
// (`for (float r : scan->ranges) ... publish(...)`), and the publish in it with the statement.
//
// The format is ROS's "interface definition" (docs.ros.org, Concepts > Interfaces; ROS 1's
// msg format is the same with `Header`, `time` and `duration` as built-in names): one
// `type name [default]` or `type NAME=value` (a constant) per line, `#` comments, and `---`
// between a service's request and response (an action's goal, result and feedback).

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// One line of a definition. `type` as written (`float32`, `geometry_msgs/Pose`, `Header`,
// `string<=10`); arrays as `[]` (unbounded), `[N]` (fixed, arraySize N) or `[<=N]` (bounded).
struct RosField {
  enum class Array { None, Unbounded, Fixed, Bounded };
  std::string type;
  std::string name;
  Array array = Array::None;
  unsigned long arraySize = 0;
  bool constant = false;
  std::string value; // a constant's value, as written
};

// A parsed file: one section for a message, two for a service, three for an action.
struct RosInterface {
  std::string path; // absolute path of the .msg/.srv/.action file read
  std::vector<std::vector<RosField>> sections;
};

// Parses a definition. On a line it cannot read returns nullopt and sets `error` to
// "line N: ..." (the caller names the file).
std::optional<RosInterface> parseRosInterface(const std::string &text, std::string &error);

// rosidl's file naming of a type: `LaserScan` -> `laser_scan`, `PointCloud2` ->
// `point_cloud2`, `TFMessage` -> `tf_message` (rosidl_cmake's
// convert_camel_case_to_lower_case_underscore, the same two regular expressions).
std::string rosHeaderStem(const std::string &typeName);

// The C++ a generated message header has for one section: its fields and constants as
// members (`std::vector<float> ranges;`, `static constexpr uint8_t OK = 0;`) and the headers
// their types need (`<geometry_msgs/msg/pose.hpp>`). ROS 2 names nested types
// `pkg::msg::Type` and maps time to builtin_interfaces; ROS 1 names them `pkg::Type` and maps
// time to ros::Time (rosidl_generator_cpp's and genmsg's type mappings).
enum class RosVersion { One, Two };
struct RosCppMembers {
  std::string members;
  std::vector<std::string> includes; // sorted, unique
};
RosCppMembers rosCppMembers(const std::vector<RosField> &fields, const std::string &package, RosVersion version);

// Where the definitions of a run come from: the analysed tree's own packages (a folder with
// a package.xml, named by its <name>), then installed ones (`/opt/ros/*/share/<package>`,
// Debian's ros-*-msgs under `/usr/share/<package>`). Built once per run; read-only after.
class RosInterfaceIndex {
public:
  // `root`: the analysed tree, walked for package.xml files (hidden folders and `build`,
  // `install`, `log` skipped) on the first lookup, so that a run without ROS messages never
  // walks it. `systemRoots`: the folders holding installed packages; the default is the two
  // above. Lookups may come from several threads at once.
  explicit RosInterfaceIndex(std::string root, std::vector<std::string> systemRoots = defaultRoots())
      : root_(std::move(root)), systemRoots_(std::move(systemRoots)) {}
  static std::vector<std::string> defaultRoots();

  // The definition file of `package`'s `kind` ("msg", "srv", "action") whose type name is
  // `typeName` (ROS 1 headers: `LaserScan.h`) or whose rosidl stem is `stem` (ROS 2
  // headers: `laser_scan.hpp`); empty when there is none. Exactly one of the two is given.
  // `absent`, when given, gets what was looked in and is not there (the definition's path
  // in each package folder before the one found; for a stem, the `<package>/<kind>` folders
  // that do not exist), so that a cache can tell when a package is installed later.
  std::string findByType(const std::string &package, const std::string &kind, const std::string &typeName,
                         std::vector<std::string> *absent = nullptr) const;
  std::string findByStem(const std::string &package, const std::string &kind, const std::string &stem,
                         std::string *typeName, std::vector<std::string> *absent = nullptr) const;

private:
  std::vector<std::string> packageDirs(const std::string &package) const;
  void walk() const; // fills projectPackages_, once
  std::string root_;
  std::vector<std::string> systemRoots_;
  mutable std::once_flag walked_;
  mutable std::map<std::string, std::vector<std::string>> projectPackages_; // name -> folders
};

} // namespace eventscope
