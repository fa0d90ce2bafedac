// IAM policy documents as the AWS rules read them, whatever way Terraform wrote them: JSON
// text (heredoc or string), jsonencode(...) of literal data, or a reference to a
// data "aws_iam_policy_document" in the same module.
#pragma once

#include <string>
#include <vector>

#include "engine/predicate.h"

namespace clearance {

struct PolicyCondition {
  std::string test;      ///< e.g. "Bool", "StringEquals"
  std::string variable;  ///< e.g. "aws:SecureTransport"
  std::vector<std::string> values;
};

/// One statement, normalised. Values keep their source ranges for precise findings.
struct PolicyStatement {
  std::string effect = "Allow";
  std::vector<Value> actions;
  std::vector<Value> not_actions;  ///< NotAction: every action except these
  std::vector<Value> resources;
  std::vector<Value> principals;  ///< "*" or AWS principal identifiers
  std::vector<PolicyCondition> conditions;
  Location location;              ///< the statement (or the policy attribute)
};

/// The statements of a policy attribute value. Returns false when the policy cannot be known
/// statically; then `unknown_expression` says why.
bool policy_statements(const Value& policy, const Location& where, const EvalContext& ctx,
                       std::vector<PolicyStatement>& out, std::string& unknown_expression);

/// Statements of a `data "aws_iam_policy_document"` node.
std::vector<PolicyStatement> policy_document_statements(const Node& data, const std::string& path);

/// True for "*" as a value or inside a list value.
bool is_wildcard(const Value& v);

}  // namespace clearance
