// Summary: the counts the text and JSON formats print after the findings.
#pragma once

#include <array>
#include <cstddef>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// What a scan found, counted once so every format agrees.
struct Summary {
  std::array<size_t, 5> failed_by_severity{};  ///< unsuppressed failures, indexed by Severity
  size_t failed = 0;                           ///< unsuppressed failures, all severities
  size_t failing = 0;                          ///< unsuppressed failures at or above the threshold
  size_t undetermined = 0;                     ///< unsuppressed findings that could not be decided
  size_t suppressed = 0;    ///< findings of any verdict silenced by a suppression
  size_t parse_errors = 0;  ///< error-level notifications
  size_t warnings = 0;      ///< warning-level notifications (skipped files and the like)
  Severity threshold = Severity::Low;

  size_t failed_at(Severity s) const { return failed_by_severity[static_cast<size_t>(s)]; }
};

/// Counts `report`'s findings and notifications; `threshold` decides what is failing.
Summary summarize(const Report& report, Severity threshold);

}  // namespace clearance
