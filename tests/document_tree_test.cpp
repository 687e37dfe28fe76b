// The fast JSON and block-YAML readers against yaml-cpp: what they accept they read exactly
// as yaml-cpp does (values, kinds, quoting, lines and columns); what they are unsure of they
// decline, and readDocumentTree falls back to yaml-cpp.
#include "analyzer/documents/document_tree.h"
#include "model/input_error.h"
#include "test_support.h"

#include <yaml-cpp/exceptions.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>
#include <string>

using namespace eventscope;

namespace {

// yaml-cpp's reading, or its error message.
std::string yamlCppReading(const std::string &text) {
  try {
    DocTree tree;
    readYamlCppTree(text, tree);
    return describeTree(tree);
  } catch (const YAML::Exception &e) {
    return std::string("error: ") + e.what();
  }
}

enum class Reader { Json, BlockYaml };

std::string fastReading(Reader reader, const std::string &text, bool &accepted) {
  DocTree tree;
  tree.source = text;
  accepted = reader == Reader::Json ? readJsonTree(tree) : readBlockYamlTree(tree);
  return accepted ? describeTree(tree) : "";
}

struct Sample {
  const char *name;
  Reader reader;
  const char *text;
};

class FastReaderAccepts : public ::testing::TestWithParam<Sample> {};

TEST_P(FastReaderAccepts, AndReadsAsYamlCppReads) {
  bool accepted = false;
  std::string fast = fastReading(GetParam().reader, GetParam().text, accepted);
  ASSERT_TRUE(accepted) << GetParam().text;
  EXPECT_EQ(fast, yamlCppReading(GetParam().text));
}

const Sample kAccepted[] = {
    {"NestedMaps", Reader::BlockYaml, "asyncapi: 3.0.0\ninfo:\n  title: Shop\n  version: '1.0'\n"},
    {"SequenceAtItsKeysColumn", Reader::BlockYaml, "a:\n- x\n- y\nb: 1\n"},
    {"IndentedSequence", Reader::BlockYaml, "a:\n  - x\n  -   y   \nb: 1\n"},
    {"SequenceOfMaps", Reader::BlockYaml, "s:\n  - name: a\n    value: 1\n  -   name: b\n      deep:\n        k: v\n"},
    {"SequencesInASequence", Reader::BlockYaml, "a:\n  - - x\n    - - y\n      - z\n  - - w\nb: 1\n"},
    {"ColonInsideAKey", Reader::BlockYaml, "scopes:\n  subscribe:auth: Scope\n  a:b:c: d\n"},
    {"LongEscapes", Reader::BlockYaml, "a: \"lights \\U0001F303 on\"\n"},
    {"NestedSequenceBelowADash", Reader::BlockYaml, "s:\n  -\n    - a\n    - b\n  - c\n"},
    {"EmptyValuesAreMarkedAtTheNextToken", Reader::BlockYaml,
     "a:\nb: ~\nc:   # comment\n\nd:\n  - x\n  -\n  - k:\n    j: 2\n  # c\ne: 1\n"},
    {"NullSpellings", Reader::BlockYaml, "a: null\nb: Null\nc: NULL\nd: ~\n~: e\nf: nil\n"},
    {"PlainScalars", Reader::BlockYaml,
     "a: 12\nb: -3.5e2\nc: true\nd: a#b\ne: with trailing   \nf: v # comment\ng: http://x.y/z?q=1\n"
     "h: smartylighting/{streetlightId}/on\ni: ---\nj: b ] }\n"},
    {"KeysWithBracesSlashesAndDots", Reader::BlockYaml,
     "channels:\n  user/{userId}/signedup:\n    x: 1\n  a.b.c.1.0.event: {}\n  key with spaces : v\n"},
    {"QuotedKeysAndValues", Reader::BlockYaml,
     "\"a b\": 'it''s'\n'c': \"q\\\"uote\\\\ \\/ \\n\\t\\x41\\u00e9\"\n\"$ref\": '#/components/x'\n"},
    {"QuotedNumbersStayStrings", Reader::BlockYaml, "a: '1'\nb: \"true\"\nc: ''\nd: \"\"\n"},
    {"FlowCollections", Reader::BlockYaml,
     "p: {type: object, required: [id, envelope], properties: {id: {type: string, maxLength: 64}}}\n"
     "e: [EUR, 'U S D', \"GBP\", -1, 2.5, [], {}]\nr: {$ref: '#/components/schemas/Envelope'}  # c\n"},
    {"FlowNulls", Reader::BlockYaml, "a: [~, null, x]\nb: {k: ~}\n"},
    {"LiteralBlockScalars", Reader::BlockYaml,
     "a: |\n  line one\n    indented\n\n  after blank\nb: |-\n  stripped\n\n\nc: |+\n  kept\n\n\nd: x\n"},
    {"FoldedBlockScalars", Reader::BlockYaml,
     "a: >\n  one\n  two\n\n  three\n\n\n  four\nb: >-\n  x\n  y\nd: # c\n  e: |  # comment\n    t\n"},
    {"BlockScalarInASequence", Reader::BlockYaml, "s:\n  - |\n    text\n  - k: >\n      folded\n      text\n"},
    {"CommentsAndBlankLines", Reader::BlockYaml, "# head\n\n---\n# more\na: 1   \n\n  # indented comment\nb:\n\n  c: 2\n"},
    {"WindowsLineEnds", Reader::BlockYaml, "a:\r\n  b: 1\r\n  c: [x, y]\r\n  d: |\r\n    t\r\ne: 'q'\r\n"},
    {"NonAsciiText", Reader::BlockYaml, "título: café\ndescription: \"naïve — ok\"\nk: ✓ done\n"},
    {"NoNewlineAtTheEnd", Reader::BlockYaml, "a:\n  b: c"},
    {"GeneratedBenchmarkChannel", Reader::BlockYaml,
     "channels:\n  ch1:\n    address: domain1.entity1.changed\n    messages:\n      Changed1:\n"
     "        payload:\n          type: object\n          required: [id, envelope]\n          properties:\n"
     "            envelope: {$ref: '#/components/schemas/Envelope'}\n"
     "            currency: {type: string, enum: [EUR, USD, GBP]}\n"
     "            tags: {type: array, items: {type: string}}\noperations:\n  op1:\n    action: send\n"
     "    channel: {$ref: '#/channels/ch1'}\n"},
    {"JsonObject", Reader::Json,
     "{\n  \"asyncapi\": \"2.6.0\",\n  \"n\": [1, -0.5, 2e10, true, false, null],\n  \"e\": {},\n"
     "  \"s\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\u4e2d\",\n  \"nested\": {\"a\": [[], [{}]]}\n}\n"},
    {"JsonWithWindowsLineEnds", Reader::Json, "{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    \"x\"\r\n  ]\r\n}\r\n"},
    {"JsonNonAscii", Reader::Json, "{\"título\": \"café ✓\", \"k\": \"x\"}"},
    {"JsonArrayRoot", Reader::Json, "[1, {\"a\": \"b\"}]"},
};

INSTANTIATE_TEST_SUITE_P(Samples, FastReaderAccepts, ::testing::ValuesIn(kAccepted),
                         [](const auto &info) { return std::string(info.param.name); });

class FastReaderDeclines : public ::testing::TestWithParam<Sample> {};

TEST_P(FastReaderDeclines, AndYamlCppReadsItInstead) {
  bool accepted = true;
  fastReading(GetParam().reader, GetParam().text, accepted);
  EXPECT_FALSE(accepted) << GetParam().text;
  // Through the entry point: yaml-cpp's tree, or its error as an InputError.
  std::string expected = yamlCppReading(GetParam().text);
  try {
    EXPECT_EQ(describeTree(readDocumentTree(GetParam().text, "api.yaml")), expected);
  } catch (const InputError &e) {
    EXPECT_EQ(expected.rfind("error: ", 0), 0u) << e.what();
  }
}

const Sample kDeclined[] = {
    {"Anchors", Reader::BlockYaml, "a: &x 1\nb: *x\n"},
    {"Tags", Reader::BlockYaml, "a: !!str 1\n"},
    {"MultiLinePlainScalar", Reader::BlockYaml, "a: one\n  two\nb: 1\n"},
    {"PlainScalarOnTheNextLine", Reader::BlockYaml, "a:\n  just text\n"},
    {"MultiLineQuotedScalar", Reader::BlockYaml, "a: \"one\n  two\"\n"},
    {"SeveralDocuments", Reader::BlockYaml, "a: 1\n---\nb: 2\n"},
    {"Directive", Reader::BlockYaml, "%YAML 1.2\n---\na: 1\n"},
    {"Tab", Reader::BlockYaml, "a:\t1\n"},
    {"MoreIndentedFoldedLine", Reader::BlockYaml, "a: >\n  one\n    two\n  three\n"},
    {"BlockScalarAtTheEndWithoutALineBreak", Reader::BlockYaml, "a: |\n  text"},
    {"QuestionMarkInAFlowScalar", Reader::BlockYaml, "a: {type: string?, b: c}\n"},
    {"FoldedKeepingTrailingLines", Reader::BlockYaml, "a: >+\n  z\n\nb: 1\n"},
    {"IndentationIndicator", Reader::BlockYaml, "a: |2\n   x\n"},
    {"ComplexKey", Reader::BlockYaml, "? a\n: b\n"},
    {"FlowAcrossLines", Reader::BlockYaml, "a: [x,\n  y]\n"},
    {"NullAtTheEndOfTheFile", Reader::BlockYaml, "a: 1\nb:"},
    {"ColonInAValue", Reader::BlockYaml, "a: b: c\n"},
    {"RootSequence", Reader::BlockYaml, "- a\n- b\n"},
    {"WrongIndentation", Reader::BlockYaml, "a:\n    b: 1\n  c: 2\n"},
    {"LineSeparatorCharacter", Reader::BlockYaml, "a: x\u2028y\n"},
    {"InvalidUtf8", Reader::BlockYaml, "a: \xff\xfe\n"},
    {"EscapedSurrogates", Reader::BlockYaml, "a: \"\\ud83d\\ude00\"\n"},
    {"JsonTrailingComma", Reader::Json, "{\"a\": [1, 2,]}"},
    {"JsonComment", Reader::Json, "{\"a\": 1} # c\n"},
    {"JsonSurrogatePair", Reader::Json, "{\"a\": \"\\ud83d\\ude00\"}"},
    {"JsonScalarRoot", Reader::Json, "\"text\""},
    {"JsonTwoValues", Reader::Json, "{} {}"},
    {"JsonUnterminated", Reader::Json, "{\"a\": [1, 2"},
    {"JsonColonOnTheNextLine", Reader::Json, "{\"a\"\n: 1}"},
    {"JsonYamlFlowInside", Reader::Json, "{a: b}"},
};

INSTANTIATE_TEST_SUITE_P(Samples, FastReaderDeclines, ::testing::ValuesIn(kDeclined),
                         [](const auto &info) { return std::string(info.param.name); });

struct CorpusReading {
  size_t files = 0, accepted = 0, yamlFiles = 0, yamlAccepted = 0;
};

// Every YAML and JSON file under `root`: each one a fast reader accepts, it reads as yaml-cpp does.
CorpusReading readEveryFileUnder(const std::string &root) {
  CorpusReading reading;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".yaml" && extension != ".yml" && extension != ".json"))
      continue;
    SCOPED_TRACE(entry.path().string());
    std::string text = eventscope::testing::readFile(entry.path().string());
    std::string expected = yamlCppReading(text);
    bool json = false, yaml = false;
    std::string fastJson = fastReading(Reader::Json, text, json);
    std::string fastYaml = fastReading(Reader::BlockYaml, text, yaml);
    if (json) {
      EXPECT_EQ(fastJson, expected);
    }
    if (yaml) {
      EXPECT_EQ(fastYaml, expected);
    }
    ++reading.files;
    reading.accepted += json || yaml;
    if (extension != ".json") {
      ++reading.yamlFiles;
      reading.yamlAccepted += yaml;
    }
  }
  return reading;
}

// The fast path is the usual one: most real documents are read by it.
void expectMostAreRead(const CorpusReading &reading) {
  EXPECT_GT(reading.accepted * 10, reading.files * 8) << reading.accepted << " of " << reading.files;
  EXPECT_GT(reading.yamlAccepted * 10, reading.yamlFiles * 7) << reading.yamlAccepted << " of " << reading.yamlFiles;
}

TEST(DocumentTree, FastReadersAgreeWithYamlCppOnEverySampleAndFixture) {
  CorpusReading samples = readEveryFileUnder(eventscope::testing::sourceDir() + "/samples");
  CorpusReading fixtures = readEveryFileUnder(eventscope::testing::sourceDir() + "/tests/fixtures");
  CorpusReading both{samples.files + fixtures.files, samples.accepted + fixtures.accepted,
                     samples.yamlFiles + fixtures.yamlFiles, samples.yamlAccepted + fixtures.yamlAccepted};
  ASSERT_GT(both.files, 20u);
  expectMostAreRead(both);
}

// The corpus of real AsyncAPI documents (tests/corpus, a copy of ../shared/corpus kept here).
TEST(DocumentTree, FastReadersAgreeWithYamlCppOnTheAsyncApiCorpus) {
  std::string corpus = eventscope::testing::sourceDir() + "/tests/corpus";
  CorpusReading reading = readEveryFileUnder(corpus);
  ASSERT_GT(reading.files, 300u);
  expectMostAreRead(reading);
  std::printf("fast readers: %zu of %zu corpus files (%zu of %zu YAML)\n", reading.accepted, reading.files,
              reading.yamlAccepted, reading.yamlFiles);
}

// YAML limits an implicit key to 1,024 characters and yaml-cpp refuses a longer one (found
// by fuzz_document_readers): the fast readers leave such keys to it.
TEST(DocumentTree, KeysPastYamlsLengthLimitAreLeftToYamlCpp) {
  std::string longKey(1100, 'x');
  const std::pair<Reader, std::string> samples[] = {
      {Reader::BlockYaml, "k: 1\n\"" + longKey + "\": 2\n"},
      {Reader::BlockYaml, "k: 1\n" + longKey + ": 2\n"},
      {Reader::BlockYaml, "k: {" + longKey + ": 2}\n"},
      {Reader::Json, "{\"" + longKey + "\": 1}"},
  };
  for (const auto &[reader, text] : samples) {
    bool accepted = true;
    fastReading(reader, text, accepted);
    EXPECT_FALSE(accepted) << text.substr(0, 12);
  }
}

TEST(DocumentTree, LargeMapsAreSearchedThroughAnIndex) {
  std::string text = "m:\n";
  for (int i = 0; i < 100; ++i)
    text += "  k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  DocTree tree = readDocumentTree(text, "api.yaml");
  const DocNode *map = tree.documents.at(0)->get("m");
  ASSERT_TRUE(map && map->isMap());
  EXPECT_EQ(map->entries().size(), 100u);
  EXPECT_EQ(map->get("k7")->text(), "7");
  EXPECT_EQ(map->get("k99")->text(), "99");
  EXPECT_EQ(map->get("k100"), nullptr);
}

// The message readDocumentTree refuses `text` with, "" when it reads it.
std::string refusal(const std::string &text, const std::string &file) {
  try {
    readDocumentTree(text, file);
    return "";
  } catch (const InputError &e) {
    return e.what();
  }
}

// A key written twice in one map hid the second value (the first won without a word): the
// reference AsyncAPI parser refuses such a document ("Duplicate key"), in YAML and JSON.
TEST(DocumentTree, AKeyWrittenTwiceInOneMapIsRefusedAtTheSecondCopy) {
  const std::string twice = "asyncapi: 2.6.0\nchannels:\n  orders:\n    subscribe: {}\n  orders:\n    publish: {}\n";
  EXPECT_EQ(refusal(twice, "api.yaml"), "api.yaml:5:3: duplicate key 'orders' in one map (first written at line 3, "
                                        "column 3): a map's keys must be unique (at /channels/orders)");
  // Each reader: JSON's, the block YAML reader's, yaml-cpp's (a flow map in block YAML).
  EXPECT_EQ(refusal("{\"a\": {\"x\": 1,\n \"x\": 2}}", "api.json"),
            "api.json:2:2: duplicate key 'x' in one map (first written at line 1, column 8): a map's keys must be "
            "unique (at /a/x)");
  EXPECT_EQ(refusal("a: {x: 1, y: 2, x: 3}\n", "api.yaml"),
            "api.yaml:1:17: duplicate key 'x' in one map (first written at line 1, column 5): a map's keys must be "
            "unique (at /a/x)");
  // Three copies: the second is where it is refused, the first is named.
  EXPECT_EQ(refusal("b: 0\na: 1\nb: 2\nb: 3\na: 4\n", "c.yaml"),
            "c.yaml:3:1: duplicate key 'b' in one map (first written at line 1, column 1): a map's keys must be "
            "unique (at /b)");
  // The same key in two maps, quoted and plain spellings of other keys, and merged keys that a
  // written key overrides, are all fine.
  EXPECT_EQ(refusal("a: {x: 1}\nb: {x: 2}\n'y': 1\n\"z\": 2\n", "ok.yaml"), "");
  EXPECT_EQ(refusal("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\n", "ok.yaml"), "");
  EXPECT_EQ(refusal("base: &b {x: 1}\nm:\n  <<: *b\n  x: 3\n  x: 4\n", "m.yaml"),
            "m.yaml:5:3: duplicate key 'x' in one map (first written at line 4, column 3): a map's keys must be "
            "unique (at /m/x)");
}

// Against a set over many generated maps: refused exactly when a key repeats, at the earliest
// written repeat.
TEST(DocumentTree, DuplicateKeysAreFoundAsASetFindsThem) {
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    int size = static_cast<int>(random() % 12) + 1, alphabet = static_cast<int>(random() % 20) + 1;
    std::string text = "m:\n";
    std::set<std::string> seen;
    std::string expectedKey;
    int expectedLine = 0;
    for (int i = 0; i < size; ++i) {
      std::string key = "k" + std::to_string(random() % alphabet);
      text += "  " + key + ": " + std::to_string(i) + "\n";
      if (!seen.insert(key).second && expectedKey.empty()) {
        expectedKey = key;
        expectedLine = i + 2;
      }
    }
    std::string message = refusal(text, "g.yaml");
    if (expectedKey.empty()) {
      EXPECT_EQ(message, "") << text;
    } else {
      EXPECT_EQ(message.substr(0, message.find(" in one map")),
                "g.yaml:" + std::to_string(expectedLine) + ":3: duplicate key '" + expectedKey + "'")
          << text;
    }
  }
}

} // namespace
