// A subcommand of eventscope: where it sits in the command tree, which of the shared options
// it takes, its own options and what it runs. Each lives in one file here and is registered
// by one line in commands.def (CONTRIBUTING.md, "Adding a subcommand").
#pragma once

#include "cli/analysis.h"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace eventscope {

// Exit statuses, the same for every command: 0 clean, 1 findings (or drift, or a breaking
// change), 2 an input the user must fix (and any internal error).
constexpr int kExitClean = 0, kExitFindings = 1, kExitInputError = 2;

// Which of the options in CommonOptions a command takes, declared once in
// addSharedOptions (commands.cpp).
enum class SharedOptions {
  None,
  Quiet,              // -q only
  Analysis,           // the system's root as the positional DIR, then every analysis option
  AnalysisRootOption, // the same with the root as --root (the positionals are files)
  Parsing,            // as AnalysisRootOption, without --facts (the command makes facts)
};

// Runs the command once the command line is parsed; `common` holds the shared options.
// Returns the exit status; throws InputError (exit 2) for what the user must fix.
using CommandRun = std::function<int(const CommonOptions &common)>;

struct Command {
  std::vector<std::string> path; // {"contract", "diff"}; a group's own entry has no `setup`
  std::string summary;           // one line, for --help
  SharedOptions shared = SharedOptions::None;
  // Adds the command's own options to its CLI::App and returns what runs it; the options'
  // values live in state the returned function captures. Empty for a group ("contract").
  std::function<CommandRun(CLI::App &app)> setup;
};

// Every command and group, in the order of commands.def (the order of --help).
const std::vector<Command> &allCommands();

} // namespace eventscope
