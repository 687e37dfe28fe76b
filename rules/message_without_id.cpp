// message-without-id: a consumed message with no id / idempotency-key field.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>
#include <set>
#include <cctype>

namespace eventscope {
namespace {

std::string lower(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether anything but the contracts of `service` consumes the channel (or a linked one):
// code, or another service, which may take any message of it.
bool consumedByOthers(const EventGraph &graph, const std::string &service, const std::string &address) {
  const Channel *channel = graph.channel(address);
  if (!channel)
    return false;
  for (const Channel *c : graph.withLinked(*channel))
    for (size_t i : c->consumers) {
      const Endpoint &e = graph.endpoints()[i];
      if (e.service != service || e.origin != Origin::Contract)
        return true;
    }
  return false;
}

void run(const EventGraph &graph, const RuleSettings &settings, Reporter &report) {
  std::vector<std::string> idFields = settings.list("id_fields");
  if (idFields.empty())
    return; // nothing counts as an id: the rule has nothing to look for
  for (std::string &f : idFields)
    f = lower(f);
  for (const ContractDocument &c : graph.contracts()) {
    auto channelsOf = channelsOfMessages(c);
    // What the contract's own receive operations (replies too) list, by channel: a message
    // the document only sends on a channel it also receives on (a WebSocket's `ack` beside
    // its `request`) is not consumed by the document's service.
    std::set<std::pair<const ContractChannel *, size_t>> received;
    for (const ContractOperation &op : c.operations)
      if (op.role == Role::Consume)
        for (size_t listed : op.messages)
          received.insert({&c.channels[op.channel], listed});
    for (size_t m = 0; m < c.messages.size(); ++m) {
      const ContractMessage &message = c.messages[m];
      if (!message.hasPayload || !message.fieldsKnown)
        continue; // message-without-schema speaks for a missing payload
      std::vector<std::string> consumedOn;
      for (const ContractChannel *channel : channelsOf[m])
        if (graph.isConsumed(channel->address) &&
            (received.count({channel, m}) || consumedByOthers(graph, c.service, channel->address)))
          consumedOn.push_back(channel->address);
      if (consumedOn.empty())
        continue;
      bool hasId = std::any_of(message.fieldNames.begin(), message.fieldNames.end(), [&](const std::string &name) {
        return std::count(idFields.begin(), idFields.end(), lower(name)) > 0;
      });
      if (hasId)
        continue;
      report(message.location,
             "message " + quoted(message.name) +
                 " is consumed but has no id field in its headers or payload "
                 "(looked for: " +
                 settings.list("id_fields").front() + (idFields.size() > 1 ? ", ..." : "") +
                 "); consumers cannot deduplicate redeliveries",
             c.service, consumedOn);
    }
  }
}

} // namespace

const Rule &messageWithoutIdRule() {
  static const Rule rule{
      .info =
          {
              .id = "message-without-id",
              .name = "MessageWithoutId",
              .summary = "A consumed message has no id or idempotency-key field.",
              .documentation = R"(## What it does
For every AsyncAPI message on a channel that something consumes, looks for an identifying
field among the properties of its headers and payload schemas (through `$ref` and
`allOf`), compared without regard to case. Messages without a payload are left to
message-without-schema.

## Why is this bad
Brokers deliver at least once. A consumer that cannot recognise a redelivered message
applies it twice: double charges, double shipments.

## Example
`payload: {type: object, properties: {amount: {type: number}}}` on a consumed channel.

## Options
- `id_fields` (list, default `[id, messageId, message_id, eventId, event_id, idempotencyKey, idempotency_key]`):
  the field names that identify a message.)",
              .defaultSeverity = Severity::Warning,
              .options = {{.name = "id_fields",
                           .kind = RuleOption::Kind::StringList,
                           .defaultValue = "id,messageId,message_id,eventId,event_id,idempotencyKey,idempotency_key",
                           .description = "field names that identify a message"}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
