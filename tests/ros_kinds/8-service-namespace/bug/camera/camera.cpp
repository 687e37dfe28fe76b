// A lifecycle node: rclcpp_lifecycle serves its ~/get_state and ~/change_state, with no line here.
#include <rclcpp_lifecycle/lifecycle_node.hpp>
#include <std_msgs/msg/string.hpp>
class Camera : public rclcpp_lifecycle::LifecycleNode {
public:
  Camera() : LifecycleNode("camera") { pub_ = create_publisher<std_msgs::msg::String>("image_info", 10); }
  void tick() { pub_->publish(std_msgs::msg::String()); }
  rclcpp_lifecycle::LifecyclePublisher<std_msgs::msg::String>::SharedPtr pub_;
};
int main(int argc, char **argv) {
  rclcpp::init(argc, argv);
  rclcpp::spin(std::make_shared<Camera>()->get_node_base_interface());
}
