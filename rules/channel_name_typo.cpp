// channel-name-typo: a consumed channel with no producer is a near-miss of a produced one.
#include "model/channel_similarity.h"
#include "rules/contract_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  // `ping` and its declared reply `pong` are near in spelling by design: never a typo.
  std::set<std::pair<std::string, std::string>> replies = declaredReplies(graph);
  for (const auto &[consumed, nearMiss] : findChannelNearMisses(graph)) {
    if (replies.count({consumed, nearMiss.produced}) || replies.count({nearMiss.produced, consumed}))
      continue; // unproduced-event still says that nothing produces `consumed`
    const Channel &channel = *graph.channel(consumed);
    const Channel &produced = *graph.channel(nearMiss.produced);
    for (const auto &[service, endpoints] : endpointsByService(graph, channel, Role::Consume)) {
      Finding &f =
          report(endpoints.front()->location,
                 quoted(consumed) + " is consumed by " + service + " but no service produces it; did you mean " +
                     quoted(nearMiss.produced) + "? (" + nearMiss.how + ")",
                 service, {consumed, nearMiss.produced});
      addOtherLocations(f, endpoints, service + " also consumes " + quoted(consumed) + " here");
      addLaunchNote(f, *endpoints.front());
      for (const auto &[producer, producing] : endpointsByService(graph, produced, Role::Produce))
        f.notes.push_back({producing.front()->location, producer + " produces " + quoted(nearMiss.produced) + " here"});
    }
  }
}

} // namespace

const Rule &channelNameTypoRule() {
  static const Rule rule{
      .info =
          {
              .id = "channel-name-typo",
              .name = "ChannelNameTypo",
              .summary = "A consumed channel that nothing produces is a near-miss of a produced channel.",
              .documentation = R"(## What it does
For every channel that is consumed but never produced, looks for a produced channel whose
name is nearly the same: equal once case and the separators `. _ - / :` are ignored,
plural `s` and British/American spellings (`cancelled`/`canceled`, `-ise`/`-ize`) are
folded (each way: a typo in either spelling is near the other), or within a small edit distance for the shorter name's length (none under 5
characters, 1 up to 15, 2 beyond), in any of those forms. Names that differ in their numbers (`v1`/`v2`) are never near-misses,
nor names whose only different word is one verb in two forms (`artifacts:create` and
`artifacts:created`, `job.start` and `job.started`, `report.generating` and
`report.generated`): a command and its event are named apart on purpose, and a consumer of
the command that nothing produces is reported by unproduced-event.
The finding replaces unproduced-event for that channel and says "did you mean".

## Why is this bad
A subscription to a misspelled topic is accepted by every broker and silently receives
nothing. Such a bug can drop events for weeks before anyone notices.

## Example
`mailer` subscribes to `OrderCanceled`; `orders` publishes `OrderCancelled`.

## Options
None.)",
              .defaultSeverity = Severity::Error,
              .replaces = {{.rule = "unproduced-event",
                            .sameService = true,
                            .when = "A consumer of a near-miss is reported once, with the name it probably meant."}},
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
