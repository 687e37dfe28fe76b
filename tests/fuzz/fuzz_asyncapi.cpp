// AsyncAPI documents with $ref resolution, into this file and into a second one beside it.
#include "analyzer/contracts/asyncapi.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "fuzz_support.h"

using namespace eventscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static bool once = [] {
    const char common[] = "messages:\n  Placed:\n    payload: {type: object, properties: {id: {type: string}}}\n"
                          "schemas:\n  Id: {type: string}\n  Loop: {properties: {next: {$ref: '#/schemas/Loop'}}}\n";
    fuzz::writeScratch("common.yaml", reinterpret_cast<const uint8_t *>(common), sizeof common - 1);
    return true;
  }();
  (void)once;
  std::string path = fuzz::writeScratch("api.yaml", data, size);
  std::string text(reinterpret_cast<const char *>(data), size);
  try {
    DocTree tree = readDocumentTree(text, "api.yaml");
    if (tree.documents.empty() || !isAsyncApiDocument(*tree.documents.front()))
      return 0;
    ContractDocument document = loadAsyncApi(*tree.documents.front(), path, "api.yaml", AsyncApiOptions{fuzz::scratch()});
    EventGraph graph;
    addContractToGraph(std::move(document), graph);
    graph.finalize();
  } catch (const InputError &) {
  }
  return 0;
}
