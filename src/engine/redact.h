// Redaction: the only form in which a secret value may appear in any output.
#pragma once

#include <string>
#include <string_view>

namespace clearance {

/// "AKIA…MPLE (20 chars)": at most the first 4 and last 2 characters of a long secret,
/// nothing of a short one.
std::string redact_preview(std::string_view secret);

}  // namespace clearance
