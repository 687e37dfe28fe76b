#include <librdkafka/rdkafkacpp.h>

#include <cstdlib>
#include <string>

namespace audit {

constexpr const char *kLoginTopic = "user.logged_in"; // a constant: resolved

void record(RdKafka::Producer *producer, std::string body) {
  producer->produce(kLoginTopic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, body.data(),
                    body.size(), nullptr, 0, 0, nullptr);
  producer->produce(std::getenv("AUDIT_TOPIC"), RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    body.data(), body.size(), nullptr, 0, 0, nullptr);
}

} // namespace audit
