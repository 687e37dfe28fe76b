#include "model/event_graph.h"

#include "model/channel_match.h"
#include "model/contracts.h"

#include <algorithm>
#include <ranges>
#include <tuple>

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

EventGraph::EventGraph() = default;
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
  addService(endpoint.service);
  endpoints_.push_back(std::move(endpoint));
}

void EventGraph::addTrigger(Trigger trigger) {
  addService(trigger.service);
  triggers_.push_back(std::move(trigger));
}

void EventGraph::addUnresolved(UnresolvedSite site) {
  addService(site.service);
  unresolved_.push_back(std::move(site));
}

static auto endpointKey(const Endpoint &e) {
  return std::tie(e.channel, e.role, e.service, e.location, e.origin, e.api, e.handler);
}

void EventGraph::finalize() {
  std::sort(endpoints_.begin(), endpoints_.end(),
            [](const Endpoint &a, const Endpoint &b) { return endpointKey(a) < endpointKey(b); });
  // The same call seen from two translation units (a header) is one endpoint.
  endpoints_.erase(std::unique(endpoints_.begin(), endpoints_.end(),
                               [](const Endpoint &a, const Endpoint &b) {
                                 return a.channel == b.channel && a.role == b.role &&
                                        a.service == b.service && a.location == b.location;
                               }),
                   endpoints_.end());

  // One trigger per (service, from, to): the shortest chain of calls is the evidence kept.
  std::sort(triggers_.begin(), triggers_.end(), [](const Trigger &a, const Trigger &b) {
    return std::make_tuple(std::cref(a.service), std::cref(a.from), std::cref(a.to), a.via.size(),
                           std::cref(a.via), std::cref(a.location)) <
           std::make_tuple(std::cref(b.service), std::cref(b.from), std::cref(b.to), b.via.size(),
                           std::cref(b.via), std::cref(b.location));
  });
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
  for (size_t i = 0; i < endpoints_.size(); ++i) {
    Channel &channel = channels_[endpoints_[i].channel];
    channel.address = endpoints_[i].channel;
    (endpoints_[i].role == Role::Produce ? channel.producers : channel.consumers).push_back(i);
  }
  for (size_t i = 0; i < triggers_.size(); ++i) {
    for (const std::string *address : {&triggers_[i].from, &triggers_[i].to})
      channels_[*address].address = *address;
    triggersFrom_[triggers_[i].from].push_back(i);
  }
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
