// libFuzzer target: the Dockerfile parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "parse/dockerfile/dockerfile_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc = clearance::fuzz::document_from(data, size, "Dockerfile", clearance::Format::Dockerfile);
  clearance::parse_dockerfile(doc);
  return 0;
}
