// unresolved-channel: a messaging call whose channel is not a compile-time value.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const UnresolvedSite &site : graph.unresolved()) {
    // A contract's operation carries a JSON pointer; a code site does not.
    const char *what = site.location.pointer.empty() ? " call" : " operation";
    Finding &f = report(site.location,
                        "the channel of this " + site.api + what + " cannot be determined statically: " + site.reason,
                        site.service);
    f.identity = site.api + "\n" + site.reason;
    // The channels of its type nothing else consumes (unconsumed-event leaves them to this note).
    if (site.role == Role::Consume && !site.messageType.empty())
      for (const auto &[address, channel] : graph.channels()) {
        if (channel.producers.empty() || graph.isConsumed(address))
          continue;
        if (!mayConsume(graph, site, channel))
          continue;
        const Endpoint &producer = graph.endpoints()[channel.producers.front()];
        f.notes.push_back({producer.location, "it may consume " + quoted(address) + ", produced here by " +
                                                  producer.service + ", which nothing else consumes"});
      }
  }
}

} // namespace

const Rule &unresolvedChannelRule() {
  static const Rule rule{
      .info =
          {
              .id = "unresolved-channel",
              .name = "UnresolvedChannel",
              .summary = "A messaging call whose channel could not be determined statically.",
              .documentation = R"(## What it does
Reports every call of a messaging API whose channel argument is not a compile-time value
(a literal, a constant, a concatenation of constants, a type name), with the reason, and
every AsyncAPI 3 operation whose channel's `address` is null or absent (the address is
known only at run time; the channel's key is an identifier, not an address). A subscription
whose message type the code shows notes the channels of that type nothing else consumes: it
may be the one reading them (unconsumed-event then leaves them out).

## Why is this bad
The event graph is missing an edge there: rules cannot see what this call produces or
consumes. Nothing the analyzer saw is dropped silently; this finding is how it says so.

## Example
`producer->produce(std::getenv("TOPIC"), ...)`.

## Options
None. Declare a wrapper in `apis` or use a constant to make the channel visible.)",
              .defaultSeverity = Severity::Info,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
