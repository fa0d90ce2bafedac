// TLS of nginx servers: plain-HTTP servers redirect to HTTPS, TLS servers have a certificate
// and key, and `ssl_protocols` enables no obsolete protocol.
//
// A plain-HTTP server passes when it sends an https:// redirect (a `return 3xx https://...` or
// a redirecting `rewrite`, directly in the server, in `location /`, or in an `if` there) and
// serves nothing else: every location is a redirect, an error/deny, or the ACME HTTP-01
// challenge (`/.well-known/acme-challenge/`). A server-level `return` answers every request
// (locations are never reached), so with a redirect somewhere it passes (the Certbot layout);
// so does a server-level `if` on $scheme/$https/$server_port/X-Forwarded-Proto that redirects.
// Listeners on loopback or unix sockets are internal and exempt.
//
// `ssl_protocols` absent is accepted: since nginx 1.23.4 the default is TLSv1.2 TLSv1.3.
#include <algorithm>

#include "engine/predicates/nginx_common.h"
#include "engine/predicates/predicates.h"
#include "resolve/nginx/nginx_view.h"

namespace clearance {

namespace {

using nginx::BlameList;

bool is_https_redirect(const Node& d) {
  if (d.kind != "directive") return false;
  if (d.type == "return" && !d.labels.empty()) {
    const std::string& code = d.labels[0];
    const std::string& url = d.labels.back();
    bool redirect_code = code.size() == 3 && code[0] == '3';
    bool url_only = d.labels.size() == 1;
    return (redirect_code || url_only) && nginx::lower(url).rfind("https://", 0) == 0;
  }
  if (d.type == "rewrite" && d.labels.size() >= 2) {
    const std::string& target = d.labels[1];
    bool redirect = nginx::lower(target).rfind("https://", 0) == 0;
    return redirect && (d.labels.size() == 2 || d.labels.back() == "permanent" ||
                        d.labels.back() == "redirect");
  }
  return false;
}

// A redirect directly in `c` or in an `if` directly inside it.
bool redirects(const NginxContext& c) {
  for (const auto& d : c.node->children) {
    if (is_https_redirect(d)) return true;
    if (d.type == "if" && d.attribute("block"))
      for (const auto& inner : d.children)
        if (is_https_redirect(inner)) return true;
  }
  return false;
}

bool is_acme(const NginxContext& loc) {
  for (const auto& l : loc.node->labels)
    if (l.find("/.well-known/acme-challenge") != std::string::npos) return true;
  return false;
}

// `if ($scheme = http) { return 301 https://...; }` in the server: every plain request is
// redirected before any location is chosen.
bool scheme_guarded_redirect(const NginxContext& server) {
  for (const auto& d : server.node->children) {
    if (d.type != "if" || !d.attribute("block")) continue;
    std::string cond;
    for (const auto& l : d.labels) cond += nginx::lower(l) + " ";
    bool about_scheme = cond.find("$scheme") != std::string::npos ||
                        cond.find("$https") != std::string::npos ||
                        cond.find("$server_port") != std::string::npos ||
                        cond.find("$http_x_forwarded_proto") != std::string::npos;
    if (about_scheme && std::any_of(d.children.begin(), d.children.end(), is_https_redirect))
      return true;
  }
  return false;
}

// A location that answers without content: a redirect, an error return, deny all.
bool harmless(const NginxContext& loc) {
  return redirects(loc) || !nginx::serves_content(loc);
}

// Passes when the plain listeners of `server` only redirect (see the file comment).
bool plain_server_redirects(const NginxContext& server) {
  const NginxContext* root = nullptr;
  for (const auto& c : server.children)
    if (c->kind == NginxContext::Kind::Location && c->node->labels.size() == 1 &&
        c->node->labels[0] == "/")
      root = c.get();
  bool redirect = redirects(server) || (root && redirects(*root));
  if (!redirect) return false;
  if (nginx::server_level_return(server) || scheme_guarded_redirect(server)) return true;
  for (const auto& c : server.children) {
    if (c->kind != NginxContext::Kind::Location) continue;
    if (!is_acme(*c) && !harmless(*c)) return false;
  }
  return true;
}

std::string port_list(const NginxContext& server) {
  std::string out;
  for (const auto& l : nginx::listeners(server)) {
    if (l.tls || l.loopback) continue;
    if (out.find(l.port) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + l.port;
  }
  return out;
}

}  // namespace

Outcome predicate_nginx_https_redirect(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* server : view.servers()) {
    if (!nginx::has_public_plain_listener(*server)) continue;
    if (plain_server_redirects(*server)) continue;
    std::string who = server->describe();
    out.fail(
        server->header_location(),
        who + " serves plain HTTP on port " + port_list(*server) + " without redirecting to HTTPS",
        who);
  }
  return out.outcome();
}

Outcome predicate_nginx_tls_certificate(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* server : view.servers()) {
    if (!nginx::is_tls_server(*server)) continue;
    std::string missing;
    for (const char* d : {"ssl_certificate", "ssl_certificate_key"})
      if (!server->inherited_directive(d))
        missing += (missing.empty() ? "" : " and ") + std::string(d);
    if (missing.empty()) continue;
    std::string who = server->describe();
    out.fail(server->header_location(), who + " listens with TLS but has no " + missing, who);
  }
  return out.outcome();
}

Outcome predicate_nginx_tls_protocols(const EvalContext& ctx, const Value& args) {
  std::vector<std::string> forbidden = {"SSLv2", "SSLv3", "TLSv1", "TLSv1.1"};
  if (const Value* f = args.get("forbidden"); f && f->is_list()) {
    forbidden.clear();
    for (const auto& v : f->items())
      if (v.is_string()) forbidden.push_back(v.as_string());
  }
  NginxView view(ctx.document);
  BlameList out;
  // Every ssl_protocols anywhere (http, server, stream, mail, included snippets).
  std::vector<const Node*> stack = {&ctx.document.root};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) {
      const Node& d = *it;
      if (!d.children.empty()) stack.push_back(&d);
      if (d.kind != "directive" || d.type != "ssl_protocols") continue;
      std::string bad;
      for (const auto& p : d.labels)
        if (std::find(forbidden.begin(), forbidden.end(), p) != forbidden.end())
          bad += (bad.empty() ? "" : ", ") + p;
      if (bad.empty()) continue;
      out.fail(view.main().location_of(d), "ssl_protocols enables " + bad, "ssl_protocols");
    }
  }
  return out.outcome();
}

}  // namespace clearance
