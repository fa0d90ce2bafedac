// .env predicates about what values say: env-no-placeholders, env-cors-origin,
// env-production-mode and env-live-api-keys. Values named in details here are modes,
// origins and key prefixes, never secrets.
#include <cctype>
#include <string>
#include <vector>

#include "engine/predicates/dotenv_util.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::vector<std::string_view> split_origins(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find_first_of(", ;\t\n", b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

bool local_host(std::string_view origin) {
  std::string o = lower(origin);
  size_t scheme = o.find("://");
  std::string host = scheme == std::string::npos ? o : o.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (starts_with(host, "[")) return starts_with(host, "[::1]");
  host = host.substr(0, host.find(':'));
  return host == "localhost" || host.ends_with(".localhost") || starts_with(host, "127.") ||
         host == "0.0.0.0";
}

std::string environment(const Document& doc) {
  const Attribute* a = doc.root.attribute("environment");
  return a && a->value.is_string() ? a->value.as_string() : "";
}

bool is_production(const Document& doc) {
  const Attribute* a = doc.root.attribute("production");
  return a && a->value.is_bool() && a->value.as_bool();
}

}  // namespace

Outcome predicate_dotenv_no_placeholder(const EvalContext& ctx, const Value&) {
  const Node& e = ctx.subject;
  const std::string* v = dotenv_text(e);
  if (!v) return Outcome::pass();  // a bare KEY takes its value from the environment
  if (v->empty()) return Outcome::fail(dotenv_blame(ctx, e, e.name + " is empty"));
  std::string kind = dotenv_placeholder_kind(*v);
  if (kind.empty()) return Outcome::pass();
  return Outcome::fail(dotenv_blame(ctx, e, e.name + " holds a placeholder (" + kind + ")"));
}

Outcome predicate_dotenv_cors_origin(const EvalContext& ctx, const Value&) {
  const Node& e = ctx.subject;
  const std::string* v = dotenv_text(e);
  if (!v || v->empty()) return Outcome::pass();
  if (dotenv_has_unresolved(e)) return dotenv_undetermined(ctx, e);
  std::string env = environment(ctx.document);
  bool dev = env == "development" || env == "local" || env == "test";
  bool prod = is_production(ctx.document);
  std::vector<std::string> why;
  for (std::string_view o : split_origins(*v)) {
    if (o == "*" || o == "'*'" || o == "\"*\"")
      why.push_back("allows any origin (*)");
    else if (!dev && local_host(o))
      why.push_back("allows " + std::string(o));
    else if (prod && !starts_with(lower(o), "https://"))
      why.push_back("allows " + std::string(o) + ", which is not https");
  }
  if (why.empty()) return Outcome::pass();
  std::string detail = e.name;
  for (size_t i = 0; i < why.size(); ++i) detail += (i ? "; " : " ") + why[i];
  return Outcome::fail(dotenv_blame(ctx, e, detail));
}

Outcome predicate_dotenv_production_mode(const EvalContext& ctx, const Value&) {
  static constexpr std::string_view kModeKeys[] = {"FLASK_ENV",   "NODE_ENV",  "APP_ENV",
                                                   "ENVIRONMENT", "RAILS_ENV", "RACK_ENV"};
  static constexpr std::string_view kDebugKeys[] = {"DEBUG", "FLASK_DEBUG", "APP_DEBUG",
                                                    "DJANGO_DEBUG"};
  Outcome out;
  auto fail = [&](Blame b) {
    out.verdict = Verdict::Fail;
    out.blames.push_back(std::move(b));
  };
  bool has_mode = false;
  for (const Node* e : dotenv_entries(ctx.document)) {
    std::string k = dotenv_upper(e->name);
    const std::string* v = dotenv_text(*e);
    if (!v || dotenv_has_unresolved(*e)) {
      for (auto m : kModeKeys) has_mode = has_mode || k == m;
      continue;
    }
    std::string l = lower(*v);
    for (auto m : kModeKeys) {
      if (k != m) continue;
      has_mode = true;
      if (l != "production" && l != "prod")
        fail(dotenv_blame(ctx, *e, e->name + " is '" + *v + "', not production"));
    }
    for (auto d : kDebugKeys)
      if (k == d && (l == "true" || l == "1" || l == "yes" || l == "on" || l == "*"))
        fail(dotenv_blame(ctx, *e, e->name + " turns debugging on"));
    bool log_key = k == "LOG_LEVEL" || k == "LOGLEVEL" || k.ends_with("_LOG_LEVEL");
    if (log_key && (l == "debug" || l == "trace" || l == "verbose" || l == "silly" || l == "all"))
      fail(dotenv_blame(ctx, *e, e->name + " is " + *v + ", too verbose for production"));
  }
  const Value* require = ctx.param_value("require_mode");
  bool required = !require || !require->is_bool() || require->as_bool();
  if (!has_mode && required)
    fail(dotenv_file_blame(
        ctx, "none of FLASK_ENV, NODE_ENV, APP_ENV, ENVIRONMENT is set to production"));
  return out;
}

Outcome predicate_dotenv_live_api_key(const EvalContext& ctx, const Value&) {
  const Node& e = ctx.subject;
  const std::string* v = dotenv_text(e);
  if (!v || v->empty() || !dotenv_placeholder_kind(*v).empty()) return Outcome::pass();
  if (dotenv_has_unresolved(e)) return dotenv_undetermined(ctx, e);
  std::string k = dotenv_upper(e.name);
  auto word_chars = [](std::string_view s) {
    for (char c : s)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    return !s.empty();
  };
  std::string why;
  if (k == "STRIPE_SECRET_KEY") {
    if (starts_with(*v, "sk_test_") || starts_with(*v, "rk_test_"))
      why = "is a Stripe test key";
    else if (!starts_with(*v, "sk_live_") && !starts_with(*v, "rk_live_"))
      why = "does not have the Stripe live form (sk_live_...)";
  } else if (k == "STRIPE_PUBLISHABLE_KEY" || k == "STRIPE_PUBLIC_KEY") {
    if (starts_with(*v, "pk_test_"))
      why = "is a Stripe test key";
    else if (!starts_with(*v, "pk_live_"))
      why = "does not have the Stripe live form (pk_live_...)";
  } else if (k == "SENDGRID_API_KEY") {
    size_t dot = v->find('.', 3);
    bool ok = starts_with(*v, "SG.") && dot != std::string::npos &&
              word_chars(std::string_view(*v).substr(3, dot - 3)) &&
              word_chars(std::string_view(*v).substr(dot + 1));
    if (!ok) why = "does not have the SendGrid form (SG.<id>.<secret>)";
  } else if (k == "OPENAI_API_KEY") {
    if (!starts_with(*v, "sk-") || v->size() < 23 || !word_chars(std::string_view(*v).substr(3)))
      why = "does not have the OpenAI form (sk-...)";
  }
  if (why.empty()) return Outcome::pass();
  return Outcome::fail(dotenv_blame(ctx, e, e.name + " " + why));
}

}  // namespace clearance
