#include <ros/ros.h>
#include <std_msgs/String.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "localizer");
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<std_msgs::String>("pose", 1);
  pub.publish(std_msgs::String());
}
