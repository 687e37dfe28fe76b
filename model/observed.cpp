#include "model/observed.h"

#include "model/channel_match.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace eventscope {

uint32_t ObservedSpans::intern(const std::string &name) {
  auto [it, added] = index_.emplace(name, static_cast<uint32_t>(names.size()));
  if (added)
    names.push_back(name);
  return it->second;
}

uint16_t ObservedSpans::shape(const std::string &pattern) {
  for (size_t i = 0; i < shapes.size(); ++i)
    if (shapes[i] == pattern)
      return static_cast<uint16_t>(i);
  shapes.push_back(pattern);
  return static_cast<uint16_t>(shapes.size() - 1);
}

Location ObservedSpans::locate(const SpanPlace &place) const {
  Location at;
  if (place.file < files.size())
    at.file = files[place.file].file;
  at.line = place.line;
  const std::string &pattern = place.shape < shapes.size() ? shapes[place.shape] : std::string();
  size_t next = 0;
  for (char c : pattern) {
    if (c == '%' && next < 3)
      at.pointer += std::to_string(place.index[next++]);
    else
      at.pointer += c;
  }
  return at;
}

std::string spanIdHex(uint64_t span) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(span));
  return text;
}

std::string traceIdHex(const SpanKey &key) {
  return key.traceHi == 0 ? spanIdHex(key.traceLo) : spanIdHex(key.traceHi) + spanIdHex(key.traceLo);
}

std::vector<std::string> ObservedGraph::services() const {
  std::set<std::string> names;
  for (const ObservedEndpoint &e : endpoints)
    names.insert(e.service);
  return {names.begin(), names.end()};
}

bool sameObservedChannel(const std::string &staticName, const std::string &observed) {
  if (staticName == observed)
    return true;
  if (isChannelPattern(staticName) && channelMatches(staticName, observed))
    return true;
  return isChannelPattern(observed) && channelMatches(observed, staticName);
}

namespace {


enum class Reach { Linked, Unknown, Broken };

struct Indexed {
  SpanKey key;
  uint32_t index;
};

class Observer {
public:
  explicit Observer(const ObservedSpans &in) : in_(in), spans_(in.spans) {
    // Spans by id, sorted: a million lookups through a sorted vector cost less time and
    // memory than through a node-based hash map.
    byKey_.reserve(spans_.size());
    for (uint32_t i = 0; i < spans_.size(); ++i)
      byKey_.push_back({spans_[i].key, i});
    std::sort(byKey_.begin(), byKey_.end(), [](const Indexed &a, const Indexed &b) {
      return std::tie(a.key.traceHi, a.key.traceLo, a.key.span, a.index) <
             std::tie(b.key.traceHi, b.key.traceLo, b.key.span, b.index);
    });
    // The same span exported twice (two files, a retried batch) counts once; two spans with
    // one id that differ are both kept (Zipkin's shared client and server halves).
    duplicate_.assign(spans_.size(), false);
    for (size_t first = 0; first < byKey_.size();) {
      size_t last = first + 1;
      while (last < byKey_.size() && byKey_[last].key == byKey_[first].key)
        ++last;
      for (size_t i = first + 1; i < last; ++i)
        for (size_t j = first; j < i && !duplicate_[byKey_[i].index]; ++j)
          duplicate_[byKey_[i].index] =
              !duplicate_[byKey_[j].index] && sameSpan(spans_[byKey_[j].index], spans_[byKey_[i].index]);
      first = last;
    }
  }

  ObservedGraph run() {
    ObservedGraph graph;
    graph.given = true;
    graph.files = in_.files;
    for (const TraceFileSummary &f : in_.files) {
      graph.spans += f.spans;
      graph.messagingSpans += f.messagingSpans;
    }
    endpoints(graph);
    triggers(graph);
    return graph;
  }

private:
  const std::string &name(uint32_t index) const {
    static const std::string none;
    return index == TraceSpan::kNoName ? none : in_.names[index];
  }
  TraceExample example(uint32_t i) const {
    return {in_.locate(spans_[i].place), traceIdHex(spans_[i].key), spanIdHex(spans_[i].key.span)};
  }
  // One span read twice: from two files, or two formats of one recording (OTLP and Zipkin
  // name the same ids but not always the same attributes), is one service's span in one
  // role. Zipkin's shared spans (a client half and a server half) differ in service.
  static bool sameSpan(const TraceSpan &a, const TraceSpan &b) {
    return a.service == b.service && a.role == b.role &&
           (a.channel == b.channel || a.channel == TraceSpan::kNoName || b.channel == TraceSpan::kNoName);
  }
  // The spans with this id, in the order they were read (none for a zero id). A span is
  // never its own parent or link: ids a tool redacted to one text ("xxxxx") would otherwise
  // make every span each one's parent.
  std::pair<const Indexed *, const Indexed *> find(const SpanKey &key, uint32_t self) const {
    if (key.span == 0 || key == spans_[self].key)
      return {nullptr, nullptr};
    auto less = [](const Indexed &a, const SpanKey &k) {
      return std::tie(a.key.traceHi, a.key.traceLo, a.key.span) < std::tie(k.traceHi, k.traceLo, k.span);
    };
    const Indexed *first = &*std::lower_bound(byKey_.begin(), byKey_.end(), key, less);
    const Indexed *end = byKey_.data() + byKey_.size();
    const Indexed *last = first;
    while (last != end && last->key == key)
      ++last;
    return {first, last};
  }

  // Where consumer span `i`'s context leads: the producer spans it reaches through its parent
  // and links, walking up through spans of its own service (a `process` span under a
  // `receive` span, a handler span under a poll loop's span).
  Reach reach(uint32_t i, std::vector<uint32_t> &producers) const {
    bool unknown = false;
    std::vector<uint32_t> work{i};
    std::vector<uint32_t> seen{i}; // few: the spans of one service above one consumer span
    while (!work.empty() && seen.size() < 256) {
      uint32_t at = work.back();
      work.pop_back();
      const TraceSpan &s = spans_[at];
      auto follow = [&](const SpanKey &ref) {
        auto [first, last] = find(ref, at);
        if (first == last) {
          unknown = unknown || ref.span != 0; // a producer outside the traces, or an id that is not one
          return;
        }
        for (const Indexed *it = first; it != last; ++it) {
          uint32_t j = it->index;
          if (duplicate_[j])
            continue; // its first reading stands for it
          if (spans_[j].role == SpanRole::Produce) {
            producers.push_back(j);
          } else if (spans_[j].service == spans_[i].service &&
                     std::find(seen.begin(), seen.end(), j) == seen.end()) {
            seen.push_back(j);
            work.push_back(j);
          }
        }
      };
      if (s.parent != 0)
        follow({s.key.traceHi, s.key.traceLo, s.parent});
      for (const SpanKey &link : s.links)
        follow(link);
    }
    std::sort(producers.begin(), producers.end());
    producers.erase(std::unique(producers.begin(), producers.end()), producers.end());
    return !producers.empty() ? Reach::Linked : unknown ? Reach::Unknown : Reach::Broken;
  }

  void endpoints(ObservedGraph &graph) const {
    using EndpointKey = std::tuple<uint32_t, Role, uint32_t, uint32_t>; // channel, role, service, group
    struct Found {
      ObservedEndpoint endpoint;
      uint64_t received = 0; // a consumer's receive-only messages
    };
    struct KeyHash {
      size_t operator()(const EndpointKey &k) const {
        auto [channel, role, service, group] = k;
        return (size_t(channel) * 0x9E3779B97F4A7C15ULL) ^ (size_t(service) << 21) ^ (size_t(group) << 42) ^
               size_t(role == Role::Produce);
      }
    };
    std::unordered_map<EndpointKey, Found, KeyHash> found; // sorted after, by name
    std::unordered_map<uint32_t, uint64_t> produced;       // by channel
    std::unordered_map<uint32_t, std::vector<uint32_t>> producersOf; // by channel, in file order
    // (producer's channel, consumer's service, group, producer span): one per message reached
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> deliveries;
    std::map<std::tuple<uint32_t, uint32_t, uint32_t>, uint32_t> deliveryExample;
    std::vector<uint32_t> producers;
    for (uint32_t i = 0; i < spans_.size(); ++i) {
      const TraceSpan &s = spans_[i];
      if (duplicate_[i] || s.role == SpanRole::None || s.channel == TraceSpan::kNoName)
        continue;
      Role role = s.role == SpanRole::Produce ? Role::Produce : Role::Consume;
      EndpointKey key{s.channel, role, s.service, s.group};
      Found &slot = found[key];
      ObservedEndpoint &e = slot.endpoint;
      if (e.spans++ == 0) {
        e.service = name(s.service);
        e.channel = name(s.channel);
        e.role = role;
        e.group = name(s.group);
        e.example = example(i);
      }
      if (e.system.empty())
        e.system = name(s.system);
      if (role == Role::Produce) {
        e.messages += s.messages;
        produced[s.channel] += s.messages;
        producersOf[s.channel].push_back(i);
        continue;
      }
      if (s.process)
        e.messages += s.messages;
      else
        slot.received += s.messages;
      producers.clear();
      switch (reach(i, producers)) {
      case Reach::Linked:
        ++e.linkedSpans;
        for (uint32_t p : producers) {
          // A message of another channel is not one this consumer missed or got (a consumer
          // span under an unrelated producer, or ids that a tool made equal).
          if (spans_[p].channel == TraceSpan::kNoName ||
              (spans_[p].channel != s.channel && !sameObservedChannel(name(s.channel), name(spans_[p].channel))))
            continue;
          deliveries.emplace_back(spans_[p].channel, s.service, s.group, p);
          deliveryExample.try_emplace(std::tuple{spans_[p].channel, s.service, s.group}, i);
        }
        break;
      case Reach::Unknown:
        ++e.unknownSpans;
        break;
      case Reach::Broken:
        if (e.brokenSpans++ == 0)
          e.brokenExample = example(i);
        break;
      }
    }
    for (auto &[key, slot] : found) {
      ObservedEndpoint &e = slot.endpoint;
      if (e.role == Role::Consume && e.messages == 0)
        e.messages = slot.received; // no processing spans recorded: count what it received
      graph.endpoints.push_back(std::move(e));
    }
    std::sort(graph.endpoints.begin(), graph.endpoints.end(), [](const ObservedEndpoint &a, const ObservedEndpoint &b) {
      return std::tie(a.channel, a.role, a.service, a.group) < std::tie(b.channel, b.role, b.service, b.group);
    });

    std::sort(deliveries.begin(), deliveries.end());
    deliveries.erase(std::unique(deliveries.begin(), deliveries.end()), deliveries.end());
    // Per consumer: the producer spans it reached are one sorted run of `deliveries`; the
    // first producer span of the channel outside that run is a message it missed.
    for (size_t first = 0; first < deliveries.size();) {
      const auto &[channel, service, group, unused] = deliveries[first];
      size_t last = first;
      uint64_t count = 0;
      while (last < deliveries.size() && std::get<0>(deliveries[last]) == channel &&
             std::get<1>(deliveries[last]) == service && std::get<2>(deliveries[last]) == group)
        count += spans_[std::get<3>(deliveries[last++])].messages;
      ObservedDelivery d;
      d.channel = name(channel);
      d.service = name(service);
      d.group = name(group);
      d.produced = produced[channel];
      d.reached = count;
      d.example = example(deliveryExample.at({channel, service, group}));
      for (uint32_t p : producersOf[channel]) {
        auto reachedIt = std::lower_bound(deliveries.begin() + first, deliveries.begin() + last,
                                          std::tuple{channel, service, group, p});
        if (reachedIt == deliveries.begin() + last || std::get<3>(*reachedIt) != p) {
          d.missed = example(p);
          break;
        }
      }
      graph.deliveries.push_back(std::move(d));
      first = last;
    }
    std::sort(graph.deliveries.begin(), graph.deliveries.end(), [](const ObservedDelivery &a, const ObservedDelivery &b) {
      return std::tie(a.channel, a.service, a.group) < std::tie(b.channel, b.service, b.group);
    });
  }

  void triggers(ObservedGraph &graph) const {
    std::map<std::tuple<uint32_t, uint32_t, uint32_t>, ObservedTrigger> found; // service, from, to
    for (uint32_t i = 0; i < spans_.size(); ++i) {
      const TraceSpan &p = spans_[i];
      if (duplicate_[i] || p.role != SpanRole::Produce || p.channel == TraceSpan::kNoName)
        continue;
      std::vector<uint32_t> from; // the channels this producer span was found to come from
      auto record = [&](const TraceSpan &consumer) {
        if (std::find(from.begin(), from.end(), consumer.channel) != from.end())
          return; // counted once per producer span
        from.push_back(consumer.channel);
        ObservedTrigger &t = found[{p.service, consumer.channel, p.channel}];
        if (t.count++ == 0) {
          t.service = name(p.service);
          t.from = name(consumer.channel);
          t.to = name(p.channel);
          t.example = example(i);
        }
      };
      // A producer span that links to the consumer spans it was made for (a batch handler
      // that publishes once for many messages records them as links, not as its parent).
      bool linked = false;
      for (const SpanKey &link : p.links) {
        auto [first, last] = find(link, i);
        for (const Indexed *it = first; it != last; ++it) {
          const TraceSpan &c = spans_[it->index];
          if (!duplicate_[it->index] && c.service == p.service && c.role == SpanRole::Consume &&
              c.channel != TraceSpan::kNoName && c.channel != p.channel) {
            record(c);
            linked = true;
          }
        }
      }
      if (linked)
        continue;
      // Up through the producer's own service to the consumer span it was made under.
      uint32_t at = i;
      for (int depth = 0; spans_[at].parent != 0 && depth < 256; ++depth) {
        // The parent in the producer's own service (Zipkin's shared spans have two halves).
        auto [first, last] = find({p.key.traceHi, p.key.traceLo, spans_[at].parent}, at);
        const Indexed *same = std::find_if(first, last, [&](const Indexed &j) { return spans_[j.index].service == p.service; });
        if (same == last)
          break;
        at = same->index;
        const TraceSpan &up = spans_[at];
        if (up.role == SpanRole::Consume && up.channel != TraceSpan::kNoName) {
          if (up.channel != p.channel) // a message put back on the channel it came from (a retry) leads to no other
            record(up);
          break;
        }
      }
    }
    for (auto &[key, t] : found)
      graph.triggers.push_back(std::move(t));
    std::sort(graph.triggers.begin(), graph.triggers.end(), [](const ObservedTrigger &a, const ObservedTrigger &b) {
      return std::tie(a.service, a.from, a.to) < std::tie(b.service, b.from, b.to);
    });
  }

  const ObservedSpans &in_;
  const std::vector<TraceSpan> &spans_;
  std::vector<Indexed> byKey_;
  std::vector<bool> duplicate_;
};

} // namespace

ObservedGraph observe(const ObservedSpans &spans) { return Observer(spans).run(); }

} // namespace eventscope
