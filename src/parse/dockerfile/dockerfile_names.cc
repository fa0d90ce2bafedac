// Dockerfile name patterns, as build tools look them up by default or by convention.
#include "parse/dockerfile/dockerfile_names.h"

namespace clearance {

namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

bool is_dockerfile_name(std::string_view name) {
  if (ends_with(name, ".dockerignore")) return false;
  for (std::string_view base : {"Dockerfile", "dockerfile", "Containerfile", "containerfile"}) {
    if (name == base) return true;
    if (starts_with(name, base) && name.size() > base.size() + 1 && name[base.size()] == '.')
      return true;
  }
  return ends_with(name, ".Dockerfile") || ends_with(name, ".dockerfile") ||
         ends_with(name, ".Containerfile") || ends_with(name, ".containerfile");
}

}  // namespace clearance
