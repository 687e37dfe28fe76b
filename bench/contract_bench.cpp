// Loading one large AsyncAPI document, phase by phase: reading the file, the document tree
// (the fast JSON or block-YAML reader, or yaml-cpp for what they decline), the loader, and the
// graph it feeds.
// usage: eventscope_contract_bench FILE    (bench/generate_asyncapi.py writes one)
// Prints the seconds of each phase, what was read and the peak resident memory.
#include "analyzer/contracts/asyncapi.h"
#include "analyzer/documents/document_tree.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "model/event_graph.h"

#include <llvm/Support/Path.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

using namespace eventscope;

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: eventscope_contract_bench FILE\n");
    return 2;
  }
  std::string path = argv[1];
  auto start = std::chrono::steady_clock::now();
  auto lap = [&start](const char *phase) {
    auto now = std::chrono::steady_clock::now();
    std::printf("%-10s %6.2f s\n", phase, std::chrono::duration<double>(now - start).count());
    start = now;
  };
  try {
    std::string text = readInputFile(path, path);
    lap("read");
    size_t bytes = text.size();
    DocTree tree = readDocumentTree(std::move(text), path);
    lap("tree");
    if (tree.documents.empty() || !isAsyncApiDocument(*tree.documents.front()))
      throw InputError({path, 0, 0, ""}, "not an AsyncAPI document");
    ContractDocument contract = loadAsyncApi(*tree.documents.front(), path, path,
                                             {std::string(llvm::sys::path::parent_path(path))});
    lap("loader");
    size_t channels = contract.channels.size(), operations = contract.operations.size();
    EventGraph graph;
    addContractToGraph(std::move(contract), graph);
    graph.finalize();
    lap("graph");
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%zu MB, %zu tree nodes, %zu channels, %zu operations, peak RSS %ld MiB\n", bytes >> 20,
                tree.nodeCount(), channels, operations, usage.ru_maxrss >> 10);
  } catch (const InputError &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  return 0;
}
