#include "render/reports.h"
#include "model/json_text.h"
#include "render/observed_json.h"

#include <nlohmann/json.hpp>

namespace eventscope {
namespace {

using Json = nlohmann::ordered_json;

void putLocation(Json &object, const Location &location) {
  object["file"] = location.file;
  object["line"] = location.line;
  object["column"] = location.column;
  if (!location.pointer.empty())
    object["pointer"] = location.pointer;
}

} // namespace

void writeJsonReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &) {
  Json list = Json::array();
  for (const Finding &f : findings) {
    Json item;
    item["rule"] = f.rule;
    item["severity"] = severityName(f.severity);
    item["message"] = f.message;
    putLocation(item, f.location);
    if (!f.service.empty())
      item["service"] = f.service;
    item["channels"] = f.channels;
    Json notes = Json::array();
    for (const Note &note : f.notes) {
      Json n;
      putLocation(n, note.location);
      n["message"] = note.message;
      notes.push_back(std::move(n));
    }
    item["notes"] = std::move(notes);
    item["fingerprint"] = f.fingerprint();
    list.push_back(std::move(item));
  }
  Json document;
  document["findings"] = std::move(list);
  out << jsonText(document, 2) << "\n";
}

void writeScanJson(std::ostream &out, const EventGraph &graph) {
  Json services = Json::array();
  for (const auto &[name, service] : graph.services())
    services.push_back(name);
  Json endpoints = Json::array();
  for (const Endpoint &e : graph.endpoints()) {
    Json item;
    item["service"] = e.service;
    item["channel"] = e.channel;
    item["role"] = roleName(e.role, e.kind);
    if (e.kind != ChannelKind::Topic)
      item["kind"] = channelKindName(e.kind);
    putLocation(item, e.location);
    item["origin"] = originName(e.origin);
    if (!e.api.empty())
      item["api"] = e.api;
    if (!e.handler.empty())
      item["handler"] = e.handler;
    if (e.origin == Origin::Code)
      item["value"] = channelValueName(e.value);
    if (!e.setting.empty())
      item["setting"] = e.setting;
    if (!e.nameInCode.empty())
      item["name_in_code"] = e.nameInCode;
    if (!e.launchedAt.empty())
      item["launched_at"] = formatLocation(e.launchedAt);
    if (!e.rosNode.name.empty())
      item["node"] = e.rosNode.name;
    if (!e.messageType.empty())
      item["message_type"] = e.messageType;
    if (!e.sentType.empty())
      item["sent_type"] = e.sentType;
    if (!e.madeAt.file.empty() && !(e.madeAt == e.location))
      item["made_at"] = formatLocation(e.madeAt);
    if (!e.apiAt.file.empty() && !(e.apiAt == e.location))
      item["api_at"] = formatLocation(e.apiAt);
    if (e.qos.known()) {
      Json qos;
      if (!e.qos.reliability.empty())
        qos["reliability"] = e.qos.reliability;
      if (!e.qos.durability.empty())
        qos["durability"] = e.qos.durability;
      if (!e.qos.history.empty())
        qos["history"] = e.qos.history;
      if (e.qos.depth >= 0)
        qos["depth"] = e.qos.depth;
      // Durations in nanoseconds, 0 for none (rmw's default), as rmw_time_t counts them.
      if (e.qos.deadlineNs >= 0)
        qos["deadline_ns"] = e.qos.deadlineNs;
      if (!e.qos.liveliness.empty())
        qos["liveliness"] = e.qos.liveliness;
      if (e.qos.leaseNs >= 0)
        qos["liveliness_lease_duration_ns"] = e.qos.leaseNs;
      item["qos"] = std::move(qos);
    }
    endpoints.push_back(std::move(item));
  }
  Json triggers = Json::array();
  for (const Trigger &t : graph.triggers()) {
    Json item;
    item["service"] = t.service;
    item["from"] = t.from;
    item["to"] = t.to;
    item["via"] = t.via;
    putLocation(item, t.location);
    item["origin"] = originName(t.origin);
    triggers.push_back(std::move(item));
  }
  Json unresolved = Json::array();
  for (const UnresolvedSite &u : graph.unresolved()) {
    Json item;
    item["service"] = u.service;
    putLocation(item, u.location);
    item["api"] = u.api;
    item["reason"] = u.reason;
    if (!u.apiAt.file.empty() && !(u.apiAt == u.location))
      item["api_at"] = formatLocation(u.apiAt);
    unresolved.push_back(std::move(item));
  }
  Json document;
  document["services"] = std::move(services);
  document["endpoints"] = std::move(endpoints);
  document["triggers"] = std::move(triggers);
  document["unresolved"] = std::move(unresolved);
  if (const ObservedGraph *observed = graph.observed())
    document["observed"] = observedJson(*observed); // with --traces only: the graph as it ran
  out << jsonText(document, 2) << "\n";
}

} // namespace eventscope
