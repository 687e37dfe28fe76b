// The contract diff: the input is two AsyncAPI documents separated by a line "---8<---".
#include "analyzer/contracts/asyncapi.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "fuzz_support.h"
#include "model/contract_diff.h"

using namespace eventscope;

namespace {

// `tree` keeps the file's tree, `made` the one documentForDiff may make; `diffed` is the
// document as the diff reads it.
bool load(const std::string &text, const std::string &name, ContractDocument &document, DocTree &tree,
          std::shared_ptr<const DocTree> &made, const DocNode *&diffed) {
  std::string path = fuzz::writeScratch(name, reinterpret_cast<const uint8_t *>(text.data()), text.size());
  tree = readDocumentTree(text, name);
  if (tree.documents.empty() || !isAsyncApiDocument(*tree.documents.front()))
    return false;
  document = loadAsyncApi(*tree.documents.front(), path, name, AsyncApiOptions{fuzz::scratch()});
  diffed = &documentForDiff(tree, *tree.documents.front(), name, "", "", made);
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
    DocTree beforeTree, afterTree;
    std::shared_ptr<const DocTree> beforeMade, afterMade;
    const DocNode *beforeRoot = nullptr, *afterRoot = nullptr;
    if (!load(text.substr(0, cut), "old.yaml", before, beforeTree, beforeMade, beforeRoot) ||
        !load(text.substr(cut + 10), "new.yaml", after, afterTree, afterMade, afterRoot))
      return 0;
    diffContracts({&before, beforeRoot}, {&after, afterRoot});
  } catch (const InputError &) {
  }
  return 0;
}
