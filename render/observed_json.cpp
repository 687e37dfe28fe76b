#include "render/observed_json.h"

namespace eventscope {
namespace {

using Json = nlohmann::ordered_json;

Json example(const TraceExample &e) {
  Json item;
  item["file"] = e.at.file;
  item["line"] = e.at.line;
  item["pointer"] = e.at.pointer;
  item["trace_id"] = e.traceId;
  item["span_id"] = e.spanId;
  return item;
}

} // namespace

Json observedJson(const ObservedGraph &observed) {
  Json files = Json::array();
  for (const TraceFileSummary &f : observed.files) {
    Json item;
    item["file"] = f.file;
    item["format"] = f.format;
    item["spans"] = f.spans;
    item["messaging_spans"] = f.messagingSpans;
    item["without_messaging"] = f.withoutMessaging;
    item["without_destination"] = f.withoutDestination;
    item["temporary"] = f.temporary;
    item["unreadable"] = f.unreadable;
    Json unknown = Json::object();
    for (const auto &[name, count] : f.unknownAttributes)
      unknown[name] = count;
    item["unknown_attributes"] = std::move(unknown);
    files.push_back(std::move(item));
  }
  Json endpoints = Json::array();
  for (const ObservedEndpoint &e : observed.endpoints) {
    Json item;
    item["service"] = e.service;
    item["channel"] = e.channel;
    item["role"] = roleName(e.role);
    if (!e.group.empty())
      item["group"] = e.group;
    if (!e.system.empty())
      item["system"] = e.system;
    item["spans"] = e.spans;
    item["messages"] = e.messages;
    if (e.role == Role::Consume) {
      item["linked_spans"] = e.linkedSpans;
      item["unknown_spans"] = e.unknownSpans;
      item["broken_spans"] = e.brokenSpans;
    }
    item["example"] = example(e.example);
    endpoints.push_back(std::move(item));
  }
  Json triggers = Json::array();
  for (const ObservedTrigger &t : observed.triggers) {
    Json item;
    item["service"] = t.service;
    item["from"] = t.from;
    item["to"] = t.to;
    item["count"] = t.count;
    item["example"] = example(t.example);
    triggers.push_back(std::move(item));
  }
  Json deliveries = Json::array();
  for (const ObservedDelivery &d : observed.deliveries) {
    Json item;
    item["channel"] = d.channel;
    item["service"] = d.service;
    if (!d.group.empty())
      item["group"] = d.group;
    item["produced"] = d.produced;
    item["reached"] = d.reached;
    item["example"] = example(d.example);
    if (!d.missed.at.empty())
      item["missed"] = example(d.missed);
    deliveries.push_back(std::move(item));
  }
  Json document;
  document["files"] = std::move(files);
  document["endpoints"] = std::move(endpoints);
  document["triggers"] = std::move(triggers);
  document["deliveries"] = std::move(deliveries);
  return document;
}

} // namespace eventscope
