// The SARIF 2.1.0 format, shaped for GitHub code scanning (see sarif_writer.cc).
#pragma once

#include <ostream>

#include "report/report.h"

namespace clearance {

/// The `$schema` written at the top of every SARIF log.
inline constexpr const char* kSarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes `report` as one SARIF 2.1.0 run. Output depends only on `report`: no timestamps.
void write_sarif(const Report& report, std::ostream& out);

}  // namespace clearance
