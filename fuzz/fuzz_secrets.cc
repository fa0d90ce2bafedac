// libFuzzer target: the secret scanner and its redaction.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "secrets/redaction.h"
#include "secrets/scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& hit : clearance::secrets::Scanner::instance().scan(text, "notes.txt")) {
    std::string preview(clearance::secrets::previewable(text, hit).substr(0, 4));
    (void)clearance::secrets::describe(text, hit, preview);
    (void)clearance::secrets::redacted_snippet(text, hit, preview);
  }
  return 0;
}
