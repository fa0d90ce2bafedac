// The git modes of `clearance scan`: `--staged` scans what the next commit would contain
// (the index), `--git-history` adds the secrets that any commit reachable from HEAD added.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/rule_set.h"
#include "engine/workspace.h"
#include "report/report.h"

namespace clearance {

/// The workspace of the staged files of the repository containing `path`; false (with
/// `error`) if it is not a repository. Skipped blobs become warnings.
bool staged_workspace(const std::string& path, uintmax_t max_file_size, unsigned jobs,
                      Workspace& ws, ScanStats& stats, std::string& error);

/// Adds to `result` a finding for each secret that history added and that the tree scan did
/// not already report (same rule, same secret). Only rules of `rules` that are loaded count.
bool add_history_findings(const std::string& path, const RuleSet& rules, uintmax_t max_blob_size,
                          EngineResult& result, std::vector<Diagnostic>& notes, std::string& error);

}  // namespace clearance
