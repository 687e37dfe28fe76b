// Graph and rules at scale: a generated event graph of C channels and about 10*C edges
// (endpoints and triggers), finalized and run through every rule with default settings.
// usage: eventscope_graph_bench [CHANNELS]    (default 100000: 1,000,000 edges)
// Prints the sizes, the seconds of each phase and the peak resident memory.
#include "model/event_graph.h"
#include "rules/registry.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace eventscope;

int main(int argc, char **argv) {
  size_t channels = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  size_t services = channels / 5;
  auto name = [](const char *prefix, size_t i) { return std::string(prefix) + std::to_string(i); };
  auto start = std::chrono::steady_clock::now();
  EventGraph graph;
  size_t edges = 0;
  // Channel c is produced by service c % S and consumed by the five services after it; four
  // consumers' handlers produce a channel a few further on (a trigger), so chains run through
  // the graph, and every 1000th channel closes a small cycle.
  for (size_t c = 0; c < channels; ++c) {
    std::string channel = name("domain", c % 97) + ".event" + std::to_string(c);
    size_t producer = c % services;
    graph.addEndpoint({name("svc", producer), channel, Role::Produce, {name("src/p", producer) + ".cpp", unsigned(c % 5000 + 1), 3, ""},
                       Origin::Code, "Bus::publish", "", "f", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
    ++edges;
    for (size_t k = 1; k <= 5; ++k) { // five consumers, four of which produce onwards: 10 edges a channel
      size_t consumer = (producer + k) % services;
      graph.addEndpoint({name("svc", consumer), channel, Role::Consume, {name("src/c", consumer) + ".cpp", unsigned(c % 5000 + 1), 3, ""},
                         Origin::Code, "Bus::subscribe", "h", "f", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
      ++edges;
      if (k == 5)
        break;
      // forward, a few channels on (chains of events, as in a real system); every 1000th
      // channel's handler answers two channels back instead (a small cycle)
      size_t next = c % 1000 == 999 && k == 1 ? c - 2 : c + k * 3;
      if (next >= channels)
        continue; // the end of the chains
      std::string to = name("domain", next % 97) + ".event" + std::to_string(next);
      graph.addTrigger({name("svc", consumer), channel, to, {"h"}, {name("src/c", consumer) + ".cpp", 1, 1, ""}, Origin::Code});
      ++edges;
    }
  }
  auto built = std::chrono::steady_clock::now();
  graph.finalize();
  auto finalized = std::chrono::steady_clock::now();
  std::vector<Finding> findings = runRules(graph, defaultRuleSettings());
  auto ruled = std::chrono::steady_clock::now();
  auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  if (std::getenv("EVENTSCOPE_BENCH_RULES")) // each rule on its own, to find the slow one
    for (const Rule *rule : allRules()) {
      auto before = std::chrono::steady_clock::now();
      std::vector<Finding> found;
      Reporter report(found);
      rule->run(graph, RuleSettings{rule->info.defaultSeverity, {}}, report);
      std::printf("  %-28s %.2f s\n", rule->info.id.c_str(), seconds(before, std::chrono::steady_clock::now()));
    }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("channels %zu, services %zu, endpoints %zu, triggers %zu, edges %zu\n", graph.channels().size(),
              graph.services().size(), graph.endpoints().size(), graph.triggers().size(), edges);
  std::printf("build %.2f s, finalize %.2f s, rules %.2f s (%zu findings), graph + rules %.2f s, peak RSS %ld MiB\n",
              seconds(start, built), seconds(built, finalized), seconds(finalized, ruled), findings.size(),
              seconds(built, ruled), usage.ru_maxrss / 1024);
  return 0;
}
