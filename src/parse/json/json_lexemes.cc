// Escape sequences and numbers of JSON, scanned on byte offsets.
#include "parse/json/json_lexemes.h"

#include <cstdint>

#include "model/utf8.h"

namespace clearance::json {

namespace {

char at(std::string_view s, size_t i) {
  return i < s.size() ? s[i] : '\0';
}

Lexeme failure(std::string_view s, size_t pos, std::string expected) {
  return {false, 0, pos, std::move(expected) + ", found " + describe_byte(s, pos)};
}

// Reads four hex digits at `pos` into `cp`; the failing offset on error.
Lexeme hex4(std::string_view s, size_t pos, uint32_t& cp) {
  cp = 0;
  for (size_t i = pos; i < pos + 4; ++i) {
    char h = at(s, i);
    int d = (h >= '0' && h <= '9')   ? h - '0'
            : (h >= 'a' && h <= 'f') ? h - 'a' + 10
            : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                     : -1;
    if (d < 0) return failure(s, i, "expected four hex digits after \\u");
    cp = cp * 16 + static_cast<uint32_t>(d);
  }
  return {true, pos + 4, 0, {}};
}

size_t digits(std::string_view s, size_t pos) {
  while (at(s, pos) >= '0' && at(s, pos) <= '9') ++pos;
  return pos;
}

}  // namespace

std::string describe_byte(std::string_view s, size_t pos) {
  if (pos >= s.size()) return "end of input";
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  static const char* kHex = "0123456789abcdef";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

Lexeme decode_escape(std::string_view s, size_t pos, std::string& out) {
  const char* simple = nullptr;
  switch (at(s, pos + 1)) {
    case '"': simple = "\""; break;
    case '\\': simple = "\\"; break;
    case '/': simple = "/"; break;
    case 'b': simple = "\b"; break;
    case 'f': simple = "\f"; break;
    case 'n': simple = "\n"; break;
    case 'r': simple = "\r"; break;
    case 't': simple = "\t"; break;
    case 'u': break;
    default:
      return failure(s, pos + 1,
                     "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r "
                     "\\t \\u");
  }
  if (simple) {
    out += simple;
    return {true, pos + 2, 0, {}};
  }
  uint32_t cp = 0;
  Lexeme r = hex4(s, pos + 2, cp);
  if (!r.ok) return r;
  if (cp >= 0xD800 && cp <= 0xDBFF && at(s, r.end) == '\\' && at(s, r.end + 1) == 'u') {
    uint32_t low = 0;
    Lexeme second = hex4(s, r.end + 2, low);
    if (!second.ok) return second;
    if (low >= 0xDC00 && low <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      r.end = second.end;
    }  // else: the high half alone is replaced; the next escape is read on its own
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
  append_utf8(out, cp);
  return r;
}

Lexeme scan_number(std::string_view s, size_t pos) {
  size_t i = pos;
  if (at(s, i) == '-') ++i;
  if (at(s, i) == '0') {
    ++i;
    if (at(s, i) >= '0' && at(s, i) <= '9')
      return {false, 0, i, "leading zeros are not allowed in numbers"};
  } else {
    size_t e = digits(s, i);
    if (e == i) return failure(s, i, "expected a digit after '-'");
    i = e;
  }
  if (at(s, i) == '.') {
    size_t e = digits(s, i + 1);
    if (e == i + 1) return failure(s, e, "expected a digit after '.'");
    i = e;
  }
  if (at(s, i) == 'e' || at(s, i) == 'E') {
    ++i;
    if (at(s, i) == '+' || at(s, i) == '-') ++i;
    size_t e = digits(s, i);
    if (e == i) return failure(s, i, "expected a digit in the exponent");
    i = e;
  }
  return {true, i, 0, {}};
}

}  // namespace clearance::json
