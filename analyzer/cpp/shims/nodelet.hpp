// eventscope's stand-in for ROS 1 nodelet (nodelet/nodelet.h): Debian ships roscpp but not
// nodelet. A nodelet's topics are made on the NodeHandles it gets from its base class:
// getNodeHandle() is the node's namespace, getPrivateNodeHandle() the node's own ("~").
#pragma once

#include <ros/ros.h>

#include <map>
#include <string>
#include <vector>

namespace nodelet {

typedef std::vector<std::string> V_string;
typedef std::map<std::string, std::string> M_string;

class Nodelet {
public:
  Nodelet() = default;
  virtual ~Nodelet() = default;
  void init(const std::string &name, const M_string &remapping_args, const V_string &my_argv,
            ros::CallbackQueueInterface *st_queue = nullptr, ros::CallbackQueueInterface *mt_queue = nullptr);

protected:
  virtual void onInit() = 0;
  const std::string &getName() const { return name_; }
  const std::string &getSuffixedName(const std::string &suffix) const { return name_; }
  const V_string &getMyArgv() const { return argv_; }
  const M_string &getRemappingArgs() const { return remaps_; }
  ros::NodeHandle &getNodeHandle() const { return *nh_; }
  ros::NodeHandle &getPrivateNodeHandle() const { return *nh_; }
  ros::NodeHandle &getMTNodeHandle() const { return *nh_; }
  ros::NodeHandle &getMTPrivateNodeHandle() const { return *nh_; }
  ros::CallbackQueueInterface &getSTCallbackQueue() const;
  ros::CallbackQueueInterface &getMTCallbackQueue() const;

private:
  std::string name_;
  V_string argv_;
  M_string remaps_;
  ros::NodeHandle *nh_ = nullptr;
};

typedef boost::shared_ptr<Nodelet> NodeletPtr;

} // namespace nodelet

// The NODELET_ logging macros, as ROS_ ones with the nodelet's name: nothing to analyse.
#define NODELET_DEBUG(...) ((void)0)
#define NODELET_INFO(...) ((void)0)
#define NODELET_WARN(...) ((void)0)
#define NODELET_ERROR(...) ((void)0)
#define NODELET_FATAL(...) ((void)0)
#define NODELET_DEBUG_STREAM(...) ((void)0)
#define NODELET_INFO_STREAM(...) ((void)0)
#define NODELET_WARN_STREAM(...) ((void)0)
#define NODELET_ERROR_STREAM(...) ((void)0)
#define NODELET_FATAL_STREAM(...) ((void)0)
#define NODELET_DEBUG_ONCE(...) ((void)0)
#define NODELET_INFO_ONCE(...) ((void)0)
#define NODELET_WARN_ONCE(...) ((void)0)
#define NODELET_ERROR_ONCE(...) ((void)0)
#define NODELET_DEBUG_THROTTLE(...) ((void)0)
#define NODELET_INFO_THROTTLE(...) ((void)0)
#define NODELET_WARN_THROTTLE(...) ((void)0)
#define NODELET_ERROR_THROTTLE(...) ((void)0)
#define NODELET_DEBUG_STREAM_THROTTLE(...) ((void)0)
#define NODELET_INFO_STREAM_THROTTLE(...) ((void)0)
#define NODELET_WARN_STREAM_THROTTLE(...) ((void)0)
#define NODELET_ERROR_STREAM_THROTTLE(...) ((void)0)
#define NODELET_DEBUG_COND(...) ((void)0)
#define NODELET_INFO_COND(...) ((void)0)
#define NODELET_WARN_COND(...) ((void)0)
#define NODELET_ERROR_COND(...) ((void)0)
#define NODELET_DEBUG_NAMED(...) ((void)0)
#define NODELET_INFO_NAMED(...) ((void)0)
#define NODELET_WARN_NAMED(...) ((void)0)
#define NODELET_ERROR_NAMED(...) ((void)0)
