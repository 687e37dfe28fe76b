// The layout of a trace file's JSON text, found without parsing it (analyzer/traces).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace eventscope {

// Where the values of a JSON text are, without parsing it: strings skipped, brackets
// counted, a megabyte at a time. Tells JSON lines from one document without reading a long
// first line whole, and where the elements of a document's list of batches are, so that a
// large document can be parsed in parts on worker threads.
struct Layout {
  bool valid = false; // brackets balanced, strings closed, one value or several
  bool more = false;  // another value follows the first: JSON lines
  // The list read in parts: under the root key "resourceSpans" (OTLP) or "data" (Jaeger),
  // or the root list itself (Zipkin, Jaeger's span lists); its elements' byte ranges.
  std::string key;
  bool rootList = false;
  std::vector<std::pair<uint64_t, uint64_t>> elements;
  bool elementsUsable = false;
};

// Reads `file` from its current position to its end (or to the start of a second value).
Layout scanLayout(std::FILE *file);

} // namespace eventscope
