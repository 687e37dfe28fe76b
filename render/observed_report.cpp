#include "render/observed_report.h"

#include "model/json_text.h"
#include "render/observed_json.h"

#include <map>

namespace eventscope {

void writeObservedJson(std::ostream &out, const ObservedGraph &observed) {
  out << jsonText(observedJson(observed), 2) << "\n";
}

void writeObservedText(std::ostream &out, const ObservedGraph &observed) {
  out << "traces: " << observed.files.size() << " file(s), " << observed.spans << " span(s), "
      << observed.messagingSpans << " messaging span(s)\n";
  for (const TraceFileSummary &f : observed.files)
    out << "  " << f.file << " (" << f.format << "): " << f.spans << " span(s), " << f.messagingSpans
        << " messaging, " << f.withoutMessaging << " without messaging attributes, " << f.withoutDestination
        << " naming no destination" << (f.temporary ? ", " + std::to_string(f.temporary) + " on temporary destinations" : "")
        << "\n";
  std::map<std::string, std::vector<const ObservedEndpoint *>> byChannel;
  for (const ObservedEndpoint &e : observed.endpoints)
    byChannel[e.channel].push_back(&e);
  for (const auto &[channel, endpoints] : byChannel) {
    out << "\nchannel " << channel << "\n";
    for (const ObservedEndpoint *e : endpoints) {
      out << "  " << (e->role == Role::Produce ? "produced by " : "consumed by ") << e->service;
      if (!e->group.empty())
        out << " (group " << e->group << ")";
      out << ": " << e->messages << " message(s) in " << e->spans << " span(s)";
      if (!e->system.empty())
        out << " [" << e->system << "]";
      if (e->role == Role::Consume && e->brokenSpans)
        out << "; " << e->brokenSpans << " span(s) without context to a producer";
      out << "\n      e.g. trace " << e->example.traceId << " span " << e->example.spanId << "\n";
    }
    // Deliveries are counted on the producer's channel (a template covers the names consumed).
    for (const ObservedDelivery &d : observed.deliveries)
      if (d.channel == channel)
        out << "  its messages reached by " << d.service << (d.group.empty() ? "" : " (group " + d.group + ")")
            << ": " << d.reached << " of " << d.produced << "\n";
  }
  if (!observed.triggers.empty()) {
    out << "\ntriggers\n";
    for (const ObservedTrigger &t : observed.triggers)
      out << "  " << t.service << ": " << t.from << " -> " << t.to << " (" << t.count << " time(s))\n";
  }
}

} // namespace eventscope
