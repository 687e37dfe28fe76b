// Trace files: OTLP/JSON (and JSON lines), Jaeger JSON, Zipkin v2 JSON, read and observed.
#include "analyzer/traces/trace_files.h"
#include "model/input_error.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace eventscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // The reader takes a file: the input goes through one, as a user's would.
  static const std::string path = "/tmp/fuzz_traces." + std::to_string(getpid()) + ".json";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  }
  try {
    ObservedSpans spans;
    readTraceFile(path, "traces.json", spans);
    ObservedGraph graph = observe(spans);
    (void)graph;
  } catch (const InputError &) {
  }
  return 0;
}
