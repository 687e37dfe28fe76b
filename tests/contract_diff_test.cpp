// `contract diff` end to end: agreement with asyncapi/diff on its fixtures, payload verdicts
// judged in the direction the message flows, across AsyncAPI versions, outputs, exit codes,
// --allow, --base through git with renames, and who is affected from the code.
#include "test_support.h"
#include "analyzer/contracts/asyncapi.h"
#include "analyzer/contracts/contract_files.h"
#include "analyzer/documents/yaml_input.h"
#include "model/contract_diff.h"
#include "model/input_error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

using namespace eventscope::testing;
using Json = nlohmann::json;

namespace {

std::string fixture(const std::string &relative) { return sourceDir() + "/tests/fixtures/" + relative; }

using Change = std::tuple<std::string, std::string, std::string>; // action, pointer, verdict

std::set<Change> changesOf(const CommandResult &r) {
  std::set<Change> changes;
  Json report = Json::parse(r.out);
  for (const Json &contract : report["contracts"])
    for (const Json &c : contract["changes"])
      changes.insert({c["action"].get<std::string>(), c["pointer"].get<std::string>(), c["type"].get<std::string>()});
  return changes;
}

// asyncapi/diff's reading: {"breaking": [{action, path}], "nonBreaking": [...], "unclassified": [...]}.
std::set<Change> referenceOf(const std::string &file) {
  std::set<Change> changes;
  Json reference = Json::parse(readFile(file));
  for (const auto &[group, verdict] : {std::pair<const char *, const char *>{"breaking", "breaking"},
                                       {"nonBreaking", "non-breaking"},
                                       {"unclassified", "unclassified"}})
    for (const Json &c : reference[group])
      changes.insert({c["action"].get<std::string>(), c["path"].get<std::string>(), verdict});
  return changes;
}

TEST(ContractDiff, AgreesWithAsyncApiDiffOnItsFixtures) {
  for (const auto &[before, after, reference] :
       {std::tuple<const char *, const char *, const char *>{"asyncapi.yml", "diffSpec.yml", "reference-diff-v2.json"},
        {"asyncapi-v3.yml", "asyncapi-v3-diff.yml", "reference-diff-v3.json"}}) {
    CommandResult r = runEventscope({"contract", "diff", before, after, "--format", "json", "-q"},
                                    fixture("asyncapi-diff"));
    EXPECT_EQ(r.exitCode, 1) << r.err; // each pair has a breaking change
    EXPECT_EQ(changesOf(r), referenceOf(fixture("asyncapi-diff/") + reference)) << before;
  }
}

TEST(ContractDiff, ArrayElementRemovedAsAsyncApiDiffSays) {
  // asyncapi/diff's array fixture, made a valid document (eventscope refuses one without
  // `info` and `channels`, where asyncapi/diff compares whatever JSON it is given).
  TempDir dir;
  for (const char *name : {"specDocument1.json", "specDocument2.json"}) {
    Json document = Json::parse(readFile(fixture("asyncapi-diff/") + name));
    document["info"] = {{"title", "t"}, {"version", "1"}};
    document["channels"] = Json::object();
    dir.write(name, document.dump());
  }
  CommandResult r = runEventscope({"contract", "diff", "specDocument1.json", "specDocument2.json", "--format", "json"},
                                  dir.path());
  EXPECT_EQ(r.exitCode, 1) << r.err;
  Json expected = Json::parse(readFile(fixture("asyncapi-diff/arrayChanges.json")))["changes"][0];
  EXPECT_EQ(changesOf(r), (std::set<Change>{{expected["action"].get<std::string>(), expected["path"].get<std::string>(),
                                             expected["type"].get<std::string>()}}));
}

std::set<Change> expectedQuotes() {
  std::set<Change> changes;
  std::istringstream lines(readFile(fixture("contract-diff/expected.tsv")));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream cells(line);
    std::string action, pointer, verdict;
    std::getline(cells, action, '\t');
    std::getline(cells, pointer, '\t');
    std::getline(cells, verdict, '\t');
    changes.insert({action, pointer, verdict});
  }
  return changes;
}

TEST(ContractDiff, PayloadChangesAreJudgedInTheDirectionTheMessageFlows) {
  CommandResult r = runEventscope({"contract", "diff", "quotes-v1.yaml", "quotes-v2.yaml", "--format", "json"},
                                  fixture("contract-diff"));
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(changesOf(r), expectedQuotes());
  EXPECT_EQ(r.err, "eventscope: 6 breaking change(s) in 11 change(s) to 1 contract(s)\n");
}

TEST(ContractDiff, AsyncApi2AgainstAsyncApi3IsComparedByMeaning) {
  CommandResult r = runEventscope(
      {"contract", "diff", "quotes-v1-asyncapi2.yaml", "quotes-v2.yaml", "--format", "json"}, fixture("contract-diff"));
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(changesOf(r), expectedQuotes());
  // and a document against itself in the other version: nothing changed in meaning
  TempDir dir;
  dir.write("v1-2x.yaml", readFile(fixture("contract-diff/quotes-v1-asyncapi2.yaml")));
  dir.write("v1-3x.yaml", readFile(fixture("contract-diff/quotes-v1.yaml")));
  CommandResult same = runEventscope({"contract", "diff", "v1-2x.yaml", "v1-3x.yaml", "--format", "json"}, dir.path());
  EXPECT_EQ(same.exitCode, 0) << same.err;
  EXPECT_EQ(changesOf(same), std::set<Change>{});
}

TEST(ContractDiff, TextReportsFileLineAndPointer) {
  CommandResult r = runEventscope({"contract", "diff", "quotes-v1.yaml", "quotes-v2.yaml", "--no-color"},
                                  fixture("contract-diff"));
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("quotes-v2.yaml:17:21: error: add /channels/orderRequested/messages/Order/payload/required: "
                       "property 'qty' newly required: producers that omit it are rejected [contract-breaking-change]\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("quotes-v2.yaml:41:23: info: edit /components/messages/Quote/payload/properties/price/type: "
                       "type narrowed: the consumers are unaffected [contract-compatible-change]\n"),
            std::string::npos)
      << r.out;
}

TEST(ContractDiff, AllowAndNoFailDecideTheExitStatus) {
  std::vector<std::string> args{"contract", "diff", "quotes-v1.yaml", "quotes-v2.yaml", "-q"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = args;
    all.insert(all.end(), extra.begin(), extra.end());
    return runEventscope(all, fixture("contract-diff"));
  };
  EXPECT_EQ(with({"--no-fail"}).exitCode, 0);
  EXPECT_EQ(with({"--allow", "/info/version", "--allow", "/channels/orderRequested"}).exitCode, 1);
  CommandResult allowed = with({"--allow", "/info/version", "--allow", "/channels/orderRequested", "--allow",
                                "/components/messages/*/payload", "--format", "json"});
  EXPECT_EQ(allowed.exitCode, 0) << allowed.out;
  EXPECT_EQ(Json::parse(allowed.out)["summary"]["allowed"], 6);
}

TEST(ContractDiff, BadInputsExitTwoWithTheFileNamed) {
  TempDir dir;
  dir.write("broken.yaml", "asyncapi: 3.0.0\ninfo: [\n");
  dir.write("manifest.yaml", "service: a\nproduces: [x]\n");
  dir.write("ok.yaml", readFile(fixture("contract-diff/quotes-v1.yaml")));
  CommandResult missing = runEventscope({"contract", "diff", "nope.yaml", "ok.yaml"}, dir.path());
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_EQ(missing.err, "eventscope: error: nope.yaml: cannot read file: No such file or directory\n");
  CommandResult broken = runEventscope({"contract", "diff", "ok.yaml", "broken.yaml"}, dir.path());
  EXPECT_EQ(broken.exitCode, 2);
  EXPECT_EQ(broken.err.rfind("eventscope: error: broken.yaml:", 0), 0u) << broken.err;
  CommandResult notAsyncApi = runEventscope({"contract", "diff", "ok.yaml", "manifest.yaml"}, dir.path());
  EXPECT_EQ(notAsyncApi.exitCode, 2);
  EXPECT_EQ(notAsyncApi.err, "eventscope: error: manifest.yaml:1:1: not an AsyncAPI document (no top-level `asyncapi`)\n");
  CommandResult one = runEventscope({"contract", "diff", "ok.yaml"}, dir.path());
  EXPECT_EQ(one.exitCode, 2);
  EXPECT_EQ(one.err, "eventscope: error: contract diff takes two files, OLD and NEW (or --base GIT_REF and the files "
                     "to compare)\n");
}

} // namespace

namespace {

// samples/cpp-shop with a contract for orders, under git: `--base` follows the contract's
// rename, and the breaking change names the code that consumes the channel.
TEST(ContractDiff, BaseComparesWithGitAndNamesTheAffectedCode) {
  TempDir dir;
  std::filesystem::copy(sourceDir() + "/samples/cpp-shop", dir.path(), std::filesystem::copy_options::recursive);
  std::string config = readFile(dir.path() + "/eventscope.yaml");
  dir.write("eventscope.yaml", config + "contracts: [\"contracts/*.yaml\"]\n");
  const std::string contract = R"(asyncapi: 3.0.0
info: {title: orders, version: 1.0.0}
channels:
  placed:
    address: order.placed
    messages:
      OrderPlaced:
        payload:
          type: object
          properties:
            orderId: {type: string}
            total: {type: number}
operations:
  sendPlaced: {action: send, channel: {$ref: '#/channels/placed'}}
)";
  dir.write("contracts/orders.yaml", contract);
  auto git = [&](const std::string &command) {
    std::string line = "cd '" + dir.path() + "' && git " + command + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(line.c_str()), 0) << line;
  };
  git("init -q && git add -A && git -c user.email=ci@example.com -c user.name=ci commit -qm v1");
  // renamed, and `total` dropped from a message payments consumes in code
  git("mv contracts/orders.yaml contracts/order-service.yaml");
  std::string changed = contract;
  const std::string total = "            total: {type: number}\n";
  changed.erase(changed.find(total), total.size());
  dir.write("contracts/order-service.yaml", changed);

  CommandResult r = runEventscope({"contract", "diff", "--base", "HEAD", "contracts/order-service.yaml", "--format",
                                   "json", "-q"},
                                  dir.path());
  ASSERT_EQ(r.exitCode, 1) << r.err << r.out;
  Json report = Json::parse(r.out);
  ASSERT_EQ(report["contracts"].size(), 1u);
  EXPECT_EQ(report["contracts"][0]["before"], "HEAD:contracts/orders.yaml");
  const Json &change = report["contracts"][0]["changes"][0];
  EXPECT_EQ(change["pointer"], "/channels/placed/messages/OrderPlaced/payload/properties/total");
  EXPECT_EQ(change["type"], "breaking");
  EXPECT_EQ(change["channel"], "order.placed");
  ASSERT_EQ(change["affected"].size(), 1u) << change.dump(2);
  EXPECT_EQ(change["affected"][0]["service"], "payments");
  EXPECT_EQ(change["affected"][0]["file"], "services/payments/payments.cpp");
  EXPECT_EQ(change["affected"][0]["origin"], "code");

  // Without files: every contract the config names; the Markdown comment for the merge request.
  CommandResult markdown = runEventscope({"contract", "diff", "--base", "HEAD", "--format", "markdown", "-q"}, dir.path());
  EXPECT_EQ(markdown.exitCode, 1) << markdown.err;
  expectGolden("cli/contract-diff-base.md", markdown.out);
  CommandResult unknown = runEventscope({"contract", "diff", "--base", "no-such-ref", "-q"}, dir.path());
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_EQ(unknown.err, "eventscope: error: --base: 'no-such-ref' is not a commit of the git repository at " +
                             dir.path() + "\n");
}

TEST(ContractDiff, ReportsInEveryFormat) {
  for (const auto &[format, golden] : {std::pair<const char *, const char *>{"json", "cli/contract-diff.json"},
                                       {"markdown", "cli/contract-diff.md"},
                                       {"sarif", "cli/contract-diff.sarif"},
                                       {"text", "cli/contract-diff.txt"}}) {
    CommandResult r = runEventscope(
        {"contract", "diff", "quotes-v1.yaml", "quotes-v2.yaml", "--format", format, "--no-color", "-q"},
        fixture("contract-diff"));
    EXPECT_EQ(r.exitCode, 1) << format;
    expectGolden(golden, r.out);
  }
}

} // namespace

namespace {

TEST(ContractDiff, AcrossVersionsChannelsOperationsAndMessagesAddedOrRemoved) {
  TempDir dir;
  dir.write("old.yaml", R"(asyncapi: 2.6.0
info: {title: s, version: '1'}
channels:
  a.created:
    subscribe: {message: {name: Created, payload: {type: object}}}
  b.deleted:
    publish: {message: {name: Deleted, payload: {type: object}}}
)");
  dir.write("new.yaml", R"(asyncapi: 3.0.0
info: {title: s, version: '1'}
channels:
  a:
    address: a.created
    messages:
      Created: {payload: {type: object}}
      CreatedV2: {payload: {type: object}}
  c:
    address: c.updated
    messages:
      Updated: {payload: {type: object}}
operations:
  sendA: {action: send, channel: {$ref: '#/channels/a'}}
  receiveA: {action: receive, channel: {$ref: '#/channels/a'}}
  sendC: {action: send, channel: {$ref: '#/channels/c'}}
)");
  CommandResult r = runEventscope({"contract", "diff", "old.yaml", "new.yaml", "--format", "json", "-q"}, dir.path());
  EXPECT_EQ(r.exitCode, 1) << r.err;
  std::set<std::string> seen;
  Json report = Json::parse(r.out); // kept: a range-for over a part of a temporary dangles
  for (const Json &c : report["contracts"][0]["changes"])
    seen.insert(c["action"].get<std::string>() + " " + c["type"].get<std::string>() + " " + c["reason"].get<std::string>());
  EXPECT_EQ(seen, (std::set<std::string>{
                      "remove breaking channel 'b.deleted' removed",
                      "add non-breaking channel 'c.updated' added",
                      "add non-breaking the service now receives from 'a.created'",
                      "add non-breaking message 'CreatedV2' added to the channel",
                  }));
}

// A message moved behind a local `$ref` (into components/messages) is the same message:
// @asyncapi/diff compares the parser's documents, every `$ref` replaced by its target, and
// finds nothing breaking (shared-cases re-run, session 46: "remove .../payload", breaking,
// exit 1, for a change of layout). A `$ref` that now points to another message, or to a
// target that is not there, is compared as written: the change is said.
TEST(ContractDiff, AMessageMovedBehindALocalRefIsTheSameMessage) {
  TempDir dir;
  dir.write("inline.yaml", R"(asyncapi: 3.0.0
info: {title: shipper, version: 1.0.0}
channels:
  shipped:
    address: order.shipped
    messages:
      Shipped:
        payload:
          type: object
          properties:
            orderId: {type: string}
operations:
  sendShipped:
    action: send
    channel: {$ref: '#/channels/shipped'}
)");
  dir.write("ref.yaml", R"(asyncapi: 3.0.0
info: {title: shipper, version: 1.0.0}
channels:
  shipped:
    address: order.shipped
    messages:
      Shipped: {$ref: '#/components/messages/Shipped'}
operations:
  sendShipped:
    action: send
    channel: {$ref: '#/channels/shipped'}
components:
  messages:
    Shipped:
      payload:
        type: object
        properties:
          orderId: {type: string}
    Other:
      payload: {type: string}
)");
  CommandResult r = runEventscope({"contract", "diff", "inline.yaml", "ref.yaml", "--format", "json", "-q"}, dir.path());
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(changesOf(r), (std::set<Change>{{"add", "/components", "non-breaking"}})) << r.out;
  // Now pointing at another message (whose payload differs): said, breaking as a removal of
  // the payload written in place.
  dir.write("other.yaml", readFile(dir.path() + "/ref.yaml").replace(readFile(dir.path() + "/ref.yaml").find("/Shipped'"), 9, "/Other'"));
  r = runEventscope({"contract", "diff", "inline.yaml", "other.yaml", "--format", "json", "-q"}, dir.path());
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  // A reference to nothing: compared as written, never followed into a crash.
  dir.write("dangling.yaml", readFile(dir.path() + "/ref.yaml").replace(readFile(dir.path() + "/ref.yaml").find("/Shipped'"), 9, "/Gone'"));
  r = runEventscope({"contract", "diff", "ref.yaml", "dangling.yaml", "--format", "json", "-q"}, dir.path());
  EXPECT_NE(r.exitCode, 0) << r.out << r.err;
}

} // namespace

// The diff walks the document trees themselves (issue 24.3) where it parsed their JSON text:
// the same changes, verdicts and texts as diffing the documents' JSON values (documentAsJson,
// read back), for every AsyncAPI document of the corpora and fixtures against the next one of
// its major version, and against itself with its traits applied.
TEST(ContractDiff, TheDocumentTreesDiffAsTheirJsonValues) {
  using namespace eventscope;
  std::map<int, std::vector<std::string>> byMajor;
  for (const char *dir : {"/tests/corpus", "/tests/fixtures"})
    for (const auto &entry : std::filesystem::recursive_directory_iterator(sourceDir() + dir)) {
      std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".json"))
        continue;
      try {
        LoadedContract loaded = loadAsyncApiFile(entry.path().string(), entry.path().filename().string(), "");
        byMajor[loaded.document.version[0] - '0'].push_back(entry.path().string());
      } catch (const InputError &) {
      } catch (const std::exception &) {
      }
    }
  size_t pairs = 0, changes = 0;
  for (auto &[major, files] : byMajor) {
    std::sort(files.begin(), files.end());
    for (size_t i = 0; i + 1 < files.size(); ++i) {
      LoadedContract a = loadAsyncApiFile(files[i], "a.yaml", ""), b = loadAsyncApiFile(files[i + 1], "b.yaml", "");
      DocTree aJson = readDocumentTree(documentAsJson(*a.root, "a.yaml"), "a.json");
      DocTree bJson = readDocumentTree(documentAsJson(*b.root, "b.yaml"), "b.json");
      auto texts = [](const std::vector<ContractChange> &list) {
        std::vector<std::string> out;
        for (const ContractChange &c : list)
          out.push_back(c.action + " " + c.pointer + " " + std::string(verdictName(c.verdict)) + " " + c.before + " " +
                        c.after + " " + c.reason + " " + c.channel + (c.sent ? " sent" : "") +
                        (c.received ? " received" : ""));
        return out;
      };
      std::vector<ContractChange> trees = diffContracts({&a.document, a.diffRoot}, {&b.document, b.diffRoot});
      std::vector<ContractChange> values =
          diffContracts({&a.document, aJson.documents.front()}, {&b.document, bJson.documents.front()});
      EXPECT_EQ(texts(trees), texts(values)) << files[i] << " -> " << files[i + 1];
      EXPECT_TRUE(diffContracts({&a.document, a.diffRoot}, {&a.document, aJson.documents.front()}).empty()) << files[i];
      ++pairs;
      changes += trees.size();
    }
  }
  EXPECT_GE(pairs, 20u);
  EXPECT_GE(changes, 500u);
}
