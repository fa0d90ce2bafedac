// libFuzzer target: the Terraform evaluator (expressions, functions, templates).
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "parse/terraform/terraform_parser.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The input is one module file; resolving evaluates every expression and template in it.
  clearance::Workspace ws;
  ws.root = "/nonexistent-clearance-fuzz-root";  // no file outside the input is ever read
  clearance::Document doc = clearance::fuzz::document_from(data, size, "main.tf", clearance::Format::Terraform);
  clearance::parse_terraform(doc);
  ws.documents.push_back(std::move(doc));
  clearance::ResolveOptions options;
  options.terraform.read_environment = false;
  clearance::resolve_workspace(ws, options);
  return 0;
}
