// The binary end to end: outputs, exit codes and error messages.
#include "cli/commands/command.h"
#include "render/formats.h"
#include "rules/registry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <llvm/ADT/StringExtras.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <sys/stat.h>

using namespace eventscope;
using namespace eventscope::testing;

namespace {

std::string sample(const std::string &name) { return sourceDir() + "/samples/" + name; }

TEST(Cli, CheckOnTheManifestSampleReportsEveryGraphRule) {
  CommandResult r = runEventscope({"check", sample("manifest-shop"), "--no-color"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  expectGolden("cli/manifest-shop.txt", r.out);
  for (const char *rule : {"[event-cycle]", "[cascade-depth]", "[unproduced-event]", "[unconsumed-event]",
                           "[channel-name-typo]", "[request-reply-over-events]"})
    EXPECT_NE(r.out.find(rule), std::string::npos) << rule;
  EXPECT_EQ(r.err, "eventscope: 3 error(s), 5 warning(s), 0 info(s) in 9 service(s) and 13 channel(s)\n");
}

TEST(Cli, OutputIsTheSameFromAnyWorkingDirectory) {
  CommandResult fromRoot = runEventscope({"check", ".", "--format", "json"}, sample("manifest-shop"));
  CommandResult fromElsewhere = runEventscope({"check", sample("manifest-shop"), "--format", "json"}, "/");
  EXPECT_EQ(fromRoot.out, fromElsewhere.out);
  expectGolden("cli/manifest-shop.json", fromRoot.out);
}

TEST(Cli, FailOnDecidesTheExitStatus) {
  EXPECT_EQ(runEventscope({"check", sample("manifest-shop"), "--fail-on", "never"}).exitCode, 0);
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [\"*.yaml\"]\n");
  dir.write("a.yaml", "service: a\nproduces: [x]\n"); // only an unconsumed-event warning
  dir.write("b.yaml", "service: b\nconsumes: [x]\nproduces: [y]\n");
  EXPECT_EQ(runEventscope({"check", dir.path()}).exitCode, 0);
  EXPECT_EQ(runEventscope({"check", dir.path(), "--fail-on", "warning"}).exitCode, 1);
}

TEST(Cli, CleanSystemExitsZeroAndPrintsNoFindings) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [\"services/*.yaml\"]\n");
  dir.write("services/a.yaml", "service: a\nproduces: [x]\n");
  dir.write("services/b.yaml", "service: b\nconsumes: [x]\n");
  CommandResult r = runEventscope({"check", dir.path()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Cli, WithoutAConfigManifestsAreFoundAndOtherYamlPassedOver) {
  TempDir dir;
  dir.write("a/service.yaml", "service: a\nproduces: [x]\n");
  dir.write("b/service.yaml", "service: b\nconsumes: [x]\n");
  dir.write(".github/workflows/ci.yml", "on: push\n");
  dir.write("deploy/values.yaml", "replicas: 2\n");
  CommandResult r = runEventscope({"scan", dir.path()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("\"service\": \"b\""), std::string::npos);
  EXPECT_EQ(r.err, "eventscope: warning: passed over 1 YAML/JSON file(s) that are neither manifests nor AsyncAPI "
                   "documents (no eventscope.yaml names the contracts)\n");
}

// Links inside the root are followed (a file reached twice counts once, a loop ends); a link
// out of the root is not followed unless asked, and is named in a warning.
TEST(Cli, SymbolicLinksOutOfTheRootAreFollowedOnlyWhenAsked) {
  TempDir outside;
  outside.write("c/service.yaml", "service: c\nconsumes: [x]\n");
  TempDir dir;
  dir.write("a/service.yaml", "service: a\nproduces: [x]\n");
  dir.write("b/service.yaml", "service: b\nconsumes: [x]\n");
  std::filesystem::create_directory_symlink("../b", dir.path() + "/a/b-again");
  std::filesystem::create_directory_symlink("..", dir.path() + "/a/loop");
  std::filesystem::create_directory_symlink(outside.path() + "/c", dir.path() + "/vendor");
  CommandResult r = runEventscope({"scan", dir.path()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.err, "eventscope: warning: did not follow 1 symbolic link(s) leading out of the root or broken "
                   "(--follow-symlinks follows them): vendor -> " + std::filesystem::canonical(outside.path()).string() +
                   "/c\n");
  EXPECT_NE(r.out.find("\"b/service.yaml\""), std::string::npos);
  EXPECT_EQ(r.out.find("b-again"), std::string::npos) << "b/service.yaml analysed twice";
  EXPECT_EQ(r.out.find("\"service\": \"c\""), std::string::npos);
  CommandResult followed = runEventscope({"scan", dir.path(), "--follow-symlinks"});
  EXPECT_EQ(followed.exitCode, 0) << followed.err;
  EXPECT_EQ(followed.err, "");
  EXPECT_NE(followed.out.find("\"vendor/service.yaml\""), std::string::npos);
}

TEST(Cli, AGraphPastItsSizeLimitIsAClearError) {
  TempDir dir;
  dir.write("a/service.yaml", "service: a\nproduces: [x, y]\n");
  dir.write("b/service.yaml", "service: b\nconsumes: [x, y]\n");
  setenv("EVENTSCOPE_MAX_GRAPH_SIZE", "3", 1);
  CommandResult r = runEventscope({"check", dir.path()});
  unsetenv("EVENTSCOPE_MAX_GRAPH_SIZE");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "eventscope: error: b/service.yaml:2:15: the event graph would hold more than 3 endpoints and "
                   "triggers (the limit; EVENTSCOPE_MAX_GRAPH_SIZE sets another)\n");
  EXPECT_EQ(runEventscope({"check", dir.path()}).exitCode, 0);
}

TEST(Cli, ScanWritesTheGraphToAFile) {
  TempDir out;
  CommandResult r = runEventscope({"scan", sample("manifest-shop"), "-o", out.path() + "/graph.json"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "");
  expectGolden("cli/manifest-shop-scan.json", readFile(out.path() + "/graph.json"));
}

struct BadInput {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> extraArgs;
  std::string expectedError;
};

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, ExitsTwoWithAMessageNamingTheFileAndProblem) {
  const BadInput &input = GetParam();
  TempDir dir;
  for (auto &[path, text] : input.files)
    dir.write(path, text);
  std::vector<std::string> args = {"check", dir.path()};
  args.insert(args.end(), input.extraArgs.begin(), input.extraArgs.end());
  CommandResult r = runEventscope(args, dir.path());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.out, "") << "no partial report";
  std::string expected = input.expectedError;
  size_t at = expected.find("$DIR");
  if (at != std::string::npos)
    expected.replace(at, 4, dir.path());
  EXPECT_EQ(r.err, expected);
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, CliBadInput,
    ::testing::Values(
        BadInput{"EmptyConfig", {{"eventscope.yaml", ""}}, {},
                 "eventscope: error: eventscope.yaml: the config file is empty (expected a map with keys such as "
                 "sources, contracts, services)\n"},
        BadInput{"UnknownRule",
                 {{"eventscope.yaml", "rules:\n  cascade-dept: error\n"}},
                 {"--config", "eventscope.yaml"},
                 "eventscope: error: eventscope.yaml:2:3: unknown rule 'cascade-dept'; did you mean 'cascade-depth'?\n"},
        BadInput{"UnknownRuleOption",
                 {{"eventscope.yaml", "rules:\n  cascade-depth: {max_deep: 2}\n"}},
                 {"--config", "eventscope.yaml"},
                 "eventscope: error: eventscope.yaml:2:19: unknown option 'max_deep' for cascade-depth; did you mean "
                 "'max_depth'?\n"},
        BadInput{"NonIntegerOption",
                 {{"eventscope.yaml", "rules:\n  cascade-depth: {max_depth: deep}\n"}},
                 {"--config", "eventscope.yaml"},
                 "eventscope: error: eventscope.yaml:2:19: option 'max_depth' of cascade-depth must be a non-negative "
                 "integer, not 'deep'\n"},
        BadInput{"MissingConfig", {}, {"--config", "nope.yaml"}, "eventscope: error: nope.yaml: config file not found\n"},
        BadInput{"BrokenManifest",
                 {{"eventscope.yaml", "contracts: [\"*.yaml\"]\n"}, {"m.yaml", "service: a\nproduces: [x\n"}},
                 {"--config", "eventscope.yaml"},
                 "eventscope: error: m.yaml:3:1: invalid YAML: end of sequence flow not found\n"},
        BadInput{"NotAContract",
                 {{"eventscope.yaml", "contracts: [\"*.yaml\"]\n"}, {"m.yaml", "title: x\n"}},
                 {"--config", "eventscope.yaml"},
                 "eventscope: error: m.yaml:1:1: not a contract: expected an AsyncAPI document (top-level `asyncapi`) "
                 "or an eventscope manifest (top-level `service`)\n"},
        BadInput{"DeviceAsConfig", {}, {"--config", "/dev/zero"},
                 "eventscope: error: /dev/zero: is not a regular file (a device, FIFO or socket); refused\n"},
        BadInput{"BadFormat", {}, {"--format", "html"},
                 "eventscope: error: --format: html not in {" + llvm::join(eventscope::reportFormatNames(), ",") +
                     "}\nRun with --help for more information.\n"}),
    [](const auto &info) { return info.param.name; });

TEST(Cli, MissingDirectory) {
  CommandResult r = runEventscope({"check", "/nonexistent/system"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "eventscope: error: /nonexistent/system: directory not found\n");
}

TEST(Cli, UsageErrorsExitTwoAndHelpExitsZero) {
  EXPECT_EQ(runEventscope({}).exitCode, 2);
  EXPECT_EQ(runEventscope({"chekc"}).exitCode, 2);
  EXPECT_EQ(runEventscope({"check", "--bogus"}).exitCode, 2);
  CommandResult help = runEventscope({"check", "--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("--fail-on"), std::string::npos);
  CommandResult version = runEventscope({"--version"});
  EXPECT_EQ(version.exitCode, 0);
  EXPECT_EQ(version.out.rfind("eventscope ", 0), 0u);
}

// An unknown command word is named with the closest command, at every level of the tree.
TEST(Cli, AnUnknownCommandSaysWhichOneWasMeant) {
  std::string topLevel; // the table's commands of one word, in its order (a new command joins the list)
  for (const eventscope::Command &command : eventscope::allCommands())
    if (command.path.size() == 1)
      topLevel += (topLevel.empty() ? "" : ", ") + command.path.front();
  ASSERT_EQ(topLevel.rfind("check, baseline, scan, graph, docs, contract, export, extract, merge, traces, profiles, rules", 0), 0u)
      << topLevel;
  CommandResult r = runEventscope({"chek", "."});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "eventscope: error: 'chek' is not a command of eventscope; did you mean 'check'? (commands: " +
                       topLevel + ")\n");
  r = runEventscope({"contract", "dif", "a.yaml", "b.yaml"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "eventscope: error: 'dif' is not a command of eventscope contract; did you mean 'diff'? (commands: "
                   "show, diff)\n");
  r = runEventscope({"zzzzzz"});
  EXPECT_EQ(r.err, "eventscope: error: 'zzzzzz' is not a command of eventscope (commands: " + topLevel + ")\n");
}

// Every command of the table is reachable, and every command that analyses takes the same
// shared options, declared once (`contract diff` took no --cache-dir, --no-cache,
// --follow-symlinks or --facts before).
TEST(Cli, EveryAnalysingCommandTakesTheSharedOptions) {
  size_t analysing = 0;
  for (const eventscope::Command &command : eventscope::allCommands()) {
    std::vector<std::string> args = command.path;
    args.push_back("--help");
    CommandResult help = runEventscope(args);
    std::string name = llvm::join(command.path, " ");
    EXPECT_EQ(help.exitCode, 0) << name;
    EXPECT_NE(help.out.find(command.summary), std::string::npos) << name << help.out;
    if (command.shared != eventscope::SharedOptions::Analysis &&
        command.shared != eventscope::SharedOptions::AnalysisRootOption &&
        command.shared != eventscope::SharedOptions::Parsing)
      continue;
    ++analysing;
    for (const char *option : {"--config", "--build-dir", "--jobs", "--strict", "--quiet", "--cache-dir", "--no-cache",
                               "--follow-symlinks"})
      EXPECT_NE(help.out.find(option), std::string::npos) << name << " lacks " << option;
    EXPECT_EQ(help.out.find("--facts") != std::string::npos, command.shared != eventscope::SharedOptions::Parsing)
        << name;
  }
  // At least check, baseline write, scan, graph, docs, contract diff, export asyncapi, extract.
  EXPECT_GE(analysing, 8u);
}

// The README's synopsis names the formats of the tables the CLI reads, no more, no fewer.
TEST(Cli, TheReadmeListsTheFormatsOfTheTables) {
  std::ifstream file(sourceDir() + "/README.md");
  std::string readme((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto listed = [&](const std::string &prefix) {
    size_t at = readme.find(prefix);
    EXPECT_NE(at, std::string::npos) << prefix;
    at = readme.find("--format ", at) + 9;
    std::string list = readme.substr(at, readme.find_first_of(" ]\n", at) - at);
    llvm::SmallVector<llvm::StringRef, 8> parts;
    llvm::StringRef(list).split(parts, '|');
    std::set<std::string> names;
    for (llvm::StringRef part : parts)
      names.insert(part.str());
    return names;
  };
  std::vector<std::string> reports = eventscope::reportFormatNames(), diagrams = eventscope::diagramFormatNames();
  EXPECT_EQ(listed("eventscope check"), std::set<std::string>(reports.begin(), reports.end()));
  EXPECT_EQ(listed("eventscope graph"), std::set<std::string>(diagrams.begin(), diagrams.end()));
}

TEST(Cli, RulesCommandShowsDocumentation) {
  CommandResult r = runEventscope({"rules", "channel-name-typo"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("## Why is this bad"), std::string::npos);
  EXPECT_EQ(runEventscope({"rules", "no-such-rule"}).exitCode, 2);
}

// `rules ID` prints the summary, the severity and then exactly the help SARIF carries: one
// text, so a reader of a SARIF viewer and of the terminal see the same documentation.
TEST(Cli, RulesCommandPrintsTheHelpSarifCarries) {
  CommandResult sarif = runEventscope({"check", sample("cpp-shop"), "--format", "sarif", "--no-cache"});
  ASSERT_EQ(sarif.exitCode, 1) << sarif.err;
  nlohmann::json descriptors = nlohmann::json::parse(sarif.out)["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(descriptors.size(), allRules().size());
  size_t withReplacements = 0;
  for (const nlohmann::json &descriptor : descriptors) {
    std::string id = descriptor["id"], help = descriptor["help"]["markdown"];
    CommandResult r = runEventscope({"rules", id});
    ASSERT_EQ(r.exitCode, 0) << id;
    const Rule *rule = findRule(id);
    ASSERT_NE(rule, nullptr) << id;
    EXPECT_EQ(r.out, "# " + id + "\n\n" + rule->info.summary + "\n\nDefault severity: " +
                         std::string(severityName(rule->info.defaultSeverity)) + "\n\n" + help +
                         (help.ends_with('\n') ? "" : "\n"))
        << id;
    EXPECT_EQ(descriptor["help"]["text"], help) << id;
    withReplacements += help.find("\n## Replace") != std::string::npos;
  }
  EXPECT_GE(withReplacements, 4u); // both sides of every declared replacement are in the help
}

} // namespace

namespace {

TEST(Cli, ContractSampleReportsEveryContractRule) {
  CommandResult r = runEventscope({"check", sample("contract-shop"), "--no-color"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  expectGolden("cli/contract-shop.txt", r.out);
  for (const char *rule : {"[undeclared-operation]", "[unimplemented-operation]", "[unauthorized-producer]",
                           "[unsecured-channel]", "[message-without-schema]", "[message-without-id]"})
    EXPECT_NE(r.out.find(rule), std::string::npos) << rule;
  CommandResult json = runEventscope({"check", sample("contract-shop"), "--format", "json"});
  EXPECT_NE(json.out.find("\"pointer\": \"/channels/order.placed\""), std::string::npos);
}

TEST(Cli, ContractShowPrintsWhatWasRead) {
  CommandResult r = runEventscope({"contract", "show", "contracts/payments.yaml"}, sample("contract-shop"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  expectGolden("cli/contract-show.json", r.out);
  CommandResult bad = runEventscope({"contract", "show", "eventscope.yaml"}, sample("contract-shop"));
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("eventscope.yaml:2:1: not a contract"), std::string::npos) << bad.err;
}

} // namespace

namespace {

TEST(Cli, ProfilesListsEveryBuiltInProfile) {
  CommandResult r = runEventscope({"profiles"});
  EXPECT_EQ(r.exitCode, 0);
  expectGolden("cli/profiles.txt", r.out);
  TempDir dir;
  dir.write("eventscope.yaml", "disabled_profiles: [rosccp]\n");
  CommandResult bad = runEventscope({"check", dir.path()});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_EQ(bad.err, "eventscope: error: eventscope.yaml: unknown profile 'rosccp' in `disabled_profiles`; did you "
                     "mean 'roscpp'?\n");
  dir.write("eventscope.yaml", "enabled_profiles: [redis-list]\n");
  bad = runEventscope({"check", dir.path()});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_EQ(bad.err, "eventscope: error: eventscope.yaml: unknown profile 'redis-list' in `enabled_profiles`; did you "
                     "mean 'redis-lists'?\n");
}

} // namespace

namespace {

TEST(Cli, ExportAsyncApiReadsBackAsTheSameEndpoints) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [\"*.yaml\"]\n");
  dir.write("a.yaml", "service: a\nproduces: [x]\nconsumes: [y]\n");
  dir.write("b.yaml", "service: b\nconsumes: [x]\n");
  CommandResult exported = runEventscope({"export", "asyncapi", dir.path(), "--service", "a", "-q"});
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  TempDir out;
  out.write("a-export.yaml", exported.out);
  CommandResult shown = runEventscope({"contract", "show", "a-export.yaml"}, out.path());
  ASSERT_EQ(shown.exitCode, 0) << shown.err;
  EXPECT_NE(shown.out.find("\"version\": \"3.0.0\""), std::string::npos);
  EXPECT_NE(shown.out.find("[\n        \"x\",\n        \"produce\"\n      ]"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("[\n        \"y\",\n        \"consume\"\n      ]"), std::string::npos) << shown.out;
  CommandResult wrong = runEventscope({"export", "asyncapi", dir.path(), "--service", "aa", "-q"});
  EXPECT_EQ(wrong.exitCode, 2);
  EXPECT_EQ(wrong.err, "eventscope: error: --service aa names no service; did you mean 'a'?\n");
}

// render/ says what is wrong with a focus; the CLI names the flags (--focus, --view).
TEST(Cli, GraphFocusErrorsNameTheFlags) {
  CommandResult typo = runEventscope({"graph", sample("manifest-shop"), "--format", "dot", "--focus", "ordrs", "-q"});
  EXPECT_EQ(typo.exitCode, 2);
  EXPECT_EQ(typo.err, "eventscope: error: --focus ordrs names no service or channel; did you mean 'orders'?\n");
  CommandResult channel =
      runEventscope({"graph", sample("manifest-shop"), "--format", "dot", "--focus", "order.placed", "-q"});
  EXPECT_EQ(channel.exitCode, 2);
  EXPECT_EQ(channel.err, "eventscope: error: --focus order.placed is a channel; the services view shows services only "
                         "(use --view channels)\n");
  EXPECT_EQ(runEventscope({"graph", sample("manifest-shop"), "--format", "dot", "--focus", "order.placed", "--view",
                           "channels", "-q"})
                .exitCode,
            0);
}

} // namespace

namespace {

// Every input the fuzzers ever crashed or hung on (tests/fuzz/regressions/<target>/), fed
// to the binary the way a user would: a clear exit status (0, 1 or 2), never a crash, an
// internal error or a hang.
// yaml-cpp's loops allocate fast: the parse is cut off by memory long before its deadline.
TEST(Cli, AYamlParserLoopIsCutOffByMemory) {
  TempDir dir;
  dir.write("api.yaml", readFile(sourceDir() + "/tests/fuzz/regressions/manifest/yaml-cpp-hang-unclosed-flow"));
  setenv("EVENTSCOPE_YAML_DEADLINE_MS", "600000", 1);
  CommandResult r = runEventscope({"contract", "show", "api.yaml"}, dir.path());
  unsetenv("EVENTSCOPE_YAML_DEADLINE_MS");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "eventscope: error: api.yaml: the YAML parser took more than 512 MiB (a yaml-cpp defect this "
                   "file triggers); refused\n");
}

// A FIFO nobody writes to would block the read forever.
TEST(Cli, AFifoIsRefusedNotWaitedFor) {
  TempDir dir;
  ASSERT_EQ(mkfifo((dir.path() + "/api.yaml").c_str(), 0600), 0);
  CommandResult r = runEventscope({"contract", "show", "api.yaml"}, dir.path());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "eventscope: error: api.yaml: is not a regular file (a device, FIFO or socket); refused\n");
}

TEST(Cli, FuzzerFindingsEndWithAClearStatus) {
  namespace fs = std::filesystem;
  std::string regressions = sourceDir() + "/tests/fuzz/regressions";
  size_t inputs = 0;
  for (const auto &target : fs::directory_iterator(regressions))
    for (const auto &input : fs::directory_iterator(target.path())) {
      std::string kind = target.path().filename(), text = readFile(input.path());
      TempDir dir;
      std::vector<std::string> args;
      if (kind == "config") {
        dir.write("eventscope.yaml", text);
        args = {"scan", dir.path(), "-q"};
      } else if (kind == "manifest") {
        dir.write("eventscope.yaml", "contracts: [\"service.yaml\"]\n");
        dir.write("service.yaml", text);
        args = {"scan", dir.path(), "-q"};
      } else if (kind == "asyncapi") {
        dir.write("api.yaml", text);
        args = {"contract", "show", "api.yaml"};
      } else if (kind == "schema_diff") {
        size_t cut = text.find("\n---8<---\n");
        dir.write("old.yaml", text.substr(0, cut));
        dir.write("new.yaml", cut == std::string::npos ? "" : text.substr(cut + 10));
        args = {"contract", "diff", "old.yaml", "new.yaml", "-q"};
      } else {
        continue;
      }
      ++inputs;
      CommandResult r = runEventscope(args, dir.path());
      EXPECT_TRUE(r.exitCode >= 0 && r.exitCode <= 2) << input.path() << ": exit " << r.exitCode << "\n" << r.err;
      EXPECT_EQ(r.err.find("internal error"), std::string::npos) << input.path() << ": " << r.err;
    }
  EXPECT_GE(inputs, 4u);
}

} // namespace
