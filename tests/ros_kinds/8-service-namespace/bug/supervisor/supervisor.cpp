// ros2/demos#369's fault: the lifecycle node's services named absolutely, its node launched in a namespace.
#include <lifecycle_msgs/srv/get_state.hpp>
#include <rclcpp/rclcpp.hpp>
#include <std_msgs/msg/string.hpp>
class Supervisor : public rclcpp::Node {
public:
  Supervisor() : Node("supervisor") {
    client_ = create_client<lifecycle_msgs::srv::GetState>("/camera/get_state");
    sub_ = create_subscription<std_msgs::msg::String>("image_info", 10, [](std_msgs::msg::String::SharedPtr) {});
  }
  void poll() { client_->async_send_request(std::make_shared<lifecycle_msgs::srv::GetState::Request>()); }
  rclcpp::Client<lifecycle_msgs::srv::GetState>::SharedPtr client_;
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub_;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  auto node = std::make_shared<Supervisor>();
  node->poll();
  rclcpp::spin(node);
}
