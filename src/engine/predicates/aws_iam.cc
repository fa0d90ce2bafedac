// aws-iam-no-wildcard: no Allow statement grants every action, or every action of a service
// on every resource.
#include "engine/predicates/aws_policy.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

bool service_wildcard(const Value& action) {
  if (!action.is_string()) return false;
  const std::string& a = action.as_string();
  return a.size() > 2 && a.compare(a.size() - 2, 2, ":*") == 0;
}

}  // namespace

Outcome predicate_iam_no_wildcard(const EvalContext& ctx, const Value&) {
  std::vector<PolicyStatement> statements;
  std::string unknown;
  if (ctx.subject.kind == "data") {
    statements = policy_document_statements(ctx.subject, ctx.document.path);
  } else {
    const Attribute* policy = ctx.subject.attribute("policy");
    if (!policy) return Outcome::pass();
    Location where = ctx.at(policy->range);
    if (!policy_statements(policy->value, where, ctx, statements, unknown)) {
      // A policy built elsewhere (a data document referenced by name is resolved above).
      Blame b;
      b.location = where;
      b.expression = unknown;
      b.detail = "its policy depends on " + unknown;
      return Outcome::undetermined(std::move(b));
    }
  }
  Outcome out;
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
  }
  return out;
}

}  // namespace clearance
