// S3 bucket policies: no public Allow (aws-s3-no-public-policy), and a Deny of insecure
// transport (aws-s3-https-only).
#include "engine/evaluator.h"
#include "engine/predicates/aws_policy.h"
#include "engine/predicates/predicates.h"
#include "engine/scope_index.h"

namespace clearance {

namespace {

// The bucket policies that apply to a bucket: its inline `policy` and every
// aws_s3_bucket_policy of the module that refers to it.
struct BucketPolicy {
  const Value* value;
  Location location;
  const Document* doc;
};

std::vector<BucketPolicy> policies_of_bucket(const EvalContext& ctx, std::string& unknowable) {
  std::vector<BucketPolicy> out;
  if (const Attribute* p = ctx.subject.attribute("policy")) out.push_back({&p->value, ctx.at(p->range), &ctx.document});
  for (const auto& [d, np] : top_level_nodes(ctx, "resource", "aws_s3_bucket_policy")) {
    const Node& n = *np;
    const Attribute* bucket = n.attribute("bucket");
    const Attribute* policy = n.attribute("policy");
    if (!bucket || !policy) continue;
    auto rel = refers_to(bucket->value, ctx.subject);
    if (!rel) unknowable = bucket->value.as_string();
    if (rel && *rel) out.push_back({&policy->value, {d->path, policy->range}, d});
  }
  return out;
}

bool denies_insecure_transport(const PolicyStatement& st) {
  if (st.effect != "Deny") return false;
  for (const auto& c : st.conditions) {
    if (c.test != "Bool" || c.variable != "aws:SecureTransport") continue;
    for (const auto& v : c.values)
      if (v == "false") return true;
  }
  return false;
}

}  // namespace

Outcome predicate_s3_no_public_policy(const EvalContext& ctx, const Value&) {
  const Attribute* policy = ctx.subject.attribute("policy");
  if (!policy) return Outcome::pass();
  std::vector<PolicyStatement> statements;
  std::string unknown;
  Location where = ctx.at(policy->range);
  if (!policy_statements(policy->value, where, ctx, statements, unknown)) {
    Blame b;
    b.location = where;
    b.expression = unknown;
    b.detail = "the policy depends on " + unknown;
    return Outcome::undetermined(std::move(b));
  }
  Outcome out;
  for (const auto& st : statements) {
    if (st.effect != "Allow" || !st.conditions.empty()) continue;
    for (const auto& p : st.principals) {
      if (!is_wildcard(p)) continue;
      Blame b;
      b.location = st.location;
      if (p.range().begin.line) b.location.range = p.range();
      b.detail = "a statement allows any principal (\"*\") without a condition";
      out.verdict = Verdict::Fail;
      out.blames.push_back(std::move(b));
      break;
    }
  }
  return out;
}

Outcome predicate_s3_https_only(const EvalContext& ctx, const Value&) {
  std::string unknowable;
  auto policies = policies_of_bucket(ctx, unknowable);
  std::string unknown_policy;
  for (const auto& bp : policies) {
    std::vector<PolicyStatement> statements;
    std::string unknown;
    EvalContext sub{ctx.workspace, ctx.rule, *bp.doc, ctx.module_documents, ctx.subject, ctx.address, ctx.scope};
    if (!policy_statements(*bp.value, bp.location, sub, statements, unknown)) {
      unknown_policy = unknown;
      continue;
    }
    for (const auto& st : statements)
      if (denies_insecure_transport(st)) return Outcome::pass();
  }
  Blame b;
  b.location = ctx.at({ctx.subject.range.begin, ctx.subject.range.begin});
  if (!unknown_policy.empty() || !unknowable.empty()) {
    b.expression = unknown_policy.empty() ? unknowable : unknown_policy;
    b.detail = "whether its policy denies insecure transport depends on " + b.expression;
    return Outcome::undetermined(std::move(b));
  }
  b.detail = policies.empty() ? "it has no bucket policy" : "no statement denies aws:SecureTransport = false";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
