// dual-write: a function, or what a handler reaches, both produces an event and persists state.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <map>
#include <set>

namespace eventscope {
namespace {

void reportDualWrite(const Endpoint &produce, const PersistenceSite &write, const std::string &context,
                     Reporter &report) {
  bool produceFirst = produce.location.file == write.location.file && produce.location < write.location &&
                      produce.function == write.function;
  Finding &f =
      report(produce.location,
             context + " produces " + quoted(produce.channel) + " and writes state with " + write.api + " (" +
                 (produceFirst ? "the event is produced first: a crash before the write leaves a published event with "
                                 "no state behind it"
                               : "the state is written, then the event produced without an outbox: a crash in between "
                                 "loses the event") +
                 ")",
             produce.service, {produce.channel});
  f.notes.push_back({write.location, "state is written here (" + write.api + ")"});
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  std::map<std::pair<std::string, std::string>, std::vector<const PersistenceSite *>> writes; // (service, function)
  for (const PersistenceSite &site : graph.persistence())
    if (!site.outbox)
      writes[{site.service, site.function}].push_back(&site);
  if (writes.empty())
    return; // nothing persists state: nothing to pair with an event
  std::set<std::pair<Location, Location>> reported;
  // The same function.
  for (const Endpoint &e : graph.endpoints()) {
    if (e.role != Role::Produce || e.origin != Origin::Code)
      continue;
    auto it = writes.find({e.service, e.function});
    if (it != writes.end() && reported.emplace(e.location, it->second.front()->location).second)
      reportDualWrite(e, *it->second.front(), e.function, report);
  }
  // A handler whose reach both produces and writes: the trigger's chain of functions.
  for (const Trigger &t : graph.triggers()) {
    if (t.origin != Origin::Code)
      continue;
    const Endpoint *produce = nullptr;
    if (const Channel *channel = graph.channel(t.to))
      for (size_t index : channel->producers) // the channel's own index, not every endpoint
        if (graph.endpoints()[index].location == t.location)
          produce = &graph.endpoints()[index];
    if (!produce)
      continue;
    for (const std::string &function : t.via) {
      auto it = writes.find({t.service, function});
      if (it == writes.end() || !reported.emplace(produce->location, it->second.front()->location).second)
        continue;
      reportDualWrite(*produce, *it->second.front(), "the handler of " + quoted(t.from) + " (" + t.via.front() + ")",
                      report);
    }
  }
}

} // namespace

const Rule &dualWriteRule() {
  static const Rule rule{
      .info =
          {
              .id = "dual-write",
              .name = "DualWrite",
              .summary = "A function, or what a handler reaches, both produces an event and persists state.",
              .documentation = R"(## What it does
Reports a produce call and a database write in the same function, or in the functions a
message handler reaches, and says which comes first. The persistence APIs are the
config's `persistence_apis` plus sqlite3, libpq, libpqxx and SOCI writes. A write whose
statement names an outbox table is the transactional-outbox pattern and is not reported.

## Why is this bad
The broker and the database do not commit together. Produce first, then crash: consumers
act on an event whose state was never stored. Write first, then crash: the state changed
and nobody was told. An outbox table written in the same transaction, relayed to the
broker, makes the two atomic.

## Example
`db.save(order); bus.publish("order.placed", order);` in one function.

## Options
None; list in-house persistence functions in `persistence_apis`.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
