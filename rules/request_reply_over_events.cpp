// request-reply-over-events: A produces X, B's handler of X produces Y, and A consumes Y.
#include "model/channel_similarity.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include "rules/contract_helpers.h"

#include <set>

namespace eventscope {
namespace {

// Does a service other than `replier` both produce `request` and consume `response`? Most
// triggers answer no, and this asks with service numbers, without building per-service maps.
bool anyRequester(const EventGraph &graph, const Channel &request, const Channel &response, const Trigger &reply) {
  const std::vector<uint32_t> &serviceOf = graph.endpointServices();
  for (size_t p : request.producers) {
    uint32_t service = serviceOf[p];
    if (graph.endpoints()[p].service == reply.service)
      continue;
    for (size_t c : response.consumers)
      if (serviceOf[c] == service)
        return true;
  }
  return false;
}

// Whether every endpoint on the channel is a ROS one (made through roscpp or rclcpp).
bool allRos(const EventGraph &graph, const Channel &channel) {
  for (const auto *side : {&channel.producers, &channel.consumers})
    for (size_t e : *side)
      if (graph.endpoints()[e].rosNode.kind == RosNodeKind::Unknown)
        return false;
  return true;
}

// Whether a channel's name says it carries requests or replies ("get_map_request", "result").
bool namedAsExchange(const std::string &address) {
  static const std::set<std::string> words = {"request", "req", "reply", "response", "resp", "result", "answer", "query"};
  for (const std::string &word : channelNameWords(address))
    if (words.count(word))
      return true;
  return false;
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  // A request/reply said out loud in a contract is not patched over events.
  std::set<std::pair<std::string, std::string>> declared = declaredReplies(graph);
  for (size_t i = 0; i < graph.triggers().size(); ++i) {
    const Trigger &reply = graph.triggers()[i];
    if (declared.count({reply.from, reply.to}))
      continue;
    const Channel &request = graph.channelNumbered(graph.triggerEnds()[i].from);
    const Channel &response = graph.channelNumbered(graph.triggerEnds()[i].to);
    if (!anyRequester(graph, request, response, reply) || channelKind(graph, request) != ChannelKind::Topic)
      continue; // (a ROS service or action is a request/reply by design)
    // ROS topics: a driver publishing state and hearing commands computed from it (mavros'
    // local_position/pose and setpoint_position/local) is the control loop robots are made
    // of; only names that say request and reply are an exchange.
    if (allRos(graph, request) && allRos(graph, response) && !namedAsExchange(reply.from) &&
        !namedAsExchange(reply.to))
      continue;
    auto requesters = endpointsByService(graph, request, Role::Produce);
    auto listeners = endpointsByService(graph, response, Role::Consume);
    for (const auto &[service, produced] : requesters) {
      if (service == reply.service || !listeners.count(service))
        continue;
      // (When the reply makes the requester produce the request again, this is a feedback
      // loop: event-cycle's finding replaces this one, see RuleInfo::replaces.)
      Finding &f = report(produced.front()->location,
                          "request/reply over events: " + service + " produces " + quoted(reply.from) + ", " +
                              reply.service + " answers with " + quoted(reply.to) + ", which " + service + " consumes",
                          service, {reply.from, reply.to});
      f.notes.push_back({reply.location, reply.service + " produces " + quoted(reply.to) +
                                             " when it consumes " + quoted(reply.from)});
      f.notes.push_back({listeners.at(service).front()->location,
                         service + " consumes the reply " + quoted(reply.to) + " here"});
    }
  }
}

} // namespace

const Rule &requestReplyOverEventsRule() {
  static const Rule rule{
      .info =
          {
              .id = "request-reply-over-events",
              .name = "RequestReplyOverEvents",
              .summary = "A two-way exchange is patched over one-way events.",
              .documentation = R"(## What it does
Reports a service A that produces channel X, where another service B produces Y when it
consumes X, and A consumes Y: a request and its reply carried by two events. When X and
Y are both on a cycle event-cycle reports (A's handler of Y produces X again), the two form
a feedback loop, and event-cycle's finding replaces this one. A pair that a contract
declares with an AsyncAPI 3 operation `reply` is the declared pattern, not reported. On ROS
topics (every endpoint of both channels made through roscpp or rclcpp) a driver that
publishes state and hears commands a controller computes from it is a control loop, not
reported unless a channel's name says request, reply, response, result or query; ROS
services and actions are request/reply by design and never reported.

## Why is this bad
A needs B's answer, so the two are coupled as tightly as by a call, but with none of a
call's guarantees: no timeout, no correlation unless hand-made, no error path, and the
dependency is invisible in both codebases.

## Example
`checkout` publishes `price.requested`; `pricing` answers each with `price.quoted`,
which `checkout` consumes.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
