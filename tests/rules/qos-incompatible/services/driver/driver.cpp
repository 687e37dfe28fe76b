#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/imu.hpp>

class Driver : public rclcpp::Node {
public:
  Driver() : Node("imu_driver") {
    imu_ = create_publisher<sensor_msgs::msg::Imu>("imu/data", rclcpp::SensorDataQoS()); // best effort
  }
  void tick() { imu_->publish(sensor_msgs::msg::Imu()); }

private:
  rclcpp::Publisher<sensor_msgs::msg::Imu>::SharedPtr imu_;
};
