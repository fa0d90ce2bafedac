// libFuzzer target: the HCL (Terraform) parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "parse/terraform/terraform_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc;
  doc.path = "main.tf";
  doc.format = clearance::Format::Terraform;
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  clearance::parse_terraform(doc);
  return 0;
}
