#include "shop/bus.h"

namespace billing {
static void invoice(const shop::Message &order) { shop::bus().publish("invoice.created", order); }
void start() { shop::bus().subscribe("order.placed", invoice); }
} // namespace billing
