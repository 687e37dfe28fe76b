#include "render/reports.h"

#include "model/contracts.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace eventscope {

void writeContractsJson(std::ostream &out, const std::vector<ContractDocument> &contracts) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  for (const ContractDocument &c : contracts) {
    auto address = [&](size_t channel) {
      return c.channels[channel].addressIsNull ? Json(nullptr) : Json(c.channels[channel].address);
    };
    std::vector<Json> channels, endpoints;
    for (size_t i = 0; i < c.channels.size(); ++i)
      channels.push_back(address(i));
    for (const ContractOperation &op : c.operations)
      endpoints.push_back(Json::array({address(op.channel), roleName(op.role)}));
    // Sorted as the reference parser's reading in shared/corpus is (nulls first).
    std::sort(channels.begin(), channels.end());
    std::sort(endpoints.begin(), endpoints.end());
    Json item;
    item["file"] = c.file;
    item["service"] = c.service;
    item["title"] = c.title;
    item["version"] = c.version;
    item["channels"] = channels;
    item["endpoints"] = endpoints;
    item["messages"] = c.messages.size();
    list.push_back(std::move(item));
  }
  out << jsonText(list, 2) << "\n";
}

} // namespace eventscope
