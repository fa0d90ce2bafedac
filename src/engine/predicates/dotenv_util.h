// Helpers shared by the .env predicates (dotenv_*.cc): reading entries, key classes,
// placeholder and strength heuristics, and blames that never carry a secret in clear.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/predicate.h"

namespace clearance {

/// The decoded value of an entry, or nullptr for a bare `KEY` (value from the environment).
const std::string* dotenv_text(const Node& entry);

/// The range of an entry's value text (inside quotes).
Range dotenv_value_range(const Node& entry);

/// True when the value depends on a variable no earlier key defines.
bool dotenv_has_unresolved(const Node& entry);

/// Undetermined: the entry's value depends on `${VAR}`s that only the environment knows.
Outcome dotenv_undetermined(const EvalContext& ctx, const Node& entry);

/// A blame at the entry's value, subject = the key, attribute = "value".
Blame dotenv_blame(const EvalContext& ctx, const Node& entry, std::string detail);

/// A blame for the whole file (document-level findings), at its first assignment line.
Blame dotenv_file_blame(const EvalContext& ctx, std::string detail);

/// True when `key` is listed in args' `names` or ends with one of args' `suffixes`
/// (both optional lists of strings; keys compare case-insensitively).
bool dotenv_key_in(std::string_view key, const Value& args);

/// Upper-case ASCII copy.
std::string dotenv_upper(std::string_view s);

/// Why `value` looks like a placeholder ("a placeholder word", "an <angle-bracket> marker"...),
/// or "" when it does not. Empty values are not placeholders here.
std::string dotenv_placeholder_kind(std::string_view value);

/// Why `secret` is weak ("low entropy"...), or "" when it looks strong. `min_entropy` is in
/// bits per character; `min_run` the shortest sequential run (abcdef, 654321) to reject.
std::string dotenv_weakness(std::string_view secret, double min_entropy, size_t min_run);

/// Shannon entropy of `s` in bits per byte.
double dotenv_entropy(std::string_view s);

/// The entries of a document, in order.
std::vector<const Node*> dotenv_entries(const Document& doc);

}  // namespace clearance
