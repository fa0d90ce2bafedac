// The value of an expression made only of literals (tuples, objects, plain templates), as
// the parser found it. Anything that needs evaluation (references, calls, operators) yields
// Unknown parts; the resolve step does real evaluation.
#pragma once

#include "model/expression.h"
#include "model/value.h"

namespace clearance {

/// Converts `e` to a Value, keeping source ranges; non-literal parts become Unknown with
/// their text (and expression) so that rules stay three-valued.
Value expression_literal(const Expression& e);

/// The literal argument of `jsonencode(...)` when `v` is such a call, else `v` itself.
/// (Terraform's jsonencode of literal data is the data.)
Value unwrap_jsonencode(const Value& v);

}  // namespace clearance
