#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/laser_scan.hpp>
class Lidar : public rclcpp::Node {
public:
  Lidar() : Node("lidar") { pub_ = create_publisher<sensor_msgs::msg::LaserScan>("scan", rclcpp::SensorDataQoS()); }
  void tick() { pub_->publish(sensor_msgs::msg::LaserScan()); }
  rclcpp::Publisher<sensor_msgs::msg::LaserScan>::SharedPtr pub_;
};
