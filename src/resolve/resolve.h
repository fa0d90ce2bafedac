// The resolve step: what formats mean beyond their syntax (Terraform evaluation, nginx
// includes and header inheritance, .env groups, ECS definitions inside Terraform).
#pragma once

#include "engine/workspace.h"

namespace clearance {

/// Resolves every document of `ws` in place, and may add derived documents.
void resolve_workspace(Workspace& ws);

}  // namespace clearance
