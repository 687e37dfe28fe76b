#include "analyzer/contracts/traits_json.h"

#include <string>

namespace eventscope {

namespace {

using Json = nlohmann::ordered_json;

// RFC 7396: members of `patch` replace those of `target`; null removes; maps merge.
void mergePatch(Json &target, const Json &patch) {
  if (!patch.is_object()) {
    target = patch;
    return;
  }
  if (!target.is_object())
    target = Json::object();
  for (const auto &[key, value] : patch.items()) {
    if (value.is_null())
      target.erase(key);
    else
      mergePatch(target[key], value);
  }
}

// A `$ref` followed: a local one ("#/components/messageTraits/x") in `document`, one into
// another file through `external` (whose own local refs stay unresolved: null). Null when it
// cannot be followed.
const Json *follow(const Json &document, const Json &node, const ExternalRef &external, int hops = 0) {
  if (!node.is_object() || !node.contains("$ref"))
    return &node;
  const Json &ref = node["$ref"];
  if (!ref.is_string() || hops > 32)
    return nullptr;
  std::string pointer = ref.get<std::string>();
  if (pointer.rfind("#", 0) != 0) {
    const Json *target = external ? external(pointer) : nullptr;
    return target && !(target->is_object() && target->contains("$ref")) ? target : nullptr;
  }
  try {
    const Json &target = document.at(Json::json_pointer(pointer.substr(1)));
    return follow(document, target, external, hops + 1);
  } catch (const Json::exception &) {
    return nullptr;
  }
}

class TraitApplier {
public:
  TraitApplier(Json &document, const ExternalRef &external)
      : document_(document), original_(document), external_(external) {
    const Json &version = document["asyncapi"];
    v2_ = version.is_string() && version.get<std::string>().rfind("2.", 0) == 0;
  }

  void run() {
    if (v2_) {
      if (document_.contains("channels") && document_["channels"].is_object())
        for (auto &[name, channel] : document_["channels"].items())
          for (const char *action : {"publish", "subscribe"})
            if (channel.is_object() && channel.contains(action)) {
              Json &operation = channel[action];
              apply(operation);
              if (operation.is_object() && operation.contains("message"))
                messages(operation["message"]);
            }
    } else {
      if (document_.contains("operations") && document_["operations"].is_object())
        for (auto &[name, operation] : document_["operations"].items())
          apply(operation);
      if (document_.contains("channels") && document_["channels"].is_object())
        for (auto &[name, channel] : document_["channels"].items())
          if (channel.is_object() && channel.contains("messages") && channel["messages"].is_object())
            for (auto &[key, message] : channel["messages"].items())
              apply(message);
    }
    if (document_.contains("components") && document_["components"].is_object()) {
      Json &components = document_["components"];
      if (components.contains("messages") && components["messages"].is_object())
        for (auto &[key, message] : components["messages"].items())
          apply(message);
      if (components.contains("operations") && components["operations"].is_object())
        for (auto &[key, operation] : components["operations"].items())
          apply(operation);
      if (complete_) {
        components.erase("operationTraits");
        components.erase("messageTraits");
      }
    }
  }

private:
  void messages(Json &message) {
    if (message.is_object() && message.contains("oneOf") && message["oneOf"].is_array())
      for (Json &one : message["oneOf"])
        apply(one);
    else
      apply(message);
  }

  void apply(Json &object) {
    if (!object.is_object() || !object.contains("traits"))
      return;
    const Json &traits = object["traits"];
    if (!traits.is_array()) {
      complete_ = false;
      return;
    }
    Json merged = Json::object();
    for (const Json &entry : traits) {
      const Json *trait = follow(original_, entry, external_);
      if (!trait || !trait->is_object()) {
        complete_ = false; // kept as written: the diff sees it
        return;
      }
      mergePatch(merged, *trait);
    }
    Json own = object;
    own.erase("traits");
    if (v2_) { // the trait wins
      mergePatch(own, merged);
      object = std::move(own);
    } else { // the object wins
      mergePatch(merged, own);
      object = std::move(merged);
    }
  }

  Json &document_;
  const Json original_; // traits are read as written, before any is applied
  const ExternalRef &external_;
  bool v2_ = false;
  bool complete_ = true;
};

} // namespace

void applyTraits(Json &document, const ExternalRef &external) {
  if (!document.is_object())
    return;
  TraitApplier(document, external).run();
}

} // namespace eventscope
