// The command line: every command of commands.def under one CLI::App, parsed and run.
#pragma once

namespace eventscope {

// Parses `argv` and runs the command it names. Returns the exit status (command.h); prints
// every error on stderr, never throws.
int runCommandLine(int argc, char **argv);

} // namespace eventscope
