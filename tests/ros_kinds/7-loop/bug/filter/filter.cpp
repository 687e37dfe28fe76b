#include <ros/ros.h>
#include <std_msgs/String.h>
ros::Publisher out;
void onPose(const std_msgs::String::ConstPtr &msg) { out.publish(*msg); }
int main(int argc, char **argv) {
  ros::init(argc, argv, "filter");
  ros::NodeHandle nh;
  out = nh.advertise<std_msgs::String>("pose", 1);
  ros::Subscriber sub = nh.subscribe("pose", 1, onPose);
  ros::spin();
}
