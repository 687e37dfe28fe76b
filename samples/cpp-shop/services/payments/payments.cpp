// Payments runs on Kafka through librdkafka's C++ API (the real Debian header).
#include <librdkafka/rdkafkacpp.h>

#include <memory>
#include <string>
#include <vector>

namespace payments {

const std::string kSettledTopic = "payment.settled";

static void settle(RdKafka::Producer *producer, RdKafka::Message *request) {
  producer->produce(kSettledTopic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    request->payload(), request->len(), nullptr, 0, 0, nullptr);
}

void run(RdKafka::KafkaConsumer *consumer, RdKafka::Producer *producer) {
  std::vector<std::string> topics = {"order.placed"};
  consumer->subscribe(topics);
  while (true) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(1000));
    if (message->err() == RdKafka::ERR_NO_ERROR)
      settle(producer, message.get());
  }
}

} // namespace payments
