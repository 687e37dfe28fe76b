// The graph as it runs: who produced and who consumed which channel in recorded traces,
// read from OpenTelemetry, Jaeger or Zipkin files (analyzer/traces) by the OpenTelemetry
// messaging semantic conventions. Plain data; rules hold it against the static graph.
#pragma once

#include "model/event_graph.h"
#include "model/location.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace eventscope {

// A span's identity: its trace (128 bits; Zipkin's 64-bit trace ids have traceHi 0) and
// its span id (64 bits). Ids of zero are "none" (W3C Trace Context: all-zero ids are invalid).
struct SpanKey {
  uint64_t traceHi = 0, traceLo = 0, span = 0;
  friend bool operator==(const SpanKey &, const SpanKey &) = default;
};

// What a span does with messages, from `messaging.operation.type` (semantic conventions
// 1.26 on: create/send -> Produce, receive/process -> Consume, settle -> neither), the
// older `messaging.operation` (publish, receive, process, deliver), else the span kind
// (PRODUCER, CONSUMER).
enum class SpanRole : uint8_t { None, Produce, Consume };

// Where a span is in its trace file, kept small because a million are held: the file (an
// index into ObservedSpans::files), the line for a JSON-lines file (0 for one document), and
// the JSON pointer of the span inside its document, as a pattern of ObservedSpans::shapes
// whose `%` are the three indices in order (`/resourceSpans/%/scopeSpans/%/spans/%`).
struct SpanPlace {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t index[3] = {0, 0, 0};
  uint16_t shape = 0;
};

// One span, reduced to what the observed graph needs. Strings are indices into
// ObservedSpans::names (kNoName: none).
struct TraceSpan {
  static constexpr uint32_t kNoName = UINT32_MAX;
  SpanKey key;
  uint64_t parent = 0;        // the parent span's id, in the same trace; 0 for a root span
  std::vector<SpanKey> links; // span links (OTLP `links`, Jaeger references to other spans)
  uint32_t service = kNoName; // `service.name`, Jaeger's process, Zipkin's localEndpoint
  uint32_t channel = kNoName; // a messaging span's destination (its template when given)
  uint32_t group = kNoName;   // a consumer's group (`messaging.consumer.group.name`, ...)
  uint32_t system = kNoName;  // `messaging.system`
  SpanRole role = SpanRole::None;
  bool process = false;       // a consumer span that processes (not only receives) messages
  uint32_t messages = 1;      // `messaging.batch.message_count`, else 1
  SpanPlace place;
};

// What one trace file held, for the run's summary and for messages.
struct TraceFileSummary {
  std::string file;   // as the user named it
  std::string format; // "OTLP/JSON", "OTLP/JSON lines", "Jaeger JSON", "Zipkin v2 JSON"
  uint64_t spans = 0;
  uint64_t messagingSpans = 0;
  uint64_t withoutMessaging = 0;   // spans with no messaging attributes: counted and skipped
  uint64_t withoutDestination = 0; // PRODUCER/CONSUMER spans (or messaging ones) naming no destination
  std::map<std::string, uint64_t> withoutDestinationBy; // ... by "service (produce)" / "service (consume)"
  uint64_t temporary = 0;          // spans on a temporary or anonymous destination (reply queues)
  uint64_t unreadable = 0;         // spans whose trace or span id is missing or not hex or base64
  // Attribute names that look like messaging (`messaging.*`, `kafka.*`, ...) but that the
  // conventions eventscope reads do not define, with how many spans carried each.
  std::vector<std::pair<std::string, uint64_t>> unknownAttributes;
  std::vector<std::string> warnings; // what else was not read, said of the file
};

// Every span read from the trace files: what analyzer/traces fills, and observe() reads.
struct ObservedSpans {
  std::vector<TraceSpan> spans;
  std::vector<std::string> names;  // interned strings
  std::vector<std::string> shapes; // pointer patterns of SpanPlace
  std::vector<TraceFileSummary> files;

  uint32_t intern(const std::string &name);
  uint16_t shape(const std::string &pattern);
  // The trace file and JSON pointer of a span (`line` set for a JSON-lines file).
  Location locate(const SpanPlace &place) const;

private:
  std::unordered_map<std::string, uint32_t> index_;
};

// An example of what was observed, to find it in the trace file and the tracing UI.
struct TraceExample {
  Location at;        // the trace file and the span's JSON pointer
  std::string traceId; // lower-case hex, 32 digits (16 for a 64-bit Zipkin trace)
  std::string spanId;  // lower-case hex, 16 digits
};

// One service producing or consuming one channel in the traces.
struct ObservedEndpoint {
  std::string service;
  std::string channel;
  Role role = Role::Produce;
  std::string group;  // a consumer's group, when the spans name one
  std::string system; // `messaging.system`, when given
  uint64_t spans = 0;
  // Messages: a producer's sent messages (batch counts included); a consumer's processed
  // messages (its `process` spans, or its `receive` spans when it records no processing).
  uint64_t messages = 0;
  // A consumer's spans by their trace context: reaching a producer span in the traces,
  // reaching a span the traces do not hold (a producer outside them), or reaching neither
  // (no parent or link leads to a producer: the context was not propagated).
  uint64_t linkedSpans = 0, unknownSpans = 0, brokenSpans = 0;
  TraceExample example;       // its first span in file order
  TraceExample brokenExample; // its first span with broken context, when any
};

// Inside one service, processing a message of `from` led to producing on another channel `to`:
// a producer span whose ancestors in the same service, through parents, include a consumer
// span of `from`, or that links to consumer spans of `from` in its service (a batch handler).
struct ObservedTrigger {
  std::string service;
  std::string from;
  std::string to;
  uint64_t count = 0;   // producer spans that show it
  TraceExample example; // the first such producer span in file order
};

// The messages produced on a channel, and how many of them one consumer (service and group)
// has a consumer span for, counted through parents and span links to the producer spans, so
// a message whose producer span was not sampled counts in neither number.
struct ObservedDelivery {
  std::string channel;
  std::string service;
  std::string group;
  uint64_t produced = 0;
  uint64_t reached = 0;
  TraceExample example; // the consumer's first linked span on the channel
  TraceExample missed;  // the first producer span whose message it has no span for (empty: none)
};

struct ObservedGraph {
  bool given = false; // traces were read (the trace rules stay silent otherwise)
  std::vector<TraceFileSummary> files;
  std::vector<ObservedEndpoint> endpoints;   // sorted by channel, role, service, group
  std::vector<ObservedTrigger> triggers;     // sorted by service, from, to
  std::vector<ObservedDelivery> deliveries;  // sorted by channel, service, group
  uint64_t spans = 0, messagingSpans = 0;

  // The observed services, sorted.
  std::vector<std::string> services() const;
};

// Builds the observed graph from the spans. Endpoints of one channel are those with the same
// address; a consumer span reaches a producer through its parent, its links, or those of the
// consumer spans above it in the same service (a `process` span under a `receive` span).
ObservedGraph observe(const ObservedSpans &spans);

// Whether a static channel name and an observed one are the same channel: equal, or one a
// pattern covering the other (`orders.{id}` and `orders.42`), as contracts link to code.
bool sameObservedChannel(const std::string &staticName, const std::string &observed);

// "1a2b...": the lower-case hex of a span's trace and span ids.
std::string traceIdHex(const SpanKey &key);
std::string spanIdHex(uint64_t span);

} // namespace eventscope
