// Names of formats as rules and reports spell them.
#include "model/format.h"

#include <array>
#include <utility>

namespace clearance {

namespace {
constexpr std::array<std::pair<Format, std::string_view>, 6> kNames{{
    {Format::Terraform, "terraform"},
    {Format::Dockerfile, "dockerfile"},
    {Format::Nginx, "nginx"},
    {Format::Ecs, "ecs"},
    {Format::Dotenv, "dotenv"},
    {Format::Text, "text"},
}};
}  // namespace

std::string_view format_name(Format f) {
  for (const auto& [fmt, name] : kNames)
    if (fmt == f) return name;
  return "text";
}

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& [fmt, n] : kNames)
    if (n == name) return fmt;
  return std::nullopt;
}

}  // namespace clearance
