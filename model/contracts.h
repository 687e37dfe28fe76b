// What event contracts (AsyncAPI documents) declare, as plain data for the contract rules.
#pragma once

#include "model/event_graph.h"
#include "model/location.h"

#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

struct ContractServer {
  std::string name;
  std::string protocol;
  Location location;
  bool secured = false; // has a non-empty security requirement
  std::string host;      // 3.x host (and pathname); 2.x url
};

struct ContractMessage {
  std::string name;
  Location location;
  bool hasPayload = false;
  // Property names of the headers and payload schemas (through $ref and allOf), for
  // message-without-id. `fieldsKnown` is false when a schema could not be read.
  std::vector<std::string> fieldNames;
  bool fieldsKnown = true;
  // The payload and headers schemas as compact JSON, every $ref resolved in place (a
  // recursive one left as {"$ref": ...}); empty when the message has none. For the
  // contract diff and the AsyncAPI export.
  std::string payloadSchema;
  std::string headersSchema;
  std::string contentType;
  std::string schemaFormat; // 3.x multi-format schemas; empty: AsyncAPI's JSON Schema
  // An Avro or Protobuf payload converted to JSON Schema (analyzer/contracts/payload_formats.h);
  // empty for a JSON Schema payload, which needs no conversion.
  std::string convertedPayload;
  bool formatUnread = false; // a schemaFormat eventscope does not read: its fields are unknown

  // The payload as the neutral field tree the rules and the diff judge (JSON Schema text):
  // "" when there is none or its format is not read.
  std::string_view payloadFields() const {
    return formatUnread ? std::string_view() : convertedPayload.empty() ? payloadSchema : convertedPayload;
  }
};

struct ContractChannel {
  std::string id;      // 3.x: the key under `channels`; 2.x: the address
  // The graph's channel name. In 3.x an `address` that is null or absent means the address
  // is unknown until run time (AsyncAPI 3.0, Channel Object): then it is "" and
  // addressIsNull is set; nothing is linked or matched under the channel's key.
  std::string address;
  bool addressIsNull = false;
  Location location;
  std::vector<std::string> servers; // names; empty means every server of the document
  std::vector<size_t> messages;     // indices into ContractDocument::messages
  bool deadLetterDeclared = false;  // `x-dead-letter` on the channel
  // Not in the document's `channels`: the channel of a reply that names none (its address
  // is a run-time expression). Never exported or diffed as a channel.
  bool implicit = false;
};

struct ContractOperation {
  std::string id;
  Role role = Role::Produce; // send (2.x subscribe) = produce; receive (2.x publish) = consume
  size_t channel = 0;        // index into ContractDocument::channels
  Location location;
  bool secured = false;
  std::vector<size_t> messages;
  // 3.x operation `reply` (AsyncAPI 3.0, Operation Reply Object): read as an operation of
  // its own, in the other direction, on the reply's channel, right after the operation it
  // answers; replyTo is that operation's index. replyAddress is the reply's run-time
  // address expression (`address.location`), when it has one: the address is then unknown.
  static constexpr size_t kNotAReply = static_cast<size_t>(-1);
  size_t replyTo = kNotAReply;
  std::string replyAddress = {}; // (an initializer: aggregates in tests may leave it out)
  bool isReply() const { return replyTo != kNotAReply; }
};

// `x-eventscope-ignore: [rule-id, ...]` at a JSON pointer: findings located at or below it
// are suppressed for those rules.
struct ContractIgnore {
  std::string pointer;
  std::vector<std::string> rules;
};

struct ContractDocument {
  std::string file;    // relative to the root
  std::string service; // x-eventscope-service, else info.title
  std::string title;
  std::string version; // the `asyncapi` field
  std::string infoVersion;
  Location location;
  std::vector<ContractServer> servers;
  std::vector<ContractChannel> channels;
  std::vector<ContractOperation> operations;
  std::vector<ContractMessage> messages;
  std::vector<ContractIgnore> ignores;
};

} // namespace eventscope
