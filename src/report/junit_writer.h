// The JUnit XML format, for CI systems that show test results (GitLab, Jenkins, Azure).
#pragma once

#include <ostream>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// Writes `report` as JUnit XML: one test suite per rule, one test case per rule and file.
/// A case fails when it has an unsuppressed failure at or above `threshold`.
void write_junit(const Report& report, std::ostream& out, Severity threshold);

}  // namespace clearance
