// Trace files, read as the observed graph's spans (model/observed.h): OTLP/JSON (an
// ExportTraceServiceRequest document, or the JSON lines of the OpenTelemetry Collector's
// file exporter), Jaeger JSON (the UI's download and the query API's answer) and Zipkin v2
// JSON (a list of spans, or the list of traces of /api/v2/traces). The format is told from
// the content, not the file name.
#pragma once

#include "model/observed.h"

#include <string>

namespace eventscope {

// Reads one trace file into `spans`, streaming: each span is reduced to a TraceSpan as soon
// as it is parsed, so a file of a million spans is never held whole. Spans are classified by
// the OpenTelemetry messaging semantic conventions, current and previous names
// (messaging_conventions.h); those with no messaging attributes are counted in the file's
// summary and skipped. `displayPath` names the file in messages and locations.
// Throws InputError naming the file (and line, for JSON lines) for a file that cannot be
// read, is not JSON, is truncated, or is JSON of none of the formats (OTLP logs or metrics
// are named as such).
void readTraceFile(const std::string &path, const std::string &displayPath, ObservedSpans &spans);

} // namespace eventscope
