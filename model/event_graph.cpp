#include "model/event_graph.h"

#include "model/channel_match.h"
#include "model/contracts.h"
#include "model/input_error.h"

#include <algorithm>
#include <cstdlib>
#include <ranges>
#include <set>
#include <tuple>
#include <unordered_map>

namespace eventscope {

std::string_view roleName(Role role) {
  return role == Role::Produce ? "produce" : "consume";
}

std::string_view channelKindName(ChannelKind kind) {
  return kind == ChannelKind::Service ? "service" : kind == ChannelKind::Action ? "action" : "topic";
}

std::string_view roleName(Role role, ChannelKind kind) {
  if (kind == ChannelKind::Topic)
    return roleName(role);
  return role == Role::Produce ? "call" : "serve";
}

std::string_view channelValueName(ChannelValue value) {
  switch (value) {
  case ChannelValue::Constant: return "constant";
  case ChannelValue::Default: return "default";
  case ChannelValue::Configured: return "configured";
  case ChannelValue::Pattern: return "pattern";
  }
  return "constant";
}

std::string_view originName(Origin origin) {
  switch (origin) {
  case Origin::Code:
    return "code";
  case Origin::Contract:
    return "contract";
  case Origin::Manifest:
    return "manifest";
  }
  return "code";
}

size_t graphSizeLimit() {
  const size_t defaultLimit = 10'000'000;
  const char *text = std::getenv("EVENTSCOPE_MAX_GRAPH_SIZE");
  if (!text || !*text)
    return defaultLimit;
  char *end = nullptr;
  unsigned long long value = std::strtoull(text, &end, 10);
  return *end == '\0' && value > 0 ? static_cast<size_t>(value) : defaultLimit;
}

EventGraph::EventGraph() : sizeLimit_(graphSizeLimit()) {}

void EventGraph::checkSize(const Location &adding) {
  if (endpoints_.size() + triggers_.size() < sizeLimit_)
    return;
  throw InputError(adding, "the event graph would hold more than " + std::to_string(sizeLimit_) +
                              " endpoints and triggers (the limit; EVENTSCOPE_MAX_GRAPH_SIZE sets another)");
}
EventGraph::~EventGraph() = default;
// numbered_ points into channels_: a copy points into its own.
EventGraph::EventGraph(const EventGraph &other)
    : sizeLimit_(other.sizeLimit_), services_(other.services_), channels_(other.channels_),
      endpoints_(other.endpoints_), triggers_(other.triggers_), unresolved_(other.unresolved_),
      contracts_(other.contracts_), persistence_(other.persistence_), incomplete_(other.incomplete_),
      unusedRemaps_(other.unusedRemaps_), triggersFrom_(other.triggersFrom_),
      numbered_(other.numbered_.size(), nullptr), triggerEnds_(other.triggerEnds_),
      endpointServices_(other.endpointServices_), rosProvided_(other.rosProvided_), observed_(other.observed_) {
  if (!numbered_.empty())
    for (Channel &channel : channels_ | std::views::values)
      numbered_[channel.number] = &channel;
}

EventGraph &EventGraph::operator=(const EventGraph &other) {
  if (this != &other)
    *this = EventGraph(other);
  return *this;
}
EventGraph::EventGraph(EventGraph &&) noexcept = default;
EventGraph &EventGraph::operator=(EventGraph &&) noexcept = default;

void EventGraph::addContract(ContractDocument contract) {
  addService(contract.service, contract.location);
  contracts_.push_back(std::move(contract));
}

void EventGraph::addPersistence(PersistenceSite site) { persistence_.push_back(std::move(site)); }

void EventGraph::addIncompleteUnit(IncompleteUnit unit) { incomplete_.push_back(std::move(unit)); }

void EventGraph::addService(const std::string &name, const Location &declaredAt) {
  Service &service = services_[name];
  service.name = name;
  if (!declaredAt.empty())
    service.declaredAt.push_back(declaredAt);
}

void EventGraph::addEndpoint(Endpoint endpoint) {
  checkSize(endpoint.location);
  addService(endpoint.service);
  endpoints_.push_back(std::move(endpoint));
}

void EventGraph::addTrigger(Trigger trigger) {
  checkSize(trigger.location);
  addService(trigger.service);
  triggers_.push_back(std::move(trigger));
}

void EventGraph::addUnresolved(UnresolvedSite site) {
  addService(site.service);
  unresolved_.push_back(std::move(site));
}

void EventGraph::removeUnresolvedIf(const std::function<bool(const UnresolvedSite &)> &drop) {
  std::erase_if(unresolved_, drop);
}

namespace {

// Distinct strings numbered in sorted order, so that sorting a million records compares
// integers instead of long strings with common prefixes.
class Ranks {
public:
  // Where the value's rank will be, once number() has run (one hash per value, not two).
  const uint32_t *add(const std::string &value) {
    // Records come in runs (one file's calls, one channel's consumers): the last value
    // is often the same, and a comparison is cheaper than a hash.
    if (last_ && last_->first == value)
      return &last_->second;
    last_ = &*index_.try_emplace(value, 0).first;
    return &last_->second;
  }
  void number() {
    std::vector<std::pair<const std::string, uint32_t> *> sorted;
    sorted.reserve(index_.size());
    for (auto &entry : index_)
      sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->first < b->first; });
    for (uint32_t i = 0; i < sorted.size(); ++i)
      sorted[i]->second = i;
  }
  size_t size() const { return index_.size(); }

private:
  std::unordered_map<std::string, uint32_t> index_; // copies: the records move while sorted
  std::pair<const std::string, uint32_t> *last_ = nullptr;
};

// Reorders `items` in place so that items[i] becomes the old items[order[i]], following
// the permutation's cycles: no second copy of a million records (and its page faults).
template <typename T> void permuteInPlace(std::vector<T> &items, std::vector<uint32_t> order) {
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i)
      continue;
    T held = std::move(items[i]);
    uint32_t j = i;
    while (order[j] != i) {
      uint32_t k = order[j];
      items[j] = std::move(items[k]);
      order[j] = j;
      j = k;
    }
    items[j] = std::move(held);
    order[j] = j;
  }
}

// Puts `records` in the order of their sorted `keys` (indexOf(key) is the record's place
// before sorting), then keeps the first record of each run that sameAsKept(i, kept) calls
// one; records and keys stay parallel.
template <typename Record, typename Key, typename IndexOf, typename SameAsKept>
void orderAndKeepFirst(std::vector<Record> &records, std::vector<Key> &keys, IndexOf indexOf, SameAsKept sameAsKept) {
  std::vector<uint32_t> order;
  order.reserve(keys.size());
  for (const Key &key : keys)
    order.push_back(indexOf(key));
  permuteInPlace(records, std::move(order));
  size_t kept = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    if (kept > 0 && sameAsKept(i, kept - 1))
      continue;
    if (kept != i) {
      records[kept] = std::move(records[i]);
      keys[kept] = keys[i];
    }
    ++kept;
  }
  records.resize(kept);
  keys.resize(kept);
}

} // namespace

void EventGraph::finalize() {
  Ranks channelRank, serviceRank, fileRank;
  struct EndpointRanks {
    const uint32_t *channel, *service, *file;
  };
  struct TriggerRanks {
    const uint32_t *service, *from, *to;
  };
  std::vector<EndpointRanks> endpointRanks;
  endpointRanks.reserve(endpoints_.size());
  for (const Endpoint &e : endpoints_)
    endpointRanks.push_back({channelRank.add(e.channel), serviceRank.add(e.service), fileRank.add(e.location.file)});
  std::vector<TriggerRanks> triggerRanks;
  triggerRanks.reserve(triggers_.size());
  for (const Trigger &t : triggers_)
    triggerRanks.push_back({serviceRank.add(t.service), channelRank.add(t.from), channelRank.add(t.to)});
  channelRank.number();
  serviceRank.number();
  fileRank.number();

  // Endpoints by (channel, role, service, location, origin, api, handler).
  struct EndpointKey {
    uint32_t channel, service, file, line, column;
    Role role;
    uint32_t index; // in endpoints_ before sorting
    auto tied() const { return std::tie(channel, role, service, file, line, column); }
  };
  std::vector<EndpointKey> endpointKeys;
  endpointKeys.reserve(endpoints_.size());
  for (uint32_t i = 0; i < endpoints_.size(); ++i) {
    const Endpoint &e = endpoints_[i];
    const EndpointRanks &r = endpointRanks[i];
    endpointKeys.push_back({*r.channel, *r.service, *r.file, e.location.line, e.location.column, e.role, i});
  }
  // The keys are sorted where they lie (contiguous, no indirection); strings are compared
  // only between equal keys.
  std::sort(endpointKeys.begin(), endpointKeys.end(), [&](const EndpointKey &x, const EndpointKey &y) {
    if (x.tied() != y.tied())
      return x.tied() < y.tied();
    const Endpoint &p = endpoints_[x.index], &q = endpoints_[y.index];
    return std::tie(p.location.pointer, p.launchedAt, p.origin, p.api, p.handler) <
           std::tie(q.location.pointer, q.launchedAt, q.origin, q.api, q.handler);
  });
  // The same call seen from two translation units (a header) is one endpoint; the same call
  // in two launched nodes (two processes) is two.
  orderAndKeepFirst(endpoints_, endpointKeys, [](const EndpointKey &key) { return key.index; },
                    [&](size_t i, size_t kept) {
                      return endpointKeys[i].tied() == endpointKeys[kept].tied() &&
                             endpoints_[i].location.pointer == endpoints_[kept].location.pointer &&
                             endpoints_[i].launchedAt == endpoints_[kept].launchedAt;
                    });

  // One trigger per (service, from, to): the shortest chain of calls is the evidence kept.
  // (service, from, to, length of via, index in triggers_ before sorting)
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t, size_t, uint32_t>> triggerKeys;
  triggerKeys.reserve(triggers_.size());
  for (uint32_t i = 0; i < triggers_.size(); ++i) {
    const TriggerRanks &r = triggerRanks[i];
    triggerKeys.emplace_back(*r.service, *r.from, *r.to, triggers_[i].via.size(), i);
  }
  std::sort(triggerKeys.begin(), triggerKeys.end(), [&](const auto &x, const auto &y) {
    auto tied = [](const auto &k) { return std::tie(std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k)); };
    if (tied(x) != tied(y))
      return tied(x) < tied(y);
    const Trigger &a = triggers_[std::get<4>(x)], &b = triggers_[std::get<4>(y)];
    return std::tie(a.via, a.location) < std::tie(b.via, b.location);
  });
  orderAndKeepFirst(triggers_, triggerKeys, [](const auto &key) { return std::get<4>(key); },
                    [&](size_t i, size_t kept) {
                      const auto &a = triggerKeys[i], &b = triggerKeys[kept];
                      return std::get<0>(a) == std::get<0>(b) && std::get<1>(a) == std::get<1>(b) &&
                             std::get<2>(a) == std::get<2>(b);
                    });

  std::sort(unresolved_.begin(), unresolved_.end(), [](const UnresolvedSite &a, const UnresolvedSite &b) {
    return std::tie(a.location, a.service, a.api, a.reason) < std::tie(b.location, b.service, b.api, b.reason);
  });
  unresolved_.erase(std::unique(unresolved_.begin(), unresolved_.end(),
                                [](const UnresolvedSite &a, const UnresolvedSite &b) {
                                  return a.location == b.location && a.api == b.api;
                                }),
                    unresolved_.end());

  std::sort(incomplete_.begin(), incomplete_.end(),
            [](const IncompleteUnit &a, const IncompleteUnit &b) { return a.file < b.file; });

  for (Service &service : services_ | std::views::values) {
    std::sort(service.declaredAt.begin(), service.declaredAt.end());
    service.declaredAt.erase(std::unique(service.declaredAt.begin(), service.declaredAt.end()),
                             service.declaredAt.end());
  }

  std::sort(contracts_.begin(), contracts_.end(),
            [](const ContractDocument &a, const ContractDocument &b) { return a.location < b.location; });

  std::sort(persistence_.begin(), persistence_.end(), [](const PersistenceSite &a, const PersistenceSite &b) {
    return std::tie(a.location, a.function, a.service, a.api) < std::tie(b.location, b.function, b.service, b.api);
  });
  persistence_.erase(std::unique(persistence_.begin(), persistence_.end(),
                                 [](const PersistenceSite &a, const PersistenceSite &b) {
                                   return a.location == b.location && a.function == b.function && a.service == b.service;
                                 }),
                     persistence_.end());

  // Channels are numbered by their rank: every channel is named by an endpoint or a trigger.
  channels_.clear();
  triggersFrom_.clear();
  numbered_.assign(channelRank.size(), nullptr);
  for (size_t i = 0; i < endpoints_.size(); ++i) {
    uint32_t number = endpointKeys[i].channel;
    Channel *&channel = numbered_[number];
    if (!channel) { // endpoints come sorted by channel: each is appended at the end of the map
      channel = &channels_.emplace_hint(channels_.end(), endpoints_[i].channel, Channel{})->second;
      channel->address = endpoints_[i].channel;
      channel->number = number;
    }
    (endpoints_[i].role == Role::Produce ? channel->producers : channel->consumers).push_back(i);
    channel->glob = channel->glob || endpoints_[i].glob;
  }
  endpointServices_.resize(endpoints_.size());
  for (size_t i = 0; i < endpoints_.size(); ++i)
    endpointServices_[i] = endpointKeys[i].service;
  triggerEnds_.resize(triggers_.size());
  std::vector<std::vector<size_t>> leaving(numbered_.size());
  for (size_t i = 0; i < triggers_.size(); ++i) {
    auto [service, from, to, via, index] = triggerKeys[i];
    triggerEnds_[i] = {from, to};
    for (auto [number, address] : {std::pair{from, &triggers_[i].from}, std::pair{to, &triggers_[i].to}})
      if (!numbered_[number]) {
        Channel &channel = channels_[*address];
        channel.address = *address;
        channel.number = number;
        numbered_[number] = &channel;
      }
    leaving[from].push_back(i);
  }
  for (uint32_t number = 0; number < numbered_.size(); ++number)
    if (!leaving[number].empty())
      triggersFrom_.emplace_hint(triggersFrom_.end(), numbered_[number]->address, std::move(leaving[number]));
  // Only channels that start and end with a pattern's literal text are tried against it:
  // those starting with its prefix are one range of the sorted map, those ending with its
  // suffix one range of the reversed names. So 20,000 parameterised channels are not
  // 20,000 scans of every channel.
  std::vector<std::pair<std::string, Channel *>> byReversedName;
  size_t links = 0;
  auto link = [&](Channel &pattern, Channel &other) {
    if (other.address == pattern.address ||
        !(pattern.glob ? redisGlobMatches(pattern.address, other.address) : channelMatches(pattern.address, other.address)))
      return;
    if (++links > sizeLimit_)
      throw InputError({}, "the channels' parameters and wildcards cover each other more than " +
                               std::to_string(sizeLimit_) +
                               " times (the limit; EVENTSCOPE_MAX_GRAPH_SIZE sets another); first: '" +
                               pattern.address + "'");
    pattern.linked.push_back(other.address);
    other.linked.push_back(pattern.address);
  };
  for (auto &[address, channel] : channels_) {
    if (channel.glob ? !isRedisGlob(address) : !isChannelPattern(address))
      continue;
    // A Redis glob: every channel that starts with its text before the first wildcard.
    PatternLiterals literals =
        channel.glob ? PatternLiterals{address.substr(0, address.find_first_of("*?[\\")), ""} : patternLiterals(address);
    if (!literals.prefix.empty() || literals.suffix.empty()) {
      for (auto it = channels_.lower_bound(literals.prefix);
           it != channels_.end() && std::string_view(it->first).starts_with(literals.prefix); ++it)
        if (std::string_view(it->first).ends_with(literals.suffix))
          link(channel, it->second);
      continue;
    }
    if (byReversedName.empty()) {
      for (auto &[name, other] : channels_)
        byReversedName.emplace_back(std::string(name.rbegin(), name.rend()), &other);
      std::sort(byReversedName.begin(), byReversedName.end());
    }
    std::string reversedSuffix(literals.suffix.rbegin(), literals.suffix.rend());
    for (auto it = std::lower_bound(byReversedName.begin(), byReversedName.end(),
                                    std::pair<std::string, Channel *>{reversedSuffix, nullptr});
         it != byReversedName.end() && std::string_view(it->first).starts_with(reversedSuffix); ++it)
      link(channel, *it->second);
  }
  for (Channel &channel : channels_ | std::views::values) {
    std::sort(channel.linked.begin(), channel.linked.end());
    channel.linked.erase(std::unique(channel.linked.begin(), channel.linked.end()), channel.linked.end());
  }
  // What ROS itself publishes and serves in the processes of the nodes the code shows.
  rosProvided_.clear();
  std::map<RosNode, Location> nodes; // each node with its first endpoint in location order
  for (const Endpoint &e : endpoints_)
    if (e.rosNode.kind != RosNodeKind::Unknown) {
      auto [it, added] = nodes.emplace(e.rosNode, e.location);
      if (!added && e.location < it->second)
        it->second = e.location;
    }
  for (const auto &[node, location] : nodes)
    for (RosProvidedName &name : rosProvidedNames(node)) {
      name.node = location;
      rosProvided_.emplace(std::pair{name.name, name.serves}, std::move(name)); // the first node's, in name order
    }
}

const RosProvidedName *EventGraph::rosProvided(const std::string &address, bool serves) const {
  if (auto it = rosProvided_.find({address, serves}); it != rosProvided_.end())
    return &it->second;
  // A pattern (`/{target_node_name}/get_state`, a lifecycle manager's call): any name ROS
  // provides that it covers, the first in name order.
  if (isChannelPattern(address))
    for (const auto &[key, name] : rosProvided_)
      if (key.second == serves && channelMatches(address, key.first))
        return &name;
  return nullptr;
}

const Channel *EventGraph::channel(const std::string &address) const {
  auto it = channels_.find(address);
  return it == channels_.end() ? nullptr : &it->second;
}

std::vector<const Channel *> EventGraph::withLinked(const Channel &channel) const {
  std::vector<const Channel *> reached{&channel};
  for (const std::string &other : channel.linked)
    reached.push_back(&channels_.at(other));
  return reached;
}

bool EventGraph::isProduced(const std::string &address) const {
  const Channel *c = channel(address);
  if (!c)
    return false;
  if (rosProvided(address, false))
    return true;
  if (!c->producers.empty())
    return true;
  for (const std::string &other : c->linked)
    if (!channels_.at(other).producers.empty())
      return true;
  return false;
}

bool EventGraph::isConsumed(const std::string &address) const {
  const Channel *c = channel(address);
  if (!c)
    return false;
  if (rosProvided(address, true))
    return true;
  if (!c->consumers.empty())
    return true;
  for (const std::string &other : c->linked)
    if (!channels_.at(other).consumers.empty())
      return true;
  return false;
}

const std::vector<size_t> &EventGraph::triggersFrom(const std::string &address) const {
  static const std::vector<size_t> none;
  auto it = triggersFrom_.find(address);
  return it == triggersFrom_.end() ? none : it->second;
}

ChannelKind channelKind(const EventGraph &graph, const Channel &channel) {
  for (const auto *list : {&channel.producers, &channel.consumers})
    for (size_t index : *list)
      if (graph.endpoints()[index].kind != ChannelKind::Topic)
        return graph.endpoints()[index].kind;
  return ChannelKind::Topic;
}

} // namespace eventscope
