#include "shop/bus.h"
#include "shop/topics.h"

namespace orders {

// A wrapper: the topic is forwarded, so each call site is an endpoint of its own.
static void notify(const std::string &topic, const std::string &body) { shop::bus().publish(topic, shop::Message{body}); }

class OrderService {
public:
  void start() {
    shop::bus().subscribe("payment.settled", [this](const shop::Message &m) { onPaymentSettled(m); });
  }
  void placeOrder() { notify(shop::topics::kOrderPlaced, "{}"); }
  void cancel() { notify(shop::topics::kPrefix + "cancelled", "{}"); }

private:
  void onPaymentSettled(const shop::Message &m) { confirm(m.body); }
  void confirm(const std::string &body) { notify(std::string(shop::topics::kOrderConfirmed), body); }
};

} // namespace orders
