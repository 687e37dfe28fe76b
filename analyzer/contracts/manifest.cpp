#include "analyzer/contracts/manifest.h"

#include "model/input_error.h"

#include <set>

namespace eventscope {

static void loadManifest(DocValue doc, EventGraph &graph) {
  if (!doc.isMap() || !doc.get("service"))
    doc.fail("each document of a manifest needs a `service` key");
  doc.rejectUnknownKeys({"service", "description", "produces", "consumes", "triggers"}, "a manifest");
  const std::string service = doc.get("service").scalar("`service`");
  if (service.empty())
    doc.get("service").fail("`service` must not be empty");
  graph.addService(service, doc.get("service").location());

  std::set<std::pair<std::string, Role>> declared;
  auto addEndpoint = [&](const std::string &channel, Role role, const Location &location) {
    if (channel.empty())
      throw InputError(location, "a channel name must not be empty");
    if (!declared.emplace(channel, role).second)
      return; // listed twice, or both listed and named by a trigger: one endpoint
    graph.addEndpoint(Endpoint{service, channel, role, location, Origin::Manifest, "manifest", "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  };
  for (auto &[channel, location] : doc.get("produces").locatedStringList("`produces`"))
    addEndpoint(channel, Role::Produce, location);
  for (auto &[channel, location] : doc.get("consumes").locatedStringList("`consumes`"))
    addEndpoint(channel, Role::Consume, location);

  DocValue triggers = doc.get("triggers");
  if (triggers.isNull())
    return;
  if (!triggers.isMap())
    triggers.fail("`triggers` must map a consumed channel to the channels it leads to");
  for (const auto &[key, value] : triggers.entries()) {
    std::string from = key.scalar("a channel in `triggers`");
    // A trigger states both a consume and a produce; a channel missing from
    // `consumes`/`produces` is added rather than dropped.
    addEndpoint(from, Role::Consume, key.location());
    for (auto &[to, location] : value.locatedStringList("the channels triggered by " + from)) {
      addEndpoint(to, Role::Produce, location);
      graph.addTrigger(Trigger{service, from, to, {}, location, Origin::Manifest});
    }
  }
}

void loadManifestDocuments(const std::vector<DocValue> &documents, EventGraph &graph) {
  for (DocValue doc : documents)
    if (!doc.isNull()) // an empty document, e.g. after a trailing `---`
      loadManifest(doc, graph);
}

} // namespace eventscope
