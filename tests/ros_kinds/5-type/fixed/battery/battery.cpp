#include <ros/ros.h>
#include <std_msgs/Float32.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "battery");
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<std_msgs::Float32>("battery_level", 1);
  pub.publish(std_msgs::Float32());
}
