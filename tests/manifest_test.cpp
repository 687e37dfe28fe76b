// The native manifest: endpoints and triggers at their lines, and errors for bad input.
#include "analyzer/contracts/contract_files.h"
#include "model/input_error.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace eventscope;
using eventscope::testing::TempDir;

namespace {

EventGraph load(const std::string &text, bool strict = true) {
  TempDir dir;
  std::string path = dir.write("m.yaml", text);
  EventGraph graph;
  loadContractFile(path, "m.yaml", dir.path(), strict, graph);
  graph.finalize();
  return graph;
}

std::string errorOf(const std::string &text) {
  try {
    load(text);
  } catch (const InputError &e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Manifest, ReadsSeveralDocumentsWithLocations) {
  EventGraph g = load(R"(service: billing
consumes: [trip.completed]
produces: [invoice.created]
triggers:
  trip.completed: [invoice.created]
---
service: mailer
consumes:
  - invoice.created
---
)");
  EXPECT_EQ(g.services().size(), 2u);
  ASSERT_EQ(g.endpoints().size(), 3u);
  const Endpoint &invoice = g.endpoints()[0];
  EXPECT_EQ(invoice.channel, "invoice.created");
  EXPECT_EQ(invoice.role, Role::Produce);
  EXPECT_EQ(formatLocation(invoice.location), "m.yaml:3:12");
  EXPECT_EQ(invoice.origin, Origin::Manifest);
  EXPECT_EQ(formatLocation(g.endpoints()[1].location), "m.yaml:9:5");
  ASSERT_EQ(g.triggers().size(), 1u);
  EXPECT_EQ(g.triggers()[0].service, "billing");
  EXPECT_EQ(g.triggers()[0].from, "trip.completed");
  EXPECT_EQ(g.triggers()[0].to, "invoice.created");
  EXPECT_EQ(formatLocation(g.triggers()[0].location), "m.yaml:5:20");
}

// Merge keys in a manifest: the entries the anchored map gives, at the anchored map's lines.
TEST(Manifest, MergeKeysAreExpanded) {
  EventGraph g = load(R"(service: billing
consumes: &in [trip.completed]
---
<<: {consumes: [trip.completed], produces: [invoice.created]}
service: mailer
)");
  ASSERT_EQ(g.services().size(), 2u);
  EXPECT_EQ(g.endpoints().size(), 3u);
  EXPECT_TRUE(g.isConsumed("trip.completed"));
  EXPECT_TRUE(g.isProduced("invoice.created"));
}

TEST(Manifest, ATriggerImpliesItsConsumeAndProduce) {
  EventGraph g = load("service: s\ntriggers:\n  a: [b, c]\n");
  EXPECT_TRUE(g.isConsumed("a"));
  EXPECT_TRUE(g.isProduced("b"));
  EXPECT_TRUE(g.isProduced("c"));
  EXPECT_EQ(g.triggers().size(), 2u);
}

TEST(Manifest, Errors) {
  EXPECT_EQ(errorOf("service: [a]\n"), "m.yaml:1:10: `service` must be a string");
  EXPECT_EQ(errorOf("service: a\nproduces: {x: y}\n"), "m.yaml:2:11: `produces` must be a list of strings");
  EXPECT_EQ(errorOf("service: a\nconsume: [x]\n"), "m.yaml:2:1: unknown key 'consume' in a manifest; did you mean 'consumes'?");
  EXPECT_EQ(errorOf("service: a\ntriggers: [x]\n"),
            "m.yaml:2:11: `triggers` must map a consumed channel to the channels it leads to");
  EXPECT_EQ(errorOf("service: a\n---\nproduces: [x]\n"), "m.yaml:3:1: each document of a manifest needs a `service` key");
  EXPECT_EQ(errorOf("service: a\nproduces: [x\n"), "m.yaml:3:1: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(errorOf("title: nothing\n"), "m.yaml:1:1: not a contract: expected an AsyncAPI document (top-level "
                                         "`asyncapi`) or an eventscope manifest (top-level `service`)");
}

TEST(Manifest, MissingFileIsNamed) {
  EventGraph graph;
  try {
    loadContractFile("/nonexistent/m.yaml", "m.yaml", "/nonexistent", true, graph);
    FAIL() << "no error";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()), "m.yaml: cannot read file: No such file or directory");
  }
}

} // namespace
