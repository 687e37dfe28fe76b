// hidden-runtime-flow: a flow the traces show that neither the code nor a contract knows.
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/trace_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  const ObservedGraph *observed = graph.observed();
  if (!observed)
    return;
  const std::vector<ObservedEndpoint> &endpoints = observed->endpoints;
  for (size_t i = 0; i < endpoints.size();) {
    // One finding per service, channel and role, whatever consumer groups the spans name.
    const ObservedEndpoint &o = endpoints[i];
    uint64_t messages = 0;
    size_t next = i;
    for (; next < endpoints.size() && endpoints[next].service == o.service && endpoints[next].channel == o.channel &&
           endpoints[next].role == o.role;
         ++next)
      messages += endpoints[next].messages;
    i = next;
    bool serviceKnown = graph.services().count(o.service) > 0;
    // A service outside the analysed system is compared only where it touches one of its channels.
    if (!serviceKnown && !staticChannelKnown(graph, o.channel))
      continue;
    if (!staticEndpoints(graph, o.service, o.role, o.channel).empty())
      continue;
    std::string verb = o.role == Role::Produce ? "produces on" : "consumes";
    std::string message = "service " + quoted(o.service) + (serviceKnown ? "" : ", which the analysis does not have,") +
                          " " + verb + " " + quoted(o.channel) + " at run time (" + messageCount(messages) +
                          " in the traces), which neither its code nor a contract shows";
    Finding &f = report(o.example.at, message, o.service, {o.channel});
    f.identity = std::string(roleName(o.role));
    f.notes.push_back(exampleNote(o.example));
    for (const ObservedTrigger &t : observed->triggers)
      if (t.service == o.service && ((o.role == Role::Produce && t.to == o.channel) ||
                                     (o.role == Role::Consume && t.from == o.channel)))
        f.notes.push_back({t.example.at, "in the traces, processing " + quoted(t.from) + " leads to producing " +
                                             quoted(t.to) + " (" + std::to_string(t.count) + " time(s))"});
    for (const UnresolvedSite &site : graph.unresolved())
      if (site.service == o.service && site.role == o.role)
        f.notes.push_back({site.location, "a call whose channel is known only at run time (" + site.reason +
                                              "): it may be this one"});
  }
  // A trigger between two channels the service's code does handle and produce, but not one
  // from the other: the handler reaches the producing call through a path the code does not show.
  for (const ObservedTrigger &t : observed->triggers) {
    std::vector<const Endpoint *> consumers = staticEndpoints(graph, t.service, Role::Consume, t.from);
    std::vector<const Endpoint *> producers = staticEndpoints(graph, t.service, Role::Produce, t.to);
    if (consumers.empty() || producers.empty())
      continue; // the endpoint's own finding says it
    bool known = false;
    for (const Trigger &s : graph.triggers())
      known = known || (s.service == t.service && sameObservedChannel(s.from, t.from) && sameObservedChannel(s.to, t.to));
    if (known)
      continue;
    Finding &f = report(t.example.at,
                        "in service " + quoted(t.service) + ", processing " + quoted(t.from) + " leads to producing " +
                            quoted(t.to) + " at run time (" + std::to_string(t.count) +
                            " time(s) in the traces), which the code does not show",
                        t.service, {t.from, t.to});
    f.identity = "trigger";
    f.notes.push_back(exampleNote(t.example));
    f.notes.push_back({consumers.front()->location, quoted(t.from) + " is consumed here"});
    f.notes.push_back({producers.front()->location, quoted(t.to) + " is produced here"});
  }
}

} // namespace

const Rule &hiddenRuntimeFlowRule() {
  static const Rule rule{
      .info =
          {
              .id = "hidden-runtime-flow",
              .name = "HiddenRuntimeFlow",
              .summary = "The traces show a service producing, consuming or relaying a channel that neither its code "
                         "nor a contract shows.",
              .documentation = R"(## What it does
Only with traces (`--traces FILE` or the config's `traces:`). For every endpoint the traces
show (a service's producer or consumer spans on a channel, by the OpenTelemetry messaging
conventions), looks for the same service, role and channel in the code, the contracts and the
manifests; channel names match as contracts match code (`orders.{id}` covers `orders.42`, a
destination template covers its names). One it does not find is reported at an example span
(the trace file and the span's JSON pointer), with the trace and span ids to find it in a
tracing UI. A service the analysis does not have is reported only where it touches a channel
the analysis knows. Also reported: a trigger the traces show (processing a message of one
channel leads the same service to produce on another) between two channels the service's
code consumes and produces, when the code shows no path from the one to the other.

## Why is this bad
It is a dependency that runs but that no review sees: a diagram, a catalog or a contract diff
leaves it out, so a change to the channel breaks a consumer nobody knew of. Most often it is
code the analysis did not read (a library, a script, another repository), a call whose
channel is known only at run time (the finding names those calls), or a contract that was
never written.

## Example
The traces hold `send shop/audit/payments` spans of service `payments`, and neither its code
nor a contract produces `shop/audit/payments`.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
