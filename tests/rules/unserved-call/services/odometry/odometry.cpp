#include <rclcpp/rclcpp.hpp>
#include <std_srvs/srv/empty.hpp>

using Empty = std_srvs::srv::Empty;

class Odometry : public rclcpp::Node {
public:
  Odometry() : Node("odometry") {
    auto handle = [](const std::shared_ptr<Empty::Request>, std::shared_ptr<Empty::Response>) {};
    reset_ = create_service<Empty>("/reset_odometry", handle);
    calibrate_ = create_service<Empty>("/calibrate", handle);
  }

private:
  rclcpp::Service<Empty>::SharedPtr reset_, calibrate_;
};
