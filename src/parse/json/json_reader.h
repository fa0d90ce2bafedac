// A small strict JSON reader (RFC 8259) that keeps source positions, producing model Values:
// every Value carries its range, every Object member the range of its key. Positions are
// 1-based lines and byte columns, counted from a base position so that JSON embedded in
// another file (a Terraform heredoc) reports positions in that file.
//
// Base positions: the first line of the text starts at `base`; later lines start at column 1
// of the following lines. That is exact when the text is a verbatim slice of the enclosing file
// (a heredoc body). It is not exact for JSON that was unescaped out of a quoted string (an HCL
// "..." string with \" escapes): there, callers get right lines only if the string has no
// escaped newlines, and columns drift by the escapes; pass the start of the string and accept
// that.
//
// Choices (all documented behaviour, tested in tests/parse/json_reader_test.cc):
// - Strict: no comments, no trailing commas, no leading zeros, no NaN; a UTF-8 BOM is skipped.
// - Numbers become doubles; a number outside the double range becomes Unknown (its text), so
//   rules are undetermined on it instead of wrong.
// - \uXXXX escapes become UTF-8, surrogate pairs combined; a lone surrogate and any invalid
//   UTF-8 byte inside a string become U+FFFD. Control characters in strings are errors.
// - Duplicate keys: the last one wins (as most JSON consumers do) and a warning is recorded.
// - Nesting deeper than `max_depth` is an error, never a stack overflow.
// - Optional `hcl_template` mode, for heredoc bodies read verbatim from a .tf file: `${...}`
//   interpolations become Unknown (a whole string containing one becomes Unknown with the
//   string's text; a bare `${...}` in value position becomes Unknown with the inner
//   expression), `$${` and `%%{` are literal, and `%{` directives are an error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"
#include "model/value.h"

namespace clearance {

/// A problem found while reading JSON, at a position of the (base-adjusted) source.
struct JsonIssue {
  std::string message;
  Position position;
};

/// How to read: where the text starts in its file, how deep it may nest, template mode.
struct JsonReadOptions {
  Position base = {1, 1};
  size_t max_depth = 512;
  bool hcl_template = false;
};

/// The outcome of reading: a value when `ok()`, else the first error. Warnings either way.
struct JsonReadResult {
  Value value;
  bool has_error = false;
  JsonIssue error;
  std::vector<JsonIssue> warnings;

  bool ok() const { return !has_error; }
};

/// Reads one JSON value filling all of `text` (whitespace around it allowed).
JsonReadResult read_json(std::string_view text, const JsonReadOptions& options = {});

}  // namespace clearance
