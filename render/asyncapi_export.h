// Code-first AsyncAPI: a 3.0.0 document for one service from the event graph, merged with
// what the service's hand-written contracts already say.
#pragma once

#include "model/event_graph.h"

#include <string>

namespace eventscope {

enum class ExportFormat { Yaml, Json };

// Throws InputError when the graph has no service of that name; its problem is said of the
// name ("names no service; did you mean 'x'?"), for the caller to name it as given.
std::string exportAsyncApi(const EventGraph &graph, const std::string &service, ExportFormat format);

} // namespace eventscope
