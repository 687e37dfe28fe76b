#include <librdkafka/rdkafkacpp.h>
#include <sqlite3.h>

#include <string>

namespace orders {

void send(RdKafka::Producer *producer, const char *topic, std::string body) {
  producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, body.data(), body.size(),
                    nullptr, 0, 0, nullptr);
}

void placeOrder(sqlite3 *db, RdKafka::Producer *producer) {
  sqlite3_exec(db, "INSERT INTO orders (id, state) VALUES (42, 'placed')", nullptr, nullptr, nullptr);
  send(producer, "order.placed", "{\"id\": 42}");
}

// The outbox relay: the row was written with the order's own transaction; the write here
// is to the outbox table, so it is left alone.
void relayCancellation(sqlite3 *db, RdKafka::Producer *producer) {
  send(producer, "order.cancelled", "{\"id\": 42}");
  sqlite3_exec(db, "DELETE FROM outbox WHERE id = 7", nullptr, nullptr, nullptr);
}

} // namespace orders
