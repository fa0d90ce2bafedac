// Named predicates: checks written in C++ that a rule's YAML calls as
//   condition: { predicate: <name>, args: { ... } }
// They are listed explicitly in engine/predicates/registry.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/outcome.h"
#include "engine/rule.h"
#include "engine/workspace.h"
#include "model/document.h"
#include "model/node.h"

namespace clearance {

class ScopeIndex;

/// Everything a condition or predicate may look at while judging one subject.
struct EvalContext {
  const Workspace& workspace;
  const Rule& rule;
  const Document& document;  ///< the subject's document
  /// Documents of the subject's scope: same format, same directory (a Terraform module).
  const std::vector<const Document*>& module_documents;
  const Node& subject;
  std::string address;  ///< "aws_s3_bucket.logs", "stage 2 (runtime)", ".env.production"
  /// The nodes of `module_documents`, indexed for `related` and `exists`; nullptr: walk them.
  ScopeIndex* scope;

  /// A rule parameter (threshold) as a number; `fallback` if absent or not a number.
  double param(std::string_view name, double fallback = 0) const;
  /// A rule parameter as a Value, or nullptr.
  const Value* param_value(std::string_view name) const;
  /// A location in the subject's document.
  Location at(const Range& r) const { return {document.path, r}; }
};

using PredicateFn = Outcome (*)(const EvalContext& ctx, const Value& args);

struct PredicateEntry {
  std::string_view name;
  PredicateFn fn;
};

/// The predicate named `name`, or nullptr.
PredicateFn find_predicate(std::string_view name);
/// Every registered predicate (for `clearance rules` and the catalog test).
std::vector<PredicateEntry> all_predicates();

}  // namespace clearance
