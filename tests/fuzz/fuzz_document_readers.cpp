// The fast JSON and block-YAML readers against yaml-cpp: whatever a fast reader accepts,
// yaml-cpp must read the same (values, kinds, quoting, lines and columns). A difference
// aborts with both readings.
#include "analyzer/documents/document_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace eventscope;

namespace {

void compareWithYamlCpp(const char *reader, const std::string &text, const DocTree &fast) {
  std::string expected;
  try {
    DocTree reference;
    readYamlCppTree(text, reference);
    expected = describeTree(reference);
  } catch (const YAML::DeepRecursion &) {
    return; // past yaml-cpp's 500 levels: the fast readers read on, to their 2,048, by design
  } catch (const YAML::Exception &e) {
    expected = std::string("yaml-cpp refuses it: ") + e.what();
  }
  std::string actual = describeTree(fast);
  if (actual != expected) {
    std::fprintf(stderr, "the %s reader reads:\n%s\nyaml-cpp reads:\n%s\n", reader, actual.c_str(), expected.c_str());
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  DocTree tree;
  tree.source = text;
  if (readJsonTree(tree))
    compareWithYamlCpp("JSON", text, tree);
  tree.clear();
  if (readBlockYamlTree(tree))
    compareWithYamlCpp("block-YAML", text, tree);
  return 0;
}
