#include "model/channel_match.h"
#include "render/asyncapi_export.h"

#include "model/contracts.h"
#include "model/input_error.h"
#include "model/text_distance.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace eventscope {
namespace {

using Json = nlohmann::ordered_json;

// Component and channel keys: letters, digits, '.', '-', '_' (what AsyncAPI 3 allows for
// component keys), made unique with a numbered suffix.
std::string uniqueKey(const std::string &wanted, std::set<std::string> &taken) {
  std::string key;
  for (char c : wanted)
    key += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' ? c : '_';
  if (key.empty())
    key = "unnamed";
  std::string candidate = key;
  for (int n = 2; !taken.insert(candidate).second; ++n)
    candidate = key + "_" + std::to_string(n);
  return candidate;
}

std::string locationText(const Location &at) {
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// 3.0 servers take a host (and pathname) without the scheme; 2.x had a url.
Json serverOf(const ContractServer &server) {
  std::string rest = server.host;
  if (size_t scheme = rest.find("://"); scheme != std::string::npos)
    rest = rest.substr(scheme + 3);
  Json out;
  size_t slash = rest.find('/');
  out["host"] = rest.substr(0, slash);
  if (slash != std::string::npos && slash + 1 < rest.size())
    out["pathname"] = rest.substr(slash);
  out["protocol"] = server.protocol;
  return out;
}

Json messageOf(const ContractMessage &message) {
  Json out;
  out["name"] = message.name;
  if (!message.contentType.empty())
    out["contentType"] = message.contentType;
  if (!message.headersSchema.empty())
    out["headers"] = Json::parse(message.headersSchema);
  if (!message.payloadSchema.empty()) {
    Json payload = Json::parse(message.payloadSchema);
    if (message.schemaFormat.empty())
      out["payload"] = payload;
    else
      out["payload"] = Json{{"schemaFormat", message.schemaFormat}, {"schema", payload}};
  }
  return out;
}

// `{name}` expressions of an address, which 3.0 wants declared as parameters.
std::vector<std::string> addressParameters(const std::string &address) {
  std::vector<std::string> names;
  for (size_t open = address.find('{'); open != std::string::npos; open = address.find('{', open + 1))
    if (size_t close = address.find('}', open); close != std::string::npos && close > open + 1)
      names.push_back(address.substr(open + 1, close - open - 1));
  return names;
}

// A string YAML reads back as the same string without quotes: a word of letters, digits and
// `_$.-/` that starts with a letter, `_` or `$` and is not one of YAML 1.1's booleans or null.
bool plainSafe(const std::string &text) {
  static const std::set<std::string> special = {"y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO",
                                                "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
                                                "ON", "off", "Off", "OFF", "null", "Null", "NULL"};
  if (text.empty() || special.count(text) || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_' || text[0] == '$'))
    return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string("_$.-/").find(c) == std::string::npos)
      return false;
  return true;
}

// YAML for a JSON value, block style; a string that is not plain-safe is double-quoted
// (JSON's escapes are YAML's), so no value changes type on the way.
void writeYaml(std::ostream &out, const Json &value, int indent, bool inSequence) {
  std::string pad(indent, ' ');
  auto scalar = [](const Json &v) {
    return v.is_string() && plainSafe(v.get<std::string>()) ? v.get<std::string>() : jsonText(v);
  };
  auto isEmptyContainer = [](const Json &v) { return v.is_structured() && v.empty(); };
  if (value.is_object()) {
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out << (first && inSequence ? "" : pad) << scalar(Json(it.key())) << ":";
      first = false;
      const Json &v = it.value();
      if (v.is_structured() && !isEmptyContainer(v)) {
        out << "\n";
        writeYaml(out, v, indent + 2, false);
      } else
        out << " " << scalar(v) << "\n";
    }
  } else if (value.is_array()) {
    for (const Json &item : value) {
      out << pad << "- ";
      if (item.is_structured() && !isEmptyContainer(item))
        writeYaml(out, item, indent + 2, true);
      else
        out << scalar(item) << "\n";
    }
  }
}

} // namespace

std::string exportAsyncApi(const EventGraph &graph, const std::string &service, ExportFormat format) {
  if (!graph.services().count(service)) {
    std::vector<std::string> names;
    for (const auto &[name, s] : graph.services())
      names.push_back(name);
    auto suggestion = closestMatch(service, names);
    throw InputError({}, "names no service" + (suggestion ? "; did you mean '" + *suggestion + "'?" : std::string()));
  }
  std::vector<const ContractDocument *> contracts;
  for (const ContractDocument &c : graph.contracts())
    if (c.service == service)
      contracts.push_back(&c);

  Json doc;
  doc["asyncapi"] = "3.0.0";
  Json info;
  info["title"] = contracts.empty() ? service : contracts.front()->title;
  info["version"] = contracts.empty() || contracts.front()->infoVersion.empty() ? "0.0.0" : contracts.front()->infoVersion;
  std::string description = "Generated by eventscope from the code of " + service;
  for (const ContractDocument *c : contracts)
    description += (c == contracts.front() ? " and the contract " : ", ") + c->file;
  info["description"] = description + ".";
  info["x-eventscope-service"] = service;
  doc["info"] = info;

  Json servers = Json::object();
  std::set<std::string> serverKeys;
  for (const ContractDocument *c : contracts)
    for (const ContractServer &s : c->servers)
      if (!s.protocol.empty() && !s.host.empty() && !serverKeys.count(s.name))
        servers[uniqueKey(s.name, serverKeys)] = serverOf(s);
  if (!servers.empty())
    doc["servers"] = servers;

  // Per channel address: what the contracts call it and the messages they give it; per
  // (address, role): the operation's id there and where the code shows it.
  struct ChannelInfo {
    std::string contractId;
    std::vector<const ContractMessage *> messages;
  };
  // A contract operation's `reply` (AsyncAPI 3.0, Operation Reply Object): its channel's
  // address key, or its run-time address expression.
  struct ReplyInfo {
    std::string addressKey;
    std::string location;
  };
  struct OperationInfo {
    std::string contractId;
    std::set<std::string> origins;
    std::vector<std::string> locations;
    std::vector<ReplyInfo> replies;
  };
  std::map<std::string, ChannelInfo> channels;
  std::map<std::pair<std::string, Role>, OperationInfo> operations;
  std::set<std::pair<std::string, Role>> replyEnds; // the contracts' replies, as the graph has them
  // A channel whose address is unknown (null) is kept apart, under a NUL and its key: no
  // address can be that, and it is written back with `address: null`.
  auto addressKey = [](const ContractChannel &channel) {
    return channel.addressIsNull ? std::string(1, '\0') + channel.id : channel.address;
  };
  for (const ContractDocument *c : contracts) {
    for (const ContractChannel &channel : c->channels) {
      if (channel.implicit)
        continue; // a reply's channel the document does not name: written with the reply
      ChannelInfo &info = channels[addressKey(channel)];
      if (info.contractId.empty())
        info.contractId = channel.id;
      for (size_t m : channel.messages)
        if (std::find(info.messages.begin(), info.messages.end(), &c->messages[m]) == info.messages.end())
          info.messages.push_back(&c->messages[m]);
    }
    for (const ContractOperation &op : c->operations) {
      if (op.isReply()) {
        // Written inside the operation it answers, and not as an operation of its own.
        const ContractOperation &request = c->operations[op.replyTo];
        const ContractChannel &channel = c->channels[op.channel];
        std::string key = channel.implicit ? "" : addressKey(channel);
        operations[{addressKey(c->channels[request.channel]), request.role}].replies.push_back({key, op.replyAddress});
        if (!channel.addressIsNull)
          replyEnds.insert({channel.address, op.role});
        continue;
      }
      OperationInfo &info = operations[{addressKey(c->channels[op.channel]), op.role}];
      if (info.contractId.empty())
        info.contractId = op.id;
      info.origins.insert("contract");
    }
  }
  for (const Endpoint &e : graph.endpoints())
    if (e.service == service && !(e.origin == Origin::Contract && replyEnds.count({e.channel, e.role}))) {
      channels[e.channel];
      OperationInfo &info = operations[{e.channel, e.role}];
      info.origins.insert(std::string(originName(e.origin)));
      if (e.origin != Origin::Contract)
        info.locations.push_back(locationText(e.location));
    }

  Json channelsJson = Json::object();
  std::set<std::string> channelKeys;
  std::map<std::string, std::string> channelKeyOf;
  std::map<std::string, std::vector<std::string>> messageKeysOf;
  for (const auto &[address, info] : channels) {
    std::string key = uniqueKey(info.contractId.empty() ? address : info.contractId, channelKeys);
    channelKeyOf[address] = key;
    bool unknown = !address.empty() && address[0] == '\0';
    Json channel;
    // AsyncAPI has no prefix subscriptions: `A{...}` (ZeroMQ) is written `A{rest}`, with
    // `rest` said to be any text, and x-eventscope-prefix to keep what it was.
    bool prefix = !unknown && isPrefixPattern(address);
    std::string written =
        prefix ? address.substr(0, address.size() - std::string_view(kAnyRest).size()) + "{rest}" : address;
    channel["address"] = unknown ? Json(nullptr) : Json(written);
    if (prefix)
      channel["x-eventscope-prefix"] = true;
    std::set<std::string> messageKeys;
    Json messages = Json::object();
    for (const ContractMessage *message : info.messages) {
      std::string messageKey = uniqueKey(message->name, messageKeys);
      messages[messageKey] = messageOf(*message);
      messageKeysOf[address].push_back(messageKey);
    }
    if (!messages.empty())
      channel["messages"] = messages;
    Json parameters = Json::object();
    for (const std::string &name : unknown ? std::vector<std::string>() : addressParameters(written))
      parameters[name] = prefix && name == "rest"
                             ? Json{{"description", "Any text, or none: the channel is a subscription by prefix."}}
                             : Json::object();
    if (!parameters.empty())
      channel["parameters"] = parameters;
    channelsJson[key] = channel;
  }
  doc["channels"] = channelsJson;

  Json operationsJson = Json::object();
  std::set<std::string> operationKeys;
  for (const auto &[key, info] : operations) {
    const auto &[address, role] = key;
    std::string channelKey = channelKeyOf.at(address);
    std::string action = role == Role::Produce ? "send" : "receive";
    std::string id = uniqueKey(info.contractId.empty() ? action + "_" + channelKey : info.contractId, operationKeys);
    Json op;
    op["action"] = action;
    op["channel"] = Json{{"$ref", "#/channels/" + channelKey}};
    if (auto it = messageKeysOf.find(address); it != messageKeysOf.end()) {
      Json refs = Json::array();
      for (const std::string &messageKey : it->second)
        refs.push_back(Json{{"$ref", "#/channels/" + channelKey + "/messages/" + messageKey}});
      op["messages"] = refs;
    }
    for (const ReplyInfo &r : info.replies) {
      Json reply = Json::object();
      if (!r.location.empty())
        reply["address"] = Json{{"location", r.location}};
      if (!r.addressKey.empty()) {
        const std::string &replyChannel = channelKeyOf.at(r.addressKey);
        reply["channel"] = Json{{"$ref", "#/channels/" + replyChannel}};
        if (auto it = messageKeysOf.find(r.addressKey); it != messageKeysOf.end()) {
          Json refs = Json::array();
          for (const std::string &messageKey : it->second)
            refs.push_back(Json{{"$ref", "#/channels/" + replyChannel + "/messages/" + messageKey}});
          reply["messages"] = refs;
        }
      }
      op["reply"] = reply; // the spec allows one; a second contract's is the same or later
    }
    std::vector<std::string> locations = info.locations;
    std::sort(locations.begin(), locations.end());
    locations.erase(std::unique(locations.begin(), locations.end()), locations.end());
    op["x-eventscope"] = Json{{"origin", Json(std::vector<std::string>(info.origins.begin(), info.origins.end()))},
                              {"locations", locations}};
    operationsJson[id] = op;
  }
  doc["operations"] = operationsJson;

  std::ostringstream out;
  if (format == ExportFormat::Json)
    out << jsonText(doc, 2) << "\n";
  else
    writeYaml(out, doc, 0, false);
  return out.str();
}

} // namespace eventscope
