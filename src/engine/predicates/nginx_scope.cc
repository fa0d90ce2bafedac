// Which nginx documents a rule looks at (used in `target.where`). A document included by
// another scanned document is never a subject on its own: its directives are checked where
// they are spliced in. Beyond that, `args.needs` narrows the documents to those where the
// rule has something to judge, so the checklist does not count a snippet with no server as
// "HSTS verified":
//   config       any nginx document that is not an included fragment (the default)
//   http         ... that has an `http` block or a `server` block
//   servers      ... that has at least one HTTP `server` block
//   tls_servers  ... with a server listening with TLS
//   plain        ... with a server listening on plain HTTP from outside
//   proxied      ... with a block that passes requests upstream (proxy_pass, fastcgi_pass...)
#include "engine/predicates/nginx_common.h"
#include "engine/predicates/predicates.h"
#include "resolve/nginx/nginx_view.h"

namespace clearance {

namespace {

bool any_proxied(const NginxContext& c) {
  if (c.kind != NginxContext::Kind::Main && nginx::upstream_pass(c)) return true;
  for (const auto& child : c.children)
    if (any_proxied(*child)) return true;
  return false;
}

}  // namespace

Outcome predicate_nginx_applies(const EvalContext& ctx, const Value& args) {
  Blame not_applicable;
  not_applicable.detail = "not applicable";
  if (nginx::is_fragment(ctx.document)) return Outcome::fail(not_applicable);
  std::string needs = "config";
  if (const Value* n = args.get("needs"); n && n->is_string()) needs = n->as_string();
  if (needs == "config") return Outcome::pass();
  NginxView view(ctx.document);
  bool ok = false;
  if (needs == "http") {
    ok = !view.servers().empty();
    for (const NginxContext* c : view.contexts()) ok |= c->kind == NginxContext::Kind::Http;
  } else if (needs == "servers") {
    ok = !view.servers().empty();
  } else if (needs == "tls_servers") {
    for (const NginxContext* s : view.servers()) ok |= nginx::is_tls_server(*s);
  } else if (needs == "plain") {
    for (const NginxContext* s : view.servers()) ok |= nginx::has_public_plain_listener(*s);
  } else if (needs == "proxied") {
    ok = any_proxied(view.main());
  }
  return ok ? Outcome::pass() : Outcome::fail(not_applicable);
}

}  // namespace clearance
