// Server and location classification for the nginx predicates. `listen` addresses are read
// the way nginx reads them (`80`, `*:443`, `[::]:443`, `127.0.0.1:8080`, `unix:/path`; no
// port means 80); a server with no `listen` listens on port 80.
#include "engine/predicates/nginx_common.h"

#include <algorithm>

namespace clearance::nginx {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_label(const Node& n, std::string_view label) {
  return std::find(n.labels.begin(), n.labels.end(), label) != n.labels.end();
}

bool ssl_on(const NginxContext& server) {
  const Node* ssl = server.inherited_directive("ssl");
  return ssl && !ssl->labels.empty() && ssl->labels[0] == "on";
}

// A `rewrite` that sends every request elsewhere with a redirect.
bool is_redirect_rewrite(const Node& n) {
  if (n.type != "rewrite" || n.labels.size() < 3) return false;
  const std::string& flag = n.labels.back();
  const std::string& re = n.labels[0];
  bool catch_all = re == "^" || re == "^/" || re == "^(.*)$" || re == "^/(.*)$" || re == "(.*)" ||
                   re == "^(.*)" || re == ".*" || re == "^/(.*)";
  return catch_all && (flag == "redirect" || flag == "permanent");
}

}  // namespace

bool is_fragment(const Document& doc) {
  return doc.root.attribute("included_by") != nullptr;
}

std::vector<Listener> listeners(const NginxContext& server) {
  std::vector<Listener> out;
  bool ssl = ssl_on(server);
  for (const auto& d : server.node->children) {
    if (d.kind != "directive" || d.type != "listen" || d.labels.empty()) continue;
    const std::string& addr = d.labels[0];
    std::string host = "*", port = "80";
    if (addr.rfind("unix:", 0) == 0) {
      host = "unix";
      port = "unix";
    } else if (!addr.empty() && addr.front() == '[') {
      auto close = addr.find(']');
      host = addr.substr(0, close == std::string::npos ? addr.size() : close + 1);
      if (close != std::string::npos && close + 1 < addr.size() && addr[close + 1] == ':')
        port = addr.substr(close + 2);
    } else if (auto colon = addr.rfind(':'); colon != std::string::npos) {
      host = addr.substr(0, colon);
      port = addr.substr(colon + 1);
    } else if (all_digits(addr)) {
      port = addr;
    } else {
      host = addr;
    }
    Listener l;
    l.port = port;
    l.node = &d;
    l.loopback =
        host == "unix" || host.rfind("127.", 0) == 0 || host == "localhost" || host == "[::1]";
    l.tls = ssl || port == "443" || has_label(d, "ssl") || has_label(d, "quic") ||
            has_label(d, "http2");
    out.push_back(l);
  }
  if (out.empty()) {
    Listener implicit;
    implicit.tls = ssl;
    out.push_back(implicit);
  }
  return out;
}

bool is_tls_server(const NginxContext& server) {
  for (const auto& l : listeners(server))
    if (l.tls) return true;
  return false;
}

bool has_public_plain_listener(const NginxContext& server) {
  for (const auto& l : listeners(server))
    if (!l.tls && !l.loopback) return true;
  return false;
}

bool catches_all(const NginxContext& server) {
  for (const auto& c : server.children) {
    if (c->kind != NginxContext::Kind::Location) continue;
    const auto& l = c->node->labels;
    if ((l.size() == 1 && l[0] == "/") || (l.size() == 2 && l[0] == "^~" && l[1] == "/"))
      return true;
  }
  return false;
}

const Node* server_level_return(const NginxContext& server) {
  return server.directive("return");
}

bool serves_content(const NginxContext& c) {
  for (const auto& d : c.node->children) {
    if (d.kind != "directive") continue;
    if (d.type == "return") return false;
    if (d.type == "deny" && !d.labels.empty() && d.labels[0] == "all") return false;
    if (is_redirect_rewrite(d)) return false;
  }
  return true;
}

namespace {

void collect(const NginxContext& c, bool serving_only, std::vector<const NginxContext*>& out) {
  for (const auto& child : c.children) {
    bool wanted = child->kind == NginxContext::Kind::Location ||
                  (child->kind == NginxContext::Kind::If && !child->inherited);
    if (wanted && (!serving_only || serves_content(*child))) out.push_back(child.get());
    collect(*child, serving_only, out);
  }
}

}  // namespace

std::vector<const NginxContext*> response_contexts(const NginxContext& server, bool serving_only) {
  std::vector<const NginxContext*> out;
  if (server_level_return(server)) {
    if (!serving_only) out.push_back(&server);
    return out;
  }
  if (!catches_all(server)) out.push_back(&server);
  collect(server, serving_only, out);
  return out;
}

const NginxContext& header_owner(const NginxContext& c) {
  const NginxContext* x = &c;
  while (x->inherited && x->kind != NginxContext::Kind::Server && x->parent) x = x->parent;
  return *x;
}

const Node* upstream_pass(const NginxContext& c) {
  for (const auto& d : c.node->children) {
    if (d.kind != "directive") continue;
    if (d.type == "proxy_pass" || d.type == "fastcgi_pass" || d.type == "uwsgi_pass" ||
        d.type == "scgi_pass" || d.type == "grpc_pass" || d.type == "memcached_pass")
      return &d;
  }
  return nullptr;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string max_age_of(std::string_view value) {
  std::string v = lower(value);
  auto pos = v.find("max-age");
  if (pos == std::string::npos) return "";
  pos += 7;
  while (pos < v.size() && (v[pos] == ' ' || v[pos] == '=' || v[pos] == '"')) ++pos;
  size_t end = pos;
  while (end < v.size() && v[end] >= '0' && v[end] <= '9') ++end;
  return v.substr(pos, end - pos);
}

void BlameList::add(std::vector<Blame>& to, Blame b) {
  if (!seen_.emplace(&to, b.location.path, b.location.range, b.detail).second) {
    last_ = nullptr;
    return;
  }
  to.push_back(std::move(b));
  last_ = &to;
}

void BlameList::fail(Location where, std::string detail, std::string subject) {
  Blame b;
  b.location = std::move(where);
  b.detail = std::move(detail);
  b.subject = std::move(subject);
  add(fails_, std::move(b));
}

void BlameList::undetermined(Location where, std::string detail, std::string subject,
                             std::string expression) {
  Blame b;
  b.location = std::move(where);
  b.detail = std::move(detail);
  b.subject = std::move(subject);
  b.expression = std::move(expression);
  add(unknowns_, std::move(b));
}

void BlameList::relate(Location where) {
  if (last_ && !last_->empty()) last_->back().related.push_back(std::move(where));
}

Outcome BlameList::outcome() {
  if (!fails_.empty()) return {Verdict::Fail, std::move(fails_)};
  if (!unknowns_.empty()) return {Verdict::Undetermined, std::move(unknowns_)};
  return Outcome::pass();
}

}  // namespace clearance::nginx
