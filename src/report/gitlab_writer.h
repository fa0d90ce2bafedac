// GitLab code quality report (artifacts:reports:codequality), shown in merge requests.
#pragma once

#include <ostream>

#include "report/report.h"

namespace clearance {

/// Writes the unsuppressed findings as a GitLab code quality JSON array.
void write_gitlab(const Report& report, std::ostream& out);

}  // namespace clearance
