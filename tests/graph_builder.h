// Builds event graphs in memory for rule and renderer tests, one statement a line:
//   GraphBuilder g;
//   g.produce("orders", "order.placed").consume("billing", "order.placed");
//   g.trigger("billing", "order.placed", "invoice.created");
// Each statement gets its own line in a file named after the service, so findings have
// distinct, predictable locations ("orders.yaml:1:1").
#pragma once

#include "model/contracts.h"
#include "model/event_graph.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace eventscope::testing {

// A contract message with only what the rules read (no schemas): named fields, no
// half-filled brace list for the compiler to warn about.
inline ContractMessage messageOf(const std::string &name, const Location &at, bool hasPayload,
                                 std::vector<std::string> fields, bool fieldsKnown = true) {
  ContractMessage message;
  message.name = name;
  message.location = at;
  message.hasPayload = hasPayload;
  message.fieldNames = std::move(fields);
  message.fieldsKnown = fieldsKnown;
  return message;
}

class GraphBuilder {
public:
  GraphBuilder &produce(const std::string &service, const std::string &channel) {
    graph_.addEndpoint({service, channel, Role::Produce, next(service), origin_, "manifest", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
    return *this;
  }
  GraphBuilder &consume(const std::string &service, const std::string &channel) {
    graph_.addEndpoint({service, channel, Role::Consume, next(service), origin_, "manifest", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
    return *this;
  }
  // The endpoints after this one come from code (the contract rules compare code with contracts).
  GraphBuilder &fromCode() {
    origin_ = Origin::Code;
    return *this;
  }
  // A contract of `service` with one operation (and channel, and message with an `id` field)
  // per entry, and the endpoints the AsyncAPI loader adds for them.
  GraphBuilder &contract(const std::string &service, const std::vector<std::pair<Role, std::string>> &operations) {
    ContractDocument c;
    c.file = service + ".asyncapi.yaml";
    c.service = service;
    c.version = "3.0.0";
    for (const auto &[role, address] : operations) {
      Location at = {c.file, unsigned(c.channels.size() + 1), 1, ""};
      c.messages.push_back(messageOf(address + ".message", at, true, {"id"}));
      c.channels.push_back({address, address, false, at, {}, {c.messages.size() - 1}, false});
      c.operations.push_back({address + ".operation", role, c.channels.size() - 1, at, false, {c.messages.size() - 1}});
      graph_.addEndpoint({service, address, role, at, Origin::Contract, "asyncapi", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
    }
    graph_.addContract(std::move(c));
    return *this;
  }
  // A trigger, with the consume and produce it implies.
  GraphBuilder &trigger(const std::string &service, const std::string &from, const std::string &to) {
    consume(service, from);
    Location at = next(service);
    graph_.addEndpoint({service, to, Role::Produce, at, Origin::Manifest, "manifest", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
    graph_.addTrigger({service, from, to, {"handle_" + from}, at, Origin::Manifest});
    return *this;
  }
  GraphBuilder &unresolved(const std::string &service, const std::string &api, const std::string &reason) {
    graph_.addUnresolved({service, next(service), api, reason, Role::Produce, ChannelKind::Topic, "", {}});
    return *this;
  }
  EventGraph build() {
    EventGraph graph = graph_;
    graph.finalize();
    return graph;
  }

private:
  Location next(const std::string &service) { return {service + ".yaml", ++lines_[service], 1, ""}; }
  EventGraph graph_;
  std::map<std::string, unsigned> lines_;
  Origin origin_ = Origin::Manifest;
};

} // namespace eventscope::testing
