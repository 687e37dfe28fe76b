#include <ros/ros.h>
#include <std_msgs/String.h>
void onPose(const std_msgs::String::ConstPtr &) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "planner");
  ros::NodeHandle nh;
  ros::Subscriber sub = nh.subscribe("pose_filtered", 1, onPose);
  ros::spin();
}
