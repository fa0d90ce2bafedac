// Request limits and version disclosure of nginx: `limit_req` on every block that passes
// requests upstream (with its zone defined when the file is a whole configuration), and
// `server_tokens off` at http level or in every server. `limit_req` follows nginx's array
// inheritance: a level with any `limit_req` replaces the outer ones, none inherits them.
#include <algorithm>

#include "engine/predicates/nginx_common.h"
#include "engine/predicates/predicates.h"
#include "resolve/nginx/nginx_view.h"

namespace clearance {

namespace {

using nginx::BlameList;

void collect_zones(const Node& n, std::vector<std::string>& zones) {
  for (const auto& c : n.children) {
    if (c.kind == "directive" && c.type == "limit_req_zone") {
      for (const auto& l : c.labels)
        if (l.rfind("zone=", 0) == 0) zones.push_back(l.substr(5, l.find(':') - 5));
    }
    collect_zones(c, zones);
  }
}

std::string zone_of(const Node& limit_req) {
  for (const auto& l : limit_req.labels)
    if (l.rfind("zone=", 0) == 0) return l.substr(5);
  return "";
}

void proxied(const NginxContext& c, std::vector<const NginxContext*>& out) {
  if (c.kind != NginxContext::Kind::Main && c.kind != NginxContext::Kind::Http &&
      nginx::upstream_pass(c))
    out.push_back(&c);
  for (const auto& child : c.children) proxied(*child, out);
}

// Hides the nginx version some other way: headers-more clearing or replacing `Server`.
bool server_header_replaced(const NginxContext& c) {
  for (const NginxContext* x = &c; x; x = x->parent)
    for (std::string_view name : {"more_clear_headers", "more_set_headers"})
      for (const Node* d : x->directives(name))
        for (const auto& l : d->labels)
          if (nginx::lower(l).rfind("server", 0) == 0) return true;
  return false;
}

bool tokens_off(const Node* d) {
  return d && !d->labels.empty() && d->labels[0] == "off";
}

}  // namespace

Outcome predicate_nginx_rate_limiting(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  std::vector<std::string> zones;
  collect_zones(ctx.document.root, zones);
  // A whole configuration (with `http`) must define the zones it uses; a server fragment may
  // rely on the main nginx.conf for them.
  bool whole = false;
  for (const NginxContext* c : view.contexts()) whole |= c->kind == NginxContext::Kind::Http;
  std::vector<const NginxContext*> passing;
  proxied(view.main(), passing);
  for (const NginxContext* c : passing) {
    const Node* limit = c->inherited_directive("limit_req");
    std::string who = c->describe();
    if (!limit) {
      const Node* pass = nginx::upstream_pass(*c);
      std::string target = pass && !pass->labels.empty() ? " to " + pass->labels[0] : "";
      out.fail(c->header_location(),
               who + " passes requests" + target + " without limit_req" +
                   (zones.empty() ? " (no limit_req_zone is defined)" : ""),
               who);
      continue;
    }
    std::string zone = zone_of(*limit);
    if (whole && std::find(zones.begin(), zones.end(), zone) == zones.end())
      out.fail(c->location_of(*limit),
               "limit_req uses zone \"" + zone + "\", which no limit_req_zone defines", who);
  }
  return out.outcome();
}

Outcome predicate_nginx_server_tokens(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  const NginxContext* http = nullptr;
  for (const NginxContext* c : view.contexts())
    if (c->kind == NginxContext::Kind::Http) http = c;
  if (http && (tokens_off(http->directive("server_tokens")) || server_header_replaced(*http)))
    return Outcome::pass();
  std::vector<const NginxContext*> lacking;
  for (const NginxContext* s : view.servers()) {
    const Node* own = s->directive("server_tokens");
    if (own && !tokens_off(own)) {
      out.fail(s->location_of(*own),
               "server_tokens " + own->labels.front() + " shows the nginx version", s->describe());
      continue;
    }
    if (!tokens_off(own) && !server_header_replaced(*s)) lacking.push_back(s);
  }
  if (http) {
    if (const Node* d = http->directive("server_tokens")) {
      if (!lacking.empty())
        out.fail(http->location_of(*d),
                 "server_tokens " + (d->labels.empty() ? "" : d->labels[0]) +
                     " shows the nginx version in errors and the Server header",
                 "http");
      return out.outcome();
    }
    if (!lacking.empty() || view.servers().empty())
      out.fail(http->header_location(),
               "http does not set server_tokens off: nginx shows its version in errors and the "
               "Server header",
               "http");
    return out.outcome();
  }
  for (const NginxContext* s : lacking)
    out.fail(s->header_location(), s->describe() + " does not set server_tokens off",
             s->describe());
  return out.outcome();
}

}  // namespace clearance
