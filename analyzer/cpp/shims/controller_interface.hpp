// eventscope's stand-in for ros2_control's controller_interface (controller_interface.hpp,
// controller_interface_base.hpp, chainable_controller_interface.hpp) and the hardware
// interface handles a controller holds, served for any controller_interface/ header when the
// real one is not on the include path. A controller is a lifecycle node the controller
// manager makes and names (from its parameters file): `get_node()` is that node, so
// `get_node()->create_subscription(...)` is made on it and `get_node()->get_name()` is the
// controller's name, known where it is loaded.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <rclcpp/rclcpp.hpp>
#include <rclcpp_lifecycle/rclcpp_lifecycle.hpp>

namespace hardware_interface {
class LoanedCommandInterface {
public:
  template <class... A> LoanedCommandInterface(A &&...) {}
  bool set_value(double value);
  template <class T> bool set_value(const T &value);
  double get_value() const;
  template <class T = double> std::optional<T> get_optional() const;
  std::string get_name() const;
  std::string get_interface_name() const;
  std::string get_prefix_name() const;
};
class LoanedStateInterface {
public:
  template <class... A> LoanedStateInterface(A &&...) {}
  double get_value() const;
  template <class T = double> std::optional<T> get_optional() const;
  std::string get_name() const;
  std::string get_interface_name() const;
  std::string get_prefix_name() const;
};
} // namespace hardware_interface

namespace controller_interface {

enum class return_type : std::uint8_t { OK = 0, ERROR = 1 };
enum class interface_configuration_type : std::uint8_t { ALL = 0, INDIVIDUAL = 1, NONE = 2 };
struct InterfaceConfiguration {
  interface_configuration_type type;
  std::vector<std::string> names = {};
};
using CallbackReturn = rclcpp_lifecycle::node_interfaces::LifecycleNodeInterface::CallbackReturn;

class ControllerInterfaceBase : public rclcpp_lifecycle::node_interfaces::LifecycleNodeInterface {
public:
  ControllerInterfaceBase() = default;
  virtual ~ControllerInterfaceBase() = default;
  virtual InterfaceConfiguration command_interface_configuration() const = 0;
  virtual InterfaceConfiguration state_interface_configuration() const = 0;
  virtual CallbackReturn on_init() = 0;
  virtual return_type update(const rclcpp::Time &time, const rclcpp::Duration &period) = 0;
  std::shared_ptr<rclcpp_lifecycle::LifecycleNode> get_node();
  std::shared_ptr<const rclcpp_lifecycle::LifecycleNode> get_node() const;
  const rclcpp_lifecycle::State &get_lifecycle_state() const;
  unsigned int get_update_rate() const;
  bool is_async() const;
  const std::string &get_robot_description() const;
  template <class ParameterT> ParameterT auto_declare(const std::string &name, const ParameterT &default_value) {
    return default_value;
  }
  void release_interfaces();

protected:
  std::vector<hardware_interface::LoanedCommandInterface> command_interfaces_;
  std::vector<hardware_interface::LoanedStateInterface> state_interfaces_;
};

class ControllerInterface : public ControllerInterfaceBase {
public:
  ControllerInterface() = default;
  bool is_chainable() const { return false; }
};

class ChainableControllerInterface : public ControllerInterfaceBase {
public:
  ChainableControllerInterface() = default;
  bool is_chainable() const { return true; }
  bool is_in_chained_mode() const;

protected:
  std::vector<double> reference_interfaces_;
  std::vector<double> state_interfaces_values_;
};

} // namespace controller_interface
