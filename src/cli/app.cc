// Placeholder CLI until the commands land.
#include "cli/app.h"

namespace clearance {

int run_cli(int, char**) { return 0; }

}  // namespace clearance
