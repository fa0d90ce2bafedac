// Completing the workspace's Terraform modules from disk: the .tf/.tfvars files of a module
// directory that the scan did not load (one file given on the command line), and the
// directories that local module calls name when they were not scanned. Terraform reads a
// module as a whole directory, so the evaluation must too.
#pragma once

#include "engine/workspace.h"

namespace clearance::tf {

/// Adds the missing .tf/.tfvars documents (parsed) of every module directory of `ws` and of
/// the local module sources it calls, inside the scan root only, keeping documents sorted by
/// path. Files over `max_size` bytes are left out with a diagnostic.
void load_module_files(Workspace& ws, size_t max_size = 10u << 20);

/// The local source directories (relative to the scan root) that the module blocks of `doc`
/// call, normalized; registry and git sources are left out.
std::vector<std::string> local_module_targets(const Document& doc, const std::string& root);

}  // namespace clearance::tf
