// The file formats clearance reads. `Text` is any other text file: only secrets apply.
#pragma once

#include <optional>
#include <string_view>

namespace clearance {

enum class Format { Terraform, Dockerfile, Nginx, Ecs, Dotenv, Text };

/// The lower-case name used in rules and output ("terraform", "dotenv"...).
std::string_view format_name(Format f);
std::optional<Format> format_from_name(std::string_view name);

}  // namespace clearance
