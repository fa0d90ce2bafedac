// Baseline: the findings a team has accepted for now, by fingerprint, so that a scan reports
// only what is new. The file is JSON with one finding per line, sorted, without timestamps,
// so that two branches that both update it merge cleanly.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace clearance {

/// One accepted finding.
struct BaselineEntry {
  std::string rule;
  std::string path;
  std::string subject;
  std::string fingerprint;  ///< the engine's fingerprint (rule, path, subject/content)
  std::string content;      ///< the same without the path: finds the finding after a move
  friend auto operator<=>(const BaselineEntry&, const BaselineEntry&) = default;
};

/// A baseline file's contents, sorted.
struct Baseline {
  std::vector<BaselineEntry> entries;
};

/// The path-independent identity of a finding (rule, subject and message, or its seed).
std::string baseline_content_key(const Finding& f);

/// The unsuppressed findings of a scan, as a baseline.
Baseline baseline_from_findings(const std::vector<Finding>& findings);

/// Writes `baseline` in its stable text form.
void write_baseline(const Baseline& baseline, std::ostream& out);

/// Parses a baseline file; nullopt with `error` set when it is not one.
std::optional<Baseline> parse_baseline(std::string_view text, std::string& error);

/// Marks every unsuppressed finding the baseline holds as suppressed (external, with
/// `justification`). A finding matches an entry with its fingerprint or, failing that,
/// an entry with its rule and content key (the file was moved or renamed). Each entry
/// matches one finding at most. Returns how many findings were marked.
size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings,
                      const std::string& justification);

}  // namespace clearance
