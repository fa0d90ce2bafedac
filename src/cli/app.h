// The command line: `clearance scan|rules|explain|test|version`.
#pragma once

namespace clearance {

/// Runs the CLI; returns the process exit code (0 clean, 1 findings, 2 error).
int run_cli(int argc, char** argv);

}  // namespace clearance
