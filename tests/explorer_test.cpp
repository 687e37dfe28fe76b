// The HTML explorer's page (issue 23) as eventscope writes it: self-contained, deterministic,
// its data complete and safe inside the page, its settings from the config and the command
// line. What the page does in a browser is tests/explorer/explorer_test.js (ctest
// explorer_browser).
#include "analyzer/config/config.h"
#include "analyzer/paths.h"
#include "graph_builder.h"
#include "model/input_error.h"
#include "render/diagrams.h"
#include "render/formats.h"
#include "rules/registry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

using namespace eventscope;
using eventscope::testing::GraphBuilder;
using eventscope::testing::runEventscope;
using eventscope::testing::TempDir;

namespace {

std::string page(const EventGraph &graph, const DiagramOptions &options) {
  Diagram diagram = buildDiagram(graph, options);
  std::string out, error;
  EXPECT_TRUE(findDiagramFormat("html")->write({diagram, graph, options}, out, error)) << error;
  return out;
}

// The JSON the page carries, read back as the page's script reads it.
nlohmann::json pageData(const std::string &html) {
  const std::string open = "<script type=\"application/json\" id=\"es-data\">";
  size_t start = html.find(open);
  size_t end = html.find("</script>", start);
  EXPECT_NE(start, std::string::npos);
  return nlohmann::json::parse(html.substr(start + open.size(), end - start - open.size()));
}

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

EventGraph shop() {
  return GraphBuilder()
      .produce("storefront", "order.placed")
      .trigger("orders", "order.placed", "payment.requested")
      .trigger("payments", "payment.requested", "payment.settled")
      .trigger("orders", "payment.settled", "order.confirmed")
      .consume("mailer", "order.canceled")
      .produce("orders", "order.cancelled")
      .unresolved("mailer", "Bus::publish", "the channel is read from a config value")
      .build();
}

TEST(Explorer, OnePageThatNeedsNothingElseAndIsTheSameEveryTime) {
  EventGraph graph = shop();
  DiagramOptions options;
  options.findings = runRules(graph, defaultRuleSettings());
  std::string html = page(graph, options);
  EXPECT_EQ(html, page(graph, options));
  // Every script and style inline: nothing fetched, so it works from file:// and offline.
  EXPECT_FALSE(std::regex_search(html, std::regex("<script[^>]*\\bsrc=|<link\\b|@import|url\\(https?:")));
  EXPECT_EQ(count(html, "<script"), count(html, "</script>"));
  // The vendored libraries, pinned, each with its licence.
  for (const char *library : {"cytoscape 3.33.1", "cytoscape-dagre 4.0.1", "fuse.js 7.1.0"})
    EXPECT_NE(html.find(std::string("<script>/* ") + library), std::string::npos) << library;
  EXPECT_NE(html.find("<h3>cytoscape 3.33.1</h3>"), std::string::npos);
  EXPECT_NE(html.find("Permission is hereby granted, free of charge"), std::string::npos); // MIT
  EXPECT_NE(html.find("Apache License"), std::string::npos);                             // Fuse.js
  EXPECT_EQ(html.find("sourceMappingURL"), std::string::npos);
  EXPECT_LT(html.size(), 2'000'000u);
}

TEST(Explorer, DataHoldsEveryNodeEndpointUnresolvedCallAndFinding) {
  EventGraph graph = shop();
  DiagramOptions options;
  options.findings = runRules(graph, defaultRuleSettings());
  nlohmann::json data = pageData(page(graph, options));
  std::set<std::string> ids;
  for (const auto &node : data["nodes"])
    ids.insert(node["id"].get<std::string>());
  for (const auto &[name, service] : graph.services())
    EXPECT_TRUE(ids.count("service:" + name)) << name;
  for (const auto &[address, channel] : graph.channels())
    EXPECT_TRUE(ids.count("channel:" + address)) << address;
  EXPECT_EQ(data["endpoints"].size(), graph.endpoints().size());
  ASSERT_EQ(data["unresolved"].size(), 1u);
  EXPECT_EQ(data["unresolved"][0]["reason"], "the channel is read from a config value");
  ASSERT_EQ(data["findings"].size(), options.findings.size());
  // The typo finding touches the misspelled channel and its consumer.
  bool typo = false;
  for (const auto &f : data["findings"])
    if (f["rule"] == "channel-name-typo") {
      typo = true;
      std::set<std::string> touched;
      for (const auto &i : f["nodes"])
        touched.insert(data["nodes"][i.get<size_t>()]["id"].get<std::string>());
      EXPECT_EQ(touched, (std::set<std::string>{"channel:order.canceled", "channel:order.cancelled", "service:mailer"}));
    }
  EXPECT_TRUE(typo);
  // Graphviz placed every service and channel (a small graph).
  for (const auto &node : data["nodes"]) {
    if (node["kind"] == "service" || node["kind"] == "channel") {
      EXPECT_TRUE(node.contains("pos")) << node["id"];
    }
  }
}

TEST(Explorer, NoNameCanEndTheScriptThatHoldsTheData) {
  EventGraph graph = GraphBuilder()
                         .produce("a", "</script><script>alert(1)</script>")
                         .consume("b", "</SCRIPT>x")
                         .consume("b", "</script><script>alert(1)</script>")
                         .build();
  std::string html = page(graph, {});
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(count(html, "<script"), count(html, "</script>"));
  std::set<std::string> labels;
  nlohmann::json data = pageData(html);
  for (const auto &node : data["nodes"])
    labels.insert(node["label"].get<std::string>());
  EXPECT_TRUE(labels.count("</script><script>alert(1)</script>"));
  EXPECT_TRUE(labels.count("</SCRIPT>x"));
}

TEST(Explorer, CarriesTheLinkTemplateTheRootAndTheGroups) {
  EventGraph graph = shop();
  DiagramOptions options;
  options.sourceUrl = "https://forge.example/o/r/blob/main/{path}#L{line}";
  options.rootFromPage = "../../";
  options.serviceGroups = {{"orders", "checkout"}, {"payments", "checkout"}};
  options.focus = "orders";
  options.depth = 1;
  nlohmann::json data = pageData(page(graph, options));
  EXPECT_EQ(data["sourceUrl"], options.sourceUrl);
  EXPECT_EQ(data["root"], "../../");
  EXPECT_EQ(data["initial"]["focus"], "orders");
  EXPECT_EQ(data["initial"]["depth"], 1);
  std::map<std::string, std::string> groups;
  for (const auto &node : data["nodes"])
    if (node.contains("group"))
      groups[node["id"].get<std::string>()] = node["group"].get<std::string>();
  EXPECT_EQ(groups, (std::map<std::string, std::string>{{"service:orders", "checkout"}, {"service:payments", "checkout"}}));
}

std::string configError(const std::string &text) {
  TempDir dir;
  try {
    loadConfig(dir.write("eventscope.yaml", text), "eventscope.yaml");
  } catch (const InputError &e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Explorer, ConfigGroupsAndSourceUrl) {
  TempDir dir;
  Config config = loadConfig(dir.write("eventscope.yaml", "groups:\n  checkout: [cart, \"pay*\"]\n  fleet: [dispatch]\n"
                                                         "source_url: https://f.example/{path}#L{line}\n"),
                             "eventscope.yaml");
  ASSERT_EQ(config.groups.size(), 2u);
  EXPECT_EQ(config.groups[0].name, "checkout");
  EXPECT_EQ(config.groups[0].services, (std::vector<std::string>{"cart", "pay*"}));
  EXPECT_EQ(config.groups[0].serviceAt[1].line, 2u);
  EXPECT_EQ(config.sourceUrl, "https://f.example/{path}#L{line}");
  EXPECT_EQ(configError("groups: [a, b]\n"),
            "eventscope.yaml:1:9: `groups` must map group names to lists of service names or globs");
  EXPECT_EQ(configError("source_url: https://f.example/blob/main\n"),
            "eventscope.yaml:1:13: `source_url` must contain {path} (and may contain {line}), such as "
            "https://github.com/org/repo/blob/main/{path}#L{line}");
}

TEST(Explorer, GraphAndDocsWriteIt) {
  TempDir dir;
  std::string sample = eventscope::testing::sourceDir() + "/samples/manifest-shop";
  auto r = runEventscope({"graph", sample, "--format", "html", "-o", dir.path() + "/x.html", "--no-cache"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string text = eventscope::testing::readFile(dir.path() + "/x.html");
  EXPECT_EQ(text.rfind("<!DOCTYPE html>", 0), 0u);
  // The root as seen from the page: links to the manifests resolve from where the page is.
  EXPECT_EQ(pageData(text)["root"], relativeDirectory(dir.path(), sample));

  r = runEventscope({"graph", sample, "--format", "html", "--source-url", "https://f.example/blob/main", "--no-cache"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--source-url must contain {path}"), std::string::npos) << r.err;

  r = runEventscope({"docs", sample, "-o", dir.path() + "/catalog", "--no-cache"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(eventscope::testing::readFile(dir.path() + "/catalog/index.md").find("[index.html](index.html)"), std::string::npos);
  EXPECT_EQ(runEventscope({"docs", sample, "-o", dir.path() + "/catalog", "--check", "--no-cache"}).exitCode, 0)
      << "the explorer is written the same way twice";
}

} // namespace
