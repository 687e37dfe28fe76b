#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
using std_msgs::msg::String;
class Listener : public rclcpp::Node {
 public:
  Listener() : Node("listener") {
    auto cb = [](String::SharedPtr) {};
    a_ = create_subscription<String>("~status", 10, cb);  // ROS 2 private names are ~/status
    b_ = create_subscription<String>("~/health", 10, cb); // valid
    c_ = create_subscription<String>("2d_pose", 10, cb);  // a part may not begin with a digit
    d_ = create_subscription<String>("{node}/in", 10, cb); // rcl substitutes the node name: valid
    e_ = create_subscription<String>("odom//raw", 10, cb);
  }
  rclcpp::Subscription<String>::SharedPtr a_, b_, c_, d_, e_;
};
