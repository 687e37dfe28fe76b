// Native manifests: YAML documents of services, produces, consumes, triggers.
#include "analyzer/contracts/manifest.h"
#include "model/input_error.h"

using namespace eventscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  try {
    DocFile read(text, "service.yaml");
    EventGraph graph;
    loadManifestDocuments(read.documents(), graph);
    graph.finalize();
  } catch (const InputError &) {
  }
  return 0;
}
