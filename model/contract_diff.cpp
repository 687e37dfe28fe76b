#include "model/contract_diff.h"
#include "model/json_pointer.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

namespace eventscope {
namespace {

using Json = nlohmann::json;

struct EmbeddedText {
  const char *name;
  const char *text;
};
const EmbeddedText kStandards[] = {
#include "diff_standards.inc"
};

// asyncapi/diff's table: pointer pattern -> verdict for add, remove, edit.
using Standard = std::map<std::string, std::array<Verdict, 3>>;

Verdict parseVerdict(const std::string &text) {
  return text == "breaking" ? Verdict::Breaking : text == "non-breaking" ? Verdict::NonBreaking : Verdict::Unclassified;
}

const Standard &standardFor(int major) {
  static const std::map<int, Standard> standards = [] {
    std::map<int, Standard> all;
    for (const EmbeddedText &embedded : kStandards) {
      int version = std::string(embedded.name).find("v2") != std::string::npos ? 2 : 3;
      std::istringstream lines(embedded.text);
      std::string line;
      std::getline(lines, line); // the header
      while (std::getline(lines, line)) {
        std::vector<std::string> cells;
        std::istringstream cellsOf(line);
        for (std::string cell; std::getline(cellsOf, cell, '\t');)
          cells.push_back(cell);
        if (cells.size() == 4)
          all[version][cells[0]] = {parseVerdict(cells[1]), parseVerdict(cells[2]), parseVerdict(cells[3])};
      }
    }
    return all;
  }();
  return standards.at(major == 2 ? 2 : 3);
}

std::vector<std::string> splitPointer(const std::string &pointer) {
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start <= pointer.size()) {
    size_t end = pointer.find('/', start);
    tokens.push_back(pointer.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return tokens;
}

std::string joinTokens(const std::vector<std::string> &tokens, size_t count) {
  std::string out;
  for (size_t i = 0; i < count && i < tokens.size(); ++i)
    out += (i ? "/" : "") + tokens[i];
  return out;
}

// The table's row for a pointer, found as asyncapi/diff finds it: prefix by prefix, each
// segment kept when the prefix is in the table, else replaced by `*` when that is.
std::optional<std::string> classifierPath(const Standard &standard, const std::string &pointer) {
  std::vector<std::string> tokens = splitPointer(pointer);
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string prefix = joinTokens(tokens, i + 1);
    if (prefix.empty() || standard.count(prefix))
      continue;
    std::vector<std::string> wild(tokens.begin(), tokens.begin() + i + 1);
    wild.back() = "*";
    if (!standard.count(joinTokens(wild, wild.size())))
      return std::nullopt;
    tokens[i] = "*";
  }
  return joinTokens(tokens, tokens.size());
}

Verdict tableVerdict(int major, const std::string &action, const std::string &pointer) {
  const Standard &standard = standardFor(major);
  auto path = classifierPath(standard, pointer);
  if (!path)
    return Verdict::Unclassified;
  const auto &row = standard.at(*path);
  return action == "add" ? row[0] : action == "remove" ? row[1] : row[2];
}

struct RawChange {
  std::string action, pointer, before, after;
};

// A document node as JSON (objects with std::map's key order, the last of duplicate keys
// winning, as a JSON parser reads them): for the text of a change, and to compare scalars.
Json jsonOf(const DocNode &node) {
  if (node.isMap()) {
    Json object = Json::object();
    for (const auto &[key, value] : node.entries())
      object[keyText(key)] = jsonOf(*value);
    return object;
  }
  if (node.isSequence()) {
    Json array = Json::array();
    for (const DocNode *item : node.items())
      array.push_back(jsonOf(*item));
    return array;
  }
  return node.isScalar() ? scalarValue<Json>(node) : Json();
}

// A map's members as JSON reads them: by key in std::string's order, the last of duplicate
// keys winning.
std::vector<DocEntry> jsonMembers(const DocNode &map) {
  std::vector<DocEntry> members(map.entries().begin(), map.entries().end());
  std::stable_sort(members.begin(), members.end(),
                   [](const DocEntry &a, const DocEntry &b) { return a.key->text() < b.key->text(); });
  std::vector<DocEntry> out;
  for (size_t i = 0; i < members.size(); ++i)
    if (i + 1 == members.size() || members[i + 1].key->text() != members[i].key->text())
      out.push_back(members[i]);
  return out;
}

// The value of `key` in a map as JSON reads it (the last of duplicate keys); nullptr when
// absent or when `node` is not a map.
const DocNode *member(const DocNode *node, std::string_view key) {
  const DocNode *found = nullptr;
  if (node && node->isMap())
    for (const auto &[k, v] : node->entries())
      if (k->text() == key)
        found = v;
  return found;
}

bool isJsonString(const DocNode *node) { return node && node->isScalar() && scalarValue<Json>(*node).is_string(); }

// Every difference of two documents as add/remove/edit at a JSON pointer, the way a JSON
// patch between their JSON values reads: objects by key, arrays by index, anything else
// replaced whole. Walks the document trees themselves (issue 24: converting two 50 MB
// documents to JSON values took most of the diff's 20 s and 2.2 GiB).
// The two documents' roots, for their local `$ref`s, and how many were followed on the way.
struct DiffRoots {
  const DocNode *before = nullptr, *after = nullptr;
  unsigned followed = 0;
};

// The node a local `$ref` map (`{$ref: '#/components/messages/Shipped'}`) points to in `root`
// (an RFC 6901 pointer in a URI fragment, section 6); nullptr
// for any other node, a reference to another file, or one that leads nowhere.
const DocNode *localTarget(const DocNode &node, const DocNode *root) {
  if (!root || !node.isMap() || node.entries().size() != 1)
    return nullptr;
  const DocNode *ref = node.get("$ref");
  if (!ref || !ref->isScalar() || !ref->text().starts_with("#/"))
    return nullptr;
  const DocNode *at = root;
  std::string_view rest = ref->text().substr(2);
  while (at) {
    size_t slash = rest.find('/');
    const std::string token = unescapeFragmentToken(rest.substr(0, slash));
    if (at->isMap()) {
      at = member(at, token);
    } else if (at->isSequence() && !token.empty() && token.size() < 10 &&
               std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               std::stoul(token) < at->items().size()) {
      at = at->items()[std::stoul(token)];
    } else {
      return nullptr;
    }
    if (slash == std::string_view::npos)
      break;
    rest = rest.substr(slash + 1);
  }
  return at;
}

void structuralDiff(const DocNode &a, const DocNode &b, std::string &pointer, std::vector<RawChange> &out,
                    DiffRoots roots) {
  // asyncapi/diff compares what the parser gives, every `$ref` replaced by its target: a
  // message moved into components behind a `$ref` is the same message (shared-cases re-run,
  // session 46: "remove .../Shipped/payload", breaking, for a change of layout only). Two
  // equal references are equal, and what they point to is compared where it is written.
  // Followed only where one side is written in place and the other refers to a definition
  // of the same name (`Shipped` and `$ref: '#/components/messages/Shipped'`): a change of
  // layout. Two references that differ, or one to a definition of another name (another
  // message, whose name the diff matches messages by), stay as written: said as changes.
  // At most 16 followed on one path: a recursive schema ends there.
  if (roots.followed < 16) {
    const DocNode *left = localTarget(a, roots.before), *right = localTarget(b, roots.after);
    auto lastToken = [](std::string_view path) { return unescapeFragmentToken(path.substr(path.rfind('/') + 1)); };
    const std::string key = lastToken(pointer);
    const DocNode *reference = left ? a.get("$ref") : right ? b.get("$ref") : nullptr;
    if ((left == nullptr) != (right == nullptr) && reference && lastToken(reference->text()) == key) {
      ++roots.followed;
      structuralDiff(left ? *left : a, right ? *right : b, pointer, out, roots);
      return;
    }
  }
  if (a.isMap() && b.isMap()) {
    std::vector<DocEntry> before = jsonMembers(a), after = jsonMembers(b);
    size_t i = 0, j = 0, length = pointer.size();
    while (i < before.size() || j < after.size()) {
      int order = i == before.size() ? 1 : j == after.size() ? -1 : before[i].key->text().compare(after[j].key->text());
      const DocEntry &entry = order <= 0 ? before[i] : after[j];
      appendPointerToken(pointer, entry.key->text());
      if (order < 0)
        out.push_back({"remove", pointer, jsonText(jsonOf(*before[i].value)), ""});
      else if (order > 0)
        out.push_back({"add", pointer, "", jsonText(jsonOf(*after[j].value))});
      else
        structuralDiff(*before[i].value, *after[j].value, pointer, out, roots);
      pointer.resize(length);
      i += order <= 0;
      j += order >= 0;
    }
    return;
  }
  if (a.isSequence() && b.isSequence()) {
    auto before = a.items(), after = b.items();
    size_t length = pointer.size();
    for (size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
      pointer += '/';
      pointer += std::to_string(i);
      if (i >= after.size())
        out.push_back({"remove", pointer, jsonText(jsonOf(*before[i])), ""});
      else if (i >= before.size())
        out.push_back({"add", pointer, "", jsonText(jsonOf(*after[i]))});
      else
        structuralDiff(*before[i], *after[i], pointer, out, roots);
      pointer.resize(length);
    }
    return;
  }
  bool containers = a.isMap() || a.isSequence() || b.isMap() || b.isSequence();
  bool same = !containers && (a.isScalar() && b.isScalar() && a.plain == b.plain && a.text() == b.text());
  if (!same) {
    Json before = jsonOf(a), after = jsonOf(b);
    if (containers || before != after)
      out.push_back({"edit", pointer, jsonText(before), jsonText(after)});
  }
}

// What the diff calls a channel: its address; one whose address is unknown (3.x `address:
// null`), its key, marked so that it is never taken for an address of the graph.
std::string channelKey(const ContractChannel &channel) {
  return channel.addressIsNull ? channel.id + " (address unknown)" : channel.address;
}

int majorOf(const ContractDocument &document) { return document.version.rfind("2.", 0) == 0 ? 2 : 3; }

// Who sends and who receives on each channel, by address, as the document says.
struct Directions {
  bool sent = false, received = false;
};
std::map<std::string, Directions> directionsOf(const ContractDocument &document) {
  std::map<std::string, Directions> directions;
  for (const ContractOperation &op : document.operations) {
    Directions &d = directions[channelKey(document.channels[op.channel])];
    (op.role == Role::Produce ? d.sent : d.received) = true;
  }
  return directions;
}

// The channel address a pointer into the raw document is about, if any.
std::string channelOfPointer(const ContractDocument &document, const DocNode &raw, const std::string &pointer) {
  std::vector<std::string> tokens = splitPointer(pointer);
  if (tokens.size() < 3)
    return "";
  std::string key = unescapePointerToken(tokens[2]);
  if (tokens[1] == "channels") {
    for (const ContractChannel &channel : document.channels)
      if (channel.id == key)
        return channelKey(channel);
    return majorOf(document) == 2 ? key : "";
  }
  if (tokens[1] == "operations") {
    for (const ContractOperation &op : document.operations)
      if (op.id == key)
        return channelKey(document.channels[op.channel]);
    // an operation that is no longer there: its channel from the raw $ref
    if (const DocNode *ref = member(member(member(member(&raw, "operations"), key), "channel"), "$ref");
        isJsonString(ref)) {
      std::string text(ref->text());
      std::string id = unescapePointerToken(text.substr(text.rfind('/') + 1));
      if (const DocNode *address = member(member(member(&raw, "channels"), id), "address"); isJsonString(address))
        return std::string(address->text());
      return id;
    }
  }
  return "";
}

const std::set<std::string> kAnnotations = {"description", "title", "examples", "example", "$comment",
                                            "deprecated", "summary", "externalDocs", "readOnly", "writeOnly"};

// Within a payload or header schema (or a reusable schema): asyncapi/diff leaves these
// unclassified; the schema comparison below judges them.
bool insideSchema(const std::string &pointer) {
  std::vector<std::string> tokens = splitPointer(pointer);
  for (size_t i = 1; i < tokens.size(); ++i)
    if (tokens[i] == "payload" || tokens[i] == "headers")
      return i + 1 < tokens.size(); // the payload itself replaced is the table's to judge
  return tokens.size() > 3 && tokens[1] == "components" && tokens[2] == "schemas";
}

bool isAnnotation(const std::string &pointer) {
  std::vector<std::string> tokens = splitPointer(pointer);
  for (size_t i = 1; i < tokens.size(); ++i)
    if (kAnnotations.count(tokens[i]) || tokens[i].rfind("x-", 0) == 0)
      return tokens[i - 1] != "properties"; // a property named "title" is not an annotation
  return false;
}

// --- the schema comparison ---------------------------------------------------------

struct SchemaContext {
  Directions directions;
  bool directionKnown = true;
  std::string base; // pointer of the schema in the new document
  std::string channel;
  std::vector<ContractChange> *out;
};

// The verdict of a change that breaks consumers (`breaksConsumers`) and/or producers.
Verdict judge(const SchemaContext &context, bool breaksConsumers, bool breaksProducers) {
  bool sent = context.directions.sent || !context.directionKnown;
  bool received = context.directions.received || !context.directionKnown;
  return (sent && breaksConsumers) || (received && breaksProducers) ? Verdict::Breaking : Verdict::NonBreaking;
}

void report(const SchemaContext &context, const std::string &path, const std::string &action, Verdict verdict,
            const Json *before, const Json *after, const std::string &reason) {
  ContractChange change;
  change.action = action;
  change.pointer = context.base + path;
  change.verdict = verdict;
  change.before = before ? jsonText(*before) : "";
  change.after = after ? jsonText(*after) : "";
  change.reason = reason;
  change.channel = context.channel;
  change.sent = context.directions.sent;
  change.received = context.directions.received;
  if (!context.directionKnown)
    change.reason += " (no operation says who sends the message: judged both ways)";
  context.out->push_back(std::move(change));
}

// A change judged by its harm to each side: `consumerHarm` when consumers of a message
// the service sends would break, `producerHarm` when producers of one it receives would.
void judged(const SchemaContext &context, const std::string &path, const std::string &action, const Json *before,
            const Json *after, const std::string &what, const char *consumerHarm, const char *producerHarm) {
  bool sent = context.directions.sent || !context.directionKnown;
  bool received = context.directions.received || !context.directionKnown;
  std::string harm;
  if (sent && consumerHarm)
    harm = consumerHarm;
  if (received && producerHarm)
    harm += (harm.empty() ? "" : "; ") + std::string(producerHarm);
  std::string reason = what + ": " +
                       (!harm.empty()  ? harm
                        : sent && received ? std::string("neither side is affected")
                        : sent             ? std::string("the consumers are unaffected")
                                           : std::string("the producers are unaffected"));
  report(context, path, action, harm.empty() ? Verdict::NonBreaking : Verdict::Breaking, before, after, reason);
}

std::set<std::string> typesOf(const Json &schema) {
  std::set<std::string> types;
  if (!schema.contains("type"))
    return types;
  const Json &type = schema["type"];
  if (type.is_string())
    types.insert(type.get<std::string>());
  else if (type.is_array())
    for (const Json &t : type)
      if (t.is_string())
        types.insert(t.get<std::string>());
  return types;
}

// Every value of `inner` is a value of `outer` ("integer" is a "number"; no type is any).
bool typesWithin(const std::set<std::string> &inner, const std::set<std::string> &outer) {
  if (outer.empty())
    return true;
  if (inner.empty())
    return false;
  for (const std::string &t : inner)
    if (!outer.count(t) && !(t == "integer" && outer.count("number")))
      return false;
  return true;
}

std::set<std::string> namesIn(const Json &schema, const char *key) {
  std::set<std::string> names;
  if (schema.contains(key) && schema[key].is_array())
    for (const Json &name : schema[key])
      if (name.is_string())
        names.insert(name.get<std::string>());
  return names;
}

bool closed(const Json &schema) {
  return schema.contains("additionalProperties") && schema["additionalProperties"].is_boolean() &&
         !schema["additionalProperties"].get<bool>();
}

void compareSchemas(const Json &before, const Json &after, const std::string &path, const SchemaContext &context,
                    unsigned depth);

// minimum/maximum-like keywords: which way is tighter.
enum class Bound { Lower, Upper };
const std::map<std::string, Bound> kBounds = {
    {"minimum", Bound::Lower},   {"exclusiveMinimum", Bound::Lower}, {"minLength", Bound::Lower},
    {"minItems", Bound::Lower},  {"minProperties", Bound::Lower},    {"maximum", Bound::Upper},
    {"exclusiveMaximum", Bound::Upper}, {"maxLength", Bound::Upper}, {"maxItems", Bound::Upper},
    {"maxProperties", Bound::Upper}};

void compareConstraints(const Json &before, const Json &after, const std::string &path, const SchemaContext &context) {
  for (const auto &[keyword, bound] : kBounds) {
    bool had = before.contains(keyword) && before[keyword].is_number();
    bool has = after.contains(keyword) && after[keyword].is_number();
    if (!had && !has)
      continue;
    bool tightened, loosened;
    if (had && has) {
      double a = before[keyword].get<double>(), b = after[keyword].get<double>();
      if (a == b)
        continue;
      tightened = bound == Bound::Lower ? b > a : b < a;
      loosened = !tightened;
    } else {
      tightened = has;
      loosened = had;
    }
    const Json *b = had ? &before[keyword] : nullptr;
    const Json *a = has ? &after[keyword] : nullptr;
    std::string action = had && has ? "edit" : has ? "add" : "remove";
    if (tightened)
      judged(context, path + "/" + keyword, action, b, a, keyword + " tightened", nullptr,
             "values the producers send may now be rejected");
    else if (loosened)
      judged(context, path + "/" + keyword, action, b, a, keyword + " loosened",
             "consumers may receive values they never validated", nullptr);
  }
  // Draft 04: `exclusiveMinimum`/`exclusiveMaximum` are booleans that make `minimum`/`maximum`
  // exclusive (JSON Schema Validation draft 04, 5.1.2 and 5.1.3); true tightens the bound.
  for (const char *keyword : {"exclusiveMinimum", "exclusiveMaximum"}) {
    bool had = before.contains(keyword) && before[keyword].is_boolean() && before[keyword].get<bool>();
    bool has = after.contains(keyword) && after[keyword].is_boolean() && after[keyword].get<bool>();
    bool booleans = (before.contains(keyword) && before[keyword].is_boolean()) ||
                    (after.contains(keyword) && after[keyword].is_boolean());
    if (!booleans || had == has)
      continue;
    const Json *b = before.contains(keyword) ? &before[keyword] : nullptr;
    const Json *a = after.contains(keyword) ? &after[keyword] : nullptr;
    std::string action = b && a ? "edit" : a ? "add" : "remove";
    std::string name = keyword;
    if (has)
      judged(context, path + "/" + name, action, b, a, name + " made the bound exclusive", nullptr,
             "values the producers send may now be rejected");
    else
      judged(context, path + "/" + name, action, b, a, name + " made the bound inclusive",
             "consumers may receive values they never validated", nullptr);
  }
  for (const char *keyword : {"pattern", "format", "multipleOf"}) {
    bool had = before.contains(keyword), has = after.contains(keyword);
    if (!had && !has)
      continue;
    if (had && has && before[keyword] == after[keyword])
      continue;
    const Json *b = had ? &before[keyword] : nullptr;
    const Json *a = has ? &after[keyword] : nullptr;
    std::string name = keyword;
    if (!had)
      judged(context, path + "/" + name, "add", b, a, name + " added", nullptr,
             "values the producers send may now be rejected");
    else if (!has)
      judged(context, path + "/" + name, "remove", b, a, name + " removed",
             "consumers may receive values they never validated", nullptr);
    else
      judged(context, path + "/" + name, "edit", b, a, name + " changed", "consumers may receive values they never validated",
             "values the producers send may now be rejected");
  }
}

void compareEnums(const Json &before, const Json &after, const std::string &path, const SchemaContext &context) {
  auto valuesOf = [](const Json &schema) -> std::optional<std::vector<Json>> {
    if (schema.contains("enum") && schema["enum"].is_array())
      return std::vector<Json>(schema["enum"].begin(), schema["enum"].end());
    if (schema.contains("const"))
      return std::vector<Json>{schema["const"]};
    return std::nullopt;
  };
  auto a = valuesOf(before), b = valuesOf(after);
  if (!a && !b)
    return;
  if (!a) {
    judged(context, path + "/enum", "add", nullptr, &after, "values restricted to a list", nullptr,
           "values the producers send may now be rejected");
    return;
  }
  if (!b) {
    judged(context, path + "/enum", "remove", &before, nullptr, "list of values lifted",
           "consumers may receive values they do not handle", nullptr);
    return;
  }
  for (const Json &value : *a)
    if (std::find(b->begin(), b->end(), value) == b->end())
      judged(context, path + "/enum", "remove", &value, nullptr, "enum value " + jsonText(value) + " removed", nullptr,
             "producers sending it are rejected");
  for (const Json &value : *b)
    if (std::find(a->begin(), a->end(), value) == a->end())
      judged(context, path + "/enum", "add", nullptr, &value, "enum value " + jsonText(value) + " added",
             "consumers may not handle it", nullptr);
}

void compareObjects(const Json &before, const Json &after, const std::string &path, const SchemaContext &context,
                    unsigned depth) {
  const Json empty = Json::object();
  const Json &oldProperties = before.contains("properties") && before["properties"].is_object() ? before["properties"] : empty;
  const Json &newProperties = after.contains("properties") && after["properties"].is_object() ? after["properties"] : empty;
  std::set<std::string> oldRequired = namesIn(before, "required"), newRequired = namesIn(after, "required");
  for (auto it = oldProperties.begin(); it != oldProperties.end(); ++it) {
    std::string at = path + "/properties/" + escapePointerToken(it.key());
    if (!newProperties.contains(it.key()))
      judged(context, at, "remove", &it.value(), nullptr, "property '" + it.key() + "' removed",
             "consumers reading it no longer get it",
             closed(after) ? "producers sending it are rejected (additionalProperties: false)" : nullptr);
    else
      compareSchemas(it.value(), newProperties[it.key()], at, context, depth + 1);
  }
  for (auto it = newProperties.begin(); it != newProperties.end(); ++it)
    if (!oldProperties.contains(it.key()) && !newRequired.count(it.key()))
      report(context, path + "/properties/" + escapePointerToken(it.key()), "add", Verdict::NonBreaking, nullptr,
             &it.value(), "optional property '" + it.key() + "' added");
  for (const std::string &name : newRequired)
    if (!oldRequired.count(name)) {
      Json value = name;
      judged(context, path + "/required", "add", nullptr, &value, "property '" + name + "' newly required", nullptr,
             "producers that omit it are rejected");
    }
  for (const std::string &name : oldRequired)
    if (!newRequired.count(name) && newProperties.contains(name)) {
      Json value = name;
      judged(context, path + "/required", "remove", &value, nullptr, "property '" + name + "' no longer required",
             "consumers can no longer rely on it", nullptr);
    }
  bool wasClosed = closed(before), isClosed = closed(after);
  if (!wasClosed && isClosed)
    judged(context, path + "/additionalProperties", before.contains("additionalProperties") ? "edit" : "add",
           before.contains("additionalProperties") ? &before["additionalProperties"] : nullptr,
           &after["additionalProperties"], "additionalProperties closed", nullptr,
           "producers sending other properties are rejected");
  else if (wasClosed && !isClosed)
    report(context, path + "/additionalProperties", after.contains("additionalProperties") ? "edit" : "remove",
           Verdict::NonBreaking, &before["additionalProperties"],
           after.contains("additionalProperties") ? &after["additionalProperties"] : nullptr,
           "additionalProperties opened");
  else if (before.contains("additionalProperties") && after.contains("additionalProperties") &&
           before["additionalProperties"].is_object() && after["additionalProperties"].is_object())
    compareSchemas(before["additionalProperties"], after["additionalProperties"], path + "/additionalProperties",
                   context, depth + 1);
}

const std::set<std::string> kJudgedKeywords = {
    "type", "properties", "required", "additionalProperties", "enum", "const", "items", "pattern", "format",
    "multipleOf", "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "maximum",
    "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "default", "allOf", "oneOf", "anyOf",
    "discriminator"};

// allOf, oneOf and anyOf (JSON Schema 2020-12, Core 10.2.1): members present on both sides
// at the same place are compared as schemas; a member that is only on one side is judged by
// what it does to the set of valid values. Every allOf member binds, so one more narrows it
// and one fewer widens it; oneOf and anyOf are alternatives, so the other way round.
// A changed `discriminator` (the property that picks the alternative) breaks both sides.
void compareCompositions(const Json &before, const Json &after, const std::string &path, const SchemaContext &context,
                         unsigned depth) {
  for (const char *keyword : {"allOf", "oneOf", "anyOf"}) {
    const Json empty = Json::array();
    bool had = before.contains(keyword) && before[keyword].is_array();
    bool has = after.contains(keyword) && after[keyword].is_array();
    if (!had && !has)
      continue;
    const Json &old = had ? before[keyword] : empty;
    const Json &now = has ? after[keyword] : empty;
    if (old == now)
      continue;
    std::string at = path + "/" + keyword;
    bool all = std::string(keyword) == "allOf";
    if (old.size() == now.size()) {
      for (size_t i = 0; i < old.size(); ++i)
        compareSchemas(old[i], now[i], at + "/" + std::to_string(i), context, depth + 1);
      continue;
    }
    // Members on one side only, matched by equality; a shorter list keeps its order.
    std::vector<bool> kept(old.size(), false), matched(now.size(), false);
    for (size_t i = 0; i < old.size(); ++i)
      for (size_t j = 0; j < now.size(); ++j)
        if (!matched[j] && old[i] == now[j]) {
          kept[i] = matched[j] = true;
          break;
        }
    std::vector<size_t> removed, added;
    for (size_t i = 0; i < old.size(); ++i)
      if (!kept[i])
        removed.push_back(i);
    for (size_t j = 0; j < now.size(); ++j)
      if (!matched[j])
        added.push_back(j);
    // An edited member among added or removed ones: pair them in order, compare the pairs.
    size_t paired = std::min(removed.size(), added.size());
    for (size_t k = 0; k < paired; ++k)
      compareSchemas(old[removed[k]], now[added[k]], at + "/" + std::to_string(added[k]), context, depth + 1);
    for (size_t k = paired; k < added.size(); ++k)
      judged(context, at + "/" + std::to_string(added[k]), "add", nullptr, &now[added[k]],
             all ? "allOf member added: the schema narrowed" : std::string(keyword) + " alternative added",
             all ? nullptr : "consumers may receive a shape they do not expect",
             all ? "producers' messages that do not match the new member are rejected" : nullptr);
    for (size_t k = paired; k < removed.size(); ++k)
      judged(context, at + "/" + std::to_string(removed[k]), "remove", &old[removed[k]], nullptr,
             all ? "allOf member removed: the schema widened" : std::string(keyword) + " alternative removed",
             all ? "consumers may receive values the removed member excluded" : nullptr,
             all ? nullptr : "producers' messages of the removed shape are rejected");
  }
  if (before.value("discriminator", Json()) != after.value("discriminator", Json())) {
    const Json *b = before.contains("discriminator") ? &before["discriminator"] : nullptr;
    const Json *a = after.contains("discriminator") ? &after["discriminator"] : nullptr;
    report(context, path + "/discriminator", b && a ? "edit" : a ? "add" : "remove", Verdict::Breaking, b, a,
           "discriminator changed: the two sides pick alternatives by different properties");
  }
}

// A nested property, item or composition member is a level; the loader reads 512.
const unsigned kMaxCompareDepth = 512;

void compareSchemas(const Json &before, const Json &after, const std::string &path, const SchemaContext &context,
                    unsigned depth) {
  if (before == after)
    return;
  if (depth > kMaxCompareDepth) { // said, never dropped
    report(context, path, "edit", Verdict::Unclassified, &before, &after,
           "schema changed deeper than " + std::to_string(kMaxCompareDepth) + " nested levels: not compared");
    return;
  }
  if (!before.is_object() || !after.is_object()) {
    report(context, path, "edit", Verdict::Unclassified, &before, &after, "schema replaced by a non-schema value");
    return;
  }
  std::set<std::string> oldTypes = typesOf(before), newTypes = typesOf(after);
  if (oldTypes != newTypes) {
    bool narrowed = typesWithin(newTypes, oldTypes), widened = typesWithin(oldTypes, newTypes);
    const Json *b = before.contains("type") ? &before["type"] : nullptr;
    const Json *a = after.contains("type") ? &after["type"] : nullptr;
    std::string action = b && a ? "edit" : a ? "add" : "remove";
    if (narrowed)
      judged(context, path + "/type", action, b, a, "type narrowed", nullptr,
             "producers' values of the old type may be rejected");
    else if (widened)
      judged(context, path + "/type", action, b, a, "type widened",
             "consumers may receive values of a type they do not expect", nullptr);
    else
      report(context, path + "/type", action, Verdict::Breaking, b, a, "type changed: the two sides no longer agree");
  }
  size_t first = context.out->size();
  compareObjects(before, after, path, context, depth);
  compareEnums(before, after, path, context);
  compareConstraints(before, after, path, context);
  if (before.contains("items") && after.contains("items"))
    compareSchemas(before["items"], after["items"], path + "/items", context, depth + 1);
  compareCompositions(before, after, path, context, depth);
  // Anything else that changed and is neither judged above nor an annotation.
  std::set<std::string> keys;
  for (auto it = before.begin(); it != before.end(); ++it)
    keys.insert(it.key());
  for (auto it = after.begin(); it != after.end(); ++it)
    keys.insert(it.key());
  for (const std::string &key : keys) {
    if (kJudgedKeywords.count(key) && !(before.contains(key) && after.contains(key) && before[key] == after[key])) {
      // A judged keyword that changed in a way no comparison above spoke for (a value of a
      // type it does not expect): said, never dropped.
      std::string at = context.base + path + "/" + escapePointerToken(key);
      bool spoken = std::any_of(context.out->begin() + static_cast<std::ptrdiff_t>(first), context.out->end(),
                                [&](const ContractChange &c) {
                                  return c.pointer == at || c.pointer.rfind(at + "/", 0) == 0 ||
                                         c.pointer == context.base + path; });
      auto sameSet = [&]() { // `required` and `enum` are sets: their order means nothing
        if (!before.contains(key) || !after.contains(key) || !before[key].is_array() || !after[key].is_array())
          return false;
        std::vector<Json> b(before[key].begin(), before[key].end()), a(after[key].begin(), after[key].end());
        std::sort(b.begin(), b.end());
        std::sort(a.begin(), a.end());
        return a == b;
      };
      if (!spoken && key != "type" && key != "default" && !sameSet())
        report(context, path + "/" + escapePointerToken(key),
               before.contains(key) && after.contains(key) ? "edit" : after.contains(key) ? "add" : "remove",
               Verdict::Unclassified, before.contains(key) ? &before[key] : nullptr,
               after.contains(key) ? &after[key] : nullptr, "'" + key + "' changed in a way eventscope does not judge");
      continue;
    }
    if (kAnnotations.count(key) || key.rfind("x-", 0) == 0)
      continue;
    bool had = before.contains(key), has = after.contains(key);
    if (had && has && before[key] == after[key])
      continue;
    if (key == "items" && had && has)
      continue;
    report(context, path + "/" + escapePointerToken(key), had && has ? "edit" : has ? "add" : "remove", Verdict::Unclassified,
           had ? &before[key] : nullptr, has ? &after[key] : nullptr,
           "'" + key + "' changed: eventscope does not judge this keyword");
  }
}

ContractChange made(const std::string &action, const std::string &pointer, Verdict verdict, const std::string &before,
                    const std::string &after, const std::string &reason, const std::string &channel, bool sent,
                    bool received, bool allowed) {
  ContractChange change;
  change.action = action;
  change.pointer = pointer;
  change.verdict = verdict;
  change.before = before;
  change.after = after;
  change.reason = reason;
  change.channel = channel;
  change.sent = sent;
  change.received = received;
  change.allowed = allowed;
  return change;
}

// A removal found in the old document: its pointer is into that one.
ContractChange removal(const std::string &pointer, Verdict verdict, const std::string &before, const std::string &after,
                       const std::string &reason, const std::string &channel, bool sent, bool received, bool allowed) {
  ContractChange change = made("remove", pointer, verdict, before, after, reason, channel, sent, received, allowed);
  change.inBefore = true;
  return change;
}

// --- messages -------------------------------------------------------------------------

struct MessageAt {
  const ContractMessage *message;
  std::string address;
};

// Messages by (channel address, name): from the channels and from the operations.
std::map<std::pair<std::string, std::string>, const ContractMessage *> messagesOf(const ContractDocument &document) {
  std::map<std::pair<std::string, std::string>, const ContractMessage *> messages;
  for (const ContractChannel &channel : document.channels)
    for (size_t m : channel.messages)
      messages.emplace(std::make_pair(channelKey(channel), document.messages[m].name), &document.messages[m]);
  for (const ContractOperation &op : document.operations)
    for (size_t m : op.messages)
      messages.emplace(std::make_pair(channelKey(document.channels[op.channel]), document.messages[m].name),
                       &document.messages[m]);
  return messages;
}

Json parsedOrNull(const std::string &text) { return text.empty() ? Json() : Json::parse(text); }

void compareMessages(const ContractDocument &before, const ContractDocument &after, bool byMeaning,
                     std::vector<ContractChange> &out) {
  auto oldMessages = messagesOf(before), newMessages = messagesOf(after);
  auto oldDirections = directionsOf(before), newDirections = directionsOf(after);
  for (const auto &[key, message] : newMessages) {
    auto it = oldMessages.find(key);
    const std::string &address = key.first;
    Directions directions = newDirections.count(address) ? newDirections[address] : oldDirections[address];
    if (it == oldMessages.end()) {
      if (byMeaning && std::none_of(before.channels.begin(), before.channels.end(),
                                    [&](const ContractChannel &c) { return channelKey(c) == address; }))
        continue; // the whole channel is new: reported with the channel
      if (byMeaning)
        out.push_back(made("add", message->location.pointer, Verdict::NonBreaking, "", "", "message '" + key.second +
                       "' added to the channel", address, directions.sent, directions.received, false));
      continue;
    }
    SchemaContext context{directions, directions.sent || directions.received, "", address, &out};
    const ContractMessage &old = *it->second;
    if ((old.formatUnread || message->formatUnread) && old.payloadSchema != message->payloadSchema) {
      // Said, never passed as unchanged or judged as if it were JSON Schema.
      const ContractMessage &unread = message->formatUnread ? *message : old;
      context.base = message->location.pointer + "/payload";
      Json b = parsedOrNull(old.payloadSchema), a = parsedOrNull(message->payloadSchema);
      report(context, "", "edit", Verdict::Unclassified, &b, &a,
             "payload in schema format '" + unread.schemaFormat + "', which eventscope does not read: not compared");
    }
    // Payloads as the neutral field tree: Avro and Protobuf converted, so that fields are
    // judged alike in every format (a payload moved from one format to another too). One
    // side unread: reported above, nothing to compare.
    bool comparable = !old.formatUnread && !message->formatUnread;
    std::string oldPayload(comparable ? old.payloadFields() : "");
    std::string newPayload(comparable ? message->payloadFields() : "");
    for (const auto &[part, oldText, newText] :
         {std::tuple<std::string, std::string, std::string>{"payload", oldPayload, newPayload},
          {"headers", it->second->headersSchema, message->headersSchema}}) {
      context.base = message->location.pointer + "/" + part;
      Json oldSchema = parsedOrNull(oldText), newSchema = parsedOrNull(newText);
      if (oldSchema.is_null() && newSchema.is_null())
        continue;
      if (oldSchema.is_null() || newSchema.is_null()) {
        if (byMeaning)
          out.push_back(made(oldSchema.is_null() ? "add" : "remove", context.base,
                         part == "headers" && newSchema.is_null() ? judge(context, true, false)
                                                                  : judge(context, true, true),
                         oldText, newText, part + (oldSchema.is_null() ? " schema added" : " schema removed"), address,
                         directions.sent, directions.received, false));
        continue;
      }
      compareSchemas(oldSchema, newSchema, "", context, 0);
    }
  }
  if (byMeaning)
    for (const auto &[key, message] : oldMessages)
      if (!newMessages.count(key)) {
        Directions directions = oldDirections[key.first];
        bool channelGone = std::none_of(newMessages.begin(), newMessages.end(),
                                        [&](const auto &m) { return m.first.first == key.first; }) &&
                           std::none_of(after.channels.begin(), after.channels.end(),
                                        [&](const ContractChannel &c) { return channelKey(c) == key.first; });
        if (!channelGone)
          out.push_back(removal(message->location.pointer, Verdict::Breaking, "", "",
                         "message '" + key.second + "' removed from the channel: its consumers and producers lose it",
                         key.first, directions.sent, directions.received, false));
      }
}

// --- documents of different major versions ----------------------------------------------

void compareByMeaning(const ContractDocument &before, const ContractDocument &after, std::vector<ContractChange> &out) {
  std::map<std::string, const ContractChannel *> oldChannels, newChannels;
  for (const ContractChannel &c : before.channels)
    oldChannels.emplace(channelKey(c), &c);
  for (const ContractChannel &c : after.channels)
    newChannels.emplace(channelKey(c), &c);
  auto oldDirections = directionsOf(before), newDirections = directionsOf(after);
  for (const auto &[address, channel] : oldChannels)
    if (!newChannels.count(address))
      out.push_back(removal(channel->location.pointer, Verdict::Breaking, "", "",
                     "channel '" + address + "' removed", address, oldDirections[address].sent,
                     oldDirections[address].received, false));
  for (const auto &[address, channel] : newChannels)
    if (!oldChannels.count(address))
      out.push_back(made("add", channel->location.pointer, Verdict::NonBreaking, "", "", "channel '" + address + "' added",
                     address, newDirections[address].sent, newDirections[address].received, false));
  std::set<std::pair<std::string, Role>> oldOps, newOps;
  std::map<std::pair<std::string, Role>, std::string> opPointer;
  for (const ContractOperation &op : before.operations) {
    oldOps.insert({channelKey(before.channels[op.channel]), op.role});
    opPointer[{channelKey(before.channels[op.channel]), op.role}] = op.location.pointer;
  }
  for (const ContractOperation &op : after.operations) {
    newOps.insert({channelKey(after.channels[op.channel]), op.role});
    opPointer[{channelKey(after.channels[op.channel]), op.role}] = op.location.pointer;
  }
  auto verb = [](Role role) { return role == Role::Produce ? std::string("sends on") : std::string("receives from"); };
  for (const auto &op : oldOps)
    if (!newOps.count(op) && newChannels.count(op.first))
      out.push_back(removal(opPointer[op], Verdict::Breaking, "", "",
                     "the service no longer " + verb(op.second) + " '" + op.first + "'", op.first,
                     op.second == Role::Produce, op.second == Role::Consume, false));
  for (const auto &op : newOps)
    if (!oldOps.count(op) && oldChannels.count(op.first))
      out.push_back(made("add", opPointer[op], Verdict::NonBreaking, "", "",
                     "the service now " + verb(op.second) + " '" + op.first + "'", op.first,
                     op.second == Role::Produce, op.second == Role::Consume, false));
  std::map<std::string, const ContractServer *> oldServers, newServers;
  for (const ContractServer &s : before.servers)
    oldServers.emplace(s.name, &s);
  for (const ContractServer &s : after.servers)
    newServers.emplace(s.name, &s);
  for (const auto &[name, server] : oldServers) {
    auto it = newServers.find(name);
    if (it == newServers.end())
      out.push_back(removal(server->location.pointer, Verdict::Breaking, "", "", "server '" + name + "' removed", "",
                            false, false, false));
    else if (it->second->protocol != server->protocol)
      out.push_back(made("edit", it->second->location.pointer + "/protocol", Verdict::Breaking, jsonText(Json(server->protocol)),
                     jsonText(Json(it->second->protocol)), "server '" + name + "' protocol changed", "", false, false,
                     false));
    else if (it->second->host.find("://") == std::string::npos && server->host.find("://") != std::string::npos
                 ? server->host.substr(server->host.find("://") + 3) != it->second->host
                 : server->host != it->second->host)
      out.push_back(made("edit", it->second->location.pointer, Verdict::Breaking, jsonText(Json(server->host)),
                     jsonText(Json(it->second->host)), "server '" + name + "' moved", "", false, false, false));
  }
  for (const auto &[name, server] : newServers)
    if (!oldServers.count(name))
      out.push_back(made("add", server->location.pointer, Verdict::NonBreaking, "", "", "server '" + name + "' added", "",
                     false, false, false));
  if (before.infoVersion != after.infoVersion)
    out.push_back(made("edit", "/info/version", tableVerdict(3, "edit", "/info/version"), jsonText(Json(before.infoVersion)),
                   jsonText(Json(after.infoVersion)), "", "", false, false, false));
}

} // namespace

std::string_view verdictName(Verdict verdict) {
  switch (verdict) {
  case Verdict::Breaking:
    return "breaking";
  case Verdict::NonBreaking:
    return "non-breaking";
  case Verdict::Unclassified:
    break;
  }
  return "unclassified";
}

std::vector<Endpoint> affectedBy(const EventGraph &graph, const ContractChange &change, const std::string &service) {
  std::vector<Endpoint> affected;
  if (change.channel.empty())
    return affected;
  bool either = !change.sent && !change.received;
  std::vector<std::string> addresses{change.channel};
  if (const Channel *channel = graph.channel(change.channel))
    addresses.insert(addresses.end(), channel->linked.begin(), channel->linked.end());
  for (const std::string &address : addresses) {
    const Channel *channel = graph.channel(address);
    if (!channel)
      continue;
    if (change.sent || either)
      for (size_t i : channel->consumers)
        affected.push_back(graph.endpoints()[i]);
    if (change.received || either)
      for (size_t i : channel->producers)
        affected.push_back(graph.endpoints()[i]);
  }
  std::erase_if(affected, [&](const Endpoint &e) { return e.service == service; });
  std::sort(affected.begin(), affected.end(), [](const Endpoint &a, const Endpoint &b) {
    return std::tie(a.location, a.service, a.channel) < std::tie(b.location, b.service, b.channel);
  });
  affected.erase(std::unique(affected.begin(), affected.end(),
                             [](const Endpoint &a, const Endpoint &b) {
                               return a.location == b.location && a.service == b.service && a.channel == b.channel;
                             }),
                 affected.end());
  return affected;
}

bool pointerAllowed(const std::string &pointer, const std::vector<std::string> &patterns) {
  std::vector<std::string> tokens = splitPointer(pointer);
  for (const std::string &pattern : patterns) {
    std::vector<std::string> wanted = splitPointer(pattern);
    if (wanted.size() > tokens.size())
      continue;
    bool match = true;
    for (size_t i = 0; i < wanted.size() && match; ++i)
      match = wanted[i] == "*" || wanted[i] == tokens[i];
    if (match)
      return true;
  }
  return false;
}

std::vector<ContractChange> diffContracts(const ContractVersion &before, const ContractVersion &after) {
  std::vector<ContractChange> changes;
  const ContractDocument &oldDoc = *before.document, &newDoc = *after.document;
  int major = majorOf(newDoc);
  if (majorOf(oldDoc) == major) {
    std::vector<RawChange> raw;
    std::string pointer;
    structuralDiff(*before.tree, *after.tree, pointer, raw, DiffRoots{before.tree, after.tree, 0});
    auto oldDirections = directionsOf(oldDoc), newDirections = directionsOf(newDoc);
    for (const RawChange &r : raw) {
      ContractChange change = made(r.action, r.pointer, Verdict::Unclassified, r.before, r.after, "", "", false, false, false);
      change.inBefore = r.action == "remove";
      const ContractDocument &document = r.action == "remove" ? oldDoc : newDoc;
      change.channel = channelOfPointer(document, r.action == "remove" ? *before.tree : *after.tree, r.pointer);
      Directions d = r.action == "remove" ? oldDirections[change.channel] : newDirections[change.channel];
      change.sent = d.sent;
      change.received = d.received;
      if (insideSchema(r.pointer)) {
        if (!isAnnotation(r.pointer))
          continue; // judged by the schema comparison, message by message
        change.verdict = Verdict::NonBreaking;
        change.reason = "an annotation: what validates is unchanged";
      } else {
        change.verdict = tableVerdict(major, r.action, r.pointer);
      }
      changes.push_back(std::move(change));
    }
    compareMessages(oldDoc, newDoc, /*byMeaning=*/false, changes);
  } else {
    compareByMeaning(oldDoc, newDoc, changes);
    compareMessages(oldDoc, newDoc, /*byMeaning=*/true, changes);
  }
  std::stable_sort(changes.begin(), changes.end(), [](const ContractChange &a, const ContractChange &b) {
    return std::tie(a.verdict, a.pointer, a.action, a.before, a.after) <
           std::tie(b.verdict, b.pointer, b.action, b.before, b.after);
  });
  changes.erase(std::unique(changes.begin(), changes.end(),
                            [](const ContractChange &a, const ContractChange &b) {
                              return a.verdict == b.verdict && a.pointer == b.pointer && a.action == b.action &&
                                     a.before == b.before && a.after == b.after;
                            }),
                changes.end());
  return changes;
}

} // namespace eventscope
