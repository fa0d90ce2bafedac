// The resolve step: what formats mean beyond their syntax (Terraform evaluation, nginx
// includes and header inheritance, .env groups, ECS definitions inside Terraform).
#pragma once

#include "engine/workspace.h"
#include "resolve/terraform/tf_resolve.h"

namespace clearance {

/// Inputs of the resolve step that come from outside the files (command line, environment).
struct ResolveOptions {
  TerraformOptions terraform;  ///< --var-file, --var, TF_VAR_*
};

/// Resolves every document of `ws` in place, and may add derived documents.
void resolve_workspace(Workspace& ws);
/// The same with inputs from the command line.
void resolve_workspace(Workspace& ws, const ResolveOptions& options);

}  // namespace clearance
