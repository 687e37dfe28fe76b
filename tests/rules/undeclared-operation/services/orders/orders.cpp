#include <librdkafka/rdkafkacpp.h>

#include <memory>
#include <string>

namespace orders {

void publish(RdKafka::Producer *producer, const std::string &topic, std::string body) {
  producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, body.data(), body.size(),
                    nullptr, 0, 0, nullptr);
}

void placeOrder(RdKafka::Producer *producer) { publish(producer, "order.placed", "{}"); }

void run(RdKafka::KafkaConsumer *consumer, RdKafka::Producer *producer) {
  consumer->subscribe({"payment.settled"});
  while (true) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(1000));
    if (message->err() == RdKafka::ERR_NO_ERROR)
      publish(producer, "order.archived", "{}"); // the contract has no operation for it
  }
}

} // namespace orders
