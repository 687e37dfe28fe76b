#include <rclcpp/rclcpp.hpp>
#include <nav_msgs/msg/odometry.hpp>
class Odometry : public rclcpp::Node {
public:
  Odometry() : Node("odometry") { pub_ = create_publisher<nav_msgs::msg::Odometry>("odom", 10); }
  void tick() { pub_->publish(nav_msgs::msg::Odometry()); }
  rclcpp::Publisher<nav_msgs::msg::Odometry>::SharedPtr pub_;
};
