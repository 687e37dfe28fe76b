#include <ros/ros.h>
#include <std_msgs/Float64.h>
#include <std_msgs/String.h>

void onLevel(const std_msgs::Float64::ConstPtr &level) { ROS_INFO("battery at %f", level->data); }
void onStatus(const std_msgs::String::ConstPtr &status) { ROS_INFO("battery %s", status->data.c_str()); } // same type: fine

int main(int argc, char **argv) {
  ros::init(argc, argv, "monitor");
  ros::NodeHandle nh;
  ros::Subscriber level = nh.subscribe("battery/level", 10, onLevel);
  ros::Subscriber status = nh.subscribe("battery/status", 10, onStatus);
  ros::spin();
}
