// File classification by name, then by content where the name is not enough.
#include <string_view>

#include "parse/dockerfile/dockerfile_names.h"
#include "parse/dotenv/dotenv_names.h"
#include "parse/ecs/ecs_parser.h"
#include "parse/nginx/nginx_detect.h"
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

Format classify(std::string_view path, std::string_view content) {
  std::string_view name = base_name(path);
  if (ends_with(name, ".tf") || ends_with(name, ".tfvars")) return Format::Terraform;
  if (is_dockerfile_name(name)) return Format::Dockerfile;
  if (is_dotenv_file_name(name)) return Format::Dotenv;
  if (is_nginx_config(path, content)) return Format::Nginx;
  if (ends_with(name, ".json") && is_ecs_task_definition_json(content)) return Format::Ecs;
  return Format::Text;
}

}  // namespace clearance
