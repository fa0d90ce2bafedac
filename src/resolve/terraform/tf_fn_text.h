// Small text helpers shared by the string function files: UTF-8 character counting (Terraform
// counts characters, not bytes) and argument access.
#pragma once

#include <string>
#include <string_view>

#include "resolve/terraform/tf_functions.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

// Number of UTF-8 code points; Terraform counts characters, not bytes.
inline size_t char_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte offset of the `chars`-th code point of `s` (s.size() when past the end).
inline size_t char_offset(std::string_view s, size_t chars) {
  size_t i = 0;
  for (; i < s.size() && chars > 0; --chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

inline bool text_arg(Call& c, size_t i, std::string& out) {
  if (i >= c.args.size()) return false;
  auto t = as_text(c.args[i]);
  if (!t) return false;
  out = std::move(*t);
  return true;
}

inline Value str(Call& c, std::string s) {
  return Value::string(std::move(s), c.range());
}

}  // namespace clearance::tf
