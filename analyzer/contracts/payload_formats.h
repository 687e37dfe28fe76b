// Message payloads in the schema formats AsyncAPI names (`schemaFormat`), read into one
// neutral field tree: JSON Schema (the subset the rules and the contract diff judge: type,
// properties, required, items, additionalProperties, enum, oneOf). JSON Schema (drafts 04
// to 2020-12), AsyncAPI schema and OpenAPI schema objects are already that tree; Avro
// (1.9+ JSON schemas) and Protobuf (proto2 and proto3 text) are converted.
#pragma once

#include <string>

namespace eventscope {

enum class PayloadFormat { JsonSchema, Avro, Protobuf, Unread };

// The format of a `schemaFormat` value (AsyncAPI 3.0, Multi Format Schema Object; 2.x
// Message Object `schemaFormat`): empty is AsyncAPI's JSON Schema; media types are matched
// without their parameters (`;version=...`) and with +json/+yaml suffixes.
PayloadFormat payloadFormatOf(const std::string &schemaFormat);

// The payload `schemaJson` (compact JSON text as the loader wrote it) as a JSON Schema text.
// JSON Schema comes back as it is; Avro is converted (records to objects with their fields
// as properties, required unless nullable or defaulted; unions with null to the other type;
// other unions to oneOf; enums, arrays, maps, fixed; logical types as `format`); Protobuf is
// parsed (messages, fields, repeated, map<>, oneof, nested types, enums; proto2 `required`)
// and its root message converted: the first top-level message that no other message uses,
// else the first. Unread formats give "". Throws InputError (no location) with what is wrong
// (for Protobuf, "line N: ..." within the schema text).
std::string payloadAsJsonSchema(PayloadFormat format, const std::string &schemaJson);

} // namespace eventscope
