#include <rclcpp/rclcpp.hpp>
#include <std_srvs/srv/empty.hpp>

using Empty = std_srvs::srv::Empty;

class Teleop : public rclcpp::Node {
public:
  Teleop() : Node("teleop") {
    reset_ = create_client<Empty>("/reset_odomtery");
    calibrate_ = create_client<Empty>("/calibrate"); // served by odometry: fine
  }
  void onResetButton() { reset_->async_send_request(std::make_shared<Empty::Request>()); }
  void onCalibrateButton() { calibrate_->async_send_request(std::make_shared<Empty::Request>()); }

private:
  rclcpp::Client<Empty>::SharedPtr reset_, calibrate_;
};
