// ECS predicate `ecs_no_plaintext_secrets`: a container's `environment` entries hold no
// secret. An entry is a secret when
// - its value has the form of a known credential (the secret detectors' specific patterns:
//   AWS keys, Stripe `sk_live_`, GitHub tokens, private keys, URLs with passwords...), or
// - its name says it is one (`JWT_SECRET`, `DB_PASSWORD`, `API_KEY`, `STRIPE_SECRET_KEY`;
//   not `SECRETS_MANAGER_ARN`, `DB_SECRET_NAME`, `*_SECRET_ARN`, `*_KEY_ID`) and its value is
//   a literal (not empty, not a `${VAR}` reference filled in at deploy time), or
// - its value looks random whatever its name (long, high entropy, mixed character classes,
//   and not a digest, UUID, ARN, host name or path).
// Secrets belong in `secrets` (valueFrom Secrets Manager or SSM). An entry whose value is an
// Unknown (a Terraform variable) with a secret-looking name is undetermined. A blame points at
// the value, so the engine's snippet redacts it; the detail names the variable, never its value.
#include <string>
#include <string_view>

#include "engine/predicates/predicates.h"
#include "secrets/generic.h"
#include "secrets/scanner.h"
#include "secrets/validators.h"

namespace clearance {

namespace {

// A random-looking value with no secret-looking name. Stricter than the generic detector,
// since the name gives no hint: digits are required (20 random base62 characters have one
// with 97% odds) and paths (`mesh/app/node-name`), host names, ARNs and lists are not secrets.
bool looks_random(std::string_view s) {
  if (s.size() < 20 || s.size() > 400) return false;
  bool digit = false;
  int slashes = 0;
  for (char c : s) {
    if (c == ' ' || c == '.' || c == '@' || c == ':' || c == ',') return false;
    digit = digit || (c >= '0' && c <= '9');
    slashes += c == '/';
  }
  if (!digit || slashes >= 2) return false;
  if (secrets::is_hex_digest(s) || secrets::is_uuid(s)) return false;
  if (!secrets::is_secret_value(s, true)) return false;
  return secrets::shannon_entropy(s) >= 4.0 && secrets::char_classes(s) >= 3;
}

// Why `value` (a literal) of variable `name` is a secret, or "" when it is not one.
std::string secret_reason(const std::string& name, const std::string& value,
                          std::string_view path) {
  if (value.empty()) return {};
  for (const auto& hit : secrets::Scanner::instance().scan(value, path)) {
    if (hit.rule_id == "secret-generic") continue;
    return "the value of environment variable " + name + " looks like a " + std::string(hit.label);
  }
  if (!name.empty() && secrets::is_secret_name(name) && !secrets::is_variable_reference(value))
    return "environment variable " + name + " holds a literal secret";
  if (looks_random(value))
    return "the value of environment variable " + name + " looks like a random secret";
  return {};
}

struct Verdicts {
  Outcome fails{Verdict::Fail, {}};
  Outcome undetermined{Verdict::Undetermined, {}};
};

void judge_entry(const EvalContext& ctx, const Value& entry, Verdicts& out) {
  const Value* name_v = entry.get("name");
  const Value* value = entry.get("value");
  if (!value || value->is_null()) return;
  std::string name = name_v && name_v->is_string() ? name_v->as_string() : std::string();
  Blame b;
  b.location = ctx.at(value->range());
  b.attribute = "environment";
  b.fingerprint_seed = name;
  if (value->contains_unknown()) {
    if (name.empty() || !secrets::is_secret_name(name)) return;
    b.expression = value->is_unknown() ? value->as_string() : value->to_display();
    b.detail = "environment variable " + name + " takes a secret-looking value from " +
               b.expression + "; pass it through `secrets` (valueFrom) instead";
    out.undetermined.blames.push_back(std::move(b));
    return;
  }
  if (value->is_list() || value->is_object()) return;
  std::string text = value->is_string() ? value->as_string() : value->to_display();
  std::string reason = secret_reason(name.empty() ? "(unnamed)" : name, text, ctx.document.path);
  if (reason.empty()) return;
  b.detail = reason + "; pass it through `secrets` (valueFrom) instead";
  out.fails.blames.push_back(std::move(b));
}

}  // namespace

Outcome predicate_ecs_no_plaintext_secrets(const EvalContext& ctx, const Value&) {
  const Attribute* env = ctx.subject.attribute("environment");
  if (!env) return Outcome::pass();
  Verdicts v;
  if (env->value.is_unknown()) {
    Blame b;
    b.location = ctx.at(env->value.range());
    b.attribute = "environment";
    b.expression = env->value.as_string();
    b.detail = "environment depends on " + b.expression;
    v.undetermined.blames.push_back(std::move(b));
  }
  for (const auto& entry : env->value.items()) {
    if (entry.is_object()) judge_entry(ctx, entry, v);
  }
  if (!v.fails.blames.empty()) return std::move(v.fails);
  if (!v.undetermined.blames.empty()) return std::move(v.undetermined);
  return Outcome::pass();
}

}  // namespace clearance
