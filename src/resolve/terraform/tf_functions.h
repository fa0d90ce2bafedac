// Terraform's built-in functions, with Terraform's semantics (see docs/terraform-evaluation.md
// for the list). Each takes evaluated arguments; none of them is ever given a top-level Unknown
// argument except those that can decide without it (see the table in tf_functions.cc).
// `try` and `can` are not here: they evaluate their arguments lazily (tf_eval.cc).
#pragma once

#include <string_view>
#include <vector>

#include "model/expression.h"
#include "model/value.h"
#include "resolve/terraform/tf_eval.h"

namespace clearance::tf {

/// Arguments and context of one call.
struct Call {
  std::vector<Value>& args;
  Evaluator& ev;
  const Expression& e;  ///< the call expression (range, text)

  /// Records an error; the returned Unknown is the call's result.
  Value fail() { return ev.error(e); }
  /// An Unknown result that is not an error (it depends on something unknown).
  Value unknown() const { return Value::unknown(e.text, e.range); }
  Range range() const { return e.range; }
};

using Function = Value (*)(Call& c);

/// The function named `name` (namespaced provider functions included), or nullptr.
Function find_function(std::string_view name);
/// Whether `name` accepts a top-level Unknown argument (decides itself what to do with it).
bool accepts_unknown(std::string_view name);

// Families, defined in tf_fn_*.cc and listed in tf_functions.cc.
Function find_string_function(std::string_view name);
Function find_format_function(std::string_view name);
Function find_collection_function(std::string_view name);
Function find_encoding_function(std::string_view name);
Function find_file_function(std::string_view name);

}  // namespace clearance::tf
