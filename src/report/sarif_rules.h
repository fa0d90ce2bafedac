// The SARIF side of a rule: result levels, GitHub security-severity scores, and the
// reportingDescriptor written into tool.driver.rules.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/rule.h"
#include "engine/severity.h"

namespace clearance {

/// SARIF result level: critical/high -> error, medium -> warning, low/info -> note.
std::string_view sarif_level(Severity s);

/// GitHub's numeric security severity as a string ("9.5" for critical); empty for info.
std::string_view security_severity(Severity s);

/// The reportingDescriptor for `rule`, keys in the order the SARIF spec lists them.
nlohmann::ordered_json sarif_rule(const Rule& rule);

/// A minimal descriptor for a result whose rule is not in the report (so that every result
/// still has a ruleIndex and GitHub has a description to show).
nlohmann::ordered_json sarif_placeholder_rule(std::string_view id, Severity severity);

/// `s` cut to at most `max_bytes` without splitting a UTF-8 sequence.
std::string truncate_utf8(std::string_view s, size_t max_bytes);

}  // namespace clearance
