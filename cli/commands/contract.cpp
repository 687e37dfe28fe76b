// `contract show FILE...`: what eventscope reads from AsyncAPI documents, as JSON; and the
// `contract` group, whose `diff` is in contract_diff.cpp.
#include "analyzer/contracts/contract_files.h"
#include "cli/commands/command.h"
#include "model/event_graph.h"
#include "render/reports.h"

#include <CLI/CLI.hpp>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>

#include <iostream>
#include <memory>
#include <sstream>

namespace eventscope {
namespace {

// `contract show FILE...`: what eventscope reads from each AsyncAPI document.
int runContractShow(const std::vector<std::string> &files) {
  EventGraph graph;
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  for (const std::string &file : files)
    loadContractFile(file, file, std::string(cwd), /*strictKind=*/true, graph);
  graph.finalize();
  std::ostringstream out;
  writeContractsJson(out, graph.contracts());
  std::cout << out.str();
  return kExitClean;
}

} // namespace

Command contractCommand() { return {{"contract"}, "Work with event contracts (AsyncAPI)", SharedOptions::None, {}}; }

Command contractShowCommand() {
  return {{"contract", "show"}, "Print what eventscope reads from AsyncAPI documents (JSON)", SharedOptions::None,
          [](CLI::App &app) -> CommandRun {
            auto files = std::make_shared<std::vector<std::string>>();
            app.add_option("FILE", *files, "AsyncAPI documents (YAML or JSON)")->required();
            return [files](const CommonOptions &) { return runContractShow(*files); };
          }};
}

} // namespace eventscope
