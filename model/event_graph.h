// The event graph: who produces and who consumes which channel, and which consumed
// channel leads a service to produce which other one. Built by the analyzer, read by
// rules and renderers. Knows nothing of Clang or YAML.
#pragma once

#include "model/location.h"
#include "model/ros_names.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

enum class Role { Produce, Consume };
// What a channel is: a topic (publish/subscribe), or a ROS service or action, whose server
// consumes requests (goals) and whose clients produce them; a call is answered by its
// server, so such a channel is a request/reply by design.
enum class ChannelKind { Topic, Service, Action };
enum class Origin { Code, Contract, Manifest };

std::string_view roleName(Role role);
// "topic", "service", "action".
std::string_view channelKindName(ChannelKind kind);
// The role as the field names it: "produce"/"consume" on a topic, "call"/"serve" on a ROS
// service or action.
std::string_view roleName(Role role, ChannelKind kind);
std::string_view originName(Origin origin);

// How a channel name found in code is known: a constant; the default of a configuration read
// (`declare_parameter("topic", "scan")`) or the value eventscope.yaml's `parameters:` gives
// it; a pattern whose `{name}` pieces are known only at run time (`"orders." + id`).
enum class ChannelValue { Constant, Default, Configured, Pattern };
std::string_view channelValueName(ChannelValue value); // "constant", "default", "configured", "pattern"

// One place where a service produces or consumes a channel.
struct Endpoint {
  std::string service;
  std::string channel;
  Role role = Role::Produce;
  Location location;
  Origin origin = Origin::Code;
  std::string api;     // the messaging API that matched, e.g. "RdKafka::Producer::produce"
  std::string handler; // for a consumer: the function that handles the message, if known
  std::string function; // code: the function the call is in
  ChannelValue value = ChannelValue::Constant; // code: how the channel name is known
  std::string setting;  // code, a default or configured value: the setting's name
  // The payload's type where the code shows it, qualified ("std_msgs::msg::String"); empty
  // when unknown. Compared as ROS compares types (ros_names.h' rosInterfaceName).
  std::string messageType;
  QosPolicies qos; // a ROS 2 publisher's or subscription's QoS, where the code gives it
  std::string nameInCode; // code: the name as written, when the channel is its resolution (ROS names)
  // code: the launch file's node that starts the process making this call, when launch files
  // are read (the channel is then resolved and remapped as that node does); empty otherwise.
  Location launchedAt;
  ChannelKind kind = ChannelKind::Topic; // the API's: a ROS service or action call or server
  RosNode rosNode; // code, a ROS API's call: the node it is made on (launched or as the code names it)
  // code, a send on a handle: the type of the message sent when it is not the handle's
  // (ROS 1 `publish(Float32)` on `advertise<UInt16>`); messageType stays the handle's, which
  // is what the other ends see.
  std::string sentType;
  // code: where the handle the call is made on was made with its channel (`create_publisher`,
  // `advertise`, `rd_kafka_topic_new`, a wrapper object's construction), when not at the call.
  Location madeAt;
  // code, an endpoint at a call of the project's wrapper: the messaging call inside it.
  Location apiAt;
  // A consumer whose channel is a Redis PSUBSCRIBE glob (`news.*`, `*`): it covers what
  // redisGlobMatches says, not what channelMatches says of the same text (model/channel_match.h).
  bool glob = false;
  // code, with launchedAt: what that node runs, "package/executable" (a composable node's
  // "package/Class"): told apart from another launched node that runs the same line because
  // its program links the same library.
  std::string launchedProgram{};
};

// Inside one service, consuming `from` leads to producing `to`. `via` is the chain of
// functions from the handler to the producing call (empty for a manifest's statement).
struct Trigger {
  std::string service;
  std::string from;
  std::string to;
  std::vector<std::string> via;
  Location location; // the producing call, or the manifest entry
  Origin origin = Origin::Code;
};

// A messaging call whose channel could not be determined statically.
struct UnresolvedSite {
  std::string service;
  Location location;
  std::string api;
  std::string reason;
  Role role = Role::Produce;              // the API's role
  ChannelKind kind = ChannelKind::Topic;  // a ROS service or action call or server, or a topic
  std::string messageType;                // as Endpoint's: the payload's type where the code shows it
  // At a call of the project's own wrapper: the messaging call inside it (Endpoint::apiAt);
  // empty otherwise.
  Location apiAt;
};

// A call that persists state (a database write), for dual-write.
struct PersistenceSite {
  std::string service;
  std::string function; // the function the call is in
  Location location;
  std::string api;
  bool outbox = false; // the statement names an outbox table: the transactional-outbox pattern
};

// A code file whose facts are incomplete: parsed with errors (a missing header, code Clang
// rejects) or not analysed at all. What it would have added to the graph may be missing,
// so the analysis-incomplete rule reports it and a gate never passes on code not read.
struct IncompleteUnit {
  std::string file;    // relative to the root
  std::string service; // the service the file belongs to ("" when none)
  bool failed = false; // nothing of it was read; otherwise partial
  bool crashed = false; // eventscope crashed on it (a bug of eventscope's)
  Location cause;       // the first cause: a missing #include, the first error, the function
  std::string reason;   // ... and what it is
  size_t missingHeaders = 0;
  size_t errors = 0;
  Location stoppedAt;   // reading stopped here, the rest of the file was not read (empty: no)
};

// A launch file's remapping rule that renames nothing the code of its node names (ROS's
// remapping applies to a name the node resolves; a `from` no call gives is a dead rule: a
// typo, a topic renamed in the code, or a remap on the wrong node). The unused-remap rule
// reports it at the rule's line.
struct UnusedRemap {
  Location at;           // the <remap>, `remappings=` entry or SetRemap, in the launch file
  std::string from, to;  // as the launch file gives them (resolved as the node resolves them)
  std::string node;      // the launched node: package/executable, and ('name') when it has one
  size_t runTimeNames = 0; // calls of the node's code whose names are known only at run time
  // Not empty: the rule is never applied, and why (a ROS 1 `<remap>` inside `<include>`).
  std::string ignoredBecause;
};

struct Service {
  std::string name;
  std::vector<Location> declaredAt; // manifests or contracts that name it
};

struct Channel {
  std::string address;
  uint32_t number = 0; // its place in address order: channelNumbered(number) is this channel
  std::vector<size_t> producers; // indices into EventGraph::endpoints
  std::vector<size_t> consumers;
  // Channels this one covers or is covered by through a parameter or a wildcard
  // (`orders.{id}` and `orders.42`): what one produces, the other may consume.
  std::vector<std::string> linked;
  // Some consumer reads the address as a Redis glob (Endpoint::glob): it links by Redis's rules.
  bool glob = false;
};

struct ContractDocument;
struct ObservedGraph;

// The most endpoints plus triggers a graph holds (about 3 GB of memory at the limit). The
// environment variable EVENTSCOPE_MAX_GRAPH_SIZE sets another. Adding past it, or linking
// patterns to channels more times than it, throws InputError (model/input_error.h).
size_t graphSizeLimit();

class EventGraph {
public:
  EventGraph();
  ~EventGraph();
  EventGraph(const EventGraph &);
  EventGraph &operator=(const EventGraph &);
  EventGraph(EventGraph &&) noexcept;
  EventGraph &operator=(EventGraph &&) noexcept;

  void addService(const std::string &name, const Location &declaredAt = {});
  void addEndpoint(Endpoint endpoint);
  void addTrigger(Trigger trigger);
  void addUnresolved(UnresolvedSite site);
  // Drops the unresolved sites `drop` says yes to (those in excluded files: `exclude` is
  // never reported, in `scan` as in `check`).
  void removeUnresolvedIf(const std::function<bool(const UnresolvedSite &)> &drop);
  void addContract(ContractDocument contract);
  void addPersistence(PersistenceSite site);
  void addIncompleteUnit(IncompleteUnit unit);
  void addUnusedRemap(UnusedRemap remap) { unusedRemaps_.push_back(std::move(remap)); }
  // The graph recorded traces show (model/observed.h), held beside the static one; rules
  // compare the two. Null when no traces were given.
  void setObserved(std::shared_ptr<const ObservedGraph> observed) { observed_ = std::move(observed); }
  const ObservedGraph *observed() const { return observed_.get(); }

  // Sorts and de-duplicates everything and builds the per-channel indices. Called once
  // after the analyzers are done; the accessors below are valid only after it.
  void finalize();

  const std::map<std::string, Service> &services() const { return services_; }
  const std::map<std::string, Channel> &channels() const { return channels_; }
  const std::vector<Endpoint> &endpoints() const { return endpoints_; }
  const std::vector<Trigger> &triggers() const { return triggers_; }
  const std::vector<UnresolvedSite> &unresolved() const { return unresolved_; }
  const std::vector<ContractDocument> &contracts() const { return contracts_; }
  const std::vector<PersistenceSite> &persistence() const { return persistence_; }
  const std::vector<IncompleteUnit> &incompleteUnits() const { return incomplete_; }
  const std::vector<UnusedRemap> &unusedRemaps() const { return unusedRemaps_; }

  const Channel *channel(const std::string &address) const;
  // The channel and every channel linked to it (a parameter or a wildcard): where what is
  // produced on it may be consumed, and the other way round.
  std::vector<const Channel *> withLinked(const Channel &channel) const;
  // Produced (consumed) under this name or a linked one, or by ROS itself: a topic ROS
  // publishes (a service it serves) in the process of a node the code shows.
  bool isProduced(const std::string &address) const;
  bool isConsumed(const std::string &address) const;
  // The topic (`serves`: service) ROS itself publishes (serves) under this name in the
  // process of a node some endpoint is made on (ros_names.h, rosProvidedNames); null if none.
  const RosProvidedName *rosProvided(const std::string &address, bool serves) const;
  // Every name ROS provides in the nodes' processes, by (name, serves), with the node's first
  // endpoint as its location.
  const std::map<std::pair<std::string, bool>, RosProvidedName> &allRosProvided() const { return rosProvided_; }

  // Triggers leaving a channel, in sorted order (indices into triggers()).
  const std::vector<size_t> &triggersFrom(const std::string &address) const;

  // Numbers, for rules that walk a million edges: channels numbered in address order,
  // each trigger's two channels, and each endpoint's service (equal numbers, equal names;
  // the numbers themselves mean nothing else).
  struct TriggerEnds {
    uint32_t from, to;
  };
  const Channel &channelNumbered(uint32_t number) const { return *numbered_[number]; }
  size_t channelCount() const { return numbered_.size(); }
  const std::vector<TriggerEnds> &triggerEnds() const { return triggerEnds_; }
  const std::vector<uint32_t> &endpointServices() const { return endpointServices_; }

private:
  void checkSize(const Location &adding);

  size_t sizeLimit_;
  std::map<std::string, Service> services_;
  std::map<std::string, Channel> channels_;
  std::vector<Endpoint> endpoints_;
  std::vector<Trigger> triggers_;
  std::vector<UnresolvedSite> unresolved_;
  std::vector<ContractDocument> contracts_;
  std::vector<PersistenceSite> persistence_;
  std::vector<IncompleteUnit> incomplete_;
  std::vector<UnusedRemap> unusedRemaps_;
  std::map<std::string, std::vector<size_t>> triggersFrom_;
  std::vector<Channel *> numbered_;
  std::vector<TriggerEnds> triggerEnds_;
  std::vector<uint32_t> endpointServices_;
  std::map<std::pair<std::string, bool>, RosProvidedName> rosProvided_; // by (name, serves)
  std::shared_ptr<const ObservedGraph> observed_;
};

// A channel's kind: a ROS service or action when any of its endpoints is one (the API that
// made it says so), else a topic.
ChannelKind channelKind(const EventGraph &graph, const Channel &channel);

} // namespace eventscope
