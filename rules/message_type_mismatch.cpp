// message-type-mismatch: the producers and the consumers of one channel use different
// message types, so the consumers never receive (ROS 1 refuses the connection when the
// types' MD5 sums differ; ROS 2 discovery does not match endpoints of different types).
#include "model/ros_names.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>
#include <set>

namespace eventscope {
namespace {

// "std_msgs::String (listener.cpp:13)", for each endpoint whose type is not `typeKey`.
// Each place once (one line of code in several launched nodes).
std::string othersOf(const std::vector<const Endpoint *> &endpoints, const std::string &typeKey) {
  std::string out;
  std::set<std::string> listed;
  for (const Endpoint *e : endpoints)
    if (std::string one = e->messageType + " (" + formatLocation(e->location) + ")";
        rosInterfaceName(e->messageType) != typeKey && listed.insert(one).second)
      out += (out.empty() ? "" : ", ") + one;
  return out;
}

// A note at each of `others` whose type is not `typeKey`: "svc consumes it as T".
void noteOthers(Finding &f, const std::vector<const Endpoint *> &others, const std::string &typeKey, const char *verb) {
  std::set<std::pair<Location, std::string>> noted;
  for (const Endpoint *other : others)
    if (std::string text = other->service + " " + verb + " it as " + other->messageType;
        rosInterfaceName(other->messageType) != typeKey && noted.emplace(other->location, text).second)
      f.notes.push_back({other->location, text});
}

void compareTypes(const EventGraph &graph, const std::string &address, const Channel &channel, ChannelKind kind,
                  Reporter &report);

void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {
  for (const auto &[address, channel] : graph.channels()) {
    // A message sent through a handle made for another type (ROS 1 `publish(Float32)` on
    // `advertise<UInt16>`): said at the send, whatever the other ends. One line in several
    // launched nodes is one finding.
    std::set<std::pair<Location, std::string>> sent;
    for (size_t index : channel.producers) {
      const Endpoint &e = graph.endpoints()[index];
      if (e.origin != Origin::Code || e.sentType.empty() || !sent.emplace(e.location, e.service).second)
        continue;
      Finding &f = report(e.location,
                          e.service + " sends " + e.sentType + " on " + quoted(address) + " through a publisher made for " +
                              e.messageType +
                              (e.madeAt.file.empty() ? "" : " (" + formatLocation(e.madeAt) + ")") +
                              ": its subscribers expect " + e.messageType +
                              " and cannot read it (roscpp's publish asserts the types agree in a debug build)",
                          e.service, {address});
      f.identity = rosInterfaceName(e.sentType) + "\nsent";
      if (!e.madeAt.file.empty())
        f.notes.push_back({e.madeAt, "the publisher is made for " + e.messageType + " here"});
    }
    // A ROS topic and a service (or action) of one name are different things that never
    // meet (robot_localization's `set_pose` topic and `set_pose` service): compared apart.
    for (ChannelKind kind : {ChannelKind::Topic, ChannelKind::Service, ChannelKind::Action})
      compareTypes(graph, address, channel, kind, report);
  }
}

// The words for the two sides of a channel of `kind`: a topic's ends produce and consume, a
// service's (or action's) call and serve (the JSON's roles).
struct Verbs {
  const char *produces, *consumes, *produced, *consumed, *noneMeet;
};
Verbs verbsOf(ChannelKind kind) {
  if (kind == ChannelKind::Topic)
    return {"produces", "consumes", "produced", "consumed", "no message passes between them"};
  return {"calls", "serves", "called", "served", "no call reaches a server of another type"};
}

// The type comparisons among the ends of `channel` of one `kind`.
void compareTypes(const EventGraph &graph, const std::string &address, const Channel &channel, ChannelKind kind,
                  Reporter &report) {
  const Verbs verbs = verbsOf(kind);
  {
    std::vector<const Endpoint *> producers, consumers;
    std::set<std::string> producedTypes, consumedTypes;
    for (auto [indices, ends, types] : {std::tie(channel.producers, producers, producedTypes),
                                        std::tie(channel.consumers, consumers, consumedTypes)})
      for (size_t index : indices) {
        const Endpoint &e = graph.endpoints()[index];
        if (e.origin != Origin::Code || e.messageType.empty() || e.kind != kind)
          continue;
        ends.push_back(&e);
        types.insert(rosInterfaceName(e.messageType));
      }
    // Consumers only, of several types (held-back rtabmap's `imu`, published by a driver the
    // analysis does not see): whatever type the publisher has, some of them never receive.
    // Said at each consumer, naming the others' types.
    if (producers.empty() && consumedTypes.size() > 1) {
      std::set<std::pair<Location, std::string>> told;
      for (const Endpoint *c : consumers) {
        std::string key = rosInterfaceName(c->messageType);
        if (!told.emplace(c->location, c->service + "\n" + key).second)
          continue;
        Finding &f = report(c->location,
                            c->service + " " + verbs.consumes + " " + quoted(address) + " as " + c->messageType +
                                ", but it is also " + verbs.consumed + " as " + othersOf(consumers, key) +
                                (kind == ChannelKind::Topic
                                     ? ": whatever type its publisher has, some of these subscribers never receive"
                                     : ": whatever type its callers use, some of these servers never answer them"),
                            c->service, {address});
        f.identity = key + "\nconsumers";
        addLaunchNote(f, *c);
        noteOthers(f, consumers, key, verbs.consumes);
      }
    }
    if (producers.empty() || consumers.empty())
      return;
    auto reportSide = [&](const Endpoint &e, const std::set<std::string> &otherSide,
                          const std::vector<const Endpoint *> &others, const char *does, const char *otherDoes,
                          const char *otherVerb) {
      std::string key = rosInterfaceName(e.messageType);
      if (otherSide.count(key))
        return;
      Finding &f = report(e.location,
                          e.service + " " + does + " " + quoted(address) + " as " + e.messageType + ", but it is " +
                              otherDoes + " as " + othersOf(others, key) + ": " + verbs.noneMeet,
                          e.service, {address});
      f.identity = key;
      addLaunchNote(f, e);
      noteOthers(f, others, key, otherVerb);
    };
    // One line of code in several launched nodes is several endpoints of one place and type:
    // one finding says it (the text would be the same for each).
    std::set<std::pair<Location, std::string>> said;
    auto once = [&](const Endpoint &e) { return said.emplace(e.location, e.service + "\n" + e.messageType).second; };
    for (const Endpoint *p : producers)
      if (once(*p))
        reportSide(*p, consumedTypes, consumers, verbs.produces, verbs.consumed, verbs.consumes);
    for (const Endpoint *c : consumers)
      if (once(*c))
        reportSide(*c, producedTypes, producers, verbs.consumes, verbs.produced, verbs.produces);
    // Every end has a partner of its type, but the topic carries several types (a name
    // copied from the line above): each subscriber is also offered publishers of another
    // type, which ROS 1 refuses with an error in both nodes' logs. Said at each producer
    // some consumer takes as another type.
    if (consumedTypes.size() > 1 && std::includes(producedTypes.begin(), producedTypes.end(), consumedTypes.begin(),
                                                  consumedTypes.end()))
      for (const Endpoint *p : producers) {
        std::string key = rosInterfaceName(p->messageType);
        if (!consumedTypes.count(key) || !said.emplace(p->location, p->service + "\nmixed\n" + p->messageType).second)
          continue; // (reported above, or at this place already)
        Finding &f = report(p->location,
                            p->service + " produces " + quoted(address) + " as " + p->messageType +
                                ", but it is also consumed as " + othersOf(consumers, key) +
                                ": one topic carries several message types, and each connection between ends of "
                                "different types is refused",
                            p->service, {address});
        f.identity = key + "\nmixed";
        addLaunchNote(f, *p);
        noteOthers(f, consumers, key, "consumes");
      }
  }
}

} // namespace

const Rule &messageTypeMismatchRule() {
  static const Rule rule{
      .info =
          {
              .id = "message-type-mismatch",
              .name = "MessageTypeMismatch",
              .summary = "The producers and consumers of one channel use different message types.",
              .documentation = R"(## What it does
Compares the message type of every producer and consumer of a channel, where the code
shows it (the template argument of `advertise<T>`, `create_publisher<T>`,
`create_subscription<T>`, the parameter of a ROS 1 subscriber's callback, an `apis`
entry's `message_type`), and reports each end whose type no end of the other side uses,
naming the other side's types and locations. A topic whose ends all find a partner of
their type but that carries several types (one name given to two topics) is reported at
each producer that some consumer takes as another type. A message sent through a publisher
made for another type (ROS 1 `pub.publish(msg)` of a `Float32` on `advertise<UInt16>`) is
reported at the send, whether or not the topic has subscribers. Subscribers of one topic
that expect different types, with no producer in the analysed code, are reported at each
subscriber: whatever the publisher sends, some of them never receive. Types are compared as ROS compares them:
`std_msgs::msg::String` (ROS 2) and `std_msgs::String` (ROS 1) are both `std_msgs/String`.

## Why is this bad
The middleware matches a publisher and a subscriber only when their types agree: ROS 1
refuses the connection (an MD5 sum mismatch in the log of one node), ROS 2 never matches
them. The subscriber waits for messages that never come, and nothing fails at build time.
A ROS 1 publisher sends whatever `publish` is given under the type it advertised: a debug
build of roscpp stops at its assertion ("Trying to publish message of type [...] on a
publisher with type [...]"), a release build sends bytes its subscribers misread.

## Example
`nh.advertise<actionlib_msgs::GoalID>("/dispatch", 100)` in one node,
`nh.subscribe("/dispatch", 10, cb)` with `void cb(const std_msgs::String::ConstPtr &)`
in another.

## Options
None.)",
              .defaultSeverity = Severity::Error,
          },
      .run = run,
  };
  return rule;
}

} // namespace eventscope
