#include <rclcpp/rclcpp.hpp>
#include <nav_msgs/srv/get_map.hpp>

using GetMap = nav_msgs::srv::GetMap;

class MapServer : public rclcpp::Node {
public:
  MapServer() : Node("map_server") {
    srv_ = create_service<GetMap>("~/get_map", [](const std::shared_ptr<GetMap::Request>,
                                                 std::shared_ptr<GetMap::Response>) {});
  }

private:
  rclcpp::Service<GetMap>::SharedPtr srv_;
};
