#include "analyzer/contracts/manifest.h"

#include "analyzer/documents/yaml_input.h"

#include <set>

namespace eventscope {

static void loadManifest(const YAML::Node &doc, const std::string &file, EventGraph &graph) {
  if (!doc.IsMap() || !doc["service"])
    throw InputError(locationOf(doc, file), "each document of a manifest needs a `service` key");
  rejectUnknownKeys(doc, {"service", "description", "produces", "consumes", "triggers"}, file, "a manifest");
  const std::string service = scalarOf(doc["service"], file, "`service`");
  if (service.empty())
    throw InputError(locationOf(doc["service"], file), "`service` must not be empty");
  graph.addService(service, locationOf(doc["service"], file));

  std::set<std::pair<std::string, Role>> declared;
  auto addEndpoint = [&](const std::string &channel, Role role, const Location &location) {
    if (channel.empty())
      throw InputError(location, "a channel name must not be empty");
    if (!declared.emplace(channel, role).second)
      return; // listed twice, or both listed and named by a trigger: one endpoint
    graph.addEndpoint(Endpoint{service, channel, role, location, Origin::Manifest, "manifest", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}});
  };
  for (auto &[channel, location] : locatedStringListOf(doc["produces"], file, "`produces`"))
    addEndpoint(channel, Role::Produce, location);
  for (auto &[channel, location] : locatedStringListOf(doc["consumes"], file, "`consumes`"))
    addEndpoint(channel, Role::Consume, location);

  const YAML::Node triggers = doc["triggers"];
  if (!triggers || triggers.IsNull())
    return;
  if (!triggers.IsMap())
    throw InputError(locationOf(triggers, file), "`triggers` must map a consumed channel to the channels it leads to");
  for (const auto &entry : triggers) {
    std::string from = scalarOf(entry.first, file, "a channel in `triggers`");
    Location fromLocation = locationOf(entry.first, file);
    // A trigger states both a consume and a produce; a channel missing from
    // `consumes`/`produces` is added rather than dropped.
    addEndpoint(from, Role::Consume, fromLocation);
    for (auto &[to, location] : locatedStringListOf(entry.second, file, "the channels triggered by " + from)) {
      addEndpoint(to, Role::Produce, location);
      graph.addTrigger(Trigger{service, from, to, {}, location, Origin::Manifest});
    }
  }
}

void loadManifestDocuments(const std::vector<YAML::Node> &documents, const std::string &file, EventGraph &graph) {
  for (const YAML::Node &doc : documents)
    if (!doc.IsNull()) // an empty document, e.g. after a trailing `---`
      loadManifest(doc, file, graph);
}

} // namespace eventscope
