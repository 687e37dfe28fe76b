#include "analyzer/contracts/asyncapi.h"

#include "analyzer/contracts/payload_formats.h"
#include "analyzer/contracts/traits_json.h"

#include "analyzer/documents/doc_value.h"
#include "analyzer/documents/document_tree.h"
#include "analyzer/documents/yaml_input.h"
#include "analyzer/paths.h"
#include "model/json_pointer.h"
#include "model/json_text.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace eventscope {
namespace {

const unsigned kMaxRefChain = 64;

nlohmann::ordered_json scalarJson(const DocNode &node) { return scalarValue<nlohmann::ordered_json>(node); }

// A string as nlohmann's dump writes it (invalid UTF-8 replaced); plain ASCII directly.
void appendJsonString(std::string &out, std::string_view text) {
  bool plainAscii = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F && c != '"' && c != '\\';
  });
  if (plainAscii) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  out += jsonText(nlohmann::json(std::string(text)));
}

// Type queries that take a node that is not there (nullptr).
bool isMap(const DocNode *n) { return n && n->isMap(); }
bool isSequence(const DocNode *n) { return n && n->isSequence(); }
bool isScalar(const DocNode *n) { return n && n->isScalar(); }
const unsigned kMaxSchemaDepth = 16;
// A schema copied with its $refs resolved: nested deeper or larger than this is refused
// (shared $refs expand once per use, so a small file could otherwise expand without bound).
// Nesting counts schemas, not JSON pointer segments: `properties/a` is one level, not two
// (see isSchemaContainer); 512 levels read 256 nested properties with room for compositions.
const unsigned kMaxSchemaJsonDepth = 512;

// JSON Schema keywords whose value holds schemas by name or position (draft 2020-12, Core
// 10.2 and 10.3; `definitions` of drafts 04-07): entering one is no schema level of its own.
bool isSchemaContainer(std::string_view key) {
  return key == "properties" || key == "patternProperties" || key == "$defs" || key == "definitions" ||
         key == "dependentSchemas" || key == "allOf" || key == "anyOf" || key == "oneOf" || key == "prefixItems";
}
const size_t kMaxSchemaJsonNodes = 100000;
const size_t kMaxRefFiles = 256;

// The file a `$ref` into another file names (`relative`, read from the file at `from`):
// absolute, without `.` or `..`.
std::string referencedPath(const std::string &from, llvm::StringRef relative) {
  llvm::SmallString<256> path(llvm::sys::path::parent_path(from));
  llvm::sys::path::append(path, relative);
  llvm::sys::fs::make_absolute(path);
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  return std::string(path);
}

// `root` as a prefix of the paths inside it: absolute, without `.` or `..`, ending in "/".
std::string rootPrefixOf(const std::string &root) { return absoluteClean(root) + "/"; }

// Why the file at `absolute` may not be read for a `$ref` written `relative`: it lies outside
// the root, lexically or through a symbolic link. nullopt when it may.
std::optional<std::string> outsideRoot(const std::string &absolute, const std::string &rootPrefix,
                                       const std::string &relative) {
  if (absolute.rfind(rootPrefix, 0) != 0)
    return "$ref '" + relative + "' leaves the analysed root; refused";
  // Lexically inside is not enough: a symbolic link under the root may lead out of it.
  llvm::SmallString<256> realTarget, realRoot;
  if (!llvm::sys::fs::real_path(absolute, realTarget) && !llvm::sys::fs::real_path(llvm::StringRef(rootPrefix).drop_back(), realRoot) &&
      !llvm::StringRef(realTarget).starts_with(std::string(realRoot) + "/"))
    return "$ref '" + relative + "' leads out of the analysed root through a symbolic link; refused";
  return std::nullopt;
}

struct SourceFile {
  std::string path;    // absolute
  std::string display; // relative to the root
  const DocNode *root = nullptr;
  std::shared_ptr<const DocTree> tree; // the file's nodes, for files reached through $ref
};

// A node, the file it is in, and its JSON pointer there.
struct At {
  const DocNode *node = nullptr; // nullptr where the document has nothing
  const SourceFile *file = nullptr;
  std::string pointer;
  const DocNode *parent = nullptr; // where node is nullptr: the map it is missing from (its line)

  bool present() const { return node && !node->isNull(); }
  std::string identity() const { return file->path + "#" + pointer; }
};

class Reader {
public:
  Reader(const DocNode &document, const std::string &path, const std::string &display, const AsyncApiOptions &options)
      : options_(options) {
    llvm::SmallString<256> absolute(path);
    llvm::sys::fs::make_absolute(absolute);
    llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
    auto file = std::make_unique<SourceFile>(SourceFile{std::string(absolute), display, &document, nullptr});
    main_ = file.get();
    files_.emplace(main_->path, std::move(file));
  }

  ContractDocument read() {
    At root{main_->root, main_, ""};
    if (!isMap(root.node))
      fail(root, "an AsyncAPI document must be a map");
    contract_.file = main_->display;
    contract_.location = location(root);
    contract_.version = scalar(child(root, "asyncapi"), "`asyncapi`");
    const std::string &v = contract_.version;
    major_ = v.rfind("2.", 0) == 0 ? 2 : v.rfind("3.", 0) == 0 ? 3 : 0;
    static const std::set<std::string> known = {"2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0",
                                                "2.5.0", "2.6.0", "3.0.0", "3.1.0"};
    if (!known.count(v))
      fail(child(root, "asyncapi"),
           "unsupported AsyncAPI version '" + v + "' (expected 2.0.0 to 2.6.0, 3.0.0 or 3.1.0)");
    At info = resolve(child(root, "info"));
    if (!info.present())
      fail(root, "missing required field `info`");
    if (!isMap(info.node))
      fail(info, "`info` must be a map");
    contract_.title = scalar(child(info, "title"), "`info.title`");
    if (At version = child(info, "version"); version.present() && isScalar(version.node))
      contract_.infoVersion = version.node->text();
    At named = child(info, "x-eventscope-service");
    if (!named.present())
      named = child(root, "x-eventscope-service");
    contract_.service = named.present() ? scalar(named, "`x-eventscope-service`") : contract_.title;
    collectIgnores(root);
    readServers(root);
    if (major_ == 2)
      readChannelsV2(root);
    else
      readV3(root);
    return std::move(contract_);
  }

private:
  [[noreturn]] void fail(const At &at, const std::string &problem) const { throw InputError(location(at), problem); }

  Location location(const At &at) const {
    Location l = locationOf(at.node ? at.node : at.parent, at.file->display);
    l.pointer = at.pointer.empty() ? "/" : at.pointer;
    return l;
  }

  At child(const At &at, const std::string &key) const {
    if (at.node)
      if (auto it = madeValues_.find(at.node); it != madeValues_.end()) {
        // A map with traits merged in: each value where it came from, in the object or a trait.
        auto entries = at.node->entries();
        for (size_t i = 0; i < entries.size(); ++i)
          if (entries[i].key->isScalar() && entries[i].key->text() == key)
            return it->second[i];
        std::string pointer = at.pointer;
        appendPointerToken(pointer, key);
        return {nullptr, at.file, pointer, at.node};
      }
    std::string pointer = at.pointer;
    appendPointerToken(pointer, key);
    const DocNode *node = at.node ? at.node->get(key) : nullptr;
    return {node, at.file, pointer, node ? nullptr : at.node ? at.node : at.parent};
  }

  std::string scalar(const At &at, const std::string &what) const {
    if (!at.present())
      fail(at, "missing required field " + what);
    if (!isScalar(at.node))
      fail(at, what + " must be a string");
    return std::string(at.node->text());
  }

  // Follows `$ref`s until a node that is not a reference. A pointer that passes through a
  // `$ref` resolves that one first (follow), so resolutions nest; the references being
  // resolved, in this call and in the calls around it, are in resolving_, which catches a
  // cycle through a pointer (`a: {$ref: '#/a/x'}`) and bounds the nesting, not the stack.
  At resolve(At at) {
    size_t outer = resolving_.size();
    struct Unwind {
      std::vector<std::string> &stack;
      size_t size;
      ~Unwind() { stack.resize(size); }
    } unwind{resolving_, outer};
    while (isMap(at.node) && at.node->get("$ref")) {
      At ref = child(at, "$ref");
      std::string target = scalar(ref, "`$ref`");
      if (std::find(resolving_.begin(), resolving_.end(), at.identity()) != resolving_.end())
        fail(ref, "$ref cycle: '" + target + "' leads back to itself");
      if (resolving_.size() >= kMaxRefChain)
        fail(ref, "$ref chain longer than " + std::to_string(kMaxRefChain) + " hops at '" + target + "'");
      resolving_.push_back(at.identity());
      at = follow(ref, target);
    }
    return at;
  }

  At follow(const At &ref, const std::string &target) {
    size_t hash = target.find('#');
    std::string filePart = target.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
    if (filePart.find("://") != std::string::npos || filePart.rfind("//", 0) == 0)
      fail(ref, "remote $ref '" + target + "' refused: eventscope never uses the network; vendor the file and refer to it by a relative path");
    const SourceFile *file = ref.file;
    if (!filePart.empty())
      file = load(ref, filePart);
    At at{file->root, file, ""};
    if (fragment.empty())
      return at;
    if (fragment[0] != '/')
      fail(ref, "$ref '" + target + "' has a fragment that is not a JSON pointer");
    size_t start = 1;
    unsigned hops = 0;
    while (true) {
      size_t end = fragment.find('/', start);
      std::string token = unescapeFragmentToken(fragment.substr(start, end == std::string::npos ? end : end - start));
      // A pointer may pass through a node that is itself a $ref (`#/channels/a/messages/m`
      // where channel a is `$ref: other.yaml#/...`): the reference parser reads the
      // document dereferenced, so the walk goes on in what the $ref names.
      if (isMap(at.node) && at.node->get("$ref") && !at.node->get(token)) {
        if (++hops > kMaxRefChain)
          fail(ref, "$ref chain longer than " + std::to_string(kMaxRefChain) + " hops at '" + target + "'");
        at = resolve(at);
        file = at.file;
      }
      At next = child(at, token);
      if (isSequence(at.node) && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
          token.size() < 10 && std::stoul(token) < at.node->items().size())
        next = At{at.node->items()[std::stoul(token)], file, at.pointer + "/" + token};
      if (!next.node)
        fail(ref, "$ref '" + target + "' does not resolve: there is no '" + token + "' at '" +
                      (at.pointer.empty() ? "/" : at.pointer) + "' in " + file->display);
      at = next;
      if (end == std::string::npos)
        break;
      start = end + 1;
    }
    return at;
  }

  const SourceFile *load(const At &ref, const std::string &relative) {
    std::string absolute = referencedPath(ref.file->path, relative);
    if (auto it = files_.find(absolute); it != files_.end())
      return it->second.get();
    const std::string rootPrefix = rootPrefixOf(options_.root);
    if (std::optional<std::string> refused = outsideRoot(absolute, rootPrefix, relative))
      fail(ref, *refused);
    if (files_.size() >= kMaxRefFiles)
      fail(ref, "too many files reached through $ref (the limit is " + std::to_string(kMaxRefFiles) + ")");
    std::string display = absolute.substr(rootPrefix.size());
    std::string text;
    try {
      text = readInputFile(absolute, display);
    } catch (const InputError &e) {
      fail(ref, "$ref '" + relative + "': " + e.what());
    }
    auto tree = std::make_shared<DocTree>(readDocumentTree(std::move(text), display));
    if (tree->documents.size() > 1) // the first read and the rest dropped without a word otherwise
      refuseMoreDocuments(*tree, readInputFile(absolute, display), display, "a file reached through $ref");
    if (tree->documents.empty())
      tree->documents.push_back(&tree->newNode()); // an empty file reads as null
    auto file = std::make_unique<SourceFile>(SourceFile{absolute, display, tree->documents.front(), tree});
    const SourceFile *raw = file.get();
    files_.emplace(absolute, std::move(file));
    return raw;
  }

  void collectIgnores(const At &at) {
    At ignore = child(at, "x-eventscope-ignore");
    if (!ignore.present())
      return;
    ContractIgnore entry;
    entry.pointer = at.pointer;
    entry.rules = DocValue(ignore.node, at.file->display).stringList("`x-eventscope-ignore`");
    if (at.file == main_)
      contract_.ignores.push_back(std::move(entry));
  }

  bool hasSecurity(const At &at) const {
    At security = child(at, "security");
    return security.present() && isSequence(security.node) && !security.node->items().empty();
  }

  // --- Traits -----------------------------------------------------------------------------
  // An operation, message or (3.x) channel with its `traits` applied as the reference parser
  // applies them (after $refs are resolved), by JSON Merge Patch (RFC 7386): in 2.x each
  // trait in turn patches the object, so a trait's value wins (AsyncAPI 2.6, Operation and
  // Message Object: "merged into the object using the JSON Merge Patch algorithm in the same
  // order they are defined"); in 3.x the traits and then the object itself patch an empty
  // object, so the object's own values win (AsyncAPI 3.0, Operation and Message Object).
  // The result keeps the object's file and pointer; each of its values keeps its own.
  At withTraits(const At &object) {
    At traits = child(object, "traits");
    if (!traits.present() || !isMap(object.node))
      return object;
    if (!isSequence(traits.node))
      fail(traits, "`traits` must be a list of traits");
    std::vector<At> patches;
    for (size_t i = 0; i < traits.node->items().size(); ++i) {
      At trait = resolve({traits.node->items()[i], traits.file, traits.pointer + "/" + std::to_string(i)});
      if (!isMap(trait.node))
        fail(trait, "a trait must be a map");
      patches.push_back(trait);
    }
    std::vector<std::pair<const DocNode *, At>> fields; // key, value
    if (major_ == 2)
      fields = fieldsOf(object);
    else
      patches.push_back(object);
    for (const At &patch : patches)
      for (auto &[key, value] : fieldsOf(patch)) {
        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first->text() == key->text(); });
        if (it == fields.end())
          fields.emplace_back(key, mergePatch(At{nullptr, patch.file, value.pointer}, value, 0));
        else
          it->second = mergePatch(it->second, value, 0);
      }
    return made(fields, object);
  }

  // A map's entries as (key, value): scalar keys only, the first of a key written twice.
  std::vector<std::pair<const DocNode *, At>> fieldsOf(const At &map) {
    std::vector<std::pair<const DocNode *, At>> fields;
    for (const DocEntry &entry : map.node->entries())
      if (entry.key->isScalar() &&
          std::none_of(fields.begin(), fields.end(), [&](const auto &f) { return f.first->text() == entry.key->text(); }))
        fields.emplace_back(entry.key, child(map, std::string(entry.key->text())));
    return fields;
  }

  // RFC 7386: a patch that is not a map replaces; a map patches the origin's members, a null
  // member removing one. An origin that is not a map is replaced by the patch as it is (the
  // RFC would also drop the patch's own null members: nothing eventscope reads).
  At mergePatch(const At &origin, const At &patch, unsigned depth) {
    At p = resolve(patch);
    if (!isMap(p.node))
      return p;
    At o = origin.node ? resolve(origin) : origin;
    if (!isMap(o.node))
      return p;
    if (depth > kMaxSchemaJsonDepth)
      fail(p, "traits merged deeper than " + std::to_string(kMaxSchemaJsonDepth) + " levels");
    std::vector<std::pair<const DocNode *, At>> fields = fieldsOf(o);
    for (auto &[key, value] : fieldsOf(p)) {
      auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first->text() == key->text(); });
      if (value.node && value.node->isNull()) {
        if (it != fields.end())
          fields.erase(it);
      } else if (it == fields.end()) {
        fields.emplace_back(key, value);
      } else {
        it->second = mergePatch(it->second, value, depth + 1);
      }
    }
    return made(fields, o);
  }

  At made(const std::vector<std::pair<const DocNode *, At>> &fields, const At &at) {
    std::vector<DocEntry> entries;
    std::vector<At> values;
    for (const auto &[key, value] : fields) {
      entries.push_back({key, value.node ? value.node : &nullNode()});
      values.push_back(value);
    }
    const DocNode &node = made_.newMap(entries, at.node ? at.node->line : 0, at.node ? at.node->column : 0);
    madeValues_[&node] = std::move(values);
    return {&node, at.file, at.pointer, nullptr};
  }

  const DocNode &nullNode() {
    if (!null_)
      null_ = &made_.newNode();
    return *null_;
  }

  void readServers(const At &root) {
    At servers = resolve(child(root, "servers"));
    if (!servers.present())
      return;
    if (!isMap(servers.node))
      fail(servers, "`servers` must be a map");
    for (const auto &entry : servers.node->entries()) {
      std::string name = keyText(entry.key);
      At server = resolve(child(servers, name));
      ContractServer s;
      s.name = name;
      s.location = location(server);
      At protocol = child(server, "protocol");
      s.protocol = protocol.present() && isScalar(protocol.node) ? protocol.node->text() : "";
      for (const char *field : {"url", "host"})
        if (At value = child(server, field); value.present() && isScalar(value.node))
          s.host = value.node->text();
      if (At pathname = child(server, "pathname"); !s.host.empty() && pathname.present() && isScalar(pathname.node))
        s.host += pathname.node->text();
      s.secured = hasSecurity(server);
      serverByIdentity_[server.identity()] = name;
      contract_.servers.push_back(std::move(s));
    }
  }

  // Property names of a schema, through $ref and allOf (what every instance has).
  void collectFields(At schema, ContractMessage &message, unsigned depth, std::set<std::string> &visited) {
    if (depth > kMaxSchemaDepth)
      return;
    schema = resolve(schema);
    if (!schema.present() || !isMap(schema.node) || !visited.insert(schema.identity()).second)
      return;
    // A 3.x multi-format schema: {schemaFormat, schema}.
    if (child(schema, "schemaFormat").present() && child(schema, "schema").present()) {
      collectFields(child(schema, "schema"), message, depth + 1, visited);
      return;
    }
    At properties = child(schema, "properties");
    if (properties.present() && isMap(properties.node))
      for (const auto &entry : properties.node->entries())
        if (entry.key->isScalar())
          message.fieldNames.emplace_back(entry.key->text());
    At fields = child(schema, "fields"); // Avro records
    if (fields.present() && isSequence(fields.node))
      for (const DocNode *field : fields.node->items())
        if (const DocNode *name = field->get("name"); name && name->isScalar())
          message.fieldNames.emplace_back(name->text());
    At allOf = child(schema, "allOf");
    if (allOf.present() && isSequence(allOf.node))
      for (size_t i = 0; i < allOf.node->items().size(); ++i)
        collectFields({allOf.node->items()[i], allOf.file, allOf.pointer + "/" + std::to_string(i)}, message, depth + 1,
                      visited);
  }

  // Writes a value as compact JSON (as nlohmann's dump writes it), $refs resolved in place;
  // a $ref back into one of its own ancestors (a recursive schema) stays a $ref. `pointer`
  // is the value's JSON pointer, extended and restored on the way down. Written straight to
  // text: a JSON object per node was most of the time of loading a large document.
  void writeJson(const DocNode *node, const SourceFile *file, std::string &pointer, unsigned depth,
                 std::vector<std::string> &ancestors, size_t &nodes, std::string &out) {
    if (depth > kMaxSchemaJsonDepth && (isMap(node) || isSequence(node))) // (a scalar nests nothing)
      fail({node, file, pointer}, "schema nested deeper than " + std::to_string(kMaxSchemaJsonDepth) + " levels");
    if (++nodes > kMaxSchemaJsonNodes)
      fail({node, file, pointer},
           "schema expands to more than " + std::to_string(kMaxSchemaJsonNodes) + " values through $ref or YAML aliases");
    if (isMap(node) && node->get("$ref")) {
      At at{node, file, pointer};
      std::string target = scalar(child(at, "$ref"), "`$ref`");
      At resolved = resolve(at);
      std::string identity = resolved.identity();
      if (std::find(ancestors.begin(), ancestors.end(), identity) != ancestors.end()) {
        out += "{\"$ref\":";
        appendJsonString(out, target);
        out += '}';
        return;
      }
      ancestors.push_back(std::move(identity));
      writeJson(resolved.node, resolved.file, resolved.pointer, depth + 1, ancestors, nodes, out);
      ancestors.pop_back();
      return;
    }
    size_t base = pointer.size();
    if (auto it = isMap(node) ? madeValues_.find(node) : madeValues_.end(); it != madeValues_.end()) {
      // Traits merged in: each value from its own file and place.
      out += '{';
      auto entries = node->entries();
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i)
          out += ',';
        appendJsonString(out, entries[i].key->text());
        out += ':';
        const At &value = it->second[i];
        std::string valuePointer = value.pointer;
        writeJson(value.node, value.file, valuePointer, isSchemaContainer(entries[i].key->text()) ? depth : depth + 1,
                  ancestors, nodes, out);
      }
      out += '}';
    } else if (isMap(node)) {
      out += '{';
      bool first = true;
      auto entries = node->entries();
      std::unordered_set<std::string_view> seen; // large maps only
      for (size_t i = 0; i < entries.size(); ++i) {
        const DocNode *key = entries[i].key;
        // A key written twice: its first value at its first place, as a lookup finds it.
        if (!key->isScalar() || (entries.size() > 32 ? !seen.insert(key->text()).second
                                                     : std::any_of(entries.begin(), entries.begin() + i, [&](const DocEntry &e) {
                                                         return e.key->isScalar() && e.key->text() == key->text();
                                                       })))
          continue;
        if (!first)
          out += ',';
        first = false;
        appendJsonString(out, key->text());
        out += ':';
        appendPointerToken(pointer, key->text());
        writeJson(entries[i].value, file, pointer, isSchemaContainer(key->text()) ? depth : depth + 1, ancestors, nodes,
                  out);
        pointer.resize(base);
      }
      out += '}';
    } else if (isSequence(node)) {
      out += '[';
      auto items = node->items();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i)
          out += ',';
        pointer += '/';
        pointer += std::to_string(i);
        writeJson(items[i], file, pointer, depth, ancestors, nodes, out); // the list is no level of its own
        pointer.resize(base);
      }
      out += ']';
    } else if (!node || node->isNull()) {
      out += "null";
    } else if (readsAsString(*node)) {
      appendJsonString(out, node->text()); // without building a JSON value for it
    } else {
      nlohmann::ordered_json value = scalarJson(*node);
      if (value.is_string())
        appendJsonString(out, node->text());
      else
        out += jsonText(value);
    }
  }

  std::string schemaText(const At &schema, std::string *format) {
    if (!schema.present())
      return "";
    std::vector<std::string> ancestors;
    size_t nodes = 0;
    std::string out;
    // A 3.x multi-format schema, {schemaFormat, schema}: the schema, and its format.
    At top = isMap(schema.node) && schema.node->get("$ref") ? resolve(schema) : schema;
    At inner = child(top, "schema");
    if (format && isMap(top.node) && top.node->get("schemaFormat") && inner.node) {
      if (top.pointer != schema.pointer || top.file != schema.file)
        ancestors.push_back(top.identity());
      std::string formatJson;
      At formatAt = child(top, "schemaFormat");
      writeJson(formatAt.node, formatAt.file, formatAt.pointer, 1, ancestors, nodes, formatJson);
      if (formatJson.front() == '"')
        *format = nlohmann::json::parse(formatJson).get<std::string>();
      writeJson(inner.node, inner.file, inner.pointer, 1, ancestors, nodes, out);
      return out;
    }
    std::string pointer = schema.pointer;
    writeJson(schema.node, schema.file, pointer, 0, ancestors, nodes, out);
    return out;
  }

  // The index of a message, read once however many places refer to it.
  size_t readMessage(At at, const std::string &fallbackName) {
    at = resolve(at);
    if (auto it = messageByIdentity_.find(at.identity()); it != messageByIdentity_.end())
      return it->second;
    if (!isMap(at.node))
      fail(at, "a message must be a map");
    std::string identity = at.identity();
    at = withTraits(at);
    ContractMessage message;
    At name = child(at, "name");
    At messageId = child(at, "messageId");
    message.name = name.present() && isScalar(name.node)             ? name.node->text()
                   : messageId.present() && isScalar(messageId.node) ? messageId.node->text()
                   : at.pointer.rfind("/components/messages/", 0) == 0 ? unescapeFragmentToken(at.pointer.substr(21))
                                                                       : fallbackName;
    message.location = location(at);
    message.hasPayload = child(at, "payload").present();
    message.payloadSchema = schemaText(child(at, "payload"), &message.schemaFormat);
    message.headersSchema = schemaText(child(at, "headers"), nullptr);
    if (At format = child(at, "schemaFormat"); format.present() && isScalar(format.node)) // 2.x
      message.schemaFormat = format.node->text();
    if (At type = child(at, "contentType"); type.present() && isScalar(type.node))
      message.contentType = type.node->text();
    std::set<std::string> visited;
    collectFields(child(at, "headers"), message, 0, visited);
    if (readPayloadFormat(child(at, "payload"), message) == PayloadFormat::JsonSchema)
      collectFields(child(at, "payload"), message, 0, visited);
    std::sort(message.fieldNames.begin(), message.fieldNames.end());
    message.fieldNames.erase(std::unique(message.fieldNames.begin(), message.fieldNames.end()),
                             message.fieldNames.end());
    collectIgnores(at);
    size_t index = contract_.messages.size();
    contract_.messages.push_back(std::move(message));
    messageByIdentity_[identity] = index;
    return index;
  }

  // The payload's format; an Avro or Protobuf payload converted to the neutral field tree
  // (JSON Schema), with its field names. A format eventscope does not read is marked, its
  // fields unknown; one that does not parse is an error at the payload.
  PayloadFormat readPayloadFormat(const At &payload, ContractMessage &message) {
    PayloadFormat format = payloadFormatOf(message.schemaFormat);
    if (message.payloadSchema.empty() || format == PayloadFormat::JsonSchema)
      return format;
    if (format == PayloadFormat::Unread) {
      message.formatUnread = true;
      message.fieldsKnown = false;
      return format;
    }
    try {
      message.convertedPayload = payloadAsJsonSchema(format, message.payloadSchema);
    } catch (const std::exception &e) {
      fail(payload, "the payload (schemaFormat '" + message.schemaFormat + "') does not read: " + e.what());
    }
    nlohmann::json converted = nlohmann::json::parse(message.convertedPayload);
    if (converted.contains("properties") && converted["properties"].is_object())
      for (const auto &[name, value] : converted["properties"].items())
        message.fieldNames.push_back(name);
    return format;
  }

  std::vector<std::string> channelServers(const At &channel) {
    std::vector<std::string> names;
    At servers = child(channel, "servers");
    if (!servers.present())
      return names;
    if (!isSequence(servers.node))
      fail(servers, "`servers` of a channel must be a list");
    for (size_t i = 0; i < servers.node->items().size(); ++i) {
      At item{servers.node->items()[i], servers.file, servers.pointer + "/" + std::to_string(i)};
      if (isScalar(item.node)) { // 2.x: server names
        names.emplace_back(item.node->text());
        continue;
      }
      At server = resolve(item); // 3.x: references to servers
      auto it = serverByIdentity_.find(server.identity());
      names.push_back(it != serverByIdentity_.end() ? it->second : server.pointer);
    }
    return names;
  }

  void readChannelsV2(const At &root) {
    At channels = resolve(child(root, "channels"));
    if (!channels.present())
      fail(root, "missing required field `channels`");
    if (!isMap(channels.node))
      fail(channels, "`channels` must be a map of channel addresses");
    for (const auto &entry : channels.node->entries()) {
      std::string address = keyText(entry.key);
      At channel = resolve(child(channels, address));
      if (!isMap(channel.node) && channel.present())
        fail(channel, "a channel must be a map");
      ContractChannel c;
      c.id = address;
      c.address = address;
      c.location = location(channel);
      c.servers = channelServers(channel);
      c.deadLetterDeclared = child(channel, "x-dead-letter").present();
      collectIgnores(channel);
      size_t channelIndex = contract_.channels.size();
      contract_.channels.push_back(c);
      // 2.x: `subscribe` is what the application sends, `publish` what it receives.
      for (auto [key, role] : {std::pair<const char *, Role>{"subscribe", Role::Produce}, {"publish", Role::Consume}}) {
        At op = resolve(child(channel, key));
        if (!op.present())
          continue;
        if (!isMap(op.node))
          fail(op, std::string("`") + key + "` must be an operation object");
        op = withTraits(op);
        ContractOperation o;
        At id = child(op, "operationId");
        o.id = id.present() && isScalar(id.node) ? id.node->text() : address + "/" + key;
        o.role = role;
        o.channel = channelIndex;
        o.location = location(op);
        o.secured = hasSecurity(op);
        At message = resolve(child(op, "message"));
        if (message.present()) {
          At oneOf = child(message, "oneOf");
          if (oneOf.present() && isSequence(oneOf.node)) {
            for (size_t i = 0; i < oneOf.node->items().size(); ++i)
              o.messages.push_back(readMessage({oneOf.node->items()[i], oneOf.file, oneOf.pointer + "/" + std::to_string(i)},
                                               o.id + "." + std::to_string(i)));
          } else {
            o.messages.push_back(readMessage(message, o.id));
          }
        }
        for (size_t m : o.messages)
          if (std::find(contract_.channels[channelIndex].messages.begin(),
                        contract_.channels[channelIndex].messages.end(), m) == contract_.channels[channelIndex].messages.end())
            contract_.channels[channelIndex].messages.push_back(m);
        collectIgnores(op);
        contract_.operations.push_back(std::move(o));
      }
    }
  }

  size_t readChannelV3(const std::string &id, At channel) {
    channel = resolve(channel);
    if (auto it = channelByIdentity_.find(channel.identity()); it != channelByIdentity_.end())
      return it->second;
    if (!isMap(channel.node) && channel.present())
      fail(channel, "a channel must be a map");
    channel = withTraits(channel); // (the reference parser applies channel traits too)
    ContractChannel c;
    c.id = id;
    At address = child(channel, "address");
    c.addressIsNull = !address.present();
    if (!c.addressIsNull && !isScalar(address.node))
      fail(address, "`address` must be a string or null");
    c.address = c.addressIsNull ? "" : std::string(address.node->text());
    c.location = location(channel);
    c.servers = channelServers(channel);
    c.deadLetterDeclared = child(channel, "x-dead-letter").present();
    collectIgnores(channel);
    size_t index = contract_.channels.size();
    channelByIdentity_[channel.identity()] = index;
    contract_.channels.push_back(c);
    At messages = child(channel, "messages");
    if (messages.present()) {
      if (!isMap(messages.node))
        fail(messages, "`messages` of a channel must be a map");
      for (const auto &entry : messages.node->entries()) {
        std::string key = keyText(entry.key);
        At raw = child(messages, key);
        size_t m = readMessage(raw, key);
        contract_.channels[index].messages.push_back(m);
        channelMessageByIdentity_[raw.identity()] = m; // operations refer to this entry
      }
    }
    return index;
  }

  void readV3(const At &root) {
    At channels = resolve(child(root, "channels"));
    if (channels.present()) {
      if (!isMap(channels.node))
        fail(channels, "`channels` must be a map");
      for (const auto &entry : channels.node->entries())
        readChannelV3(keyText(entry.key), child(channels, keyText(entry.key)));
    }
    At operations = resolve(child(root, "operations"));
    if (!operations.present())
      return;
    if (!isMap(operations.node))
      fail(operations, "`operations` must be a map");
    for (const auto &entry : operations.node->entries()) {
      std::string id = keyText(entry.key);
      At op = resolve(child(operations, id));
      if (!isMap(op.node))
        fail(op, "an operation must be a map");
      op = withTraits(op);
      ContractOperation o;
      o.id = id;
      std::string action = scalar(child(op, "action"), "`action`");
      if (action != "send" && action != "receive")
        fail(child(op, "action"), "invalid action '" + action + "' (expected send or receive)");
      o.role = action == "send" ? Role::Produce : Role::Consume;
      At channelRef = child(op, "channel");
      if (!channelRef.present())
        fail(op, "missing required field `channel` of operation " + id);
      At target = resolve(channelRef);
      std::string channelId = target.pointer.rfind("/channels/", 0) == 0 ? unescapeFragmentToken(target.pointer.substr(10)) : id;
      o.channel = readChannelV3(channelId, target);
      o.location = location(op);
      o.secured = hasSecurity(op);
      o.messages = operationMessages(child(op, "messages"), o.channel, id);
      collectIgnores(op);
      bool secured = o.secured;
      Role role = o.role;
      contract_.operations.push_back(std::move(o));
      if (At reply = resolve(child(op, "reply")); reply.present())
        readReply(reply, id, role, secured);
    }
  }

  // An operation's `messages`: references to its channel's message entries (read with the
  // channel) or messages of their own; absent, every message of the channel.
  std::vector<size_t> operationMessages(const At &messages, size_t channel, const std::string &id) {
    std::vector<size_t> out;
    if (!messages.present())
      return contract_.channels[channel].messages;
    if (!isSequence(messages.node))
      fail(messages, "`messages` of an operation must be a list");
    for (size_t i = 0; i < messages.node->items().size(); ++i) {
      At item{messages.node->items()[i], messages.file, messages.pointer + "/" + std::to_string(i)};
      // A reference to a channel's message entry: the message read with the channel.
      At entryAt = item;
      if (const DocNode *ref = item.node ? item.node->get("$ref") : nullptr; ref && ref->isScalar()) {
        At once = follow(child(item, "$ref"), std::string(ref->text()));
        if (auto it = channelMessageByIdentity_.find(once.identity()); it != channelMessageByIdentity_.end()) {
          out.push_back(it->second);
          continue;
        }
        entryAt = once;
      }
      out.push_back(readMessage(entryAt, id + "." + std::to_string(i)));
    }
    return out;
  }

  // AsyncAPI 3.0, Operation Reply Object: the reply goes the other way, on `channel`, to
  // `address` when that is given (a run-time expression: then the channel's own address
  // must be null, and the reply's address is unknown).
  void readReply(const At &reply, const std::string &operationId, Role role, bool secured) {
    if (!isMap(reply.node))
      fail(reply, "`reply` of operation " + operationId + " must be a map");
    ContractOperation r;
    r.id = operationId + ".reply";
    r.role = role == Role::Produce ? Role::Consume : Role::Produce;
    r.location = location(reply);
    r.secured = secured;
    r.replyTo = contract_.operations.size() - 1;
    if (At address = resolve(child(reply, "address")); address.present()) {
      if (!isMap(address.node))
        fail(address, "`address` of a reply must be a map with a `location`");
      r.replyAddress = scalar(child(address, "location"), "`location` of the reply's address");
    }
    At channelRef = child(reply, "channel");
    if (channelRef.present()) {
      At target = resolve(channelRef);
      if (target.file != main_ || target.pointer.rfind("/channels/", 0) != 0 ||
          target.pointer.find('/', 10) != std::string::npos)
        fail(channelRef, "the `channel` of a reply must refer to a channel of this document's `channels`");
      r.channel = readChannelV3(unescapeFragmentToken(target.pointer.substr(10)), target);
    } else {
      ContractChannel implicit;
      implicit.id = operationId + ".reply";
      implicit.addressIsNull = true;
      implicit.implicit = true;
      implicit.location = r.location;
      r.channel = contract_.channels.size();
      contract_.channels.push_back(std::move(implicit));
    }
    r.messages = operationMessages(child(reply, "messages"), r.channel, r.id);
    collectIgnores(reply);
    contract_.operations.push_back(std::move(r));
  }

  const AsyncApiOptions &options_;
  std::vector<std::string> resolving_; // identities of the `$ref`s being resolved, outermost first
  DocTree made_;                                                 // maps with traits merged in
  std::unordered_map<const DocNode *, std::vector<At>> madeValues_; // their values, entry by entry
  const DocNode *null_ = nullptr;
  std::map<std::string, std::unique_ptr<SourceFile>> files_;
  const SourceFile *main_ = nullptr;
  ContractDocument contract_;
  int major_ = 0;
  llvm::StringMap<std::string> serverByIdentity_;
  llvm::StringMap<size_t> messageByIdentity_;
  llvm::StringMap<size_t> channelByIdentity_;
  llvm::StringMap<size_t> channelMessageByIdentity_;
};

} // namespace

namespace {

// Aliases expand here: a document whose values multiply past this is refused.
const size_t kMaxDocumentJsonValues = 20'000'000;

nlohmann::ordered_json documentJson(const DocNode &node, const std::string &display, unsigned depth, size_t &values) {
  if (++values > kMaxDocumentJsonValues)
    throw InputError(locationOf(&node, display), "the document expands to more than " +
                                                    std::to_string(kMaxDocumentJsonValues) +
                                                    " values (through YAML aliases?); refused");
  if (depth > 2048) // what the readers read (document_tree.h)
    throw InputError(locationOf(&node, display), "the document is nested deeper than 2048 levels; refused");
  if (node.isMap()) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    auto &members = object.get_ref<nlohmann::ordered_json::object_t &>();
    // ordered_json finds a key by a linear search: a 60,000-channel map was quadratic. New
    // keys are appended; a key written twice takes the later value at its first place.
    std::unordered_set<std::string> seen;
    for (const auto &[key, value] : node.entries()) {
      // A key that is not a scalar (never one of AsyncAPI's) is named by its own JSON text.
      std::string name = key->isScalar() ? std::string(key->text()) : jsonText(documentJson(*key, display, depth + 1, values));
      nlohmann::ordered_json member = documentJson(*value, display, depth + 1, values);
      if (seen.insert(name).second)
        members.emplace_back(std::move(name), std::move(member));
      else
        object[name] = std::move(member);
    }
    return object;
  }
  if (node.isSequence()) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const DocNode *item : node.items())
      array.push_back(documentJson(*item, display, depth + 1, values));
    return array;
  }
  if (node.isScalar())
    return scalarJson(node);
  return nullptr;
}

} // namespace

std::string documentAsJson(const DocNode &document, const std::string &displayPath, const std::string &path,
                           const std::string &root) {
  size_t values = 0;
  nlohmann::ordered_json json = documentJson(document, displayPath, 0, values);
  // Traits in other files (`$ref: traits.yaml#/envelope`), read as the loader reads them:
  // relative to the document, inside the root, at most kMaxRefFiles files. One that cannot be
  // read stays as written (the loader has said why already).
  std::map<std::string, std::unique_ptr<nlohmann::ordered_json>> files;
  auto external = [&](const std::string &ref) -> const nlohmann::ordered_json * {
    if (path.empty() || root.empty())
      return nullptr;
    const size_t hash = ref.find('#');
    const std::string file = ref.substr(0, hash);
    const std::string target = referencedPath(path, file);
    const std::string rootPrefix = rootPrefixOf(root);
    if (outsideRoot(target, rootPrefix, file))
      return nullptr;
    auto [it, added] = files.try_emplace(target);
    if (added) {
      if (files.size() > kMaxRefFiles)
        return nullptr;
      try {
        std::string display = target.substr(rootPrefix.size());
        DocTree tree = readDocumentTree(readInputFile(target, display), display);
        size_t count = 0;
        if (!tree.documents.empty())
          it->second = std::make_unique<nlohmann::ordered_json>(documentJson(*tree.documents.front(), display, 0, count));
      } catch (const InputError &) {
      }
    }
    if (!it->second)
      return nullptr;
    try {
      return hash == std::string::npos ? it->second.get()
                                       : &it->second->at(nlohmann::ordered_json::json_pointer(ref.substr(hash + 1)));
    } catch (const nlohmann::ordered_json::exception &) {
      return nullptr;
    }
  };
  applyTraits(json, external); // as the loader reads them: traits and their inline twin diff alike
  return jsonText(json);
}

namespace {

// Whether documentAsJson would read the tree below `node` as it is (so the diff can walk the
// tree itself): no traits to apply, every key a scalar, within its depth and size limits.
bool readsAsItIs(const DocNode &node, unsigned depth, size_t &values) {
  if (++values > kMaxDocumentJsonValues || depth > 2048)
    return false;
  for (const auto &[key, value] : node.entries()) {
    if (!key->isScalar() || key->text() == "traits" || key->text() == "operationTraits" || key->text() == "messageTraits")
      return false;
    if (!readsAsItIs(*value, depth + 1, values))
      return false;
  }
  for (const DocNode *item : node.items())
    if (!readsAsItIs(*item, depth + 1, values))
      return false;
  return true;
}

} // namespace

const DocNode &documentForDiff(const DocTree &tree, const DocNode &document, const std::string &displayPath,
                               const std::string &path, const std::string &root, std::shared_ptr<const DocTree> &made) {
  size_t values = 0;
  if (!tree.shared && readsAsItIs(document, 0, values))
    return document;
  auto json = std::make_shared<DocTree>(readDocumentTree(documentAsJson(document, displayPath, path, root), displayPath));
  made = json;
  return *json->documents.front();
}

bool isAsyncApiDocument(const DocNode &document) { return document.get("asyncapi") != nullptr; }

ContractDocument loadAsyncApi(const DocNode &document, const std::string &path, const std::string &displayPath,
                              const AsyncApiOptions &options) {
  return Reader(document, path, displayPath, options).read();
}

void addContractToGraph(ContractDocument contract, EventGraph &graph) {
  bool v2 = contract.version.rfind("2.", 0) == 0;
  for (const ContractOperation &op : contract.operations) {
    std::string api = v2 ? (op.role == Role::Produce ? "asyncapi subscribe" : "asyncapi publish")
                         : (op.role == Role::Produce ? "asyncapi send" : "asyncapi receive");
    if (op.isReply())
      api = op.role == Role::Produce ? "asyncapi reply send" : "asyncapi reply receive";
    const ContractChannel &channel = contract.channels[op.channel];
    // An unknown address is not the channel's key: the operation is an edge the graph
    // cannot draw, said as a messaging call with a run-time channel is.
    if (!op.replyAddress.empty()) {
      graph.addUnresolved({contract.service, op.location, api,
                           "the reply goes to the run-time address '" + op.replyAddress +
                               "' (AsyncAPI 3.0 Operation Reply Address Object), so it is linked to no channel",
                           op.role, ChannelKind::Topic, "", {}});
      continue;
    }
    if (channel.addressIsNull) {
      graph.addUnresolved({contract.service, op.location, api,
                           channel.implicit ? std::string("the reply names neither a channel nor an address")
                                            : "its channel '" + channel.id + "'" +
                                                  " has no address (null or absent: known only at run time, AsyncAPI "
                                                  "3.0 Channel Object), so it is linked to no other channel",
                           op.role, ChannelKind::Topic, "", {}});
      continue;
    }
    if (op.isReply() && op.role == Role::Produce) {
      // The responder: receiving the request leads to sending the reply, as the document says.
      const ContractOperation &request = contract.operations[op.replyTo];
      // A reply on the request's own channel (a WebSocket answering on `/`) is one
      // exchange, not a cascade: no trigger, or the graph would draw a cycle of one.
      if (const ContractChannel &from = contract.channels[request.channel];
          !from.addressIsNull && from.address != channel.address)
        graph.addTrigger({contract.service, from.address, channel.address, {}, op.location, Origin::Contract});
    }
    graph.addEndpoint({contract.service, contract.channels[op.channel].address, op.role, op.location, Origin::Contract,
                       api, "", "", ChannelValue::Constant, "", "", {}, "", {}, {}, {}, "", {}, {}});
  }
  graph.addContract(std::move(contract));
}

} // namespace eventscope
