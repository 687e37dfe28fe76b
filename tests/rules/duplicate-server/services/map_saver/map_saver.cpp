#include <rclcpp/rclcpp.hpp>
#include <nav_msgs/srv/get_map.hpp>

using GetMap = nav_msgs::srv::GetMap;

class MapSaver : public rclcpp::Node {
public:
  MapSaver() : Node("map_saver") {
    srv_ = create_service<GetMap>("/map_server/get_map", [](const std::shared_ptr<GetMap::Request>,
                                                           std::shared_ptr<GetMap::Response>) {});
  }

private:
  rclcpp::Service<GetMap>::SharedPtr srv_;
};
