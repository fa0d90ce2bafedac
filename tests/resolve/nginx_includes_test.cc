// nginx include resolution: relative to the conf prefix and to the including file, globs in
// glob(3) order, absolute paths mapped into the repository, missing files, cycles, fragments.
#include "resolve/nginx/nginx_includes.h"

#include <catch2/catch.hpp>

#include "parse/nginx/nginx_parser.h"
#include "resolve/nginx/config_files.h"

using namespace clearance;

namespace {

Document nginx_doc(std::string path, std::string src) {
  Document d;
  d.path = std::move(path);
  d.disk_path = "/r/" + d.path;
  d.format = Format::Nginx;
  d.source = std::move(src);
  parse_nginx(d);
  return d;
}

Workspace workspace(std::vector<std::pair<std::string, std::string>> files) {
  Workspace ws;
  ws.root = "/r";
  for (auto& [p, s] : files) ws.documents.push_back(nginx_doc(p, s));
  return ws;
}

const Document& doc(const Workspace& ws, std::string_view path) {
  for (const auto& d : ws.documents)
    if (d.path == path) return d;
  FAIL("no document " << path);
  return ws.documents.front();
}

// Directive names in order, depth first, with "@file" when a node came from another file.
void flatten(const Node& n, std::vector<std::string>& out) {
  for (const auto& c : n.children) {
    std::string s = c.type;
    if (const Attribute* f = c.attribute("file")) s += "@" + f->value.as_string();
    out.push_back(s);
    flatten(c, out);
  }
}

std::vector<std::string> flat(const Document& d) {
  std::vector<std::string> out;
  flatten(d.root, out);
  return out;
}

std::vector<std::string> messages(const Document& d, Diagnostic::Level level) {
  std::vector<std::string> out;
  for (const auto& diag : d.diagnostics)
    if (diag.level == level) out.push_back(diag.message);
  return out;
}

}  // namespace

TEST_CASE("nginx includes are spliced in place, relative to the conf prefix", "[nginx]") {
  Workspace ws = workspace({
      {"etc/nginx.conf", "http {\n  include conf.d/*.conf;\n  server_tokens off;\n}\n"},
      {"etc/conf.d/b.conf", "server { include snippets/h.conf; }\n"},
      {"etc/conf.d/a.conf", "server { listen 81; }\n"},
      {"etc/snippets/h.conf", "add_header X-A 1;\n"},
  });
  MemoryConfigFiles none;
  resolve_nginx_includes(ws, none);
  const Document& main = doc(ws, "etc/nginx.conf");
  CHECK(flat(main) == std::vector<std::string>{
                          "http", "include", "server@etc/conf.d/a.conf", "listen@etc/conf.d/a.conf",
                          "server@etc/conf.d/b.conf", "include@etc/conf.d/b.conf",
                          "add_header@etc/snippets/h.conf", "server_tokens"});
  const Attribute* resolved = main.root.children[0].children[0].attribute("resolved");
  REQUIRE(resolved);
  CHECK(resolved->value.items().size() == 2);
  CHECK(resolved->value.items()[0].as_string() == "etc/conf.d/a.conf");
  // b.conf resolves snippets/ against the prefix (etc/), not its own folder.
  const Document& b = doc(ws, "etc/conf.d/b.conf");
  CHECK(flat(b) == std::vector<std::string>{"server", "include", "add_header@etc/snippets/h.conf"});
  // Included documents are marked as fragments; the main one is not.
  CHECK_FALSE(main.root.attribute("included_by"));
  const Attribute* by = b.root.attribute("included_by");
  REQUIRE(by);
  CHECK(by->value.items().at(0).as_string() == "etc/nginx.conf");
  CHECK(doc(ws, "etc/snippets/h.conf").root.attribute("included_by"));
  CHECK(main.diagnostics.empty());
}

TEST_CASE("nginx includes fall back to the including file's folders", "[nginx]") {
  Workspace ws = workspace({
      {"deploy/site/app.conf",
       "server {\n  include ../common/ssl.conf;\n  include headers.conf;\n}\n"},
      {"deploy/site/headers.conf", "add_header X-B 2;\n"},
      {"deploy/common/ssl.conf", "ssl_protocols TLSv1.2;\n"},
  });
  MemoryConfigFiles none;
  resolve_nginx_includes(ws, none);
  CHECK(flat(doc(ws, "deploy/site/app.conf")) ==
        std::vector<std::string>{"server", "include", "ssl_protocols@deploy/common/ssl.conf",
                                 "include", "add_header@deploy/site/headers.conf"});
}

TEST_CASE("nginx absolute includes map onto the repository", "[nginx]") {
  Workspace ws = workspace({
      {"nginx/nginx.conf",
       "http { include /etc/nginx/conf.d/*.conf; include /etc/nginx/mime.types; }\n"},
      {"nginx/conf.d/x.conf", "server { }\n"},
  });
  MemoryConfigFiles disk;  // files that are not documents are read through ConfigFiles
  disk.add("/r/nginx/mime.types", "types { text/html html; }\n");
  resolve_nginx_includes(ws, disk);
  CHECK(flat(doc(ws, "nginx/nginx.conf")) ==
        std::vector<std::string>{"http", "include", "server@nginx/conf.d/x.conf", "include",
                                 "types@nginx/mime.types", "text/html@nginx/mime.types"});
}

TEST_CASE("nginx globs expand in sorted order and skip dot files", "[nginx]") {
  MemoryConfigFiles files;
  files.add("/r/c/b.conf", "");
  files.add("/r/c/a.conf", "");
  files.add("/r/c/.hidden.conf", "");
  files.add("/r/c/a.conf.bak", "");
  files.add("/r/c/sub/z.conf", "");
  files.add("/r/d/x/1.conf", "");
  files.add("/r/d/y/2.conf", "");
  CHECK(expand_glob(files, "/r/c/*.conf") ==
        std::vector<std::string>{"/r/c/a.conf", "/r/c/b.conf"});
  CHECK(expand_glob(files, "/r/c/?.conf") ==
        std::vector<std::string>{"/r/c/a.conf", "/r/c/b.conf"});
  CHECK(expand_glob(files, "/r/c/[b]*") == std::vector<std::string>{"/r/c/b.conf"});
  CHECK(expand_glob(files, "/r/d/*/*.conf") ==
        std::vector<std::string>{"/r/d/x/1.conf", "/r/d/y/2.conf"});
  CHECK(expand_glob(files, "/r/c/sub/z.conf") == std::vector<std::string>{"/r/c/sub/z.conf"});
  CHECK(expand_glob(files, "/r/c/none.conf").empty());
  CHECK(expand_glob(files, "/r/none/*.conf").empty());
}

TEST_CASE("nginx include cycles are warnings naming the chain; the files are still judged", "[nginx]") {
  Workspace ws = workspace({
      {"nginx.conf", "http {\n  include a.conf;\n}\n"},
      {"a.conf", "include b.conf;\n"},
      {"b.conf", "add_header X 1;\n  include a.conf;\n"},
  });
  MemoryConfigFiles none;
  resolve_nginx_includes(ws, none);
  const Document& main = doc(ws, "nginx.conf");
  auto errs = messages(main, Diagnostic::Level::Warning);
  REQUIRE(errs.size() == 1);
  CHECK(errs[0] == "include cycle: nginx.conf -> a.conf -> b.conf -> a.conf (this include is not spliced)");
  CHECK(messages(main, Diagnostic::Level::Error).empty());
  // Located at the include that closes the cycle, in its own file.
  for (const auto& d : main.diagnostics) {
    if (d.level != Diagnostic::Level::Warning) continue;
    CHECK(d.location.path == "b.conf");
    CHECK(d.location.range.begin.line == 2);
  }
  // Everything up to the cycle is still spliced.
  CHECK(flat(main) == std::vector<std::string>{"http", "include", "include@a.conf",
                                               "add_header@b.conf", "include@b.conf"});
  // A file including itself.
  Workspace self = workspace({{"nginx.conf", "include nginx.conf;\n"}});
  resolve_nginx_includes(self, none);
  CHECK(messages(self.documents[0], Diagnostic::Level::Warning).size() == 1);
  CHECK(self.documents[0].root.attribute("included_by") == nullptr);
  // Two files including each other: nginx.conf is still the top, judged on its own.
  Workspace pair = workspace({{"nginx.conf", "include b.conf;\n"}, {"b.conf", "include nginx.conf;\n"}});
  resolve_nginx_includes(pair, none);
  CHECK(doc(pair, "nginx.conf").root.attribute("included_by") == nullptr);
  CHECK(doc(pair, "b.conf").root.attribute("included_by") != nullptr);
}

TEST_CASE("nginx missing includes are warnings, shipped files and empty globs notes", "[nginx]") {
  Workspace ws = workspace({{"nginx.conf",
                             "include missing.conf;\ninclude mime.types;\ninclude none/*.conf;\n"
                             "include /etc/letsencrypt/options-ssl-nginx.conf;\n"}});
  MemoryConfigFiles none;
  resolve_nginx_includes(ws, none);
  const Document& d = ws.documents[0];
  auto warnings = messages(d, Diagnostic::Level::Warning);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("missing.conf") != std::string::npos);
  CHECK(messages(d, Diagnostic::Level::Note).size() == 3);
  CHECK(messages(d, Diagnostic::Level::Error).empty());
  for (const auto& diag : d.diagnostics) {
    if (diag.level == Diagnostic::Level::Warning) CHECK(diag.location.range.begin.line == 1);
  }
}

TEST_CASE("nginx include fan-out is bounded", "[nginx]") {
  // Each level includes the next one ten times: 10^6 copies if unbounded.
  std::vector<std::pair<std::string, std::string>> files = {{"nginx.conf", "include l0.conf;\n"}};
  for (int i = 0; i < 6; ++i) {
    std::string body;
    for (int k = 0; k < 10; ++k) body += "include l" + std::to_string(i + 1) + ".conf;\n";
    files.push_back({"l" + std::to_string(i) + ".conf", body});
  }
  files.push_back({"l6.conf", "add_header X 1;\n"});
  Workspace ws = workspace(files);
  MemoryConfigFiles none;
  resolve_nginx_includes(ws, none);
  CHECK_FALSE(messages(doc(ws, "nginx.conf"), Diagnostic::Level::Error).empty());
}
