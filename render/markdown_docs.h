// A Markdown catalog of the system: an index (diagram, findings), a page per service and a
// page per channel. Pages are returned, not written: `docs --check` compares them.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

struct DocsOptions {
  // How a page two levels down (services/x.md) reaches the analysed root, e.g. "../../"
  // when the catalog is DIR/docs/events and the root DIR: source links are relative.
  std::string rootFromPages;
  std::string mermaid; // the system diagram, Mermaid text
  bool hasSvg = false; // index links system.svg
  bool hasExplorer = false; // index links index.html, the interactive explorer
};

// Page path (relative to the catalog directory) -> Markdown text. Deterministic.
std::map<std::string, std::string> renderMarkdownDocs(const EventGraph &graph, const std::vector<Finding> &findings,
                                                      const DocsOptions &options);

// The file name a service or channel gets: safe characters only, unique per name.
std::string docsFileName(const std::string &name);

} // namespace eventscope
