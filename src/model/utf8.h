// UTF-8 helpers shared by text readers: encoding a code point, and checking that bytes form a
// well-formed sequence (no overlong forms, no encoded surrogates, nothing past U+10FFFF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace clearance {

/// Appends the UTF-8 encoding of code point `cp` (callers pass a valid scalar value).
void append_utf8(std::string& out, uint32_t cp);

/// The length (2-4) of the well-formed multi-byte sequence starting at `s[pos]`, or 0.
size_t utf8_sequence_length(std::string_view s, size_t pos);

}  // namespace clearance
