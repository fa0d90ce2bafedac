// Workspace: every document of one scan, after parsing and resolving. The engine reads it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/document.h"

namespace clearance {

/// All documents of a scan. Documents are stored in a stable order (by path, then format).
struct Workspace {
  std::string root;  ///< the scan root (absolute); document paths are relative to it
  std::vector<Document> documents;
  /// Diagnostics not tied to one parsed document (skipped files, unreadable paths...).
  std::vector<Diagnostic> diagnostics;
  /// Whether a path (relative to the root) is left out of the scan by configuration
  /// (`exclude:`) or ignore files; loaders that follow references (module directories)
  /// consult it so they read no more than the walk would. Unset: nothing is excluded.
  std::function<bool(const std::string&)> excluded;
};

}  // namespace clearance
