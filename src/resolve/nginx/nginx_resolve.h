// The nginx part of the resolve step: includes spliced in place (nginx_includes.h). Header
// inheritance is answered on demand by nginx_headers.h over the resolved tree.
#pragma once

#include "engine/workspace.h"

namespace clearance {

/// Resolves every nginx document of `ws`, reading include targets under `ws.root` from disk
/// when they are not documents of the workspace.
void resolve_nginx(Workspace& ws);

}  // namespace clearance
