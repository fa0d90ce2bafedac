// aws-iam-no-wildcard: no Allow statement grants every action, or every action of a service
// on every resource, or every action but a few (NotAction) on every resource; no role, user,
// group or permission set is given the AWS managed AdministratorAccess policy.
#include "engine/predicates/aws_policy.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

bool service_wildcard(const Value& action) {
  if (!action.is_string()) return false;
  const std::string& a = action.as_string();
  return a.size() > 2 && a.compare(a.size() - 2, 2, ":*") == 0;
}

bool administrator_arn(const Value& v) {
  if (!v.is_string()) return false;
  const std::string& a = v.as_string();
  static const std::string kSuffix = ":policy/AdministratorAccess";
  return a.size() >= kSuffix.size() && a.compare(a.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

// Managed policy ARNs attached by an attachment resource or a role's managed_policy_arns.
void check_managed_arns(const EvalContext& ctx, Outcome& out) {
  for (const char* name : {"policy_arn", "managed_policy_arn", "managed_policy_arns"}) {
    const Attribute* a = ctx.subject.attribute(name);
    if (!a) continue;
    std::vector<const Value*> arns;
    if (a->value.is_list()) {
      for (const auto& item : a->value.items()) arns.push_back(&item);
    } else {
      arns.push_back(&a->value);
    }
    for (const Value* arn : arns) {
      if (administrator_arn(*arn)) {
        Blame b;
        b.location = ctx.at(arn->range().begin.line ? arn->range() : a->range);
        b.value = arn->to_display();
        b.detail = "attaches the AdministratorAccess managed policy";
        out.verdict = Verdict::Fail;
        out.blames.push_back(std::move(b));
      } else if (arn->is_unknown() && out.verdict == Verdict::Pass &&
                 arn->as_string().rfind("aws_iam_policy.", 0) != 0) {
        // A policy of this module (aws_iam_policy.x.arn) is checked where it is written.
        Blame b;
        b.location = ctx.at(arn->range().begin.line ? arn->range() : a->range);
        b.expression = arn->as_string();
        b.detail = "the attached policy depends on " + arn->as_string();
        out = Outcome::undetermined(std::move(b));
      }
    }
  }
}

bool read_policy(const EvalContext& ctx, const Attribute& policy, std::vector<PolicyStatement>& statements,
                 Outcome& undetermined) {
  std::string unknown;
  Location where = ctx.at(policy.range);
  if (policy_statements(policy.value, where, ctx, statements, unknown)) return true;
  // A policy built elsewhere (a data document referenced by name is resolved above).
  Blame b;
  b.location = where;
  b.expression = unknown;
  b.detail = "its policy depends on " + unknown;
  undetermined = Outcome::undetermined(std::move(b));
  return false;
}

}  // namespace

Outcome predicate_iam_no_wildcard(const EvalContext& ctx, const Value&) {
  std::vector<PolicyStatement> statements;
  Outcome out;
  Outcome unknown_policy;
  bool unknown = false;
  if (ctx.subject.kind == "data") {
    statements = policy_document_statements(ctx.subject, ctx.document.path);
  } else {
    check_managed_arns(ctx, out);
    for (const char* name : {"policy", "inline_policy"})
      if (const Attribute* policy = ctx.subject.attribute(name))
        unknown = !read_policy(ctx, *policy, statements, unknown_policy) || unknown;
    for (const Node* inline_policy : ctx.subject.children_of("inline_policy"))
      if (const Attribute* policy = inline_policy->attribute("policy"))
        unknown = !read_policy(ctx, *policy, statements, unknown_policy) || unknown;
  }
  for (const auto& st : statements) {
    if (st.effect != "Allow") continue;
    bool any_resource = st.resources.empty();
    for (const auto& r : st.resources) any_resource = any_resource || is_wildcard(r);
    for (const auto& action : st.actions) {
      bool all = is_wildcard(action);
      if (!all && !(service_wildcard(action) && any_resource)) continue;
      Blame b;
      b.location = st.location;
      if (action.range().begin.line) b.location.range = action.range();
      b.value = action.to_display();
      b.detail = all ? "allows every action (\"*\")"
                     : "allows \"" + action.as_string() + "\" on every resource";
      out.verdict = Verdict::Fail;
      out.blames.push_back(std::move(b));
    }
    if (!st.not_actions.empty() && any_resource) {
      Blame b;
      b.location = st.location;
      if (st.not_actions.front().range().begin.line) b.location.range = st.not_actions.front().range();
      b.value = st.not_actions.front().to_display();
      b.detail = "allows every action but its NotAction list on every resource";
      out.verdict = Verdict::Fail;
      out.blames.push_back(std::move(b));
    }
  }
  if (out.verdict != Verdict::Fail && unknown) return unknown_policy;
  return out;
}

}  // namespace clearance
