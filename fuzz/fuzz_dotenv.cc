// libFuzzer target: the .env parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "parse/dotenv/dotenv_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc;
  doc.path = ".env.production";
  doc.format = clearance::Format::Dotenv;
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  clearance::parse_dotenv(doc);
  return 0;
}
