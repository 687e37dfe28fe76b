// `docs -o DIR`: the Markdown catalog of services and channels; with --check, only which
// pages differ from what the code and contracts say now (exit 1).
#include "analyzer/paths.h"
#include "model/input_error.h"
#include "analyzer/documents/yaml_input.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "render/diagrams.h"
#include "render/formats.h"
#include "render/markdown_docs.h"

#include <CLI/CLI.hpp>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace eventscope {
namespace {

// A page of an earlier catalog, through the reader every input goes through (its size limit
// and its errors); compared byte for byte, so not required to be UTF-8.
std::string readWholeFile(const std::string &path, bool &exists) {
  exists = llvm::sys::fs::exists(path);
  return exists ? readInputFile(path, path, kMaxInputFileBytes, /*utf8=*/false) : std::string();
}

// `docs -o DIR`: the Markdown catalog; with --check, only says which pages differ.
int runDocs(const CommonOptions &common, const std::string &directory, bool check, const std::string &sourceUrl) {
  if (directory.empty())
    throw InputError({}, "docs needs -o DIR, the catalog's directory");
  Analysis analysis = analyzeWithWarnings(common);
  size_t suppressed = 0;
  std::vector<Finding> findings = currentFindings(analysis, suppressed);
  sortFindings(findings);

  DiagramOptions diagramOptions;
  diagramOptions.findings = findings;
  Diagram diagram = buildDiagram(analysis.graph, diagramOptions);
  std::ostringstream mermaid, dot;
  writeMermaid(mermaid, diagram);
  writeDot(dot, diagram);
  std::string svg, error;
  if (!renderGraphviz(dot.str(), "svg", svg, error))
    throw InputError({}, error);

  DocsOptions options;
  options.rootFromPages = relativeDirectory(directory + "/services", analysis.layout.root);
  options.mermaid = mermaid.str();
  options.hasSvg = true;
  // The explorer, beside the pages: links to code relative to DIR (or through --source-url).
  DiagramOptions explorerOptions;
  explorerOptions.view = DiagramView::Channels;
  explorerOptions.findings = findings;
  explorerOptions.catalogPages = true;
  explorerSettings(analysis, sourceUrl, directory, common.quiet, explorerOptions);
  std::string explorer;
  if (!findDiagramFormat("html")->write({diagram, analysis.graph, explorerOptions}, explorer, error)) {
    if (!common.quiet) // a build without the libraries still writes the Markdown catalog
      std::cerr << "eventscope: warning: no index.html in " << directory << ": " << error << "\n";
  }
  options.hasExplorer = !explorer.empty();
  std::map<std::string, std::string> pages = renderMarkdownDocs(analysis.graph, findings, options);
  pages["system.svg"] = svg;
  if (!explorer.empty())
    pages["index.html"] = explorer;

  // Pages of an earlier run that the system no longer has.
  std::set<std::string> stale;
  for (const char *sub : {"services", "channels"}) {
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(directory + "/" + sub, ec), end; it != end && !ec; it.increment(ec))
      if (llvm::StringRef(it->path()).ends_with(".md")) {
        std::string page = std::string(sub) + "/" + llvm::sys::path::filename(it->path()).str();
        if (!pages.count(page))
          stale.insert(page);
      }
  }
  if (check) {
    std::vector<std::string> differing;
    for (const auto &[page, text] : pages) {
      bool exists = false;
      std::string current = readWholeFile(directory + "/" + page, exists);
      if (!exists)
        differing.push_back(page + " (missing)");
      else if (current != text)
        differing.push_back(page + " (changed)");
    }
    for (const std::string &page : stale)
      differing.push_back(page + " (no longer in the system)");
    if (differing.empty()) {
      if (!common.quiet)
        std::cerr << "eventscope: " << directory << " is up to date (" << pages.size() << " pages)\n";
      return kExitClean;
    }
    std::cerr << "eventscope: " << directory << " differs from what the code and contracts say now; "
              << differing.size() << " page(s):\n";
    for (const std::string &page : differing)
      std::cerr << "  " << page << "\n";
    std::cerr << "regenerate with `eventscope docs -o " << directory << "`\n";
    return kExitFindings;
  }
  for (const auto &[page, text] : pages) {
    std::string path = directory + "/" + page;
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
    emit(text, path);
  }
  for (const std::string &page : stale)
    llvm::sys::fs::remove(directory + "/" + page);
  if (!common.quiet)
    std::cerr << "eventscope: wrote " << pages.size() << " page(s) to " << directory << "\n";
  return kExitClean;
}

} // namespace

Command docsCommand() {
  return {{"docs"}, "Write a Markdown catalog of services and channels (or check it)", SharedOptions::Analysis,
          [](CLI::App &app) -> CommandRun {
            struct Options {
              std::string directory;
              bool check = false;
              std::string sourceUrl;
            };
            auto options = std::make_shared<Options>();
            app.add_option("-o,--output", options->directory, "The catalog's directory")->required();
            app.add_flag("--check", options->check, "Write nothing; exit 1 and name the pages when DIR differs from now");
            addSourceUrlOption(app, options->sourceUrl);
            return [options](const CommonOptions &common) {
              return runDocs(common, options->directory, options->check, options->sourceUrl);
            };
          }};
}

} // namespace eventscope
