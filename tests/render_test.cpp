// Every report format rendered from one fixed graph and compared with a reviewed golden file.
#include "graph_builder.h"
#include "render/diagrams.h"
#include "render/reports.h"
#include "rules/registry.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace eventscope;
using eventscope::testing::GraphBuilder;

namespace {

EventGraph fixedGraph() {
  return GraphBuilder()
      .produce("storefront", "order.placed")
      .produce("storefront", "price.requested")
      .consume("storefront", "price.quoted")
      .trigger("pricing", "price.requested", "price.quoted")
      .trigger("orders", "order.placed", "payment.requested")
      .trigger("payments", "payment.requested", "payment.settled")
      .trigger("orders", "payment.settled", "order.confirmed")
      .trigger("warehouse", "order.confirmed", "shipment.scheduled")
      .trigger("courier", "shipment.scheduled", "parcel.dispatched")
      .trigger("loyalty", "points.earned", "tier.changed")
      .trigger("rewards", "tier.changed", "points.earned")
      .produce("orders", "order.cancelled")
      .consume("mailer", "order.canceled")
      .consume("mailer", "user.deleted")
      .unresolved("mailer", "Bus::publish", "the channel is read from a config value")
      .build();
}

ReportContext context() {
  ReportContext c;
  c.toolVersion = "0.0.0-test";
  for (const Rule *rule : allRules())
    c.rules.push_back(rule->info);
  return c;
}

std::vector<Finding> fixedFindings() { return runRules(fixedGraph(), defaultRuleSettings()); }

TEST(Reports, Text) {
  std::ostringstream out;
  writeTextReport(out, fixedFindings(), context());
  eventscope::testing::expectGolden("render/report.txt", out.str());
}

TEST(Reports, TextInColourWrapsOnlyTheDecorations) {
  ReportContext c = context();
  c.color = true;
  std::ostringstream out;
  writeTextReport(out, fixedFindings(), c);
  EXPECT_NE(out.str().find("\033[1;31merror:\033[0m"), std::string::npos);
  EXPECT_NE(out.str().find(" [event-cycle]\n"), std::string::npos);
}

TEST(Reports, Json) {
  std::ostringstream out;
  writeJsonReport(out, fixedFindings(), context());
  eventscope::testing::expectGolden("render/report.json", out.str());
}

TEST(Reports, Sarif) {
  std::ostringstream out;
  writeSarifReport(out, fixedFindings(), context());
  eventscope::testing::expectGolden("render/report.sarif", out.str());
}

TEST(Reports, CodeClimate) {
  std::ostringstream out;
  writeCodeClimateReport(out, fixedFindings(), context());
  eventscope::testing::expectGolden("render/report.codeclimate.json", out.str());
}

TEST(Reports, JUnit) {
  std::ostringstream out;
  writeJUnitReport(out, fixedFindings(), context());
  eventscope::testing::expectGolden("render/report.junit.xml", out.str());
}

TEST(Reports, ScanJson) {
  std::ostringstream out;
  writeScanJson(out, fixedGraph());
  eventscope::testing::expectGolden("render/scan.json", out.str());
}

} // namespace

namespace {

TEST(Diagrams, DotServicesView) {
  std::ostringstream out;
  writeDot(out, fixedGraph(), DiagramView::Services);
  eventscope::testing::expectGolden("render/services.dot", out.str());
}

TEST(Diagrams, DotChannelsView) {
  std::ostringstream out;
  writeDot(out, fixedGraph(), DiagramView::Channels);
  eventscope::testing::expectGolden("render/channels.dot", out.str());
}

TEST(Diagrams, SvgHasANodePerServiceAndIsDeterministic) {
  std::ostringstream dot;
  writeDot(dot, fixedGraph(), DiagramView::Services);
  std::string first, second, error;
  ASSERT_TRUE(renderGraphviz(dot.str(), "svg", first, error)) << error;
  ASSERT_TRUE(renderGraphviz(dot.str(), "svg", second, error)) << error;
  EXPECT_EQ(first, second);
  size_t nodes = 0;
  for (size_t at = first.find("class=\"node\""); at != std::string::npos; at = first.find("class=\"node\"", at + 1))
    ++nodes;
  EXPECT_EQ(nodes, fixedGraph().services().size());
  EXPECT_NE(first.find("<title>service:courier</title>"), std::string::npos);
}

} // namespace
