// eventscope.yaml: what is accepted, and the exact message for what is not.
#include "analyzer/config/config.h"
#include "model/input_error.h"
#include "analyzer/source_files.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace eventscope;
using eventscope::testing::TempDir;

namespace {

Config load(const TempDir &dir, const std::string &text) {
  std::string path = dir.write("eventscope.yaml", text);
  return loadConfig(path, "eventscope.yaml");
}

std::string errorOf(const std::string &text) {
  TempDir dir;
  try {
    load(dir, text);
  } catch (const InputError &e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Config, ReadsEveryKey) {
  TempDir dir;
  Config c = load(dir, R"(
sources: ["services/**/*.cpp"]
include_dirs: [include]
contracts: ["contracts/**/*.yaml"]
services:
  order-service: ["services/order/**"]
  billing: services/billing
apis:
  - {function: "shop::Bus::publish",   role: produce, channel: {arg: 0}}
  - {function: "shop::Bus::subscribe", role: consume, channel: {arg: 0}, handler: {arg: 1}}
  - {function: "shop::Bus::emit",      role: produce, channel: {type_of_arg: 0}}
  - {function: "shop::Bus::on",        role: consume, channel: {template_arg: 0}, handler: {arg: 0}}
  - {function: "shop::Poller::poll",   role: consume, channel: {handle_arg: 0}, handler: enclosing_function}
persistence_apis: ["shop::Db::save"]
rules:
  cascade-depth: {severity: error, max_depth: 2}
  unconsumed-event: off
)");
  EXPECT_EQ(c.sources, std::vector<std::string>{"services/**/*.cpp"});
  EXPECT_EQ(c.includeDirs, std::vector<std::string>{"include"});
  ASSERT_EQ(c.services.size(), 2u);
  EXPECT_EQ(c.services[1].name, "billing");
  EXPECT_EQ(c.services[1].globs, std::vector<std::string>{"services/billing"});
  ASSERT_EQ(c.apis.size(), 5u);
  EXPECT_EQ(c.apis[1].handler.kind, HandlerSpec::Kind::Arg);
  EXPECT_EQ(c.apis[1].handler.index, 1u);
  EXPECT_EQ(c.apis[2].channel.kind, ChannelSpec::Kind::TypeOfArg);
  EXPECT_EQ(c.apis[3].channel.kind, ChannelSpec::Kind::TemplateArg);
  EXPECT_EQ(c.apis[4].handler.kind, HandlerSpec::Kind::EnclosingFunction);
  EXPECT_EQ(c.apis[4].location.line, 13u);
  EXPECT_EQ(c.rules.at("cascade-depth").severity, Severity::Error);
  EXPECT_EQ(c.rules.at("cascade-depth").options.at("max_depth").items, std::vector<std::string>{"2"});
  EXPECT_EQ(c.rules.at("unconsumed-event").severity, Severity::Off);
}

TEST(Config, UnknownKeyNamesLineAndSuggests) {
  EXPECT_EQ(errorOf("sources: [a.cpp]\ncontract: [x.yaml]\n"),
            "eventscope.yaml:2:1: unknown key 'contract' in the config; did you mean 'contracts'?");
}

TEST(Config, EmptyFileIsAnError) {
  EXPECT_EQ(errorOf(""), "eventscope.yaml: the config file is empty (expected a map with keys such as sources, "
                         "contracts, services)");
  EXPECT_EQ(errorOf("# only a comment\n"), errorOf(""));
}

// A second document is refused at its `---`, as in a contract (shared-cases 14 sibling: the
// config's message named the first line of the second document's content).
TEST(Config, ASecondDocumentIsAnErrorAtItsSeparator) {
  EXPECT_EQ(errorOf("contracts: [\"c.yaml\"]\n---\nrules:\n  unconsumed-event: off\n"),
            "eventscope.yaml:2:1: a second YAML document starts here: the config file must hold one document (split "
            "the file, or remove the `---`)");
  EXPECT_EQ(errorOf("contracts: [\"c.yaml\"]\n---\n"), errorOf("contracts: [\"c.yaml\"]\n---\nrules: {}\n"));
}

// YAML's merge key, as PyYAML and js-yaml read it (a shared-cases variant: yaml-cpp leaves
// `<<` as an ordinary key, which then was "unknown key '<<'"): the entries of the anchored
// map the entry lacks, its own winning; a quoted "<<" is a key like any other; a merge of
// something other than maps is an error at its place.
TEST(Config, MergeKeysAddTheAnchoredEntries) {
  TempDir dir;
  Config c = load(dir, R"(sources: ["*.cpp"]
apis:
  - &produce {function: bus_publish, role: produce, channel: {arg: 0}}
  - {<<: *produce, function: bus_send}
  - <<: [*produce]
    function: bus_emit
    channel: {arg: 1}
)");
  ASSERT_EQ(c.apis.size(), 3u);
  EXPECT_EQ(c.apis[1].function, "bus_send");
  EXPECT_EQ(c.apis[1].role, c.apis[0].role);
  EXPECT_EQ(c.apis[1].channel.index, 0u);
  EXPECT_EQ(c.apis[2].function, "bus_emit");
  EXPECT_EQ(c.apis[2].role, c.apis[0].role);
  EXPECT_EQ(c.apis[2].channel.index, 1u);
  EXPECT_EQ(errorOf("sources: [a.cpp]\n\"<<\": {sources: [b.cpp]}\n"),
            "eventscope.yaml:2:1: unknown key '<<' in the config (expected one of: sources include_dirs "
            "compile_flags contracts services apis persistence_apis disabled_profiles enabled_profiles rules exclude "
            "extends parameters parameter_files launch traces groups source_url)");
  // Read by the document tree, as contracts are: placed at the merge key (an alias's node is
  // where its anchor is, not where it is used), with the merge key's pointer.
  EXPECT_EQ(errorOf("sources: [a.cpp]\n<<: [x]\n"),
            "eventscope.yaml:2:1: the value of a merge key (<<) must be a map or a list of maps (at /<<)");
}

TEST(Config, InvalidYamlGivesLineAndColumn) {
  EXPECT_EQ(errorOf("sources: [a.cpp\ncontracts: x\n"),
            "eventscope.yaml:2:10: invalid YAML: end of sequence flow not found");
}

TEST(Config, WrongTypesAreNamed) {
  EXPECT_EQ(errorOf("sources: {a: b}\n"), "eventscope.yaml:1:10: `sources` must be a list of strings");
  EXPECT_EQ(errorOf("services: [a]\n"), "eventscope.yaml:1:11: `services` must map service names to lists of path globs");
  EXPECT_EQ(errorOf("rules:\n  event-cycle: loud\n"),
            "eventscope.yaml:2:16: invalid severity 'loud' for event-cycle (expected off, info, warning or error)");
}

TEST(Config, ApiEntriesAreValidated) {
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce, channel: {arg: -1}}\n"),
            "eventscope.yaml:2:49: `channel.arg` must be an argument index (0, 1, 2, ...), not '-1'");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: emit, channel: {arg: 0}}\n"),
            "eventscope.yaml:2:25: invalid role 'emit' (expected produce, consume, handle, reply_address or setting)");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce}\n"),
            "eventscope.yaml:2:5: the `apis` entry for f needs `channel`");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce, chanel: {arg: 0}}\n"),
            "eventscope.yaml:2:34: unknown key 'chanel' in an `apis` entry; did you mean 'channel'?");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {argument: 0}}\n"),
            "eventscope.yaml:2:44: unknown key 'argument' in `channel`; did you mean 'arg'?");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {arg: 0}, message_type: {template_arg: 0, "
                    "service_part: yes}}\n"),
            "eventscope.yaml:2:99: `message_type.service_part` must be true");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {arg: 0}, message_type: {template_arg: 0, x: 1}}\n"),
            "eventscope.yaml:2:67: `message_type` must be {template_arg: N} or {template_arg: N, service_part: true}");
  // Configuration reads (role setting): a name is required, and the keys belong to them.
  EXPECT_EQ(errorOf("apis:\n  - {function: cfg::get, role: setting, default: {arg: 1}}\n"),
            "eventscope.yaml:2:5: the `apis` entry for cfg::get (role setting) needs `name: {arg: N}`");
  EXPECT_EQ(errorOf("apis:\n  - {function: cfg::get, role: setting, name: {arg: 0}, channel: {arg: 0}}\n"),
            "eventscope.yaml:2:5: the `apis` entry for cfg::get (role setting) takes `name`, `default` and `out`, not "
            "`channel` or `handler`");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce, channel: {arg: 0}, default: {arg: 1}}\n"),
            "eventscope.yaml:2:62: `default` belongs to entries of role setting");
  EXPECT_EQ(errorOf("apis:\n  - {function: cfg::get, role: setting, name: 0}\n"),
            "eventscope.yaml:2:47: `name` must be {arg: N}");
  EXPECT_EQ(errorOf("parameters: [a, b]\n"), "eventscope.yaml:1:13: `parameters` must map setting names to their values");
  // A call that makes an empty handle (rd_kafka_topic_partition_list_new) has no channel.
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: handle, channel: {arg: 0}, empty: true}\n"),
            "eventscope.yaml:2:59: `empty` belongs to entries of role handle without `channel` or `target` (a call that "
            "makes an empty handle)");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: handle, empty: yes}\n"),
            "eventscope.yaml:2:40: `empty` must be true or false");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: handle, empty: true}\n"), "(no error)");
  // Option conditions, prefix subscriptions, and how a handle was made (the zeromq profile's keys).
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {arg: 2}, when: {arg: 1}}\n"),
            "eventscope.yaml:2:59: `when` must be {arg: N, is: NAME or [NAMES]}");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {arg: 2}, when: {arg: 1, is: []}}\n"),
            "eventscope.yaml:2:72: `when.is` needs at least one name");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {arg: 2}, match: regex}\n"),
            "eventscope.yaml:2:60: `match` must be exact, prefix or glob, not 'regex'");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: consume, channel: {arg: 2}, match: glob}\n"), "(no error)");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce, channel: {arg: 2}, match: glob}\n"),
            "eventscope.yaml:2:60: `match: glob` belongs to entries of role consume");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce, channel: {arg: 2}, match: prefix}\n"),
            "eventscope.yaml:2:60: `match: prefix` belongs to entries of role consume");
  EXPECT_EQ(errorOf("apis:\n  - {function: f, role: produce, channel: {arg: 1}, made_with: {arg: 0, is: PUB}}\n"),
            "eventscope.yaml:2:64: `made_with` must be {arg: N, by: FUNCTION or [FUNCTIONS], is: NAME or [NAMES]} or "
            "{object: true, by: ..., is: ...}");
}

TEST(Config, ApiConditionsAreReadUnqualified) {
  TempDir dir;
  dir.write("eventscope.yaml", "apis:\n  - {function: s::set, role: consume, channel: {arg: 1}, match: prefix,\n"
                               "     when: {arg: 0, is: [\"zmq::sockopt::subscribe\", SUB]},\n"
                               "     made_with: {object: true, by: \"zmq::socket_t::socket_t\", is: \"zmq::socket_type::sub\"}}\n");
  Config config = loadConfig(dir.path() + "/eventscope.yaml", "eventscope.yaml");
  ASSERT_EQ(config.apis.size(), 1u);
  const ApiDescription &api = config.apis[0];
  EXPECT_EQ(api.whenArg, 0u);
  EXPECT_EQ(api.whenIs, (std::vector<std::string>{"subscribe", "SUB"}));
  EXPECT_TRUE(api.matchPrefix);
  EXPECT_TRUE(api.madeWithObject);
  EXPECT_EQ(api.madeBy, (std::vector<std::string>{"zmq::socket_t::socket_t"}));
  EXPECT_EQ(api.madeWith, (std::vector<std::string>{"sub"}));
}

TEST(Config, FoundInTheDirectoryOrAbove) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [a.cpp]\n");
  dir.write("services/order/x.cpp", "");
  auto found = findConfigFile(dir.path() + "/services/order");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, dir.path() + "/eventscope.yaml");
}

} // namespace

namespace {

using eventscope::testing::TempDir;

TEST(ConfigExtends, ABaseAppliesUnlessTheFileSetsTheKey) {
  TempDir dir;
  dir.write("platform/base.yaml", R"(sources: ["**/*.cpp"]
compile_flags: [-std=c++17]
apis:
  - {function: "bus::publish", role: produce, channel: {arg: 0}}
rules:
  cascade-depth: {severity: error, max_depth: 3}
  unconsumed-event: off
exclude: ["third_party/**"]
)");
  std::string path = dir.write("repo/eventscope.yaml", R"(extends: ../platform/base.yaml
sources: ["src/**/*.cpp"]
apis:
  - {function: "bus::subscribe", role: consume, channel: {arg: 0}}
rules:
  cascade-depth: {max_depth: 5}
)");
  Config config = loadConfig(path, "eventscope.yaml");
  EXPECT_EQ(config.sources, std::vector<std::string>{"src/**/*.cpp"});           // the file's own
  EXPECT_EQ(config.compileFlags, std::vector<std::string>{"-std=c++17"});        // the base's
  EXPECT_EQ(config.exclude, std::vector<std::string>{"third_party/**"});
  ASSERT_EQ(config.apis.size(), 2u);                                             // added up
  EXPECT_EQ(config.apis[0].function, "bus::publish");
  EXPECT_EQ(config.rules.at("cascade-depth").severity, Severity::Error);        // merged per rule
  EXPECT_EQ(config.rules.at("cascade-depth").options.at("max_depth").items, std::vector<std::string>{"5"});
  EXPECT_EQ(config.rules.at("unconsumed-event").severity, Severity::Off);
  EXPECT_EQ(config.baseDir, dir.path() + "/repo"); // paths stay the extending file's
  ASSERT_EQ(config.extendedFiles.size(), 1u);
  EXPECT_EQ(config.extendedFiles[0], dir.path() + "/platform/base.yaml");
}

TEST(ConfigExtends, CyclesMissingBasesAndErrorsInTheBaseAreNamed) {
  TempDir dir;
  dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "extends: a.yaml\n");
  std::string message;
  try {
    loadConfig(dir.path() + "/a.yaml", "a.yaml");
  } catch (const InputError &e) {
    message = e.what();
  }
  EXPECT_EQ(message, "b.yaml:1:10: `extends` makes a cycle: a.yaml is already being read");

  dir.write("c.yaml", "extends: nowhere.yaml\n");
  try {
    loadConfig(dir.path() + "/c.yaml", "c.yaml");
  } catch (const InputError &e) {
    message = e.what();
  }
  EXPECT_EQ(message, "c.yaml:1:10: `extends`: cannot read the base config nowhere.yaml");

  dir.write("d.yaml", "extends: e.yaml\n");
  dir.write("e.yaml", "sourcez: [x]\n");
  try {
    loadConfig(dir.path() + "/d.yaml", "d.yaml");
  } catch (const InputError &e) {
    message = e.what();
  }
  EXPECT_EQ(message, "e.yaml:1:1: unknown key 'sourcez' in the config; did you mean 'sources'?");
}

} // namespace

namespace {

// Globs read as in .gitignore: `*` within one directory, `**` across any number.
TEST(PathGlobs, StarStaysInOneDirectoryAndDoubleStarCrosses) {
  eventscope::PathGlobs one({"examples/*.c"}, {});
  EXPECT_TRUE(one.matches("examples/publisher.c"));
  EXPECT_FALSE(one.matches("examples/docs/publisher.c"));
  eventscope::PathGlobs any({"examples/**/*.c"}, {});
  EXPECT_TRUE(any.matches("examples/publisher.c"));
  EXPECT_TRUE(any.matches("examples/docs/deep/publisher.c"));
  eventscope::PathGlobs under({"third_party/**"}, {});
  EXPECT_TRUE(under.matches("third_party/x/y.cpp"));
  eventscope::PathGlobs directory({"services/orders"}, {});
  EXPECT_TRUE(directory.matches("services/orders/a/b.cpp"));
  EXPECT_FALSE(directory.matches("services/orders2/b.cpp"));
}

} // namespace
