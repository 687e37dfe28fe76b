#include "shop/bus.h"

namespace orders {
void placeOrder() { shop::bus().publish("order.placed", shop::Message{"{}"}); }
} // namespace orders
