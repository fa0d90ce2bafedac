// Counting findings for the summary. Suppressed findings count only as suppressed, whatever
// their verdict, so that the summary matches the exit code the scan command computes.
#include "report/summary.h"

namespace clearance {

Summary summarize(const Report& report, Severity threshold) {
  Summary s;
  s.threshold = threshold;
  for (const auto& f : report.findings) {
    if (!f.suppressions.empty()) {
      ++s.suppressed;
    } else if (f.verdict == Verdict::Undetermined) {
      ++s.undetermined;
    } else if (f.verdict == Verdict::Fail) {
      ++s.failed;
      ++s.failed_by_severity[static_cast<size_t>(f.severity)];
      if (f.severity >= threshold) ++s.failing;
    }
  }
  for (const auto& d : report.notifications) {
    if (d.level == Diagnostic::Level::Error) ++s.parse_errors;
    if (d.level == Diagnostic::Level::Warning) ++s.warnings;
  }
  return s;
}

}  // namespace clearance
