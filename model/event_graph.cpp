#include "model/event_graph.h"

#include "model/channel_match.h"
#include "model/contracts.h"

#include <algorithm>
#include <cstdlib>
#include <ranges>
#include <tuple>
#include <unordered_map>

namespace eventscope {

std::string_view roleName(Role role) {
  return role == Role::Produce ? "produce" : "consume";
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
  throw GraphLimitError(formatLocation(adding) + ": the event graph would hold more than " +
                        std::to_string(sizeLimit_) +
                        " endpoints and triggers (the limit; EVENTSCOPE_MAX_GRAPH_SIZE sets another)");
}
EventGraph::~EventGraph() = default;
EventGraph::EventGraph(const EventGraph &) = default;
EventGraph &EventGraph::operator=(const EventGraph &) = default;
EventGraph::EventGraph(EventGraph &&) noexcept = default;
EventGraph &EventGraph::operator=(EventGraph &&) noexcept = default;

void EventGraph::addContract(ContractDocument contract) {
  addService(contract.service, contract.location);
  contracts_.push_back(std::move(contract));
}

void EventGraph::addPersistence(PersistenceSite site) { persistence_.push_back(std::move(site)); }

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

namespace {

// Distinct strings numbered in sorted order, so that sorting a million records compares
// integers instead of long strings with common prefixes.
class Ranks {
public:
  void add(const std::string &value) { index_.try_emplace(value, 0); }
  void number() {
    std::vector<std::pair<const std::string, uint32_t> *> sorted;
    sorted.reserve(index_.size());
    for (auto &entry : index_)
      sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->first < b->first; });
    for (uint32_t i = 0; i < sorted.size(); ++i)
      sorted[i]->second = i;
  }
  uint32_t operator[](const std::string &value) const { return index_.at(value); }

private:
  std::unordered_map<std::string, uint32_t> index_; // copies: the records move while sorted
};

// Reorders `items` as `order` says, moving each element once.
template <typename T> void permute(std::vector<T> &items, const std::vector<uint32_t> &order) {
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (uint32_t i : order)
    sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

} // namespace

void EventGraph::finalize() {
  Ranks channelRank, serviceRank, fileRank;
  for (const Endpoint &e : endpoints_) {
    channelRank.add(e.channel);
    serviceRank.add(e.service);
    fileRank.add(e.location.file);
  }
  for (const Trigger &t : triggers_) {
    channelRank.add(t.from);
    channelRank.add(t.to);
    serviceRank.add(t.service);
    fileRank.add(t.location.file);
  }
  channelRank.number();
  serviceRank.number();
  fileRank.number();

  // Endpoints by (channel, role, service, location, origin, api, handler).
  {
    struct Key {
      uint32_t channel, service, file, line, column;
      Role role;
    };
    std::vector<Key> keys;
    keys.reserve(endpoints_.size());
    for (const Endpoint &e : endpoints_)
      keys.push_back({channelRank[e.channel], serviceRank[e.service], fileRank[e.location.file], e.location.line,
                      e.location.column, e.role});
    std::vector<uint32_t> order(endpoints_.size());
    for (uint32_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const Key &x = keys[a], &y = keys[b];
      if (std::tie(x.channel, x.role, x.service, x.file, x.line, x.column) !=
          std::tie(y.channel, y.role, y.service, y.file, y.line, y.column))
        return std::tie(x.channel, x.role, x.service, x.file, x.line, x.column) <
               std::tie(y.channel, y.role, y.service, y.file, y.line, y.column);
      const Endpoint &p = endpoints_[a], &q = endpoints_[b];
      return std::tie(p.location.pointer, p.origin, p.api, p.handler) <
             std::tie(q.location.pointer, q.origin, q.api, q.handler);
    });
    permute(endpoints_, order);
  }
  // The same call seen from two translation units (a header) is one endpoint.
  endpoints_.erase(std::unique(endpoints_.begin(), endpoints_.end(),
                               [](const Endpoint &a, const Endpoint &b) {
                                 return a.channel == b.channel && a.role == b.role &&
                                        a.service == b.service && a.location == b.location;
                               }),
                   endpoints_.end());

  // One trigger per (service, from, to): the shortest chain of calls is the evidence kept.
  {
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t, size_t>> keys;
    keys.reserve(triggers_.size());
    for (const Trigger &t : triggers_)
      keys.emplace_back(serviceRank[t.service], channelRank[t.from], channelRank[t.to], t.via.size());
    std::vector<uint32_t> order(triggers_.size());
    for (uint32_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      if (keys[a] != keys[b])
        return keys[a] < keys[b];
      return std::tie(triggers_[a].via, triggers_[a].location) < std::tie(triggers_[b].via, triggers_[b].location);
    });
    permute(triggers_, order);
  }
  triggers_.erase(std::unique(triggers_.begin(), triggers_.end(),
                              [](const Trigger &a, const Trigger &b) {
                                return a.service == b.service && a.from == b.from && a.to == b.to;
                              }),
                  triggers_.end());

  std::sort(unresolved_.begin(), unresolved_.end(), [](const UnresolvedSite &a, const UnresolvedSite &b) {
    return std::tie(a.location, a.service, a.api, a.reason) < std::tie(b.location, b.service, b.api, b.reason);
  });
  unresolved_.erase(std::unique(unresolved_.begin(), unresolved_.end(),
                                [](const UnresolvedSite &a, const UnresolvedSite &b) {
                                  return a.location == b.location && a.api == b.api;
                                }),
                    unresolved_.end());

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

  channels_.clear();
  triggersFrom_.clear();
  // Endpoints come sorted by channel: each channel is appended at the end of the map.
  std::unordered_map<std::string_view, Channel *> byAddress;
  Channel *current = nullptr;
  for (size_t i = 0; i < endpoints_.size(); ++i) {
    const std::string &address = endpoints_[i].channel;
    if (i == 0 || endpoints_[i - 1].channel != address) {
      current = &channels_.emplace_hint(channels_.end(), address, Channel{})->second;
      current->address = address;
      byAddress.emplace(current->address, current);
    }
    (endpoints_[i].role == Role::Produce ? current->producers : current->consumers).push_back(i);
  }
  std::unordered_map<std::string_view, std::vector<size_t>> leaving;
  for (size_t i = 0; i < triggers_.size(); ++i) {
    for (const std::string *address : {&triggers_[i].from, &triggers_[i].to})
      if (!byAddress.count(*address)) {
        Channel &channel = channels_[*address];
        channel.address = *address;
        byAddress.emplace(channel.address, &channel);
      }
    leaving[triggers_[i].from].push_back(i);
  }
  for (const auto &[address, channel] : channels_)
    if (auto it = leaving.find(address); it != leaving.end())
      triggersFrom_.emplace_hint(triggersFrom_.end(), address, std::move(it->second));
  for (auto &[pattern, channel] : channels_) {
    if (!isChannelPattern(pattern))
      continue;
    for (auto &[other, otherChannel] : channels_)
      if (other != pattern && channelMatches(pattern, other)) {
        channel.linked.push_back(other);
        otherChannel.linked.push_back(pattern);
      }
  }
  for (Channel &channel : channels_ | std::views::values) {
    std::sort(channel.linked.begin(), channel.linked.end());
    channel.linked.erase(std::unique(channel.linked.begin(), channel.linked.end()), channel.linked.end());
  }
}

const Channel *EventGraph::channel(const std::string &address) const {
  auto it = channels_.find(address);
  return it == channels_.end() ? nullptr : &it->second;
}

bool EventGraph::isProduced(const std::string &address) const {
  const Channel *c = channel(address);
  if (!c)
    return false;
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

} // namespace eventscope
