// Helpers shared by the nginx predicates: what a server listens on, where responses come
// from, and collecting blames (deduplicated, since one included file can be reached from
// several places) into an Outcome.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/outcome.h"
#include "model/document.h"
#include "resolve/nginx/nginx_view.h"

namespace clearance::nginx {

/// A document included by another scanned document: checked where it is included instead.
bool is_fragment(const Document& doc);

/// One `listen` of a server (or the implicit `listen 80` when it has none).
struct Listener {
  std::string port;
  bool tls = false;       ///< ssl, quic or http2 parameter, port 443, or `ssl on`
  bool loopback = false;  ///< 127.x, [::1], localhost or a unix socket: not reachable from outside
  const Node* node = nullptr;  ///< nullptr for the implicit listener
};

std::vector<Listener> listeners(const NginxContext& server);
/// Any TLS listener (or `ssl on`).
bool is_tls_server(const NginxContext& server);
/// A plain-HTTP listener reachable from outside.
bool has_public_plain_listener(const NginxContext& server);

/// The server has a `location /` (or `^~ /`): every request is answered by some location.
bool catches_all(const NginxContext& server);
/// A `return` (any code) directly in the server: locations are never reached.
const Node* server_level_return(const NginxContext& server);
/// The block answers with content: not a bare redirect, error `return` or `deny all`.
bool serves_content(const NginxContext& c);
/// Contexts of `server` whose response headers matter: the server itself (unless a
/// catch-all location answers every request), its locations, and `if` blocks that define
/// headers. `serving_only` leaves out redirect/deny blocks (and the whole server when a
/// server-level `return` answers everything).
std::vector<const NginxContext*> response_contexts(const NginxContext& server, bool serving_only);
/// The context whose add_header list is in force at `c`: itself when it defines headers,
/// else the nearest enclosing one that does, the server at the latest.
const NginxContext& header_owner(const NginxContext& c);
/// The block passes requests to an upstream (proxy_pass, fastcgi_pass, uwsgi_pass, ...).
const Node* upstream_pass(const NginxContext& c);

std::string lower(std::string_view s);
/// "1" for `max-age=1`, the digits after max-age; empty when absent.
std::string max_age_of(std::string_view hsts_value);

/// Collects blames; one Outcome at the end (Fail if any failure, else Undetermined if any).
class BlameList {
 public:
  void fail(Location where, std::string detail, std::string subject);
  void undetermined(Location where, std::string detail, std::string subject,
                    std::string expression);
  /// Adds a related location to the last blame added.
  void relate(Location where);
  Outcome outcome();

 private:
  void add(std::vector<Blame>& to, Blame b);
  std::vector<Blame> fails_;
  std::vector<Blame> unknowns_;
  /// (list, location, detail) of every blame added, to find duplicates in log time.
  std::set<std::tuple<const void*, std::string, Range, std::string>> seen_;
  std::vector<Blame>* last_ = nullptr;
};

}  // namespace clearance::nginx
