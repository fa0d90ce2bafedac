// The discover step: which files a scan reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/document.h"

namespace clearance {

/// A file chosen for the scan.
struct SourceFile {
  std::string path;       ///< relative to the scan root, '/'-separated
  std::string disk_path;  ///< absolute path to read
  uintmax_t size = 0;
  bool explicit_path = false;  ///< named on the command line (scanned even if ignored)
};

struct DiscoverOptions {
  bool respect_gitignore = true;
};

struct DiscoverResult {
  std::string root;  ///< absolute scan root
  std::vector<SourceFile> files;  ///< sorted by path
  std::vector<Diagnostic> diagnostics;
};

/// Walks `paths` (files or directories) and returns the files to scan.
DiscoverResult discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

}  // namespace clearance
