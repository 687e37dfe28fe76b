// Facts kept between runs (the cache) and carried between machines (extract and merge):
// the results must be the ones a fresh parse gives, whatever changed in between.
#include "analyzer/cpp/extractor.h"
#include "analyzer/cpp/facts_cache.h"
#include "analyzer/cpp/facts_json.h"
#include "analyzer/cpp/ros_interfaces.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <sys/stat.h>

using namespace eventscope;
using namespace eventscope::testing;

namespace {

const char *kConfig = R"(sources: ["svc/**/*.cpp"]
include_dirs: [include]
apis:
  - {function: "bus::publish", role: produce, channel: {arg: 0}}
  - {function: "bus::subscribe", role: consume, channel: {arg: 0}, handler: {arg: 1}}
)";
const char *kBus = R"(#pragma once
namespace bus {
void publish(const char *topic, const char *body);
void subscribe(const char *topic, void (*handler)(const char *));
}
)";

// Two services; orders publishes a topic named in a header of its own.
TempDir system() {
  TempDir dir;
  dir.write("eventscope.yaml", kConfig);
  dir.write("include/bus.h", kBus);
  dir.write("include/topics.h", "#pragma once\nconstexpr const char *kPlaced = \"order.placed\";\n");
  dir.write("svc/orders/orders.cpp", "#include \"bus.h\"\n#include \"topics.h\"\nvoid place() { bus::publish(kPlaced, \"{}\"); }\n");
  dir.write("svc/billing/billing.cpp", "#include \"bus.h\"\nvoid on(const char *) {}\nvoid run() { bus::subscribe(\"order.placed\", on); }\n");
  return dir;
}

size_t entries(const std::string &cache) {
  size_t count = 0;
  if (std::filesystem::exists(cache))
    for (const auto &entry : std::filesystem::recursive_directory_iterator(cache))
      count += entry.path().extension() == ".facts";
  return count;
}

TEST(FactsCache, WarmRunEqualsColdAndAChangedHeaderIsSeen) {
  TempDir dir = system();
  CommandResult cold = runEventscope({"scan", dir.path(), "-q", "--no-cache"});
  ASSERT_EQ(cold.exitCode, 0) << cold.err;
  EXPECT_EQ(entries(dir.path() + "/.eventscope-cache"), 0u); // --no-cache writes nothing
  CommandResult first = runEventscope({"scan", dir.path(), "-q"});
  EXPECT_EQ(first.out, cold.out);
  EXPECT_EQ(entries(dir.path() + "/.eventscope-cache"), 2u);
  // git never sees it, nor counts its files as changes (--changed-since)
  EXPECT_EQ(readFile(dir.path() + "/.eventscope-cache/.gitignore"), "# Created by eventscope: its cache, never committed.\n*\n");
  CommandResult warm = runEventscope({"scan", dir.path(), "-q"});
  EXPECT_EQ(warm.out, cold.out);

  // The header orders.cpp includes changes: its entry no longer holds.
  dir.write("include/topics.h", "#pragma once\nconstexpr const char *kPlaced = \"order.submitted\";\n");
  CommandResult changed = runEventscope({"scan", dir.path(), "-q"});
  EXPECT_NE(changed.out.find("\"channel\": \"order.submitted\""), std::string::npos) << changed.out;
  EXPECT_EQ(changed.out, runEventscope({"scan", dir.path(), "-q", "--no-cache"}).out);

  // The header is gone: a fresh parse reports it missing; the stale entry must not hide that.
  std::filesystem::remove(dir.path() + "/include/topics.h");
  CommandResult missing = runEventscope({"scan", dir.path()});
  EXPECT_NE(missing.err.find("1 header(s) not found, most often: topics.h (1 file)"), std::string::npos) << missing.err;
}

// garbanzo (session 18): a shared header includes "Database.h", missing beside it but present
// beside the file that includes the shared header. The entry lists the name as missing and the
// file's own directory as searched; that must not make it stale on every run (it did: every
// run parsed everything again). Checked by the entries' inodes: a miss stores a new file.
TEST(FactsCache, AHeaderMissingForOneIncluderButPresentForAnotherStillHits) {
  TempDir dir = system();
  dir.write("svc/shared/base.h", "#pragma once\n#include \"local.h\"\n");
  dir.write("svc/orders/local.h", "#pragma once\n");
  dir.write("svc/orders/orders.cpp", "#include \"bus.h\"\n#include \"../shared/base.h\"\n#include \"topics.h\"\n"
                                     "void place() { bus::publish(kPlaced, \"{}\"); }\n");
  auto inodes = [&] {
    std::set<unsigned long> found;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(dir.path() + "/.eventscope-cache"))
      if (entry.path().extension() == ".facts") {
        struct stat info {};
        if (::stat(entry.path().c_str(), &info) == 0)
          found.insert(info.st_ino);
      }
    return found;
  };
  CommandResult first = runEventscope({"scan", dir.path()});
  EXPECT_NE(first.err.find("1 header(s) not found, most often: local.h (1 file)"), std::string::npos) << first.err;
  std::set<unsigned long> stored = inodes();
  EXPECT_EQ(stored.size(), 2u);
  CommandResult warm = runEventscope({"scan", dir.path()});
  EXPECT_EQ(warm.out, first.out);
  EXPECT_EQ(inodes(), stored);
  // The missing header appears where the shared header looks: the entry no longer holds.
  dir.write("svc/shared/local.h", "#pragma once\n");
  CommandResult found = runEventscope({"scan", dir.path()});
  EXPECT_EQ(found.err.find("not found"), std::string::npos) << found.err;
}

TEST(FactsCache, AnUnwritableCacheIsAWarningNotAFailure) {
  TempDir dir = system();
  dir.write("blocked", "a file where the cache directory would go\n");
  CommandResult r = runEventscope({"scan", dir.path(), "--cache-dir", dir.path() + "/blocked/cache"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("blocked/cache: cannot write the cache: "), std::string::npos) << r.err;
  EXPECT_EQ(r.out, runEventscope({"scan", dir.path(), "-q", "--no-cache"}).out);
}

TEST(FactsFiles, MergedShardsGiveWhatOneRunGives) {
  TempDir dir = system();
  CommandResult single = runEventscope({"check", dir.path(), "--format", "json", "--no-cache"});
  CommandResult a = runEventscope({"extract", "svc/orders/orders.cpp", "-o", "a.facts", "--no-cache", "-q"}, dir.path());
  CommandResult b = runEventscope({"extract", "svc/billing/billing.cpp", "-o", "b.facts", "--no-cache", "-q"}, dir.path());
  ASSERT_EQ(a.exitCode, 0) << a.err;
  ASSERT_EQ(b.exitCode, 0) << b.err;
  CommandResult merged = runEventscope({"merge", "b.facts", "a.facts", "-o", "all.facts"}, dir.path());
  ASSERT_EQ(merged.exitCode, 0) << merged.err;
  EXPECT_EQ(merged.err, "eventscope: 2 translation unit(s) from 2 FACTS file(s) written to all.facts\n");
  CommandResult fromFacts = runEventscope({"check", dir.path(), "--format", "json", "--facts", dir.path() + "/all.facts"});
  EXPECT_EQ(fromFacts.exitCode, single.exitCode);
  EXPECT_EQ(fromFacts.out, single.out);
  EXPECT_EQ(runEventscope({"scan", dir.path(), "-q", "--facts", dir.path() + "/all.facts"}).out,
            runEventscope({"scan", dir.path(), "-q", "--no-cache"}).out);

  // The same unit twice, facts of another configuration, something else than facts.
  CommandResult twice = runEventscope({"merge", "a.facts", "a.facts", "-o", "x.facts"}, dir.path());
  EXPECT_EQ(twice.exitCode, 2);
  EXPECT_EQ(twice.err, "eventscope: error: a.facts: svc/orders/orders.cpp is already in a.facts\n");
  dir.write("eventscope.yaml", std::string(kConfig) + "  - {function: \"bus::other\", role: produce, channel: {arg: 0}}\n");
  CommandResult stale = runEventscope({"scan", dir.path(), "--facts", dir.path() + "/all.facts"});
  EXPECT_EQ(stale.exitCode, 2);
  EXPECT_NE(stale.err.find("these facts were extracted with another API configuration"), std::string::npos) << stale.err;
  CommandResult notFacts = runEventscope({"merge", "eventscope.yaml", "-o", "x.facts"}, dir.path());
  EXPECT_EQ(notFacts.exitCode, 2);
  EXPECT_NE(notFacts.err.find("eventscope: error: eventscope.yaml: not a readable FACTS file"), std::string::npos)
      << notFacts.err;
}

TEST(FactsFiles, JsonRoundTripKeepsEveryField) {
  TuFacts facts;
  facts.file = "svc/a.cpp";
  ArgValue fallback;
  fallback.kind = ArgValue::Kind::Strings;
  fallback.strings = {"qos_chatter"};
  facts.functions.push_back({"c:@F@f", "f", {"svc/a.cpp", 3, 6, ""}, {"c:@S@B@F@f"}, {"B::f"}, {"topic"}, {fallback}, {}, false, {fallback}});
  CallFact call;
  call.callerKey = "c:@F@f";
  call.calleeKey = "c:@N@bus@F@publish";
  call.calleeNames = {"bus::publish"};
  call.isVirtual = true;
  call.location = {"svc/a.cpp", 4, 3, ""};
  ArgValue arg;
  arg.kind = ArgValue::Kind::Parameter;
  arg.parameter = 1;
  arg.prefix = "orders.";
  arg.innerCall = {"svc/a.cpp", 4, 20, ""};
  arg.outArgument = 2;
  call.args = {arg};
  call.templateArgs = {"Placed"};
  call.templateTypes = {"orders::Placed"};
  call.rosNode = {true, "/robot1", "base", "~", RosNodeKind::Ros1, "c:@N@kobuki@S@KobukiRos@F@init#", 1, "tracker",
                  "c:@N@costmap_2d@S@Costmap2DROS@F@Costmap2DROS#", 0, "{name}", 3,
                  {{"c:@S@Cm@F@Cm#", 2, 0, "/robot1"}}, "vendor::Camera"};
  arg.qos = {.reliability = "best_effort",
             .durability = "volatile",
             .history = "keep_last",
             .depth = 5,
             .deadlineNs = 100'000'000,
             .liveliness = "manual_by_topic",
             .leaseNs = 0,
             .written = "rclcpp::SensorDataQoS()",
             .at = {}};
  call.args.push_back(arg);
  call.hasObject = true;
  call.object.kind = ArgValue::Kind::Handle;
  call.object.text = "c:@topic";
  call.objectVariable = "c:@topic";
  facts.calls.push_back(call);
  facts.passedVariables = {"c:@queue"};
  RosNameContext named;
  named.ros = true;
  named.nodeName = "zed_node";
  named.nodeNamespace = "/zed";
  named.kind = RosNodeKind::Ros2;
  named.nameFromOptions = true;
  named.optionRemaps = {{"heard", "/speech"}};
  named.optionParameters = {{"topic", "speech"}};
  facts.rosNodeClasses = {{"vendor::Camera", named}};
  facts.handles.push_back({"c:@topic", 0});
  facts.memberParameters.push_back({"c:@S@A@FI@t", "c:@S@A@F@A#", arg});
  facts.lambdas.push_back({"c:@F@f", "lambda:svc/a.cpp:5:3"});
  facts.missingHeaders = {"x.h"};
  facts.errors = {"svc/a.cpp:1:1: error"};
  facts.dependencies = {"/abs/svc/a.cpp"};
  EXPECT_EQ(factsToJson(factsFromJson(factsToJson(facts))), factsToJson(facts));
  // The fields read back, not only written the same way twice.
  TuFacts back = factsFromJson(factsToJson(facts));
  ASSERT_EQ(back.functions.size(), 1u);
  ASSERT_EQ(back.functions[0].defaultArguments.size(), 1u);
  ASSERT_EQ(back.functions[0].writtenParameters.size(), 1u);
  EXPECT_EQ(back.functions[0].writtenParameters[0].strings, std::vector<std::string>{"qos_chatter"});
  EXPECT_EQ(back.functions[0].defaultArguments[0].strings, std::vector<std::string>{"qos_chatter"});
  ASSERT_EQ(back.calls.size(), 1u);
  EXPECT_EQ(back.calls[0].templateTypes, std::vector<std::string>{"orders::Placed"});
  EXPECT_EQ(back.calls[0].args[0].outArgument, 2u);
  EXPECT_EQ(back.calls[0].objectVariable, "c:@topic");
  EXPECT_EQ(back.passedVariables, std::vector<std::string>{"c:@queue"});
  EXPECT_EQ(back.rosNodeClasses, facts.rosNodeClasses);
  EXPECT_EQ(back.calls[0].rosNode, (RosNameContext{true, "/robot1", "base", "~", RosNodeKind::Ros1, "c:@N@kobuki@S@KobukiRos@F@init#", 1, "tracker",
                  "c:@N@costmap_2d@S@Costmap2DROS@F@Costmap2DROS#", 0, "{name}", 3,
                  {{"c:@S@Cm@F@Cm#", 2, 0, "/robot1"}}, "vendor::Camera"}));
  ASSERT_EQ(back.calls[0].args.size(), 2u);
  EXPECT_EQ(back.calls[0].args[1].qos, arg.qos);
  EXPECT_THROW(factsFromJson("{\"file\": 1}"), std::runtime_error);
}

} // namespace

namespace {

// Locations in facts are relative to the root: analysing from a directory above must not
// reuse entries whose paths were relative to the system itself.
TEST(FactsCache, AnotherRootIsAnotherEntry) {
  TempDir outer;
  std::string inner = outer.path() + "/shop";
  std::filesystem::create_directories(inner);
  TempDir source = system();
  std::filesystem::copy(source.path(), inner, std::filesystem::copy_options::recursive);
  std::string cache = outer.path() + "/cache";
  CommandResult fromInside = runEventscope({"scan", inner, "-q", "--cache-dir", cache});
  ASSERT_EQ(fromInside.exitCode, 0) << fromInside.err;
  EXPECT_NE(fromInside.out.find("\"file\": \"svc/orders/orders.cpp\""), std::string::npos);
  CommandResult fromAbove =
      runEventscope({"scan", outer.path(), "-q", "--cache-dir", cache, "--config", inner + "/eventscope.yaml"});
  ASSERT_EQ(fromAbove.exitCode, 0) << fromAbove.err;
  EXPECT_EQ(fromAbove.out, runEventscope({"scan", outer.path(), "-q", "--no-cache", "--config",
                                          inner + "/eventscope.yaml"}).out);
}

// A message package installed after a run (new-user trial, session 48): the unit's stand-in
// for `demo_msgs/msg/reading.hpp` had no fields then, so `msg->value` was an error; its entry
// must not outlive the definition's arrival (it did: the `.msg` was no dependency while absent).
TEST(FactsCache, AMessagePackageInstalledAfterARunIsSeen) {
  TempDir dir, installed;
  dir.write("src/listener.cpp", R"cpp(#include <rclcpp/rclcpp.hpp>
#include <demo_msgs/msg/reading.hpp>
void listen(rclcpp::Node &node) {
  static auto sub = node.create_subscription<demo_msgs::msg::Reading>(
      "readings", 10, [](demo_msgs::msg::Reading::SharedPtr msg) { (void)msg->value; });
}
)cpp");
  auto extract = [&] {
    RosInterfaceIndex interfaces(dir.path(), {installed.path() + "/share"});
    FactsCache cache(dir.path() + "/.cache", "salt");
    ExtractOptions options;
    options.files = {dir.path() + "/src/listener.cpp"};
    options.root = dir.path();
    options.cache = &cache;
    options.rosInterfaces = &interfaces;
    std::vector<TuFacts> facts = extractFacts(options);
    return facts.empty() ? 999u : facts.front().errorCount;
  };
  EXPECT_GT(extract(), 0u); // no definition: no field `value`
  EXPECT_GT(extract(), 0u); // the same, from the cache
  installed.write("share/demo_msgs/package.xml", "<package><name>demo_msgs</name></package>\n");
  installed.write("share/demo_msgs/msg/Reading.msg", "float64 value\n");
  EXPECT_EQ(extract(), 0u); // parsed again, with the field
}

} // namespace

// Issue 24: bodies of non-template functions in system headers are not parsed. The graph must
// not notice: the samples and a ROS system of each misconfiguration kind (the ROS stand-ins
// and Debian's roscpp headers are system headers) scan byte-identically with every body
// parsed (EVENTSCOPE_PARSE_EVERY_BODY=1, the baseline the benchmark compares with).
TEST(FactsFiles, SkippedSystemBodiesChangeNothing) {
  std::vector<std::string> dirs;
  for (const char *sample : {"cpp-shop", "cpp-shop-clean", "traced-shop", "manifest-shop"})
    dirs.push_back(sourceDir() + "/samples/" + sample);
  for (const char *kind : {"1-typo", "3-namespace", "5-type", "6-qos"})
    dirs.push_back(sourceDir() + "/tests/ros_kinds/" + kind + "/bug");
  for (const std::string &dir : dirs) {
    CommandResult skipping = runEventscope({"scan", dir, "--no-cache", "-q"});
    ::setenv("EVENTSCOPE_PARSE_EVERY_BODY", "1", 1);
    CommandResult every = runEventscope({"scan", dir, "--no-cache", "-q"});
    ::unsetenv("EVENTSCOPE_PARSE_EVERY_BODY");
    ASSERT_EQ(skipping.exitCode, 0) << dir << skipping.err;
    EXPECT_NE(skipping.out.find("\"endpoints\""), std::string::npos) << dir;
    EXPECT_EQ(skipping.out, every.out) << dir;
  }
}
