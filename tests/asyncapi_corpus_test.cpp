// Every public AsyncAPI document of tests/corpus/asyncapi (a copy of ../shared/corpus kept
// here), read by eventscope and compared with the reference parser's reading of it (reference-parser.json).
#include "analyzer/contracts/asyncapi.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "render/reports.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

using namespace eventscope;

namespace {

std::string corpusDir() { return eventscope::testing::sourceDir() + "/tests/corpus/asyncapi"; }

nlohmann::json sorted(nlohmann::json list) {
  std::sort(list.begin(), list.end());
  return list;
}

TEST(AsyncApiCorpus, EveryDocumentReadsAsTheReferenceParserReadsIt) {
  std::string referencePath = corpusDir() + "/reference-parser.json";
  ASSERT_TRUE(std::filesystem::exists(referencePath)) << "no corpus at " << referencePath;
  nlohmann::json reference = nlohmann::json::parse(eventscope::testing::readFile(referencePath));
  size_t compared = 0, refused = 0;
  for (auto &[file, expected] : reference.items()) {
    std::string path = corpusDir() + "/" + file;
    SCOPED_TRACE(file);
    try {
      std::string text = readInputFile(path, file);
      ContractDocument doc = loadAsyncApi(*readDocumentTree(text, file).documents.at(0), path, file, {corpusDir()});
      if (!expected["valid"].get<bool>()) {
        ADD_FAILURE() << "the reference parser refuses this document, eventscope read it";
        continue;
      }
      std::ostringstream out;
      writeContractsJson(out, {doc});
      nlohmann::json actual = nlohmann::json::parse(out.str()).at(0);
      EXPECT_EQ(actual["title"], expected["service"]);
      EXPECT_EQ(actual["version"], expected["version"]);
      EXPECT_EQ(sorted(actual["channels"]), sorted(expected["channels"]));
      EXPECT_EQ(sorted(actual["endpoints"]), sorted(expected["endpoints"]));
      EXPECT_EQ(actual["messages"], expected["messages"]);
      ++compared;
    } catch (const InputError &e) {
      EXPECT_FALSE(expected["valid"].get<bool>()) << "eventscope refused a valid document: " << e.what();
      ++refused;
    }
  }
  EXPECT_EQ(compared, 67u);
  EXPECT_EQ(refused, 2u);
}

} // namespace
