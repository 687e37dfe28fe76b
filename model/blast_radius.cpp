#include "model/blast_radius.h"

#include <deque>
#include <map>

namespace eventscope {

BlastRadius blastRadius(const EventGraph &graph, const std::vector<std::string> &changedFiles) {
  BlastRadius radius;
  radius.changedFiles.insert(changedFiles.begin(), changedFiles.end());
  auto changed = [&](const Location &location) { return radius.changedFiles.count(location.file) > 0; };
  for (const Endpoint &endpoint : graph.endpoints())
    if (changed(endpoint.location))
      radius.touchedChannels.insert(endpoint.channel);
  for (const Trigger &trigger : graph.triggers())
    if (changed(trigger.location)) {
      radius.touchedChannels.insert(trigger.from);
      radius.touchedChannels.insert(trigger.to);
    }

  // Downstream: a channel reaches its consumers (and the channels it is linked to through
  // parameters or wildcards); a consumer's triggers reach what it produces in turn.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> producedOnConsume; // (service, from)
  for (const Trigger &trigger : graph.triggers())
    producedOnConsume[{trigger.service, trigger.from}].push_back(trigger.to);
  std::deque<std::string> queue(radius.touchedChannels.begin(), radius.touchedChannels.end());
  radius.channels = radius.touchedChannels;
  while (!queue.empty()) {
    std::string address = queue.front();
    queue.pop_front();
    auto channel = graph.channels().find(address);
    if (channel == graph.channels().end())
      continue;
    auto reach = [&](const std::string &next) {
      if (radius.channels.insert(next).second)
        queue.push_back(next);
    };
    // Its consumers, and the consumers of the patterns that cover it (`orders.*`, `>`); a
    // pattern is where messages are received, not a channel they travel on further.
    std::vector<std::string> receivedAs{address};
    for (const std::string &linked : channel->second.linked) {
      radius.channels.insert(linked);
      receivedAs.push_back(linked);
    }
    for (const std::string &received : receivedAs) {
      auto receiving = graph.channels().find(received);
      if (receiving == graph.channels().end())
        continue;
      for (size_t index : receiving->second.consumers) {
        const Endpoint &consumer = graph.endpoints()[index];
        radius.downstreamServices.insert(consumer.service);
        if (auto it = producedOnConsume.find({consumer.service, received}); it != producedOnConsume.end())
          for (const std::string &next : it->second)
            reach(next);
      }
    }
  }
  return radius;
}

void keepFindingsInBlastRadius(std::vector<Finding> &findings, const BlastRadius &radius) {
  std::vector<Finding> kept;
  for (Finding &f : findings) {
    bool involved = radius.changedFiles.count(f.location.file) > 0;
    for (const std::string &channel : f.channels)
      involved = involved || radius.channels.count(channel) > 0;
    if (involved)
      kept.push_back(std::move(f));
  }
  findings = std::move(kept);
}

} // namespace eventscope
