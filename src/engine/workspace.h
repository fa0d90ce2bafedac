// Workspace: every document of one scan, after parsing and resolving. The engine reads it.
#pragma once

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
};

}  // namespace clearance
