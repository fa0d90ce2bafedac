// The header inheritance layer: which headers nginx sends from each context, with `always`,
// and where each one is defined (across included files).
#include "resolve/nginx/nginx_view.h"

#include <catch2/catch.hpp>

#include "parse/nginx/nginx_parser.h"
#include "resolve/nginx/config_files.h"
#include "resolve/nginx/nginx_includes.h"

using namespace clearance;

namespace {

Workspace resolved(std::vector<std::pair<std::string, std::string>> files) {
  Workspace ws;
  ws.root = "/r";
  for (auto& [p, s] : files) {
    Document d;
    d.path = p;
    d.format = Format::Nginx;
    d.source = s;
    parse_nginx(d);
    ws.documents.push_back(std::move(d));
  }
  MemoryConfigFiles none;
  resolve_nginx_includes(ws, none);
  return ws;
}

std::vector<std::string> names(const NginxContext& c) {
  std::vector<std::string> out;
  for (const auto& h : c.sent) out.push_back(h.name);
  return out;
}

const NginxContext& only_child(const NginxContext& c, size_t i = 0) {
  return *c.children.at(i);
}

}  // namespace

TEST_CASE("nginx add_header in a nested block replaces inherited headers", "[nginx]") {
  Workspace ws = resolved({{"nginx.conf",
                            "http {\n"
                            "  add_header Strict-Transport-Security \"max-age=63072000\" always;\n"
                            "  server {\n"
                            "    location / { }\n"
                            "    location /img {\n"
                            "      add_header Cache-Control public;\n"
                            "      location /img/x { }\n"
                            "      if ($a) { add_header X-If 1; }\n"
                            "    }\n"
                            "  }\n"
                            "}\n"}});
  NginxView view(ws.documents[0]);
  REQUIRE(view.servers().size() == 1);
  const NginxContext& server = *view.servers()[0];
  CHECK(server.inherited);
  CHECK(names(server) == std::vector<std::string>{"Strict-Transport-Security"});
  const NginxContext& root_loc = only_child(server, 0);
  CHECK(names(root_loc) == std::vector<std::string>{"Strict-Transport-Security"});
  auto hsts = root_loc.find("strict-transport-security");
  REQUIRE(hsts.size() == 1);
  CHECK(hsts[0]->always);
  CHECK(hsts[0]->location.path == "nginx.conf");
  CHECK(hsts[0]->location.range.begin == Position{2, 3});
  const NginxContext& img = only_child(server, 1);
  CHECK_FALSE(img.inherited);
  CHECK(names(img) == std::vector<std::string>{"Cache-Control"});
  CHECK(img.find("Strict-Transport-Security").empty());
  CHECK_FALSE(img.sent[0].always);
  // The nested location inherits the replacement, the `if` replaces again.
  CHECK(names(only_child(img, 0)) == std::vector<std::string>{"Cache-Control"});
  const NginxContext& iff = only_child(img, 1);
  CHECK(iff.kind == NginxContext::Kind::If);
  CHECK(names(iff) == std::vector<std::string>{"X-If"});
  CHECK(img.describe() == "location /img in server at nginx.conf:3");
}

TEST_CASE("nginx headers from included files keep their own locations", "[nginx]") {
  Workspace ws = resolved({
      {"nginx.conf",
       "http {\n  server {\n    server_name a.example;\n    include sec.conf;\n"
       "    location / { include sec.conf; add_header X-Own 1; }\n  }\n}\n"},
      {"sec.conf", "# headers\nadd_header X-Frame-Options DENY;\n"},
  });
  NginxView view(ws.documents[0]);
  const NginxContext& server = *view.servers().at(0);
  auto xfo = server.find("X-Frame-Options");
  REQUIRE(xfo.size() == 1);
  CHECK(xfo[0]->location.path == "sec.conf");
  CHECK(xfo[0]->location.range.begin.line == 2);
  const NginxContext& loc = only_child(server);
  CHECK(names(loc) == std::vector<std::string>{"X-Frame-Options", "X-Own"});
  CHECK(loc.describe() == "location / in server a.example");
}

TEST_CASE("nginx add_header_inherit and empty values", "[nginx]") {
  Workspace ws = resolved({{"nginx.conf",
                            "server {\n"
                            "  add_header A 1;\n"
                            "  location /m { add_header_inherit merge; add_header B 2; }\n"
                            "  location /o { add_header_inherit off; }\n"
                            "  location /e { add_header A \"\"; }\n"
                            "  location /more { more_set_headers \"C: 3\" 'D: 4'; }\n"
                            "  location /s { more_set_headers -s 404 \"E: 5\"; }\n"
                            "}\n"}});
  NginxView view(ws.documents[0]);
  const NginxContext& server = *view.servers().at(0);
  CHECK(names(only_child(server, 0)) == std::vector<std::string>{"A", "B"});
  CHECK(names(only_child(server, 1)).empty());
  const NginxContext& empty = only_child(server, 2);
  CHECK_FALSE(empty.inherited);
  CHECK(empty.find("A").empty());  // an empty value is not sent
  // more_set_headers is its own family: add_header from the server still applies.
  const NginxContext& more = only_child(server, 3);
  CHECK(names(more) == std::vector<std::string>{"A", "C", "D"});
  CHECK(more.find("d").at(0)->value == "4");
  CHECK(more.find("C").at(0)->always);
  CHECK_FALSE(only_child(server, 4).find("E").at(0)->always);
}

TEST_CASE("nginx view resolves map variables and skips stream servers", "[nginx]") {
  Workspace ws =
      resolved({{"nginx.conf",
                 "stream { server { listen 5432; } }\n"
                 "http {\n"
                 "  map $sent_http_content_type $xfo { ~*text/html DENY; }\n"
                 "  map $http_origin $cors { default \"\"; ~^https://a\\.example$ $http_origin; }\n"
                 "  server { listen 80; }\n"
                 "}\n"}});
  NginxView view(ws.documents[0]);
  CHECK(view.servers().size() == 1);
  CHECK(view.possible_values("DENY") == std::vector<std::string>{"DENY"});
  CHECK(view.possible_values("$xfo") == std::vector<std::string>{"DENY", ""});
  CHECK(view.possible_values("${cors}") == std::vector<std::string>{"", "$http_origin"});
  CHECK_FALSE(view.possible_values("$unknown"));
  CHECK_FALSE(view.possible_values("a$xfo"));
  const NginxContext& server = *view.servers()[0];
  CHECK(server.inherited_directive("map"));  // found in http
  CHECK_FALSE(server.inherited_directive("ssl_protocols"));
}
