#include <rclcpp/rclcpp.hpp>
#include <nav_msgs/msg/odometry.hpp>
class Controller : public rclcpp::Node {
public:
  Controller() : Node("controller") {
    odom_ = create_subscription<nav_msgs::msg::Odometry>("odom", 10, [](nav_msgs::msg::Odometry::SharedPtr) {});
  }
  rclcpp::Subscription<nav_msgs::msg::Odometry>::SharedPtr odom_;
};
