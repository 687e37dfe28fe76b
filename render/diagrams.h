// Diagrams of the event graph: Graphviz DOT (ids from names, so goldens are possible)
// and its layout to SVG or PNG through the Graphviz libraries.
#pragma once

#include "model/event_graph.h"

#include <ostream>
#include <string>

namespace eventscope {

enum class DiagramView { Services, Channels };

// services: one node per service, an edge per producer->consumer pair labelled with its
// channels. channels: services as boxes, channels as ellipses between them.
void writeDot(std::ostream &out, const EventGraph &graph, DiagramView view);

// Lays out DOT text with Graphviz's dot engine and renders it ("svg" or "png"). Returns
// false with `error` set when Graphviz refuses the input.
bool renderGraphviz(const std::string &dot, const std::string &format, std::string &rendered, std::string &error);

} // namespace eventscope
