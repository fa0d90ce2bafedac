// The order every output format lists findings and notifications in. The producer already
// sorts, but writers do not rely on it: the same Report must always print the same bytes.
#pragma once

#include <vector>

#include "report/report.h"

namespace clearance {

/// Findings ordered by path, line, column, rule id, then message.
std::vector<const Finding*> ordered_findings(const Report& report);

/// Notifications ordered by path, line, column, level, then message.
std::vector<const Diagnostic*> ordered_notifications(const Report& report);

}  // namespace clearance
