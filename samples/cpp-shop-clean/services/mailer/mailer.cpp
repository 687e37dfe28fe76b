#include "shop/bus.h"

namespace mailer {
void start() {
  shop::bus().subscribe("invoice.created", [](const shop::Message &) { /* send the invoice */ });
}
} // namespace mailer
