#include <ros/ros.h>
#include <std_msgs/Float32.h>
#include <std_msgs/String.h>

int main(int argc, char **argv) {
  ros::init(argc, argv, "battery");
  ros::NodeHandle nh;
  ros::Publisher level = nh.advertise<std_msgs::Float32>("battery/level", 10);
  ros::Publisher status = nh.advertise<std_msgs::String>("battery/status", 10);
  ros::Rate rate(1);
  while (ros::ok()) {
    std_msgs::Float32 l;
    l.data = 0.8f;
    level.publish(l);
    std_msgs::String s;
    s.data = "charging";
    status.publish(s);
    rate.sleep();
  }
}
