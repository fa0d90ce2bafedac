// The bidirectional controls are U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to
// U+2069; in UTF-8 all but the first start with E2 80 or E2 81.
#include "report/visible.h"

#include <cstdio>

namespace clearance {

namespace {

/// The code point of a bidirectional control encoded at `text[i]`, or 0.
unsigned bidi_control_at(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (i + 1 < text.size() && byte(i) == 0xD8 && byte(i + 1) == 0x9C) return 0x061C;
  if (i + 2 >= text.size() || byte(i) != 0xE2) return 0;
  unsigned cp = ((byte(i) & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
  if ((byte(i + 1) & 0xC0) != 0x80 || (byte(i + 2) & 0xC0) != 0x80) return 0;
  bool bidi = cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
              (cp >= 0x2066 && cp <= 0x2069);
  return bidi ? cp : 0;
}

}  // namespace

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (unsigned cp = bidi_control_at(text, i)) {
      char buf[16];  // "<U+" + up to 8 hex digits + ">"
      std::snprintf(buf, sizeof buf, "<U+%04X>", cp);
      out += buf;
      i += cp == 0x061C ? 2 : 3;
      continue;
    }
    out += text[i++];
  }
  return out;
}

}  // namespace clearance
