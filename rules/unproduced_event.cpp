// unproduced-event: a channel is consumed but nothing produces it.
#include "model/ros_names.h"
#include "model/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>
#include <map>
#include <set>

namespace eventscope {
namespace {

// The last segment of a fully qualified ROS name ("/robot1/cmd_vel" -> "cmd_vel"); "" for
// any other channel name.
std::string rosBaseName(const std::string &address) {
  if (address.size() < 2 || address[0] != '/')
    return "";
  return address.substr(address.rfind('/') + 1);
}

// The words of a ROS name's last segment ("/front/image_raw" -> {image, raw}), of 3
// characters or more.
std::set<std::string> lastWords(const std::string &address) {
  std::set<std::string> words;
  const std::string base = rosBaseName(address);
  for (size_t start = 0; start < base.size();) {
    size_t end = base.find_first_of("_-.", start);
    std::string word = base.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (word.size() >= 3)
      words.insert(word);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return words;
}

// Topics published with message type `type` (as ROS compares types) that nothing consumes
// and whose last segment shares a word with `address`'s: the publisher a dangling
// subscription was probably meant for (`/pose_estimate` taken, `/pose_estimate_new` given,
// both geometry_msgs/PoseStamped). The nearest three by edit distance, nearest first.
std::vector<const Channel *> orphansOfItsType(const EventGraph &graph, const std::string &address, const std::string &type) {
  std::vector<std::pair<size_t, const Channel *>> found;
  const std::set<std::string> words = lastWords(address);
  if (type.empty() || words.empty())
    return {};
  for (const auto &[other, channel] : graph.channels()) {
    if (other == address || channel.producers.empty() || !channel.consumers.empty() ||
        rosBaseName(other) == rosBaseName(address)) // the same name elsewhere: noted apart
      continue;
    const Endpoint &producer = graph.endpoints()[channel.producers.front()];
    if (producer.kind != ChannelKind::Topic || producer.messageType.empty() ||
        rosInterfaceName(producer.messageType) != type)
      continue;
    const std::set<std::string> theirs = lastWords(other);
    if (std::none_of(theirs.begin(), theirs.end(), [&](const std::string &w) { return words.count(w) > 0; }))
      continue;
    found.emplace_back(editDistance(address, other), &channel);
  }
  std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
    return a.first != b.first ? a.first < b.first : a.second->address < b.second->address;
  });
  std::vector<const Channel *> out;
  for (size_t i = 0; i < found.size() && i < 3; ++i)
    out.push_back(found[i].second);
  return out;
}

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  // Produced ROS names by their last segment: a consumer under another namespace than its
  // producer (the node started in `robot1`, the publisher in the root) is told where the
  // same name is produced.
  std::map<std::string, std::vector<const Channel *>> producedByBase;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.producers.empty() && !rosBaseName(address).empty())
      producedByBase[rosBaseName(address)].push_back(&channel);
  for (const auto &[address, channel] : graph.channels()) {
    // Topic ends only: a ROS service or action nobody calls waits for callers (nothing wrong),
    // and a service of the topic's name is not its producer (robot_localization's
    // `set_pose`, a topic and a service). (A near-miss: channel-name-typo's finding replaces
    // this one, see RuleInfo::replaces.)
    auto isTopic = [&](size_t index) { return graph.endpoints()[index].kind == ChannelKind::Topic; };
    const bool producedAsService = !channel.producers.empty() && std::none_of(channel.producers.begin(),
                                                                              channel.producers.end(), isTopic);
    if (std::none_of(channel.consumers.begin(), channel.consumers.end(), isTopic) ||
        (graph.isProduced(address) && !producedAsService))
      continue;
    auto byService = endpointsByService(graph, channel, Role::Consume);
    for (auto &[service, endpoints] : byService)
      std::erase_if(endpoints, [](const Endpoint *e) { return e->kind != ChannelKind::Topic; });
    std::erase_if(byService, [](const auto &entry) { return entry.second.empty(); });
    for (const auto &[service, endpoints] : byService) {
      Finding &f =
          report(endpoints.front()->location,
                 quoted(address) + " is consumed by " + service + " but no service produces it", service, {address});
      addOtherLocations(f, endpoints, service + " also consumes " + quoted(address) + " here");
      addLaunchNote(f, *endpoints.front());
      size_t shown = 0;
      if (auto same = producedByBase.find(rosBaseName(address)); same != producedByBase.end())
        for (; shown < same->second.size() && shown < 3; ++shown) {
          const Endpoint &producer = graph.endpoints()[same->second[shown]->producers.front()];
          f.notes.push_back({producer.location, producer.service + " produces " + quoted(producer.channel) +
                                                    ", the same name in another namespace"});
        }
      // Publishers of its type that nothing subscribes, with a name that shares a word.
      const std::string type =
          endpoints.front()->messageType.empty() ? "" : rosInterfaceName(endpoints.front()->messageType);
      for (const Channel *orphan : orphansOfItsType(graph, address, type)) {
        const Endpoint &producer = graph.endpoints()[orphan->producers.front()];
        f.notes.push_back({producer.madeAt.empty() ? producer.location : producer.madeAt,
                           producer.service + " produces " + quoted(orphan->address) +
                                                  " of the same type (" + type + "), which nothing consumes"});
      }
      // A topic ROS publishes for a node (a lifecycle node's ~/transition_event) under
      // another namespace: the subscriber's absolute name misses the node's namespace.
      for (const auto &[key, provided] : graph.allRosProvided())
        if (!key.second && shown < 3 && rosBaseName(key.first) == rosBaseName(address) && !provided.node.empty()) {
          f.notes.push_back({provided.node, "ROS publishes " + quoted(key.first) + " for " + provided.by +
                                                ", the same name in another namespace"});
          ++shown;
        }
    }
  }
}

} // namespace

const Rule &unproducedEventRule() {
  static const Rule rule{
      .info =
          {
              .id = "unproduced-event",
              .name = "UnproducedEvent",
              .summary = "A channel is consumed but no service produces it.",
              .documentation = R"(## What it does
Reports each service that consumes a channel which no code, contract or manifest of the
system produces. When channel-name-typo reports the channel as a near-miss of a produced
one, its finding replaces this one (switched off, it replaces nothing). For a ROS topic,
notes show where the same name is produced under another namespace (a node started in
`robot1` subscribing `cmd_vel` hears `/robot1/cmd_vel`, not the root's `/cmd_vel`), and
the topics of the subscription's message type that are published but consumed by nothing
and share a word of the last segment (`/pose_estimate` subscribed, `/pose_estimate_new`
published, both PoseStamped): the up to three nearest in spelling.

## Why is this bad
The consumer waits for events that never come: dead code at best, a feature silently not
working at worst.

## Example
`mailer` subscribes to `user.deleted`, but nothing publishes `user.deleted`.

## Options
None.)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
