#include "shop/bus.h"

#include <cstdlib>

namespace mailer {

void sendMail(const shop::Message &) {}

void start() {
  shop::bus().subscribe("order.canceled", sendMail); // a typo: orders publishes order.cancelled
  shop::bus().subscribe("user.deleted", sendMail);   // nothing publishes this
  // eventscope-ignore: unresolved-channel the extra topic is chosen per deployment
  shop::bus().subscribe(std::getenv("EXTRA_TOPIC"), sendMail);
}

} // namespace mailer
