#include <librdkafka/rdkafkacpp.h>

#include <memory>
#include <string>

namespace orders {

void placeOrder(RdKafka::Producer *producer, std::string body) {
  producer->produce("order.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, body.data(),
                    body.size(), nullptr, 0, 0, nullptr);
}

void run(RdKafka::KafkaConsumer *consumer) {
  consumer->subscribe({"payment.settled"}); // refund.issued, which the contract receives, is missing
  while (true) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(1000));
  }
}

} // namespace orders
