// Declarations of every named predicate, grouped by format. Definitions live in one file per
// predicate family (engine/predicates/<format>_<topic>.cc).
#pragma once

#include "engine/predicate.h"

namespace clearance {

/// Passes every subject: used by tests of the predicate mechanism.
Outcome predicate_always_pass(const EvalContext& ctx, const Value& args);

}  // namespace clearance
