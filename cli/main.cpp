// eventscope: the command line. The commands are in cli/commands/, one file each, listed in
// cli/commands/commands.def.
#include "cli/commands/commands.h"

int main(int argc, char **argv) { return eventscope::runCommandLine(argc, argv); }
