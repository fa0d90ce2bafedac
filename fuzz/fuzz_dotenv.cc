// libFuzzer target: the .env parser.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "parse/dotenv/dotenv_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Document doc = clearance::fuzz::document_from(data, size, ".env.production", clearance::Format::Dotenv);
  clearance::parse_dotenv(doc);
  return 0;
}
