// Traits applied to a document's JSON, for the breaking-change diff: a document written
// with traits reads like the same document written inline (shared case asyncapi/12).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace eventscope {

// Merges every operation's and message's `traits` into it and removes `traits`, as the
// loader reads them (AsyncAPI 2.x: operationTraitObject, messageTraitObject, "the trait
// wins"; 3.0: "the object wins"), by JSON Merge Patch (RFC 7396). Traits given by a local
// `$ref` (`#/components/...`) or one into another file that `external` reads are followed; when every trait could be applied, the
// components' `operationTraits` and `messageTraits` go too (they only served as traits).
// An object with a trait that is not a map or a $ref leaving the document keeps its
// `traits` as written.
// `external`, when given, reads a `$ref` into another file (`traits.yaml#/envelope`, relative
// to the document): the JSON it names, or null when it cannot (refused, missing, unresolved).
using ExternalRef = std::function<const nlohmann::ordered_json *(const std::string &ref)>;
void applyTraits(nlohmann::ordered_json &document, const ExternalRef &external = {});

} // namespace eventscope
