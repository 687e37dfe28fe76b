// message-without-schema: a contract message without a payload schema.
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const ContractDocument &c : graph.contracts()) {
    auto channelsOf = channelsOfMessages(c);
    for (size_t m = 0; m < c.messages.size(); ++m) {
      const ContractMessage &message = c.messages[m];
      if (message.hasPayload)
        continue;
      Finding &f = report(message.location,
                          "message " + quoted(message.name) + " of " + c.service + " has no payload schema", c.service);
      for (const ContractChannel *channel : channelsOf[m])
        f.channels.push_back(channel->address);
    }
  }
}

} // namespace

const Rule &messageWithoutSchemaRule() {
  static const Rule rule{
      .info =
          {
              .id = "message-without-schema",
              .name = "MessageWithoutSchema",
              .summary = "A contract message has no payload schema.",
              .documentation = R"(## What it does
Reports every AsyncAPI message without a `payload`.

## Why is this bad
Without a schema, nothing checks what producers send, and breaking changes to the message
cannot be detected before merge (`eventscope contract diff` has nothing to compare).

## Example
`messages: {OrderPlaced: {name: OrderPlaced, contentType: application/json}}`.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
