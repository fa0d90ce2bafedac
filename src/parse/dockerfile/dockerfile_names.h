// Which file names are Dockerfiles: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile,
// Containerfile and Containerfile.* (but not Dockerfile.dockerignore, an ignore file).
#pragma once

#include <string_view>

namespace clearance {

/// True when the base name `name` is a Dockerfile or Containerfile.
bool is_dockerfile_name(std::string_view name);

}  // namespace clearance
