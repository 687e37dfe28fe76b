// Every report format rendered from one fixed graph and compared with a reviewed golden file.
#include "model/input_error.h"
#include "graph_builder.h"
#include "model/contracts.h"
#include "render/asyncapi_export.h"
#include "render/diagrams.h"
#include "render/markdown_docs.h"
#include "render/reports.h"
#include "rules/registry.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>
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

std::vector<Finding> fixedFindings() { return runRules(fixedGraph(), defaultRuleSettings()); }

// The rules of the fixed findings, in registry order: what SARIF's rule table needs here.
// (The whole table is checked against `rules ID` by Cli.RulesCommandPrintsTheHelpSarifCarries;
// a new rule that does not fire on the fixed graph leaves these goldens as they are.)
ReportContext context() {
  ReportContext c;
  c.toolVersion = "0.0.0-test";
  std::vector<Finding> findings = fixedFindings();
  for (const Rule *rule : allRules())
    if (std::any_of(findings.begin(), findings.end(), [&](const Finding &f) { return f.rule == rule->info.id; }))
      c.rules.push_back(rule->info);
  return c;
}

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

namespace {

// The findings of the fixed graph, as `check` would pass them to `graph`.
DiagramOptions withFindings(DiagramView view) {
  DiagramOptions options;
  options.view = view;
  EventGraph graph = fixedGraph();
  options.findings = runRules(graph, defaultRuleSettings());
  return options;
}

TEST(Diagrams, FindingsAreHighlightedInDot) {
  std::ostringstream services, channels;
  writeDot(services, buildDiagram(fixedGraph(), withFindings(DiagramView::Services)));
  writeDot(channels, buildDiagram(fixedGraph(), withFindings(DiagramView::Channels)));
  eventscope::testing::expectGolden("render/services-highlighted.dot", services.str());
  eventscope::testing::expectGolden("render/channels-highlighted.dot", channels.str());
  // the loyalty/rewards cycle red, the long cascade orange, the typo dashed to its near-miss
  EXPECT_NE(services.str().find("\"service:loyalty\" -> \"service:rewards\" [label=\"tier.changed\", color=\"#d93025\""),
            std::string::npos);
  EXPECT_NE(channels.str().find("\"channel:order.canceled\" -> \"channel:order.cancelled\" [label=\"did you mean?\", "
                                "color=\"#d93025\", style=dashed]"),
            std::string::npos);
}

TEST(Diagrams, Mermaid) {
  std::ostringstream services, channels;
  writeMermaid(services, buildDiagram(fixedGraph(), withFindings(DiagramView::Services)));
  writeMermaid(channels, buildDiagram(fixedGraph(), withFindings(DiagramView::Channels)));
  eventscope::testing::expectGolden("render/services.mmd", services.str());
  eventscope::testing::expectGolden("render/channels.mmd", channels.str());
}

TEST(Diagrams, FocusKeepsTheNeighbourhoodUpAndDownstream) {
  DiagramOptions options;
  options.focus = "warehouse";
  options.depth = 1;
  Diagram near = buildDiagram(fixedGraph(), options);
  std::vector<std::string> ids;
  for (const DiagramNode &node : near.nodes)
    ids.push_back(node.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"service:courier", "service:orders", "service:warehouse"}));
  options.depth = -1;
  EXPECT_EQ(buildDiagram(fixedGraph(), options).nodes.size(), 6u); // + payments, storefront, pricing upstream
  options.focus = "warehose";
  try {
    buildDiagram(fixedGraph(), options);
    FAIL() << "expected an error";
  } catch (const InputError &e) { // said of the focus; the CLI names the flag (render/ knows none)
    EXPECT_EQ(e.problem(), "names no service or channel; did you mean 'warehouse'?");
  }
}

} // namespace

namespace {

TEST(Diagrams, CollapseGroupsChannelsByPattern) {
  DiagramOptions options;
  options.view = DiagramView::Channels;
  options.collapse = {"order.*", "payment.*"};
  Diagram diagram = buildDiagram(fixedGraph(), options);
  std::vector<std::string> channels;
  for (const DiagramNode &node : diagram.nodes)
    if (node.kind == NodeKind::Channel)
      channels.push_back(node.label);
  EXPECT_EQ(channels, (std::vector<std::string>{"order.*", "parcel.dispatched", "payment.*", "points.earned",
                                                "price.quoted", "price.requested", "shipment.scheduled",
                                                "tier.changed", "user.deleted"}));
  options.view = DiagramView::Services;
  for (const DiagramEdge &edge : buildDiagram(fixedGraph(), options).edges) {
    if (edge.from == "service:orders" && edge.to == "service:payments") {
      EXPECT_EQ(edge.labels, std::vector<std::string>{"payment.*"});
    }
  }
}

} // namespace

namespace {

TEST(Docs, MarkdownCatalogPages) {
  EventGraph graph = fixedGraph();
  std::vector<Finding> findings = runRules(graph, defaultRuleSettings());
  sortFindings(findings);
  DocsOptions options;
  options.rootFromPages = "../../";
  std::ostringstream mermaid;
  writeMermaid(mermaid, buildDiagram(graph, {}));
  options.mermaid = mermaid.str();
  std::map<std::string, std::string> pages = renderMarkdownDocs(graph, findings, options);
  EXPECT_EQ(pages.size(), 1 + graph.services().size() + graph.channels().size());
  eventscope::testing::expectGolden("render/docs-index.md", pages.at("index.md"));
  eventscope::testing::expectGolden("render/docs-service-orders.md", pages.at("services/orders.md"));
  eventscope::testing::expectGolden("render/docs-channel-order.placed.md", pages.at("channels/order.placed.md"));
}

TEST(Docs, FileNamesAreSafeAndDistinct) {
  EXPECT_EQ(docsFileName("order.placed"), "order.placed.md");
  EXPECT_NE(docsFileName("home/+/temp"), docsFileName("home_+_temp"));
  EXPECT_EQ(docsFileName("home/+/temp").find_first_of("/+"), std::string::npos);
  EXPECT_NE(docsFileName("../etc").rfind(".", 0), 0u); // never a hidden or parent path
}

} // namespace

namespace {

// A small system as the C++ analyzer reports it: handlers, producing functions, a trigger
// through two functions, a declared endpoint beside the code, an unresolved call.
EventGraph codeGraph() {
  EventGraph graph;
  auto at = [](const std::string &file, unsigned line) { return Location{file, line, 5, ""}; };
  graph.addEndpoint({"orders", "order.placed", Role::Produce, at("orders/api.cpp", 12), Origin::Code,
                     "Bus::publish", "", "orders::Api::place", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addEndpoint({"billing", "order.placed", Role::Consume, at("billing/main.cpp", 8), Origin::Code,
                     "Bus::subscribe", "billing::onPlaced", "billing::main", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addEndpoint({"billing", "invoice.created", Role::Produce, at("billing/invoice.cpp", 30), Origin::Code,
                     "Bus::publish", "", "billing::Invoices::create", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addTrigger({"billing", "order.placed", "invoice.created",
                    {"billing::onPlaced", "billing::charge", "billing::Invoices::create"},
                    at("billing/invoice.cpp", 30), Origin::Code});
  graph.addEndpoint({"mailer", "invoice.created", Role::Consume, at("contracts/mailer.yaml", 9), Origin::Contract,
                     "asyncapi", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addEndpoint({"mailer", "invoice.created", Role::Consume, at("mailer/mailer.cpp", 20), Origin::Code,
                     "Bus::subscribe", "lambda at mailer/mailer.cpp:20:31", "mailer::run", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addEndpoint({"mailer", "customer.updated", Role::Consume, at("contracts/mailer.yaml", 14),
                     Origin::Contract, "asyncapi", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addUnresolved({"mailer", at("mailer/mailer.cpp", 40), "Bus::publish", "the channel is read from a file", Role::Produce, ChannelKind::Topic, "", {}});
  graph.finalize();
  return graph;
}

TEST(Diagrams, ChannelsViewDrawsServicesAsClustersOfTheirFunctions) {
  DiagramOptions options;
  options.view = DiagramView::Channels;
  std::ostringstream dot, mermaid;
  Diagram diagram = buildDiagram(codeGraph(), options);
  writeDot(dot, diagram);
  writeMermaid(mermaid, diagram);
  eventscope::testing::expectGolden("render/channels-code.dot", dot.str());
  eventscope::testing::expectGolden("render/channels-code.mmd", mermaid.str());
  // the trigger runs from the handler to the producing function inside billing
  auto inside = std::find_if(diagram.edges.begin(), diagram.edges.end(), [](const DiagramEdge &e) { return e.inside; });
  ASSERT_NE(inside, diagram.edges.end());
  EXPECT_EQ(inside->from, "function:billing:billing::onPlaced");
  EXPECT_EQ(inside->to, "function:billing:billing::Invoices::create");
  // mailer's contract repeats what its code says for invoice.created, and adds customer.updated
  EXPECT_NE(dot.str().find("\"channel:customer.updated\" -> \"service:mailer\""), std::string::npos);
  EXPECT_EQ(dot.str().find("\"channel:invoice.created\" -> \"service:mailer\""), std::string::npos);
}

TEST(Diagrams, FullViewAddsLocationsAndUnresolvedCalls) {
  DiagramOptions options;
  options.view = DiagramView::Full;
  std::ostringstream dot;
  writeDot(dot, buildDiagram(codeGraph(), options));
  eventscope::testing::expectGolden("render/full-code.dot", dot.str());
  EXPECT_NE(dot.str().find("label=\"? Bus::publish\\nmailer/mailer.cpp:40\""), std::string::npos);
  EXPECT_NE(dot.str().find("[label=\"billing::charge\", style=dotted]"), std::string::npos);
  std::string svg, error;
  ASSERT_TRUE(renderGraphviz(dot.str(), "svg", svg, error)) << error;
  EXPECT_NE(svg.find("<title>cluster_billing</title>"), std::string::npos);
}

// Every node and edge of the diagram, and nothing else, is in the SVG Graphviz draws.
TEST(Diagrams, SvgNodesAndEdgesEqualTheDiagram) {
  for (DiagramView view : {DiagramView::Services, DiagramView::Channels, DiagramView::Full}) {
    DiagramOptions options;
    options.view = view;
    Diagram diagram = buildDiagram(codeGraph(), options);
    std::ostringstream dot;
    writeDot(dot, diagram);
    std::string svg, error;
    ASSERT_TRUE(renderGraphviz(dot.str(), "svg", svg, error)) << error;
    std::multiset<std::string> drawnNodes, drawnEdges, expectedNodes, expectedEdges;
    auto unescape = [](std::string text) {
      for (auto [entity, plain] : {std::pair<std::string, std::string>{"&#45;", "-"}, {"&gt;", ">"}, {"&lt;", "<"},
                                   {"&amp;", "&"}})
        for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at))
          text.replace(at, entity.size(), plain);
      return text;
    };
    for (size_t at = svg.find("class=\"node\""); at != std::string::npos; at = svg.find("class=\"node\"", at + 1)) {
      size_t title = svg.find("<title>", at) + 7;
      drawnNodes.insert(unescape(svg.substr(title, svg.find("</title>", title) - title)));
    }
    for (size_t at = svg.find("class=\"edge\""); at != std::string::npos; at = svg.find("class=\"edge\"", at + 1)) {
      size_t title = svg.find("<title>", at) + 7;
      drawnEdges.insert(unescape(svg.substr(title, svg.find("</title>", title) - title)));
    }
    for (const DiagramNode &node : diagram.nodes)
      expectedNodes.insert(node.id);
    for (const DiagramEdge &edge : diagram.edges)
      expectedEdges.insert(edge.from + "->" + edge.to);
    EXPECT_EQ(drawnNodes, expectedNodes);
    EXPECT_EQ(drawnEdges, expectedEdges);
  }
}

// The width and height Graphviz gave an SVG, in points.
std::pair<double, double> svgSize(const std::string &svg) {
  auto number = [&](const std::string &attribute) {
    size_t at = svg.find(attribute + "=\"");
    return at == std::string::npos ? 0.0 : std::stod(svg.substr(at + attribute.size() + 2));
  };
  return {number("width"), number("height")};
}

TEST(Diagrams, LongChainsFoldIntoRows) {
  GraphBuilder builder;
  builder.produce("s00", "c00");
  for (int i = 1; i <= 30; ++i) {
    char service[8], from[8], to[8];
    std::snprintf(service, sizeof service, "s%02d", i);
    std::snprintf(from, sizeof from, "c%02d", i - 1);
    std::snprintf(to, sizeof to, "c%02d", i);
    builder.trigger(service, from, to);
  }
  Diagram diagram = buildDiagram(builder.build(), {});
  std::vector<std::string> wrapping;
  for (const DiagramEdge &edge : diagram.edges)
    if (!edge.constraint)
      wrapping.push_back(edge.from + " -> " + edge.to);
  // 31 services in rows of 10 ranks: three edges wrap onto the next row
  EXPECT_EQ(wrapping, (std::vector<std::string>{"service:s09 -> service:s10", "service:s19 -> service:s20",
                                                "service:s29 -> service:s30"}));
  std::ostringstream dot;
  writeDot(dot, diagram);
  std::string svg, error;
  ASSERT_TRUE(renderGraphviz(dot.str(), "svg", svg, error)) << error;
  auto [width, height] = svgSize(svg);
  EXPECT_LT(width, 4 * height) << "a 31-service chain should fold, not draw a strip: " << width << " x " << height;
  // a short chain stays on one row
  Diagram shortChain = buildDiagram(fixedGraph(), {});
  EXPECT_TRUE(std::all_of(shortChain.edges.begin(), shortChain.edges.end(),
                          [](const DiagramEdge &e) { return e.constraint; }));
}

} // namespace

namespace {

TEST(Export, AsyncApiFromCodeMergedWithTheContract) {
  EventGraph graph;
  auto at = [](const std::string &file, unsigned line) { return Location{file, line, 5, ""}; };
  graph.addEndpoint({"billing", "order.placed", Role::Consume, at("billing/main.cpp", 8), Origin::Code,
                     "Bus::subscribe", "billing::onPlaced", "billing::main", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.addEndpoint({"billing", "invoice/{id}/created", Role::Produce, at("billing/invoice.cpp", 30), Origin::Code,
                     "Bus::publish", "", "billing::Invoices::create", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  ContractDocument contract;
  contract.file = "contracts/billing.yaml";
  contract.service = "billing";
  contract.title = "Billing";
  contract.version = "2.6.0";
  contract.infoVersion = "1.4.0";
  contract.servers.push_back({"prod", "kafka", {}, true, "kafka://broker:9092"});
  ContractMessage placed;
  placed.name = "OrderPlaced";
  placed.contentType = "application/json";
  placed.payloadSchema = R"({"type":"object","required":["id"],"properties":{"id":{"type":"string"}}})";
  contract.messages.push_back(placed);
  contract.channels.push_back({"order.placed", "order.placed", false, {}, {}, {0}, false});
  contract.operations.push_back({"onOrderPlaced", Role::Consume, 0, {}, false, {0}});
  graph.addContract(contract);
  graph.addEndpoint({"billing", "order.placed", Role::Consume, at("contracts/billing.yaml", 12), Origin::Contract,
                     "asyncapi", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  graph.finalize();
  eventscope::testing::expectGolden("render/export-billing.yaml", exportAsyncApi(graph, "billing", ExportFormat::Yaml));
  EXPECT_THROW(exportAsyncApi(graph, "biling", ExportFormat::Yaml), InputError);
}

} // namespace
