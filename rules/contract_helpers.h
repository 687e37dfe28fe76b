// What the contract rules share: which services have contracts, and channel matching
// between contract operations and code.
#pragma once

#include "model/channel_match.h"
#include "model/contracts.h"
#include "model/event_graph.h"

#include <set>
#include <string>

namespace eventscope {

inline bool channelsMeet(const std::string &a, const std::string &b) {
  return a == b || channelMatches(a, b) || channelMatches(b, a);
}

// Services that at least one contract document describes.
inline std::set<std::string> servicesWithContracts(const EventGraph &graph) {
  std::set<std::string> services;
  for (const ContractDocument &c : graph.contracts())
    services.insert(c.service);
  return services;
}

// Whether any contract of `service` declares `role` on a channel meeting `channel`.
inline bool contractDeclares(const EventGraph &graph, const std::string &service, Role role, const std::string &channel) {
  for (const ContractDocument &c : graph.contracts())
    if (c.service == service)
      for (const ContractOperation &op : c.operations)
        if (op.role == role && channelsMeet(c.channels[op.channel].address, channel))
          return true;
  return false;
}

} // namespace eventscope
