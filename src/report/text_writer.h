// The text format: one line per finding, grouped by file, then the notifications and a
// one-line summary. Meant for people at a terminal or reading a CI log.
#pragma once

#include <ostream>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// How the text format is written.
struct TextOptions {
  bool color = false;                  ///< ANSI colours; the caller knows whether it is a terminal
  Severity threshold = Severity::Low;  ///< the summary counts failures at or above this
};

/// Writes `report` as `path:line:col severity rule-id message` lines and a summary.
void write_text(const Report& report, std::ostream& out, const TextOptions& options);

}  // namespace clearance
