#include <rclcpp/rclcpp.hpp>
#include <geometry_msgs/msg/twist.hpp>
class BaseDriver : public rclcpp::Node {
public:
  BaseDriver() : Node("base_driver") {
    sub_ = create_subscription<geometry_msgs::msg::Twist>("/cmd_vel", 10, [](geometry_msgs::msg::Twist::SharedPtr) {});
  }
  rclcpp::Subscription<geometry_msgs::msg::Twist>::SharedPtr sub_;
};
