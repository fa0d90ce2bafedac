// ECS predicate `ecs_role_set`: the task definition attribute `args.attribute` (taskRoleArn,
// executionRoleArn) names a role. Missing, null or "" fails. A value Terraform computes is set
// when it refers to something managed (`aws_iam_role.task.arn`, `module.iam.role_arn`,
// `data...`), since those are never empty; one taken from a variable (`var.role_arn`) may be
// null or "" and is undetermined until variables are evaluated.
#include <string>

#include "engine/predicates/predicates.h"

namespace clearance {

Outcome predicate_ecs_role_set(const EvalContext& ctx, const Value& args) {
  const Value* name_arg = args.get("attribute");
  std::string name = name_arg && name_arg->is_string() ? name_arg->as_string() : "taskRoleArn";
  const Node& task = ctx.subject;
  const Attribute* a = task.attribute(name);
  Blame b;
  b.attribute = name;
  if (!a || a->value.is_null()) {
    b.location = ctx.at({task.range.begin, task.range.begin});
    b.value = "(not set)";
    b.detail = name + " is not set";
    return Outcome::fail(std::move(b));
  }
  const Value& v = a->value;
  b.location = ctx.at(v.range());
  b.value = v.to_display();
  if (v.is_unknown()) {
    const std::string& expr = v.as_string();
    if (expr.rfind("var.", 0) != 0 && expr.find("${var.") == std::string::npos)
      return Outcome::pass();
    b.expression = expr;
    b.detail = name + " depends on " + expr;
    return Outcome::undetermined(std::move(b));
  }
  if (v.is_string() && !v.as_string().empty()) return Outcome::pass();
  b.detail = name + " is empty";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
