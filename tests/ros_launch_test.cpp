// Launch files (issue 20, item 2): nodes tied to their code through package.xml and
// CMakeLists.txt, their topics resolved and remapped as the launched node does, in ROS 1
// roslaunch XML (on Debian's real roscpp headers), ROS 2 launch XML, YAML and Python (through
// the rclcpp stand-in); and every bad launch input named at its file and line.

#include "test_support.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace eventscope::testing {
namespace {

// The runs of one test share the facts cache under the temporary root: the first parses the
// files, a later run on the same sources (another launch file, `scan` after `check`) reads
// their facts, so each test parses roscpp's headers once; a changed file is parsed again.
CommandResult check(const TempDir &dir) { return runEventscope({"check", dir.path(), "--no-color"}); }

// "role channel (name_in_code) @launched_at" for each endpoint of `scan`.
std::multiset<std::string> endpoints(const TempDir &dir) {
  CommandResult r = runEventscope({"scan", dir.path()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  std::multiset<std::string> out;
  if (r.exitCode != 0)
    return out;
  const nlohmann::json scan = nlohmann::json::parse(r.out);
  for (const nlohmann::json &e : scan.at("endpoints"))
    out.insert(e.at("role").get<std::string>() + " " + e.at("channel").get<std::string>() +
               (e.contains("name_in_code") ? " (" + e.at("name_in_code").get<std::string>() + ")" : "") +
               (e.contains("launched_at") ? " @" + e.at("launched_at").get<std::string>() : ""));
  return out;
}

std::vector<std::string> triggers(const TempDir &dir) {
  CommandResult r = runEventscope({"scan", dir.path()});
  std::vector<std::string> out;
  if (r.exitCode != 0)
    return out;
  const nlohmann::json scan = nlohmann::json::parse(r.out);
  for (const nlohmann::json &t : scan.at("triggers"))
    out.push_back(t.at("from").get<std::string>() + " -> " + t.at("to").get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

// "role kind channel message_type @file:line" for each endpoint of a `scan`'s JSON.
std::set<std::string> typedEnds(const CommandResult &scan) {
  std::set<std::string> out;
  if (scan.exitCode != 0)
    return out;
  const nlohmann::json json = nlohmann::json::parse(scan.out);
  for (const nlohmann::json &e : json.at("endpoints"))
    out.insert(e.at("role").get<std::string>() + " " + e.value("kind", "topic") + " " + e.at("channel").get<std::string>() +
               " " + e.value("message_type", "?") + " @" + e.at("file").get<std::string>() + ":" +
               std::to_string(e.at("line").get<int>()));
  return out;
}

// A ROS 2 package `demo` (stand-in rclcpp): `talker` publishes `chatter`; `listener`
// subscribes `heard`; `relay` turns `in` into `out`.
void writeRos2Package(const TempDir &dir, bool relay = false) {
  dir.write("src/demo/package.xml", R"L(<?xml version="1.0"?>
<package format="3">
  <name>demo</name>
  <version>0.1.0</version>
</package>
)L");
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
find_package(rclcpp REQUIRED)
add_executable(talker src/talker.cpp)
add_executable(${PROJECT_NAME}_listener src/listener.cpp)
set_target_properties(${PROJECT_NAME}_listener PROPERTIES OUTPUT_NAME listener)
set(RELAY_SOURCES src/relay.cpp)
add_library(relay_lib SHARED ${RELAY_SOURCES})
add_executable(relay src/relay_main.cpp)
target_link_libraries(relay relay_lib)
install(TARGETS talker ${PROJECT_NAME}_listener relay DESTINATION lib/${PROJECT_NAME})
)L");
  dir.write("src/demo/src/talker.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Talker : public rclcpp::Node {
public:
  Talker() : Node("talker") { pub_ = create_publisher<std_msgs::msg::String>("chatter", 10); }
  void tick() { pub_->publish(std_msgs::msg::String()); }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::spin(std::make_shared<Talker>()); }
)cpp");
  dir.write("src/demo/src/listener.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Listener : public rclcpp::Node {
public:
  Listener() : Node("listener") {
    sub_ = create_subscription<std_msgs::msg::String>("heard", 10, [](std_msgs::msg::String::SharedPtr) {});
  }
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub_;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::spin(std::make_shared<Listener>()); }
)cpp");
  if (!relay)
    return;
  dir.write("src/demo/src/relay.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Relay : public rclcpp::Node {
public:
  Relay() : Node("relay") {
    pub_ = create_publisher<std_msgs::msg::String>("out", 10);
    sub_ = create_subscription<std_msgs::msg::String>("in", 10,
        [this](std_msgs::msg::String::SharedPtr m) { pub_->publish(*m); });
  }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub_;
};
void run() { rclcpp::spin(std::make_shared<Relay>()); }
)cpp");
  dir.write("src/demo/src/relay_main.cpp", "void run();\nint main() { run(); }\n");
}

TEST(RosLaunch, PythonLaunchFileGivesNamespacesAndRemapsToTheNodesItStarts) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/demo.launch.py", R"py(import os
from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node

def generate_launch_description():
    # the talker goes under the robot's namespace
    talker = Node(package='demo', executable='talker',
                  namespace=LaunchConfiguration('robot'))
    return LaunchDescription([
        DeclareLaunchArgument('robot', default_value="robot1"),
        talker,
        Node(package="demo", executable="listener", name="ear", namespace='robot1',
             remappings=[("heard", "chatter")]),
    ])
)py");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /robot1/chatter (heard) @src/demo/launch/demo.launch.py:14:9",
                                "produce /robot1/chatter (chatter) @src/demo/launch/demo.launch.py:9:14",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("warning:"), std::string::npos) << r.err;
}

// IntelligentSystemsLabUTV/ros2-examples (new-user trial s48): rcl's `rostopic://` and
// `rosservice://` prefixes restrict a remapping rule to topics or services. Before: the rule
// matched nothing, the topic kept its name and unused-remap was said of a rule that applies.
TEST(RosLaunch, RemapRulesWithATopicOrServicePrefix) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/demo.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([
        Node(package='demo', executable='talker', namespace='robot1',
             remappings=[('rostopic://chatter', 'said'), ('rosservice://chatter', 'unused')]),
        Node(package='demo', executable='listener', namespace='robot1',
             remappings=[('rosservice://heard', 'said'), ('rostopic://heard', 'said')]),
    ])
)py");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /robot1/said (heard) @src/demo/launch/demo.launch.py:8:9",
                                "produce /robot1/said (chatter) @src/demo/launch/demo.launch.py:6:9",
                            }));
  CommandResult r = check(dir);
  // The service rules rename no service of these nodes: said of them alone.
  EXPECT_EQ(findingLines(r.out, "unused-remap").size(), 2u) << r.out;
  EXPECT_NE(r.out.find("demo.launch.py:7:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("demo.launch.py:9:"), std::string::npos) << r.out;
}

// depthai-ros (new-user trial, session 41): `tf_prefix = LaunchConfiguration('tf_prefix',
// default='oak')` then `DeclareLaunchArgument('tf_prefix', default_value=tf_prefix)`: the
// configuration's own default, not "no value or default" (said 204 times there).
TEST(RosLaunch, ALaunchConfigurationsOwnDefaultIsItsValueWhenNotSet) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/demo.launch.py", R"py(from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node

def generate_launch_description():
    tf_prefix = LaunchConfiguration('tf_prefix', default='oak')
    return LaunchDescription([
        DeclareLaunchArgument('tf_prefix', default_value=tf_prefix),
        Node(package='demo', executable='talker', namespace=tf_prefix),
        Node(package='demo', executable='listener', namespace=LaunchConfiguration('side', default='left')),
    ])
)py");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /left/heard (heard) @src/demo/launch/demo.launch.py:11:9",
                                "produce /oak/chatter (chatter) @src/demo/launch/demo.launch.py:10:9",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.err.find("has no value or default"), std::string::npos) << r.err;
}

// A Python include whose source names its file by keyword (`PythonLaunchDescriptionSource(
// launch_file_path=PathJoinSubstitution([...]))`, the xsens MTi driver's display.launch.py,
// new-user trial s44): read as the positional form is. Before: "the include is not read".
TEST(RosLaunch, AnIncludeWhoseSourceNamesItsFileByKeyword) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/display.launch.py\"]\n");
  dir.write("src/demo/launch/talker.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([Node(package='demo', executable='talker', namespace='robot2')])
)py");
  dir.write("src/demo/launch/display.launch.py", R"py(from launch import LaunchDescription
from launch.actions import IncludeLaunchDescription
from launch.launch_description_sources import PythonLaunchDescriptionSource
from launch.substitutions import PathJoinSubstitution
from launch_ros.substitutions import FindPackageShare

def generate_launch_description():
    talker = IncludeLaunchDescription(
        PythonLaunchDescriptionSource(
            launch_file_path=PathJoinSubstitution([FindPackageShare('demo'), 'launch', 'talker.launch.py'])))
    return LaunchDescription([talker])
)py");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /robot2/chatter (chatter) @src/demo/launch/talker.launch.py:5:31",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.err.find("not read"), std::string::npos) << r.err;
  // ament_index_python's get_package_share_path, joined as os.path.join does and with
  // pathlib's `/` (luxonis/rae-ros's bringup, new-user trial s52).
  for (const char *path : {"os.path.join(get_package_share_path('demo'), 'launch', 'talker.launch.py')",
                           "get_package_share_path('demo') / 'launch' / 'talker.launch.py'"}) {
    dir.write("src/demo/launch/display.launch.py", std::string(R"py(import os
from ament_index_python.packages import get_package_share_path
from launch import LaunchDescription
from launch.actions import IncludeLaunchDescription
from launch.launch_description_sources import PythonLaunchDescriptionSource

def generate_launch_description():
    return LaunchDescription([IncludeLaunchDescription(PythonLaunchDescriptionSource()py") +
                                                       path + ")\n    )])\n");
    EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                  "consume /heard (heard)",
                                  "produce /robot2/chatter (chatter) @src/demo/launch/talker.launch.py:5:31",
                              }))
        << path;
  }
}

// mrpt_navigation's form (new-user trial s34): a LaunchDescription made only to be wrapped in a
// namespaced GroupAction is launched there alone, not a second time at the root (which made a
// phantom node in `/` and false findings about its topics).
TEST(RosLaunch, ALaunchDescriptionInsideAGroupIsLaunchedOnlyThere) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/demo.launch.py", R"py(from launch import LaunchDescription
from launch.actions import GroupAction
from launch_ros.actions import Node, PushRosNamespace

def generate_launch_description():
    talker = Node(package='demo', executable='talker')
    ld = LaunchDescription([talker])
    return LaunchDescription([GroupAction(actions=[PushRosNamespace(namespace='robot1'), ld])])
)py");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)", // the listener, launched by no file
                                "produce /robot1/chatter (chatter) @src/demo/launch/demo.launch.py:6:14",
                            }));
}

// The parameters a launch file gives its nodes (mrpt_navigation, new-user trial s34):
// `parameters=[{'topic_out': LaunchConfiguration('out')}]` is the value of the setting the code
// reads with a default, as a `parameters:` entry would be; a parameter file is left to
// `parameter_files:`; `parameters:` in eventscope.yaml still wins.
TEST(RosLaunch, ParametersALaunchFileGivesItsNodesNameTheirTopics) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/src/talker.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Talker : public rclcpp::Node {
public:
  Talker() : Node("talker") {
    std::string topic = declare_parameter<std::string>("topic_out", "chatter");
    pub_ = create_publisher<std_msgs::msg::String>(topic, 10);
  }
  void tick() { pub_->publish(std_msgs::msg::String()); }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::spin(std::make_shared<Talker>()); }
)cpp");
  dir.write("src/demo/launch/demo.launch.py", R"py(from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([
        DeclareLaunchArgument('out', default_value='/goal_pose'),
        Node(package='demo', executable='talker',
             parameters=['params.yaml', {'topic_out': LaunchConfiguration('out'), 'rate': 10}]),
    ])
)py");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /goal_pose @src/demo/launch/demo.launch.py:9:9",
                            }));
  dir.write("eventscope.yaml",
            "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\nparameters: {topic_out: /cmd}\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /cmd @src/demo/launch/demo.launch.py:9:9",
                            }));
}

// A talker whose two topics are named by parameters with defaults.
const char *const kParameterTalker = R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Talker : public rclcpp::Node {
public:
  Talker() : Node("talker") {
    std::string topic = declare_parameter<std::string>("topic_out", "chatter");
    pub_ = create_publisher<std_msgs::msg::String>("out/" + topic, 10);
    // The text before the default holds the default's text: the launched value replaces
    // the default, not the first `raw`.
    std::string raw = declare_parameter<std::string>("raw_out", "raw");
    raw_ = create_publisher<std_msgs::msg::String>("raw/" + raw, 10);
  }
  void tick() { pub_->publish(std_msgs::msg::String()); raw_->publish(std_msgs::msg::String()); }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_, raw_;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::spin(std::make_shared<Talker>()); }
)cpp";

// A parameter one launch file gives its node is that node's: another node of the same
// executable, in another file or the same one, keeps its own value or the code's default
// (new-user trial s48, ptrmu/fiducial_vlam: `base_odometry_pub_topic` given only by
// teleop_launch.py named every launched vloc_node's topic). Before: `/a/renamed` for the node
// no file gives a value, and the code's default for all three once two values differed.
TEST(RosLaunch, ALaunchedNodesParametersAreItsOwn) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/src/talker.cpp", kParameterTalker);
  dir.write("src/demo/launch/a.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node
def generate_launch_description():
    return LaunchDescription([Node(package='demo', executable='talker', namespace='a')])
)py");
  dir.write("src/demo/launch/b.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node
def generate_launch_description():
    return LaunchDescription([
        Node(package='demo', executable='talker', namespace='b', parameters=[{'topic_out': 'renamed', 'raw_out': 'cooked'}]),
        Node(package='demo', executable='talker', namespace='c', parameters=[{'topic_out': 'other'}]),
    ])
)py");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /a/out/chatter (out/chatter) @src/demo/launch/a.launch.py:4:31",
                                "produce /b/out/renamed (out/renamed) @src/demo/launch/b.launch.py:5:9",
                                "produce /c/out/other (out/other) @src/demo/launch/b.launch.py:6:9",
                                "produce /a/raw/raw (raw/raw) @src/demo/launch/a.launch.py:4:31",
                                "produce /b/raw/cooked (raw/cooked) @src/demo/launch/b.launch.py:5:9",
                                "produce /c/raw/raw (raw/raw) @src/demo/launch/b.launch.py:6:9",
                            }));
  // `parameters:` is every node's value.
  dir.write("eventscope.yaml",
            "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\nparameters: {topic_out: cmd}\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /a/out/cmd (out/cmd) @src/demo/launch/a.launch.py:4:31",
                                "produce /b/out/cmd (out/cmd) @src/demo/launch/b.launch.py:5:9",
                                "produce /c/out/cmd (out/cmd) @src/demo/launch/b.launch.py:6:9",
                                "produce /a/raw/raw (raw/raw) @src/demo/launch/a.launch.py:4:31",
                                "produce /b/raw/cooked (raw/cooked) @src/demo/launch/b.launch.py:5:9",
                                "produce /c/raw/raw (raw/raw) @src/demo/launch/b.launch.py:6:9",
                            }));
}

// A parameter file's section for one node is that node's, as ROS applies it: by the node's
// name in any namespace (`front:`) or its fully qualified name (`/r/rear:`), under the launch
// file's own values; a wildcard section (`/**:`) is every node's. A section no launched node
// has is a warning at its line. A ComposableNode's `parameters` are its own too (new-user
// trial s50, robomaster-oss/rmoss_core: `usb_cam:` and `virtual_video_cam:` sections named
// every camera's topics and beat the launch file's `camera_name`; the composable node's
// `camera_name` was not read).
TEST(RosLaunch, AParameterFilesSectionIsItsNodesOwn) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
add_library(components SHARED src/talker.cpp)
rclcpp_components_register_nodes(components "Talker")
add_executable(talker src/talker.cpp)
)L");
  dir.write("src/demo/src/talker.cpp", kParameterTalker);
  dir.write("src/demo/launch/a.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import ComposableNodeContainer, Node
from launch_ros.descriptions import ComposableNode
def generate_launch_description():
    return LaunchDescription([
        Node(package='demo', executable='talker', name='front'),
        Node(package='demo', executable='talker', name='rear', namespace='r', parameters=[{'topic_out': 'given'}]),
        Node(package='demo', executable='talker', name='side'),
        ComposableNodeContainer(name='c', namespace='', package='rclcpp_components', executable='component_container',
            composable_node_descriptions=[
                ComposableNode(package='demo', plugin='Talker', name='comp', parameters=[{'topic_out': 'composed'}])]),
    ])
)py");
  dir.write("config/params.yaml", R"y(front:
  ros__parameters:
    topic_out: front_out
/r/rear:
  ros__parameters:
    topic_out: rear_out
    raw_out: rear_raw
ghost:
  ros__parameters:
    topic_out: nobody
)y");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n"
                               "parameter_files: [\"config/params.yaml\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /out/front_out (out/front_out) @src/demo/launch/a.launch.py:6:9",
                                "produce /raw/raw (raw/raw) @src/demo/launch/a.launch.py:6:9",
                                "produce /r/out/given (out/given) @src/demo/launch/a.launch.py:7:9",
                                "produce /r/raw/rear_raw (raw/rear_raw) @src/demo/launch/a.launch.py:7:9",
                                "produce /out/chatter (out/chatter) @src/demo/launch/a.launch.py:8:9",
                                "produce /raw/raw (raw/raw) @src/demo/launch/a.launch.py:8:9",
                                "produce /out/composed (out/composed) @src/demo/launch/a.launch.py:11:17",
                                "produce /raw/raw (raw/raw) @src/demo/launch/a.launch.py:11:17",
                            }));
  CommandResult r = check(dir);
  EXPECT_NE(r.err.find("config/params.yaml:9:3: `parameter_files`: node 'ghost' is launched by none of the `launch` "
                       "files (by that name); its parameters are not used"),
            std::string::npos)
      << r.err;
  // A wildcard section is every node's, as `parameters:` is.
  dir.write("config/params.yaml", "/**:\n  ros__parameters:\n    raw_out: everyone\n");
  std::multiset<std::string> all = endpoints(dir);
  EXPECT_EQ(all.count("produce /raw/everyone (raw/everyone) @src/demo/launch/a.launch.py:6:9"), 1u);
  EXPECT_EQ(all.count("produce /r/raw/everyone (raw/everyone) @src/demo/launch/a.launch.py:7:9"), 1u);
}

// tf2_ros's broadcasters send on the library's own `/tf` and `/tf_static` (book_ros2's
// detectors, held-back ROS 2 set, session 49: not matched, the apis format had no fixed
// channel); a launch file's `("/tf", "tf")` remap puts them under the node's namespace, as
// multi-robot launch files do, and counts as used.
TEST(RosLaunch, TransformBroadcastersSendOnTfAndItsRemaps) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/src/talker.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <tf2_ros/transform_broadcaster.h>
#include <tf2_ros/static_transform_broadcaster.h>
class Talker : public rclcpp::Node {
public:
  Talker() : Node("talker") {
    tf_ = std::make_unique<tf2_ros::TransformBroadcaster>(*this);
    static_tf_ = std::make_shared<tf2_ros::StaticTransformBroadcaster>(this);
    geometry_msgs::msg::TransformStamped t;
    static_tf_->sendTransform(t);
  }
  void tick(const geometry_msgs::msg::TransformStamped &t) { tf_->sendTransform(t); }
  std::unique_ptr<tf2_ros::TransformBroadcaster> tf_;
  std::shared_ptr<tf2_ros::StaticTransformBroadcaster> static_tf_;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::spin(std::make_shared<Talker>()); }
)cpp");
  dir.write("src/demo/launch/robot.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node
def generate_launch_description():
    return LaunchDescription([
        Node(package='demo', executable='talker', namespace='robot1', remappings=[('/tf', 'tf')]),
    ])
)py");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /robot1/tf (/tf) @src/demo/launch/robot.launch.py:5:9",
                                "produce /tf_static @src/demo/launch/robot.launch.py:5:9",
                            }));
  CommandResult r = runEventscope({"check", dir.path(), "--no-color"});
  EXPECT_TRUE(findingLines(r.out, "unused-remap").empty()) << r.out;
}

// `get_fully_qualified_name() + "/get_layers"` is the node's private name where it runs, as
// `~/get_layers` is: under the launch file's name and namespace (mrpt_navigation's map server,
// new-user trial s34), not the constructor's. A member of rclcpp's ParameterEventHandler does
// not lose the class's parameter reads (the stand-in has the class).
TEST(RosLaunch, AFullyQualifiedNamePlusASuffixFollowsTheLaunchedName) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/src/talker.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
#include <rclcpp/parameter_event_handler.hpp>
class Talker : public rclcpp::Node {
public:
  Talker() : Node("mrpt_map_server") {
    layers_ = create_publisher<std_msgs::msg::String>(get_fully_qualified_name() + std::string("/layers"), 10);
    std::string topic = declare_parameter<std::string>("topic_out", "chatter");
    pub_ = create_publisher<std_msgs::msg::String>(topic, 10);
  }
  void tick() { layers_->publish(std_msgs::msg::String()); pub_->publish(std_msgs::msg::String()); }
  std::shared_ptr<rclcpp::ParameterEventHandler> events_;
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr layers_, pub_;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::spin(std::make_shared<Talker>()); }
)cpp");
  dir.write("src/demo/launch/demo.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([Node(package='demo', executable='talker', name='map_server_node',
                                   namespace='robot1')])
)py");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n"
                               "parameters: {topic_out: /goal_pose}\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /heard (heard)",
                                "produce /goal_pose @src/demo/launch/demo.launch.py:5:31",
                                "produce /robot1/map_server_node/layers ({this_node::getName}/layers) "
                                "@src/demo/launch/demo.launch.py:5:31",
                            }));
}

// ros2_control_demos' form (held-back s32 cases 09 and 10): arguments appended to one list,
// nodes in another, `LaunchDescription(declared_arguments + nodes)`; a parenthesised value;
// and a helper module beside the launch files that the `launch:` glob takes in too, which is
// said and left out rather than failing the run.
TEST(RosLaunch, ActionListsJoinedAndAppendedAndAHelperModuleBesideThem) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.py\"]\n");
  dir.write("src/demo/launch/demo.launch.py", R"py(from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node

def generate_launch_description():
    declared_arguments = []
    declared_arguments.append(
        DeclareLaunchArgument('robot', default_value="robot1"))
    talker = (Node(package='demo', executable='talker',
                   namespace=LaunchConfiguration('robot')))
    nodes = [talker]
    nodes.extend([Node(package="demo", executable="listener", name="ear", namespace='robot1',
                       remappings=[("heard", "chatter")])])
    return LaunchDescription(declared_arguments + nodes)
)py");
  dir.write("src/demo/launch/helpers.py", "def robot_name():\n    return 'robot1'\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /robot1/chatter (heard) @src/demo/launch/demo.launch.py:13:19",
                                "produce /robot1/chatter (chatter) @src/demo/launch/demo.launch.py:10:15",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("warning: src/demo/launch/helpers.py:1:1: not a launch file (no LaunchDescription is made in "
                       "it): left out"),
            std::string::npos)
      << r.err;
}

TEST(RosLaunch, Ros2XmlGroupNamespaceAndARemapTypoAreReportedAtTheLaunchFile) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/demo.launch.xml\"]\n");
  dir.write("src/demo/launch/demo.launch.xml", R"L(<launch>
  <arg name="ns" default="robot2"/>
  <group>
    <push-ros-namespace namespace="$(var ns)"/>
    <node pkg="demo" exec="talker"/>
    <node pkg="demo" exec="listener">
      <remap from="herd" to="chatter"/>
    </node>
  </group>
  <include file="$(find-pkg-share demo)/launch/more.launch.yaml"/>
</launch>
)L");
  dir.write("src/demo/launch/more.launch.yaml", R"L(launch:
- node:
    pkg: demo
    exec: listener
    namespace: robot3
    remap:
    - from: heard
      to: /robot2/chatter
- node:
    pkg: rviz2
    exec: rviz2
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /robot2/chatter (heard) @src/demo/launch/more.launch.yaml:2:3",
                                "consume /robot2/heard (heard) @src/demo/launch/demo.launch.xml:6:5",
                                "produce /robot2/chatter (chatter) @src/demo/launch/demo.launch.xml:5:5",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("src/demo/src/listener.cpp:6:12: error: '/robot2/heard' is consumed by src but no service "
                       "produces it [unproduced-event]\n"
                       "src/demo/launch/demo.launch.xml:6:5: note: the node is launched here: 'heard' in the code is "
                       "'/robot2/heard' in this node\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("src/demo/launch/demo.launch.xml:7:7: warning: remapping 'herd' -> 'chatter' matches none of the "
                       "names the code of node demo/listener gives [unused-remap]\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("1 launched node(s) are not tied to analysed code"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("rviz2/rviz2 (src/demo/launch/more.launch.yaml:9:3)"), std::string::npos) << r.err;
}

TEST(RosLaunch, ANodeLaunchedTwiceHasTwoSetsOfTopicsAndTriggersStayInTheirProcess) {
  TempDir dir;
  writeRos2Package(dir, true);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/relays.launch.py\"]\n");
  dir.write("src/demo/launch/relays.launch.py", R"py(from launch import LaunchDescription
from launch.actions import GroupAction
from launch_ros.actions import Node, PushRosNamespace, SetRemap

def generate_launch_description():
    ld = LaunchDescription()
    ld.add_action(GroupAction([PushRosNamespace('a'), Node(package='demo', executable='relay')]))
    ld.add_action(GroupAction(actions=[
        PushRosNamespace('b'),
        SetRemap(src='in', dst='/a/out'),
        Node(package='demo', executable='relay'),
    ]))
    return ld
)py");
  EXPECT_EQ(triggers(dir), (std::vector<std::string>{"/a/in -> /a/out", "/a/out -> /b/out"}));
  // One launch file included twice under two namespaces: two processes from one element.
  dir.write("src/demo/launch/twice.launch.xml", R"L(<launch>
  <group><push-ros-namespace namespace="left"/><include file="$(dirname)/relay.launch.xml"/></group>
  <group><push-ros-namespace namespace="right"/><include file="$(dirname)/relay.launch.xml"/></group>
</launch>
)L");
  dir.write("src/demo/launch/relay.launch.xml", "<launch>\n  <node pkg=\"demo\" exec=\"relay\"/>\n</launch>\n");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/twice.launch.xml\"]\n");
  EXPECT_EQ(triggers(dir), (std::vector<std::string>{"/left/in -> /left/out", "/right/in -> /right/out"}));
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/relays.launch.py\"]\n");
  // The talker and the listener are not launched: they keep the names their code gives.
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /a/in (in) @src/demo/launch/relays.launch.py:7:55",
                                "consume /a/out (in) @src/demo/launch/relays.launch.py:11:9",
                                "consume /heard (heard)",
                                "produce /a/out (out) @src/demo/launch/relays.launch.py:7:55",
                                "produce /b/out (out) @src/demo/launch/relays.launch.py:11:9",
                                "produce /chatter (chatter)",
                            }));
}

// eagleye (held-back ROS bug s29-c/02): one heading node's code launched three times is
// three endpoints at one place. A type mismatch there is one finding, naming each other
// place once, not the same line three times.
TEST(RosLaunch, OneLineLaunchedInSeveralNodesIsOneTypeMismatch) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/src/listener.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/int32.hpp>
class Listener : public rclcpp::Node {
public:
  Listener() : Node("listener") {
    sub_ = create_subscription<std_msgs::msg::Int32>("chatter", 10, [](std_msgs::msg::Int32::SharedPtr) {});
  }
  rclcpp::Subscription<std_msgs::msg::Int32>::SharedPtr sub_;
};
int main() { auto node = std::make_shared<Listener>(); }
)cpp");
  dir.write("src/demo/launch/three.launch.xml", R"L(<launch>
  <node pkg="demo" exec="talker" name="talker_1st"/>
  <node pkg="demo" exec="talker" name="talker_2nd"/>
  <node pkg="demo" exec="talker" name="talker_3rd"/>
  <node pkg="demo" exec="listener"/>
</launch>
)L");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/three.launch.xml\"]\n");
  CommandResult r = check(dir);
  std::vector<std::string> lines = findingLines(r.out, "message-type-mismatch");
  ASSERT_EQ(lines.size(), 2u) << r.out; // the publisher's line once, the subscription once
  EXPECT_NE(lines[0].find("src/demo/src/listener.cpp:6:"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("produced as std_msgs::msg::String (src/demo/src/talker.cpp:"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[0].find("), std_msgs::msg::String"), std::string::npos) << lines[0]; // named once
  EXPECT_NE(lines[1].find("src/demo/src/talker.cpp:"), std::string::npos) << lines[1];
}

// eagleye (held-back s29-c/02): each node's file declares its own namespace-scope
// `pub`, one name (one key) in several programs. Each publish reads the publisher its own
// file makes: heading_node's `pub` is not position_node's, and no type mismatch is invented.
TEST(RosNames, AGlobalPublisherOfOneNameInSeveralNodesIsEachFilesOwn) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("nodes/heading.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
ros::Publisher pub;
int main(int argc, char **argv) {
  ros::init(argc, argv, "heading");
  ros::NodeHandle nh;
  pub = nh.advertise<std_msgs::String>("heading", 1);
  pub.publish(std_msgs::String());
}
)cpp");
  dir.write("nodes/position.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/Int32.h>
#include <std_msgs/String.h>
ros::Publisher pub;
void onTick(const std_msgs::String::ConstPtr &) { pub.publish(std_msgs::Int32()); }
int main(int argc, char **argv) {
  ros::init(argc, argv, "position");
  ros::NodeHandle nh;
  pub = nh.advertise<std_msgs::Int32>("position", 1);
  ros::Subscriber sub = nh.subscribe("heading", 1, onTick);
  ros::spin();
}
)cpp");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"consume /heading (heading)", "produce /heading (heading)",
                                                        "produce /position (position)"}));
  CommandResult c = check(dir);
  EXPECT_TRUE(findingLines(c.out, "message-type-mismatch").empty()) << c.out;
}

TEST(RosLaunch, ComposableNodesAreTiedThroughTheirComponentRegistration) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
add_library(components SHARED src/talker.cpp src/listener.cpp)
rclcpp_components_register_nodes(components "Talker" "Listener")
)L");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/c.launch.py\"]\n");
  dir.write("src/demo/launch/c.launch.py", R"py(import launch
from launch_ros.actions import ComposableNodeContainer
from launch_ros.descriptions import ComposableNode

def generate_launch_description():
    container = ComposableNodeContainer(
        name='container', namespace='', package='rclcpp_components', executable='component_container',
        composable_node_descriptions=[
            ComposableNode(package='demo', plugin='Talker', namespace='x'),
            ComposableNode(package='demo', plugin='Listener', namespace='x',
                           remappings=[('heard', 'chatter')]),
        ])
    return launch.LaunchDescription([container])
)py");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /x/chatter (heard) @src/demo/launch/c.launch.py:10:13",
                                "produce /x/chatter (chatter) @src/demo/launch/c.launch.py:9:13",
                            }));
}

// What real packages write (found by a new user on ros2/demos, image_pipeline and
// teleop_twist_joy): executables made in the project's own CMake function, a source named
// without its extension, a component's subscription made in a lambda of its constructor
// in a library registering two components.
TEST(RosLaunch, CMakeFunctionsExtensionlessSourcesAndLambdasInComponents) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
function(custom_executable target)
  add_executable(${target} src/${target}.cpp)
endfunction()
macro(components name)
  add_library(${name} SHARED ${ARGN})
endmacro()
custom_executable(talker)
components(parts src/listener src/relay)
rclcpp_components_register_node(parts PLUGIN "Listener" EXECUTABLE listener)
rclcpp_components_register_node(parts PLUGIN "Relay" EXECUTABLE relay)
)L");
  dir.write("src/demo/src/relay.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Relay : public rclcpp::Node {
public:
  Relay() : Node("relay") {
    auto later = [this]() {
      sub_ = create_subscription<std_msgs::msg::String>("in", 10, [](std_msgs::msg::String::SharedPtr) {});
    };
    later();
  }
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub_;
};
)cpp");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/x.launch.xml\"]\n");
  dir.write("src/demo/launch/x.launch.xml", R"L(<launch>
  <node pkg="demo" exec="talker" namespace="x"/>
  <node pkg="demo" exec="listener" namespace="x"/>
  <node pkg="demo" exec="relay" namespace="y"/>
</launch>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /x/heard (heard) @src/demo/launch/x.launch.xml:3:3",
                                "consume /y/in (in) @src/demo/launch/x.launch.xml:4:3",
                                "produce /x/chatter (chatter) @src/demo/launch/x.launch.xml:2:3",
                            }));
}

// thunderbots' CMakeLists lists its sources with file(GLOB_RECURSE): the files under each
// directory (and its subdirectories) the glob names, so the launched executables are tied
// to their code; a GLOB stays in its directory.
TEST(RosLaunch, ExecutablesMadeFromFileGlobsAreTiedToTheirCode) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
file(GLOB_RECURSE TALKER_SRC LIST_DIRECTORIES false CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/src/talk/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/talk/*.h)
file(GLOB LISTENER_SRC "src/*.cpp")
add_executable(talker ${TALKER_SRC})
add_executable(listener ${LISTENER_SRC})
)L");
  // The talker's code moves under src/talk/deep, which only the recursive glob reaches.
  dir.write("src/demo/src/talk/deep/talker.cpp", readFile(dir.path() + "/src/demo/src/talker.cpp"));
  std::filesystem::remove(dir.path() + "/src/demo/src/talker.cpp");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/x.launch.xml\"]\n");
  dir.write("src/demo/launch/x.launch.xml", R"L(<launch>
  <node pkg="demo" exec="talker" namespace="x"/>
  <node pkg="demo" exec="listener" namespace="y"/>
</launch>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /y/heard (heard) @src/demo/launch/x.launch.xml:3:3",
                                "produce /x/chatter (chatter) @src/demo/launch/x.launch.xml:2:3",
                            }));
  CommandResult r = runEventscope({"check", dir.path(), "--no-color"});
  EXPECT_EQ(r.err.find("not tied"), std::string::npos) << r.err;
  // A project macro called in a `foreach` over the executables' names (roscpp_tutorials,
  // new-user trial s52): each is made; `IN LISTS` and `IN ITEMS` too.
  dir.write("src/demo/talker/talker.cpp", readFile(dir.path() + "/src/demo/src/talk/deep/talker.cpp"));
  dir.write("src/demo/listener/listener.cpp", readFile(dir.path() + "/src/demo/src/listener.cpp"));
  std::filesystem::remove(dir.path() + "/src/demo/src/listener.cpp");
  std::filesystem::remove_all(dir.path() + "/src/demo/src/talk");
  for (const char *loop : {"foreach(dir talker listener)", "set(PROGRAMS talker;listener)\nforeach(dir IN LISTS PROGRAMS)",
                           "foreach(dir IN ITEMS talker listener)"}) {
    dir.write("src/demo/CMakeLists.txt", std::string("cmake_minimum_required(VERSION 3.8)\nproject(demo)\n"
                                                     "macro(tutorial T)\n  add_executable(${T} ${T}/${T}.cpp)\nendmacro()\n") +
                                             loop + "\n  tutorial(${dir})\nendforeach()\n");
    EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                  "consume /y/heard (heard) @src/demo/launch/x.launch.xml:3:3",
                                  "produce /x/chatter (chatter) @src/demo/launch/x.launch.xml:2:3",
                              }))
        << loop;
  }
}

// rslidar_sdk and ros2_canopen (session 41): the node's code is written in a header
// (`src/source/source_packet_ros.hpp`, a template's `_impl.hpp`) that the executable's source
// files include; CMakeLists names only the .cpp files. The header's calls run in the
// programs whose files include it, under the launch file's namespace.
TEST(RosLaunch, CodeWrittenInAHeaderRunsInTheProgramsThatIncludeIt) {
  TempDir dir;
  dir.write("src/lidar/package.xml", "<package format=\"3\"><name>lidar</name><version>1.0.0</version></package>\n");
  dir.write("src/lidar/CMakeLists.txt", "project(lidar)\nadd_executable(lidar_node node/lidar_node.cpp)\n");
  dir.write("src/lidar/src/source_ros.hpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class SourceRos {
public:
  void init() {
    node_.reset(new rclcpp::Node("lidar_source"));
    pub_ = node_->create_publisher<std_msgs::msg::String>("points", 10);
  }
  void send() { pub_->publish(std_msgs::msg::String()); }
private:
  std::shared_ptr<rclcpp::Node> node_;
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
};
)cpp");
  dir.write("src/lidar/node/lidar_node.cpp", R"cpp(#include "../src/source_ros.hpp"
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  SourceRos source;
  source.init();
  source.send();
}
)cpp");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/lidar/launch/*.py\"]\n");
  dir.write("src/lidar/launch/start.py", R"L(from launch import LaunchDescription
from launch_ros.actions import Node
def generate_launch_description():
    return LaunchDescription([
        Node(namespace='rslidar_sdk', package='lidar', executable='lidar_node'),
    ])
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"produce /rslidar_sdk/points (points) @src/lidar/launch/start.py:5:9"}));
}

// ROS 1 nodelets: `args="load pkg/Type manager"` runs the class the package's plugin
// description names, in the library its `path` names; the nodelet's handles are the node's
// namespace (getNodeHandle) and its private one (getPrivateNodeHandle).
TEST(RosLaunch, Ros1NodeletsAreTiedThroughTheirPluginDescription) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nlaunch: [\"camera/launch/*.launch\"]\n");
  dir.write("camera/package.xml", "<package format=\"2\"><name>camera</name>\n"
                                  "<export><nodelet plugin=\"${prefix}/nodelet_plugins.xml\"/></export></package>\n");
  dir.write("camera/nodelet_plugins.xml", R"L(<library path="lib/libcamera_nodelets">
  <class name="camera/debayer" type="camera::Debayer" base_class_type="nodelet::Nodelet"/>
  <class name="camera/rectify" type="camera::Rectify" base_class_type="nodelet::Nodelet"/>
</library>
)L");
  dir.write("camera/CMakeLists.txt", "project(camera)\nadd_library(camera_nodelets src/nodelets.cpp)\n");
  dir.write("camera/src/nodelets.cpp", R"cpp(#include <nodelet/nodelet.h>
#include <pluginlib/class_list_macros.h>
#include <ros/ros.h>
#include <std_msgs/String.h>
namespace camera {
class Debayer : public nodelet::Nodelet {
  ros::Publisher pub_;
  void onInit() override {
    ros::NodeHandle &nh = getNodeHandle();
    pub_ = nh.advertise<std_msgs::String>("image_color", 1);
    pub_.publish(std_msgs::String());
  }
};
class Rectify : public nodelet::Nodelet {
  ros::Subscriber sub_;
  void onImage(const std_msgs::String::ConstPtr &) { NODELET_INFO("image"); }
  void onInit() override {
    sub_ = getPrivateNodeHandle().subscribe("input", 1, &Rectify::onImage, this);
  }
};
}  // namespace camera
PLUGINLIB_EXPORT_CLASS(camera::Debayer, nodelet::Nodelet)
PLUGINLIB_EXPORT_CLASS(camera::Rectify, nodelet::Nodelet)
)cpp");
  dir.write("camera/launch/camera.launch", R"L(<launch>
  <node pkg="nodelet" type="nodelet" name="manager" args="manager"/>
  <group ns="front">
    <node pkg="nodelet" type="nodelet" name="debayer" args="load camera/debayer /manager"/>
    <node pkg="nodelet" type="nodelet" name="rectify" args="load camera/rectify /manager">
      <remap from="~input" to="image_color"/>
    </node>
  </group>
</launch>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /front/image_color (input) @camera/launch/camera.launch:5:5",
                                "produce /front/image_color (image_color) @camera/launch/camera.launch:4:5",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("warning:"), std::string::npos) << r.err;
  // Several top-level <library> elements and no <class_libraries>, as pluginlib reads them
  // (koide3/hdl_localization): valid to ROS, so no "not valid XML" (exit 2) here either.
  dir.write("camera/nodelet_plugins.xml", R"L(<?xml version="1.0"?>
<library path="lib/libcamera_nodelets">
  <class name="camera/debayer" type="camera::Debayer" base_class_type="nodelet::Nodelet"/>
</library>

<library path="lib/libcamera_nodelets">
  <class name="camera/rectify" type="camera::Rectify" base_class_type="nodelet::Nodelet"/>
</library>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /front/image_color (input) @camera/launch/camera.launch:5:5",
                                "produce /front/image_color (image_color) @camera/launch/camera.launch:4:5",
                            }));
  // A description in a folder of its own, named by package.xml's export (kobuki_node's
  // `plugins/nodelet_plugins.xml`): read where the export says.
  std::filesystem::rename(dir.path() + "/camera/nodelet_plugins.xml", dir.path() + "/camera/plugins.xml.moved");
  dir.write("camera/plugins/nodelet_plugins.xml", R"L(<library path="lib/libcamera_nodelets">
  <class name="camera/debayer" type="camera::Debayer" base_class_type="nodelet::Nodelet"/>
  <class name="camera/rectify" type="camera::Rectify" base_class_type="nodelet::Nodelet"/>
</library>
)L");
  std::filesystem::remove(dir.path() + "/camera/plugins.xml.moved");
  dir.write("camera/package.xml", "<package format=\"2\"><name>camera</name>\n"
                                  "<export><nodelet plugin=\"${prefix}/plugins/nodelet_plugins.xml\"/></export></package>\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /front/image_color (input) @camera/launch/camera.launch:5:5",
                                "produce /front/image_color (image_color) @camera/launch/camera.launch:4:5",
                            }));
  // tinyxml, which pluginlib reads with, takes a bare `<` or `&` in an attribute value as text
  // (laser_filters: base_class_type="filters::FilterBase<sensor_msgs::LaserScan>"): read too.
  dir.write("camera/nodelet_plugins.xml", R"L(<library path="lib/libcamera_nodelets">
  <!-- a comment with <b>markup</b> & an ampersand -->
  <class name="camera/debayer" type="camera::Debayer" base_class_type="filters::FilterBase<std::string>">
    <description>Bayer & co</description></class>
  <class name="camera/rectify" type="camera::Rectify" base_class_type="nodelet::Nodelet & friends &amp; more"/>
</library>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /front/image_color (input) @camera/launch/camera.launch:5:5",
                                "produce /front/image_color (image_color) @camera/launch/camera.launch:4:5",
                            }));
  // A description no XML reader takes loses its plugins, not the whole run: a warning at the
  // line of the first fault; the nodes are still tied through PLUGINLIB_EXPORT_CLASS.
  dir.write("camera/nodelet_plugins.xml",
            "<library path=\"lib/libcamera_nodelets\">\n  <class name=\"x\"\n</library>\n<more/>\n<more>\n");
  r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("warning: camera/nodelet_plugins.xml:3: plugin description is not valid XML: "
                       "error parsing attribute name; the plugins it describes are not known"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("not tied"), std::string::npos) << r.err;
  // So does a package.xml that is not XML (another tool's, or a broken one).
  dir.write("web/package.xml", "<package>\n<name>web</name\n</package>\n");
  r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("warning: web/package.xml:3: package manifest is not valid XML: "), std::string::npos) << r.err;
}

// kobuki#235 and turtlebot#234 (held-back ROS bugs 01, 07): a nodelet hands its private
// NodeHandle to a helper class whose methods make the endpoints, in another file (kobuki's
// KobukiRos::init, through subscribeTopics) or the same one (yocs' VelocitySmoother::init).
// The helper's endpoints are the launched node's: its name, namespace and remaps; a helper
// handed different handles by two nodelets makes an endpoint in each, on each one's handle.
TEST(RosLaunch, ANodeletsHandleHandedToAHelperClassInAnotherFile) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [\"base/include\"]\n"
                               "compile_flags: [\"-std=c++17\"]\nlaunch: [\"base/launch/*.launch\"]\n");
  dir.write("base/package.xml", "<package format=\"2\"><name>base</name>\n"
                                "<export><nodelet plugin=\"${prefix}/plugins/nodelets.xml\"/></export></package>\n");
  dir.write("base/plugins/nodelets.xml", R"L(<library path="lib/libbase_nodelet">
  <class name="base/BaseNodelet" type="base::BaseNodelet" base_class_type="nodelet::Nodelet"/>
  <class name="base/SmootherNodelet" type="base::SmootherNodelet" base_class_type="nodelet::Nodelet"/>
</library>
)L");
  dir.write("base/CMakeLists.txt", "project(base)\nadd_library(base_ros src/base_ros.cpp)\n"
                                   "add_library(base_nodelet src/nodelets.cpp)\ntarget_link_libraries(base_nodelet base_ros)\n");
  dir.write("base/include/base/base_ros.h", R"cpp(#pragma once
#include <ros/ros.h>
#include <std_msgs/String.h>
namespace base {
class BaseRos {
public:
  bool init(ros::NodeHandle &nh);
  void log(ros::NodeHandle &nh);
private:
  void subscribeTopics(ros::NodeHandle &nh);
  void onVelocity(const std_msgs::String::ConstPtr &) {}
  ros::Subscriber velocity_;
  ros::Publisher odom_, log_;
};
}  // namespace base
)cpp");
  dir.write("base/src/base_ros.cpp", R"cpp(#include "base/base_ros.h"
namespace base {
bool BaseRos::init(ros::NodeHandle &nh) {
  subscribeTopics(nh);
  odom_ = nh.advertise<std_msgs::String>("odom", 1);
  odom_.publish(std_msgs::String());
  return true;
}
void BaseRos::subscribeTopics(ros::NodeHandle &nh) {
  velocity_ = nh.subscribe(std::string("commands/velocity"), 10, &BaseRos::onVelocity, this);
}
void BaseRos::log(ros::NodeHandle &nh) {
  log_ = nh.advertise<std_msgs::String>("log", 1);
  log_.publish(std_msgs::String());
}
}  // namespace base
)cpp");
  dir.write("base/src/nodelets.cpp", R"cpp(#include <nodelet/nodelet.h>
#include <pluginlib/class_list_macros.h>
#include <boost/shared_ptr.hpp>
#include "base/base_ros.h"
namespace base {
class Smoother {
public:
  bool init(ros::NodeHandle &nh) {
    out_ = nh.advertise<std_msgs::String>("smooth_cmd_vel", 1);
    out_.publish(std_msgs::String());
    return true;
  }
  ros::Publisher out_;
};
class BaseNodelet : public nodelet::Nodelet {
  void onInit() override {
    base_.reset(new BaseRos());
    base_->init(getPrivateNodeHandle());
    base_->log(getPrivateNodeHandle());
  }
  boost::shared_ptr<BaseRos> base_;
};
class SmootherNodelet : public nodelet::Nodelet {
  void onInit() override {
    ros::NodeHandle ph = getPrivateNodeHandle();
    smoother_.init(ph);
    ros::NodeHandle nh = getNodeHandle();
    BaseRos other;
    other.log(nh);
  }
  Smoother smoother_;
};
}  // namespace base
PLUGINLIB_EXPORT_CLASS(base::BaseNodelet, nodelet::Nodelet)
PLUGINLIB_EXPORT_CLASS(base::SmootherNodelet, nodelet::Nodelet)
)cpp");
  dir.write("base/launch/robot.launch", R"L(<launch>
  <node pkg="nodelet" type="nodelet" name="manager" args="manager"/>
  <group ns="robot1">
    <node pkg="nodelet" type="nodelet" name="mobile_base" args="load base/BaseNodelet /manager"/>
    <node pkg="nodelet" type="nodelet" name="smoother" args="load base/SmootherNodelet /manager">
      <remap from="smoother/smooth_cmd_vel" to="mobile_base/commands/velocity"/>
    </node>
  </group>
</launch>
)L");
  // BaseRos::log is handed the base's private handle and the smoother's public one.
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /robot1/mobile_base/commands/velocity (commands/velocity) @base/launch/robot.launch:4:5",
                                "produce /robot1/mobile_base/odom (odom) @base/launch/robot.launch:4:5",
                                "produce /robot1/mobile_base/log (log) @base/launch/robot.launch:4:5",
                                "produce /robot1/mobile_base/commands/velocity (smooth_cmd_vel) @base/launch/robot.launch:5:5",
                                "produce /robot1/log (log) @base/launch/robot.launch:5:5",
                            }));
}

// KumarRobotics/msckf_vio, tried by a new user (session 26): the nodelet constructs its
// helper with `new ImageProcessor(getPrivateNodeHandle())`, the constructor keeps the handle
// in a member (`nh(n)`), and another method advertises on it; the launch file remaps the
// private names (`~imu` to `/imu0`).
TEST(RosLaunch, APrivateHandleGivenToAHelpersConstructorAndKeptInAMember) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [\"vio/include\"]\n"
                               "compile_flags: [\"-std=c++17\"]\nlaunch: [\"vio/launch/*.launch\"]\n");
  dir.write("vio/package.xml", "<package format=\"2\"><name>vio</name>\n"
                               "<export><nodelet plugin=\"${prefix}/nodelets.xml\"/></export></package>\n");
  dir.write("vio/nodelets.xml", R"L(<library path="lib/libvio">
  <class name="vio/ImageProcessorNodelet" type="vio::ImageProcessorNodelet" base_class_type="nodelet::Nodelet"/>
</library>
)L");
  dir.write("vio/CMakeLists.txt", "project(vio)\nadd_library(vio src/image_processor.cpp src/image_processor_nodelet.cpp)\n");
  dir.write("vio/include/vio/image_processor.h", R"cpp(#pragma once
#include <message_filters/subscriber.h>
#include <ros/ros.h>
#include <std_msgs/String.h>
namespace vio {
class ImageProcessor {
public:
  explicit ImageProcessor(ros::NodeHandle &n);
  bool initialize();
private:
  void onImu(const std_msgs::String::ConstPtr &) {}
  ros::NodeHandle nh;
  ros::Subscriber imu_sub;
  message_filters::Subscriber<std_msgs::String> cam0_img_sub;
  ros::Publisher features_pub;
};
}  // namespace vio
)cpp");
  dir.write("vio/src/image_processor.cpp", R"cpp(#include "vio/image_processor.h"
namespace vio {
ImageProcessor::ImageProcessor(ros::NodeHandle &n) : nh(n) {}
bool ImageProcessor::initialize() {
  imu_sub = nh.subscribe("imu", 50, &ImageProcessor::onImu, this);
  cam0_img_sub.subscribe(nh, "cam0_image", 10); // message_filters: the handle is its first argument
  features_pub = nh.advertise<std_msgs::String>("features", 3);
  features_pub.publish(std_msgs::String());
  return true;
}
}  // namespace vio
)cpp");
  dir.write("vio/src/image_processor_nodelet.cpp", R"cpp(#include <nodelet/nodelet.h>
#include <pluginlib/class_list_macros.h>
#include <boost/shared_ptr.hpp>
#include "vio/image_processor.h"
namespace vio {
class ImageProcessorNodelet : public nodelet::Nodelet {
  void onInit() override {
    img_processor_ptr.reset(new ImageProcessor(getPrivateNodeHandle()));
    img_processor_ptr->initialize();
  }
  boost::shared_ptr<ImageProcessor> img_processor_ptr;
};
}  // namespace vio
PLUGINLIB_EXPORT_CLASS(vio::ImageProcessorNodelet, nodelet::Nodelet)
)cpp");
  dir.write("vio/launch/vio.launch", R"L(<launch>
  <group ns="firefly_sbx">
    <node pkg="nodelet" type="nodelet" name="image_processor" args="standalone vio/ImageProcessorNodelet">
      <remap from="~imu" to="/imu0"/>
      <remap from="~cam0_image" to="/cam0/image_raw"/>
      <remap from="~gps" to="/gps0"/>
    </node>
  </group>
</launch>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /imu0 (imu) @vio/launch/vio.launch:3:5",
                                "consume /cam0/image_raw (cam0_image) @vio/launch/vio.launch:3:5",
                                "produce /firefly_sbx/image_processor/features (features) @vio/launch/vio.launch:3:5",
                            }));
  // A rule that renames nothing names the nodelet by its lookup name, which holds its package.
  CommandResult r = check(dir);
  EXPECT_NE(r.out.find("vio/launch/vio.launch:6:7: warning: remapping '~gps' -> '/gps0' matches none of the names "
                       "the code of node vio/ImageProcessorNodelet ('image_processor') gives [unused-remap]"),
            std::string::npos)
      << r.out;
}

// fiducial_vlam's pair launch files (new-user trial s48): `LaunchDescription(psl.
// generate_primary_action_list(...))` of an imported helper module made its nodes nowhere,
// without a word. Before: no warning.
TEST(RosLaunch, ActionsAFunctionMakesAreSaidNotRead) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/pair.launch.py", R"py(import pair_shared_launch as psl
from launch import LaunchDescription
from launch.actions import LogInfo

def generate_launch_description():
    return LaunchDescription([LogInfo(msg='pair')] + psl.generate_primary_action_list(
        'forward_camera', 'drone1'))
)py");
  CommandResult r = check(dir);
  EXPECT_NE(r.err.find("warning: src/demo/launch/pair.launch.py:6:54: launch actions made by "
                       "psl.generate_primary_action_list(...), a function this reader does not run: any node it "
                       "starts is not read"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("LogInfo"), std::string::npos) << r.err;
}

TEST(RosLaunch, WhatIsKnownOnlyWhenLaunchedIsSaidAtItsLine) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/d.launch.py", R"py(from launch import LaunchDescription
from launch.actions import OpaqueFunction
from launch_ros.actions import Node

def spawn(context):
    return [Node(package='demo', executable='talker')]

def generate_launch_description():
    return LaunchDescription([
        Node(package='demo', executable='listener', namespace=LaunchConfiguration('robot')),
        OpaqueFunction(function=spawn),
        IncludeLaunchDescription(PythonLaunchDescriptionSource(
            package_path(
                'demo'))),
    ])
)py");
  CommandResult r = check(dir);
  // An expression quoted over several lines is said on one (new-user trial s44).
  size_t quoted = r.err.find("package_path(");
  ASSERT_NE(quoted, std::string::npos) << r.err;
  EXPECT_LT(r.err.find("'demo')", quoted), r.err.find('\n', quoted)) << r.err;
  EXPECT_NE(r.err.find("warning: src/demo/launch/d.launch.py:10:9: the namespace of the node '$(var robot)' is not "
                       "known statically: launch argument 'robot' has no value or default in the launch files read"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: src/demo/launch/d.launch.py:11:9: OpaqueFunction runs Python when launched: any "
                       "node it starts is not read"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: src/demo/launch/d.launch.py:6:13: Node(...) is not reached from a LaunchDescription "
                       "without running the file: not read"),
            std::string::npos)
      << r.err;
  // The listener's namespace is a run-time piece of its names (a pattern), not the root.
  EXPECT_EQ(endpoints(dir).count("consume /{namespace}/heard (heard) @src/demo/launch/d.launch.py:10:9"), 1u);
}

// tiiuae/rplidar_ros2 (held-back ROS 2 set, session 47): the node's namespace is an
// environment variable read when launched, and its remap targets are given a second value
// under an `if` on another one. The namespace is a run-time piece (`/{namespace}/...`); the
// value a variable has before an `if` stands, the branch being taken only under its
// condition; both branches of an if/else still give the last.
TEST(RosLaunch, ANamespaceKnownOnlyWhenLaunchedIsARunTimePieceAndABranchKeepsTheValueBeforeIt) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/*.launch.py\"]\n");
  dir.write("src/demo/launch/d.launch.py", R"py(import os
from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    DRONE_ID = os.getenv('DRONE_ID')
    heard_name = '~/heard'
    if os.getenv('USE_RAW') == '1':
        heard_name = '~/raw'
    if DRONE_ID:
        chatter_name = 'chat_a'
    else:
        chatter_name = 'chat_b'
    return LaunchDescription([
        Node(package='demo', executable='listener', namespace=DRONE_ID,
             remappings=[('heard', heard_name)]),
        Node(package='demo', executable='talker', remappings=[('chatter', chatter_name)]),
    ])
)py");
  CommandResult r = check(dir);
  EXPECT_NE(r.err.find("warning: src/demo/launch/d.launch.py:15:9: the namespace of the node is `DRONE_ID`, which is "
                       "known only when launched"),
            std::string::npos)
      << r.err;
  std::multiset<std::string> found = endpoints(dir);
  EXPECT_EQ(found.count("consume /{namespace}/listener/heard (heard) @src/demo/launch/d.launch.py:15:9"), 1u)
      << *found.begin();
  EXPECT_EQ(found.count("produce /chat_b (chatter) @src/demo/launch/d.launch.py:17:9"), 1u) << *found.begin();
}

TEST(RosLaunch, BadLaunchInputIsAnErrorAtItsFileAndLine) {
  struct Case {
    const char *file, *text, *expected;
  };
  const Case cases[] = {
      {"bad.launch", "<launch>\n  <node pkg=\"demo\" type=\"talker\" name=\"t\">\n</launch>\n",
       "src/demo/launch/bad.launch:3:10: launch file is not valid XML: Opening and ending tag mismatch: node line 2 and launch"},
      {"missing.launch", "<launch>\n  <include file=\"$(find demo)/launch/none.launch\"/>\n</launch>\n",
       "src/demo/launch/missing.launch:2:3: included launch file '"},
      {"self.launch", "<launch>\n  <include file=\"$(dirname)/self.launch\"/>\n</launch>\n",
       "src/demo/launch/self.launch:2:3: recursive include: src/demo/launch/self.launch -> src/demo/launch/self.launch"},
      {"notlaunch.xml", "<robot name=\"r\"/>\n", "src/demo/launch/notlaunch.xml:1:1: not a launch file: the root element is <robot>"},
      {"broken.launch.py", "from launch import LaunchDescription\nx = 'unclosed\n",
       "src/demo/launch/broken.launch.py:2:5: launch file is not valid Python: a string is not closed"},
      {"broken.launch.yaml", "launch:\n- node: [1, 2\n", "src/demo/launch/broken.launch.yaml:"},
  };
  for (const Case &c : cases) {
    TempDir dir;
    writeRos2Package(dir);
    dir.write("eventscope.yaml", std::string("sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/") + c.file + "\"]\n");
    dir.write(std::string("src/demo/launch/") + c.file, c.text);
    CommandResult r = check(dir);
    EXPECT_EQ(r.exitCode, 2) << c.file << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << c.file << "\n" << r.err;
  }
}

TEST(RosLaunch, ALaunchGlobThatMatchesNothingIsAWarningAtItsEntry) {
  TempDir dir;
  writeRos2Package(dir);
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/*/launch/*.launch.py\"]\n");
  CommandResult r = check(dir);
  EXPECT_NE(r.err.find("eventscope.yaml:2:10: `launch` entry 'src/*/launch/*.launch.py' matches no file"),
            std::string::npos)
      << r.err;
}

// ROS 1 on Debian's real roscpp headers: roslaunch XML with `group ns`, a node's `ns`, group
// and node remaps, `arg`, and an include with `ns` and `arg`.
TEST(RosLaunch, Ros1RoslaunchGroupsRemapsAndIncludes) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nlaunch: [\"bringup/launch/robot.launch\"]\n");
  dir.write("laser/package.xml", "<package><name>laser</name></package>\n");
  dir.write("laser/CMakeLists.txt", "project(laser)\nadd_executable(${PROJECT_NAME}_node src/laser.cpp)\n"
                                    "set_target_properties(${PROJECT_NAME}_node PROPERTIES OUTPUT_NAME node PREFIX \"\")\n");
  dir.write("laser/src/laser.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "laser");
  ros::NodeHandle nh;
  ros::NodeHandle pnh("~");
  ros::Publisher scan = nh.advertise<std_msgs::String>("scan", 1);
  ros::Publisher status = pnh.advertise<std_msgs::String>("status", 1);
  scan.publish(std_msgs::String());
  status.publish(std_msgs::String());
}
)cpp");
  dir.write("mapper/package.xml", "<package format=\"2\">\n  <name> mapper </name>\n</package>\n");
  dir.write("mapper/CMakeLists.txt", "project(mapper)\nadd_executable(mapper src/mapper.cpp)\n");
  dir.write("mapper/src/mapper.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
void onScan(const std_msgs::String::ConstPtr &) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "mapper");
  ros::NodeHandle nh;
  ros::Subscriber sub = nh.subscribe("base_scan", 1, onScan);
  ros::spin();
}
)cpp");
  dir.write("bringup/package.xml", "<package><name>bringup</name></package>\n");
  dir.write("bringup/launch/robot.launch", R"L(<launch>
  <arg name="robot" default="r1"/>
  <group ns="$(arg robot)">
    <node pkg="laser" type="node" name="front_laser" ns="sensors"/>
    <include file="$(find bringup)/launch/mapping.launch">
      <arg name="scan" value="sensors/scan"/>
    </include>
  </group>
  <node pkg="laser" type="node" name="unused" if="false"/>
</launch>
)L");
  dir.write("bringup/launch/mapping.launch", R"L(<launch>
  <arg name="scan"/>
  <remap from="base_scan" to="$(arg scan)"/>
  <node pkg="mapper" type="mapper" name="mapper"/>
</launch>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /r1/sensors/scan (base_scan) @bringup/launch/mapping.launch:4:3",
                                "produce /r1/sensors/front_laser/status (status) @bringup/launch/robot.launch:4:5",
                                "produce /r1/sensors/scan (scan) @bringup/launch/robot.launch:4:5",
                            }));
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

// ROS 1 parameters a launch file sets around a node (issue 20, item 2): a group's `<param>`,
// the node's `<rosparam>` body (nested keys joined with '/') and a `<rosparam command="load">`
// file found through `$(find)`, later ones winning, as roslaunch loads them. A relay whose three
// topics are parameters with defaults: every name comes from the launch file.
TEST(RosLaunch, Ros1RosparamAndAGroupsParamNameTheTopics) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nlaunch: [\"relay/launch/*.launch\"]\n");
  dir.write("relay/package.xml", "<package><name>relay</name></package>\n");
  dir.write("relay/CMakeLists.txt", "project(relay)\nadd_executable(relay src/relay.cpp)\n");
  dir.write("relay/src/relay.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
ros::Publisher out, frames;
void onInput(const std_msgs::String::ConstPtr &msg) { out.publish(*msg); frames.publish(*msg); }
int main(int argc, char **argv) {
  ros::init(argc, argv, "relay");
  ros::NodeHandle nh, pnh("~");
  std::string input, output, frame_topic;
  pnh.param<std::string>("input", input, "in");
  pnh.param<std::string>("output", output, "out");
  pnh.param<std::string>("frame/topic", frame_topic, "frame_out");
  out = nh.advertise<std_msgs::String>(output, 1);
  frames = nh.advertise<std_msgs::String>(frame_topic, 1);
  ros::Subscriber sub = nh.subscribe(input, 1, onInput);
  ros::spin();
}
)cpp");
  dir.write("relay/config/relay.yaml", "# loaded last: wins over the group's value\noutput: cmd_vel_safe\n");
  dir.write("relay/launch/relay.launch", R"L(<launch>
  <group ns="robot">
    <param name="output" value="cmd_vel"/>
    <node pkg="relay" type="relay" name="relay">
      <rosparam>
input: scan_filtered
frame:
  topic: frames
      </rosparam>
      <rosparam command="load" file="$(find relay)/config/relay.yaml"/>
    </node>
  </group>
  <group ns="spare">
    <param name="output" value="cmd_vel"/>
    <node pkg="relay" type="relay" name="relay"/>
  </group>
</launch>
)L");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /robot/scan_filtered (scan_filtered) @relay/launch/relay.launch:4:5",
                                "consume /spare/in (in) @relay/launch/relay.launch:15:5",
                                "produce /robot/cmd_vel_safe (cmd_vel_safe) @relay/launch/relay.launch:4:5",
                                "produce /robot/frames (frames) @relay/launch/relay.launch:4:5",
                                "produce /spare/cmd_vel (cmd_vel) @relay/launch/relay.launch:15:5",
                                "produce /spare/frame_out (frame_out) @relay/launch/relay.launch:15:5",
                            }));
  // A rosparam body that is not YAML, and a file that is not there: errors at the element.
  dir.write("relay/launch/relay.launch", "<launch>\n  <node pkg=\"relay\" type=\"relay\" name=\"relay\">\n"
                                         "    <rosparam>input: [scan\n</rosparam>\n  </node>\n</launch>\n");
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("relay/launch/relay.launch:3:5: the rosparam's YAML: "), std::string::npos) << r.err;
  dir.write("relay/launch/relay.launch", "<launch>\n  <node pkg=\"relay\" type=\"relay\" name=\"relay\">\n"
                                         "    <rosparam command=\"load\" file=\"$(find relay)/config/gone.yaml\"/>\n"
                                         "  </node>\n</launch>\n");
  r = check(dir);
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("relay/launch/relay.launch:3:5: the rosparam file '"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/config/gone.yaml' does not exist"), std::string::npos) << r.err;
}

// Autoware's velodyne launch files (session 33's held-back ROS bugs, CPFL/Autoware 3d07ba93):
// `<remap>` written inside `<include>`, which roslaunch ignores (it reads only <arg> and <env>
// there): the included node keeps its name, and the rule is an unused-remap finding at its
// line. The fix, the rule inside the included file's <node>, is clean.
TEST(RosLaunch, Ros1ARemapInsideAnIncludeIsIgnoredAsRoslaunchDoes) {
  for (bool fixed : {false, true}) {
    TempDir dir;
    dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n"
                                 "launch: [\"velodyne/launch/vlp32c.launch\"]\n");
    dir.write("velodyne/package.xml", "<package><name>velodyne</name></package>\n");
    dir.write("velodyne/CMakeLists.txt", "project(velodyne)\nadd_executable(cloud src/cloud.cpp)\n");
    dir.write("velodyne/src/cloud.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "cloud");
  ros::NodeHandle nh;
  ros::Publisher points = nh.advertise<std_msgs::String>("velodyne_points", 1);
  points.publish(std_msgs::String());
}
)cpp");
    dir.write("velodyne/launch/vlp32c.launch", std::string(R"L(<launch>
  <include file="$(find velodyne)/launch/cloud.launch">
    <arg name="max_range" value="130"/>
)L") + (fixed ? "" : "    <remap from=\"velodyne_points\" to=\"points_raw\"/>\n") +
                                                   "  </include>\n</launch>\n");
    dir.write("velodyne/launch/cloud.launch", std::string(R"L(<launch>
  <arg name="max_range" default="100"/>
  <node pkg="velodyne" type="cloud" name="cloud">
)L") + (fixed ? "    <remap from=\"velodyne_points\" to=\"points_raw\"/>\n" : "") +
                                                  "  </node>\n</launch>\n");
    EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                  std::string("produce /") + (fixed ? "points_raw" : "velodyne_points") +
                                  " (velodyne_points) @velodyne/launch/cloud.launch:3:3"}));
    CommandResult r = check(dir);
    std::vector<std::string> unused = findingLines(r.out, "unused-remap");
    if (fixed)
      EXPECT_TRUE(unused.empty()) << r.out;
    else
      EXPECT_EQ(unused, (std::vector<std::string>{
                            "velodyne/launch/vlp32c.launch:4:5: warning: remapping 'velodyne_points' -> 'points_raw' "
                            "is ignored: roslaunch reads only <arg> and <env> inside <include>, so it renames nothing "
                            "in the included file (put it in the included file's <node>, or before the <include> in "
                            "a <group>) [unused-remap]"}))
          << r.out;
  }
}

} // namespace
// `get_name()` of another object's node (ros2_controllers' tests publish on their own
// `test_node` to `controller_->get_node()->get_name() + "/commands"`): not the name of the node
// making the call, so a pattern; the node's own `get_node()->get_name()` still is its name.
TEST(RosNames, TheNameOfAnotherObjectsNodeIsNotTheCallersNode) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"src/*.cpp\"]\n");
  dir.write("src/t.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Controller {
public:
  rclcpp::Node::SharedPtr get_node();
  void init() {
    auto p = get_node()->create_publisher<std_msgs::msg::String>(std::string(get_node()->get_name()) + "/state", 10);
    p->publish(std_msgs::msg::String());
  }
};
struct Fixture {
  std::unique_ptr<Controller> controller_;
  void run() {
    rclcpp::Node test_node("test_node");
    auto p = test_node.create_publisher<std_msgs::msg::String>(std::string(controller_->get_node()->get_name()) + "/commands", 10);
    p->publish(std_msgs::msg::String());
  }
};
)");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"produce /{name}/commands ({name}/commands)",
                                                        "produce /{node}/state ({this_node::getName}/state)"}));
}

// turtlesim without Qt (new-user trial s52): `new Turtle(ros::NodeHandle(real_name), ...)`
// is in a file read in part, and the construction is lost; the handle Turtle's constructor is
// given has a namespace that is not known: a `{namespace}` piece, never the node's own as a
// constant. With every file read whole and no construction, the node's namespace stands (a
// constructor nothing in the analysed code calls: the ros2 run / rosrun default).
TEST(RosNames, AHandleGivenByAConstructionLostInAFileReadInPartIsAPattern) {
  for (bool partial : {true, false}) {
    TempDir dir;
    dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
    dir.write("sim/turtle.h", R"(#include <ros/ros.h>
#include <std_msgs/String.h>
struct QImage {};
class Turtle {
public:
  Turtle(const ros::NodeHandle &nh, const QImage &image);
  ros::NodeHandle nh_;
  ros::Subscriber sub_;
};
)");
    dir.write("sim/turtle.cpp", R"cpp(#include "turtle.h"
void heard(const std_msgs::String::ConstPtr &) {}
Turtle::Turtle(const ros::NodeHandle &nh, const QImage &) : nh_(nh) { sub_ = nh_.subscribe("cmd_vel", 1, heard); }
)cpp");
    // Partial: a call Clang cannot read (here, one argument too many; in turtlesim, Qt's
    // types) loses the construction. Whole: no construction at all.
    dir.write("sim/frame.cpp", std::string(R"cpp(#include "turtle.h"
void spawn(const std::string &name) {
  QImage image;
)cpp") + (partial ? "  new Turtle(ros::NodeHandle(name), image, 3);\n" : "") + "}\n");
    CommandResult scan = runEventscope({"scan", dir.path()});
    ASSERT_EQ(scan.exitCode, 0) << scan.err;
    const nlohmann::json json = nlohmann::json::parse(scan.out);
    ASSERT_EQ(json.at("endpoints").size(), 1u) << scan.out;
    const nlohmann::json &e = json.at("endpoints")[0];
    EXPECT_EQ(e.at("channel"), partial ? "/{namespace}/cmd_vel" : "/cmd_vel");
    EXPECT_EQ(e.at("value"), partial ? "pattern" : "constant");
  }
}

} // namespace eventscope::testing

namespace eventscope::testing {
namespace {

// Services and actions (issue 20, item 5): endpoints of their own kind, roles call and
// serve; a call nothing serves (with "did you mean"), two servers of one name; none of the
// topic rules fire on them.

// Held-back PlanSys2 (session 31): a client of GetProblemInstanceDetails calls
// `get_problem_instance`; the node serves `get_problem_instances` (another type, a near
// spelling) and `get_problem_instance_details` (the client's type). The hint names the server
// of the client's type, never one of another type.
TEST(RosServices, AnUnservedCallIsToldTheServerOfItsType) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("expert/expert.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <plansys2_msgs/srv/get_problem_instances.hpp>
#include <plansys2_msgs/srv/get_problem_instance_details.hpp>
using Instances = plansys2_msgs::srv::GetProblemInstances;
using Details = plansys2_msgs::srv::GetProblemInstanceDetails;
class Expert : public rclcpp::Node {
 public:
  Expert() : Node("problem_expert") {
    instances_ = create_service<Instances>("problem_expert/get_problem_instances",
        [](const std::shared_ptr<Instances::Request>, std::shared_ptr<Instances::Response>) {});
    details_ = create_service<Details>("problem_expert/get_problem_instance_details",
        [](const std::shared_ptr<Details::Request>, std::shared_ptr<Details::Response>) {});
  }
  rclcpp::Service<Instances>::SharedPtr instances_;
  rclcpp::Service<Details>::SharedPtr details_;
};
)cpp");
  dir.write("client/client.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <plansys2_msgs/srv/get_problem_instance_details.hpp>
using Details = plansys2_msgs::srv::GetProblemInstanceDetails;
class Client : public rclcpp::Node {
 public:
  Client() : Node("problem_expert_client") {
    client_ = create_client<Details>("problem_expert/get_problem_instance");
    client_->async_send_request(std::make_shared<Details::Request>());
  }
  rclcpp::Client<Details>::SharedPtr client_;
};
)cpp");
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("service '/problem_expert/get_problem_instance' is called by client but no node serves it; did you "
                       "mean '/problem_expert/get_problem_instance_details'? (the one service of its type in that "
                       "namespace, plansys2_msgs/GetProblemInstanceDetails) [unserved-call]"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("get_problem_instances'?"), std::string::npos) << r.out;
}

TEST(RosServices, Ros1CallOfAMisspelledServiceIsUnservedAndItsFixedTwinIsClean) {
  for (bool fixed : {false, true}) {
    TempDir dir;
    dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
    dir.write("odometry/odometry.cpp", R"cpp(#include <ros/ros.h>
#include <std_srvs/Empty.h>
bool reset(std_srvs::Empty::Request &, std_srvs::Empty::Response &) { return true; }
int main(int argc, char **argv) {
  ros::init(argc, argv, "odometry");
  ros::NodeHandle nh;
  ros::ServiceServer server = nh.advertiseService("reset_odometry", reset);
  ros::spin();
}
)cpp");
    dir.write("teleop/teleop.cpp", std::string(R"cpp(#include <ros/ros.h>
#include <std_srvs/Empty.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "teleop");
  ros::NodeHandle nh;
  ros::ServiceClient client = nh.serviceClient<std_srvs::Empty>(")cpp") +
                                          (fixed ? "reset_odometry" : "reset_odomtery") + R"cpp(");
  std_srvs::Empty call;
  client.call(call);
}
)cpp");
    CommandResult r = check(dir);
    if (fixed) {
      EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
      EXPECT_EQ(r.out.find("["), std::string::npos) << r.out; // no finding at all
      continue;
    }
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("teleop/teleop.cpp:8:10: error: service '/reset_odomtery' is called by teleop but no node "
                         "serves it; did you mean '/reset_odometry'? (1 edit apart) [unserved-call]\n"
                         "odometry/odometry.cpp:7:34: note: odometry serves '/reset_odometry' here\n"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("[unconsumed-event]"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("[unproduced-event]"), std::string::npos) << r.out;
    CommandResult scan = runEventscope({"scan", dir.path()});
    const nlohmann::json json = nlohmann::json::parse(scan.out);
    std::set<std::string> roles;
    for (const nlohmann::json &e : json.at("endpoints"))
      roles.insert(e.at("role").get<std::string>() + " " + e.value("kind", "topic") + " " +
                   e.at("channel").get<std::string>());
    EXPECT_EQ(roles, (std::set<std::string>{"call service /reset_odomtery", "serve service /reset_odometry"}));
  }
}

// ROS 1 services have types (issue 20, items 3 and 5): advertiseService deduces the
// service's Request message from the callback (a function, a member function with its
// object, a ServiceEvent), genmsg names it XRequest for service X; a client's type is
// serviceClient<X> or what ros::service::call is given (the service, or its Request and
// Response). A server and a client of different types: message-type-mismatch, said with the
// service words; the fixed twin is clean.
TEST(RosServices, Ros1ServersAndClientsHaveTheirServiceTypes) {
  for (bool fixed : {false, true}) {
    TempDir dir;
    dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
    dir.write("base/base.cpp", R"cpp(#include <ros/ros.h>
#include <std_srvs/SetBool.h>
#include <std_srvs/Trigger.h>
bool enable(std_srvs::SetBool::Request &, std_srvs::SetBool::Response &) { return true; }
class Base {
public:
  bool stop(std_srvs::TriggerRequest &, std_srvs::TriggerResponse &) { return true; }
  bool reset(ros::ServiceEvent<std_srvs::Trigger::Request, std_srvs::Trigger::Response> &) { return true; }
};
int main(int argc, char **argv) {
  ros::init(argc, argv, "base");
  ros::NodeHandle nh;
  Base base;
  ros::ServiceServer a = nh.advertiseService("enable", enable);
  ros::ServiceServer b = nh.advertiseService("stop", &Base::stop, &base);
  ros::ServiceServer c = nh.advertiseService("reset", &Base::reset, &base);
  ros::spin();
}
)cpp");
    dir.write("panel/panel.cpp", std::string(R"cpp(#include <ros/ros.h>
#include <std_srvs/SetBool.h>
#include <std_srvs/Trigger.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "panel");
  ros::NodeHandle nh;
  ros::ServiceClient enable = nh.serviceClient<std_srvs::)cpp") +
                                    (fixed ? "SetBool" : "Trigger") + R"cpp(>("enable");
  std_srvs::SetBool on;
  std_srvs::Trigger trigger;
  enable.call(on);
  ros::service::call("stop", )cpp" + (fixed ? "trigger" : "on") + R"cpp();
  std_srvs::TriggerRequest request;
  std_srvs::TriggerResponse response;
  ros::service::call("reset", request, response);
}
)cpp");
    CommandResult scan = runEventscope({"scan", dir.path()});
    std::set<std::string> ends = typedEnds(scan);
    EXPECT_EQ(ends, (std::set<std::string>{
                        "serve service /enable std_srvs::SetBool @base/base.cpp:14",
                        "serve service /stop std_srvs::Trigger @base/base.cpp:15",
                        "serve service /reset std_srvs::Trigger @base/base.cpp:16",
                        std::string("call service /enable std_srvs::") + (fixed ? "SetBool" : "Trigger") + " @panel/panel.cpp:10",
                        std::string("call service /stop std_srvs::") + (fixed ? "Trigger" : "SetBool") + " @panel/panel.cpp:11",
                        "call service /reset std_srvs::Trigger @panel/panel.cpp:14"}))
        << scan.err;
    CommandResult r = check(dir);
    if (fixed) {
      EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
      EXPECT_EQ(r.out.find("["), std::string::npos) << r.out; // no finding at all
      continue;
    }
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("panel/panel.cpp:11:3: error: panel calls '/stop' as std_srvs::SetBool, but it is served as "
                         "std_srvs::Trigger (base/base.cpp:15:29): no call reaches a server of another type "
                         "[message-type-mismatch]\nbase/base.cpp:15:29: note: base serves it as std_srvs::Trigger\n"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("base/base.cpp:14:29: error: base serves '/enable' as std_srvs::SetBool, but it is called as "
                         "std_srvs::Trigger (panel/panel.cpp:10:10)"),
              std::string::npos)
        << r.out;
  }
}

// roscpp's options forms (roscpp_tutorials' custom_callback_processing, new-user trial s52):
// the options' template argument is the endpoint's type, kept through the handle.
TEST(RosServices, Ros1OptionsFormsKeepTheirTypes) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("n/n.cpp", R"cpp(#include <ros/ros.h>
#include <ros/callback_queue.h>
#include <std_msgs/String.h>
#include <std_srvs/Trigger.h>
ros::CallbackQueue queue;
void heard(const std_msgs::String::ConstPtr &) {}
bool trigger(std_srvs::Trigger::Request &, std_srvs::Trigger::Response &) { return true; }
int main(int argc, char **argv) {
  ros::init(argc, argv, "n");
  ros::NodeHandle nh;
  ros::SubscribeOptions sub = ros::SubscribeOptions::create<std_msgs::String>("chatter", 10, heard, ros::VoidPtr(), &queue);
  ros::Subscriber s = nh.subscribe(sub);
  ros::AdvertiseServiceOptions srv = ros::AdvertiseServiceOptions::create<std_srvs::Trigger>("go", trigger, ros::VoidPtr(), &queue);
  ros::ServiceServer v = nh.advertiseService(srv);
}
)cpp");
  CommandResult scan = runEventscope({"scan", dir.path()});
  EXPECT_EQ(typedEnds(scan), (std::set<std::string>{"consume topic /chatter std_msgs::String @n/n.cpp:12",
                                                    "serve service /go std_srvs::Trigger @n/n.cpp:14"}))
      << scan.out << scan.err;
}

TEST(RosServices, Ros2TwoServersOfOneNameAndAnActionPair) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\nlaunch: [\"bringup/*.launch.py\"]\n");
  // Which servers run together, the launch file says: the map server and the map saver in
  // robot.launch.py; the saver alone again in a launch file of its own (no duplicate there).
  dir.write("bringup/package.xml", "<package format=\"3\"><name>bringup</name></package>\n");
  dir.write("map_server/package.xml", "<package format=\"3\"><name>map_server</name></package>\n");
  dir.write("map_server/CMakeLists.txt", "project(map_server)\nadd_executable(map_server map_server.cpp)\n");
  dir.write("map_saver/package.xml", "<package format=\"3\"><name>map_saver</name></package>\n");
  dir.write("map_saver/CMakeLists.txt", "project(map_saver)\nadd_executable(map_saver map_saver.cpp)\n");
  dir.write("bringup/robot.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([
        Node(package='map_server', executable='map_server'),
        Node(package='map_saver', executable='map_saver'),
    ])
)py");
  dir.write("bringup/saver.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([Node(package='map_saver', executable='map_saver')])
)py");
  dir.write("map_server/map_server.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <nav_msgs/srv/get_map.hpp>
class MapServer : public rclcpp::Node {
public:
  MapServer() : Node("map_server") {
    srv_ = create_service<nav_msgs::srv::GetMap>("map_server/get_map",
        [](const std::shared_ptr<nav_msgs::srv::GetMap::Request>, std::shared_ptr<nav_msgs::srv::GetMap::Response>) {});
  }
  rclcpp::Service<nav_msgs::srv::GetMap>::SharedPtr srv_;
};
)cpp");
  dir.write("map_saver/map_saver.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <nav_msgs/srv/get_map.hpp>
class MapSaver : public rclcpp::Node {
public:
  MapSaver() : Node("map_saver") {
    srv_ = create_service<nav_msgs::srv::GetMap>("/map_server/get_map",
        [](const std::shared_ptr<nav_msgs::srv::GetMap::Request>, std::shared_ptr<nav_msgs::srv::GetMap::Response>) {});
  }
  rclcpp::Service<nav_msgs::srv::GetMap>::SharedPtr srv_;
};
)cpp");
  dir.write("planner/planner.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>
#include <nav2_msgs/action/navigate_to_pose.hpp>
#include <nav_msgs/srv/get_map.hpp>
using Navigate = nav2_msgs::action::NavigateToPose;
class Planner : public rclcpp::Node {
public:
  Planner() : Node("planner") {
    server_ = rclcpp_action::create_server<Navigate>(this, "navigate_to_pose",
        [](const rclcpp_action::GoalUUID &, std::shared_ptr<const Navigate::Goal>) { return rclcpp_action::GoalResponse::ACCEPT_AND_EXECUTE; },
        [](const std::shared_ptr<rclcpp_action::ServerGoalHandle<Navigate>>) { return rclcpp_action::CancelResponse::ACCEPT; },
        [](const std::shared_ptr<rclcpp_action::ServerGoalHandle<Navigate>>) {});
    map_ = create_client<nav_msgs::srv::GetMap>("map_server/get_map");
  }
  void load() { map_->async_send_request(std::make_shared<nav_msgs::srv::GetMap::Request>()); }
  rclcpp_action::Server<Navigate>::SharedPtr server_;
  rclcpp::Client<nav_msgs::srv::GetMap>::SharedPtr map_;
};
)cpp");
  dir.write("bt/bt.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>
#include <nav2_msgs/action/navigate_to_pose.hpp>
using Navigate = nav2_msgs::action::NavigateToPose;
class Bt : public rclcpp::Node {
public:
  Bt() : Node("bt") { client_ = rclcpp_action::create_client<Navigate>(this, "navigate_to_pose"); }
  void go() { client_->async_send_goal(Navigate::Goal()); }
  rclcpp_action::Client<Navigate>::SharedPtr client_;
};
)cpp");
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("map_saver/map_saver.cpp:6:12: error: service '/map_server/get_map' is served by 2 nodes; a "
                       "call reaches only one of them [duplicate-server]\n"
                       "bringup/robot.launch.py:7:9: note: the node is launched here\n"
                       "map_server/map_server.cpp:6:12: note: map_server serves '/map_server/get_map' here too\n"
                       "bringup/robot.launch.py:6:9: note: the node is launched here: 'map_server/get_map' in the "
                       "code is '/map_server/get_map' in this node\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(findingLines(r.out, "duplicate-server").size(), 1u) << r.out;
  EXPECT_EQ(r.out.find("[unserved-call]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[unconsumed-event]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[unproduced-event]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[request-reply-over-events]"), std::string::npos) << r.out;
  CommandResult scan = runEventscope({"scan", dir.path()});
  const nlohmann::json json = nlohmann::json::parse(scan.out);
  std::multiset<std::string> roles;
  for (const nlohmann::json &e : json.at("endpoints"))
    roles.insert(e.at("role").get<std::string>() + " " + e.value("kind", "topic") + " " +
                 e.at("channel").get<std::string>());
  EXPECT_EQ(roles, (std::multiset<std::string>{"call action /navigate_to_pose", "call service /map_server/get_map",
                                               "serve action /navigate_to_pose", "serve service /map_server/get_map",
                                               "serve service /map_server/get_map",
                                               "serve service /map_server/get_map"})); // the saver, launched twice
}

// ros-industrial/industrial_core (new-user trial s51): a library's server, linked by two
// executables of which one constructs its class, is given to both launched nodes; that is one
// server, not two. The executable that constructs it launched twice serves the name twice.
TEST(RosServices, ALibraryLinkedByTwoProgramsIsOneServerAndOneProgramLaunchedTwiceIsTwo) {
  for (bool twice : {false, true}) {
    TempDir dir;
    dir.write("robot/package.xml", "<package><name>robot</name></package>\n");
    dir.write("robot/CMakeLists.txt", "project(robot)\nadd_library(motion src/motion.cpp)\n"
                                      "add_executable(downloader src/downloader.cpp)\ntarget_link_libraries(downloader motion)\n"
                                      "add_executable(state src/state.cpp)\ntarget_link_libraries(state motion)\n");
    dir.write("robot/include/robot/motion.h", R"cpp(#pragma once
#include <ros/ros.h>
#include <std_srvs/Empty.h>
class Motion {
public:
  Motion();
  bool stop(std_srvs::Empty::Request &, std_srvs::Empty::Response &) { return true; }
private:
  ros::NodeHandle nh_;
  ros::ServiceServer stop_;
};
)cpp");
    dir.write("robot/src/motion.cpp", "#include \"robot/motion.h\"\n"
                                      "Motion::Motion() { stop_ = nh_.advertiseService(\"/stop_motion\", &Motion::stop, this); }\n");
    dir.write("robot/src/downloader.cpp", "#include \"robot/motion.h\"\nint main(int argc, char **argv) {\n"
                                          "  ros::init(argc, argv, \"downloader\");\n  Motion motion;\n  ros::spin();\n}\n");
    dir.write("robot/src/state.cpp", "#include <ros/ros.h>\nint main(int argc, char **argv) {\n"
                                     "  ros::init(argc, argv, \"state\");\n  ros::spin();\n}\n");
    dir.write("robot/launch/robot.launch",
              std::string("<launch>\n  <node pkg=\"robot\" type=\"downloader\" name=\"downloader\"/>\n") +
                  (twice ? "  <node pkg=\"robot\" type=\"downloader\" name=\"downloader2\"/>\n"
                         : "  <node pkg=\"robot\" type=\"state\" name=\"state\"/>\n") +
                  "</launch>\n");
    dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ninclude_dirs: [robot/include]\ncompile_flags: [\"-std=c++17\"]\n"
                                 "launch: [\"robot/launch/*.launch\"]\n");
    CommandResult r = check(dir);
    EXPECT_NE(r.err.find("3 translation unit(s): 3 analysed whole"), std::string::npos) << r.err;
    if (!twice) {
      EXPECT_EQ(r.out.find("[duplicate-server]"), std::string::npos) << r.out;
      // (the line is still each launched node's: the plan cannot tell which program makes it)
      EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"serve /stop_motion @robot/launch/robot.launch:2:3",
                                                            "serve /stop_motion @robot/launch/robot.launch:3:3"}));
      continue;
    }
    EXPECT_NE(r.out.find("robot/src/motion.cpp:2:32: error: service '/stop_motion' is served by 2 nodes; a call "
                         "reaches only one of them [duplicate-server]\n"),
              std::string::npos)
        << r.out;
  }
}

// ROS 1 actionlib (issue 20, item 5), the actionlib_tutorials Fibonacci pair as the ROS wiki
// writes it, on Debian's real roscpp with eventscope's actionlib stand-in: the server class
// gets its name from main() and serves on its NodeHandle; the client names the action itself.
// The goal, result and feedback messages come from the package's own Fibonacci.action. Without
// launch files or `services:`, the package is the service; the server is where main() names it.
TEST(RosServices, Ros1ActionlibServerAndClientAndAMisspelledClient) {
  for (bool fixed : {false, true}) {
    TempDir dir;
    dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
    dir.write("actionlib_tutorials/package.xml", "<package format=\"2\"><name>actionlib_tutorials</name></package>\n");
    dir.write("actionlib_tutorials/CMakeLists.txt", "project(actionlib_tutorials)\n"
                                                    "add_executable(fibonacci_server src/fibonacci_server.cpp)\n"
                                                    "add_executable(fibonacci_client src/fibonacci_client.cpp)\n");
    dir.write("actionlib_tutorials/action/Fibonacci.action", "#goal definition\nint32 order\n---\n#result definition\n"
                                                             "int32[] sequence\n---\n#feedback\nint32[] sequence\n");
    dir.write("actionlib_tutorials/src/fibonacci_server.cpp", R"cpp(#include <ros/ros.h>
#include <actionlib/server/simple_action_server.h>
#include <actionlib_tutorials/FibonacciAction.h>

class FibonacciAction {
protected:
  ros::NodeHandle nh_;
  actionlib::SimpleActionServer<actionlib_tutorials::FibonacciAction> as_;
  std::string action_name_;
  actionlib_tutorials::FibonacciFeedback feedback_;
  actionlib_tutorials::FibonacciResult result_;

public:
  FibonacciAction(std::string name)
      : as_(nh_, name, boost::bind(&FibonacciAction::executeCB, this, boost::placeholders::_1), false),
        action_name_(name) {
    as_.start();
  }
  void executeCB(const actionlib_tutorials::FibonacciGoalConstPtr &goal) {
    feedback_.sequence.clear();
    feedback_.sequence.push_back(0);
    feedback_.sequence.push_back(1);
    for (int i = 1; i <= goal->order; i++) {
      if (as_.isPreemptRequested() || !ros::ok()) {
        as_.setPreempted();
        return;
      }
      feedback_.sequence.push_back(feedback_.sequence[i] + feedback_.sequence[i - 1]);
      as_.publishFeedback(feedback_);
    }
    result_.sequence = feedback_.sequence;
    as_.setSucceeded(result_);
  }
};

int main(int argc, char **argv) {
  ros::init(argc, argv, "fibonacci");
  FibonacciAction fibonacci("fibonacci");
  ros::spin();
  return 0;
}
)cpp");
    dir.write("actionlib_tutorials/src/fibonacci_client.cpp", std::string(R"cpp(#include <ros/ros.h>
#include <actionlib/client/simple_action_client.h>
#include <actionlib/client/terminal_state.h>
#include <actionlib_tutorials/FibonacciAction.h>

int main(int argc, char **argv) {
  ros::init(argc, argv, "test_fibonacci");
  actionlib::SimpleActionClient<actionlib_tutorials::FibonacciAction> ac(")cpp") +
                                                                  (fixed ? "fibonacci" : "fibonaci") + R"cpp(", true);
  ac.waitForServer();
  actionlib_tutorials::FibonacciGoal goal;
  goal.order = 20;
  ac.sendGoal(goal);
  if (ac.waitForResult(ros::Duration(30.0))) {
    actionlib::SimpleClientGoalState state = ac.getState();
    ROS_INFO("Action finished: %s", state.toString().c_str());
  }
  return 0;
}
)cpp");
    CommandResult r = check(dir);
    EXPECT_NE(r.err.find("2 translation unit(s): 2 analysed whole"), std::string::npos) << r.err;
    if (fixed) {
      EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
      EXPECT_EQ(r.out.find("["), std::string::npos) << r.out; // no finding at all
    } else {
      EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
      EXPECT_NE(r.out.find("actionlib_tutorials/src/fibonacci_client.cpp:12:6: error: action '/fibonaci' is called by "
                           "actionlib_tutorials but no node serves it; did you mean '/fibonacci'? (1 edit apart) "
                           "[unserved-call]\n"
                           "actionlib_tutorials/src/fibonacci_server.cpp:38:19: note: actionlib_tutorials serves "
                           "'/fibonacci' here\n"),
                std::string::npos)
          << r.out;
    }
    CommandResult scan = runEventscope({"scan", dir.path()});
    EXPECT_EQ(typedEnds(scan), (std::set<std::string>{
                         std::string("call action ") + (fixed ? "/fibonacci" : "/fibonaci") +
                             " actionlib_tutorials::FibonacciAction @actionlib_tutorials/src/fibonacci_client.cpp:12",
                         "serve action /fibonacci actionlib_tutorials::FibonacciAction "
                         "@actionlib_tutorials/src/fibonacci_server.cpp:38"}))
        << scan.out;
  }
}

// actionlib's servers and clients made on a local NodeHandle (shared-case variants s51): the
// handle, which the value reader takes as the text it was made with ("~", ""), is not the
// action's name; the name is the next argument. Before: a second server named `~` (an
// invalid-ros-name error) and a client whose name was the empty string.
TEST(RosServices, Ros1ActionlibOnALocalNodeHandle) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("arm_msgs/package.xml", "<package format=\"2\"><name>arm_msgs</name></package>\n");
  dir.write("arm_msgs/action/PickObject.action", "string object_id\nfloat64 grasp_width\n---\nbool picked\n---\nfloat32 progress\n");
  dir.write("gripper/package.xml", "<package format=\"2\"><name>gripper</name></package>\n");
  dir.write("gripper/CMakeLists.txt", "project(gripper)\nadd_executable(gripper src/gripper.cpp)\n");
  dir.write("gripper/src/gripper.cpp", R"cpp(#include <ros/ros.h>
#include <actionlib/server/simple_action_server.h>
#include <arm_msgs/PickObjectAction.h>
using Server = actionlib::SimpleActionServer<arm_msgs::PickObjectAction>;
int main(int argc, char **argv) {
  ros::init(argc, argv, "gripper");
  ros::NodeHandle pnh("~");
  Server *server = nullptr;
  Server s(pnh, "pick_object", [&server](const arm_msgs::PickObjectGoalConstPtr &g) {
    arm_msgs::PickObjectResult r;
    r.picked = g->grasp_width > 0.0;
    server->setSucceeded(r);
  }, false);
  server = &s;
  s.start();
  ros::spin();
}
)cpp");
  dir.write("mission/package.xml", "<package format=\"2\"><name>mission</name></package>\n");
  dir.write("mission/CMakeLists.txt", "project(mission)\nadd_executable(mission src/mission.cpp)\n");
  dir.write("mission/src/mission.cpp", R"cpp(#include <ros/ros.h>
#include <actionlib/client/simple_action_client.h>
#include <arm_msgs/PickObjectAction.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "mission");
  ros::NodeHandle nh;
  actionlib::SimpleActionClient<arm_msgs::PickObjectAction> client(nh, "gripper/pick_object", true);
  arm_msgs::PickObjectGoal goal;
  goal.object_id = "cup";
  client.sendGoalAndWait(goal);
}
)cpp");
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("["), std::string::npos) << r.out; // no finding at all
  EXPECT_NE(r.err.find("2 translation unit(s): 2 analysed whole"), std::string::npos) << r.err;
  CommandResult scan = runEventscope({"scan", dir.path()});
  EXPECT_EQ(typedEnds(scan), (std::set<std::string>{
                       "call action /gripper/pick_object arm_msgs::PickObjectAction @mission/src/mission.cpp:10",
                       "serve action /gripper/pick_object arm_msgs::PickObjectAction @gripper/src/gripper.cpp:9"}))
      << scan.out;
}

// axis_camera#31 (held-back ROS bug 07 of session 27): image_transport's republish takes its
// names from `nh.resolveName("in"/"out")` and subscribes with its publisher's own publish
// (`boost::bind(pub_mem_fn, &pub, _1)`), so with `in` and `out` remapped onto one topic each
// image comes back to it. image_transport's headers use Boost's global `_1`, which Debian's
// Boost gives only in boost::placeholders: the unit is still read whole. This header is a
// trimmed copy of image_transport's (ROS 1, image_common), which Debian does not package.
TEST(RosLaunch, ARepublisherRemappedOntoItsOwnInputIsACycle) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"image_transport/src/*.cpp\"]\ninclude_dirs: [\"image_transport/include\"]\n"
                               "launch: [\"axis/launch/*.launch\"]\n");
  dir.write("image_transport/include/image_transport/image_transport.h", R"cpp(#pragma once
#include <ros/ros.h>
#include <sensor_msgs/Image.h>
#include <boost/bind.hpp>
#include <boost/function.hpp>
namespace image_transport {
class Publisher {
 public:
  void publish(const sensor_msgs::ImageConstPtr &message) const {}
};
class Subscriber {};
class ImageTransport {
 public:
  explicit ImageTransport(const ros::NodeHandle &nh) {}
  Publisher advertise(const std::string &base_topic, uint32_t queue_size, bool latch = false) { return {}; }
  Subscriber subscribe(const std::string &base_topic, uint32_t queue_size,
                       const boost::function<void(const sensor_msgs::ImageConstPtr &)> &callback,
                       const ros::VoidPtr &tracked_object = ros::VoidPtr(), const std::string &transport = "raw") {
    return {};
  }
  template <class T>
  Subscriber subscribe(const std::string &base_topic, uint32_t queue_size,
                       void (T::*fp)(const sensor_msgs::ImageConstPtr &), T *obj) {
    return subscribe(base_topic, queue_size, boost::bind(fp, obj, _1));
  }
};
}  // namespace image_transport
)cpp");
  dir.write("image_transport/src/republish.cpp", R"cpp(#include "image_transport/image_transport.h"

int main(int argc, char **argv) {
  ros::init(argc, argv, "image_republisher", ros::init_options::AnonymousName);
  ros::NodeHandle nh;
  std::string in_topic = nh.resolveName("in");
  std::string in_transport = argv[1];
  std::string out_topic = nh.resolveName("out");
  image_transport::ImageTransport it(nh);
  image_transport::Publisher pub = it.advertise(out_topic, 1);
  typedef void (image_transport::Publisher::*PublishMemFn)(const sensor_msgs::ImageConstPtr &) const;
  PublishMemFn pub_mem_fn = &image_transport::Publisher::publish;
  image_transport::Subscriber sub = it.subscribe(in_topic, 1, boost::bind(pub_mem_fn, &pub, _1), ros::VoidPtr(), in_transport);
  ros::spin();
}
)cpp");
  dir.write("image_transport/package.xml", "<package format=\"2\"><name>image_transport</name></package>\n");
  dir.write("image_transport/CMakeLists.txt",
            "project(image_transport)\nadd_executable(republish src/republish.cpp)\n");
  dir.write("axis/package.xml", "<package format=\"2\"><name>axis</name></package>\n");
  auto launch = [&](const std::string &out) {
    dir.write("axis/launch/axis.launch", R"L(<launch>
  <group ns="axis">
    <node pkg="image_transport" type="republish" name="republish" args="compressed">
      <remap from="in" to="image_raw" />
      <remap from="out" to=")L" + out + R"L(" />
    </node>
  </group>
</launch>
)L");
  };
  launch("image_raw");
  CommandResult r = check(dir);
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("image_transport/src/republish.cpp:13:63: error: event cycle: the handler of '/axis/image_raw' "
                       "in image_transport produces '/axis/image_raw' again [event-cycle]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("1 translation unit(s): 1 analysed whole"), std::string::npos) << r.err;
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /axis/image_raw (in) @axis/launch/axis.launch:3:5",
                                "produce /axis/image_raw (out) @axis/launch/axis.launch:3:5",
                            }));
  launch("image_raw_out"); // the fix
  r = check(dir);
  EXPECT_EQ(r.out.find("[event-cycle]"), std::string::npos) << r.out;
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /axis/image_raw (in) @axis/launch/axis.launch:3:5",
                                "produce /axis/image_raw_out (out) @axis/launch/axis.launch:3:5",
                            }));
}

// Autoware's visualizers (held-back ROS bug s28-a/04, autoware 1a4b5c1e): the input is
// `ros::this_node::getNamespace() + "/objects"`, the namespace kept in a member whose leading
// "//" is erased; launched in ns /detection/lidar_tracker it waits on a topic nobody
// publishes. The node's namespace, name and a NodeHandle's getNamespace() resolve where the
// node is launched, whatever handle the call is made on.
TEST(RosLaunch, NamesBuiltFromTheNodesOwnNamespaceResolveWhereItIsLaunched) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\nlaunch: [\"viz/launch/*.launch\"]\n");
  dir.write("viz/package.xml", "<package format=\"2\"><name>viz</name></package>\n");
  dir.write("viz/CMakeLists.txt", "project(viz)\nadd_executable(visualize src/visualize.cpp)\nadd_executable(tracker src/tracker.cpp)\n");
  dir.write("viz/src/visualize.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
class Visualize {
 public:
  Visualize() {
    ros::NodeHandle private_nh("~");
    ros_namespace_ = ros::this_node::getNamespace();
    if (ros_namespace_.substr(0, 2) == "//")
      ros_namespace_.erase(ros_namespace_.begin());
    std::string object_src_topic = ros_namespace_ + "/objects";
    sub_ = private_nh.subscribe(object_src_topic, 1, &Visualize::onObjects, this);
    markers_ = private_nh.advertise<std_msgs::String>(ros::this_node::getName() + "/markers", 1);
    ros::NodeHandle inner("inner");
    status_ = private_nh.advertise<std_msgs::String>(inner.getNamespace() + "/status", 1);
  }
  void onObjects(const std_msgs::String::ConstPtr &m) { markers_.publish(*m); status_.publish(*m); }
  ros::Subscriber sub_;
  ros::Publisher markers_, status_;
  std::string ros_namespace_;
};
int main(int argc, char **argv) { ros::init(argc, argv, "visualize"); Visualize v; ros::spin(); }
)cpp");
  dir.write("viz/src/tracker.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "tracker");
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<std_msgs::String>("/detection/objects", 1);
  pub.publish(std_msgs::String());
}
)cpp");
  auto launch = [&](const std::string &ns) {
    dir.write("viz/launch/track.launch", "<launch>\n  <node pkg=\"viz\" type=\"tracker\" name=\"tracker\"/>\n"
                                         "  <node pkg=\"viz\" type=\"visualize\" name=\"viz_01\" ns=\"" + ns + "\"/>\n</launch>\n");
  };
  launch("/detection/lidar_tracker");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /detection/lidar_tracker/objects ({this_node::getNamespace}/objects) @viz/launch/track.launch:3:3",
                                "produce /detection/lidar_tracker/inner/status ({this_node::getNamespace}/inner/status) @viz/launch/track.launch:3:3",
                                "produce /detection/lidar_tracker/viz_01/markers ({this_node::getName}/markers) @viz/launch/track.launch:3:3",
                                "produce /detection/objects @viz/launch/track.launch:2:3",
                            }));
  CommandResult r = check(dir);
  EXPECT_NE(r.out.find("viz/src/visualize.cpp:11:23: error: '/detection/lidar_tracker/objects' is consumed by viz but no "
                       "service produces it [unproduced-event]"),
            std::string::npos)
      << r.out;
  launch("/detection"); // the fix
  r = check(dir);
  EXPECT_EQ(r.out.find("[unproduced-event]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("'/detection/objects' is produced"), std::string::npos) << r.out;
}

// kr_mav_control (held-back ROS bug s28-b/06, 1aad4253): a trackers manager hands its private
// handle to each plugin through the base class's virtual Initialize(nh); the plugin makes a
// child handle `ros::NodeHandle priv_nh(nh, "line_tracker_min_jerk")` of it, so its topics are
// under the manager's name and the child namespace.
TEST(RosLaunch, AChildOfAHandedHandleKeepsItsNamespaceUnderTheCallersHandle) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("trackers/tracker.h", R"cpp(#pragma once
#include <ros/ros.h>
class Tracker {
 public:
  virtual ~Tracker() = default;
  virtual void Initialize(const ros::NodeHandle &nh) = 0;
};
)cpp");
  dir.write("trackers/line_tracker.cpp", R"cpp(#include "tracker.h"
#include <geometry_msgs/Vector3.h>
class LineTracker : public Tracker {
 public:
  void Initialize(const ros::NodeHandle &nh);
  void onGoal(const geometry_msgs::Vector3::ConstPtr &goal) {}
  ros::Subscriber sub_goal_;
};
void LineTracker::Initialize(const ros::NodeHandle &nh) {
  ros::NodeHandle priv_nh(nh, "line_tracker");
  sub_goal_ = priv_nh.subscribe("goal", 10, &LineTracker::onGoal, this);
}
Tracker *makeLineTracker() { return new LineTracker; }
)cpp");
  dir.write("trackers/manager.cpp", R"cpp(#include "tracker.h"
Tracker *makeLineTracker();
int main(int argc, char **argv) {
  ros::init(argc, argv, "trackers_manager");
  ros::NodeHandle priv_nh("~");
  Tracker *tracker = makeLineTracker();
  tracker->Initialize(priv_nh);
  ros::spin();
}
)cpp");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"consume /trackers_manager/line_tracker/goal (goal)"}));
}

// navigation#885 (held-back ROS bug s29-d/03): costmap_2d's Costmap2DROS makes
// `ros::NodeHandle private_nh("~/" + name)` from its constructor's parameter, and move_base
// (another file) makes two of them, `global_costmap` and `local_costmap`: each call fills the
// namespace, one endpoint each, in the caller's node. A handle handed on by its address
// (`new Costmap2DPublisher(&private_nh, ...)`) keeps that namespace.
TEST(RosLaunch, ANamespaceBuiltFromAConstructorsParameterIsFilledByEachConstruction) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("costmap/costmap.h", R"cpp(#pragma once
#include <ros/ros.h>
#include <geometry_msgs/Polygon.h>
class CostmapPublisher {
 public:
  CostmapPublisher(ros::NodeHandle *node, const std::string &topic);
  void publish();
  ros::Publisher pub_;
};
class Costmap {
 public:
  explicit Costmap(const std::string &name);
  void onFootprint(const geometry_msgs::Polygon &footprint) {}
  ros::Subscriber sub_;
  CostmapPublisher *publisher_;
};
)cpp");
  dir.write("costmap/costmap.cpp", R"cpp(#include "costmap.h"
#include <nav_msgs/OccupancyGrid.h>
CostmapPublisher::CostmapPublisher(ros::NodeHandle *node, const std::string &topic) {
  pub_ = node->advertise<nav_msgs::OccupancyGrid>(topic, 1);
}
void CostmapPublisher::publish() { pub_.publish(nav_msgs::OccupancyGrid()); }
Costmap::Costmap(const std::string &name) {
  ros::NodeHandle private_nh("~/" + name);
  sub_ = private_nh.subscribe("footprint", 1, &Costmap::onFootprint, this);
  publisher_ = new CostmapPublisher(&private_nh, "costmap");
  publisher_->publish();
}
)cpp");
  dir.write("move_base/move_base.cpp", R"cpp(#include "../costmap/costmap.h"
int main(int argc, char **argv) {
  ros::init(argc, argv, "move_base");
  Costmap global("global_costmap");
  Costmap local("local_costmap");
  ros::spin();
}
)cpp");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "consume /move_base/global_costmap/footprint (footprint)",
                                "consume /move_base/local_costmap/footprint (footprint)",
                                "produce /move_base/global_costmap/costmap (costmap)",
                                "produce /move_base/local_costmap/costmap (costmap)"}));
}

// hector_slam (held-back ROS bug s28-a/01, 58ac7e13): a launch file remaps `map` to
// `height_map` for the mapper, whose map topic then is /height_map, and for geotiff, which
// calls the map service `map`, now /height_map, that nothing serves. One call unserved: the
// topic of the same name is no call.
TEST(RosServices, ATopicOfTheSameNameIsNoUnservedCall) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("mapper/mapper.cpp", R"cpp(#include <ros/ros.h>
#include <nav_msgs/OccupancyGrid.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "mapper");
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<nav_msgs::OccupancyGrid>("height_map", 1, true);
  pub.publish(nav_msgs::OccupancyGrid());
}
)cpp");
  dir.write("geotiff/geotiff.cpp", R"cpp(#include <ros/ros.h>
#include <nav_msgs/GetMap.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "geotiff");
  ros::NodeHandle nh;
  ros::ServiceClient client = nh.serviceClient<nav_msgs::GetMap>("height_map");
  nav_msgs::GetMap srv;
  client.call(srv);
}
)cpp");
  CommandResult r = check(dir);
  EXPECT_NE(r.out.find("geotiff/geotiff.cpp:8:10: error: service '/height_map' is called by geotiff but no node serves "
                       "it [unserved-call]"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("is called by mapper"), std::string::npos) << r.out;
}

// costmap_2d (navigation#885, the fresh held-back set of session 28): a parameter whose name
// is found at run time (`searchParam`) still falls back to its default; one variable read
// from two parameters, one after the other (subscribe, then advertise), is neither.
TEST(RosNames, SettingsNamedAtRunTimeAndAVariableReadFromTwo) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("costmap/costmap.cpp", R"cpp(#include <ros/ros.h>
#include <geometry_msgs/Polygon.h>
#include <geometry_msgs/PolygonStamped.h>
void onFootprint(const geometry_msgs::Polygon &footprint) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "costmap");
  ros::NodeHandle private_nh("~");
  std::string topic_param, topic;
  if (!private_nh.searchParam("footprint_topic", topic_param))
    topic_param = "footprint_topic";
  private_nh.param(topic_param, topic, std::string("footprint"));
  ros::Subscriber sub = private_nh.subscribe(topic, 1, onFootprint);
  std::string reused;
  private_nh.param("input", reused, std::string("in"));
  ros::Subscriber in = private_nh.subscribe(reused, 1, onFootprint);
  private_nh.param("output", reused, std::string("out"));
  ros::Publisher pub = private_nh.advertise<geometry_msgs::PolygonStamped>(reused, 1);
  pub.publish(geometry_msgs::PolygonStamped());
  ros::spin();
}
)cpp");
  // Each use sees the setting read last on the straight way to it (costmap_2d's `topic`).
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"consume /costmap/footprint (footprint)",
                                                        "consume /costmap/in (in)", "produce /costmap/out (out)"}));
  CommandResult scan = runEventscope({"scan", dir.path()});
  const nlohmann::json json = nlohmann::json::parse(scan.out);
  ASSERT_EQ(json.at("endpoints").size(), 3u);
  for (const nlohmann::json &endpoint : json.at("endpoints"))
    EXPECT_EQ(endpoint.value("value", ""), "default") << endpoint.dump();
  EXPECT_EQ(json.at("unresolved").size(), 0u) << json.at("unresolved").dump();
}

} // namespace
// gscam2 (held-back ROS 2 set, session 46): the executable links its node's library by the
// library's ALIAS (`add_library(demo::relay_lib ALIAS relay_lib)`, then
// `target_link_libraries(relay PRIVATE demo::relay_lib)`); a launch file that starts the
// executable under a namespace applies to the library's node as to a plain link.
TEST(RosLaunch, AnExecutableLinkingItsNodeLibraryByAnAliasIsTiedToItsCode) {
  TempDir dir;
  writeRos2Package(dir, true);
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
find_package(rclcpp REQUIRED)
add_library(relay_lib SHARED src/relay.cpp)
add_library(demo::relay_lib ALIAS relay_lib)
add_executable(relay src/relay_main.cpp)
target_link_libraries(relay PRIVATE demo::relay_lib)
)L");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/relay.launch.py\"]\n");
  dir.write("src/demo/launch/relay.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    first = [Node(package='demo', executable='relay', namespace='camera1')]
    return LaunchDescription(first + [])
)py");
  EXPECT_EQ(triggers(dir), (std::vector<std::string>{"/camera1/in -> /camera1/out"}));
}

// Autoware.Auto's node packages (held-back ROS bugs, session 47): ament_cmake_auto links an
// executable to every library ament_auto_add_library made before it in the package, with no
// target_link_libraries written; the launch file's namespace and remaps then apply to the
// library's node. NO_TARGET_LINK_LIBRARIES opts out, and a library added after it is not linked.
TEST(RosLaunch, AnAmentAutoExecutableRunsTheLibrariesItsPackageAddedBeforeIt) {
  TempDir dir;
  writeRos2Package(dir, true);
  dir.write("src/demo/CMakeLists.txt", R"L(cmake_minimum_required(VERSION 3.8)
project(demo)
find_package(ament_cmake_auto REQUIRED)
ament_auto_find_build_dependencies()
ament_auto_add_library(relay_lib SHARED src/relay.cpp)
ament_auto_add_executable(relay src/relay_main.cpp)
ament_auto_add_executable(relay_alone src/relay_main.cpp NO_TARGET_LINK_LIBRARIES)
ament_auto_package()
)L");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\nlaunch: [\"src/demo/launch/relay.launch.py\"]\n");
  dir.write("src/demo/launch/relay.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node

def generate_launch_description():
    return LaunchDescription([
        Node(package='demo', executable='relay', namespace='system', remappings=[('in', '/vehicle/engage')]),
    ])
)py");
  EXPECT_EQ(triggers(dir), (std::vector<std::string>{"/vehicle/engage -> /system/out"}));
}

// LIO-SAM (new-user trial, session 46): a node base class in a shared header, named by each
// derived class's constructor (`ParamServer("a", o)`); one program's file holds two such node
// classes, another program's a third. A launch file starting the other program applies to
// its own class only: each call on `this` is the node of the class it is written in.
TEST(RosLaunch, ANodeBaseClassNamedByEachDerivedClassKeepsEachProgramsNodesApart) {
  TempDir dir;
  dir.write("package.xml", "<?xml version=\"1.0\"?>\n<package format=\"3\"><name>pp</name><version>0.1.0</version></package>\n");
  dir.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.5)\nproject(pp)\nadd_executable(${PROJECT_NAME}_one src/one.cpp)\n"
                              "add_executable(${PROJECT_NAME}_two src/two.cpp)\n");
  dir.write("include/base.hpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class ParamServer : public rclcpp::Node {
public:
  std::string topic;
  ParamServer(std::string name, const rclcpp::NodeOptions &o) : Node(name, o) {
    declare_parameter("topic", "t");
    get_parameter("topic", topic);
  }
};
)");
  dir.write("src/one.cpp", R"(#include "base.hpp"
class One : public ParamServer {
public:
  One(const rclcpp::NodeOptions &o) : ParamServer("one", o) { pub = create_publisher<std_msgs::msg::String>("one_out", 1); }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub;
};
int main(int argc, char **argv) { rclcpp::init(argc, argv); rclcpp::NodeOptions o; rclcpp::spin(std::make_shared<One>(o)); }
)");
  dir.write("src/two.cpp", R"(#include "base.hpp"
class A : public ParamServer {
public:
  A(const rclcpp::NodeOptions &o) : ParamServer("a", o) { pub = create_publisher<std_msgs::msg::String>("a_out", 1); }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub;
};
class B : public ParamServer {
public:
  B(const rclcpp::NodeOptions &o) : ParamServer("b", o) {
    sub = create_subscription<std_msgs::msg::String>(topic, 1, [](std_msgs::msg::String::SharedPtr) {});
  }
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  rclcpp::NodeOptions o;
  rclcpp::executors::MultiThreadedExecutor e;
  auto a = std::make_shared<A>(o);
  auto b = std::make_shared<B>(o);
  e.add_node(a);
  e.add_node(b);
  e.spin();
}
)");
  dir.write("launch/x.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node
def generate_launch_description():
    return LaunchDescription([
        Node(package='pp', executable='pp_one', name='first', namespace='r1'),
        Node(package='pp', executable='pp_two', name='second', namespace='r2'),
    ])
)py");
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\ninclude_dirs: [include]\nlaunch: [\"launch/*.launch.py\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"produce /r1/one_out (one_out) @launch/x.launch.py:5:9",
                                                        "produce /r2/a_out (a_out) @launch/x.launch.py:6:9",
                                                        "consume /r2/t (t) @launch/x.launch.py:6:9"}));
}

// rclcpp::NodeOptions (issue 20, item 1): the node-local arguments rcl reads (`-r __node:=`,
// `-r __ns:=`, `-r from:=to`, a rule for another node left alone) and parameter overrides, as
// a chain on a temporary, setters on a local variable, a constructor's parameter every
// construction in the file fills, and a function returning them. rcl reads a node's own
// arguments first: the launch file's name and namespace do not replace them (nav2_util's and
// tf2_ros's internal nodes, `make_shared("_", options)` renamed by `__node:=`).
TEST(RosNames, NodeOptionsArgumentsAndParameterOverridesNameTheNodeAndItsTopics) {
  TempDir dir;
  dir.write("package.xml", "<?xml version=\"1.0\"?>\n<package format=\"3\"><name>opt</name><version>0.1.0</version></package>\n");
  dir.write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.5)\nproject(opt)\nadd_executable(helper src/helper.cpp)\n"
                              "add_executable(talker src/talker.cpp)\nadd_executable(listener src/listener.cpp)\n"
                              "add_executable(local src/local.cpp)\n");
  // use_global_arguments(false): the launch file's namespace and remapping do not reach it.
  dir.write("src/local.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  auto node = std::make_shared<rclcpp::Node>("local", rclcpp::NodeOptions().use_global_arguments(false));
  auto pub = node->create_publisher<std_msgs::msg::String>("odom", 10);
  rclcpp::spin(node);
}
)");
  dir.write("src/helper.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
rclcpp::Node::SharedPtr makeInternal() {
  rclcpp::NodeOptions options;
  options.start_parameter_services(false).arguments(
      {"--ros-args", "-r", "__node:=helper_internal", "-r", "__ns:=/internal", "-r", "status:=health", "--"});
  return rclcpp::Node::make_shared("_", options);
}
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  auto node = makeInternal();
  auto a = node->create_publisher<std_msgs::msg::String>("~/status", 10);
  auto b = node->create_publisher<std_msgs::msg::String>("status", 10);
  rclcpp::spin(node);
}
)");
  dir.write("src/talker.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Talker : public rclcpp::Node {
public:
  explicit Talker(const rclcpp::NodeOptions &options) : Node("talker", options) {
    pub_ = create_publisher<std_msgs::msg::String>(declare_parameter("topic", std::string("chatter")), 10);
  }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  auto options = rclcpp::NodeOptions().use_intra_process_comms(true).append_parameter_override("topic", std::string("speech"));
  rclcpp::spin(std::make_shared<Talker>(options));
}
)");
  dir.write("src/listener.cpp", R"(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
rclcpp::NodeOptions listenerOptions() {
  std::vector<std::string> args{"--ros-args", "--params-file", "x.yaml", "-r", "talker:heard:=nothing", "--remap", "heard:=/speech"};
  return rclcpp::NodeOptions().arguments(args);
}
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  auto node = std::make_shared<rclcpp::Node>("listener", listenerOptions());
  auto sub = node->create_subscription<std_msgs::msg::String>("heard", 10, [](std_msgs::msg::String::SharedPtr) {});
  rclcpp::spin(node);
}
)");
  dir.write("eventscope.yaml", "sources: [\"src/*.cpp\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{"produce /internal/helper_internal/status (~/status)",
                                                        "produce /internal/health (status)",
                                                        "produce /speech (speech)", "consume /speech (heard)",
                                                        "produce /odom (odom)"}));
  // Launched under another name and namespace: the helper's own arguments still win; the
  // talker's override beats the launch file's parameter; the launch file's rules apply to a
  // name the node's own rules do not match.
  dir.write("launch/x.launch.py", R"py(from launch import LaunchDescription
from launch_ros.actions import Node
def generate_launch_description():
    return LaunchDescription([
        Node(package='opt', executable='helper', name='renamed', namespace='robot'),
        Node(package='opt', executable='talker', namespace='robot', parameters=[{'topic': 'ignored'}]),
        Node(package='opt', executable='listener', namespace='robot', remappings=[('heard', 'unused')]),
        Node(package='opt', executable='local', namespace='robot', remappings=[('odom', 'wheel_odom')]),
    ])
)py");
  dir.write("eventscope.yaml", "sources: [\"src/*.cpp\"]\nlaunch: [\"launch/*.launch.py\"]\n");
  EXPECT_EQ(endpoints(dir), (std::multiset<std::string>{
                                "produce /internal/helper_internal/status (~/status) @launch/x.launch.py:5:9",
                                "produce /internal/health (status) @launch/x.launch.py:5:9",
                                "produce /robot/speech (speech) @launch/x.launch.py:6:9",
                                "consume /speech (heard) @launch/x.launch.py:7:9",
                                "produce /odom (odom) @launch/x.launch.py:8:9"}));
  CommandResult r = check(dir);
  EXPECT_NE(r.out.find("launch/x.launch.py:7:83: warning: remapping 'heard' -> 'unused' is ignored: the node's own "
                       "rclcpp::NodeOptions arguments rename '/robot/heard' to '/speech' for the call at "
                       "src/listener.cpp:10:20 first"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("launch/x.launch.py:8:80: warning: remapping 'odom' -> 'wheel_odom' is ignored: the node of the "
                       "call at src/local.cpp:6:"),
            std::string::npos)
      << r.out;
}

} // namespace eventscope::testing
