#include "analyzer/traces/messaging_conventions.h"

#include <llvm/Support/Base64.h>
#include <llvm/Support/Error.h>

#include <algorithm>
#include <cctype>

namespace eventscope {
namespace {

const std::string *attribute(const RawSpan &span, std::initializer_list<const char *> names) {
  for (const char *name : names) {
    auto it = span.attributes.find(name);
    if (it != span.attributes.end() && !it->second.empty())
      return &it->second;
  }
  return nullptr;
}

bool isTrue(const std::string *value) { return value && (*value == "true" || *value == "1"); }

// Messaging attribute names of the conventions read here, and the namespaces whose names are
// system-specific (`messaging.kafka.message.key`): a name outside both looks like messaging
// to a person but is read by no convention, and the file's summary names it.
bool isKnownMessagingAttribute(const std::string &name) {
  static const char *const known[] = {
      "messaging.system", "messaging.operation", "messaging.operation.type", "messaging.operation.name",
      "messaging.destination", "messaging.destination_kind", "messaging.temp_destination", "messaging.url",
      "messaging.protocol", "messaging.protocol_version", "messaging.message_id", "messaging.conversation_id",
      "messaging.message_payload_size_bytes", "messaging.message_payload_compressed_size_bytes",
      "messaging.consumer_id", "messaging.client_id", "messaging.client.id", "messaging.batch.message_count",
      "message_bus.destination", "kafka.topic", "kafka.key", "kafka.partition", "kafka.offset",
      "kafka.group", "kafka.consumer.group", "rabbit.exchange", "rabbit.routing_key", "rabbit.queue",
      "jms.queue", "jms.topic", "sqs.queue_url"};
  static const char *const namespaces[] = {
      "messaging.destination.", "messaging.source.", "messaging.message.", "messaging.consumer.",
      "messaging.batch.", "messaging.kafka.", "messaging.rabbitmq.", "messaging.rocketmq.",
      "messaging.gcp_pubsub.", "messaging.servicebus.", "messaging.eventhubs.", "messaging.aws.",
      "messaging.sns.", "messaging.sqs.", "messaging.jms.", "messaging.nats.", "messaging.mqtt.",
      "messaging.redis.", "messaging.pulsar.", "messaging.activemq."};
  for (const char *k : known)
    if (name == k)
      return true;
  for (const char *prefix : namespaces)
    if (name.rfind(prefix, 0) == 0)
      return true;
  return false;
}

bool looksLikeMessaging(const std::string &name) {
  for (const char *prefix : {"messaging.", "message_bus.", "kafka.", "rabbit.", "rabbitmq.", "jms.", "mqtt.", "nats.",
                             "amqp.", "sqs.", "pubsub."})
    if (name.rfind(prefix, 0) == 0)
      return true;
  return false;
}

} // namespace

bool attributeMatters(const std::string &name) {
  return looksLikeMessaging(name) || name == "service.name" || name == "span.kind" || name == "peer.service";
}

bool parseTraceId(const std::string &text, uint64_t &hi, uint64_t &lo) {
  hi = lo = 0;
  if (text.empty())
    return false;
  bool hex = text.size() <= 32 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c); });
  if (hex) {
    size_t split = text.size() > 16 ? text.size() - 16 : 0;
    hi = split ? std::stoull(text.substr(0, split), nullptr, 16) : 0;
    lo = std::stoull(text.substr(split), nullptr, 16);
    return true;
  }
  std::vector<char> bytes;
  if (llvm::Error error = llvm::decodeBase64(text, bytes))
    llvm::consumeError(std::move(error));
  else if (bytes.size() == 8 || bytes.size() == 16) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      uint64_t &word = bytes.size() == 16 && i < 8 ? hi : lo;
      word = word << 8 | static_cast<unsigned char>(bytes[i]);
    }
    return true;
  }
  // Neither: an id a tool wrote by hand or redacted ("span-1", "xxxxx"). Equal texts are
  // equal ids, so parents and links between such spans still hold (FNV-1a, 64 bits).
  lo = 0xcbf29ce484222325ULL;
  for (unsigned char c : text)
    lo = (lo ^ c) * 0x100000001b3ULL;
  return true;
}

std::string spanKindName(const std::string &text) {
  static const char *const byNumber[] = {"", "internal", "server", "client", "producer", "consumer"};
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '5')
    return byNumber[text[0] - '0'];
  std::string kind = text;
  if (kind.rfind("SPAN_KIND_", 0) == 0)
    kind = kind.substr(10);
  std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return std::tolower(c); });
  if (kind == "unspecified")
    return "";
  return kind;
}

void addSpan(RawSpan &raw, ObservedSpans &spans, TraceFileSummary &summary,
             std::map<std::string, uint64_t> &unknownAttributes) {
  ++summary.spans;
  TraceSpan span;
  span.key = raw.key;
  span.parent = raw.parent;
  span.links = std::move(raw.links);
  span.place = raw.place;
  span.service = spans.intern(raw.service.empty() ? "unknown_service" : raw.service);

  bool messagingLike = false;
  for (const auto &[name, value] : raw.attributes)
    if (looksLikeMessaging(name)) {
      messagingLike = true;
      if (!isKnownMessagingAttribute(name))
        ++unknownAttributes[name];
    }

  // The role: the operation names it; a span that names none is read by its kind.
  const std::string *operation = attribute(raw, {"messaging.operation.type", "messaging.operation"});
  SpanRole role = SpanRole::None;
  bool process = false;
  if (operation) {
    const std::string &op = *operation;
    if (op == "send" || op == "publish" || op == "create")
      role = SpanRole::Produce;
    else if (op == "receive" || op == "process" || op == "deliver") {
      role = SpanRole::Consume;
      process = op != "receive";
    }
  } else if (raw.kind == "producer") {
    role = SpanRole::Produce;
  } else if (raw.kind == "consumer") {
    role = SpanRole::Consume;
    process = true;
  }
  // The destination: its template stands for the many names it covers (`orders.{id}`);
  // a consumer of 1.17-1.20 names it `messaging.source.*`.
  const std::string *destination = attribute(
      raw, {"messaging.destination.template", "messaging.destination.name", "messaging.source.template",
            "messaging.source.name", "messaging.destination", "message_bus.destination", "kafka.topic", "jms.queue",
            "jms.topic", "rabbit.queue", "rabbit.exchange", "rabbit.routing_key",
            // RabbitMQ's default exchange has the empty name (semantic conventions,
            // RabbitMQ): it delivers to the queue the routing key names.
            "messaging.rabbitmq.destination.routing_key", "messaging.rabbitmq.routing_key"});
  const std::string *system = attribute(raw, {"messaging.system"});
  if (!destination && !system && role == SpanRole::None) {
    ++(messagingLike ? summary.withoutDestination : summary.withoutMessaging);
    spans.spans.push_back(std::move(span));
    return;
  }
  if (!destination) {
    // Kept with its role: a consumer under it still had its context carried to it.
    ++summary.withoutDestination;
    if (role != SpanRole::None)
      ++summary.withoutDestinationBy[raw.service + (role == SpanRole::Produce ? " (produce)" : " (consume)")];
    span.role = role;
    spans.spans.push_back(std::move(span));
    return;
  }
  if (isTrue(attribute(raw, {"messaging.destination.temporary", "messaging.destination.anonymous",
                             "messaging.temp_destination", "messaging.source.temporary"}))) {
    ++summary.temporary; // a reply queue's generated name is no channel of the design
    spans.spans.push_back(std::move(span));
    return;
  }
  if (role == SpanRole::None) {
    ++summary.withoutMessaging; // settling, a broker's admin call: no message flows
    spans.spans.push_back(std::move(span));
    return;
  }
  ++summary.messagingSpans;
  span.role = role;
  span.process = process;
  span.channel = spans.intern(*destination);
  if (system)
    span.system = spans.intern(*system);
  else if (!raw.peerService.empty())
    span.system = spans.intern(raw.peerService);
  if (const std::string *group = attribute(raw, {"messaging.consumer.group.name", "messaging.kafka.consumer.group",
                                                 "messaging.kafka.consumer_group", "kafka.group",
                                                 "kafka.consumer.group"}))
    span.group = spans.intern(*group);
  if (const std::string *count = attribute(raw, {"messaging.batch.message_count"})) {
    char *end = nullptr;
    unsigned long long n = std::strtoull(count->c_str(), &end, 10);
    if (end && *end == '\0' && n > 0 && n < UINT32_MAX)
      span.messages = static_cast<uint32_t>(n);
  }
  spans.spans.push_back(std::move(span));
}

} // namespace eventscope
