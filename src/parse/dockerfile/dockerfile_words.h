// Words of a Dockerfile instruction: whitespace-separated words with quotes and the escape
// character, `--name=value` flags, exec-form JSON arrays, and `KEY=VALUE` pairs (ENV, ARG,
// LABEL) in both the `K=V K2="V 2"` and the legacy `KEY value` syntax. Positions are indices
// into the instruction's joined text (see LogicalLine), mapped to the source by the caller.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clearance::dockerfile {

/// One word: `value` has quotes and escapes removed; [begin, end) is the raw text.
struct Word {
  std::string value;
  size_t begin = 0;
  size_t end = 0;
  bool expands = false;  ///< contains a `$` expansion outside single quotes
};

/// A `KEY=VALUE` pair (or `KEY` alone for ARG); ranges are indices into the text.
struct Pair {
  std::string key;
  std::optional<std::string> value;  ///< unquoted; absent for `ARG NAME`
  std::string raw_value;             ///< as written, quotes included
  bool expands = false;              ///< the value contains a `$` expansion
  size_t begin = 0, end = 0;         ///< the whole pair
  size_t key_begin = 0, key_end = 0;
  size_t value_begin = 0, value_end = 0;
};

/// Splits text[from..] into words. `*unterminated` is set when a quote is left open.
std::vector<Word> split_words(std::string_view text, size_t from, char escape,
                              bool* unterminated = nullptr);

/// Index of the first non-blank character at or after `from`.
size_t skip_blanks(std::string_view text, size_t from);

/// Parses an exec-form JSON array of strings starting at text[from] (after blanks); nullopt
/// when the rest of the text is not exactly one such array.
std::optional<std::vector<Word>> parse_json_array(std::string_view text, size_t from);

/// Parses ENV/ARG/LABEL pairs from text[from..]. `legacy` allows `KEY rest of line`
/// (ENV, LABEL); `bare_keys` allows `NAME` without `=` (ARG). Problems are appended.
std::vector<Pair> parse_pairs(std::string_view text, size_t from, char escape, bool legacy,
                              bool bare_keys, std::vector<std::string>* problems);

/// True when `raw` contains a `$name` or `${...}` expansion outside single quotes.
bool has_expansion(std::string_view raw, char escape);

}  // namespace clearance::dockerfile
