// The AsyncAPI loader: directions, addresses, $refs, and a clear error for every bad input.
#include "analyzer/contracts/asyncapi.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <unistd.h>

using namespace eventscope;
using eventscope::testing::TempDir;

namespace {

ContractDocument load(const TempDir &dir, const std::string &relative) {
  std::string path = dir.path() + "/" + relative;
  std::string text = readInputFile(path, relative);
  return loadAsyncApi(*readDocumentTree(text, relative).documents.at(0), path, relative, {dir.path()});
}

std::string errorOf(const std::string &text, const std::map<std::string, std::string> &others = {}) {
  TempDir dir;
  dir.write("api.yaml", text);
  for (auto &[path, content] : others)
    dir.write(path, content);
  try {
    load(dir, "api.yaml");
  } catch (const InputError &e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<std::string> endpoints(const ContractDocument &c) {
  std::vector<std::string> out;
  for (const ContractOperation &op : c.operations)
    out.push_back(std::string(roleName(op.role)) + " " + c.channels[op.channel].address + " @" +
                  formatLocation(op.location) + " " + op.location.pointer);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AsyncApi, Version2SubscribeIsSendAndPublishIsReceive) {
  TempDir dir;
  dir.write("api.yaml", R"(asyncapi: 2.6.0
info: {title: Lights, version: 1.0.0}
channels:
  light/measured:
    publish:
      message: {payload: {type: object}}
  light/dim:
    subscribe:
      message: {payload: {type: object}}
)");
  ContractDocument c = load(dir, "api.yaml");
  EXPECT_EQ(c.service, "Lights");
  EXPECT_EQ(endpoints(c), (std::vector<std::string>{"consume light/measured @api.yaml:6:7 /channels/light~1measured/publish",
                                                    "produce light/dim @api.yaml:9:7 /channels/light~1dim/subscribe"}));
}

TEST(AsyncApi, Version3ActionsAddressesAndServiceName) {
  TempDir dir;
  dir.write("api.yaml", R"(asyncapi: 3.0.0
info: {title: Order Service, version: 1.0.0, x-eventscope-service: orders}
channels:
  placed: {address: 'orders.{orderId}.placed'}
  dynamic: {address: null}
operations:
  publishPlaced: {action: send, channel: {$ref: '#/channels/placed'}}
  onDynamic: {action: receive, channel: {$ref: '#/channels/dynamic'}}
)");
  ContractDocument c = load(dir, "api.yaml");
  EXPECT_EQ(c.service, "orders");
  EXPECT_EQ(c.title, "Order Service");
  ASSERT_EQ(c.channels.size(), 2u);
  EXPECT_TRUE(c.channels[1].addressIsNull);
  EXPECT_EQ(c.channels[1].address, ""); // unknown: the key `dynamic` is no address
  EXPECT_EQ(endpoints(c), (std::vector<std::string>{"consume  @api.yaml:8:14 /operations/onDynamic",
                                                    "produce orders.{orderId}.placed @api.yaml:7:18 /operations/publishPlaced"}));
}

TEST(AsyncApi, RefsIntoRelativeFilesAndFieldsThroughAllOf) {
  TempDir dir;
  dir.write("common/messages.yaml", R"(Placed:
  name: OrderPlaced
  payload:
    allOf:
      - $ref: 'schemas.json#/Envelope'
      - {type: object, properties: {total: {type: number}}}
)");
  dir.write("common/schemas.json", R"({"Envelope": {"type": "object", "properties": {"eventId": {"type": "string"}}}})");
  dir.write("svc/api.yaml", R"(asyncapi: 2.6.0
info: {title: S, version: 1.0.0}
channels:
  orders:
    subscribe:
      message: {$ref: '../common/messages.yaml#/Placed'}
)");
  ContractDocument c = load(dir, "svc/api.yaml");
  ASSERT_EQ(c.messages.size(), 1u);
  EXPECT_EQ(c.messages[0].name, "OrderPlaced");
  EXPECT_EQ(c.messages[0].fieldNames, (std::vector<std::string>{"eventId", "total"}));
  EXPECT_EQ(formatLocation(c.messages[0].location), "common/messages.yaml:2:3");
  EXPECT_EQ(c.messages[0].location.pointer, "/Placed");
}

const char *kHeader = "asyncapi: 2.6.0\ninfo: {title: S, version: 1.0.0}\n";

TEST(AsyncApi, BadInputGivesTheFileLocationAndProblem) {
  EXPECT_EQ(errorOf("asyncapi: 4.0.0\ninfo: {title: S, version: 1}\n"),
            "api.yaml:1:11: unsupported AsyncAPI version '4.0.0' (expected 2.0.0 to 2.6.0, 3.0.0 or 3.1.0) (at /asyncapi)");
  EXPECT_EQ(errorOf("asyncapi: 2.6.0\nchannels: {}\n"), "api.yaml:1:1: missing required field `info` (at /)");
  EXPECT_EQ(errorOf(kHeader), "api.yaml:1:1: missing required field `channels` (at /)");
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a:\n    publish: {message: {$ref: '#/components/messages/Nope'}}\n"),
            "api.yaml:5:31: $ref '#/components/messages/Nope' does not resolve: there is no 'components' at '/' in "
            "api.yaml (at /channels/a/publish/message/$ref)");
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a: {$ref: 'https://example.com/a.yaml'}\n"),
            "api.yaml:4:13: remote $ref 'https://example.com/a.yaml' refused: eventscope never uses the network; vendor "
            "the file and refer to it by a relative path (at /channels/a/$ref)");
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a: {$ref: '../../etc/passwd'}\n"),
            "api.yaml:4:13: $ref '../../etc/passwd' leaves the analysed root; refused (at /channels/a/$ref)");
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a: {$ref: '#/channels/b'}\n  b: {$ref: '#/channels/a'}\n"),
            "api.yaml:4:13: $ref cycle: '#/channels/b' leads back to itself (at /channels/a/$ref)");
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a: {$ref: 'missing.yaml'}\n"),
            "api.yaml:4:13: $ref 'missing.yaml': missing.yaml: cannot read file: No such file or directory (at "
            "/channels/a/$ref)");
  EXPECT_EQ(errorOf("asyncapi: 3.0.0\ninfo: {title: S, version: 1}\noperations:\n  x: {action: emit, channel: {}}\n"),
            "api.yaml:4:15: invalid action 'emit' (expected send or receive) (at /operations/x/action)");
}

// Found by fuzz_schema_diff: a pointer through a `$ref` that leads back into itself resolved
// that `$ref` again and again until the stack ran out. A cycle through pointers is refused like
// a plain one, and a long chain of them stops at the hop limit, however the chain is made.
TEST(AsyncApi, ARefCycleThroughAPointerIsRefusedNotRecursedForever) {
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a: {$ref: '#/channels/a/x'}\n"),
            "api.yaml:4:13: $ref cycle: '#/channels/a/x' leads back to itself (at /channels/a/$ref)");
  EXPECT_EQ(errorOf(std::string(kHeader) + "channels:\n  a: {$ref: '#/channels/b/x'}\n  b: {$ref: '#/channels/a/y'}\n"),
            "api.yaml:4:13: $ref cycle: '#/channels/b/x' leads back to itself (at /channels/a/$ref)");
  // Chains of every length and shape (plain hops, hops through a pointer, alternating): up to
  // the limit they resolve, past it they are refused, and none overflows the stack. Each hop
  // through a pointer asks for one more `x` below the chain's end, which has as many.
  for (int shape = 0; shape < 3; ++shape)
    for (int length : {1, 2, 63, 64, 65, 500, 5000}) {
      std::string doc = std::string(kHeader) + "channels:\n";
      int pointers = 0;
      for (int i = 0; i < length; ++i) {
        bool throughPointer = shape == 1 || (shape == 2 && i % 2 == 1);
        pointers += throughPointer;
        doc += "  c" + std::to_string(i) + ": {$ref: '#/channels/c" + std::to_string(i + 1) +
               (throughPointer ? "/x" : "") + "'}\n";
      }
      std::string end = "{subscribe: {message: {payload: {type: string}}}}";
      for (int i = 0; i < std::min(pointers, 70); ++i)
        end = "{x: " + end + ", subscribe: {message: {payload: {type: string}}}}";
      doc += "  c" + std::to_string(length) + ": " + end + "\n";
      std::string error = errorOf(doc);
      SCOPED_TRACE("shape " + std::to_string(shape) + ", length " + std::to_string(length));
      if (length <= 64)
        EXPECT_EQ(error, "(no error)");
      else
        EXPECT_NE(error.find("$ref chain longer than 64 hops"), std::string::npos) << error;
    }
}

// The same in a file a document reaches through $ref (shared-cases re-run, session 45: the
// referenced file's first document was read and the rest dropped without a word).
TEST(AsyncApi, AReferencedFileOfSeveralYamlDocumentsIsRefusedAtTheSecond) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [main.yaml]\n");
  dir.write("main.yaml", std::string(kHeader) + "channels:\n  doc.made:\n    subscribe:\n      message:\n"
                                                "        $ref: 'messages.yaml#/Made'\n");
  dir.write("messages.yaml", "Made:\n  payload: {type: object, properties: {id: {type: string}}}\n---\n"
                             "Made:\n  payload: {type: object, properties: {other: {type: string}}}\n");
  for (const std::vector<std::string> &args :
       {std::vector<std::string>{"check", "."}, std::vector<std::string>{"contract", "show", "main.yaml"}}) {
    eventscope::testing::CommandResult r = eventscope::testing::runEventscope(args, dir.path());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("messages.yaml:3:1: a second YAML document starts here: a file reached through $ref must "
                         "hold one document"),
              std::string::npos)
        << r.err;
  }
}

// shared/cases/asyncapi/14-multi-document-yaml: several YAML documents in one AsyncAPI file
// are refused at the `---` of the second (the reference parser refuses them too), even an
// empty one after a trailing `---`; a marker before the only document is fine, and a native
// manifest may still hold one service per document.
TEST(AsyncApi, AFileOfSeveralYamlDocumentsIsRefusedAtTheSecond) {
  const std::string doc = std::string(kHeader) + "channels:\n  a: {subscribe: {message: {payload: {type: string}}}}\n";
  const std::string second = "a second YAML document starts here: an AsyncAPI file must hold one document";
  for (const std::string &text : {doc + "---\n" + doc, doc + "---\n", doc + "--- \n# nothing more\n"}) {
    TempDir dir;
    dir.write("eventscope.yaml", "contracts: [api.yaml]\n");
    dir.write("api.yaml", text);
    for (const std::vector<std::string> &args : {std::vector<std::string>{"check", "."},
                                                 std::vector<std::string>{"contract", "show", "api.yaml"}}) {
      eventscope::testing::CommandResult r = eventscope::testing::runEventscope(args, dir.path());
      EXPECT_EQ(r.exitCode, 2) << text << r.err;
      EXPECT_NE(r.err.find("api.yaml:5:1: " + second), std::string::npos) << text << r.err;
    }
  }
  {
    // Two JSON objects one after the other (YAML reads two documents, with no `---` between):
    // said at the second, with nothing to remove (shared-cases 14 sibling, session 46).
    TempDir dir;
    dir.write("two.json", "{\"asyncapi\": \"2.6.0\", \"info\": {\"title\": \"a\", \"version\": \"1\"}}\n"
                          "{\"asyncapi\": \"2.6.0\", \"info\": {\"title\": \"b\", \"version\": \"1\"}}\n");
    eventscope::testing::CommandResult r = eventscope::testing::runEventscope({"contract", "show", "two.json"}, dir.path());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("two.json:2:1: a second document starts here: an AsyncAPI file must hold one document (split "
                         "the file)\n"),
              std::string::npos)
        << r.err;
  }
  {
    // Two such files: both said in one run (a user learnt of one bad file per run), each on
    // a line of its own, exit 2.
    TempDir dir;
    dir.write("a.yaml", doc + "---\n" + doc);
    dir.write("b.yaml", doc + "---\n");
    eventscope::testing::CommandResult r = eventscope::testing::runEventscope({"check", "."}, dir.path());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(r.err, "eventscope: error: a.yaml:5:1: " + second + " (split the file, or remove the `---`)\n" +
                         "eventscope: error: b.yaml:5:1: " + second + " (split the file, or remove the `---`)\n");
  }
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [api.yaml, m.yaml]\n");
  dir.write("api.yaml", "---\n" + doc);
  dir.write("m.yaml", "service: a\nproduces: [x]\n---\nservice: b\nconsumes: [x]\n");
  eventscope::testing::CommandResult r = eventscope::testing::runEventscope({"check", ".", "--no-color"}, dir.path());
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find(second), std::string::npos) << r.err;
}

TEST(AsyncApi, HostileInputEndsInBoundedTime) {
  // Billion laughs: aliases share nodes in yaml-cpp; copying the payload schema for the diff
  // and export would expand them, and stops at a limit with a clear error.
  std::string bomb = std::string(kHeader) + "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string("x-") + c + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      bomb += std::string(i ? ", " : "") + "*" + prev;
    bomb += "]\n";
  }
  bomb += "channels:\n  a:\n    publish: {message: {payload: {type: object, properties: *j}}}\n";
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(errorOf(bomb).substr(0, 99),
            "api.yaml:3:25: schema expands to more than 100000 values through $ref or YAML aliases (at /channels");
  // Nesting 100,000 deep: yaml-cpp's depth guard turns it into an error.
  std::string deep = std::string(kHeader) + "channels: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_NE(errorOf(deep).find("api.yaml:3:"), std::string::npos) << errorOf(deep).substr(0, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

} // namespace

namespace {

TEST(AsyncApi, AHugeFileIsRefusedBeforeReading) {
  TempDir dir;
  std::string path = dir.write("huge.yaml", "");
  ASSERT_EQ(truncate(path.c_str(), 100l << 20), 0);
  try {
    readInputFile(path, "huge.yaml");
    FAIL() << "no error";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()), "huge.yaml: file is too large (100 MiB; the limit is 64 MiB)");
  }
}

TEST(AsyncApi, NotYamlAtAllIsAParseErrorWithItsPosition) {
  TempDir dir;
  dir.write("api.yaml", "asyncapi: 2.6.0\ninfo: {title: [unclosed\n");
  try {
    readInputFile(dir.path() + "/api.yaml", "api.yaml");
    readDocumentTree(readInputFile(dir.path() + "/api.yaml", "api.yaml"), "api.yaml");
    FAIL() << "no error";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()), "api.yaml:3:1: invalid YAML: end of sequence flow not found");
  }
}

} // namespace

namespace {

TEST(AsyncApi, RefLimitsAreClearErrors) {
  std::string chain = std::string(kHeader) + "channels:\n  a: {$ref: '#/components/x/c0'}\ncomponents:\n  x:\n";
  for (int i = 0; i < 70; ++i)
    chain += "    c" + std::to_string(i) + ": {$ref: '#/components/x/c" + std::to_string(i + 1) + "'}\n";
  chain += "    c70: {}\n";
  EXPECT_EQ(errorOf(chain), "api.yaml:70:17: $ref chain longer than 64 hops at '#/components/x/c64' (at "
                            "/components/x/c63/$ref)");
  std::string wide = std::string(kHeader) + "channels:\n";
  std::map<std::string, std::string> files;
  for (int i = 0; i <= 256; ++i) {
    wide += "  c" + std::to_string(i) + ": {$ref: 'f" + std::to_string(i) + ".yaml'}\n";
    files["f" + std::to_string(i) + ".yaml"] = "{}\n";
  }
  // The document itself is one of the 256.
  EXPECT_EQ(errorOf(wide, files), "api.yaml:259:16: too many files reached through $ref (the limit is 256) (at "
                                  "/channels/c255/$ref)");
}

TEST(AsyncApi, ARefThroughASymbolicLinkOutOfTheRootIsRefused) {
  TempDir outside;
  outside.write("secret.yaml", "Placed: {payload: {type: string}}\n");
  TempDir dir;
  dir.write("common/messages.yaml", "Placed: {payload: {type: string}}\n");
  ASSERT_EQ(symlink(outside.path().c_str(), (dir.path() + "/vendor").c_str()), 0);
  ASSERT_EQ(symlink("common", (dir.path() + "/alias").c_str()), 0);
  std::string api = std::string(kHeader) + "channels:\n  a:\n    publish: {message: {$ref: 'REF#/Placed'}}\n";
  auto replaced = [&](const std::string &ref) { return api.substr(0, api.find("REF")) + ref + api.substr(api.find("REF") + 3); };
  dir.write("api.yaml", replaced("vendor/secret.yaml"));
  try {
    load(dir, "api.yaml");
    ADD_FAILURE() << "a $ref out of the root through a link was followed";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()), "api.yaml:5:31: $ref 'vendor/secret.yaml' leads out of the analysed root through "
                                     "a symbolic link; refused (at /channels/a/publish/message/$ref)");
  }
  dir.write("api.yaml", replaced("alias/messages.yaml")); // a link that stays inside is followed
  EXPECT_EQ(load(dir, "api.yaml").messages.size(), 1u);
}

} // namespace
