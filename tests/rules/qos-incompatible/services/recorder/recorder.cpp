#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/imu.hpp>

class Recorder : public rclcpp::Node {
public:
  Recorder() : Node("recorder") {
    auto store = [](sensor_msgs::msg::Imu::SharedPtr) {};
    // rclcpp::QoS(10) is reliable: the best-effort driver cannot serve it
    imu_ = create_subscription<sensor_msgs::msg::Imu>("imu/data", rclcpp::QoS(10), store);
    // asks for best effort: matches
    preview_ = create_subscription<sensor_msgs::msg::Imu>("imu/data", rclcpp::QoS(10).best_effort(), store);
  }

private:
  rclcpp::Subscription<sensor_msgs::msg::Imu>::SharedPtr imu_, preview_;
};
