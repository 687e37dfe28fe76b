#include "analyzer/contracts/payload_formats.h"
#include "model/input_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace eventscope {
namespace {

using Json = nlohmann::ordered_json;

std::string mediaType(const std::string &format) {
  std::string type = format.substr(0, format.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char *suffix : {"+json", "+yaml"})
    if (type.size() > 5 && type.ends_with(suffix))
      type.resize(type.size() - 5);
  return type;
}

// --- Avro (Apache Avro 1.11 specification, "Schema Declaration") -------------------------

class AvroConverter {
public:
  Json convert(const Json &type, const std::string &space, unsigned depth) {
    if (depth > 256)
      throw InputError({}, "Avro schema nested deeper than 256 levels");
    if (type.is_string())
      return named(type.get<std::string>(), space);
    if (type.is_array()) { // a union
      std::vector<Json> members;
      for (const Json &member : type)
        if (!(member.is_string() && member == "null"))
          members.push_back(convert(member, space, depth + 1));
      if (members.size() == 1)
        return members.front(); // ["null", T]: T, not required
      Json oneOf = Json::array();
      for (Json &m : members)
        oneOf.push_back(std::move(m));
      return Json{{"oneOf", oneOf}};
    }
    if (!type.is_object() || !type.contains("type"))
      throw InputError({}, "an Avro type must be a name, a union (list) or an object with `type`");
    const Json &kind = type["type"];
    if (!kind.is_string())
      return convert(kind, space, depth + 1);
    std::string k = kind.get<std::string>();
    Json out;
    if (k == "record" || k == "error") {
      std::string name = fullName(type, space);
      std::string inner = name.rfind('.') == std::string::npos ? space : name.substr(0, name.rfind('.'));
      if (!type.contains("fields") || !type["fields"].is_array())
        throw InputError({}, "Avro record '" + name + "' has no `fields` list");
      if (defining_.count(name))
        return Json{{"$ref", "avro:" + name}}; // recursive: named, not expanded again
      defining_.insert(name);
      Json properties = Json::object(), required = Json::array();
      for (const Json &field : type["fields"]) {
        if (!field.is_object() || !field.contains("name") || !field["name"].is_string() || !field.contains("type"))
          throw InputError({}, "a field of Avro record '" + name + "' needs a `name` and a `type`");
        std::string fieldName = field["name"].get<std::string>();
        properties[fieldName] = convert(field["type"], inner, depth + 1);
        if (!nullable(field["type"]) && !field.contains("default"))
          required.push_back(fieldName);
      }
      defining_.erase(name);
      out = Json{{"type", "object"}, {"properties", properties}};
      if (!required.empty())
        out["required"] = required;
      records_[name] = out;
      return out;
    }
    if (k == "enum") {
      std::string name = fullName(type, space);
      out = Json{{"type", "string"}, {"enum", type.value("symbols", Json::array())}};
      records_[name] = out;
      return out;
    }
    if (k == "fixed") {
      records_[fullName(type, space)] = Json{{"type", "string"}};
      return Json{{"type", "string"}};
    }
    if (k == "array")
      return Json{{"type", "array"}, {"items", convert(type.value("items", Json("null")), space, depth + 1)}};
    if (k == "map")
      return Json{{"type", "object"}, {"additionalProperties", convert(type.value("values", Json("null")), space, depth + 1)}};
    out = named(k, space); // a primitive written as an object, perhaps with a logical type
    if (type.contains("logicalType") && type["logicalType"].is_string())
      out["format"] = type["logicalType"];
    return out;
  }

private:
  static bool nullable(const Json &type) {
    return (type.is_string() && type == "null") ||
           (type.is_array() && std::any_of(type.begin(), type.end(), [](const Json &t) { return t == "null"; }));
  }
  static std::string fullName(const Json &type, const std::string &space) {
    if (!type.contains("name") || !type["name"].is_string())
      throw InputError({}, "a named Avro type (record, enum, fixed) needs a `name`");
    std::string name = type["name"].get<std::string>();
    if (name.find('.') != std::string::npos)
      return name;
    std::string ns = type.contains("namespace") && type["namespace"].is_string() ? type["namespace"].get<std::string>() : space;
    return ns.empty() ? name : ns + "." + name;
  }
  Json named(const std::string &name, const std::string &space) {
    static const std::map<std::string, std::string> primitives = {
        {"null", "null"},     {"boolean", "boolean"}, {"int", "integer"}, {"long", "integer"},
        {"float", "number"},  {"double", "number"},   {"bytes", "string"}, {"string", "string"}};
    if (auto it = primitives.find(name); it != primitives.end())
      return Json{{"type", it->second}};
    for (const std::string &candidate : {space.empty() ? name : space + "." + name, name})
      if (auto it = records_.find(candidate); it != records_.end())
        return it->second;
    for (const std::string &candidate : {space.empty() ? name : space + "." + name, name})
      if (defining_.count(candidate))
        return Json{{"$ref", "avro:" + candidate}};
    throw InputError({}, "unknown Avro type '" + name + "'");
  }

  std::map<std::string, Json> records_; // named types defined so far, by full name
  std::set<std::string> defining_;
};

// --- Protobuf (Protocol Buffers Language Specification, proto2 and proto3) ---------------

struct ProtoField {
  std::string label; // optional, required, repeated or ""
  std::string type, name;
  std::string mapKey, mapValue; // map<K, V>
};
struct ProtoMessage {
  std::string name; // full name within the file (Outer.Inner)
  std::vector<ProtoField> fields;
};

class ProtoParser {
public:
  explicit ProtoParser(const std::string &text) : text_(text) { tokenize(); }

  void parse(std::vector<ProtoMessage> &messages, std::map<std::string, std::vector<std::string>> &enums) {
    messages_ = &messages;
    enums_ = &enums;
    while (!atEnd()) {
      if (accept("message"))
        message("");
      else if (accept("enum"))
        enumeration("");
      else if (accept("service"))
        skipBlockAfterName();
      else if (accept(";"))
        continue;
      else
        skipStatement(); // syntax, package, import, option, extend's simple forms
    }
  }

private:
  struct Token {
    std::string text;
    unsigned line;
  };

  [[noreturn]] void fail(const std::string &what) const {
    unsigned line = pos_ < tokens_.size() ? tokens_[pos_].line : (tokens_.empty() ? 1 : tokens_.back().line);
    throw InputError({}, "line " + std::to_string(line) + " of the Protobuf schema: " + what);
  }
  bool atEnd() const { return pos_ >= tokens_.size(); }
  const std::string &peek() const {
    static const std::string end;
    return atEnd() ? end : tokens_[pos_].text;
  }
  bool accept(const std::string &t) {
    if (peek() != t)
      return false;
    ++pos_;
    return true;
  }
  void expect(const std::string &t) {
    if (!accept(t))
      fail("expected '" + t + "'" + (atEnd() ? " before the end" : ", found '" + peek() + "'"));
  }
  std::string identifier(const char *what) {
    if (atEnd() || !(std::isalpha(static_cast<unsigned char>(peek()[0])) || peek()[0] == '_' || peek()[0] == '.'))
      fail(std::string("expected ") + what + (atEnd() ? " before the end" : ", found '" + peek() + "'"));
    return tokens_[pos_++].text;
  }
  void skipStatement() {
    while (!atEnd() && peek() != ";") {
      if (peek() == "{") {
        skipBlock();
        return;
      }
      ++pos_;
    }
    expect(";");
  }
  void skipBlock() {
    expect("{");
    for (int open = 1; open > 0;) {
      if (atEnd())
        fail("a '{' is never closed");
      if (peek() == "{")
        ++open;
      else if (peek() == "}")
        --open;
      ++pos_;
    }
  }
  void skipBlockAfterName() {
    identifier("a name");
    skipBlock();
  }
  void options() { // [default = 1, deprecated = true]
    if (accept("["))
      while (!accept("]")) {
        if (atEnd())
          fail("a '[' is never closed");
        ++pos_;
      }
  }

  void message(const std::string &outer) {
    std::string name = identifier("a message name");
    std::string full = outer.empty() ? name : outer + "." + name;
    ProtoMessage m{full, {}};
    expect("{");
    while (!accept("}")) {
      if (atEnd())
        fail("message '" + full + "' is never closed");
      if (accept(";"))
        continue;
      if (accept("message")) {
        message(full);
      } else if (accept("enum")) {
        enumeration(full);
      } else if (accept("oneof")) {
        identifier("a oneof name");
        expect("{");
        while (!accept("}")) {
          if (atEnd())
            fail("a oneof in '" + full + "' is never closed");
          if (accept("option")) {
            skipStatement();
            continue;
          }
          m.fields.push_back(field(""));
        }
      } else if (peek() == "reserved" || peek() == "option" || peek() == "extensions") {
        skipStatement();
      } else if (accept("extend")) {
        skipBlockAfterName();
      } else {
        std::string label;
        if (peek() == "optional" || peek() == "required" || peek() == "repeated")
          label = tokens_[pos_++].text;
        m.fields.push_back(field(label));
      }
    }
    messages_->push_back(std::move(m));
  }

  ProtoField field(const std::string &label) {
    ProtoField f;
    f.label = label;
    if (accept("map")) {
      expect("<");
      f.mapKey = identifier("a map key type");
      expect(",");
      f.mapValue = identifier("a map value type");
      expect(">");
      f.type = "map";
    } else {
      f.type = identifier("a field type");
    }
    f.name = identifier("a field name");
    expect("=");
    if (atEnd() || !std::isdigit(static_cast<unsigned char>(peek()[0])))
      fail("expected the number of field '" + f.name + "'");
    ++pos_;
    options();
    expect(";");
    return f;
  }

  void enumeration(const std::string &outer) {
    std::string name = identifier("an enum name");
    std::vector<std::string> values;
    expect("{");
    while (!accept("}")) {
      if (atEnd())
        fail("enum '" + name + "' is never closed");
      if (accept(";"))
        continue;
      if (peek() == "option" || peek() == "reserved") {
        skipStatement();
        continue;
      }
      values.push_back(identifier("an enum value"));
      expect("=");
      accept("-");
      ++pos_;
      options();
      expect(";");
    }
    (*enums_)[outer.empty() ? name : outer + "." + name] = values;
  }

  void tokenize() {
    unsigned line = 1;
    for (size_t i = 0; i < text_.size();) {
      char c = text_[i];
      if (c == '\n') {
        ++line;
        ++i;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (text_.compare(i, 2, "//") == 0) {
        while (i < text_.size() && text_[i] != '\n')
          ++i;
      } else if (text_.compare(i, 2, "/*") == 0) {
        size_t end = text_.find("*/", i + 2);
        if (end == std::string::npos)
          throw InputError({}, "line " + std::to_string(line) + " of the Protobuf schema: a comment is never closed");
        line += static_cast<unsigned>(std::count(text_.begin() + i, text_.begin() + end, '\n'));
        i = end + 2;
      } else if (c == '"' || c == '\'') {
        size_t end = i + 1;
        while (end < text_.size() && text_[end] != c && text_[end] != '\n')
          end += text_[end] == '\\' ? 2 : 1;
        if (end >= text_.size() || text_[end] != c)
          throw InputError({}, "line " + std::to_string(line) + " of the Protobuf schema: a string is never closed");
        tokens_.push_back({text_.substr(i, end + 1 - i), line});
        i = end + 1;
      } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.') {
        size_t end = i;
        while (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_' ||
                                      text_[end] == '.' || ((text_[end] == '+' || text_[end] == '-') && end > i &&
                                                            (text_[end - 1] == 'e' || text_[end - 1] == 'E'))))
          ++end;
        tokens_.push_back({text_.substr(i, end - i), line});
        i = end;
      } else {
        tokens_.push_back({std::string(1, c), line});
        ++i;
      }
    }
  }

  const std::string &text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  std::vector<ProtoMessage> *messages_ = nullptr;
  std::map<std::string, std::vector<std::string>> *enums_ = nullptr;
};

class ProtoConverter {
public:
  ProtoConverter(const std::vector<ProtoMessage> &messages, const std::map<std::string, std::vector<std::string>> &enums)
      : enums_(enums) {
    for (const ProtoMessage &m : messages)
      messages_[m.name] = &m;
  }

  // Scalar types (Language Specification, "Fields"): 64-bit integers are JSON strings in
  // the canonical JSON mapping, but their values are integers; read as integers here.
  Json type(const std::string &name, const std::string &scope, unsigned depth) {
    static const std::map<std::string, std::string> scalars = {
        {"double", "number"},  {"float", "number"},    {"int32", "integer"},  {"int64", "integer"},
        {"uint32", "integer"}, {"uint64", "integer"},  {"sint32", "integer"}, {"sint64", "integer"},
        {"fixed32", "integer"}, {"fixed64", "integer"}, {"sfixed32", "integer"}, {"sfixed64", "integer"},
        {"bool", "boolean"},   {"string", "string"},   {"bytes", "string"}};
    if (auto it = scalars.find(name); it != scalars.end())
      return Json{{"type", it->second}};
    std::string full = resolve(name, scope);
    if (auto it = enums_.find(full); it != enums_.end())
      return Json{{"type", "string"}, {"enum", it->second}};
    if (auto it = messages_.find(full); it != messages_.end())
      return message(*it->second, depth + 1);
    // Well-known types (google/protobuf/*.proto) as the canonical JSON mapping writes them;
    // any other imported type is a field of unknown shape, not an error: the import is not
    // part of the document.
    static const std::map<std::string, Json> wellKnown = {
        {"google.protobuf.Timestamp", Json{{"type", "string"}, {"format", "date-time"}}},
        {"google.protobuf.Duration", Json{{"type", "string"}}},
        {"google.protobuf.Struct", Json{{"type", "object"}}},
        {"google.protobuf.Any", Json{{"type", "object"}}},
        {"google.protobuf.Empty", Json{{"type", "object"}}},
        {"google.protobuf.StringValue", Json{{"type", "string"}}},
        {"google.protobuf.BytesValue", Json{{"type", "string"}}},
        {"google.protobuf.BoolValue", Json{{"type", "boolean"}}},
        {"google.protobuf.DoubleValue", Json{{"type", "number"}}},
        {"google.protobuf.FloatValue", Json{{"type", "number"}}},
        {"google.protobuf.Int32Value", Json{{"type", "integer"}}},
        {"google.protobuf.Int64Value", Json{{"type", "integer"}}},
        {"google.protobuf.UInt32Value", Json{{"type", "integer"}}},
        {"google.protobuf.UInt64Value", Json{{"type", "integer"}}}};
    std::string plain = name[0] == '.' ? name.substr(1) : name;
    if (auto it = wellKnown.find(plain); it != wellKnown.end())
      return it->second;
    return Json{{"description", "Protobuf type " + plain + ", defined outside this schema"}};
  }

  Json message(const ProtoMessage &m, unsigned depth) {
    if (depth > 64 || std::count(open_.begin(), open_.end(), m.name))
      return Json{{"$ref", "protobuf:" + m.name}}; // recursive: named, not expanded again
    open_.push_back(m.name);
    Json properties = Json::object(), required = Json::array();
    for (const ProtoField &f : m.fields) {
      Json value = f.type == "map" ? Json{{"type", "object"}, {"additionalProperties", type(f.mapValue, m.name, depth)}}
                                   : type(f.type, m.name, depth);
      if (f.label == "repeated")
        value = Json{{"type", "array"}, {"items", value}};
      properties[f.name] = value;
      if (f.label == "required") // proto2 only; proto3 fields are all optional
        required.push_back(f.name);
    }
    open_.pop_back();
    Json out{{"type", "object"}, {"properties", properties}};
    if (!required.empty())
      out["required"] = required;
    return out;
  }

private:
  // Name resolution (Language Specification, "Identifiers"): innermost scope outwards.
  std::string resolve(const std::string &name, const std::string &scope) const {
    if (!name.empty() && name[0] == '.')
      return stripPackage(name.substr(1));
    for (std::string s = scope;; s = s.substr(0, s.rfind('.'))) {
      std::string candidate = s.empty() ? name : s + "." + name;
      if (messages_.count(candidate) || enums_.count(candidate))
        return candidate;
      if (s.empty() || s.find('.') == std::string::npos) {
        if (!s.empty() && (messages_.count(name) || enums_.count(name)))
          return name;
        break;
      }
    }
    return stripPackage(name);
  }
  // A name qualified with the file's package: the part after it, when that is defined.
  std::string stripPackage(const std::string &name) const {
    for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1))
      if (messages_.count(name.substr(dot + 1)) || enums_.count(name.substr(dot + 1)))
        return name.substr(dot + 1);
    return name;
  }

  std::map<std::string, const ProtoMessage *> messages_;
  const std::map<std::string, std::vector<std::string>> &enums_;
  std::vector<std::string> open_;
};

std::string protobufAsJsonSchema(const std::string &text) {
  std::vector<ProtoMessage> messages;
  std::map<std::string, std::vector<std::string>> enums;
  ProtoParser(text).parse(messages, enums);
  std::vector<const ProtoMessage *> topLevel;
  for (const ProtoMessage &m : messages)
    if (m.name.find('.') == std::string::npos)
      topLevel.push_back(&m);
  if (topLevel.empty())
    throw InputError({}, "the Protobuf schema defines no message");
  // Messages are recorded when they close, so top-level ones in the order written.
  std::set<std::string> used;
  for (const ProtoMessage &m : messages)
    for (const ProtoField &f : m.fields)
      for (const std::string &t : {f.type, f.mapValue}) {
        used.insert(t);
        if (t.find('.') != std::string::npos)
          used.insert(t.substr(t.rfind('.') + 1));
      }
  const ProtoMessage *root = topLevel.front();
  for (const ProtoMessage *m : topLevel)
    if (!used.count(m->name)) {
      root = m;
      break;
    }
  ProtoConverter converter(messages, enums);
  return converter.message(*root, 0).dump();
}

} // namespace

PayloadFormat payloadFormatOf(const std::string &schemaFormat) {
  if (schemaFormat.empty())
    return PayloadFormat::JsonSchema;
  std::string type = mediaType(schemaFormat);
  if (type == "application/schema" || type == "application/vnd.aai.asyncapi" || type == "application/vnd.oai.openapi")
    return PayloadFormat::JsonSchema;
  if (type == "application/vnd.apache.avro")
    return PayloadFormat::Avro;
  if (type == "application/vnd.google.protobuf")
    return PayloadFormat::Protobuf;
  return PayloadFormat::Unread;
}

std::string payloadAsJsonSchema(PayloadFormat format, const std::string &schemaJson) {
  switch (format) {
  case PayloadFormat::JsonSchema:
    return schemaJson;
  case PayloadFormat::Unread:
    return "";
  case PayloadFormat::Avro: {
    AvroConverter converter;
    return converter.convert(Json::parse(schemaJson), "", 0).dump();
  }
  case PayloadFormat::Protobuf: {
    Json text = Json::parse(schemaJson);
    if (!text.is_string())
      throw InputError({}, "a Protobuf schema must be the text of a .proto file (a string)");
    return protobufAsJsonSchema(text.get<std::string>());
  }
  }
  return "";
}

} // namespace eventscope
