// Severity names as rules and reports spell them.
#include "engine/severity.h"

#include <array>
#include <utility>

namespace clearance {

namespace {
constexpr std::array<std::pair<Severity, std::string_view>, 5> kNames{{
    {Severity::Info, "info"},
    {Severity::Low, "low"},
    {Severity::Medium, "medium"},
    {Severity::High, "high"},
    {Severity::Critical, "critical"},
}};
}  // namespace

std::string_view severity_name(Severity s) {
  for (const auto& [sev, name] : kNames)
    if (sev == s) return name;
  return "medium";
}

std::optional<Severity> severity_from_name(std::string_view name) {
  for (const auto& [sev, n] : kNames)
    if (n == name) return sev;
  return std::nullopt;
}

}  // namespace clearance
