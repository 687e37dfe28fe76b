// Streaming: nlohmann-json's parser calls back at every object's end, and the callback turns
// a finished span into a TraceSpan and tells the parser to drop it, so only the document's
// skeleton and the batch being read are held. Where a span is comes from a stack of the
// containers the parser is in, kept here from the same callbacks.
#include "analyzer/traces/trace_files.h"

#include "analyzer/traces/messaging_conventions.h"
#include "analyzer/traces/trace_layout.h"
#include "model/input_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <iterator>
#include <memory>
#include <fstream>
#include <functional>
#include <future>
#include <thread>
#include <sstream>

namespace eventscope {
namespace {

using json = nlohmann::json;

enum class Format { Unknown, Otlp, Jaeger, JaegerTrace, Zipkin };

const char *formatName(Format format) {
  switch (format) {
  case Format::Otlp:
    return "OTLP/JSON";
  case Format::Jaeger:
  case Format::JaegerTrace:
    return "Jaeger JSON";
  case Format::Zipkin:
    return "Zipkin v2 JSON";
  case Format::Unknown:
    break;
  }
  return "unknown";
}

std::string scalarText(const json &value) {
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_boolean())
    return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer())
    return std::to_string(value.get<long long>());
  if (value.is_number_unsigned())
    return std::to_string(value.get<unsigned long long>());
  if (value.is_number_float()) {
    std::ostringstream text;
    text << value.get<double>();
    return text.str();
  }
  return {};
}

std::string stringField(const json &object, const char *name) {
  auto it = object.find(name);
  return it != object.end() ? scalarText(*it) : std::string();
}

// OTLP's AnyValue ({"stringValue": "x"}, {"intValue": "5"}, ...) as text; arrays and maps as "".
std::string anyValueText(const json &value) {
  if (!value.is_object() || value.empty())
    return {};
  auto first = value.begin(); // (not items(): its proxy would be a temporary here)
  const std::string &kind = first.key();
  const json &v = first.value();
  if (kind == "stringValue" || kind == "intValue" || kind == "boolValue" || kind == "doubleValue")
    return scalarText(v);
  return {};
}

// OTLP attributes: [{"key": k, "value": AnyValue}].
void readOtlpAttributes(const json &list, std::map<std::string, std::string> &out) {
  if (!list.is_array())
    return;
  for (const json &kv : list)
    if (kv.is_object() && kv.contains("key"))
      out[scalarText(kv["key"])] = kv.contains("value") ? anyValueText(kv["value"]) : std::string();
}

// Jaeger tags: [{"key": k, "type": "string", "value": v}].
// Jaeger's domain model (api_v2, protobuf JSON) types them: {"key", "vType", "vStr"}.
void readJaegerTags(const json &list, std::map<std::string, std::string> &out) {
  if (!list.is_array())
    return;
  for (const json &kv : list) {
    if (!kv.is_object() || !kv.contains("key"))
      continue;
    std::string &value = out[scalarText(kv["key"])];
    for (const char *field : {"value", "vStr", "vInt64", "vBool", "vFloat64"})
      if (auto it = kv.find(field); it != kv.end()) {
        value = scalarText(*it);
        break;
      }
  }
}

bool readKey(const json &object, const char *traceField, const char *spanField, SpanKey &key) {
  std::string trace = stringField(object, traceField), span = stringField(object, spanField);
  uint64_t hi = 0, lo = 0, unused = 0;
  if (!parseTraceId(trace, key.traceHi, key.traceLo) || !parseTraceId(span, unused, lo))
    return false;
  key.span = lo;
  (void)hi;
  return key.span != 0;
}

uint64_t readSpanId(const json &object, const char *field) {
  std::string text = stringField(object, field);
  uint64_t hi = 0, lo = 0;
  return parseTraceId(text, hi, lo) ? lo : 0;
}

// The JSON pointers of spans, as patterns (ObservedSpans::shapes), one per place a format
// puts its spans; registered before parsing so that readers on other threads only read them.
enum Shape { kOtlpScope, kOtlpLibrary, kJaegerData, kJaegerTrace, kList, kListOfLists, kShapes };
const char *const kShapePatterns[kShapes] = {"/resourceSpans/%/scopeSpans/%/spans/%",
                                             "/resourceSpans/%/instrumentationLibrarySpans/%/spans/%",
                                             "/data/%/spans/%", "/spans/%", "/%", "/%/%"};

// A file read a megabyte at a time, as the characters nlohmann-json's parser takes through an
// iterator: faster than through a std::istream, and never the whole file in memory.
class FileChunks {
public:
  explicit FileChunks(std::FILE *file) : file_(file), buffer_(1 << 20) { fill(); }
  class Iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;
    Iterator() = default; // the end
    explicit Iterator(FileChunks *chunks) : chunks_(chunks->size_ ? chunks : nullptr) {}
    const char &operator*() const { return chunks_->buffer_[chunks_->pos_]; }
    Iterator &operator++() {
      if (++chunks_->pos_ == chunks_->size_ && !chunks_->fill())
        chunks_ = nullptr;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const Iterator &a, const Iterator &b) { return a.chunks_ == b.chunks_; }
    friend bool operator!=(const Iterator &a, const Iterator &b) { return a.chunks_ != b.chunks_; }

  private:
    FileChunks *chunks_ = nullptr;
  };

private:
  bool fill() {
    size_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    pos_ = 0;
    return size_ > 0;
  }
  std::FILE *file_;
  std::vector<char> buffer_;
  size_t pos_ = 0, size_ = 0;
};

// One container the parser is in: its place in its parent, and (objects) the key being read.
struct Frame {
  bool array = false;
  uint32_t count = 0;   // an array's elements so far
  std::string key;      // an object's current key
  std::string posKey;   // this container's key in its parent object
  int64_t posIndex = -1; // ... or its index in its parent array
  bool span = false;     // a span object: keys the readers never look at are dropped unparsed
  bool keyed = false;    // an attribute or tag entry ({"key": k, "value": v}), or a tags map
  std::string entryKey;  // an entry's "key", once read
};

// The keys of a span object that some format's reader looks at; the others (names, times,
// events, status) are dropped as they are parsed, most of a span's text.
bool spanKeyMatters(const std::string &key) {
  static const char *const keys[] = {"traceId", "spanId", "parentSpanId", "kind", "attributes", "links", "operationName",
                                     "traceID", "spanID", "parentSpanID", "references", "tags", "processID",
                                     "process", "id", "parentId", "localEndpoint", "remoteEndpoint"};
  for (const char *k : keys)
    if (key == k)
      return true;
  return false;
}

class DocumentReader {
public:
  // Each span read goes to `sink`, in document order; `shapes` are the ids of kShapePatterns.
  DocumentReader(std::function<void(RawSpan &)> sink, const uint16_t *shapes, uint32_t fileIndex, uint32_t line,
                 const std::string &display)
      : sink_(std::move(sink)), shapes_(shapes), fileIndex_(fileIndex), line_(line), display_(display) {}

  // Parses one JSON document from `in`; throws json::parse_error, or InputError for JSON of
  // no trace format.
  Format read(std::FILE *file) {
    json::parser_callback_t callback = [this](int depth, json::parse_event_t event, json &parsed) {
      return onEvent(depth, event, parsed);
    };
    FileChunks chunks(file);
    json skeleton = json::parse(FileChunks::Iterator(&chunks), FileChunks::Iterator(), callback,
                                /*allow_exceptions=*/true, /*ignore_comments=*/false);
    (void)skeleton; // what is left once the spans are taken out
    finishFormat();
    return format_;
  }
  Format read(const std::string &text) {
    json::parser_callback_t callback = [this](int depth, json::parse_event_t event, json &parsed) {
      return onEvent(depth, event, parsed);
    };
    json skeleton = json::parse(text, callback, true, false);
    (void)skeleton;
    finishFormat();
    return format_;
  }

private:
  Location here() const {
    Location at{display_, line_, 0, ""};
    return at;
  }

  void finishFormat() {
    if (format_ == Format::Zipkin && zipkinSpans_ == 0 && zipkinOther_ > 0)
      throw InputError(here(), "not a trace file: a JSON list whose elements are not Zipkin v2 spans (no \"traceId\" "
                               "and \"id\"); expected OTLP/JSON, Jaeger JSON or Zipkin v2 JSON");
    if (format_ == Format::Unknown)
      throw InputError(here(), "not a trace file: expected OTLP/JSON (\"resourceSpans\"), Jaeger JSON (\"data\" "
                               "with traces of \"spans\" and \"processes\") or Zipkin v2 JSON (a list of spans)");
  }

  bool at(size_t depth) const { return frames_.size() == depth; }
  const std::string &keyAt(size_t i) const { return frames_[i].posKey; }
  uint32_t indexAt(size_t i) const { return static_cast<uint32_t>(frames_[i].posIndex); }

  // `depth` is the number of containers around the event's value (for an end, around the
  // container that ends). The parser gives no end event inside a value it was told to drop,
  // so the stack is cut back to `depth` at every event rather than popped at ends.
  bool onEvent(int depth, json::parse_event_t event, json &parsed) {
    size_t d = static_cast<size_t>(depth);
    switch (event) {
    case json::parse_event_t::object_start:
    case json::parse_event_t::array_start: {
      frames_.resize(std::min(frames_.size(), d));
      Frame frame;
      frame.array = event == json::parse_event_t::array_start;
      if (frames_.empty()) {
        if (frame.array)
          format_ = Format::Zipkin;
      } else if (frames_.back().array) {
        frame.posIndex = frames_.back().count++;
        if (frames_.size() == splitDepth_ + 1)
          frame.posIndex += elementBase_; // an element of a document read in parts
        // An element of `spans` (OTLP, Jaeger), of the root list or of a list in it (Zipkin).
        const Frame &list = frames_.back();
        frame.span = !frame.array && (list.posKey == "spans" || frames_.size() == 1 ||
                                      (frames_.size() == 2 && frames_[0].array));
        frame.keyed = !frame.array && (list.posKey == "attributes" || list.posKey == "tags");
      } else {
        frame.posKey = frames_.back().key;
        frame.keyed = !frame.array && frame.posKey == "tags" && frames_.back().span; // Zipkin's map
      }
      frames_.push_back(std::move(frame));
      return true;
    }
    case json::parse_event_t::key: {
      frames_.resize(std::min(frames_.size(), d));
      if (frames_.empty())
        return true;
      std::string key = parsed.is_string() ? parsed.get<std::string>() : std::string();
      if (frames_.size() == 1)
        return rootKey(key);
      Frame &top = frames_.back();
      if (top.span && !spanKeyMatters(key))
        return false;
      if (top.keyed) {
        if (top.posKey == "tags" && !attributeMatters(key))
          return false; // a Zipkin tag no convention reads
        if (key == "value" && !top.entryKey.empty() && !attributeMatters(top.entryKey))
          return false; // the value of an attribute no convention reads (its key came first)
      }
      top.key = std::move(key);
      return true;
    }
    case json::parse_event_t::value:
      frames_.resize(std::min(frames_.size(), d));
      if (!frames_.empty()) {
        Frame &top = frames_.back();
        if (top.array)
          ++top.count;
        else if (top.keyed && top.key == "key" && parsed.is_string())
          top.entryKey = parsed.get<std::string>();
      }
      return true;
    case json::parse_event_t::object_end:
    case json::parse_event_t::array_end: {
      frames_.resize(std::min(frames_.size(), d + 1));
      bool keep = true;
      if (event == json::parse_event_t::object_end && frames_.size() == d + 1)
        keep = objectEnd(parsed);
      frames_.resize(std::min(frames_.size(), d));
      return keep;
    }
    }
    return true;
  }

  // A key of the root object names the format; the values of other keys are not kept.
  bool rootKey(const std::string &key) {
    frames_.back().key = key;
    if (key == "resourceSpans") {
      format_ = Format::Otlp;
      return true;
    }
    if (key == "data" && format_ != Format::JaegerTrace) {
      format_ = Format::Jaeger;
      return true;
    }
    if (key == "spans" || key == "processes" || key == "traceID") {
      if (format_ == Format::Unknown)
        format_ = Format::JaegerTrace;
      return true;
    }
    for (const char *signal : {"resourceLogs", "resourceMetrics", "resourceProfiles"})
      if (key == signal)
        throw InputError(here(), std::string("an OTLP ") + (key == "resourceLogs" ? "logs" : key == "resourceMetrics" ? "metrics" : "profiles") +
                                     " file (\"" + key + "\"), not traces: give the file of the traces signal (\"resourceSpans\")");
    return false;
  }

  bool objectEnd(const json &object) {
    switch (format_) {
    case Format::Otlp:
      return otlpEnd(object);
    case Format::Jaeger:
    case Format::JaegerTrace:
      return jaegerEnd(object);
    case Format::Zipkin:
      return zipkinEnd(object);
    case Format::Unknown:
      break;
    }
    return true;
  }

  // --- OTLP: resourceSpans[i].resource, resourceSpans[i].scopeSpans[j].spans[k]
  bool otlpEnd(const json &object) {
    if (frames_.size() < 3 || keyAt(1) != "resourceSpans")
      return true;
    if (at(7) && (keyAt(3) == "scopeSpans" || keyAt(3) == "instrumentationLibrarySpans") && keyAt(5) == "spans") {
      RawSpan raw;
      if (!readKey(object, "traceId", "spanId", raw.key)) {
        ++unreadable_;
        return false;
      }
      raw.parent = readSpanId(object, "parentSpanId");
      if (auto links = object.find("links"); links != object.end() && links->is_array())
        for (const json &link : *links) {
          SpanKey key;
          if (link.is_object() && readKey(link, "traceId", "spanId", key))
            raw.links.push_back(key);
        }
      if (auto kind = object.find("kind"); kind != object.end())
        raw.kind = spanKindName(scalarText(*kind));
      if (auto attributes = object.find("attributes"); attributes != object.end())
        readOtlpAttributes(*attributes, raw.attributes);
      raw.place.file = fileIndex_;
      raw.place.line = line_;
      raw.place.index[0] = indexAt(2);
      raw.place.index[1] = indexAt(4);
      raw.place.index[2] = indexAt(6);
      raw.place.shape = shapes_[keyAt(3) == "scopeSpans" ? kOtlpScope : kOtlpLibrary];
      hold(std::move(raw));
      return false;
    }
    if (at(4) && keyAt(3) == "resource") {
      std::map<std::string, std::string> attributes;
      if (object.contains("attributes"))
        readOtlpAttributes(object["attributes"], attributes);
      service_ = attributes["service.name"];
      serviceKnown_ = true;
      releaseHeld();
      return false;
    }
    if (at(3)) { // the end of one resource's batch
      serviceKnown_ = true;
      releaseHeld();
      serviceKnown_ = false;
      service_.clear();
      return false;
    }
    return true;
  }

  // A Jaeger span: the first CHILD_OF reference in its own trace is its parent (or the older
  // `parentSpanID`); the other references are links. Its service is an embedded `process`,
  // or `processID` to look up in its trace's `processes`.
  bool jaegerSpan(const json &object, RawSpan &raw, std::string &processId) {
    // The UI's and query API's layout names ids traceID/spanID (hex); the domain model's
    // (api_v2, protobuf JSON) traceId/spanId (base64).
    if (!readKey(object, "traceID", "spanID", raw.key) && !readKey(object, "traceId", "spanId", raw.key)) {
      ++unreadable_;
      return false;
    }
    raw.parent = readSpanId(object, "parentSpanID");
    if (auto refs = object.find("references"); refs != object.end() && refs->is_array())
      for (const json &ref : *refs) {
        SpanKey key;
        if (!ref.is_object() || (!readKey(ref, "traceID", "spanID", key) && !readKey(ref, "traceId", "spanId", key)))
          continue;
        bool sameTrace = key.traceHi == raw.key.traceHi && key.traceLo == raw.key.traceLo;
        if (raw.parent == 0 && sameTrace && stringField(ref, "refType") != "FOLLOWS_FROM")
          raw.parent = key.span;
        else if (!(sameTrace && key.span == raw.parent))
          raw.links.push_back(key);
      }
    if (auto tags = object.find("tags"); tags != object.end())
      readJaegerTags(*tags, raw.attributes);
    raw.kind = spanKindName(raw.attributes["span.kind"]);
    raw.peerService = raw.attributes["peer.service"];
    processId = stringField(object, "processID");
    if (auto process = object.find("process"); process != object.end() && process->is_object())
      raw.service = stringField(*process, "serviceName");
    raw.place.file = fileIndex_;
    raw.place.line = line_;
    return true;
  }

  // --- Jaeger: data[i].spans[k] and data[i].processes (or one trace at the root)
  bool jaegerEnd(const json &object) {
    size_t base = format_ == Format::Jaeger ? 3 : 1; // frames down to the trace object
    if (format_ == Format::Jaeger && (frames_.size() < 3 || keyAt(1) != "data"))
      return true;
    if (at(base + 2) && keyAt(base) == "spans") {
      RawSpan raw;
      std::string processId;
      if (!jaegerSpan(object, raw, processId))
        return false;
      if (format_ == Format::Jaeger) {
        raw.place.index[0] = indexAt(2);
        raw.place.index[1] = indexAt(4);
        raw.place.shape = shapes_[kJaegerData];
      } else {
        raw.place.index[0] = indexAt(2);
        raw.place.shape = shapes_[kJaegerTrace];
      }
      if (!raw.service.empty()) {
        sink_(raw);
        return false;
      }
      heldProcess_.push_back(processId);
      held_.push_back(std::move(raw));
      return false;
    }
    if (at(base + 1) && keyAt(base) == "processes") {
      for (const auto &[id, process] : object.items())
        if (process.is_object())
          processes_[id] = stringField(process, "serviceName");
      return false;
    }
    if (at(base)) { // the end of one trace
      for (size_t i = 0; i < held_.size(); ++i) {
        auto it = processes_.find(heldProcess_[i]);
        held_[i].service = it != processes_.end() ? it->second : std::string();
        sink_(held_[i]);
      }
      held_.clear();
      heldProcess_.clear();
      processes_.clear();
      return format_ == Format::JaegerTrace;
    }
    return true;
  }

  // --- Zipkin v2: [span, ...] or [[span, ...], ...]
  bool zipkinEnd(const json &object) {
    if (!at(2) && !(at(3) && frames_[1].array))
      return true;
    if ((object.contains("traceID") && object.contains("spanID")) ||
        (object.contains("traceId") && object.contains("spanId") && object.contains("operationName"))) {
      // Jaeger spans in a list (the anonymizer's output; the domain model's)
      jaegerList_ = true;
      ++zipkinSpans_;
      RawSpan raw;
      std::string processId;
      if (!jaegerSpan(object, raw, processId))
        return false;
      raw.place.index[0] = indexAt(1);
      raw.place.shape = shapes_[kList];
      sink_(raw);
      return false;
    }
    if (!object.contains("traceId") || !object.contains("id")) {
      ++zipkinOther_;
      return false;
    }
    ++zipkinSpans_;
    RawSpan raw;
    if (!readKey(object, "traceId", "id", raw.key)) {
      ++unreadable_;
      return false;
    }
    raw.parent = readSpanId(object, "parentId");
    raw.kind = spanKindName(stringField(object, "kind"));
    if (auto local = object.find("localEndpoint"); local != object.end() && local->is_object())
      raw.service = stringField(*local, "serviceName");
    if (auto remote = object.find("remoteEndpoint"); remote != object.end() && remote->is_object())
      raw.peerService = stringField(*remote, "serviceName");
    if (auto tags = object.find("tags"); tags != object.end() && tags->is_object())
      for (const auto &[key, value] : tags->items())
        raw.attributes[key] = scalarText(value);
    if (raw.peerService.empty())
      raw.peerService = raw.attributes["peer.service"];
    raw.place.file = fileIndex_;
    raw.place.line = line_;
    if (at(2)) {
      raw.place.index[0] = indexAt(1);
      raw.place.shape = shapes_[kList];
    } else {
      raw.place.index[0] = indexAt(1);
      raw.place.index[1] = indexAt(2);
      raw.place.shape = shapes_[kListOfLists];
    }
    sink_(raw);
    return false;
  }

  // OTLP spans read before their resource wait for its service name.
  void hold(RawSpan raw) {
    if (serviceKnown_) {
      raw.service = service_;
      sink_(raw);
      return;
    }
    held_.push_back(std::move(raw));
  }
  void releaseHeld() {
    for (RawSpan &raw : held_) {
      raw.service = service_;
      sink_(raw);
    }
    held_.clear();
  }

public:
  uint64_t unreadable_ = 0;
  // A document read in parts (readParts): this part is element `elementBase_` of the list
  // at depth `splitDepth_` (0 the root list, 1 a list under a root key).
  size_t splitDepth_ = SIZE_MAX;
  int64_t elementBase_ = 0;

private:
  std::function<void(RawSpan &)> sink_;
  const uint16_t *shapes_;
  uint32_t fileIndex_;
  uint32_t line_;
  std::string display_;
  Format format_ = Format::Unknown;
  std::vector<Frame> frames_;
  std::vector<RawSpan> held_;
  std::vector<std::string> heldProcess_;
  std::map<std::string, std::string> processes_;
  std::string service_;
  bool serviceKnown_ = false;
  uint64_t zipkinSpans_ = 0, zipkinOther_ = 0;

public:
  bool jaegerList_ = false;
};

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
// `size`: the text's length when known; an error at its end is a text cut short, wherever in
// a token it was cut (an unclosed string says "missing closing quote").
std::string parseProblem(const json::parse_error &error, size_t size = std::string::npos) {
  std::string text = error.what();
  if (size_t close = text.find("] "); text.rfind("[json.exception", 0) == 0 && close != std::string::npos)
    text = text.substr(close + 2);
  bool truncated = text.find("unexpected end of input") != std::string::npos ||
                   (size != std::string::npos && error.byte >= size);
  return (truncated ? "truncated or not JSON: " : "not valid JSON: ") + text;
}

bool isBlank(const std::string &line) { return line.find_first_not_of(" \t\r\n") == std::string::npos; }

// One line of a JSON-lines file, read on a worker thread: its spans, its format, and what
// went wrong, for the reading thread to add in line order.
struct LineResult {
  std::vector<RawSpan> spans;
  Format format = Format::Unknown;
  uint64_t unreadable = 0;
  std::string error; // a parse error's problem; or an InputError's
};

// `splitDepth`/`element`: the text is element `element` of a document's list read in parts
// (DocumentReader::splitDepth_); SIZE_MAX for a line of JSON lines.
LineResult readLine(const std::string &text, const uint16_t *shapes, uint32_t fileIndex, uint32_t number,
                    const std::string &display, size_t splitDepth, size_t element) {
  LineResult result;
  DocumentReader reader([&](RawSpan &raw) { result.spans.push_back(std::move(raw)); }, shapes, fileIndex, number,
                        display);
  reader.splitDepth_ = splitDepth;
  reader.elementBase_ = static_cast<int64_t>(element);
  try {
    Format f = reader.read(text);
    result.format = reader.jaegerList_ ? Format::JaegerTrace : f;
  } catch (const json::parse_error &error) {
    result.error = parseProblem(error, text.size());
  } catch (const InputError &error) {
    result.error = error.problem();
  }
  result.unreadable = reader.unreadable_;
  return result;
}

} // namespace

namespace {

// A document whose list of batches was found by scanLayout: each element parsed on a worker
// thread as a document of its own (`{"resourceSpans": [element]}`), with its place in the
// list kept for the spans' pointers, and added in list order.
Format readParts(std::FILE *file, const Layout &layout, const uint16_t *shapes, uint32_t fileIndex,
                 const std::string &displayPath, const std::function<void(RawSpan &)> &add, uint64_t &unreadable) {
  Format format = Format::Unknown;
  std::deque<std::future<LineResult>> pending;
  const size_t inFlight = std::max(2u, std::thread::hardware_concurrency());
  auto collect = [&] {
    LineResult result = pending.front().get();
    pending.pop_front();
    if (!result.error.empty())
      throw InputError({displayPath, 0, 0, ""}, result.error);
    if (format == Format::Unknown)
      format = result.format;
    unreadable += result.unreadable;
    for (RawSpan &raw : result.spans)
      add(raw);
  };
  std::string before = layout.rootList ? "[" : "{\"" + layout.key + "\":[", after = layout.rootList ? "]" : "]}";
  for (size_t index = 0; index < layout.elements.size(); ++index) {
    const auto &[from, to] = layout.elements[index];
    std::string text = before;
    text.resize(before.size() + (to - from));
    if (std::fseek(file, static_cast<long>(from), SEEK_SET) != 0 ||
        std::fread(text.data() + before.size(), 1, to - from, file) != to - from)
      throw InputError({displayPath, 0, 0, ""}, "cannot read trace file: read error");
    text += after;
    pending.push_back(std::async(std::launch::async, readLine, std::move(text), shapes, fileIndex, 0, displayPath,
                                 layout.rootList ? 0 : 1, index));
    if (pending.size() >= inFlight)
      collect();
  }
  while (!pending.empty())
    collect();
  return format;
}

} // namespace

void readTraceFile(const std::string &path, const std::string &displayPath, ObservedSpans &spans) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError({displayPath, 0, 0, ""}, "cannot read trace file: no such file or not readable");
  uint32_t fileIndex = static_cast<uint32_t>(spans.files.size());
  TraceFileSummary summary;
  summary.file = displayPath;
  std::map<std::string, uint64_t> unknown;
  uint64_t unreadable = 0;
  uint16_t shapes[kShapes];
  for (int i = 0; i < kShapes; ++i)
    shapes[i] = spans.shape(kShapePatterns[i]);
  auto add = [&](RawSpan &raw) { addSpan(raw, spans, summary, unknown); };

  // JSON lines (the Collector's file exporter): a first value followed by more.
  Layout layout;
  {
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> scanned(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (scanned)
      layout = scanLayout(scanned.get());
  }
  std::string first;
  uint32_t lineNumber = 1;
  std::streampos afterFirst = 0;
  if (layout.more) {
    std::getline(in, first);
    while (in && isBlank(first) && std::getline(in, first))
      ++lineNumber;
    afterFirst = in.tellg();
  }
  Format format = Format::Unknown;
  bool lines = layout.more;
  if (lines) {
    // Lines are parsed two at a time on worker threads (parsing is most of the cost) and
    // their spans added here in line order, so the result is the same for any timing.
    in.clear();
    in.seekg(afterFirst);
    std::deque<std::pair<uint32_t, std::future<LineResult>>> pending;
    const size_t inFlight = std::max(2u, std::thread::hardware_concurrency());
    uint32_t lastLine = 0; // known once the file is read to its end
    auto collect = [&] {
      auto [number, future] = std::move(pending.front());
      pending.pop_front();
      LineResult result = future.get();
      // The last line cut short is a file still being written (the Collector appends one
      // line per batch): its batch is left out and said, the lines before are whole.
      if (!result.error.empty() && number == lastLine && result.error.rfind("truncated", 0) == 0) {
        summary.warnings.push_back("line " + std::to_string(number) +
                                   ", the last, is cut short (a file still being written?): its spans are left out");
        return;
      }
      if (!result.error.empty())
        throw InputError({displayPath, number, 0, ""}, result.error);
      if (format == Format::Unknown)
        format = result.format;
      unreadable += result.unreadable;
      for (RawSpan &raw : result.spans)
        add(raw);
    };
    std::string text = first;
    uint32_t number = lineNumber;
    do {
      if (!isBlank(text))
        pending.emplace_back(number, std::async(std::launch::async, readLine, std::move(text), shapes, fileIndex,
                                                number, displayPath, SIZE_MAX, size_t{0}));
      if (pending.size() >= inFlight)
        collect();
      ++number;
      text.clear();
    } while (std::getline(in, text));
    lastLine = number - 1;
    while (lastLine > 0 && !pending.empty() && pending.back().first != lastLine)
      --lastLine; // blank lines at the end
    while (!pending.empty())
      collect();
  } else {
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
      throw InputError({displayPath, 0, 0, ""}, "cannot read trace file: no such file or not readable");
    bool parts = layout.elementsUsable;
    if (parts) {
      // An element that does not parse is said as the whole document's parse says it (its
      // line and column in the file): what the parts added is taken back first.
      size_t spansBefore = spans.spans.size();
      try {
        format = readParts(file.get(), layout, shapes, fileIndex, displayPath, add, unreadable);
      } catch (const InputError &) {
        spans.spans.resize(spansBefore);
        summary = TraceFileSummary();
        summary.file = displayPath;
        unknown.clear();
        unreadable = 0;
        parts = false;
        std::rewind(file.get());
      }
    }
    if (!parts) {
      DocumentReader reader(add, shapes, fileIndex, 0, displayPath);
      try {
        format = reader.read(file.get());
        if (reader.jaegerList_)
          format = Format::JaegerTrace;
      } catch (const json::parse_error &error) {
        throw InputError({displayPath, 0, 0, ""}, parseProblem(error));
      }
      unreadable = reader.unreadable_;
    }
  }
  if (summary.spans == 0 && unreadable > 0)
    throw InputError({displayPath, 0, 0, ""}, "none of its " + std::to_string(unreadable) + " span(s) (" +
                                                  formatName(format) + ") has a trace and span id where the format puts them");
  summary.format = std::string(formatName(format)) + (lines ? " lines" : "");
  summary.unreadable = unreadable;
  summary.unknownAttributes.assign(unknown.begin(), unknown.end());
  spans.files.push_back(std::move(summary));
}

} // namespace eventscope
