// The generic detector: a high-entropy literal assigned to a secret-looking name, in any of
// the assignment syntaxes config and code use (KEY=v, key: v, "key": "v", key = "v",
// key := "v", 'key' => 'v'). Precision comes from three separate judgements: the name must
// look like a secret's, the value must be a literal (not a reference or a placeholder), and
// the value must look random (entropy and character mix, not a UUID, digest, SRI hash,
// data: URI or path).
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

namespace clearance::secrets {

/// The keywords that make a line worth trying (ASCII, case-insensitive).
const std::vector<std::string>& generic_keywords();

/// True if `name` (an identifier, any case or separator style) names a secret.
bool is_secret_name(std::string_view name);

/// True if `value`, assigned to a secret-looking name, is a literal that looks random.
/// `quoted` tells whether it was written between quotes.
bool is_secret_value(std::string_view value, bool quoted);

/// One assignment found on a line: the name and the value's offsets in the line.
struct Assignment {
  std::string_view name;
  std::string_view value;
  bool quoted = false;
};

/// Every `name <op> value` assignment on `line`.
std::vector<Assignment> find_assignments(std::string_view line);

}  // namespace clearance::secrets
