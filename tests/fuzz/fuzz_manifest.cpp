// Native manifests: YAML documents of services, produces, consumes, triggers.
#include "analyzer/contracts/manifest.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"

using namespace eventscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  try {
    std::vector<YAML::Node> documents = parseYamlDocuments(text, "service.yaml");
    EventGraph graph;
    loadManifestDocuments(documents, "service.yaml", graph);
    graph.finalize();
  } catch (const InputError &) {
  }
  return 0;
}
