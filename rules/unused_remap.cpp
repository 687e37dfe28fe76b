// unused-remap: a launch file's remapping rule renames nothing its node's code names.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const UnusedRemap &remap : graph.unusedRemaps()) {
    if (!remap.ignoredBecause.empty()) {
      Finding &f = report(remap.at, "remapping '" + remap.from + "' -> '" + remap.to + "' is ignored: " +
                                        remap.ignoredBecause,
                          "", {remap.from});
      f.identity = remap.from + "\n" + remap.to + "\nignored";
      continue;
    }
    Finding &f = report(remap.at,
                        "remapping '" + remap.from + "' -> '" + remap.to + "' matches none of the names the code of node " +
                            remap.node + " gives" +
                            (remap.runTimeNames
                                 ? " statically (" + std::to_string(remap.runTimeNames) +
                                       " call(s) of that code have names known only at run time: unresolved-channel)"
                                 : ""),
                        "", {remap.from});
    f.identity = remap.from + "\n" + remap.to;
  }
}

} // namespace

const Rule &unusedRemapRule() {
  static const Rule rule{
      .info =
          {
              .id = "unused-remap",
              .name = "UnusedRemap",
              .summary = "A launch file's remapping rule renames nothing its node's code names.",
              .documentation = R"(## What it does
For each node a launch file starts whose code is analysed, compares every remapping rule
(ROS 1 `<remap from= to=>`, ROS 2 `remappings=[(from, to)]`, `--remap`/`-r` arguments,
`SetRemap`) with the names that node's publishers, subscriptions, services and clients give,
resolved as ROS resolves them in that node (namespace, private names). A rule whose `from`
matches none of them is reported at its line in the launch file, and so is a ROS 1 `<remap>`
written inside `<include>`, which roslaunch ignores (it reads only `<arg>` and `<env>` there). When some calls of the
node's code have names known only at run time (unresolved-channel), the message says how
many: one of them may be the name the rule renames.

## Why is this bad
ROS applies a remapping rule only to a name the node resolves; a rule that matches none
does nothing, silently. It is a typo in `from`, a topic renamed in the code but not in the
launch file, or a rule put on the wrong node (a `<remap>` meant for the driver written on
the controller spawner). The topic it was meant to connect stays unconnected.

## Example
`<remap from="scan" to="base_scan"/>` on a node whose code subscribes `laser_scan`.

## Options
None.)",
              .defaultSeverity = Severity::Warning,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
