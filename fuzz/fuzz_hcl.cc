// libFuzzer target: the HCL (Terraform) parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "parse/terraform/terraform_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc = clearance::fuzz::document_from(data, size, "main.tf", clearance::Format::Terraform);
  clearance::parse_terraform(doc);
  return 0;
}
