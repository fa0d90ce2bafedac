// Three-valued evaluation of a Condition over a node (see docs/rules.md, "Three results").
#pragma once

#include <optional>

#include "engine/condition.h"
#include "engine/outcome.h"
#include "engine/predicate.h"

namespace clearance {

/// Evaluates `c` with `here` as the current node (the subject, or a nested block of it).
Outcome evaluate(const Condition& c, const Node& here, const EvalContext& ctx);

/// Where a dotted path leads from `node`: through nested blocks, then an attribute, then keys
/// inside its value. `value` is null when absent; an Unknown met on the way is returned.
struct Resolved {
  const Value* value = nullptr;
  Range range;  ///< the attribute's value range, or the node's header when absent
};
Resolved resolve_path(const Node& node, std::string_view path);

/// Whether `via` (an attribute of another node) refers to `subject`: by a reference such as
/// `aws_s3_bucket.x.id`, or by the subject's literal name; nullopt when it cannot be known.
std::optional<bool> refers_to(const Value& via, const Node& subject);

/// The address users know a node by: "aws_s3_bucket.logs", "data.aws_iam_policy_document.x",
/// "stage runtime", or the node's kind.
std::string node_address(const Node& node);

}  // namespace clearance
