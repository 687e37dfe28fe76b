// unobserved-flow: an endpoint or trigger of the static graph that the traces never show.
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/trace_helpers.h"

#include <map>
#include <set>
#include <tuple>

namespace eventscope {
namespace {

bool observedEndpoint(const ObservedGraph &observed, const Endpoint &e) {
  for (const ObservedEndpoint &o : observed.endpoints)
    if (o.service == e.service && o.role == e.role && sameObservedChannel(e.channel, o.channel))
      return true;
  return false;
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  const ObservedGraph *observed = graph.observed();
  if (!observed)
    return;
  std::vector<std::string> list = observed->services();
  std::set<std::string> traced(list.begin(), list.end());
  // Each service, channel and role once, at its code endpoint when it has one (the code is
  // what runs), else its first contract or manifest entry.
  std::map<std::tuple<std::string, std::string, Role>, const Endpoint *> first;
  std::map<std::string, std::vector<const Endpoint *>> untraced; // service -> its endpoints
  for (const Endpoint &e : graph.endpoints()) {
    if (!traced.count(e.service)) {
      untraced[e.service].push_back(&e);
      continue;
    }
    const Endpoint *&at = first[{e.service, e.channel, e.role}];
    if (!at || (at->origin != Origin::Code && e.origin == Origin::Code))
      at = &e;
  }
  for (const auto &[key, e] : first) {
    if (observedEndpoint(*observed, *e))
      continue;
    std::string verb = e->role == Role::Produce ? "produces on " : "consumes ";
    Finding &f = report(e->location,
                        "service " + quoted(e->service) + " " + verb + quoted(e->channel) + " " +
                            (e->origin == Origin::Code ? "here" : "in its " + std::string(originName(e->origin))) +
                            ", but no span in the traces shows it: code that did not run while they were taken, "
                            "dead code, or a call its instrumentation does not trace",
                        e->service, {e->channel});
    f.identity = std::string(roleName(e->role));
  }
  // A service no trace names: said once, at its first endpoint, not once per endpoint.
  for (const auto &[service, endpoints] : untraced) {
    Finding &f = report(endpoints.front()->location,
                        "service " + quoted(service) + " appears in no trace: its " +
                            std::to_string(endpoints.size()) +
                            " endpoint(s) cannot be held against what runs (not instrumented, named otherwise in "
                            "`service.name`, or not running while the traces were taken)",
                        service);
    f.identity = "untraced";
  }
  // A trigger of the code between two observed endpoints that no trace shows.
  for (const Trigger &t : graph.triggers()) {
    if (!traced.count(t.service))
      continue;
    bool seen = false;
    for (const ObservedTrigger &o : observed->triggers)
      seen = seen || (o.service == t.service && sameObservedChannel(t.from, o.from) && sameObservedChannel(t.to, o.to));
    if (seen)
      continue;
    bool fromSeen = false, toSeen = false;
    for (const ObservedEndpoint &o : observed->endpoints) {
      fromSeen = fromSeen || (o.service == t.service && o.role == Role::Consume && sameObservedChannel(t.from, o.channel));
      toSeen = toSeen || (o.service == t.service && o.role == Role::Produce && sameObservedChannel(t.to, o.channel));
    }
    if (!fromSeen || !toSeen)
      continue; // the endpoint's own finding says it
    Finding &f = report(t.location,
                        "in service " + quoted(t.service) + ", processing " + quoted(t.from) + " leads to producing " +
                            quoted(t.to) + " here, but no trace shows a message of " + quoted(t.to) +
                            " produced while one of " + quoted(t.from) +
                            " was processed (the path did not run, or the trace context is lost between them)",
                        t.service, {t.from, t.to});
    f.identity = "trigger";
  }
}

} // namespace

const Rule &unobservedFlowRule() {
  static const Rule rule{
      .info =
          {
              .id = "unobserved-flow",
              .name = "UnobservedFlow",
              .summary = "An endpoint or trigger of the code or contracts that the traces never show.",
              .documentation = R"(## What it does
Only with traces (`--traces FILE` or the config's `traces:`). For every service the traces
name (`service.name`, Jaeger's process, Zipkin's localEndpoint), each endpoint of the code,
contracts or manifests (a service, role and channel) that no producer or consumer span shows
is reported at the code (or the contract) once. A trigger of the code (handling one channel
leads to producing another) is reported when the traces show both endpoints but never the
one produced under the processing of the other. A service of the analysis that no trace
names is reported once, at its first endpoint.

## Why is this bad
It is not always wrong, hence the severity info: a flow that did not run while the traces
were taken (a rare event, an error path), dead code that can go, or a call the
instrumentation does not trace, which leaves the observed graph, and the other trace rules,
blind there. A contract operation nobody exercises is a candidate for deprecation.

## Example
`warehouse` subscribes to `shop/orders/cancelled` in its code; no span of the traces consumes it.

## Options
None.)",
              .defaultSeverity = Severity::Info,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
