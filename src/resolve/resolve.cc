// One named call per format's semantics, in dependency order.
#include "resolve/resolve.h"

namespace clearance {

void resolve_workspace(Workspace& /*ws*/) {}

}  // namespace clearance
