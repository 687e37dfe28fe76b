// Message stand-ins with the fields of their definitions: code that reads a field is kept
// (Clang drops a statement that names a field the stand-in lacks, and the publish in it).

#include "analyzer/cpp/ros_interfaces.h"
#include "extraction_support.h"

#include <gtest/gtest.h>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <filesystem>

namespace eventscope::testing {
namespace {

Extracted analyzeTree(TempDir &dir) {
  Extracted x = analyze(dir);
  EXPECT_TRUE(x.warnings.empty()) << x.warnings.front();
  return x;
}

// A ROS 2 node reading sensor_msgs and geometry_msgs fields (definitions from Debian's
// ros-*-msgs, installed by install-deps) in the statements that publish: every field read
// compiles, so the range-for and its publish are kept, and so is the trigger.
TEST(RosMessages, Ros2FieldsOfInstalledDefinitions) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("safety/guard.cpp", R"cpp(#include <cmath>
#include "rclcpp/rclcpp.hpp"
#include "sensor_msgs/msg/laser_scan.hpp"
#include "geometry_msgs/msg/twist.hpp"
#include "nav_msgs/msg/odometry.hpp"
#include "std_msgs/msg/bool.hpp"
class Guard : public rclcpp::Node {
public:
  Guard() : Node("guard") {
    stop_ = create_publisher<std_msgs::msg::Bool>("safety/estop", 1);
    cmd_ = create_publisher<geometry_msgs::msg::Twist>("cmd_vel", 10);
    scan_ = create_subscription<sensor_msgs::msg::LaserScan>("scan", 10,
        [this](sensor_msgs::msg::LaserScan::ConstSharedPtr scan) {
          for (float r : scan->ranges)
            if (std::isfinite(r) && r < scan->range_min + 0.2f && scan->header.frame_id == "laser" &&
                scan->header.stamp.sec > 0) {
              std_msgs::msg::Bool b;
              b.data = true;
              stop_->publish(b);
            }
        });
    odom_ = create_subscription<nav_msgs::msg::Odometry>("odom", 10, [this](nav_msgs::msg::Odometry::SharedPtr o) {
      geometry_msgs::msg::Twist t;
      t.linear.x = o->twist.twist.linear.x * 0.5;
      t.angular.z = o->pose.pose.orientation.z;
      if (o->pose.covariance.size() == 36)
        cmd_->publish(t);
    });
  }
  rclcpp::Publisher<std_msgs::msg::Bool>::SharedPtr stop_;
  rclcpp::Publisher<geometry_msgs::msg::Twist>::SharedPtr cmd_;
  rclcpp::Subscription<sensor_msgs::msg::LaserScan>::SharedPtr scan_;
  rclcpp::Subscription<nav_msgs::msg::Odometry>::SharedPtr odom_;
};
)cpp");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{"safety /odom -> /cmd_vel via lambda at safety/guard.cpp:22:70",
                                                "safety /scan -> /safety/estop via lambda at safety/guard.cpp:13:9"}));
}

// A project's own message package (a folder with a package.xml and msg/, srv/), in ROS 2
// and ROS 1 code: the types are named as the definitions (`GPSFix`, not the file name's
// `GpsFix`), constants are members, and a service's request and response have their fields.
TEST(RosMessages, DefinitionsOfTheProjectsOwnPackages) {
  TempDir dir;
  // ROS 1's real message headers (Debian's std_msgs) need C++17 or earlier, as ROS 1 is built.
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("interfaces/package.xml", "<package format=\"3\">\n  <name>fleet_msgs</name>\n</package>\n");
  dir.write("interfaces/msg/GPSFix.msg", "# where a vehicle is\nHeader header\nfloat64 latitude\n"
                                          "float64 longitude # degrees\nuint8 STATUS_OK=0\nuint8 status\n"
                                          "string NAME=gps # a string constant is the rest of its line\n"
                                          "geometry_msgs/Point[3] corners\nstring<=16 vehicle\nint32[<=4] codes\n");
  dir.write("interfaces/srv/Locate.srv", "string vehicle\n---\nfleet_msgs/GPSFix fix\nbool found\n");
  dir.write("ros2/tracker.cpp", R"cpp(#include <string>
#include "rclcpp/rclcpp.hpp"
#include "fleet_msgs/msg/gps_fix.hpp"
#include "fleet_msgs/srv/locate.hpp"
static_assert(sizeof(fleet_msgs::msg::GPSFix::NAME) == sizeof(const char *));
class Tracker : public rclcpp::Node {
public:
  Tracker() : Node("tracker") {
    out_ = create_publisher<fleet_msgs::msg::GPSFix>("fleet/valid_fix", 10);
    in_ = create_subscription<fleet_msgs::msg::GPSFix>("fleet/fix", 10, [this](fleet_msgs::msg::GPSFix::SharedPtr f) {
      if (f->status == fleet_msgs::msg::GPSFix::STATUS_OK && f->corners[2].x < 1.0 && f->vehicle.size() < 16 &&
          f->codes.empty())
        out_->publish(*f);
    });
  }
  void answer(fleet_msgs::srv::Locate::Request::SharedPtr request, fleet_msgs::srv::Locate::Response &response) {
    response.found = !request->vehicle.empty();
    response.fix.latitude = 0;
  }
  rclcpp::Publisher<fleet_msgs::msg::GPSFix>::SharedPtr out_;
  rclcpp::Subscription<fleet_msgs::msg::GPSFix>::SharedPtr in_;
};
)cpp");
  dir.write("ros1/relay.cpp", R"cpp(#include <ros/ros.h>
#include <fleet_msgs/GPSFix.h>
#include <sensor_msgs/LaserScan.h>
ros::Publisher g_out, g_near;
void onFix(const fleet_msgs::GPSFix::ConstPtr &fix) {
  if (fix->status == fleet_msgs::GPSFix::STATUS_OK && fix->header.frame_id == "map")
    g_out.publish(*fix);
}
void onScan(const sensor_msgs::LaserScan::ConstPtr &scan) {
  for (float r : scan->ranges)
    if (r < scan->range_min)
      g_near.publish(*scan);
}
int main(int argc, char **argv) {
  ros::init(argc, argv, "relay");
  ros::NodeHandle nh;
  g_out = nh.advertise<fleet_msgs::GPSFix>("/fleet/relayed", 5);
  g_near = nh.advertise<sensor_msgs::LaserScan>("/near", 5);
  ros::Subscriber a = nh.subscribe("/fleet/fix", 5, onFix);
  ros::Subscriber b = nh.subscribe("/scan", 5, onScan);
  ros::spin();
}
)cpp");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{"ros1 /fleet/fix -> /fleet/relayed via onFix",
                                                "ros1 /scan -> /near via onScan",
                                                "ros2 /fleet/fix -> /fleet/valid_fix via lambda at ros2/tracker.cpp:10:73"}));
}

// Poseidon's messages (ROS 1, no catkin build): a message package named in the singular
// (`state_controller_msg`), a field of a lower-case message of another package
// (`raspberrypi_vitals_msg/sysinfo`, which ROS 1 allows), and a message printed with `<<`
// as catkin's generated headers allow. Each file is read whole.
TEST(RosMessages, SingularPackagesLowerCaseNamesAndPrintedMessagesRos1) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  dir.write("vitals_msg/package.xml", "<package format=\"2\">\n  <name>raspberrypi_vitals_msg</name>\n</package>\n");
  dir.write("vitals_msg/msg/sysinfo.msg", "float32 cpu_load\n");
  dir.write("state_msg/package.xml", "<package format=\"2\">\n  <name>state_controller_msg</name>\n</package>\n");
  dir.write("state_msg/msg/State.msg", "raspberrypi_vitals_msg/sysinfo vitals\n");
  dir.write("controller/controller.cpp", R"cpp(#include <ros/ros.h>
#include <iostream>
#include <state_controller_msg/State.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "state_controller");
  ros::NodeHandle n;
  ros::Publisher state = n.advertise<state_controller_msg::State>("state", 1000);
  state_controller_msg::State msg;
  msg.vitals.cpu_load = 0.5f;
  std::cout << msg << std::endl;
  state.publish(msg);
}
)cpp");
  dir.write("logger/logger.cpp", R"cpp(#include <ros/ros.h>
#include <state_controller_msg/State.h>
void onState(const state_controller_msg::State::ConstPtr &state) { (void)state->vitals.cpu_load; }
int main(int argc, char **argv) {
  ros::init(argc, argv, "logger");
  ros::NodeHandle n;
  ros::Subscriber sub = n.subscribe("state", 1000, onState);
  ros::spin();
}
)cpp");
  CommandResult r = runEventscope({"check", dir.path(), "--no-color", "--no-cache"});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("2 translation unit(s): 2 analysed whole, 0 in part"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("[unproduced-event]"), std::string::npos) << r.out;
}

// What a new user's ROS 2 repository (WayWiseR) needed of the rclcpp stand-in: a string
// literal default makes declare_parameter a std::string (it was a ParameterValue, and the
// statement did not compile), and the standard headers real rclcpp.hpp brings in
// (`std::map`, `std::round` without their own #include).
TEST(RosStandIns, DeclaredStringsAndWhatRclcppIncludes) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("perception/transformer.cpp", R"cpp(#include "rclcpp/rclcpp.hpp"
#include "sensor_msgs/msg/point_cloud2.hpp"
#include "geometry_msgs/msg/twist.hpp"
class Transformer : public rclcpp::Node {
public:
  Transformer() : Node("transformer") {
    std::string in = this->declare_parameter("input_topic", "points_raw");
    std::string out = this->declare_parameter("output_topic", "points");
    std::vector<std::string> names = declare_parameter("names", std::vector<std::string>({"joy_vel"}));
    double gain = declare_parameter("gain", 0.5);
    pub_ = create_publisher<sensor_msgs::msg::PointCloud2>(out, 10);
    sub_ = create_subscription<sensor_msgs::msg::PointCloud2>(in, 10, [this, gain](sensor_msgs::msg::PointCloud2::SharedPtr m) {
      if (m->header.frame_id != "" && std::round(gain) >= 0)
        pub_->publish(*m);
    });
    pubs_["corrected"] = create_publisher<geometry_msgs::msg::Twist>("joy_vel_corrected", 10);
  }
  rclcpp::Publisher<sensor_msgs::msg::PointCloud2>::SharedPtr pub_;
  rclcpp::Subscription<sensor_msgs::msg::PointCloud2>::SharedPtr sub_;
  std::map<std::string, rclcpp::Publisher<geometry_msgs::msg::Twist>::SharedPtr> pubs_;
};
)cpp");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.triggers, (std::set<std::string>{"perception /points_raw -> /points via lambda at "
                                                "perception/transformer.cpp:12:71"}));
}

// ctu-mrs/ros2_examples (new-user trial, session 47): rosidl's per-field setters
// (`msg.set__data("x")`, on any generated message) and the `future` member of a client's
// FutureAndRequestId (`async_send_request(r).future.share()`) were missing from the stand-ins:
// the files were "analysed in part", a false analysis-incomplete error that failed the gate.
TEST(RosStandIns, MessageFieldSettersAndTheFutureOfARequestCompile) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("demo/node.cpp", R"cpp(#include "rclcpp/rclcpp.hpp"
#include "std_msgs/msg/string.hpp"
#include "geometry_msgs/msg/twist.hpp"
#include "std_srvs/srv/set_bool.hpp"
class Demo : public rclcpp::Node {
public:
  Demo() : Node("demo") {
    pub_ = create_publisher<std_msgs::msg::String>("out", 10);
    twist_ = create_publisher<geometry_msgs::msg::Twist>("cmd_vel", 10);
    client_ = create_client<std_srvs::srv::SetBool>("set_bool");
  }
  void tick() {
    std_msgs::msg::String m;
    m.set__data("hello");
    pub_->publish(m);
    geometry_msgs::msg::Twist t;
    t.set__linear(geometry_msgs::msg::Vector3().set__x(1.0));
    twist_->publish(t);
    auto request = std::make_shared<std_srvs::srv::SetBool::Request>();
    auto future = client_->async_send_request(request).future.share();
  }
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
  rclcpp::Publisher<geometry_msgs::msg::Twist>::SharedPtr twist_;
  rclcpp::Client<std_srvs::srv::SetBool>::SharedPtr client_;
};
)cpp");
  CommandResult r = runEventscope({"check", dir.path(), "--no-color", "--no-cache", "--fail-on", "never"});
  EXPECT_EQ(r.out.find("analysis-incomplete"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("1 translation unit(s): 1 analysed whole"), std::string::npos) << r.err;
}

// Type-erased topics (topic_tools' relays): the type is a string, the topic as any other.
TEST(RosStandIns, GenericPublishersAndSubscriptions) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("tools/relay.cpp", R"cpp(#include "rclcpp/rclcpp.hpp"
class Relay : public rclcpp::Node {
public:
  Relay() : Node("relay") {
    pub_ = create_generic_publisher("out", "std_msgs/msg/String", rclcpp::QoS(10));
    sub_ = create_generic_subscription("in", "std_msgs/msg/String", rclcpp::QoS(10),
                                       [this](std::shared_ptr<rclcpp::SerializedMessage> m) { pub_->publish(*m); });
  }
  rclcpp::GenericPublisher::SharedPtr pub_;
  rclcpp::GenericSubscription::SharedPtr sub_;
};
)cpp");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"tools consume /in tools/relay.cpp:6:12 [lambda at tools/relay.cpp:7:40]",
                                                 "tools produce /out tools/relay.cpp:7:101"}));
  EXPECT_EQ(x.triggers, (std::set<std::string>{"tools /in -> /out via lambda at tools/relay.cpp:7:40"}));
}

// The walk for package.xml files does not follow symbolic links (a link to a parent would
// never end), skips build/install/log folders, and names a package by its <name>.
TEST(RosMessages, ThePackageWalkEndsAndSkipsWhatIsNotSource) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"src/**/*.cpp\"]\n");
  dir.write("src/defs/package.xml", "<package><name>probe_msgs</name></package>\n");
  dir.write("src/defs/msg/Probe.msg", "float64 depth\n");
  dir.write("install/probe_msgs/package.xml", "<package><name>probe_msgs</name></package>\n");
  dir.write("install/probe_msgs/msg/Probe.msg", "float64 other\n"); // not read: an install tree
  std::filesystem::create_directory_symlink("..", dir.path() + "/src/loop");
  dir.write("src/node.cpp", R"cpp(#include "rclcpp/rclcpp.hpp"
#include "probe_msgs/msg/probe.hpp"
void node(rclcpp::Node &n) {
  auto pub = n.create_publisher<probe_msgs::msg::Probe>("depth", 1);
  probe_msgs::msg::Probe p;
  p.depth = 1.0;
  pub->publish(p);
}
)cpp");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"src produce /depth src/node.cpp:7:8"}));
}

TEST(RosMessages, DefinitionLinesAndTheirErrors) {
  std::string error;
  auto parsed = parseRosInterface("int8 A = -1 # c\nstring S=a # b\nfloat64[4] v 0.0 # default\n---\n"
                                  "time t\n---\nduration d\n",
                                  error);
  ASSERT_TRUE(parsed) << error;
  ASSERT_EQ(parsed->sections.size(), 3u);
  ASSERT_EQ(parsed->sections[0].size(), 3u);
  EXPECT_EQ(parsed->sections[0][0].value, "-1");
  EXPECT_EQ(parsed->sections[0][1].value, "a # b");
  EXPECT_EQ(parsed->sections[0][2].arraySize, 4u);
  EXPECT_EQ(parsed->sections[0][2].array, RosField::Array::Fixed);
  parsed = parseRosInterface("string<=5 NAME=\"ab\"\nstring<=8 label # bounded\nfloat32 x#no space\n", error);
  ASSERT_TRUE(parsed) << error;
  ASSERT_EQ(parsed->sections[0].size(), 3u);
  EXPECT_TRUE(parsed->sections[0][0].constant);
  EXPECT_EQ(parsed->sections[0][0].name, "NAME");
  EXPECT_EQ(parsed->sections[0][1].name, "label");
  EXPECT_FALSE(parsed->sections[0][1].constant);
  EXPECT_EQ(parsed->sections[0][2].name, "x");
  EXPECT_FALSE(parseRosInterface("float64\n", error));
  EXPECT_EQ(error, "line 1: expected `type name`, found `float64`");
  EXPECT_FALSE(parseRosInterface("int32 x\nint32 2x\n", error));
  EXPECT_EQ(error, "line 2: `2x` is not a field name");
  EXPECT_FALSE(parseRosInterface("int32[x] v\n", error));
}

// rosidl's names for headers, against its own examples and the installed definitions' names.
TEST(RosMessages, HeaderStemsAsRosidlNamesThem) {
  EXPECT_EQ(rosHeaderStem("LaserScan"), "laser_scan");
  EXPECT_EQ(rosHeaderStem("PointCloud2"), "point_cloud2");
  EXPECT_EQ(rosHeaderStem("TFMessage"), "tf_message");
  EXPECT_EQ(rosHeaderStem("NavSatFix"), "nav_sat_fix");
  EXPECT_EQ(rosHeaderStem("Imu"), "imu");
  EXPECT_EQ(rosHeaderStem("GPSFix"), "gps_fix");
  EXPECT_EQ(rosHeaderStem("MultiDOFJointState"), "multi_dof_joint_state");
}

// Every definition Debian installs parses, and its stand-in compiles with every field (the
// siblings of the one LaserScan a test names).
TEST(RosMessages, EveryInstalledDefinitionMakesAStandInThatCompiles) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++17\"]\n");
  std::string ros2 = "#include \"rclcpp/rclcpp.hpp\"\n", ros1 = "#include <ros/ros.h>\n";
  std::string uses2, uses1;
  unsigned count = 0;
  for (const char *package : {"std_msgs", "sensor_msgs", "geometry_msgs", "nav_msgs"})
    for (const char *kind : {"msg", "srv"}) {
      std::error_code ec;
      std::string folder = std::string("/usr/share/") + package + "/" + kind;
      for (llvm::sys::fs::directory_iterator it(folder, ec), end; it != end && !ec; it.increment(ec)) {
        llvm::StringRef file = llvm::sys::path::filename(it->path());
        if (!file.consume_back(std::string(".") + kind))
          continue;
        auto text = llvm::MemoryBuffer::getFile(it->path());
        ASSERT_TRUE(text);
        std::string error;
        EXPECT_TRUE(parseRosInterface((*text)->getBuffer().str(), error)) << it->path() << ": " << error;
        ros2 += "#include \"" + std::string(package) + "/" + kind + "/" + rosHeaderStem(file.str()) + ".hpp\"\n";
        uses2 += "  (void)sizeof(" + std::string(package) + "::" + kind + "::" + file.str() + ");\n";
        if (std::string(package) != "std_msgs") { // Debian's real ROS 1 std_msgs headers win
          ros1 += "#include <" + std::string(package) + "/" + file.str() + ".h>\n";
          uses1 += "  (void)sizeof(" + std::string(package) + "::" + file.str() + ");\n";
        }
        ++count;
      }
    }
  EXPECT_GT(count, 80u) << "the ros-*-msgs packages are not installed (scripts/install-deps.sh)";
  std::string two = ros2 + "void all(rclcpp::Node &node) {\n" + uses2;
  std::string one = ros1 + "void all(ros::NodeHandle &nh) {\n" + uses1;
  auto nextLine = [](const std::string &text) { return std::to_string(std::count(text.begin(), text.end(), '\n') + 1); };
  dir.write("two/all.cpp", two + "  node.create_publisher<sensor_msgs::msg::Imu>(\"imu\", 1)->publish(sensor_msgs::msg::Imu());\n}\n");
  dir.write("one/all.cpp", one + "  nh.advertise<sensor_msgs::Imu>(\"imu\", 1).publish(sensor_msgs::Imu());\n}\n");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"one produce /imu one/all.cpp:" + nextLine(one) + ":44",
                                                 "two produce /imu two/all.cpp:" + nextLine(two) + ":59"}));
}

// ROS 1's generated message headers use std::allocator<void>::rebind, which C++20 removed:
// a README-style config (sources only, no build directory, no -std) is parsed as C++17 again
// and analysed whole; a -std the user gave is kept, and the unit stays analysed in part.
TEST(RosMessages, Ros1HeadersWithoutAStandardGivenParseAsCxx17) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\n");
  dir.write("talker/talker.cpp", R"cpp(#include <ros/ros.h>
#include <std_msgs/String.h>
void onHeard(const std_msgs::String::ConstPtr &msg) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "talker");
  ros::NodeHandle n;
  ros::Publisher pub = n.advertise<std_msgs::String>("chatter", 10);
  ros::Subscriber sub = n.subscribe("heard", 10, onHeard);
  std_msgs::String msg;
  pub.publish(msg);
}
)cpp");
  Extracted x = analyzeTree(dir);
  EXPECT_EQ(x.endpoints, (std::set<std::string>{"talker consume /heard talker/talker.cpp:8:27 [onHeard]",
                                                 "talker produce /chatter talker/talker.cpp:10:7"}));
  dir.write("eventscope.yaml", "sources: [\"**/*.cpp\"]\ncompile_flags: [\"-std=c++20\"]\n");
  x = analyze(dir);
  ASSERT_EQ(x.warnings.size(), 1u);
  EXPECT_NE(x.warnings.front().find("1 of 1"), std::string::npos) << x.warnings.front();
}


// A new user's raspimouse_ros2_examples (session 31): a lifecycle manager and a node that
// declares a parameter with a descriptor, analysed in part only because the stand-in lacked
// core ROS 2 interfaces no package here defines: rcl_interfaces' ParameterDescriptor (which
// rclcpp.hpp brings in), lifecycle_msgs' State and Transition constants, and the GetState and
// ChangeState services. With them, both units are analysed whole.
TEST(RosMessages, CoreRos2InterfacesHaveTheirFieldsAndConstants) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\n");
  dir.write("manager.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <lifecycle_msgs/msg/state.hpp>
#include <lifecycle_msgs/msg/transition.hpp>
#include <lifecycle_msgs/srv/change_state.hpp>
#include <lifecycle_msgs/srv/get_state.hpp>
class Manager : public rclcpp::Node {
 public:
  Manager() : Node("manager") {
    get_state_ = create_client<lifecycle_msgs::srv::GetState>("follower/get_state");
    change_state_ = create_client<lifecycle_msgs::srv::ChangeState>("follower/change_state");
  }
  bool configure() {
    auto response = get_state_->async_send_request(std::make_shared<lifecycle_msgs::srv::GetState::Request>()).get();
    if (response->current_state.id != lifecycle_msgs::msg::State::PRIMARY_STATE_UNCONFIGURED)
      return false;
    auto request = std::make_shared<lifecycle_msgs::srv::ChangeState::Request>();
    request->transition.id = lifecycle_msgs::msg::Transition::TRANSITION_CONFIGURE;
    return change_state_->async_send_request(request).get()->success;
  }
  rclcpp::Client<lifecycle_msgs::srv::GetState>::SharedPtr get_state_;
  rclcpp::Client<lifecycle_msgs::srv::ChangeState>::SharedPtr change_state_;
};
)cpp");
  dir.write("gain.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/float64.hpp>
class Gain : public rclcpp::Node {
 public:
  Gain() : Node("gain") {
    rcl_interfaces::msg::ParameterDescriptor descriptor;
    descriptor.description = "proportional gain";
    descriptor.read_only = true;
    rcl_interfaces::msg::FloatingPointRange range;
    range.from_value = 0.0;
    range.to_value = 10.0;
    descriptor.floating_point_range.push_back(range);
    declare_parameter("p_gain", 1.0, descriptor);
    pub_ = create_publisher<std_msgs::msg::Float64>("gain", 1);
    pub_->publish(std_msgs::msg::Float64());
  }
  rclcpp::Publisher<std_msgs::msg::Float64>::SharedPtr pub_;
};
)cpp");
  CommandResult r = runEventscope({"check", dir.path(), "--no-color", "--no-cache"});
  EXPECT_NE(r.err.find("2 translation unit(s): 2 analysed whole, 0 in part"), std::string::npos) << r.out << r.err;
}

// fmrico/book_ros2 (new-user trial s48): markers in a MarkerArray and a tf2::BufferCore made
// units read in part. The common interfaces beyond std/sensor/geometry/nav (visualization,
// diagnostic, trajectory, shape, stereo messages: Debian's ROS 1 definitions, as for those)
// have their fields, and tf2_ros's Buffer is a tf2::BufferCore.
TEST(RosMessages, CommonInterfacesAndTheTf2CoreBufferCompile) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\n");
  dir.write("markers.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <visualization_msgs/msg/marker_array.hpp>
#include <diagnostic_msgs/msg/diagnostic_array.hpp>
#include <trajectory_msgs/msg/joint_trajectory.hpp>
#include <tf2_ros/buffer.h>
#include <tf2_ros/transform_listener.h>
class Markers : public rclcpp::Node {
 public:
  Markers() : Node("markers"), buffer_(get_clock()), listener_(buffer_) {
    pub_ = create_publisher<visualization_msgs::msg::MarkerArray>("markers", 1);
    diag_ = create_publisher<diagnostic_msgs::msg::DiagnosticArray>("/diagnostics", 1);
    traj_ = create_publisher<trajectory_msgs::msg::JointTrajectory>("trajectory", 1);
  }
  void tick() {
    visualization_msgs::msg::MarkerArray array;
    visualization_msgs::msg::Marker marker;
    marker.type = visualization_msgs::msg::Marker::ARROW;
    marker.scale.x = 0.1;
    array.markers.push_back(marker);
    pub_->publish(array);
    diagnostic_msgs::msg::DiagnosticArray diagnostics;
    diagnostic_msgs::msg::DiagnosticStatus status;
    status.level = diagnostic_msgs::msg::DiagnosticStatus::OK;
    diagnostics.status.push_back(status);
    diag_->publish(diagnostics);
    trajectory_msgs::msg::JointTrajectory trajectory;
    trajectory.joint_names.push_back("arm");
    trajectory.points.emplace_back();
    traj_->publish(trajectory);
    tf2::BufferCore &core = buffer_;
    (void)core.allFramesAsString();
  }
  tf2_ros::Buffer buffer_;
  tf2_ros::TransformListener listener_;
  rclcpp::Publisher<visualization_msgs::msg::MarkerArray>::SharedPtr pub_;
  rclcpp::Publisher<diagnostic_msgs::msg::DiagnosticArray>::SharedPtr diag_;
  rclcpp::Publisher<trajectory_msgs::msg::JointTrajectory>::SharedPtr traj_;
};
)cpp");
  CommandResult r = runEventscope({"check", dir.path(), "--no-color", "--no-cache"});
  EXPECT_NE(r.err.find("1 translation unit(s): 1 analysed whole, 0 in part"), std::string::npos) << r.out << r.err;
}

// IntelligentSystemsLabUTV/ros2-examples (new-user trial s48): units read in part for the
// stand-ins' gaps alone: sensor_msgs' image_encodings header, rmw's QoS duration defaults,
// Node::OnSetParametersCallbackHandle, a client's wait_for_service() without a timeout and
// remove_pending_request, action_msgs' CancelGoal that rclcpp_action brings in.
TEST(RosMessages, StandInsHaveWhatRos2ExamplesUse) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\n");
  dir.write("camera.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>
#include <sensor_msgs/image_encodings.hpp>
#include <sensor_msgs/msg/image.hpp>
#include <std_srvs/srv/trigger.hpp>
#include <rmw/qos_profiles.h>
#include <example_interfaces/action/fibonacci.hpp>
class Camera : public rclcpp::Node {
 public:
  Camera() : Node("camera") {
    rmw_qos_profile_t profile = rmw_qos_profile_sensor_data;
    profile.deadline = RMW_QOS_DEADLINE_DEFAULT;
    pub_ = create_publisher<sensor_msgs::msg::Image>("image", rclcpp::QoS(rclcpp::QoSInitialization::from_rmw(profile), profile));
    client_ = create_client<std_srvs::srv::Trigger>("enable");
    stamps_ = create_subscription<sensor_msgs::msg::Image>("image", 1, [this](sensor_msgs::msg::Image::SharedPtr m) {
      using namespace std::chrono_literals;
      if ((now() - m->header.stamp) > 1s) // Time's operator-: a Duration is not made from a stamp
        return;
    });
    params_ = add_on_set_parameters_callback([](const std::vector<rclcpp::Parameter> &) {
      return rcl_interfaces::msg::SetParametersResult();
    });
  }
  void tick() {
    sensor_msgs::msg::Image image;
    image.encoding = sensor_msgs::image_encodings::BGR8;
    pub_->publish(image);
    client_->wait_for_service();
    auto sent = client_->async_send_request(std::make_shared<std_srvs::srv::Trigger::Request>());
    client_->remove_pending_request(sent);
    action_msgs::srv::CancelGoal::Response cancel;
    if (cancel.return_code == action_msgs::srv::CancelGoal::Response::ERROR_NONE && !cancel.goals_canceling.empty())
      (void)cancel.goals_canceling.front().goal_id.uuid[0];
    rcl_interfaces::msg::ParameterDescriptor descriptor;
    descriptor.set__type(rcl_interfaces::msg::ParameterType::PARAMETER_STRING);
  }
  rclcpp::Publisher<sensor_msgs::msg::Image>::SharedPtr pub_;
  rclcpp::Client<std_srvs::srv::Trigger>::SharedPtr client_;
  rclcpp::Subscription<sensor_msgs::msg::Image>::SharedPtr stamps_;
  OnSetParametersCallbackHandle::SharedPtr params_;
};
)cpp");
  CommandResult r = runEventscope({"check", dir.path(), "--no-color", "--no-cache"});
  EXPECT_NE(r.err.find("1 translation unit(s): 1 analysed whole, 0 in part"), std::string::npos) << r.out << r.err;
}

} // namespace
} // namespace eventscope::testing
