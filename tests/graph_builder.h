// Builds event graphs in memory for rule and renderer tests, one statement a line:
//   GraphBuilder g;
//   g.produce("orders", "order.placed").consume("billing", "order.placed");
//   g.trigger("billing", "order.placed", "invoice.created");
// Each statement gets its own line in a file named after the service, so findings have
// distinct, predictable locations ("orders.yaml:1:1").
#pragma once

#include "model/event_graph.h"

#include <map>
#include <string>

namespace eventscope::testing {

class GraphBuilder {
public:
  GraphBuilder &produce(const std::string &service, const std::string &channel) {
    graph_.addEndpoint({service, channel, Role::Produce, next(service), Origin::Manifest, "manifest", "", ""});
    return *this;
  }
  GraphBuilder &consume(const std::string &service, const std::string &channel) {
    graph_.addEndpoint({service, channel, Role::Consume, next(service), Origin::Manifest, "manifest", "", ""});
    return *this;
  }
  // A trigger, with the consume and produce it implies.
  GraphBuilder &trigger(const std::string &service, const std::string &from, const std::string &to) {
    consume(service, from);
    Location at = next(service);
    graph_.addEndpoint({service, to, Role::Produce, at, Origin::Manifest, "manifest", "", ""});
    graph_.addTrigger({service, from, to, {"handle_" + from}, at, Origin::Manifest});
    return *this;
  }
  GraphBuilder &unresolved(const std::string &service, const std::string &api, const std::string &reason) {
    graph_.addUnresolved({service, next(service), api, reason});
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
};

} // namespace eventscope::testing
