// The near-miss search of unproduced-event and channel-name-typo at scale (issue 24.4):
// N produced and N unproduced channel names, all built from a dozen common words, so that
// they share most of their pieces (the hard case for any index). Half of the unproduced
// names are one or two edits (or a case, separator or plural change) from a produced one,
// the other half are other sentences of the same words.
// usage: eventscope_near_miss_bench [N] [--check]   (default 20000)
// Prints the seconds of the search and the near-misses found; --check also compares every
// pair with nearMiss() (quadratic: use N of a few thousand) and exits 1 on a difference.
#include "model/channel_similarity.h"
#include "model/event_graph.h"
#include "model/text_distance.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

using namespace eventscope;

namespace {

uint64_t seed = 20261205;
size_t next(size_t n) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return static_cast<size_t>((seed >> 33) % n);
}

const char *kWords[] = {"order", "payment", "invoice", "user",    "shipment", "refund",
                        "created", "cancelled", "settled", "queued", "status", "event"};
const char kSeparators[] = {'.', '.', '.', '_', '-', '/'};

std::string sentence() {
  size_t words = 4 + next(2);
  char separator = kSeparators[next(sizeof kSeparators)];
  std::string name;
  for (size_t i = 0; i < words; ++i) {
    if (i)
      name += separator;
    name += kWords[next(12)];
  }
  return name;
}

std::string mutate(std::string name) {
  size_t at = next(name.size());
  switch (next(7)) {
  case 0: name[at] = char('a' + next(26)); break;
  case 1: name.erase(at, 1); break;
  case 2: name.insert(at, 1, char('a' + next(26))); break;
  case 3:
    if (at + 1 < name.size())
      std::swap(name[at], name[at + 1]);
    break;
  case 4: name += "s"; break;
  case 5: name[at] = char(std::toupper(static_cast<unsigned char>(name[at]))); break;
  default:
    for (char &c : name)
      if (c == '.')
        c = '_';
  }
  return name;
}

} // namespace

int main(int argc, char **argv) {
  size_t n = 20000;
  bool check = false;
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--check") == 0)
      check = true;
    else
      n = std::strtoul(argv[i], nullptr, 10);
  std::set<std::string> produced, unproduced;
  while (produced.size() < n)
    produced.insert(sentence());
  std::vector<std::string> producedList(produced.begin(), produced.end());
  while (unproduced.size() < n) {
    std::string name = next(2) ? mutate(producedList[next(producedList.size())]) : sentence();
    if (next(4) == 0)
      name = mutate(name);
    if (!produced.count(name))
      unproduced.insert(name);
  }
  EventGraph graph;
  auto add = [&](const std::string &service, const std::string &name, Role role) {
    Endpoint endpoint;
    endpoint.service = service;
    endpoint.channel = name;
    endpoint.role = role;
    endpoint.location = {"bench.yaml", 1, 1, ""};
    endpoint.origin = Origin::Manifest;
    graph.addEndpoint(endpoint);
  };
  for (const std::string &name : produced)
    add("p", name, Role::Produce);
  for (const std::string &name : unproduced)
    add("c", name, Role::Consume);
  graph.finalize();
  auto start = std::chrono::steady_clock::now();
  std::map<std::string, ChannelNearMiss> found = findChannelNearMisses(graph);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%zu produced, %zu unproduced: %zu near-misses in %.2f s, peak RSS %ld MiB\n", produced.size(),
              unproduced.size(), found.size(), seconds, usage.ru_maxrss / 1024);
  if (!check)
    return 0;
  // Every pair, as the rule's documentation states it (the closest in raw spelling wins,
  // the first in sorted order among equals).
  size_t differences = 0;
  for (const std::string &consumed : unproduced) {
    std::optional<ChannelNearMiss> best;
    size_t bestDistance = SIZE_MAX;
    for (const std::string &candidate : produced)
      if (std::optional<std::string> how = nearMiss(consumed, candidate))
        if (size_t d = editDistance(consumed, candidate); d < bestDistance) {
          bestDistance = d;
          best = ChannelNearMiss{candidate, *how};
        }
    auto it = found.find(consumed);
    bool same = best ? it != found.end() && it->second.produced == best->produced && it->second.how == best->how
                     : it == found.end();
    if (!same && ++differences <= 10)
      std::printf("differs: %s: search %s, every pair %s\n", consumed.c_str(),
                  it == found.end() ? "-" : it->second.produced.c_str(), best ? best->produced.c_str() : "-");
  }
  std::printf("every pair compared: %zu differences\n", differences);
  return differences == 0 ? 0 : 1;
}
