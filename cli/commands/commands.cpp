#include "cli/commands/commands.h"

#include "analyzer/cpp/facts_cache.h"
#include "model/input_error.h"
#include "cli/commands/command.h"
#include "cli/commands/support.h"
#include "analyzer/atomic_file.h"
#include "model/event_graph.h"
#include "model/text_distance.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <thread>

namespace eventscope {

#define ES_COMMAND(fn) Command fn();
#include "cli/commands/commands.def"
#undef ES_COMMAND

const std::vector<Command> &allCommands() {
  static const std::vector<Command> commands = {
#define ES_COMMAND(fn) fn(),
#include "cli/commands/commands.def"
#undef ES_COMMAND
  };
  return commands;
}

namespace {

// The options in CommonOptions, declared once for every command that takes them.
void addSharedOptions(CLI::App &app, SharedOptions shared, CommonOptions &common) {
  if (shared == SharedOptions::None)
    return;
  if (shared == SharedOptions::Quiet) {
    app.add_flag("-q,--quiet", common.quiet, "Errors only on stderr");
    return;
  }
  if (shared == SharedOptions::Analysis)
    app.add_option("DIR", common.root, "Root of the system to analyse (default: the working directory)");
  else
    app.add_option("--root", common.root, "Root of the system to analyse (default: the working directory)");
  app.add_option("--config", common.configFile, "Config file (default: eventscope.yaml in the root or above)");
  app.add_option("-p,--build-dir", common.buildDir, "Build directory holding compile_commands.json");
  app.add_option("-j,--jobs", common.jobs, "Translation units parsed in parallel (default: all cores)");
  app.add_flag("--strict", common.strict, "Exit 2 when any input could not be analysed");
  app.add_flag("-q,--quiet", common.quiet, "No progress, warnings, notes or summary on stderr; errors only");
  app.add_option("--cache-dir", common.cacheDir,
                 "Where parsed facts are kept between runs (default: .eventscope-cache under the root)");
  app.add_flag("--no-cache", common.noCache, "Parse every file; read and write no cache");
  app.add_flag("--follow-symlinks", common.followSymlinks,
               "Follow symbolic links that lead out of the root (links inside it are always followed)");
  if (shared != SharedOptions::Parsing) {
    app.add_option("--facts", common.factsFiles,
                   "Use these FACTS files (of `extract` or `merge`) instead of parsing the code");
    app.add_option("--traces", common.traceFiles,
                   "Recorded traces (OTLP/JSON, Jaeger JSON, Zipkin v2 JSON) to hold the graph against");
  }
}

// The names of the subcommands directly under `app`.
std::vector<std::string> subcommandNames(CLI::App &app) {
  std::vector<std::string> names;
  for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// An unknown subcommand word (`eventscope chek`, `contract dif`): an error with the closest
// name, before CLI11 reads the word as a stray argument. Returns false after printing it.
bool knownSubcommands(CLI::App &app, int argc, char **argv) {
  CLI::App *at = &app;
  std::string path = "eventscope";
  for (int i = 1; i < argc && at->get_require_subcommand_min() > 0; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-')
      return true; // an option (--help, --version): CLI11's to read
    std::vector<std::string> names = subcommandNames(*at);
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::cerr << "eventscope: error: '" << word << "' is not a command of " << path;
      if (std::optional<std::string> near = closestMatch(word, names))
        std::cerr << "; did you mean '" << *near << "'?";
      std::string list;
      for (const std::string &name : names)
        list += (list.empty() ? "" : ", ") + name;
      std::cerr << " (commands: " << list << ")\n";
      return false;
    }
    at = at->get_subcommand(word);
    path += " " + word;
  }
  return true;
}

} // namespace

int runCommandLine(int argc, char **argv) {
  installInterruptHandler();
  CLI::App app{"eventscope: the coupling of event-driven systems, from C++ code and event contracts"};
  // The facts stamp tells which extractor wrote a cache or a FACTS file (cmake/FactsStamp.cmake).
  app.set_version_flag("--version", std::string("eventscope ") + toolVersion() + "\nfacts stamp " +
                                        std::string(factsExtractorStamp()).substr(0, 16));
  app.require_subcommand(1);

  CommonOptions common;
  std::vector<std::pair<CLI::App *, CommandRun>> runs;
  for (const Command &command : allCommands()) {
    CLI::App *parent = &app;
    for (size_t i = 0; i + 1 < command.path.size(); ++i)
      parent = parent->get_subcommand(command.path[i]); // a group is registered before its members
    CLI::App *sub = parent->add_subcommand(command.path.back(), command.summary);
    if (!command.setup) {
      sub->require_subcommand(1);
      continue;
    }
    CommandRun run = command.setup(*sub);
    addSharedOptions(*sub, command.shared, common);
    runs.emplace_back(sub, std::move(run));
  }

  if (!knownSubcommands(app, argc, argv))
    return kExitInputError;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    if (e.get_exit_code() == 0) // --help, --version
      return app.exit(e) == 0 ? kExitClean : kExitInputError;
    // A usage error reads as every other error: the tool's prefix, then the way to help.
    std::cerr << "eventscope: error: " << e.what() << "\nRun with --help for more information.\n";
    return kExitInputError;
  }

  try {
    if (common.jobs == 0)
      common.jobs = std::max(1u, std::thread::hardware_concurrency());
    for (const auto &[sub, run] : runs)
      if (sub->parsed())
        return run(common);
    return kExitInputError; // not reached: CLI11 requires a command
  } catch (const InputError &e) {
    std::cerr << "eventscope: error: " << e.what() << "\n";
    return kExitInputError;
  } catch (const std::exception &e) { // a defect, not an input: said as such
    std::cerr << "eventscope: internal error: " << e.what() << "\n";
    return kExitInputError;
  }
}

} // namespace eventscope
