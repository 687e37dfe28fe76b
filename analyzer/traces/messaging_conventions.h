// What a span says about messages, by the OpenTelemetry semantic conventions for messaging
// spans (https://opentelemetry.io/docs/specs/semconv/messaging/messaging-spans/), their
// previous names (1.0-1.25: `messaging.destination`, `messaging.operation`,
// `messaging.source.name`, `messaging.kafka.consumer_group`), OpenTracing's
// (`message_bus.destination`, `span.kind`) and Brave's Zipkin tags (`kafka.topic`,
// `rabbit.exchange`, `jms.queue`). Format-free: the readers hand over attributes as strings.
#pragma once

#include "model/observed.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

// A span as a trace format gives it, before classification.
struct RawSpan {
  SpanKey key;
  uint64_t parent = 0;
  std::vector<SpanKey> links;
  std::string service;
  std::string peerService; // `peer.service` or Zipkin's remoteEndpoint.serviceName
  // The span kind, lower case without prefix: "producer", "consumer", "client", "server",
  // "internal", or "" when not given.
  std::string kind;
  std::map<std::string, std::string> attributes; // scalar values as text
  SpanPlace place;
};

// Classifies `raw` and appends it to `spans`, counting it in `summary` (messaging, without
// messaging attributes, without destination, temporary destination, unknown attribute names).
void addSpan(RawSpan &raw, ObservedSpans &spans, TraceFileSummary &summary,
             std::map<std::string, uint64_t> &unknownAttributes);

// Parses a trace or span id as trace formats write them: hex of any length up to 32 digits
// (Jaeger drops leading zeros), or base64 of 8 or 16 bytes (older protobuf-JSON exports);
// any other text (test fixtures' "span-1", redacted "xxxxx") is hashed, so equal texts stay
// equal ids. Returns false only for an empty text.
bool parseTraceId(const std::string &text, uint64_t &hi, uint64_t &lo);

// Whether any reader or convention looks at an attribute of this name: messaging-like names
// (`messaging.*`, `kafka.*`, ...; also those no convention defines, to be named), and
// `service.name`, `span.kind`, `peer.service`. The others are dropped unread.
bool attributeMatters(const std::string &name);

// The span kind as "producer", "consumer", ...: from OTLP's number (1-5) or name
// ("SPAN_KIND_PRODUCER"), Jaeger's `span.kind` tag or Zipkin's "PRODUCER".
std::string spanKindName(const std::string &text);

} // namespace eventscope
