// A parsed YAML or JSON file as plain data: what the AsyncAPI loader walks.
//
// yaml-cpp's YAML::Node costs about 60 bytes per input byte and 20 s for a 50 MB document;
// this tree is built from parser events instead: yaml-cpp's, or those of the fast readers
// (json_reader.cpp, block_yaml_reader.cpp), which yield the same events for what they accept
// and leave everything else to yaml-cpp. docs/performance.md has the figures.
#pragma once

#include "model/document_node.h"
#include "model/location.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventscope {

// Memory for a document's tree: allocations of 2 MiB and more are aligned to and advised as
// transparent huge pages (page faults were a third of the time of loading a 50 MB document
// here, docs/performance.md); smaller ones come from malloc.
void *allocateTreeMemory(size_t bytes);
void freeTreeMemory(void *memory);

template <class T> struct TreeAllocator {
  using value_type = T;
  TreeAllocator() = default;
  template <class U> TreeAllocator(const TreeAllocator<U> &) {}
  T *allocate(size_t n) { return static_cast<T *>(allocateTreeMemory(n * sizeof(T))); }
  void deallocate(T *memory, size_t) { freeTreeMemory(memory); }
  friend bool operator==(const TreeAllocator &, const TreeAllocator &) { return true; }
};

// The documents of one file. Nodes are shared where YAML aliases refer to an anchor.
struct DocTree {
  bool shared = false; // an alias made some node a child of more than one (or of itself)
  std::string source; // the text the fast readers read; their scalars are views into it
  std::vector<DocEntry, TreeAllocator<DocEntry>> entries;            // every map's entries, each map's in one run
  std::vector<const DocNode *, TreeAllocator<const DocNode *>> items; // every sequence's items, likewise
  std::vector<const DocNode *> documents;
  // The first problem the builder found that the parser does not (a merge key whose value
  // is not a map, a key written twice in one map): readDocumentTree refuses the file with it.
  // Empty: none.
  std::string problem;
  unsigned problemLine = 0, problemColumn = 0;
  const DocNode *problemMap = nullptr; // the map whose key it is, for its JSON pointer
  std::string problemKey = "<<";       // that key

  // A copy of `text` that lives as long as the tree (a scalar that is not a slice of the source).
  std::string_view keep(std::string_view text);
  // Everything but the source, for another reader to start again.
  void clear();

  // A new node, at an address that stays put.
  DocNode &newNode();
  // A map made rather than parsed (an AsyncAPI object with its traits merged in), placed at
  // `line` and `column`; its entries are copied into memory the tree owns.
  const DocNode &newMap(std::span<const DocEntry> entries, unsigned line, unsigned column);
  size_t nodeCount() const;
  template <class Visit> void forEachNode(Visit visit) {
    for (NodeBlock &block : blocks_)
      for (size_t i = 0; i < block.used; ++i)
        visit(block.nodes[i]);
  }

private:
  // Nodes are made in blocks that double up to 4 MiB (std::deque's blocks of six nodes cost
  // a malloc per six nodes).
  struct NodeBlock {
    DocNode *nodes = nullptr;
    size_t capacity = 0, used = 0;
    explicit NodeBlock(size_t capacity);
    NodeBlock(NodeBlock &&other) noexcept { swap(other); }
    NodeBlock &operator=(NodeBlock &&other) noexcept {
      swap(other);
      return *this;
    }
    ~NodeBlock();
    void swap(NodeBlock &other) noexcept {
      std::swap(nodes, other.nodes);
      std::swap(capacity, other.capacity);
      std::swap(used, other.used);
    }
  };
  std::vector<NodeBlock> blocks_;
  std::vector<std::unique_ptr<DocEntry[]>> madeEntries_; // newMap's
  std::vector<std::unique_ptr<char[]>> textBlocks_;
  char *textNext_ = nullptr; // the free end of the last text block
  size_t textLeft_ = 0;
};

// The tree as text, a line per node with its position, kind, quoting and value: what the
// tests and the fuzzer compare between readers.
std::string describeTree(const DocTree &tree);

// A node's position as a 1-based Location in `file` (no line for a node that is not there).
Location locationOf(const DocNode *node, const std::string &file);

// Builds a DocTree from parser events (yaml-cpp's, or the fast readers').
class DocTreeBuilder : public YAML::EventHandler {
public:
  explicit DocTreeBuilder(DocTree &tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark &) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override;
  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override;
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override;
  void OnMapEnd() override { close(); }

  // The fast readers' scalars: `plain` as yaml-cpp's tag "?" says it; `value` lies in the
  // tree's source or was kept by it.
  void scalar(const YAML::Mark &mark, bool plain, std::string_view value);
  // Points every map and sequence at its children, once the tree's arrays have stopped growing.
  void finish();

  // The most entries merge keys may add to a file's maps (a chain of maps each merging the
  // one before grows with the square of the text).
  static constexpr size_t kMaxMergedEntries = 1'000'000;

private:
  DocNode &add(const YAML::Mark &mark, DocNode::Kind kind, YAML::anchor_t anchor);
  static bool isMergeKey(const DocNode *key);
  void closeMerging(DocNode &map, size_t firstChild);
  void failOnDuplicateKey(const DocNode &map, size_t firstChild);
  void fail(const DocNode *at, const std::string &problem, const DocNode *map = nullptr);
  size_t mergedEntries_ = 0;

  DocTree &tree_;
  const DocNode *root_ = nullptr;
  void place(const DocNode *node);
  void close();

  struct Open {
    DocNode *node;
    size_t firstChild; // in children_
  };
  std::vector<Open> open_;                 // the maps and sequences being filled, innermost last
  std::vector<const DocNode *> children_;  // their children so far (a map's: key, value, ...)
  std::vector<DocNode *> anchors_;
};

// Every document of a YAML or JSON file, read by the fastest reader that accepts it. Throws
// InputError naming the file, line and column on a syntax error (yaml-cpp's message), and
// when yaml-cpp's known loops trip the time or memory bounds of yaml_input.h.
DocTree readDocumentTree(std::string text, const std::string &displayPath);

// Throws InputError at the line of the second document's `---` when `tree` (read from
// `text`) holds more than one: `what` ("an AsyncAPI file", "a file reached through $ref") is
// one document (AsyncAPI: "an AsyncAPI document is a single JSON object"). The reference
// parser refuses a stream of several, even an empty one after a trailing `---`, rather than
// reading the first and dropping the rest.
void refuseMoreDocuments(const DocTree &tree, const std::string &text, const std::string &displayPath,
                         const std::string &what);

// The readers, for tests that hold them to yaml-cpp. The fast ones read `tree.source` and
// return false, the tree to be cleared, for anything they do not read exactly as yaml-cpp does.
bool readJsonTree(DocTree &tree);
bool readBlockYamlTree(DocTree &tree);
// yaml-cpp's events, without the time and memory bounds (throws YAML::Exception).
void readYamlCppTree(const std::string &text, DocTree &tree);

} // namespace eventscope
