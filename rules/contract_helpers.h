// What the contract rules share: which services have contracts, and channel matching
// between contract operations and code.
#pragma once

#include "model/contracts.h"
#include "model/event_graph.h"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace eventscope {

// Services that at least one contract document describes.
inline std::set<std::string> servicesWithContracts(const EventGraph &graph) {
  std::set<std::string> services;
  for (const ContractDocument &c : graph.contracts())
    services.insert(c.service);
  return services;
}

// The contract operations by their channel's address, met through the graph's pattern links
// (an operation on `orders.{id}` meets code on `orders.42`): built once per rule run, so
// that a contract of 60,000 operations is not scanned once per channel or endpoint. Every
// operation's channel is a channel of the graph (addContractToGraph adds its endpoint), so
// the links know it.
class ContractOperationIndex {
public:
  explicit ContractOperationIndex(const EventGraph &graph) : graph_(graph) {
    for (const ContractDocument &c : graph.contracts())
      for (const ContractOperation &op : c.operations)
        if (!c.channels[op.channel].addressIsNull) // an unknown address meets nothing
          byAddress_[c.channels[op.channel].address].push_back({&c, &op});
  }

  // Calls visit(contract, operation) for each operation on a channel that meets `address`.
  template <class Visit> void forEachMeeting(const std::string &address, Visit visit) const {
    visitAt(address, visit);
    if (const Channel *channel = graph_.channel(address))
      for (const std::string &linked : channel->linked)
        visitAt(linked, visit);
  }

  // Whether any contract of `service` declares `role` on a channel meeting `address`.
  bool declares(const std::string &service, Role role, const std::string &address) const {
    bool found = false;
    forEachMeeting(address, [&](const ContractDocument &c, const ContractOperation &op) {
      found = found || (c.service == service && op.role == role);
    });
    return found;
  }

private:
  struct Declared {
    const ContractDocument *contract;
    const ContractOperation *operation;
  };
  template <class Visit> void visitAt(const std::string &address, Visit &visit) const {
    if (auto it = byAddress_.find(address); it != byAddress_.end())
      for (const Declared &d : it->second)
        visit(*d.contract, *d.operation);
  }

  const EventGraph &graph_;
  std::unordered_map<std::string, std::vector<Declared>> byAddress_;
};

// (request, reply) channel address pairs a contract declares with an operation `reply`
// (AsyncAPI 3.0, Operation Reply Object); replies whose address is unknown are left out.
inline std::set<std::pair<std::string, std::string>> declaredReplies(const EventGraph &graph) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const ContractDocument &c : graph.contracts())
    for (const ContractOperation &op : c.operations)
      if (op.isReply() && op.replyAddress.empty() && !c.channels[op.channel].addressIsNull &&
          !c.channels[c.operations[op.replyTo].channel].addressIsNull)
        pairs.emplace(c.channels[c.operations[op.replyTo].channel].address, c.channels[op.channel].address);
  return pairs;
}

// For each message of a contract, the channels that carry it, in the contract's order.
inline std::vector<std::vector<const ContractChannel *>> channelsOfMessages(const ContractDocument &c) {
  std::vector<std::vector<const ContractChannel *>> channels(c.messages.size());
  for (const ContractChannel &channel : c.channels)
    for (size_t m : channel.messages)
      if (m < channels.size() && (channels[m].empty() || channels[m].back() != &channel))
        channels[m].push_back(&channel);
  return channels;
}

} // namespace eventscope
