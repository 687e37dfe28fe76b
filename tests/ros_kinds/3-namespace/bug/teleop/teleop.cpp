#include <rclcpp/rclcpp.hpp>
#include <geometry_msgs/msg/twist.hpp>
class Teleop : public rclcpp::Node {
public:
  Teleop() : Node("teleop") { pub_ = create_publisher<geometry_msgs::msg::Twist>("cmd_vel", 10); }
  void tick() { pub_->publish(geometry_msgs::msg::Twist()); }
  rclcpp::Publisher<geometry_msgs::msg::Twist>::SharedPtr pub_;
};
