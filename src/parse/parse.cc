// Dispatch from a format to its parser. The one place that lists every parser.
#include "parse/parse.h"

#include "parse/terraform/terraform_parser.h"

namespace clearance {

void parse_document(Document& doc) {
  switch (doc.format) {
    case Format::Terraform: parse_terraform(doc); break;
    case Format::Dockerfile: break;
    case Format::Nginx: break;
    case Format::Ecs: break;
    case Format::Dotenv: break;
    case Format::Text: break;
  }
}

}  // namespace clearance
