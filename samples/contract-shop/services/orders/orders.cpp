#include "shop/bus.h"

namespace orders {

void onPaymentSettled(const shop::Message &m) { shop::bus().publish("order.confirmed", m); }

void start() {
  shop::bus().subscribe("payment.settled", onPaymentSettled);
  shop::bus().publish("order.placed", shop::Message{});
  shop::bus().publish("order.archived", shop::Message{}); // not in the contract
}

} // namespace orders
