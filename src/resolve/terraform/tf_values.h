// Value helpers with Terraform's semantics, shared by the evaluator and the function library:
// primitive conversions (what `tostring`, interpolation and arithmetic accept), number text,
// JSON encoding with sorted object keys, JSON/YAML decoding, and range relocation for values
// that cross from one file (or module) to another.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace clearance::tf {

/// Terraform's text for a number: integers without a fraction, others in shortest form.
std::string number_text(double d);

/// A primitive as a string (string, number, bool); nullopt for null, collections, Unknown.
std::optional<std::string> as_text(const Value& v);
/// A number, or a string that parses as one; nullopt otherwise.
std::optional<double> as_number(const Value& v);
/// A bool, or the strings "true"/"false"; nullopt otherwise.
std::optional<bool> as_bool(const Value& v);

/// Object member indexes in lexical key order (how Terraform iterates maps and objects).
std::vector<size_t> sorted_members(const Value& object);

/// JSON text of `v` with object keys sorted, as `jsonencode` writes it; nullopt when `v`
/// contains an Unknown.
std::optional<std::string> json_encode(const Value& v);
/// `jsondecode`: the value of JSON `text`, ranges counted from `base`; nullopt if invalid.
std::optional<Value> json_decode(std::string_view text, Position base);
/// `yamldecode` of a single document; nullopt if invalid.
std::optional<Value> yaml_decode(std::string_view text, Range at);

/// Sets the range of `v` and of everything inside it to `r` (a value used far from where it
/// was written is reported where it is used).
void relocate(Value& v, Range r);

/// An Unknown with `text`.
Value unknown(std::string text, Range r);

/// Index-key text as Terraform writes an instance address: `[0]`, `["key"]`.
std::string key_text(const Value& key);

}  // namespace clearance::tf
