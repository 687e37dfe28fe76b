#include <ros/ros.h>
#include <std_msgs/String.h>
void onScan(const std_msgs::String::ConstPtr &) {}
int main(int argc, char **argv) {
  ros::init(argc, argv, "mapper");
  ros::NodeHandle nh;
  ros::Subscriber sub = nh.subscribe("scan", 1, onScan);
  ros::spin();
}
