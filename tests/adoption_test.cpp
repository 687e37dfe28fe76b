// Adopting the gate on a legacy tree: baselines and the blast radius of a change.
#include "graph_builder.h"
#include "test_support.h"

#include "model/baseline.h"
#include "model/blast_radius.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace eventscope;
using eventscope::testing::GraphBuilder;
using eventscope::testing::readFile;
using eventscope::testing::runEventscope;
using eventscope::testing::sourceDir;
using eventscope::testing::TempDir;

namespace {

Finding finding(const std::string &rule, const std::string &service, std::vector<std::string> channels,
                unsigned line) {
  Finding f;
  f.rule = rule;
  f.service = service;
  f.channels = std::move(channels);
  f.location = {service + ".cpp", line, 1, ""};
  f.message = rule + " in " + service;
  return f;
}

TEST(Baseline, HidesKnownFindingsByFingerprintAndCountsCopies) {
  std::vector<Finding> before = {finding("unproduced-event", "mailer", {"user.deleted"}, 3),
                                 finding("unconsumed-event", "orders", {"order.cancelled"}, 9)};
  std::vector<BaselineEntry> baseline = makeBaseline(before);
  ASSERT_EQ(baseline.size(), 2u);

  // The same problems on other lines, a second copy of one, and a new one.
  std::vector<Finding> after = {finding("unproduced-event", "mailer", {"user.deleted"}, 30),
                                finding("unproduced-event", "mailer", {"user.deleted"}, 31),
                                finding("channel-name-typo", "mailer", {"payment.setled"}, 32)};
  BaselineOutcome outcome = applyBaseline(after, baseline);
  EXPECT_EQ(outcome.hidden, 1u);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].location.line, 31u); // the copy beyond the baseline's count is new
  EXPECT_EQ(after[1].rule, "channel-name-typo");
  ASSERT_EQ(outcome.stale.size(), 1u); // order.cancelled is fixed: the file can shrink
  EXPECT_EQ(outcome.stale[0].rule, "unconsumed-event");
}

TEST(Baseline, UnresolvedCallsAreToldApartWithoutLineNumbers) {
  Finding a = finding("unresolved-channel", "mailer", {}, 3), b = a;
  a.identity = "shop::Bus::subscribe\nthe value comes from the environment (getenv)";
  b.identity = "shop::Bus::publish\nthe value is read from an array at run time";
  EXPECT_NE(a.fingerprint(), b.fingerprint());
  Finding moved = a;
  moved.location.line = 40;
  EXPECT_EQ(a.fingerprint(), moved.fingerprint());
}

TEST(BlastRadius, FollowsConsumersAndTheirTriggersDownstream) {
  GraphBuilder g;
  g.produce("orders", "order.placed");
  g.trigger("payments", "order.placed", "payment.settled");
  g.trigger("warehouse", "payment.settled", "shipment.scheduled");
  g.consume("courier", "shipment.scheduled");
  g.produce("catalog", "price.changed");
  g.consume("search", "price.changed");
  // A wildcard subscription receives payment.settled; it does not lead on to the other
  // channels it covers (payment.refunded and its consumer are not downstream).
  g.consume("audit", "payment.*");
  g.produce("refunds", "payment.refunded");
  g.consume("ledger", "payment.refunded");
  EventGraph graph = g.build();
  BlastRadius radius = blastRadius(graph, {"orders.yaml"});
  EXPECT_EQ(radius.touchedChannels, (std::set<std::string>{"order.placed"}));
  EXPECT_EQ(radius.channels,
            (std::set<std::string>{"order.placed", "payment.*", "payment.settled", "shipment.scheduled"}));
  EXPECT_EQ(radius.downstreamServices, (std::set<std::string>{"audit", "courier", "payments", "warehouse"}));

  std::vector<Finding> findings = {finding("unconsumed-event", "catalog", {"price.changed"}, 1),
                                   finding("cascade-depth", "payments", {"order.placed", "payment.settled"}, 1)};
  keepFindingsInBlastRadius(findings, radius);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "cascade-depth");
}

// The acceptance story of the issue on a copy of samples/cpp-shop under git.
class LegacySystem : public ::testing::Test {
protected:
  void SetUp() override {
    std::filesystem::copy(sourceDir() + "/samples/cpp-shop", dir.path(), std::filesystem::copy_options::recursive);
    git("init -q && git add -A && git -c user.email=ci@example.com -c user.name=ci commit -qm legacy");
  }
  void git(const std::string &command) {
    std::string line = "cd '" + dir.path() + "' && git " + command + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(line.c_str()), 0) << line;
  }
  TempDir dir;
};

TEST_F(LegacySystem, BaselineSurvivesMovedCodeAndCatchesANewTypo) {
  auto written = runEventscope({"baseline", "write", "baseline.json", dir.path()}, dir.path());
  ASSERT_EQ(written.exitCode, 0) << written.err;
  EXPECT_NE(written.err.find("7 finding(s) under 7 fingerprint(s)"), std::string::npos) << written.err;

  // Moved and reformatted: other lines, other layout, same subscriptions.
  dir.write("services/mailer/mailer.cpp", R"cpp(#include "shop/bus.h"

#include <cstdlib>

// Reformatted by a new style guide.
namespace mailer {

void sendMail( const shop::Message & ) { }

void start()
{
    // eventscope-ignore: unresolved-channel the extra topic is chosen per deployment
    shop::bus().subscribe(std::getenv("EXTRA_TOPIC"), sendMail);

    shop::bus().subscribe("user.deleted",
                          sendMail);
    shop::bus().subscribe(
        "order.canceled",
        sendMail);
}

} // namespace mailer
)cpp");
  auto clean = runEventscope({"check", ".", "--baseline", "baseline.json"}, dir.path());
  EXPECT_EQ(clean.exitCode, 0) << clean.out;
  EXPECT_EQ(clean.out, "");
  EXPECT_NE(clean.err.find("7 known finding(s) hidden by the baseline"), std::string::npos) << clean.err;

  // One new misspelled subscription: exactly that finding, exit 1.
  std::string code = readFile(dir.path() + "/services/mailer/mailer.cpp");
  code.replace(code.find("        sendMail);\n}"), 20, "        sendMail);\n    shop::bus().subscribe(\"payment.setled\", sendMail);\n}");
  dir.write("services/mailer/mailer.cpp", code);
  auto failing = runEventscope({"check", ".", "--baseline", "baseline.json", "--no-color"}, dir.path());
  EXPECT_EQ(failing.exitCode, 1);
  EXPECT_EQ(failing.out, "services/mailer/mailer.cpp:20:17: error: 'payment.setled' is consumed by mailer but no "
                         "service produces it; did you mean 'payment.settled'? (1 edit apart) [channel-name-typo]\n"
                         "services/payments/payments.cpp:13:13: note: payments produces 'payment.settled' here\n");
}

TEST_F(LegacySystem, StaleBaselineEntriesAreListed) {
  ASSERT_EQ(runEventscope({"baseline", "write", "baseline.json", "."}, dir.path()).exitCode, 0);
  std::string code = readFile(dir.path() + "/services/mailer/mailer.cpp");
  code.erase(code.find("  shop::bus().subscribe(\"user.deleted\""), code.find('\n', code.find("user.deleted")) -
                                                                          code.find("  shop::bus().subscribe(\"user.deleted\"") + 1);
  dir.write("services/mailer/mailer.cpp", code);
  auto r = runEventscope({"check", ".", "--baseline", "baseline.json"}, dir.path());
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.err.find("1 baseline entry no longer found; remove them from baseline.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[unproduced-event] 'user.deleted' is consumed by mailer"), std::string::npos) << r.err;
}

TEST_F(LegacySystem, ChangedSinceReportsTheBlastRadius) {
  std::ofstream(dir.path() + "/services/payments/payments.cpp", std::ios::app) << "// touched\n";
  auto r = runEventscope({"check", ".", "--changed-since", "HEAD", "--format", "json"}, dir.path());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("changed since HEAD: 1 file(s); channels produced or consumed there: order.placed, "
                       "payment.settled; downstream services: courier, orders, payments, warehouse"),
            std::string::npos)
      << r.err;
  // Only findings about those channels: the mailer's typo elsewhere is not this change's.
  EXPECT_EQ(r.out.find("order.canceled"), std::string::npos);
  EXPECT_NE(r.out.find("\"cascade-depth\""), std::string::npos);
}

TEST_F(LegacySystem, BadBaselineAndRevisionAreInputErrors) {
  auto missing = runEventscope({"check", ".", "--baseline", "nope.json"}, dir.path());
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nope.json: cannot read the baseline file"), std::string::npos) << missing.err;
  dir.write("broken.json", "{\"eventscopeBaseline\": 1, \"findings\": [{\"rule\": \"x\"}]}");
  auto broken = runEventscope({"check", ".", "--baseline", "broken.json"}, dir.path());
  EXPECT_EQ(broken.exitCode, 2);
  EXPECT_NE(broken.err.find("broken.json#/findings/0: not an eventscope baseline: each finding needs a string "
                            "`fingerprint`"),
            std::string::npos)
      << broken.err;
  auto revision = runEventscope({"check", ".", "--changed-since", "no-such-branch"}, dir.path());
  EXPECT_EQ(revision.exitCode, 2);
  EXPECT_NE(revision.err.find("'no-such-branch' is not a commit of the git repository"), std::string::npos)
      << revision.err;
  auto option = runEventscope({"check", ".", "--changed-since=--output=x"}, dir.path());
  EXPECT_EQ(option.exitCode, 2);
  EXPECT_NE(option.err.find("needs a git revision"), std::string::npos) << option.err;
}

TEST_F(LegacySystem, QuietPrintsNothingOnStderr) {
  auto r = runEventscope({"check", ".", "--quiet", "--fail-on", "never"}, dir.path());
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out, "");
}

} // namespace

namespace {

TEST_F(LegacySystem, ExcludedPathsAreNeitherAnalysedNorReported) {
  // The mailer is legacy code nobody will fix: excluded for everything; the orders'
  // unconsumed event is excluded for that one rule.
  std::string config = readFile(dir.path() + "/eventscope.yaml");
  dir.write("eventscope.yaml", config + "exclude: [\"services/mailer/**\"]\n");
  auto r = runEventscope({"check", ".", "--format", "json", "-q"}, dir.path());
  EXPECT_EQ(r.out.find("services/mailer"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("order.cancelled"), std::string::npos); // unconsumed now: the mailer is gone

  dir.write("eventscope.yaml", config + "rules:\n  unconsumed-event: {exclude: [\"services/orders/**\"]}\n");
  auto perRule = runEventscope({"check", ".", "--format", "json", "-q"}, dir.path());
  EXPECT_EQ(perRule.out.find("'order.cancelled' is produced by orders but no service consumes it"), std::string::npos)
      << perRule.out;
  EXPECT_NE(perRule.out.find("'parcel.dispatched' is produced by courier"), std::string::npos); // other paths
  EXPECT_NE(perRule.out.find("\"channel-name-typo\""), std::string::npos);
}

} // namespace

namespace {

TEST_F(LegacySystem, DocsCheckFailsAfterACodeChangeAndPassesAfterRegeneration) {
  auto written = runEventscope({"docs", ".", "-o", "docs/events"}, dir.path());
  ASSERT_EQ(written.exitCode, 0) << written.err;
  EXPECT_NE(readFile(dir.path() + "/docs/events/services/mailer.md")
                .find("| [user.deleted](../channels/user.deleted.md) | "
                      "[services/mailer/mailer.cpp:11:15](../../../services/mailer/mailer.cpp#L11) | mailer::sendMail |"),
            std::string::npos);
  EXPECT_EQ(runEventscope({"docs", ".", "-o", "docs/events", "--check"}, dir.path()).exitCode, 0);

  std::string code = readFile(dir.path() + "/services/mailer/mailer.cpp");
  code.replace(code.find("user.deleted"), 12, "user.removed");
  dir.write("services/mailer/mailer.cpp", code);
  auto stale = runEventscope({"docs", ".", "-o", "docs/events", "--check"}, dir.path());
  EXPECT_EQ(stale.exitCode, 1);
  EXPECT_EQ(stale.err, "eventscope: docs/events differs from what the code and contracts say now; 5 page(s):\n"
                       "  channels/user.removed.md (missing)\n"
                       "  index.html (changed)\n" // the explorer
                       "  index.md (changed)\n"
                       "  services/mailer.md (changed)\n"
                       "  channels/user.deleted.md (no longer in the system)\n"
                       "regenerate with `eventscope docs -o docs/events`\n");

  ASSERT_EQ(runEventscope({"docs", ".", "-o", "docs/events", "-q"}, dir.path()).exitCode, 0);
  EXPECT_EQ(runEventscope({"docs", ".", "-o", "docs/events", "--check", "-q"}, dir.path()).exitCode, 0);
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/docs/events/channels/user.deleted.md"));
}

} // namespace
