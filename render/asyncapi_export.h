// Code-first AsyncAPI: a 3.0.0 document for one service from the event graph, merged with
// what the service's hand-written contracts already say.
#pragma once

#include "model/event_graph.h"

#include <string>

namespace eventscope {

enum class ExportFormat { Yaml, Json };

// Throws std::invalid_argument when the graph has no service of that name.
std::string exportAsyncApi(const EventGraph &graph, const std::string &service, ExportFormat format);

} // namespace eventscope
