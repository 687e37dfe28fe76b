// eventscope's stand-in for Nav2's nav2_costmap_2d (costmap_subscriber.hpp,
// footprint_subscriber.hpp, costmap_2d_publisher.hpp, costmap_topic_collision_checker.hpp,
// costmap_2d.hpp, cost_values.hpp, footprint.hpp, footprint_collision_checker.hpp,
// costmap_2d_ros.hpp), served for any nav2_costmap_2d/ header when the real one is not on the
// include path. What code outside the costmap uses of it: the subscribers of a costmap and of a
// footprint topic, the publisher of a costmap, the collision checker over them, and the
// Costmap2D grid. The costmap layers and plugins (layer.hpp, costmap_layer.hpp, ...) are not
// stood in for.
//
// Where Jazzy (ros-navigation/navigation2 branch jazzy, f4108e5b) and Rolling (main, a3a97043)
// differ, the forms of both are declared: Jazzy's subscribers take a nav2_util::LifecycleNode
// or rclcpp::Node WeakPtr, Rolling's take any node; Jazzy's collision checker scores a Pose2D,
// Rolling's a Pose. Bodies are empty.
//
// Each section stands for one real header and is guarded by that header's own include guard,
// which it defines: a real header included before it wins, one included after it is skipped.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <rclcpp/rclcpp.hpp>
#include <rclcpp_lifecycle/lifecycle_node.hpp>
#include <tf2_ros/buffer.h>

#include <geometry_msgs/msg/point.hpp>
#include <geometry_msgs/msg/point32.hpp>
#include <geometry_msgs/msg/polygon.hpp>
#include <geometry_msgs/msg/polygon_stamped.hpp>
#include <geometry_msgs/msg/pose.hpp>
#include <geometry_msgs/msg/pose2_d.hpp>
#include <geometry_msgs/msg/pose_stamped.hpp>
#include <nav_msgs/msg/occupancy_grid.hpp>
#include <std_msgs/msg/header.hpp>

#include <nav2_ros_common/lifecycle_node.hpp>
#include <nav2_util/lifecycle_node.hpp>

// cost_values.hpp (main, cost_values.hpp:47-74)
#ifndef NAV2_COSTMAP_2D__COST_VALUES_HPP_
#define NAV2_COSTMAP_2D__COST_VALUES_HPP_
namespace nav2_costmap_2d {
enum class CombinationMethod : int { Overwrite = 0, Max = 1, MaxWithoutUnknownOverwrite = 2 };
static constexpr unsigned char NO_INFORMATION = 255;
static constexpr unsigned char LETHAL_OBSTACLE = 254;
static constexpr unsigned char INSCRIBED_INFLATED_OBSTACLE = 253;
static constexpr unsigned char MAX_NON_OBSTACLE = 252;
static constexpr unsigned char FREE_SPACE = 0;
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__COST_VALUES_HPP_

// costmap_2d.hpp (main, costmap_2d.hpp:68-411): the grid.
#ifndef NAV2_COSTMAP_2D__COSTMAP_2D_HPP_
#define NAV2_COSTMAP_2D__COSTMAP_2D_HPP_
namespace nav2_costmap_2d {
struct MapLocation {
  unsigned int x;
  unsigned int y;
};
class Costmap2D {
public:
  Costmap2D(unsigned int cells_size_x, unsigned int cells_size_y, double resolution, double origin_x, double origin_y,
            unsigned char default_value = 0);
  Costmap2D(const Costmap2D &map);
  explicit Costmap2D(const nav_msgs::msg::OccupancyGrid &map);
  Costmap2D &operator=(const Costmap2D &map);
  Costmap2D();
  virtual ~Costmap2D();
  bool copyCostmapWindow(const Costmap2D &map, double win_origin_x, double win_origin_y, double win_size_x,
                         double win_size_y);
  unsigned char getCost(unsigned int mx, unsigned int my) const;
  unsigned char getCost(unsigned int index) const;
  void setCost(unsigned int mx, unsigned int my, unsigned char cost);
  void mapToWorld(unsigned int mx, unsigned int my, double &wx, double &wy) const;
  void mapToWorldNoBounds(int mx, int my, double &wx, double &wy) const;
  bool worldToMap(double wx, double wy, unsigned int &mx, unsigned int &my) const;
  bool worldToMapContinuous(double wx, double wy, float &mx, float &my) const;
  void worldToMapNoBounds(double wx, double wy, int &mx, int &my) const;
  void worldToMapEnforceBounds(double wx, double wy, int &mx, int &my) const;
  inline unsigned int getIndex(unsigned int mx, unsigned int my) const { return 0; }
  inline void indexToCells(unsigned int index, unsigned int &mx, unsigned int &my) const {}
  unsigned char *getCharMap() const;
  unsigned int getSizeInCellsX() const;
  unsigned int getSizeInCellsY() const;
  double getSizeInMetersX() const;
  double getSizeInMetersY() const;
  double getOriginX() const;
  double getOriginY() const;
  double getResolution() const;
  void setDefaultValue(unsigned char c) {}
  unsigned char getDefaultValue() { return 0; }
  bool setConvexPolygonCost(const std::vector<geometry_msgs::msg::Point> &polygon, unsigned char cost_value);
  virtual void updateOrigin(double new_origin_x, double new_origin_y);
  bool saveMap(std::string file_name);
  void resizeMap(unsigned int size_x, unsigned int size_y, double resolution, double origin_x, double origin_y);
  void resetMap(unsigned int x0, unsigned int y0, unsigned int xn, unsigned int yn);
  unsigned int cellDistance(double world_dist);
  typedef std::recursive_mutex mutex_t;
  mutex_t *getMutex() { return nullptr; }
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__COSTMAP_2D_HPP_

// footprint.hpp (main, footprint.hpp:62-130)
#ifndef NAV2_COSTMAP_2D__FOOTPRINT_HPP_
#define NAV2_COSTMAP_2D__FOOTPRINT_HPP_
namespace nav2_costmap_2d {
std::pair<double, double> calculateMinAndMaxDistances(const std::vector<geometry_msgs::msg::Point> &footprint);
geometry_msgs::msg::Point toPoint(const geometry_msgs::msg::Point32 &pt);
geometry_msgs::msg::Point32 toPoint32(const geometry_msgs::msg::Point &pt);
geometry_msgs::msg::Polygon toPolygon(const std::vector<geometry_msgs::msg::Point> &pts);
std::vector<geometry_msgs::msg::Point> toPointVector(const geometry_msgs::msg::Polygon &polygon);
void transformFootprint(double x, double y, double theta, const std::vector<geometry_msgs::msg::Point> &footprint_spec,
                        std::vector<geometry_msgs::msg::Point> &oriented_footprint);
void transformFootprint(double x, double y, double theta, const std::vector<geometry_msgs::msg::Point> &footprint_spec,
                        geometry_msgs::msg::PolygonStamped &oriented_footprint);
void padFootprint(std::vector<geometry_msgs::msg::Point> &footprint, double padding);
std::vector<geometry_msgs::msg::Point> makeFootprintFromRadius(double radius);
bool makeFootprintFromString(const std::string &footprint_string, std::vector<geometry_msgs::msg::Point> &footprint);
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__FOOTPRINT_HPP_

// footprint_collision_checker.hpp (main, footprint_collision_checker.hpp:33-85)
#ifndef NAV2_COSTMAP_2D__FOOTPRINT_COLLISION_CHECKER_HPP_
#define NAV2_COSTMAP_2D__FOOTPRINT_COLLISION_CHECKER_HPP_
namespace nav2_costmap_2d {
typedef std::vector<geometry_msgs::msg::Point> Footprint;
template <typename CostmapT> class FootprintCollisionChecker {
public:
  FootprintCollisionChecker() {}
  explicit FootprintCollisionChecker(CostmapT costmap) : costmap_(costmap) {}
  double footprintCost(const Footprint &footprint) { return 0.0; }
  double footprintCostAtPose(double x, double y, double theta, const Footprint &footprint) { return 0.0; }
  double lineCost(int x0, int x1, int y0, int y1) const { return 0.0; }
  bool worldToMap(double wx, double wy, unsigned int &mx, unsigned int &my) { return true; }
  double pointCost(int x, int y) const { return 0.0; }
  void setCostmap(CostmapT costmap) { costmap_ = costmap; }
  CostmapT getCostmap() { return costmap_; }

protected:
  CostmapT costmap_;
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__FOOTPRINT_COLLISION_CHECKER_HPP_

// costmap_subscriber.hpp: subscribes to topic_name (nav2_msgs/Costmap) and to
// topic_name + "_updates" (nav2_msgs/CostmapUpdate).
// jazzy (costmap_subscriber.hpp:42-51): (const nav2_util::LifecycleNode::WeakPtr & parent, topic_name),
//   (const rclcpp::Node::WeakPtr & parent, topic_name);
// main (costmap_subscriber.hpp:42-50): (const nav2::LifecycleNode::WeakPtr & parent, topic_name),
//   template <NodeT> (const NodeT & parent, topic_name, callback_group = nullptr).
// The template takes every node the Jazzy forms take.
#ifndef NAV2_COSTMAP_2D__COSTMAP_SUBSCRIBER_HPP_
#define NAV2_COSTMAP_2D__COSTMAP_SUBSCRIBER_HPP_
namespace nav2_costmap_2d {
class CostmapSubscriber {
public:
  CostmapSubscriber(const nav2::LifecycleNode::WeakPtr &parent, const std::string &topic_name) {}
  template <typename NodeT>
  CostmapSubscriber(const NodeT &parent, const std::string &topic_name,
                    const rclcpp::CallbackGroup::SharedPtr &callback_group = nullptr) {}
  ~CostmapSubscriber() {}
  std::shared_ptr<Costmap2D> getCostmap() { return nullptr; }
  std::string getFrameID() const { return {}; }
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__COSTMAP_SUBSCRIBER_HPP_

// footprint_subscriber.hpp: subscribes to topic_name (geometry_msgs/PolygonStamped).
// jazzy (footprint_subscriber.hpp:39-54): (const nav2_util::LifecycleNode::WeakPtr & parent | const
//   rclcpp::Node::WeakPtr & parent, topic_name, tf2_ros::Buffer & tf, std::string robot_base_frame =
//   "base_link", double transform_tolerance = 0.1);
// main (footprint_subscriber.hpp:41-47): template <NodeT> (const NodeT & parent, topic_name,
//   nav2::TransformBuffer & tf, robot_base_frame = "base_link", transform_tolerance = 0.1).
#ifndef NAV2_COSTMAP_2D__FOOTPRINT_SUBSCRIBER_HPP_
#define NAV2_COSTMAP_2D__FOOTPRINT_SUBSCRIBER_HPP_
namespace nav2_costmap_2d {
class FootprintSubscriber {
public:
  template <typename NodeT>
  explicit FootprintSubscriber(const NodeT &parent, const std::string &topic_name, tf2_ros::Buffer &tf,
                               std::string robot_base_frame = "base_link", double transform_tolerance = 0.1)
      : tf_(tf) {}
  ~FootprintSubscriber() {}
  bool getFootprintRaw(std::vector<geometry_msgs::msg::Point> &footprint, std_msgs::msg::Header &footprint_header) {
    return true;
  }
  bool getFootprintInRobotFrame(std::vector<geometry_msgs::msg::Point> &footprint,
                                std_msgs::msg::Header &footprint_header) {
    return true;
  }

protected:
  tf2_ros::Buffer &tf_;
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__FOOTPRINT_SUBSCRIBER_HPP_

// costmap_2d_publisher.hpp: publishes the costmap on topic_name (nav_msgs/OccupancyGrid) and,
// from it, topic_name + "_raw", "_updates", "_raw_updates", and serves "get_" + topic_name.
// jazzy (costmap_2d_publisher.hpp:70-76): (const nav2_util::LifecycleNode::WeakPtr & parent,
//   Costmap2D * costmap, std::string global_frame, std::string topic_name, bool
//   always_send_full_costmap = false, double map_vis_z = 0.0);
// main (costmap_2d_publisher.hpp:71-77): the same with a nav2::LifecycleNode::WeakPtr. Jazzy's
// WeakPtr is rclcpp_lifecycle's, which Rolling's converts to: one constructor serves both.
#ifndef NAV2_COSTMAP_2D__COSTMAP_2D_PUBLISHER_HPP_
#define NAV2_COSTMAP_2D__COSTMAP_2D_PUBLISHER_HPP_
namespace nav2_costmap_2d {
class Costmap2DPublisher {
public:
  Costmap2DPublisher(const std::weak_ptr<rclcpp_lifecycle::LifecycleNode> &parent, Costmap2D *costmap,
                     std::string global_frame, std::string topic_name, bool always_send_full_costmap = false,
                     double map_vis_z = 0.0) {}
  ~Costmap2DPublisher() {}
  void on_configure() {}
  void on_activate() {}
  void on_deactivate() {}
  void on_cleanup() {}
  void updateBounds(unsigned int x0, unsigned int xn, unsigned int y0, unsigned int yn) {}
  void publishCostmap() {}
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__COSTMAP_2D_PUBLISHER_HPP_

// costmap_topic_collision_checker.hpp (jazzy and main, :46-97): no topic of its own (it reads
// the two subscribers it is given).
#ifndef NAV2_COSTMAP_2D__COSTMAP_TOPIC_COLLISION_CHECKER_HPP_
#define NAV2_COSTMAP_2D__COSTMAP_TOPIC_COLLISION_CHECKER_HPP_
namespace nav2_costmap_2d {
class CostmapTopicCollisionChecker {
public:
  CostmapTopicCollisionChecker(CostmapSubscriber &costmap_sub, FootprintSubscriber &footprint_sub,
                               std::string name = "collision_checker")
      : costmap_sub_(costmap_sub) {}
  CostmapTopicCollisionChecker(CostmapSubscriber &costmap_sub, std::string footprint_string,
                               std::string name = "collision_checker")
      : costmap_sub_(costmap_sub) {}
  ~CostmapTopicCollisionChecker() = default;
  double scorePose(const geometry_msgs::msg::Pose &pose, bool fetch_costmap_and_footprint = true) { return 0.0; }
  bool isCollisionFree(const geometry_msgs::msg::Pose &pose, bool fetch_costmap_and_footprint = true) { return true; }
  // Jazzy's (a Pose2D).
  double scorePose(const geometry_msgs::msg::Pose2D &pose, bool fetch_costmap_and_footprint = true) { return 0.0; }
  bool isCollisionFree(const geometry_msgs::msg::Pose2D &pose, bool fetch_costmap_and_footprint = true) { return true; }

protected:
  CostmapSubscriber &costmap_sub_;
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__COSTMAP_TOPIC_COLLISION_CHECKER_HPP_

// costmap_2d_ros.hpp: the costmap node (a lifecycle node named by its constructor, whose
// topics are its own: not described by the nav2 profile). Minimal: what holders of one call.
// jazzy (costmap_2d_ros.hpp:75-103): base nav2_util::LifecycleNode; (options), (name, use_sim_time =
//   false), (name, parent_namespace, local_namespace, use_sim_time);
// main (costmap_2d_ros.hpp:75-94): base nav2::LifecycleNode; (options), (name, parent_namespace =
//   "/", use_sim_time = false, options). Here the base is Rolling's and Jazzy's (name, use_sim_time)
//   has no default, so that Costmap2DROS("name") is Rolling's.
#ifndef NAV2_COSTMAP_2D__COSTMAP_2D_ROS_HPP_
#define NAV2_COSTMAP_2D__COSTMAP_2D_ROS_HPP_
namespace nav2_costmap_2d {
class LayeredCostmap;
class Costmap2DROS : public nav2::LifecycleNode {
public:
  using SharedPtr = std::shared_ptr<Costmap2DROS>;
  // Declared only: its node name is its own business, not its holder's.
  explicit Costmap2DROS(const rclcpp::NodeOptions &options = rclcpp::NodeOptions());
  explicit Costmap2DROS(const std::string &name, const std::string &parent_namespace = "/",
                        const bool &use_sim_time = false, const rclcpp::NodeOptions &options = rclcpp::NodeOptions());
  explicit Costmap2DROS(const std::string &name, const bool &use_sim_time);
  explicit Costmap2DROS(const std::string &name, const std::string &parent_namespace,
                        const std::string &local_namespace, const bool &use_sim_time);
  ~Costmap2DROS() {}
  void start() {}
  void stop() {}
  void pause() {}
  void resume() {}
  void updateMap() {}
  void resetLayers() {}
  bool isCurrent() { return true; }
  void waitUntilCurrent(const rclcpp::Duration &timeout) {}
  bool getRobotPose(geometry_msgs::msg::PoseStamped &global_pose) { return true; }
  bool transformPoseToGlobalFrame(const geometry_msgs::msg::PoseStamped &input_pose,
                                  geometry_msgs::msg::PoseStamped &transformed_pose) {
    return true;
  }
  std::string getName() const { return {}; }
  double getTransformTolerance() const { return 0.0; }
  Costmap2D *getCostmap() { return nullptr; }
  std::string getGlobalFrameID() { return {}; }
  std::string getBaseFrameID() { return {}; }
  LayeredCostmap *getLayeredCostmap() { return nullptr; }
  geometry_msgs::msg::Polygon getRobotFootprintPolygon() { return {}; }
  std::vector<geometry_msgs::msg::Point> getRobotFootprint() { return {}; }
  std::vector<geometry_msgs::msg::Point> getUnpaddedRobotFootprint() { return {}; }
  void getOrientedFootprint(std::vector<geometry_msgs::msg::Point> &oriented_footprint) {}
  void setRobotFootprint(const std::vector<geometry_msgs::msg::Point> &points) {}
  void setRobotFootprintPolygon(const geometry_msgs::msg::Polygon &footprint) {}
  std::shared_ptr<tf2_ros::Buffer> getTfBuffer() { return nullptr; }
  bool getUseRadius() { return false; }
  double getRobotRadius() { return 0.0; }
};
} // namespace nav2_costmap_2d
#endif // NAV2_COSTMAP_2D__COSTMAP_2D_ROS_HPP_
