// The native manifest: how services without C++ code (a Java service, a vendor's box)
// enter the graph. One YAML document per service:
//   service: billing
//   consumes: [trip.completed]
//   produces: [invoice.created]
//   triggers: {trip.completed: [invoice.created]}
#pragma once

#include "analyzer/documents/doc_value.h"
#include "model/event_graph.h"

#include <string>
#include <vector>

namespace eventscope {

// Adds the services, endpoints and triggers of every document (of one file) to the graph.
// Throws InputError naming the file, line and problem.
void loadManifestDocuments(const std::vector<DocValue> &documents, EventGraph &graph);

} // namespace eventscope
