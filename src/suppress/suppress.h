// The suppress step, between check and report: inline `clearance:ignore` comments,
// suppressions from the configuration file, and the baseline. Suppressed findings are kept
// (with `suppressions` filled in) so that every report can still show or count them.
//
// Suppressions that are themselves wrong become findings of the rule
// `clearance-suppression` (rules/meta/): one without a reason, one past its `until=` date,
// one naming an unknown rule, and one that suppresses nothing.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/rule.h"
#include "engine/workspace.h"
#include "model/location.h"
#include "suppress/baseline.h"

namespace clearance {

/// The rule id under which broken suppressions are reported.
inline constexpr const char* kSuppressionRuleId = "clearance-suppression";

/// A suppression written in the configuration file (`ignore:`), for files without comments
/// (JSON) or for whole directories.
struct ExternalSuppression {
  std::string rule;                ///< a rule id, or "*" for every rule
  std::vector<std::string> paths;  ///< globs relative to the scan root; empty = every file
  std::string reason;
  std::string until_text;  ///< as written, empty if absent
  int until = 0;           ///< yyyymmdd, 0 if absent
  Location origin;         ///< where it is written (config file and line)
};

/// What the suppress step needs besides the findings.
struct SuppressSettings {
  std::vector<ExternalSuppression> external;
  const Baseline* baseline = nullptr;
  std::string baseline_name;        ///< named in the justification of baselined findings
  int today = 0;                    ///< yyyymmdd; suppressions with an earlier `until` have expired
  std::set<std::string> rules_run;  ///< ids of the rules that ran: only they can be "unused"
  std::set<std::string> rules_known;  ///< every rule id there is, run or not
  /// The `clearance-suppression` rule, or nullptr when it is disabled: then broken
  /// suppressions are not reported.
  const Rule* problem_rule = nullptr;
};

/// What the step did, for tests and summaries.
struct SuppressStats {
  size_t inline_suppressed = 0;
  size_t external_suppressed = 0;
  size_t baselined = 0;
  size_t problems = 0;
};

/// Applies inline and configured suppressions, reports broken ones, then the baseline.
/// `findings` stays sorted by path, line, column, rule id.
SuppressStats apply_suppressions(const Workspace& workspace, std::vector<Finding>& findings,
                                 const SuppressSettings& settings);

}  // namespace clearance
