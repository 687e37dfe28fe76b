// The contract diff: the input is two AsyncAPI documents separated by a line "---8<---".
#include "analyzer/contracts/asyncapi.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "fuzz_support.h"
#include "model/contract_diff.h"

using namespace eventscope;

namespace {

bool load(const std::string &text, const std::string &name, ContractDocument &document, std::string &json) {
  std::string path = fuzz::writeScratch(name, reinterpret_cast<const uint8_t *>(text.data()), text.size());
  DocTree tree = readDocumentTree(text, name);
  if (tree.documents.empty() || !isAsyncApiDocument(*tree.documents.front()))
    return false;
  document = loadAsyncApi(*tree.documents.front(), path, name, AsyncApiOptions{fuzz::scratch()});
  json = documentAsJson(*tree.documents.front(), name);
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  size_t cut = text.find("\n---8<---\n");
  if (cut == std::string::npos)
    return 0;
  try {
    ContractDocument before, after;
    std::string beforeJson, afterJson;
    if (!load(text.substr(0, cut), "old.yaml", before, beforeJson) ||
        !load(text.substr(cut + 10), "new.yaml", after, afterJson))
      return 0;
    diffContracts({&before, beforeJson}, {&after, afterJson});
  } catch (const InputError &) {
  }
  return 0;
}
