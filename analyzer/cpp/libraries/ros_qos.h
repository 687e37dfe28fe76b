// ROS 2 QoS as rclcpp code writes it: `rclcpp::SensorDataQoS()`, `rclcpp::QoS(10)`,
// `rclcpp::QoS(rclcpp::KeepLast(1)).reliable().transient_local()`, `.reliability(
// rclcpp::ReliabilityPolicy::BestEffort)`, `rclcpp::QoS(rclcpp::QoSInitialization::from_rmw(
// rmw_qos_profile_sensor_data), rmw_qos_profile_sensor_data)`, a depth alone (`10`), and a
// local variable set up that way before the call. The profiles' policies are rclcpp's
// (rclcpp/qos.hpp) and rmw's (rmw/qos_profiles.h); SystemDefaultsQoS and BestAvailableQoS
// leave the policies to the middleware, and are unknown here.
#pragma once

#include "model/ros_names.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

namespace eventscope {

// Whether an argument of this type may carry a QoS: rclcpp::QoS (or a class derived from
// it), rmw_qos_profile_t, or an integer (a depth, which rclcpp::QoS is built from).
bool mayCarryQos(clang::QualType type);

// The policies `e` gives. `body` is the function the expression is in (a local QoS set up
// by calls before `e`), or null. Unknown policies stay empty.
QosPolicies rosQosOf(const clang::Expr *e, const clang::Stmt *body, clang::ASTContext &context);

} // namespace eventscope
