// The scan pipeline up to the check step: discover, load, parse (in parallel), resolve.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "discover/discover.h"
#include "engine/workspace.h"
#include "report/report.h"
#include "resolve/resolve.h"

namespace clearance {

struct LoadSettings {
  uintmax_t max_file_size = 10u << 20;
  unsigned jobs = 0;  ///< 0 = one per core
};

/// Reads, classifies and parses the discovered files, then resolves the workspace.
Workspace load_workspace(const DiscoverResult& found, const LoadSettings& settings, ScanStats& stats);
/// The same with inputs for the resolve step (--var-file, --var for Terraform evaluation).
Workspace load_workspace(const DiscoverResult& found, const LoadSettings& settings, ScanStats& stats,
                         const ResolveOptions& resolve);

/// The same from in-memory files (path relative to `root`, content): used by `clearance test`.
Workspace workspace_from_sources(std::string root, std::vector<std::pair<std::string, std::string>> files,
                                 unsigned jobs = 0);

}  // namespace clearance
