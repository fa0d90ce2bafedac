// The history scan: every commit reachable from HEAD, oldest first, diffed against its first
// parent; the lines each commit adds go through the same Scanner as files do, with their
// line numbers in the new file. A secret is reported once, at the commit that first added it,
// even if later commits move, copy or delete it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "secrets/hit.h"

namespace clearance::secrets {

/// Limits of a history scan.
struct HistoryOptions {
  uintmax_t max_blob_size = 10u << 20;  ///< larger blobs are skipped and counted
  size_t max_commits = 0;               ///< 0 = every commit
};

/// A secret found in history. `hit` offsets index `context` (the hit's own lines, as added);
/// its range holds the line numbers of the file in that commit.
struct HistoryFinding {
  SecretHit hit;
  std::string context;  ///< the added lines holding the secret: redact before showing
  std::string commit;   ///< full commit id
  std::string date;     ///< author date, ISO 8601 with the author's UTC offset
  std::string path;     ///< path in the commit's tree
};

/// What a history scan found and what it could not read.
struct HistoryResult {
  std::vector<HistoryFinding> findings;  ///< in order of introduction
  size_t commits = 0;
  size_t files = 0;                  ///< file changes whose added lines were scanned
  size_t bytes = 0;                  ///< added bytes scanned
  std::vector<std::string> skipped;  ///< "path at commit: reason" (binary, too large)
  std::string error;                 ///< set when the repository could not be read
};

/// Scans the history of the repository containing `path`. An empty repository (no commit
/// yet) is no error: the result is simply empty.
HistoryResult scan_git_history(const std::string& path, const HistoryOptions& options);

}  // namespace clearance::secrets
