// libFuzzer target: the Terraform evaluator (expressions, functions, templates).
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "parse/terraform/terraform_parser.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The input is one module file; resolving evaluates every expression and template in it.
  clearance::Workspace ws;
  clearance::Document doc;
  doc.path = "main.tf";
  doc.format = clearance::Format::Terraform;
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  clearance::parse_terraform(doc);
  ws.documents.push_back(std::move(doc));
  clearance::ResolveOptions options;
  options.terraform.read_environment = false;
  clearance::resolve_workspace(ws, options);
  return 0;
}
