// Tests of the .env parser: every syntax case, with exact ranges, and hostile input.
#include "parse/dotenv/dotenv_parser.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "parse/dotenv/dotenv_names.h"
#include "parse/parse.h"

using namespace clearance;

namespace {

Document parse(std::string source, std::string path = ".env") {
  Document doc;
  doc.path = std::move(path);
  doc.format = Format::Dotenv;
  doc.source = std::move(source);
  parse_dotenv(doc);
  return doc;
}

const Node& entry(const Document& doc, size_t i) {
  REQUIRE(i < doc.root.children.size());
  return doc.root.children[i];
}

const Value& value_of(const Node& n) {
  const Attribute* a = n.attribute("value");
  REQUIRE(a != nullptr);
  return a->value;
}

std::string str(const Node& n) {
  const Value& v = value_of(n);
  REQUIRE(v.is_string());
  return v.as_string();
}

std::string raw(const Node& n) {
  return n.attribute("raw")->value.as_string();
}

Range rg(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return {{l1, c1}, {l2, c2}};
}

size_t warnings(const Document& doc) {
  size_t n = 0;
  for (const auto& d : doc.diagnostics) n += d.level == Diagnostic::Level::Warning;
  return n;
}

}  // namespace

TEST_CASE("dotenv: plain assignment with exact ranges", "[dotenv]") {
  auto doc = parse("KEY=value\n");
  REQUIRE(doc.root.kind == "env_file");
  REQUIRE(doc.root.children.size() == 1);
  const Node& e = entry(doc, 0);
  CHECK(e.kind == "entry");
  CHECK(e.type == "KEY");
  CHECK(e.name == "KEY");
  CHECK(e.range == rg(1, 1, 1, 10));
  CHECK(str(e) == "value");
  CHECK(value_of(e).range() == rg(1, 5, 1, 10));
  CHECK(raw(e) == "value");
  CHECK(e.attribute("unresolved") == nullptr);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("dotenv: export, spaces around =, trailing whitespace", "[dotenv]") {
  auto doc = parse("export  API_URL = https://x.io  \n  NAME\t=\tBob Smith\t\n");
  REQUIRE(doc.root.children.size() == 2);
  CHECK(entry(doc, 0).type == "API_URL");
  CHECK(str(entry(doc, 0)) == "https://x.io");
  CHECK(value_of(entry(doc, 0)).range() == rg(1, 19, 1, 31));
  CHECK(entry(doc, 0).range == rg(1, 1, 1, 33));
  CHECK(str(entry(doc, 1)) == "Bob Smith");
  CHECK(value_of(entry(doc, 1)).range() == rg(2, 10, 2, 19));
  // `export` alone as a key is a key.
  auto k = parse("export=1\n");
  REQUIRE(k.root.children.size() == 1);
  CHECK(entry(k, 0).type == "export");
}

TEST_CASE("dotenv: comments, blank lines and inline comments", "[dotenv]") {
  auto doc =
      parse("# header\n\n   \nA=b # note\nB=b#not-a-comment\nC= # only a comment\n  # x=1\n");
  REQUIRE(doc.root.children.size() == 3);
  CHECK(str(entry(doc, 0)) == "b");
  CHECK(entry(doc, 0).range.begin.line == 4);
  CHECK(value_of(entry(doc, 0)).range() == rg(4, 3, 4, 4));
  CHECK(str(entry(doc, 1)) == "b#not-a-comment");
  CHECK(str(entry(doc, 2)).empty());
  CHECK(value_of(entry(doc, 2)).range() == rg(6, 4, 6, 4));
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("dotenv: single quotes are literal", "[dotenv]") {
  auto doc = parse("A=1\nS='x $A ${A} \\n # no'  # c\n");
  REQUIRE(doc.root.children.size() == 2);
  const Node& s = entry(doc, 1);
  CHECK(str(s) == "x $A ${A} \\n # no");
  CHECK(value_of(s).range() == rg(2, 4, 2, 21));
  CHECK(raw(s) == "'x $A ${A} \\n # no'");
  CHECK(s.attribute("raw")->value.range() == rg(2, 3, 2, 22));
  CHECK(s.attribute("unresolved") == nullptr);
}

TEST_CASE("dotenv: double-quote escapes", "[dotenv]") {
  auto doc = parse(R"(D="l1\nl2\t\"q\" \\ \$HOME \x")"
                   "\n");
  REQUIRE(doc.root.children.size() == 1);
  CHECK(str(entry(doc, 0)) == "l1\nl2\t\"q\" \\ $HOME \\x");
  CHECK(entry(doc, 0).attribute("unresolved") == nullptr);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("dotenv: expansion from earlier keys only", "[dotenv]") {
  auto doc = parse(
      "A=1\nB=${A}-$A\nC=\"${A}x\"\nD='${A}'\nE=${NOPE}/$ALSO\nF=${NOPE:-def}\nEMPTY=\n"
      "G=${EMPTY:-d}\nH=${EMPTY-d}\nI=${LATER}\nLATER=2\nJ=$ ${ }\n");
  REQUIRE(doc.root.children.size() == 12);
  CHECK(str(entry(doc, 1)) == "1-1");
  CHECK(str(entry(doc, 2)) == "1x");
  CHECK(str(entry(doc, 3)) == "${A}");
  CHECK(str(entry(doc, 4)) == "${NOPE}/$ALSO");
  const Attribute* un = entry(doc, 4).attribute("unresolved");
  REQUIRE(un != nullptr);
  REQUIRE(un->value.items().size() == 2);
  CHECK(un->value.items()[0].as_string() == "NOPE");
  CHECK(un->value.items()[1].as_string() == "ALSO");
  CHECK(str(entry(doc, 5)) == "def");
  CHECK(entry(doc, 5).attribute("unresolved") != nullptr);
  CHECK(str(entry(doc, 7)) == "d");
  CHECK(entry(doc, 7).attribute("unresolved") == nullptr);
  CHECK(str(entry(doc, 8)).empty());  // `-` only applies when unset
  CHECK(str(entry(doc, 9)) == "${LATER}");
  CHECK(str(entry(doc, 11)) == "$ ${ }");
}

TEST_CASE("dotenv: multi-line quoted values", "[dotenv]") {
  auto doc = parse("KEY=\"-----BEGIN\nline2\nEND-----\"\nNEXT=1\n");
  REQUIRE(doc.root.children.size() == 2);
  const Node& k = entry(doc, 0);
  CHECK(str(k) == "-----BEGIN\nline2\nEND-----");
  CHECK(k.range == rg(1, 1, 3, 10));
  CHECK(value_of(k).range() == rg(1, 6, 3, 9));
  CHECK(entry(doc, 1).range.begin.line == 4);
  auto single = parse("P='a\nb'\n");
  CHECK(str(entry(single, 0)) == "a\nb");
}

TEST_CASE("dotenv: backtick quotes are literal", "[dotenv]") {
  auto doc = parse("A=1\nB=`it's \"$A\"`\n");
  REQUIRE(doc.root.children.size() == 2);
  CHECK(str(entry(doc, 1)) == "it's \"$A\"");
  CHECK(value_of(entry(doc, 1)).range() == rg(2, 4, 2, 13));
}

TEST_CASE("dotenv: CRLF line endings", "[dotenv]") {
  auto doc = parse("A=b\r\nB=\"x\r\ny\"\r\nC='c'\r\n");
  REQUIRE(doc.root.children.size() == 3);
  CHECK(str(entry(doc, 0)) == "b");
  CHECK(entry(doc, 0).range == rg(1, 1, 1, 4));
  CHECK(str(entry(doc, 1)) == "x\ny");
  CHECK(entry(doc, 1).range == rg(2, 1, 3, 3));
  CHECK(str(entry(doc, 2)) == "c");
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("dotenv: a UTF-8 BOM is skipped, columns stay byte-true", "[dotenv]") {
  auto doc = parse(
      "\xEF\xBB\xBF"
      "A=1\n");
  REQUIRE(doc.root.children.size() == 1);
  CHECK(entry(doc, 0).type == "A");
  CHECK(value_of(entry(doc, 0)).range() == rg(1, 6, 1, 7));
}

TEST_CASE("dotenv: a bare KEY has a null value", "[dotenv]") {
  auto doc = parse("ONLY_NAME\nexport OTHER # c\n");
  REQUIRE(doc.root.children.size() == 2);
  CHECK(value_of(entry(doc, 0)).is_null());
  CHECK(entry(doc, 1).type == "OTHER");
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("dotenv: malformed lines are warnings with positions", "[dotenv]") {
  auto doc = parse("GOOD=1\nnot valid line\n=x\nK$Y=1\nAFTER=\"v\" trailing\nLAST=2\nQ='open\n");
  REQUIRE(warnings(doc) == 5);
  CHECK(doc.diagnostics[0].location.range == rg(2, 5, 2, 15));  // "expected '='"
  CHECK(doc.diagnostics[1].location.range.begin == Position{3, 1});
  CHECK(doc.diagnostics[2].location.range.begin == Position{4, 1});
  CHECK(doc.diagnostics[3].location.range == rg(5, 11, 5, 19));
  CHECK(doc.diagnostics[4].message.find("unterminated") != std::string::npos);
  CHECK(doc.diagnostics[4].location.range == rg(7, 3, 7, 8));
  // The good lines around them survive.
  REQUIRE(doc.root.children.size() == 4);
  CHECK(entry(doc, 0).type == "GOOD");
  CHECK(str(entry(doc, 1)) == "v");
  CHECK(entry(doc, 2).type == "LAST");
  CHECK(entry(doc, 3).type == "Q");
  CHECK(str(entry(doc, 3)) == "'open");
}

TEST_CASE("dotenv: a key set twice warns and keeps both", "[dotenv]") {
  auto doc = parse("A=1\nA=2\nB=$A\n");
  REQUIRE(doc.root.children.size() == 3);
  REQUIRE(warnings(doc) == 1);
  CHECK(doc.diagnostics[0].location.range == rg(2, 1, 2, 2));
  CHECK(str(entry(doc, 2)) == "2");
}

TEST_CASE("dotenv: binary junk and huge input never crash", "[dotenv]") {
  static const char kJunk[] = "A=1\n\0\xff\xfe garbage\n";
  std::string junk(kJunk, sizeof kJunk - 1);
  auto bin = parse(junk);
  CHECK(bin.root.children.empty());
  CHECK(warnings(bin) == 1);

  std::string noisy;
  for (int i = 0; i < 5000; ++i) noisy += "\xff\xfe ===\n";
  auto many = parse(noisy);
  CHECK(warnings(many) == 101);  // capped

  std::string huge = "BIG=" + std::string(2 << 20, 'x') + "\n";
  auto big = parse(huge);
  REQUIRE(big.root.children.size() == 1);
  CHECK(str(entry(big, 0)).size() == (2u << 20));

  // Many unbalanced quotes must not make the parser quadratic: as the loaders do, each
  // opening quote runs to the next one, so the lines pair up into multi-line values.
  std::string quotes;
  for (int i = 0; i < 100000; ++i) quotes += "K" + std::to_string(i) + "=\"x\\\"\n";
  auto t0 = std::chrono::steady_clock::now();
  auto q = parse(quotes);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  CHECK(q.root.children.size() == 50000);
  CHECK(ms.count() < 5000);
}

TEST_CASE("dotenv: root attributes come from the file name", "[dotenv]") {
  auto prod = parse("A=1\n", "app/.env.production");
  CHECK(prod.root.attribute("production")->value.as_bool());
  CHECK(prod.root.attribute("environment")->value.as_string() == "production");
  CHECK_FALSE(prod.root.attribute("template")->value.as_bool());
  auto example = parse("A=1\n", ".env.example");
  CHECK(example.root.attribute("template")->value.as_bool());
  CHECK(example.root.attribute("environment")->value.as_string().empty());
  CHECK(parse("", "staging.env").root.attribute("environment")->value.as_string() == "staging");
  CHECK(parse("", ".env.local").root.attribute("environment")->value.as_string() == "local");
  CHECK(parse("", ".env.development").root.attribute("environment")->value.as_string() ==
        "development");
  CHECK(parse("", ".env.test").root.attribute("environment")->value.as_string() == "test");
  auto prod_tpl = parse("", ".env.production.sample");
  CHECK(prod_tpl.root.attribute("template")->value.as_bool());
  CHECK(prod_tpl.root.attribute("production")->value.as_bool());
}

TEST_CASE("dotenv: file names", "[dotenv]") {
  for (const char* yes : {".env", ".env.production", ".env.example", ".env.local", "prod.env",
                          "staging.env", ".env.dist"})
    CHECK(is_dotenv_file_name(yes));
  for (const char* no : {".envrc", "env", ".env.js", ".env.json", "environment.yml", "my.envy"})
    CHECK_FALSE(is_dotenv_file_name(no));
  for (const char* tpl : {".env.example", ".env.sample", ".env.template", ".env.dist",
                          ".env.production.example", "example.env", "app.env.tpl"})
    CHECK(is_dotenv_template_name(tpl));
  for (const char* real : {".env", ".env.production", ".env.local", "prod.env"})
    CHECK_FALSE(is_dotenv_template_name(real));
  CHECK(dotenv_environment_from_name(".env.prod") == "production");
  CHECK(dotenv_environment_from_name(".env.preprod") == "staging");
  CHECK(dotenv_environment_from_name(".env") == "");
  CHECK(classify("a/b/.env.production", "") == Format::Dotenv);
  CHECK(classify("a/.envrc", "") == Format::Text);
}
