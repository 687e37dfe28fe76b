#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/laser_scan.hpp>
class Mapper : public rclcpp::Node {
public:
  Mapper() : Node("mapper") {
    sub_ = create_subscription<sensor_msgs::msg::LaserScan>("scan", 10, [](sensor_msgs::msg::LaserScan::SharedPtr) {});
  }
  rclcpp::Subscription<sensor_msgs::msg::LaserScan>::SharedPtr sub_;
};
int main() { rclcpp::spin(std::make_shared<Mapper>()); }
