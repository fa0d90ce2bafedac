// The Markdown format: a pull-request or merge-request comment.
#pragma once

#include <ostream>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// Writes `report` as Markdown: a summary table, the findings grouped by severity (most
/// severe first) with collapsible details, and counts of what was suppressed.
void write_markdown(const Report& report, std::ostream& out, Severity threshold);

}  // namespace clearance
