#include <rclcpp/rclcpp.hpp>
#include <sensor_msgs/msg/laser_scan.hpp>
class Laser : public rclcpp::Node {
public:
  Laser() : Node("laser") {
    pub_ = create_publisher<sensor_msgs::msg::LaserScan>("base_scan", 10);
    timer_ = create_wall_timer(std::chrono::milliseconds(100), [this]() { pub_->publish(sensor_msgs::msg::LaserScan()); });
  }
  rclcpp::Publisher<sensor_msgs::msg::LaserScan>::SharedPtr pub_;
  rclcpp::TimerBase::SharedPtr timer_;
};
int main() { rclcpp::spin(std::make_shared<Laser>()); }
