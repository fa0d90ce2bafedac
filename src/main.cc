// clearance: entry point. The commands live in cli/.
#include "cli/app.h"

int main(int argc, char** argv) { return clearance::run_cli(argc, argv); }
