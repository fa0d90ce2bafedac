// Severity of a rule, ordered so that thresholds compare with <.
#pragma once

#include <optional>
#include <string_view>

namespace clearance {

enum class Severity { Info, Low, Medium, High, Critical };

std::string_view severity_name(Severity s);
std::optional<Severity> severity_from_name(std::string_view name);

}  // namespace clearance
