// Issue 22: trace files read in their real export formats, the observed graph built from
// them, and the four trace rules that hold it against the static graph.
#include "analyzer/traces/messaging_conventions.h"
#include "analyzer/traces/trace_files.h"
#include "analyzer/traces/trace_layout.h"
#include "graph_builder.h"
#include "model/input_error.h"
#include "model/observed.h"
#include "render/markdown_docs.h"
#include "rules/registry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <sstream>

namespace eventscope {
namespace {

using testing::runEventscope;
using testing::sourceDir;

std::string docsFileNameOf(const std::string &name) { return docsFileName(name); }

std::string fixture(const std::string &name) { return sourceDir() + "/tests/fixtures/traces/" + name; }

ObservedGraph observeFile(const std::string &name) {
  ObservedSpans spans;
  readTraceFile(fixture(name), name, spans);
  return observe(spans);
}

// "service channel role group: messages in spans", one line per observed endpoint.
std::string endpointsOf(const ObservedGraph &g) {
  std::ostringstream out;
  for (const ObservedEndpoint &e : g.endpoints)
    out << e.service << " " << e.channel << " " << roleName(e.role) << (e.group.empty() ? "" : " " + e.group) << ": "
        << e.messages << " in " << e.spans << (e.brokenSpans ? ", broken " + std::to_string(e.brokenSpans) : "")
        << "\n";
  return out.str();
}
std::string triggersOf(const ObservedGraph &g) {
  std::ostringstream out;
  for (const ObservedTrigger &t : g.triggers)
    out << t.service << " " << t.from << " -> " << t.to << " x" << t.count << "\n";
  return out.str();
}
std::string deliveriesOf(const ObservedGraph &g) {
  std::ostringstream out;
  for (const ObservedDelivery &d : g.deliveries)
    out << d.channel << " " << d.service << (d.group.empty() ? "" : " " + d.group) << ": " << d.reached << "/"
        << d.produced << "\n";
  return out.str();
}

TEST(Traces, OtlpDocumentByCurrentAndPreviousConventions) {
  // Current names and 1.x names (messaging.destination, messaging.operation,
  // messaging.kafka.consumer.group), kind as a number and as "SPAN_KIND_CONSUMER", ids in
  // upper-case hex, `instrumentationLibrarySpans`, and a resource written after its spans.
  ObservedGraph g = observeFile("otlp_kafka.json");
  EXPECT_EQ(endpointsOf(g), "billing invoices produce: 1 in 1\n"
                            "checkout orders produce: 4 in 2\n"
                            "billing orders consume billing-group: 4 in 2\n");
  // One consumer span is the producer's child, the other links to it (a batch of 3).
  EXPECT_EQ(deliveriesOf(g), "orders billing billing-group: 4/4\n");
  EXPECT_EQ(triggersOf(g), "billing orders -> invoices x1\n");
  ASSERT_EQ(g.files.size(), 1u);
  EXPECT_EQ(g.files[0].format, "OTLP/JSON");
  EXPECT_EQ(g.files[0].spans, 6u);
  EXPECT_EQ(g.files[0].messagingSpans, 5u);
  EXPECT_EQ(g.files[0].withoutMessaging, 1u);
  EXPECT_EQ(g.triggers[0].example.at.pointer, "/resourceSpans/1/instrumentationLibrarySpans/0/spans/1");
  EXPECT_EQ(g.triggers[0].example.at.line, 0u);
  EXPECT_EQ(g.triggers[0].example.traceId, "5b8efff798038103d269b633813fc60c");
  EXPECT_EQ(g.triggers[0].example.spanId, "0000000000000c02");
}

TEST(Traces, CollectorJsonLines) {
  // Two documents on lines 1 and 3; base64 ids (older protobuf JSON) that name the same span
  // as hex ones; a destination template; a consumer span with no context; a reply queue.
  ObservedGraph g = observeFile("collector.jsonl");
  EXPECT_EQ(endpointsOf(g), "dashboard telemetry/garage consume: 1 in 1, broken 1\n"
                            "dashboard telemetry/hall consume: 1 in 1\n"
                            "dashboard telemetry/kitchen consume: 1 in 1\n"
                            "sensor telemetry/{room} produce: 2 in 2\n");
  EXPECT_EQ(deliveriesOf(g), "telemetry/{room} dashboard: 2/2\n");
  EXPECT_EQ(g.files[0].format, "OTLP/JSON lines");
  EXPECT_EQ(g.files[0].temporary, 1u);
  EXPECT_EQ(g.endpoints[0].brokenExample.at.line, 3u);
  EXPECT_EQ(g.endpoints[0].brokenExample.at.pointer, "/resourceSpans/0/scopeSpans/0/spans/2");
  EXPECT_EQ(g.endpoints[3].example.at.line, 1u);
}

TEST(Traces, JaegerQueryAnswer) {
  // Tags with span.kind, a FOLLOWS_FROM reference as the consumer's only tie to its producer,
  // OpenTracing's message_bus.destination, ids without their leading zeros, processes after spans.
  ObservedGraph g = observeFile("jaeger_query.json");
  EXPECT_EQ(endpointsOf(g), "labelling labels produce: 1 in 1\n"
                            "shipping shipments produce: 1 in 1\n"
                            "labelling shipments consume: 1 in 1\n");
  EXPECT_EQ(deliveriesOf(g), "shipments labelling: 1/1\n");
  EXPECT_EQ(triggersOf(g), "labelling shipments -> labels x1\n");
  EXPECT_EQ(g.files[0].format, "Jaeger JSON");
  EXPECT_EQ(g.endpoints[0].example.at.pointer, "/data/0/spans/2");
  EXPECT_EQ(g.endpoints[0].example.traceId, "006c3cf93508f205");
}

TEST(Traces, ZipkinListOfTraces) {
  // Brave's tags (kafka.topic), a handler's local span between the consumer and the producer,
  // a 64-bit trace id, a root consumer span (no context), a producer naming no destination.
  ObservedGraph g = observeFile("zipkin_brave.json");
  EXPECT_EQ(endpointsOf(g), "analytics click-stats produce: 1 in 1\n"
                            "frontend clicks produce: 1 in 1\n"
                            "analytics clicks consume: 2 in 2, broken 1\n");
  EXPECT_EQ(deliveriesOf(g), "clicks analytics: 1/1\n");
  EXPECT_EQ(triggersOf(g), "analytics clicks -> click-stats x1\n");
  EXPECT_EQ(g.files[0].format, "Zipkin v2 JSON");
  EXPECT_EQ(g.files[0].withoutDestination, 1u);
  EXPECT_EQ(g.endpoints[2].brokenExample.at.pointer, "/1/0");
}

TEST(Traces, RabbitMqDefaultExchangeIsItsRoutingKey) {
  // Semantic conventions, RabbitMQ: the destination is the exchange, "" for the default one,
  // which delivers to the queue the routing key names. Tempo's test data writes it so, with
  // base64 ids and kinds by name. A consumer span with neither names no channel.
  ObservedGraph g = observeFile("otlp_rabbitmq_default_exchange.json");
  EXPECT_EQ(endpointsOf(g), "requester jobs produce: 1 in 1\n"
                            "worker jobs consume: 1 in 1\n");
  EXPECT_EQ(deliveriesOf(g), "jobs worker: 1/1\n");
  EXPECT_EQ(g.files[0].withoutDestination, 1u);
  EXPECT_EQ(g.files[0].withoutDestinationBy.at("worker (consume)"), 1u);
}

TEST(Traces, JaegerDomainModel) {
  // Jaeger's api_v2 model as protobuf JSON: base64 traceId/spanId, typed tags (vStr), the
  // process in the span.
  ObservedGraph g = observeFile("jaeger_domain_model.json");
  EXPECT_EQ(endpointsOf(g), "monitor alerts.high produce: 1 in 1\n"
                            "pager alerts.high consume: 1 in 1\n");
  EXPECT_EQ(deliveriesOf(g), "alerts.high pager: 1/1\n");
  // A layout whose spans carry no ids where the format puts them is an error, not an empty graph.
  testing::TempDir dir;
  std::string file = dir.write("odd.json", R"({"spans": [{"trace": "1", "span": "2", "operationName": "x"}]})");
  ObservedSpans spans;
  try {
    readTraceFile(file, "odd.json", spans);
    ADD_FAILURE() << "no error";
  } catch (const InputError &e) {
    EXPECT_EQ(std::string(e.what()), "odd.json: none of its 1 span(s) (Jaeger JSON) has a trace and span id where the "
                                     "format puts them");
  }
}

TEST(Traces, IdsAsToolsWriteThem) {
  uint64_t hi = 0, lo = 0;
  ASSERT_TRUE(parseTraceId("5B8EFFF798038103D269B633813FC60C", hi, lo));
  EXPECT_EQ(hi, 0x5b8efff798038103ULL);
  EXPECT_EQ(lo, 0xd269b633813fc60cULL);
  ASSERT_TRUE(parseTraceId("6c3cf93508f205", hi, lo)); // Jaeger drops leading zeros
  EXPECT_EQ(hi, 0u);
  EXPECT_EQ(lo, 0x6c3cf93508f205ULL);
  ASSERT_TRUE(parseTraceId("t61rcWkgMzE=", hi, lo)); // base64 of 8 bytes
  EXPECT_EQ(lo, 0xb7ad6b7169203331ULL);
  uint64_t hi2 = 0, lo2 = 0;
  ASSERT_TRUE(parseTraceId("span-1", hi, lo)); // a fixture's name: hashed, equal texts equal
  ASSERT_TRUE(parseTraceId("span-1", hi2, lo2));
  EXPECT_EQ(lo, lo2);
  EXPECT_FALSE(parseTraceId("", hi, lo));
  EXPECT_EQ(spanKindName("4"), "producer");
  EXPECT_EQ(spanKindName("SPAN_KIND_CONSUMER"), "consumer");
  EXPECT_EQ(spanKindName("PRODUCER"), "producer");
}

TEST(Traces, RedactedIdsInventNoFlow) {
  // opentelemetry-go-instrumentation's end-to-end outputs redact every id to "xxxxx": a span
  // that is its own parent must neither loop nor make every span its neighbour's parent.
  testing::TempDir dir;
  auto span = [](const char *kind, const char *op, const char *topic) {
    return std::string(R"({"traceId":"xxxxx","spanId":"xxxxx","parentSpanId":"xxxxx","kind":)") + kind +
           R"(,"attributes":[{"key":"messaging.operation.type","value":{"stringValue":")" + op +
           R"("}},{"key":"messaging.destination.name","value":{"stringValue":")" + topic + R"("}}]})";
  };
  std::string file = dir.write("redacted.json", R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"sample-app"}}]},"scopeSpans":[{"spans":[)" +
                                                    span("4", "send", "topic1") + "," + span("4", "send", "topic2") +
                                                    "," + span("5", "receive", "topic1") + "]}]}]}");
  ObservedSpans spans;
  readTraceFile(file, "redacted.json", spans);
  ObservedGraph g = observe(spans);
  EXPECT_EQ(endpointsOf(g), "sample-app topic1 produce: 1 in 1\n"
                            "sample-app topic1 consume: 1 in 1\n"
                            "sample-app topic2 produce: 1 in 1\n");
  EXPECT_EQ(triggersOf(g), "");
  EXPECT_EQ(g.endpoints[1].brokenSpans, 0u); // its context is unknowable, not missing
}

TEST(Traces, OneRecordingReadTwiceCountsOnce) {
  // The same spans from two files (two exports of one run, or the OTLP and the Zipkin copy):
  // a span id of one service in one role is one span.
  ObservedSpans spans;
  readTraceFile(fixture("otlp_kafka.json"), "a.json", spans);
  readTraceFile(fixture("otlp_kafka.json"), "b.json", spans);
  ObservedGraph g = observe(spans);
  EXPECT_EQ(endpointsOf(g), "billing invoices produce: 1 in 1\n"
                            "checkout orders produce: 4 in 2\n"
                            "billing orders consume billing-group: 4 in 2\n");
  EXPECT_EQ(deliveriesOf(g), "orders billing billing-group: 4/4\n");
  // One file named twice, by the config and by --traces, is read once; a config entry that
  // is a path names a file outside the root too.
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() + "/system");
  std::filesystem::copy(sourceDir() + "/samples/traced-shop/services", dir.path() + "/system/services",
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(sourceDir() + "/samples/traced-shop/traces/run.jsonl", dir.path() + "/run.jsonl");
  dir.write("system/eventscope.yaml", testing::readFile(sourceDir() + "/samples/traced-shop/eventscope.yaml") +
                                          "traces: [../run.jsonl, \"none/*.jsonl\"]\n");
  testing::CommandResult r = runEventscope(
      {"check", ".", "--no-cache", "--format", "json", "--traces", dir.path() + "/run.jsonl"}, dir.path() + "/system");
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.err.find("traces: 1 file(s), 117 span(s)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("eventscope.yaml:9:24: `traces` entry 'none/*.jsonl' matches no file under"), std::string::npos)
      << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["findings"].size(), 2u) << r.out;
  EXPECT_EQ(report["findings"][0]["file"], "../run.jsonl");
}

TEST(Traces, ACollectorStillWritingItsLastLine) {
  // The Collector appends a line per batch: a last line cut short is left out and said; a
  // line cut short before the last is an error.
  testing::TempDir dir;
  std::string whole = testing::readFile(fixture("collector.jsonl"));
  std::string cut = dir.write("cut.jsonl", whole + whole.substr(0, 120));
  testing::CommandResult r = runEventscope({"traces", cut});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("cut.jsonl: line 4, the last, is cut short (a file still being written?): its spans are left "
                       "out"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("6 span(s), 5 messaging"), std::string::npos) << r.out;
  std::string middle = dir.write("middle.jsonl", whole + whole.substr(0, 120) + "\n" + whole);
  r = runEventscope({"traces", middle});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("middle.jsonl:4: truncated or not JSON"), std::string::npos) << r.err;
}

TEST(Traces, BadFilesNameTheFileAndTheReason) {
  struct Case {
    const char *file, *message;
  } cases[] = {
      {"truncated.json", "truncated.json: truncated or not JSON: parse error at line 1, column 239"},
      {"metrics.json", "metrics.json: an OTLP metrics file (\"resourceMetrics\"), not traces"},
      {"not_traces.json", "not_traces.json: not a trace file: expected OTLP/JSON"},
      {"absent.json", "absent.json: cannot read trace file: no such file"},
  };
  for (const Case &c : cases) {
    testing::CommandResult r = runEventscope({"traces", fixture(c.file)});
    EXPECT_EQ(r.exitCode, 2) << c.file;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << c.file;
  }
  // A document read in parts (its list of batches parsed on worker threads): an error in a
  // later batch is said at its line in the file, as a whole-document parse says it.
  testing::TempDir dir;
  std::string parts = dir.write("parts.json", "{\"resourceSpans\": [\n"
                                              "  {\"scopeSpans\": [{\"spans\": []}]},\n"
                                              "  {\"scopeSpans\": [{\"spans\": [{\"traceId\": \"01\", \"kind\": 4x}]}]}\n"
                                              "]}\n");
  testing::CommandResult broken = runEventscope({"traces", parts});
  EXPECT_EQ(broken.exitCode, 2);
  EXPECT_NE(broken.err.find("parts.json: not valid JSON: parse error at line 3, column"), std::string::npos)
      << broken.err;
  // The same through check: a partial reading never looks complete.
  testing::CommandResult r =
      runEventscope({"check", "samples/traced-shop", "--no-cache", "--traces", fixture("truncated.json")}, sourceDir());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("truncated.json: truncated or not JSON"), std::string::npos) << r.err;
  r = runEventscope({"check", "samples/traced-shop", "--no-cache", "--traces", "no/such/traces.json"}, sourceDir());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("no/such/traces.json: cannot read trace file (--traces): no such file"), std::string::npos)
      << r.err;
}

TEST(Traces, WhatIsNotReadIsSaid) {
  testing::CommandResult r = runEventscope({"traces", fixture("custom_attributes.json")});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.err.find("custom_attributes.json: attribute names that look like messaging but that no convention "
                       "eventscope reads defines (OpenTelemetry messaging, OpenTracing, Brave): messaging.direction "
                       "(1 span(s)), messaging.topic (1 span(s))"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("custom_attributes.json: 2 messaging or PRODUCER/CONSUMER span(s) name no destination "
                       "(messaging.destination.name, its template, or an older name: none set, or empty): legacy "
                       "(produce) x1; they are not in the observed graph"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("3 span(s), 0 messaging, 1 without messaging attributes, 2 naming no destination"),
            std::string::npos)
      << r.out;
  // check says how many spans it read and skipped.
  r = runEventscope({"check", "samples/traced-shop", "--no-cache", "--traces", fixture("otlp_kafka.json")}, sourceDir());
  EXPECT_NE(r.err.find("eventscope: traces: 1 file(s), 6 span(s): 5 messaging span(s) read; skipped: 1 without "
                       "messaging attributes, 0 naming no destination, 0 on temporary destinations; 3 observed "
                       "endpoint(s), 1 trigger(s) in 2 service(s)"),
            std::string::npos)
      << r.err;
}

// --- The rules on the traced-shop sample, whose traces were recorded from real programs.

TEST(Traces, TracedShopFindsTheHiddenFlowAndTheLossyConsumer) {
  testing::CommandResult r = runEventscope({"check", "samples/traced-shop", "--no-cache", "--traces",
                                            "samples/traced-shop/traces/run.jsonl"},
                                           sourceDir());
  EXPECT_EQ(r.exitCode, 1) << r.err;
  testing::expectGolden("traces/traced-shop.txt", r.out);
  // Without traces the trace rules say nothing, and the code alone is clean.
  r = runEventscope({"check", "samples/traced-shop", "--no-cache"}, sourceDir());
  EXPECT_EQ(r.exitCode, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST(Traces, LossyConsumerThreshold) {
  // warehouse reaches 17 of 20 (85%): under 86, not under 85.
  for (auto [percent, fires] : {std::pair{85, false}, std::pair{86, true}}) {
    testing::TempDir dir;
    std::filesystem::copy(sourceDir() + "/samples/traced-shop", dir.path(), std::filesystem::copy_options::recursive);
    std::string config = testing::readFile(dir.path() + "/eventscope.yaml");
    dir.write("eventscope.yaml", config + "rules:\n  lossy-consumer: {min_percent: " + std::to_string(percent) +
                                     "}\n  hidden-runtime-flow: off\n");
    testing::CommandResult r =
        runEventscope({"check", ".", "--no-cache", "--traces", "traces/run.jsonl", "--format", "json"}, dir.path());
    nlohmann::json report = nlohmann::json::parse(r.out);
    EXPECT_EQ(report["findings"].size(), fires ? 1u : 0u) << percent << r.out;
    EXPECT_EQ(r.exitCode, fires ? 1 : 0) << r.err;
  }
}

TEST(Traces, DiagramsAndCatalogShowWhatRan) {
  // The recorded traces without ledger's export batches: payments -> ledger is then unobserved.
  testing::TempDir dir;
  std::istringstream lines(testing::readFile(sourceDir() + "/samples/traced-shop/traces/run.jsonl"));
  std::string line, kept;
  while (std::getline(lines, line))
    if (line.find("\"stringValue\":\"ledger\"") == std::string::npos)
      kept += line + "\n";
  std::string traces = dir.write("without-ledger.jsonl", kept);
  std::string sample = sourceDir() + "/samples/traced-shop";
  testing::CommandResult r = runEventscope({"graph", "--no-cache", "-q", "--format", "dot", "-o", dir.path() + "/s.dot",
                                            "--traces", traces},
                                           sample);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  testing::expectGolden("traces/traced-shop-services.dot", testing::readFile(dir.path() + "/s.dot"));
  r = runEventscope({"graph", "--no-cache", "-q", "--view", "channels", "--format", "mermaid", "-o",
                     dir.path() + "/c.mmd", "--traces", "traces/run.jsonl"},
                    sample);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  testing::expectGolden("traces/traced-shop-channels.mmd", testing::readFile(dir.path() + "/c.mmd"));
  r = runEventscope({"docs", "--no-cache", "-q", "-o", dir.path() + "/catalog", "--traces", "traces/run.jsonl"}, sample);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string page = testing::readFile(dir.path() + "/catalog/channels/" + docsFileNameOf("shop/orders/placed"));
  size_t from = page.find("## Observed"), to = page.find("## Chains"); // the rest links the temporary directory
  ASSERT_NE(from, std::string::npos);
  testing::expectGolden("traces/traced-shop-orders-placed.md", page.substr(from, to - from));
}

// --- Model-level: the rules against hand-made spans.

// Spans for a test, one call per span.
class SpanMaker {
public:
  uint32_t add(const std::string &service, SpanRole role, const std::string &channel, uint64_t trace, uint64_t id,
               uint64_t parent = 0, std::vector<SpanKey> links = {}, bool process = true, uint32_t messages = 1,
               const std::string &group = "") {
    if (spans.files.empty()) {
      TraceFileSummary file;
      file.file = "t.json";
      file.format = "OTLP/JSON";
      spans.files.push_back(file);
    }
    TraceSpan s;
    s.key = {0, trace, id};
    s.parent = parent;
    s.links = std::move(links);
    s.service = spans.intern(service);
    s.role = role;
    s.process = process;
    s.messages = messages;
    if (!channel.empty())
      s.channel = spans.intern(channel);
    if (!group.empty())
      s.group = spans.intern(group);
    s.place.shape = spans.shape("/%");
    s.place.index[0] = static_cast<uint32_t>(spans.spans.size());
    ++spans.files[0].spans;
    spans.spans.push_back(std::move(s));
    return static_cast<uint32_t>(spans.spans.size() - 1);
  }
  ObservedSpans spans;
};

std::vector<std::string> ruleFindings(const EventGraph &graph, const std::string &rule) {
  std::vector<std::string> out;
  for (const Finding &f : runRules(graph, defaultRuleSettings()))
    if (f.rule == rule)
      out.push_back(formatLocation(f.location) + (f.location.pointer.empty() ? "" : "#" + f.location.pointer) + " " +
                    f.message);
  return out;
}

TEST(Traces, RulesAgainstTheStaticGraph) {
  testing::GraphBuilder b;
  b.fromCode();
  b.produce("orders", "orders.{id}");           // a pattern: covers orders.1 in the traces
  b.trigger("billing", "orders.{id}", "invoices"); // the code shows billing's trigger
  b.produce("billing", "audit");                // produced, but not from the handler
  b.consume("ledger", "invoices");              // never seen in the traces
  b.consume("archive", "audit");                // a service no trace names
  EventGraph graph = b.build();
  SpanMaker m;
  m.add("orders", SpanRole::Produce, "orders.1", 1, 1);
  m.add("billing", SpanRole::Consume, "orders.1", 1, 2, 1);
  m.add("billing", SpanRole::Produce, "invoices", 1, 3, 2);
  m.add("billing", SpanRole::Produce, "audit", 1, 4, 2);  // hidden trigger: orders.1 -> audit
  m.add("billing", SpanRole::Consume, "refunds", 2, 5);   // hidden endpoint, and broken context
  m.add("ledger", SpanRole::Produce, "ledger.closed", 3, 6); // ledger is traced, but consumes nothing
  graph.setObserved(std::make_shared<ObservedGraph>(observe(m.spans)));

  EXPECT_EQ(ruleFindings(graph, "hidden-runtime-flow"),
            (std::vector<std::string>{
                "t.json#/3 in service 'billing', processing 'orders.1' leads to producing 'audit' at run time (1 "
                "time(s) in the traces), which the code does not show",
                "t.json#/4 service 'billing' consumes 'refunds' at run time (1 message in the traces), which neither "
                "its code nor a contract shows",
                "t.json#/5 service 'ledger' produces on 'ledger.closed' at run time (1 message in the traces), which "
                "neither its code nor a contract shows"}));
  EXPECT_EQ(ruleFindings(graph, "broken-trace-context"),
            (std::vector<std::string>{"t.json#/4 1 of the 1 consumer span(s) of 'billing' on 'refunds' have no parent or "
                                      "link that leads to a producer span: the trace context is not carried with the "
                                      "message, so these flows cannot be followed from producer to consumer"}));
  EXPECT_EQ(ruleFindings(graph, "unobserved-flow"),
            (std::vector<std::string>{
                "archive.yaml:1:1 service 'archive' appears in no trace: its 1 endpoint(s) cannot be held against what "
                "runs (not instrumented, named otherwise in `service.name`, or not running while the traces were taken)",
                "ledger.yaml:1:1 service 'ledger' consumes 'invoices' here, but no span in the traces shows it: code "
                "that did not run while they were taken, dead code, or a call its instrumentation does not trace"}));
  EXPECT_EQ(ruleFindings(graph, "lossy-consumer"), std::vector<std::string>{});
}

TEST(Traces, ATriggerThroughSpanLinks) {
  // A batch handler publishes one summary for three messages: its producer span links to the
  // three consumer spans (OpenTelemetry's way for many-to-one), it is the child of none.
  SpanMaker m;
  std::vector<SpanKey> consumed;
  for (uint64_t i = 0; i < 3; ++i) {
    uint64_t producer = 10 + i, consumer = 20 + i;
    m.add("sensor", SpanRole::Produce, "readings", 100 + i, producer);
    m.add("rollup", SpanRole::Consume, "readings", 100 + i, consumer, producer);
    consumed.push_back({0, 100 + i, consumer});
  }
  m.add("rollup", SpanRole::Produce, "summaries", 200, 30, 0, consumed);
  ObservedGraph g = observe(m.spans);
  EXPECT_EQ(triggersOf(g), "rollup readings -> summaries x1\n");
  EXPECT_EQ(deliveriesOf(g), "readings rollup: 3/3\n");
}

// The layout scan finds a document's batches without parsing it: over generated documents
// with brackets, quotes and escapes inside strings, each range it gives parses to exactly the
// element the whole document's parse has there.
TEST(Traces, LayoutScanAgreesWithTheParser) {
  std::mt19937 random(35);
  const char *pieces[] = {"{", "}", "[", "]", "\\\"", "\\\\", ",", ":", "x", " ", "\\n", "é"};
  for (int round = 0; round < 300; ++round) {
    nlohmann::json doc;
    doc["resourceSpans"] = nlohmann::json::array();
    int elements = 1 + random() % 6;
    for (int i = 0; i < elements; ++i) {
      std::string text;
      for (int k = random() % 12; k > 0; --k)
        text += pieces[random() % 12];
      nlohmann::json element = {{"resource", {{"attributes", nlohmann::json::array({{{"key", "service.name"},
                                                                                  {"value", {{"stringValue", text}}}}})}}},
                                {"scopeSpans", nlohmann::json::array({{{"spans", nlohmann::json::array()}}})}};
      doc["resourceSpans"].push_back(element);
    }
    if (random() % 2)
      doc["schemaUrl"] = "[{\"}";
    testing::TempDir dir;
    std::string path = dir.write("doc.json", random() % 2 ? doc.dump(2) : doc.dump());
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    Layout layout = scanLayout(file.get());
    ASSERT_TRUE(layout.valid) << round;
    ASSERT_FALSE(layout.more) << round;
    ASSERT_EQ(layout.key, "resourceSpans");
    ASSERT_EQ(layout.elements.size(), static_cast<size_t>(elements)) << round;
    std::string text = testing::readFile(path);
    for (int i = 0; i < elements; ++i) {
      const auto &[from, to] = layout.elements[i];
      ASSERT_EQ(nlohmann::json::parse(text.substr(from, to - from)), doc["resourceSpans"][i]) << round << " " << i;
    }
  }
}

// Head sampling drops whole traces (a parent-based sampler keeps or drops the consumer with
// its producer); a consumer that drops messages drops them whatever was sampled. Over many
// generated systems, the delivery counts equal what a brute-force count of the kept messages
// gives, and lossy-consumer fires exactly when that share is under the threshold.
TEST(Traces, SamplingDoesNotFoolTheDeliveryCount) {
  std::mt19937 random(22);
  for (int round = 0; round < 400; ++round) {
    SpanMaker m;
    int messages = 1 + random() % 60;
    double sampled = std::uniform_real_distribution<double>(0.1, 1.0)(random);
    double drop = random() % 3 == 0 ? 0.0 : std::uniform_real_distribution<double>(0.0, 0.4)(random);
    bool receiveThenProcess = random() % 2, viaLinks = random() % 2;
    uint64_t producedKept = 0, reachedKept = 0, id = 1;
    for (int i = 0; i < messages; ++i) {
      uint32_t batch = random() % 4 == 0 ? 1 + random() % 5 : 1;
      bool keep = std::uniform_real_distribution<double>(0, 1)(random) < sampled;
      bool processed = std::uniform_real_distribution<double>(0, 1)(random) >= drop;
      if (!keep)
        continue; // neither side was recorded
      uint64_t trace = 1000 + i, producer = id++;
      m.add("orders", SpanRole::Produce, "orders", trace, producer, 0, {}, true, batch);
      producedKept += batch;
      // A second consumer that never drops: its share stays 100% whatever the first does.
      m.add("audit", SpanRole::Consume, "orders", trace, id++, producer);
      if (!processed)
        continue;
      reachedKept += batch;
      uint64_t consumerTrace = viaLinks ? 5000 + i : trace;
      std::vector<SpanKey> links;
      if (viaLinks)
        links.push_back({0, trace, producer});
      uint64_t parent = viaLinks ? 0 : producer;
      if (receiveThenProcess) {
        uint64_t receive = id++;
        m.add("billing", SpanRole::Consume, "orders", consumerTrace, receive, parent, links, false, batch, "g");
        m.add("billing", SpanRole::Consume, "orders", consumerTrace, id++, receive, {}, true, batch, "g");
      } else {
        m.add("billing", SpanRole::Consume, "orders", consumerTrace, id++, parent, links, true, batch, "g");
      }
    }
    EventGraph graph = testing::GraphBuilder().build();
    auto observed = std::make_shared<ObservedGraph>(observe(m.spans));
    std::string expected;
    if (producedKept > 0) {
      expected = "orders audit: " + std::to_string(producedKept) + "/" + std::to_string(producedKept) + "\n";
      if (reachedKept > 0)
        expected += "orders billing g: " + std::to_string(reachedKept) + "/" + std::to_string(producedKept) + "\n";
    }
    ASSERT_EQ(deliveriesOf(*observed), expected) << "round " << round;
    graph.setObserved(observed);
    bool lossy = reachedKept > 0 && reachedKept * 100 < 99 * producedKept;
    ASSERT_EQ(ruleFindings(graph, "lossy-consumer").size(), lossy ? 1u : 0u) << "round " << round;
    ASSERT_EQ(ruleFindings(graph, "broken-trace-context").size(), 0u) << "round " << round;
  }
}

} // namespace
} // namespace eventscope
