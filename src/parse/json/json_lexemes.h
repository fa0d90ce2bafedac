// The lexemes of JSON that need more than one byte of look-ahead: escape sequences in strings
// and numbers. Scanned on offsets so the reader keeps all position bookkeeping to itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace clearance::json {

/// The end of a scanned lexeme, or the offset and text of what was wrong with it.
struct Lexeme {
  bool ok = true;
  size_t end = 0;       ///< one past the lexeme (ok)
  size_t error_at = 0;  ///< where the problem is (not ok)
  std::string error;    ///< "expected ..., found ..." (not ok)
};

/// How the byte at `s[pos]` is named in messages: 'x', "end of input" or "byte 0x1f".
std::string describe_byte(std::string_view s, size_t pos);

/// Decodes the escape sequence starting at `s[pos]` (a backslash) and appends its UTF-8.
/// Surrogate pairs are combined; a lone surrogate becomes U+FFFD.
Lexeme decode_escape(std::string_view s, size_t pos, std::string& out);

/// Scans the number starting at `s[pos]` (RFC 8259 grammar: no leading zeros, no '+', digits
/// on both sides of '.', an exponent with digits).
Lexeme scan_number(std::string_view s, size_t pos);

}  // namespace clearance::json
