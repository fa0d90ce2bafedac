// libFuzzer target: the Markdown checklist reader.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "checklist/checklist_document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)clearance::read_checklist(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
