// The JSON format: a stable, documented shape for scripts (docs/json-output.schema.json).
#pragma once

#include <ostream>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// The version of the JSON output's shape; bumped only on incompatible changes.
inline constexpr int kJsonOutputVersion = 1;

/// Writes `report` as one JSON object; `threshold` decides the summary's `failing` count.
void write_json(const Report& report, std::ostream& out, Severity threshold);

}  // namespace clearance
