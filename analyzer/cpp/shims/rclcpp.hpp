// eventscope's stand-in for <rclcpp/rclcpp.hpp>, used only when the real ROS 2 headers are
// not on the include path: just enough declarations for the rclcpp profile's calls to
// survive in the AST with their arguments (without them, `this->create_publisher<T>(...)`
// in a class with an unknown base disappears entirely).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rclcpp {

struct QoS {
  QoS() = default;
  template <class... A> QoS(A &&...) {}
  QoS &reliable() { return *this; }
  QoS &best_effort() { return *this; }
  QoS &transient_local() { return *this; }
  QoS &durability_volatile() { return *this; }
  QoS &keep_last(size_t) { return *this; }
  QoS &keep_all() { return *this; }
};
struct KeepLast { explicit KeepLast(size_t) {} };
struct KeepAll {};
struct SensorDataQoS : QoS {};
struct SystemDefaultsQoS : QoS {};
struct ServicesQoS : QoS {};
struct NodeOptions {
  template <class... A> NodeOptions &use_intra_process_comms(A &&...) { return *this; }
};
struct Logger {};
struct Clock { using SharedPtr = std::shared_ptr<Clock>; };
struct Time {};
struct Duration { template <class... A> Duration(A &&...) {} };
struct PublisherOptions {};
struct SubscriptionOptions {};
struct CallbackGroup { using SharedPtr = std::shared_ptr<CallbackGroup>; };
struct Executor { template <class... A> void add_node(A &&...) {} void spin() {} };
namespace executors {
struct SingleThreadedExecutor : Executor {};
struct MultiThreadedExecutor : Executor {};
} // namespace executors

struct TimerBase {
  using SharedPtr = std::shared_ptr<TimerBase>;
  void cancel() {}
};
template <class F> struct WallTimer : TimerBase {};

template <class T> struct LoanedMessage { T &get(); };

template <class MessageT, class AllocatorT = std::allocator<void>> class Publisher {
public:
  using SharedPtr = std::shared_ptr<Publisher>;
  template <class M> void publish(M &&message);
  LoanedMessage<MessageT> borrow_loaned_message();
  bool can_loan_messages() const;
  size_t get_subscription_count() const;
};
template <class MessageT, class AllocatorT = std::allocator<void>> class Subscription {
public:
  using SharedPtr = std::shared_ptr<Subscription>;
};
template <class ServiceT> class Service {
public:
  using SharedPtr = std::shared_ptr<Service>;
};
template <class ServiceT> class Client {
public:
  using SharedPtr = std::shared_ptr<Client>;
  template <class R, class... A> auto async_send_request(R &&request, A &&...) -> std::shared_ptr<void>;
  template <class D> bool wait_for_service(D) const;
  bool service_is_ready() const;
};

class Node : public std::enable_shared_from_this<Node> {
public:
  using SharedPtr = std::shared_ptr<Node>;
  explicit Node(const std::string &name, const NodeOptions &options = NodeOptions());
  Node(const std::string &name, const std::string &ns, const NodeOptions &options = NodeOptions());
  virtual ~Node();

  template <class MessageT, class... A>
  typename Publisher<MessageT>::SharedPtr create_publisher(const std::string &topic, A &&...qos_and_options);
  template <class MessageT, class CallbackT, class... A>
  typename Subscription<MessageT>::SharedPtr create_subscription(const std::string &topic, const QoS &qos,
                                                                CallbackT &&callback, A &&...options);
  template <class ServiceT, class CallbackT, class... A>
  typename Service<ServiceT>::SharedPtr create_service(const std::string &name, CallbackT &&callback, A &&...);
  template <class ServiceT, class... A>
  typename Client<ServiceT>::SharedPtr create_client(const std::string &name, A &&...);
  template <class D, class CallbackT, class... A>
  TimerBase::SharedPtr create_wall_timer(D period, CallbackT callback, A &&...);
  template <class T> T declare_parameter(const std::string &name, const T &value);
  template <class T> bool get_parameter(const std::string &name, T &value) const;
  Logger get_logger() const;
  Clock::SharedPtr get_clock();
  Time now() const;
  std::string get_name() const;
};

template <class MessageT, class NodeT, class... A>
typename Publisher<MessageT>::SharedPtr create_publisher(NodeT &&node, const std::string &topic, A &&...);
template <class MessageT, class NodeT, class CallbackT, class... A>
typename Subscription<MessageT>::SharedPtr create_subscription(NodeT &&node, const std::string &topic, const QoS &qos,
                                                              CallbackT &&callback, A &&...);

enum class FutureReturnCode { SUCCESS, INTERRUPTED, TIMEOUT };
template <class... A> FutureReturnCode spin_until_future_complete(A &&...);
template <class... A> void init(A &&...);
template <class... A> void spin(A &&...);
template <class... A> void spin_some(A &&...);
bool ok();
void shutdown();
Logger get_logger(const std::string &name);
namespace contexts { struct DefaultContext {}; }
template <class T> using SharedPtr = std::shared_ptr<T>;
} // namespace rclcpp

namespace rclcpp_components { template <class T> struct NodeFactoryTemplate {}; }

#define RCLCPP_INFO(...) ((void)0)
#define RCLCPP_WARN(...) ((void)0)
#define RCLCPP_ERROR(...) ((void)0)
#define RCLCPP_DEBUG(...) ((void)0)
#define RCLCPP_FATAL(...) ((void)0)
#define RCLCPP_INFO_STREAM(...) ((void)0)
#define RCLCPP_WARN_STREAM(...) ((void)0)
#define RCLCPP_ERROR_STREAM(...) ((void)0)
#define RCLCPP_INFO_ONCE(...) ((void)0)
#define RCLCPP_INFO_THROTTLE(...) ((void)0)
#define RCLCPP_SMART_PTR_DEFINITIONS(...)
#define RCLCPP_COMPONENTS_REGISTER_NODE(...)
