// ledger: books every settlement.
#include <mosquitto.h>

#include <cstdio>

namespace ledger {

void book(mosquitto *, void *, const mosquitto_message *message) {
  std::printf("booking %.*s\n", message->payloadlen, static_cast<const char *>(message->payload));
}

} // namespace ledger

int main() {
  mosquitto_lib_init();
  mosquitto *client = mosquitto_new("ledger", true, nullptr);
  mosquitto_message_callback_set(client, ledger::book);
  mosquitto_connect(client, "localhost", 1883, 60);
  mosquitto_subscribe(client, nullptr, "shop/payments/settled", 1);
  mosquitto_loop_forever(client, -1, 1);
  mosquitto_destroy(client);
  mosquitto_lib_cleanup();
}
