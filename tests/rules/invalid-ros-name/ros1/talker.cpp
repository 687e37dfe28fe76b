#include <ros/ros.h>
#include <std_msgs/String.h>
#include <std_srvs/Empty.h>
int main(int argc, char **argv) {
  ros::init(argc, argv, "talker");
  ros::NodeHandle nh, pnh("~");
  ros::Publisher status = nh.advertise<std_msgs::String>("~status", 1); // throws: use pnh
  ros::Publisher ok = pnh.advertise<std_msgs::String>("health", 1);     // /talker/health
  ros::Publisher dash = nh.advertise<std_msgs::String>("cmd-vel", 1);   // '-' is not allowed
  ros::Publisher digit = nh.advertise<std_msgs::String>("/2d_pose", 1); // ROS 1 allows a digit after '/'
  ros::Publisher under = nh.advertise<std_msgs::String>("_debug", 1);   // but not '_' first
  std_msgs::String m;
  status.publish(m);
  ok.publish(m);
  dash.publish(m);
  digit.publish(m);
  under.publish(m);
  std_srvs::Empty reset;
  ros::service::call("~reset", reset); // ros::names::resolve: a private name, valid
}
