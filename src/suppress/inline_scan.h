// Reading `clearance:ignore` comments out of a document's source.
//
// Syntax, in any comment the format allows (`#`; also `//` and `/* */` in HCL):
//   clearance:ignore <rule-id>[,<rule-id>...] [until=YYYY-MM-DD] <reason>
// A comment at the end of a line covers that line; a comment alone on its line covers the
// next line that is not a comment. When the covered line is the header of a block (a
// Terraform block, an nginx `server {`, a Dockerfile stage), the whole block is covered.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/document.h"

namespace clearance {

/// One `clearance:ignore` comment and the lines it covers.
struct InlineSuppression {
  std::vector<std::string> rule_ids;  ///< empty when the comment names no rule
  std::string reason;                 ///< empty when none was given
  std::string until_text;             ///< as written after `until=`, empty if absent
  int until = 0;                      ///< yyyymmdd, 0 if absent or not a date
  uint32_t line = 0;                  ///< where the comment is
  uint32_t column = 0;                ///< where `clearance:ignore` starts
  uint32_t first_line = 0;            ///< first covered line
  uint32_t last_line = 0;             ///< last covered line (inclusive)
};

/// Every suppression comment of `doc`, in source order. Cheap when there is none: one
/// substring search over the source.
std::vector<InlineSuppression> scan_inline_suppressions(const Document& doc);

/// `YYYY-MM-DD` as yyyymmdd, or 0 when it is not a valid calendar date.
int parse_iso_date(std::string_view text);

/// Today's date (UTC) as yyyymmdd.
int today_yyyymmdd();

}  // namespace clearance
