// qos-incompatible: a ROS 2 publisher and subscription of one topic whose QoS policies DDS
// will not match (model/ros_names.h, qosIncompatibilities): no message flows between them.
#include "model/ros_names.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

std::string written(const QosPolicies &qos) { return qos.written.empty() ? "" : " (" + qos.written + ")"; }

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const auto &[address, channel] : graph.channels())
    for (size_t c : channel.consumers) {
      const Endpoint &subscription = graph.endpoints()[c];
      if (subscription.origin != Origin::Code || !subscription.qos.known())
        continue;
      for (size_t p : channel.producers) {
        const Endpoint &publisher = graph.endpoints()[p];
        if (publisher.origin != Origin::Code)
          continue;
        std::vector<std::string> policies = qosIncompatibilities(publisher.qos, subscription.qos);
        if (policies.empty())
          continue;
        std::string list;
        for (const std::string &policy : policies)
          list += (list.empty() ? "" : "; ") + policy;
        // The publisher where its QoS is given (its create_publisher), else where it sends.
        const Location &offeredAt = publisher.qos.at.empty() ? publisher.location : publisher.qos.at;
        Finding &f =
            report(subscription.location,
                   subscription.service + "'s subscription to " + quoted(address) + written(subscription.qos) +
                       " cannot match the publisher of " + publisher.service + " at " + formatLocation(offeredAt) +
                       written(publisher.qos) + " (" + list + "): DDS does not connect them and no message arrives",
                   subscription.service, {address});
        f.identity = publisher.service + ": " + list;
        f.notes.push_back({offeredAt, "the publisher of " + publisher.service + written(publisher.qos)});
      }
    }
}

} // namespace

const Rule &qosIncompatibleRule() {
  static const Rule rule{
      .info =
          {
              .id = "qos-incompatible",
              .name = "QosIncompatible",
              .summary = "A ROS 2 publisher and subscription of one topic have QoS policies that cannot match.",
              .documentation = R"(## What it does
Reads the QoS each ROS 2 publisher and subscription is created with (`rclcpp::QoS(10)`,
`rclcpp::SensorDataQoS()`, `.best_effort()`, `.reliable()`, `.transient_local()`,
`.reliability(...)`, `.durability(...)`, `.deadline(...)`, `.liveliness(...)`,
`.liveliness_lease_duration(...)`, `rmw_qos_profile_*`, a depth alone, a local QoS set up
before the call) and reports each subscription that a publisher of the same topic cannot
serve, as rmw_dds_common's `qos_profile_check_compatible` decides (the QoS compatibility
table of the ROS 2 documentation, "About Quality of Service settings"): a best-effort
publisher with a reliable subscription; a volatile publisher with a transient-local
subscription; a subscription with a deadline or a liveliness lease duration that the
publisher has not, or has longer; a publisher with automatic liveliness and a subscription
with manual-by-topic. Durations are read where they are constants (`100ms`,
`std::chrono::milliseconds(100)`, `rclcpp::Duration(1, 0)`, `Duration::from_seconds(0.5)`,
`rmw_time_t{1, 0}`). `SystemDefaultsQoS` is volatile (the DDS default durability, in every
RMW ROS 2 ships); its reliability, which DDS sets per side, the system default liveliness
and QoS values read from elsewhere (a parameter) are not judged.

## Why is this bad
DDS does not connect endpoints whose requested QoS exceeds what is offered. The
subscription sees no message and no error; only an "incompatible QoS" event, which few
nodes listen to, tells.

## Example
A driver publishes `/imu/data` with `rclcpp::SensorDataQoS()` (best effort); a recorder
subscribes with `rclcpp::QoS(10)` (reliable).

## Options
None.)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
