#include "render/diagrams.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

namespace eventscope {
namespace {

// cgraph's default ID discipline names an object by the address of its interned name and
// orders subgraphs by that ID. After the analysis threads the heap differs from run to run,
// so clusters were laid out in a different order each time. IDs handed out in the order
// names first appear in the DOT text make the layout depend on that text alone.
struct NameTable {
  std::map<std::string, IDTYPE> ids;
  std::deque<std::string> names; // a deque: printName's pointers stay valid as names are added
  IDTYPE nextAnonymous = 1; // odd: anonymous objects; even: named ones
};

void *openNames(Agraph_t *, Agdisc_t *) { return new NameTable; }

long mapName(void *state, int, char *name, IDTYPE *id, int create) {
  auto *table = static_cast<NameTable *>(state);
  if (!name) {
    *id = table->nextAnonymous;
    table->nextAnonymous += 2;
    return 1;
  }
  if (auto it = table->ids.find(name); it != table->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create)
    return 0;
  table->names.push_back(name);
  *id = 2 * table->names.size();
  table->ids.emplace(name, *id);
  return 1;
}

long allocId(void *, int, IDTYPE) { return 1; }
void freeId(void *, int, IDTYPE) {}

char *printName(void *state, int, IDTYPE id) {
  auto *table = static_cast<NameTable *>(state);
  if (id % 2 == 1 || id == 0 || id / 2 > table->names.size())
    return nullptr;
  return const_cast<char *>(table->names[id / 2 - 1].c_str());
}

void closeNames(void *state) { delete static_cast<NameTable *>(state); }
void registerId(void *, int, void *) {}

Agiddisc_t sequentialIds = {openNames, mapName, allocId, freeId, printName, closeNames, registerId};

// The DOT text as a cgraph input channel, a line at a time as agmemread reads it.
struct TextChannel {
  const char *at;
  size_t left;
};

int readText(void *channel, char *buffer, int size) {
  auto *text = static_cast<TextChannel *>(channel);
  if (size <= 0 || text->left == 0)
    return 0;
  const char *newline = static_cast<const char *>(std::memchr(text->at, '\n', text->left));
  size_t line = newline ? static_cast<size_t>(newline - text->at) + 1 : text->left;
  size_t n = std::min(line, static_cast<size_t>(size));
  std::memcpy(buffer, text->at, n);
  text->at += n;
  text->left -= n;
  return static_cast<int>(n);
}

// One Graphviz context for the whole process, never freed: Graphviz 2.42's pango plugin
// keeps a pointer to the last font name it measured, and that name belongs to the context;
// a second context's first label compared it after the first context had freed it (a
// use-after-free AddressSanitizer found). Graphviz is not thread-safe: one render at a time.
GVC_t *sharedContext() {
  static GVC_t *context = gvContext();
  return context;
}

std::mutex graphvizMutex;

// Reads `dot`, lays it out with `engine`, hands the laid-out graph to `use` (which returns
// false with `error` set when it fails), and frees it. One render at a time.
template <typename Use>
bool withLayout(const std::string &dot, const char *engine, std::string &error, Use use) {
  std::lock_guard<std::mutex> lock(graphvizMutex);
  GVC_t *context = sharedContext();
  Agiodisc_t io = {readText, AgIoDisc.putstr, AgIoDisc.flush};
  Agdisc_t discipline = {&AgMemDisc, &sequentialIds, &io};
  TextChannel channel{dot.data(), dot.size()};
  Agraph_t *g = agconcat(nullptr, &channel, &discipline);
  if (!g) {
    error = "Graphviz could not read the generated graph";
    return false;
  }
  bool ok = gvLayout(context, g, engine) == 0;
  if (ok) {
    ok = use(context, g);
    gvFreeLayout(context, g);
  } else {
    error = std::string("Graphviz's ") + engine + " could not lay out the generated graph";
  }
  agclose(g);
  return ok;
}

} // namespace

bool renderGraphviz(const std::string &dot, const std::string &format, std::string &rendered, std::string &error,
                    const char *engine) {
  return withLayout(dot, engine, error, [&](GVC_t *context, Agraph_t *g) {
    char *data = nullptr;
    unsigned int length = 0;
    bool ok = gvRenderData(context, g, format.c_str(), &data, &length) == 0;
    if (ok)
      rendered.assign(data, length);
    else
      error = "Graphviz could not render the graph as " + format;
    gvFreeRenderData(data);
    return ok;
  });
}

// Read off the layout rather than through Graphviz's "plain" writer: in Graphviz 2.42 that
// writer interns a node's label, frees it, and then prints it (a use-after-free
// AddressSanitizer found whenever the name was not already in the graph's string pool, as
// with the ID discipline above).
bool placeGraphviz(const std::string &dot, const char *engine, GraphvizPlacement &placement, std::string &error) {
  placement = {};
  return withLayout(dot, engine, error, [&](GVC_t *, Agraph_t *g) {
    boxf box = GD_bb(g);
    placement.width = box.UR.x - box.LL.x;
    placement.height = box.UR.y - box.LL.y;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
      if (const char *name = agnameof(n))
        placement.nodes.push_back({name, ND_coord(n).x, ND_coord(n).y});
    return true;
  });
}

// `graph --format svg` and `png` (render/diagram_formats.def): the DOT text laid out by dot.
bool renderSvg(const DiagramInput &input, std::string &out, std::string &error) {
  const Diagram &diagram = input.diagram;
  std::ostringstream dot;
  writeDot(dot, diagram);
  return renderGraphviz(dot.str(), "svg", out, error);
}

bool renderPng(const DiagramInput &input, std::string &out, std::string &error) {
  const Diagram &diagram = input.diagram;
  std::ostringstream dot;
  writeDot(dot, diagram);
  return renderGraphviz(dot.str(), "png", out, error);
}

} // namespace eventscope
