// File classification by name, then by content where the name is not enough.
#include <string_view>

#include "parse/parse.h"

namespace clearance {

namespace {

std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Format classify(std::string_view path, std::string_view /*content*/) {
  std::string_view name = base_name(path);
  if (ends_with(name, ".tf") || ends_with(name, ".tfvars")) return Format::Terraform;
  return Format::Text;
}

}  // namespace clearance
