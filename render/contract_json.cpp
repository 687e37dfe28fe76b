#include "render/reports.h"

#include "model/contracts.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace eventscope {

namespace {

using Json = nlohmann::ordered_json;

// The top-level property names of a schema held as JSON text, sorted ([] for none).
Json propertiesOf(const std::string &schema) {
  Json names = Json::array();
  if (schema.empty())
    return names;
  Json parsed = Json::parse(schema);
  if (parsed.is_object() && parsed.contains("properties") && parsed["properties"].is_object())
    for (const auto &[name, value] : parsed["properties"].items())
      names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

Json messageSummary(const ContractMessage &message) {
  return {{"headers", propertiesOf(message.headersSchema)}, {"payload", propertiesOf(message.payloadSchema)}};
}

} // namespace

void writeContractsJson(std::ostream &out, const std::vector<ContractDocument> &contracts) {
  Json list = Json::array();
  for (const ContractDocument &c : contracts) {
    auto address = [&](size_t channel) {
      return c.channels[channel].addressIsNull ? Json(nullptr) : Json(c.channels[channel].address);
    };
    std::vector<Json> channels, endpoints, operations;
    for (size_t i = 0; i < c.channels.size(); ++i)
      if (!c.channels[i].implicit)
        channels.push_back(address(i));
    // endpoints: the operations' channels as the reference parser lists them (replies apart).
    // operations: what each operation means: its channel and direction, whether it has a
    // security requirement (traits applied), its messages' top-level header and payload
    // properties, and its reply as [channel address, run-time address].
    for (size_t o = 0; o < c.operations.size(); ++o) {
      const ContractOperation &op = c.operations[o];
      if (op.isReply())
        continue;
      endpoints.push_back(Json::array({address(op.channel), roleName(op.role)}));
      Json messages = Json::array();
      for (size_t m : op.messages)
        messages.push_back(messageSummary(c.messages[m]));
      std::sort(messages.begin(), messages.end());
      Json item = {{"channel", address(op.channel)}, {"role", roleName(op.role)}, {"secured", op.secured},
                   {"messages", messages}};
      if (o + 1 < c.operations.size() && c.operations[o + 1].replyTo == o) {
        const ContractOperation &reply = c.operations[o + 1];
        item["reply"] = Json::array({c.channels[reply.channel].implicit ? Json(nullptr) : address(reply.channel),
                                     reply.replyAddress.empty() ? Json(nullptr) : Json(reply.replyAddress)});
      }
      operations.push_back(std::move(item));
    }
    // Sorted as the reference parser's reading in shared/corpus is (nulls first).
    std::sort(channels.begin(), channels.end());
    std::sort(endpoints.begin(), endpoints.end());
    std::sort(operations.begin(), operations.end());
    Json item;
    item["file"] = c.file;
    item["service"] = c.service;
    item["title"] = c.title;
    item["version"] = c.version;
    item["channels"] = channels;
    item["endpoints"] = endpoints;
    item["messages"] = c.messages.size();
    item["operations"] = operations;
    list.push_back(std::move(item));
  }
  out << jsonText(list, 2) << "\n";
}

} // namespace eventscope
