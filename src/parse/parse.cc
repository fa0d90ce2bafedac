// Dispatch from a format to its parser. The one place that lists every parser.
#include "parse/parse.h"

#include "parse/dockerfile/dockerfile_parser.h"
#include "parse/dotenv/dotenv_parser.h"
#include "parse/ecs/ecs_parser.h"
#include "parse/nginx/nginx_parser.h"
#include "parse/terraform/terraform_parser.h"

namespace clearance {

void parse_document(Document& doc) {
  switch (doc.format) {
    case Format::Terraform: parse_terraform(doc); break;
    case Format::Dockerfile: parse_dockerfile(doc); break;
    case Format::Nginx: parse_nginx(doc); break;
    case Format::Ecs: parse_ecs(doc); break;
    case Format::Dotenv: parse_dotenv(doc); break;
    case Format::Text: break;
  }
}

}  // namespace clearance
