// orders: every order taken is announced on shop/orders/placed.
#include <mosquitto.h>

#include <string>

namespace orders {

void placeOrder(mosquitto *client, const std::string &order) {
  mosquitto_publish(client, nullptr, "shop/orders/placed", static_cast<int>(order.size()), order.data(), 1, false);
}

} // namespace orders

int main() {
  mosquitto_lib_init();
  mosquitto *client = mosquitto_new("orders", true, nullptr);
  mosquitto_connect(client, "localhost", 1883, 60);
  orders::placeOrder(client, R"({"orderId": "o-1", "amount": 12})");
  mosquitto_loop_forever(client, -1, 1);
  mosquitto_destroy(client);
  mosquitto_lib_cleanup();
}
