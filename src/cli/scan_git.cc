// Wiring of the git modes. History findings are built here from the rule's metadata, the
// hit's redacted snippet and detail, and the commit it came from; their fingerprint seed is
// the secret's hash, like the tree scan's, so one leaked key is one alert wherever it is.
#include "cli/scan_git.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>
#include <utility>

#include "cli/pipeline.h"
#include "engine/fingerprint.h"
#include "engine/redact.h"
#include "secrets/git_history.h"
#include "secrets/git_staged.h"
#include "secrets/redaction.h"

namespace clearance {

namespace {

// libgit2 looks for a repository upwards from a directory: start from a file's folder.
std::string repo_start(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    auto parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
  }
  return path;
}

}  // namespace

bool staged_workspace(const std::string& path, uintmax_t max_file_size, unsigned jobs,
                      Workspace& ws, ScanStats& stats, std::string& error) {
  secrets::StagedFiles staged = secrets::read_staged_files(repo_start(path), max_file_size);
  if (!staged.error.empty()) {
    error = staged.error;
    return false;
  }
  for (const auto& [p, content] : staged.files) stats.bytes_scanned += content.size();
  stats.files_scanned = staged.files.size();
  stats.files_skipped = staged.skipped.size();
  ws = workspace_from_sources(staged.workdir, std::move(staged.files), jobs);
  for (auto& s : staged.skipped)
    ws.diagnostics.push_back({Diagnostic::Level::Warning, "staged: " + s, {}});
  return true;
}

bool add_history_findings(const std::string& path, const RuleSet& rules, uintmax_t max_blob_size,
                          EngineResult& result, std::vector<Diagnostic>& notes,
                          std::string& error) {
  secrets::HistoryOptions options;
  options.max_blob_size = max_blob_size;
  secrets::HistoryResult history = secrets::scan_git_history(repo_start(path), options);
  if (!history.error.empty()) {
    error = history.error;
    return false;
  }
  std::set<std::pair<std::string, std::string>> in_tree;
  for (const auto& f : result.findings)
    if (!f.fingerprint_seed.empty()) in_tree.emplace(f.rule_id, f.fingerprint_seed);
  for (auto& h : history.findings) {
    const Rule* rule = rules.find(h.hit.rule_id);
    if (!rule || in_tree.count({rule->id, h.hit.sha256})) continue;
    std::string_view raw = secrets::previewable(h.context, h.hit);
    std::string preview = raw.empty() ? std::string() : redact_preview(raw);
    std::string short_id = h.commit.substr(0, 12);
    Finding f;
    f.rule_id = rule->id;
    f.severity = rule->severity;
    f.location = {h.path, h.hit.range};
    f.subject = "commit " + short_id;
    f.message = secrets::describe(h.context, h.hit, preview) + ", added in commit " + short_id +
                " (" + h.date + "), not in the current tree";
    f.snippet = secrets::redacted_snippet(h.context, h.hit, preview);
    f.fingerprint_seed = h.hit.sha256;
    f.fingerprint = finding_fingerprint(f);
    result.findings.push_back(std::move(f));
  }
  auto key = [](const Finding& f) {
    return std::tie(f.location.path, f.location.range.begin.line, f.location.range.begin.column,
                    f.rule_id, f.message);
  };
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  for (auto& s : history.skipped)
    notes.push_back({Diagnostic::Level::Note, "git history: skipped " + s, {}});
  notes.push_back({Diagnostic::Level::Note,
                   "git history: " + std::to_string(history.commits) + " commits, " +
                       std::to_string(history.files) + " file changes, " +
                       std::to_string(history.bytes) + " added bytes scanned",
                   {}});
  return true;
}

}  // namespace clearance
