// Conversion of an HCL expression made of literals (the argument of `jsonencode(...)`) to the
// model Value that `jsondecode(jsonencode(x))` would give, keeping the HCL source ranges so
// findings land on the .tf lines. What is not a literal stays Unknown with its Expression.
#pragma once

#include "model/expression.h"
#include "model/value.h"

namespace clearance {

/// The JSON-shaped Value of `e`: literals as they are, tuples as lists, objects as objects
/// (keys are strings), templates made only of literal parts as strings; anything else
/// (references, calls, templates with interpolations...) becomes Unknown with its source text
/// (a template's without the surrounding quotes) and its Expression attached.
Value value_from_hcl_expression(const Expression& e);

}  // namespace clearance
