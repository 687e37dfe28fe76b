// eventscope.yaml: the config loader, `extends` included (a base file beside it).
#include "analyzer/config/config.h"
#include "model/input_error.h"
#include "fuzz_support.h"

using namespace eventscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static bool once = [] {
    const char base[] = "sources: [\"src/**/*.cpp\"]\nrules:\n  cascade-depth: {max_depth: 4}\n";
    fuzz::writeScratch("base.yaml", reinterpret_cast<const uint8_t *>(base), sizeof base - 1);
    return true;
  }();
  (void)once;
  std::string path = fuzz::writeScratch("eventscope.yaml", data, size);
  try {
    loadConfig(path, "eventscope.yaml");
  } catch (const InputError &) {
  }
  return 0;
}
