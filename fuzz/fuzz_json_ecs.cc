// libFuzzer target: the JSON reader and the ECS task definition parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc;
  doc.path = "task-definition.json";
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  doc.format = clearance::classify(doc.path, doc.source);  // Ecs when it looks like one
  clearance::parse_document(doc);
  return 0;
}
