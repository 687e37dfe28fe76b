#include <ros/ros.h>
#include <std_msgs/String.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "laser");
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<std_msgs::String>("base_scan", 1);
  pub.publish(std_msgs::String());
}
