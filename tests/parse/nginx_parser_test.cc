// The nginx tokenizer and parser: words, quotes, escapes, variables, comments, blocks, and
// errors with positions.
#include "parse/nginx/nginx_parser.h"

#include <catch2/catch.hpp>

#include "parse/nginx/nginx_lexer.h"

using namespace clearance;

namespace {

Document parse(std::string src) {
  Document d;
  d.path = "nginx.conf";
  d.format = Format::Nginx;
  d.source = std::move(src);
  parse_nginx(d);
  return d;
}

std::vector<std::string> words(std::string_view src) {
  NginxLexer lex(src);
  std::vector<std::string> out;
  for (auto t = lex.next(); t.kind != NginxToken::Kind::End; t = lex.next()) {
    if (t.kind == NginxToken::Kind::Error) {
      out.push_back("ERROR");
      break;
    }
    out.push_back(t.text);
  }
  return out;
}

size_t errors(const Document& d) {
  size_t n = 0;
  for (const auto& diag : d.diagnostics) n += diag.level == Diagnostic::Level::Error;
  return n;
}

}  // namespace

TEST_CASE("nginx lexer splits words and punctuation", "[nginx]") {
  CHECK(words("listen 80;\nserver { }") ==
        std::vector<std::string>{"listen", "80", ";", "server", "{", "}"});
  CHECK(words("a\tb\r\nc;") == std::vector<std::string>{"a", "b", "c", ";"});
}

TEST_CASE("nginx lexer handles quotes and escapes like nginx", "[nginx]") {
  CHECK(words(R"(add_header X "a; b {c}";)") ==
        std::vector<std::string>{"add_header", "X", "a; b {c}", ";"});
  // A closing quote must be followed by a separator.
  CHECK(words(R"(x 'it''s';)") == std::vector<std::string>{"x", "ERROR"});
  CHECK(words(R"(x "say \"hi\"" 'a\'b' "t\tn" "\d";)") ==
        std::vector<std::string>{"x", "say \"hi\"", "a'b", "t\tn", "\\d", ";"});
  CHECK(words(R"(location ~ \.php$ {)") ==
        std::vector<std::string>{"location", "~", "\\.php$", "{"});
  // An escaped space does not split the word; like nginx, only \" \' \\ \t \r \n are decoded.
  CHECK(words(R"(a b\ c;)") == std::vector<std::string>{"a", "b\\ c", ";"});
}

TEST_CASE("nginx lexer keeps variables verbatim, ${var} braces included", "[nginx]") {
  CHECK(words("return 301 https://$host${request_uri}x;") ==
        std::vector<std::string>{"return", "301", "https://$host${request_uri}x", ";"});
  CHECK(words("set $a \"${b}c\";") == std::vector<std::string>{"set", "$a", "${b}c", ";"});
}

TEST_CASE("nginx lexer comments only where a word starts", "[nginx]") {
  CHECK(words("a b#c; # comment ; {\nd;") == std::vector<std::string>{"a", "b#c", ";", "d", ";"});
  CHECK(words("x \"# not a comment\";") == std::vector<std::string>{"x", "# not a comment", ";"});
  CHECK(words("x '{;}';") == std::vector<std::string>{"x", "{;}", ";"});
}

TEST_CASE("nginx lexer drops the ) after a quoted if condition", "[nginx]") {
  CHECK(words(R"(if ($a = "b") {)") == std::vector<std::string>{"if", "($a", "=", "b", "{"});
}

TEST_CASE("nginx lexer positions are 1-based lines and byte columns", "[nginx]") {
  NginxLexer lex("  a\n   \"bc\";");
  auto a = lex.next();
  CHECK(a.range.begin == Position{1, 3});
  CHECK(a.range.end == Position{1, 4});
  auto bc = lex.next();
  CHECK(bc.quoted);
  CHECK(bc.range.begin == Position{2, 4});
  CHECK(bc.range.end == Position{2, 8});
  CHECK(bc.line_start);
  auto semi = lex.next();
  CHECK(semi.kind == NginxToken::Kind::Semicolon);
  CHECK_FALSE(semi.line_start);
}

TEST_CASE("nginx parser builds the directive tree", "[nginx]") {
  Document d = parse(
      "user nginx;\n"
      "http {\n"
      "  server {\n"
      "    listen 443 ssl;\n"
      "    add_header X-Frame-Options \"DENY\" always;\n"
      "    location /api { proxy_pass http://up; }\n"
      "  }\n"
      "}\n");
  REQUIRE(errors(d) == 0);
  CHECK(d.root.kind == "nginx");
  REQUIRE(d.root.children.size() == 2);
  const Node& http = d.root.children[1];
  CHECK(http.kind == "directive");
  CHECK(http.type == "http");
  CHECK(http.attribute("block"));
  CHECK(http.range.begin == Position{2, 1});
  CHECK(http.range.end == Position{8, 2});
  const Node& server = http.children.at(0);
  const Node& hdr = server.children.at(1);
  CHECK(hdr.type == "add_header");
  CHECK(hdr.labels == std::vector<std::string>{"X-Frame-Options", "DENY", "always"});
  CHECK(hdr.range.begin == Position{5, 5});
  CHECK(hdr.range.end == Position{5, 46});
  const Attribute* args = hdr.attribute("args");
  REQUIRE(args);
  REQUIRE(args->value.items().size() == 3);
  CHECK(args->value.items()[1].as_string() == "DENY");
  CHECK(args->value.items()[1].range().begin == Position{5, 32});  // the opening quote
  const Node& loc = server.children.at(2);
  CHECK(loc.labels == std::vector<std::string>{"/api"});
  CHECK(loc.children.at(0).type == "proxy_pass");
  CHECK_FALSE(server.children.at(0).attribute("block"));
}

TEST_CASE("nginx parser reports a missing ; before } with its position", "[nginx]") {
  Document d = parse("server {\n  listen 80\n}\n");
  REQUIRE(errors(d) == 1);
  CHECK(d.diagnostics[0].location.range.begin == Position{3, 1});
  CHECK(d.diagnostics[0].message.find("\";\"") != std::string::npos);
  // The directive is kept so later checks still see it.
  CHECK(d.root.children.at(0).children.at(0).labels == std::vector<std::string>{"80"});
}

TEST_CASE("nginx parser reports unbalanced braces", "[nginx]") {
  Document open = parse("http {\n  server {\n    listen 80;\n");
  REQUIRE(errors(open) == 2);
  CHECK(open.diagnostics[0].location.range.begin == Position{2, 3});
  CHECK(open.diagnostics[0].message.find("opened at line 2") != std::string::npos);
  CHECK(open.root.children.at(0).children.at(0).children.size() == 1);

  Document extra = parse("a;\n}\nb;\n");
  REQUIRE(errors(extra) == 1);
  CHECK(extra.diagnostics[0].location.range.begin == Position{2, 1});
  CHECK(extra.root.children.size() == 2);
}

TEST_CASE("nginx parser reports stray punctuation and end of file", "[nginx]") {
  Document semi = parse("listen 80;;\n");
  REQUIRE(errors(semi) == 1);
  CHECK(semi.diagnostics[0].location.range.begin == Position{1, 11});
  Document eof = parse("listen 80");
  REQUIRE(errors(eof) == 1);
  CHECK(eof.diagnostics[0].message.find("end of file") != std::string::npos);
  Document quote = parse("add_header X \"unterminated;\n");
  REQUIRE(errors(quote) >= 1);
  CHECK(quote.diagnostics[0].location.range.begin == Position{1, 14});
  Document glued = parse("x \"a\"b;\n");
  REQUIRE(errors(glued) == 1);
  CHECK(glued.diagnostics[0].message.find("unexpected \"b\"") != std::string::npos);
}

TEST_CASE("nginx parser warns about a likely missing ; across lines", "[nginx]") {
  Document d = parse("server {\n  listen 80\n  server_name a.example;\n}\n");
  CHECK(errors(d) == 0);
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].level == Diagnostic::Level::Warning);
  CHECK(d.diagnostics[0].location.range.begin == Position{3, 3});
  // Multi-line arguments of log_format and map entries are not mistaken for it.
  Document ok = parse("log_format main '$a'\n  '$b';\nmap $a $b {\n  default 0;\n  listen 1;\n}\n");
  CHECK(ok.diagnostics.empty());
}

TEST_CASE("nginx parser skips Lua blocks as raw text", "[nginx]") {
  Document d = parse(
      "location / {\n  content_by_lua_block {\n    local t = { a = \"}\" } -- }\n"
      "    ngx.say(t)\n  }\n  root /srv;\n}\n");
  CHECK(errors(d) == 0);
  const Node& loc = d.root.children.at(0);
  REQUIRE(loc.children.size() == 2);
  CHECK(loc.children[0].type == "content_by_lua_block");
  CHECK(loc.children[1].type == "root");
}

TEST_CASE("nginx parser survives deep nesting and binary junk", "[nginx]") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "a {";
  Document d = parse(deep);
  CHECK(errors(d) >= 1);
  using namespace std::string_literals;
  std::string junk = "\xff\xfe\x00{{;}}\"\\"s;
  junk += std::string(1000, '}');
  Document j = parse(junk);
  CHECK(errors(j) >= 1);
}
