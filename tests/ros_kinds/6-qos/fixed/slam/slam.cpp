#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/laser_scan.hpp>
class Slam : public rclcpp::Node {
public:
  Slam() : Node("slam") {
    sub_ = create_subscription<sensor_msgs::msg::LaserScan>("scan", rclcpp::SensorDataQoS(),
                                                            [](sensor_msgs::msg::LaserScan::SharedPtr) {});
  }
  rclcpp::Subscription<sensor_msgs::msg::LaserScan>::SharedPtr sub_;
};
