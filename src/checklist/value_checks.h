// Checklist items that list concrete values under a parent item: environment variable names
// (`NAME` or `NAME=value`) and IAM actions (`service:Action`) under an item naming an ECS
// role. The values are checked against .env files, ECS task definitions and the IAM policies
// Terraform attaches to the role.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checklist/item_result.h"
#include "engine/workspace.h"

namespace clearance {

/// True for `AWS_REGION`, `FLASK_ENV=production` (remarks and emphasis ignored).
bool looks_like_env_var(std::string_view item_text);
/// True for `cognito-idp:InitiateAuth`, `s3:GetObject (audio and PDF buckets)`.
bool looks_like_iam_action(std::string_view item_text);

/// A parent's verdict and one verdict per child, in the children's order.
struct ListResult {
  ItemResult parent;
  std::vector<ItemResult> children;
};

/// Checks each variable against .env files (real and template) and ECS container
/// environment/secrets. A `NAME=value` item also needs that value where it is set for real.
ListResult judge_env_vars(const std::vector<std::string>& child_texts, const Workspace& ws);

/// Checks IAM actions against the policies attached to the ECS task role (or execution role
/// when `execution_role`): missing actions fail their item, extra ones fail the parent.
ListResult judge_iam_actions(const std::vector<std::string>& child_texts, bool execution_role,
                             const Workspace& ws);

}  // namespace clearance
