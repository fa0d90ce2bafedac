// libFuzzer target: the Dockerfile parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "parse/dockerfile/dockerfile_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc;
  doc.path = "Dockerfile";
  doc.format = clearance::Format::Dockerfile;
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  clearance::parse_dockerfile(doc);
  return 0;
}
