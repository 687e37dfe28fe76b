#include "shop/bus.h"

namespace warehouse {

struct Scheduler {
  void operator()(const shop::Message &m) const { shop::bus().publish("shipment.scheduled", m); }
};

void start() { shop::bus().subscribe("order.confirmed", Scheduler{}); }

} // namespace warehouse
