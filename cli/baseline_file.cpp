#include "cli/baseline_file.h"

#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "model/json_text.h"

#include <llvm/Support/FileSystem.h>

#include <nlohmann/json.hpp>


namespace eventscope {

namespace {
constexpr int kBaselineVersion = 1;
}

std::string baselineFileText(const std::vector<BaselineEntry> &entries) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry &entry : entries) {
    nlohmann::ordered_json item;
    item["fingerprint"] = entry.fingerprint;
    item["rule"] = entry.rule;
    item["service"] = entry.service;
    item["channels"] = entry.channels;
    item["count"] = entry.count;
    item["message"] = entry.message;
    findings.push_back(std::move(item));
  }
  nlohmann::ordered_json document;
  document["eventscopeBaseline"] = kBaselineVersion;
  document["findings"] = std::move(findings);
  return jsonText(document, 2) + "\n";
}

std::vector<BaselineEntry> readBaselineFile(const std::string &path) {
  if (!llvm::sys::fs::exists(path))
    throw InputError({path, 0, 0, ""}, "cannot read the baseline file (write one with `eventscope baseline write " +
                                           path + "`)");
  std::string text = readInputFile(path, path); // the size limit and errors of every input
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error &e) {
    throw InputError({path, 0, 0, ""}, std::string("the baseline file is not valid JSON: ") + e.what());
  }
  auto wrongShape = [&](const std::string &pointer, const std::string &what) {
    return InputError({path, 0, 0, pointer}, "not an eventscope baseline: " + what);
  };
  if (!document.is_object() || !document.contains("eventscopeBaseline"))
    throw wrongShape("", "expected an object with `eventscopeBaseline` and `findings`");
  if (document["eventscopeBaseline"] != kBaselineVersion)
    throw wrongShape("/eventscopeBaseline", "unsupported version " + jsonText(document["eventscopeBaseline"]) +
                                                " (this eventscope reads version 1)");
  if (!document.contains("findings") || !document["findings"].is_array())
    throw wrongShape("/findings", "`findings` must be an array");
  std::vector<BaselineEntry> entries;
  const nlohmann::json &findings = document["findings"];
  for (size_t i = 0; i < findings.size(); ++i) {
    const nlohmann::json &item = findings[i];
    std::string at = "/findings/" + std::to_string(i);
    if (!item.is_object() || !item.contains("fingerprint") || !item["fingerprint"].is_string())
      throw wrongShape(at, "each finding needs a string `fingerprint`");
    BaselineEntry entry;
    entry.fingerprint = item["fingerprint"].get<std::string>();
    entry.rule = item.value("rule", "");
    entry.service = item.value("service", "");
    if (item.contains("channels") && item["channels"].is_array())
      for (const nlohmann::json &channel : item["channels"])
        if (channel.is_string())
          entry.channels.push_back(channel.get<std::string>());
    entry.message = item.value("message", "");
    if (item.contains("count")) {
      if (!item["count"].is_number_unsigned() || item["count"].get<size_t>() == 0)
        throw wrongShape(at + "/count", "`count` must be a positive integer");
      entry.count = item["count"].get<size_t>();
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

} // namespace eventscope
