// The breaking-change diff of two versions of an event contract. Changes outside payload
// and header schemas are classified with asyncapi/diff's tables; inside them, by what the
// change does to the other side of each message: for a message the service sends, whether
// its consumers can still read it; for one it receives, whether its producers' messages
// are still accepted. Documents of different major versions (2.x and 3.x) are compared by
// meaning: channels by address, operations by (address, direction), messages by name.
#pragma once

#include "model/contracts.h"
#include "model/document_node.h"

#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

enum class Verdict { Breaking, NonBreaking, Unclassified };
std::string_view verdictName(Verdict verdict); // "breaking", "non-breaking", "unclassified"

struct ContractChange {
  std::string action;  // add, remove or edit
  std::string pointer; // JSON pointer in the new document; in the old one for a removal
  Verdict verdict = Verdict::Unclassified;
  std::string before, after; // compact JSON; empty when absent
  std::string reason;        // why, when eventscope judged it rather than the table
  std::string channel;       // the channel address it affects, if any
  bool sent = false;         // the document's service sends on that channel
  bool received = false;     // ... receives on it
  bool allowed = false;      // accepted with --allow
  bool inBefore = false;     // the pointer is into the old document (a removal found there)
  Location location;         // filled by the caller: file, line and column of the pointer
  std::vector<Endpoint> affected; // filled by the caller, from the event graph
};

struct ContractVersion {
  const ContractDocument *document = nullptr; // as the loader read it, $refs resolved
  // The document itself, $refs kept, traits applied, read as JSON reads it (scalarValue;
  // the last of duplicate keys): every map key a scalar. The analyzer's documentForDiff.
  const DocNode *tree = nullptr;
};

// Sorted: breaking first, then by pointer. A payload schema text that does not parse is a
// bug (the analyzer wrote it), not bad input: nlohmann's parse_error, an internal error.
std::vector<ContractChange> diffContracts(const ContractVersion &before, const ContractVersion &after);

// Who is on the other side of a change, in the graph: the consumers of a channel the
// service sends on, the producers of one it receives on (both when the document does not
// say), through linked channels too; never the service itself. Sorted by location.
std::vector<Endpoint> affectedBy(const EventGraph &graph, const ContractChange &change, const std::string &service);

// One contract compared: the changes, and the two files (`before` may be "REF:path").
struct DiffedContract {
  std::string before, after;
  std::string service;
  std::vector<ContractChange> changes;
};

// Does the pointer match an --allow pattern: `*` is any one segment, and a pattern also
// covers everything below what it matches ("/channels/orders" allows its messages).
bool pointerAllowed(const std::string &pointer, const std::vector<std::string> &patterns);

} // namespace eventscope
