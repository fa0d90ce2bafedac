// The discover step: which files a scan reads.
#pragma once

#include <cstdint>
#include <functional>
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

/// What the walk honours.
struct DiscoverOptions {
  bool respect_gitignore = true;  ///< .gitignore files and .git/info/exclude
  /// Extra patterns in .gitignore syntax, relative to the scan root (or to a directory
  /// outside it that is walked); they outrank every ignore file and apply even when
  /// `respect_gitignore` is off. From configuration (`exclude:`) or the command line.
  std::vector<std::string> exclude;
};

/// The files to scan, and problems met on the way (unreadable entries, missing inputs).
struct DiscoverResult {
  std::string root;               ///< absolute scan root
  std::vector<SourceFile> files;  ///< sorted by path
  std::vector<Diagnostic> diagnostics;
  /// The walk's exclusions as a predicate over root-relative paths, for loaders that read
  /// files the walk did not reach (see exclusion.h).
  std::function<bool(const std::string&)> excluded;
};

/// Walks `paths` (files or directories; none means ".") and returns the files to scan.
/// Skips `.git` and `.terraform` directories, what .gitignore files and .git/info/exclude
/// ignore (unless turned off), and symbolic links leading outside the root or in circles.
/// A file named in `paths` is scanned even if ignored.
DiscoverResult discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

/// The scan root for `paths`: the top of the git work tree holding the first path, else
/// the path itself when it is the only one and a directory, else the working directory.
/// `in_git`, when given, says whether a work tree was found.
std::string find_scan_root(const std::vector<std::string>& paths, bool* in_git = nullptr);

}  // namespace clearance
