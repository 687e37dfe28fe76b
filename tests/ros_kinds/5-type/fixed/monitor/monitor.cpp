#include <ros/ros.h>
#include <std_msgs/Float32.h>
void onLevel(const std_msgs::Float32::ConstPtr &) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "monitor");
  ros::NodeHandle nh;
  ros::Subscriber sub = nh.subscribe("battery_level", 1, onLevel);
  ros::spin();
}
