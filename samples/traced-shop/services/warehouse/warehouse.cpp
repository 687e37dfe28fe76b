// warehouse: reserves the items of each placed order.
#include <mosquitto.h>

#include <cstdio>

namespace warehouse {

void reserve(mosquitto *, void *, const mosquitto_message *message) {
  std::printf("reserving for %.*s\n", message->payloadlen, static_cast<const char *>(message->payload));
}

} // namespace warehouse

int main() {
  mosquitto_lib_init();
  mosquitto *client = mosquitto_new("warehouse", true, nullptr);
  mosquitto_message_callback_set(client, warehouse::reserve);
  mosquitto_connect(client, "localhost", 1883, 60);
  mosquitto_subscribe(client, nullptr, "shop/orders/placed", 1);
  mosquitto_loop_forever(client, -1, 1);
  mosquitto_destroy(client);
  mosquitto_lib_cleanup();
}
