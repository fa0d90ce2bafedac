// Terraform parser on bad input: syntax errors with positions while the good blocks
// survive, deep nesting, huge and binary files, and the shared real-world corpus (skipped
// when absent) which must parse without a single diagnostic.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/expression.h"
#include "parse/terraform/terraform_parser.h"

using clearance::Document;

namespace {

Document parse(std::string source) {
  Document doc;
  doc.path = "main.tf";
  doc.source = std::move(source);
  clearance::parse_terraform(doc);
  return doc;
}

std::vector<std::string> names(const clearance::Node& root) {
  std::vector<std::string> out;
  for (const auto& c : root.children) out.push_back(c.name);
  return out;
}

}  // namespace

TEST_CASE("a syntax error is reported at its position and good blocks survive", "[terraform]") {
  Document doc = parse(R"(resource "a" "one" {
  x = 1
}
}
resource "a" "two" {
  y = 2
}
)");
  REQUIRE(doc.diagnostics.size() == 1);
  const auto& d = doc.diagnostics[0];
  CHECK(d.level == clearance::Diagnostic::Level::Error);
  CHECK(d.message == "syntax error: unexpected '}'");
  CHECK(d.location.path == "main.tf");
  CHECK(d.location.range.begin == clearance::Position{4, 1});
  CHECK(names(doc.root) == std::vector<std::string>{"one", "two"});
  CHECK(doc.root.children[1].attribute("y")->value.as_number() == 2);
  CHECK(doc.root.children[1].range.begin.line == 5);
}

TEST_CASE("a broken attribute is left out, its block and neighbours kept", "[terraform]") {
  Document doc = parse(R"(resource "a" "one" {
  ok = "yes"
  bad = foo(
}
resource "a" "two" {
  z = [1, 2
}
resource "a" "three" {}
)");
  REQUIRE_FALSE(doc.diagnostics.empty());
  CHECK(doc.diagnostics[0].message == "syntax error: unexpected '('");
  CHECK(doc.diagnostics[0].location.range.begin == clearance::Position{3, 12});
  REQUIRE(names(doc.root) == std::vector<std::string>{"one", "two", "three"});
  const auto& one = doc.root.children[0];
  CHECK(one.attribute("ok")->value.as_string() == "yes");
  CHECK(one.attribute("bad") == nullptr);
  bool missing_bracket = false;
  for (const auto& d : doc.diagnostics)
    missing_bracket = missing_bracket || d.message == "syntax error: missing ']'";
  CHECK(missing_bracket);
}

TEST_CASE("an unclosed block does not swallow the next top-level block", "[terraform]") {
  Document doc =
      parse("resource \"a\" \"one\" {\n  x = 1\n\nresource \"a\" \"two\" {\n  y = 2\n}\n");
  REQUIRE_FALSE(doc.diagnostics.empty());
  CHECK(names(doc.root) == std::vector<std::string>{"one", "two"});
  CHECK(doc.root.children[0].children.empty());
  CHECK(doc.root.children[1].attribute("y") != nullptr);
}

TEST_CASE("syntax diagnostics are capped per file", "[terraform]") {
  std::string src;
  for (int i = 0; i < 100; ++i) src += "a" + std::to_string(i) + " = foo(\n";
  Document doc = parse(src);
  REQUIRE(doc.diagnostics.size() == 21);
  CHECK(doc.diagnostics[0].location.range.begin == clearance::Position{1, 9});
  CHECK(doc.diagnostics[19].message == "syntax error: unexpected '('");
  CHECK(doc.diagnostics[20].message.find("too many syntax errors") != std::string::npos);
}

TEST_CASE("deep nesting becomes Unknown with one diagnostic, never a crash", "[terraform]") {
  const int n = 20000;
  SECTION("tuples") {
    Document doc = parse("a = " + std::string(n, '[') + std::string(n, ']') + "\nb = 1\n");
    const auto* a = doc.root.attribute("a");
    REQUIRE(a != nullptr);
    CHECK(a->value.is_unknown());
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].message.find("nested too deeply") != std::string::npos);
    CHECK(doc.root.attribute("b")->value.as_number() == 1);
  }
  SECTION("operators and traversals") {
    std::string sum = "1";
    std::string chain = "x";
    for (int i = 0; i < n; ++i) {
      sum += "+1";
      chain += ".y";
    }
    Document doc = parse("a = " + sum + "\nb = " + chain + "\n");
    CHECK(doc.root.attribute("a")->value.is_unknown());
    CHECK(doc.root.attribute("b")->value.is_unknown());
    CHECK(doc.diagnostics.size() == 1);
  }
  SECTION("blocks") {
    std::string src;
    for (int i = 0; i < 1000; ++i) src += "b {\n";
    for (int i = 0; i < 1000; ++i) src += "}\n";
    Document doc = parse(src);
    CHECK(doc.root.children.size() == 1);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].message.find("blocks nested too deeply") != std::string::npos);
  }
  SECTION("moderate nesting is kept") {
    Document doc = parse("a = " + std::string(100, '[') + "1" + std::string(100, ']') + "\n");
    CHECK(doc.diagnostics.empty());
    CHECK(doc.root.attribute("a")->value.is_list());
  }
}

TEST_CASE("binary and huge input are handled", "[terraform]") {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) % 256);
  Document bin = parse(bytes);
  CHECK(bin.root.kind == "file");
  CHECK_FALSE(bin.diagnostics.empty());

  Document huge = parse(std::string((size_t{32} << 20) + 1, ' '));
  REQUIRE(huge.diagnostics.size() == 1);
  CHECK(huge.diagnostics[0].message.find("too large") != std::string::npos);
  CHECK(huge.root.kind == "file");
}

TEST_CASE("every .tf file of the shared corpus parses without diagnostics", "[terraform][corpus]") {
  namespace fs = std::filesystem;
  fs::path corpus = fs::path(CLEARANCE_SOURCE_DIR).parent_path() / "shared/corpus/terraform";
  std::error_code ec;
  if (!fs::is_directory(corpus, ec)) {
    WARN("no corpus at " << corpus.string() << ": skipped");
    return;
  }
  size_t files = 0, blocks = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus, ec)) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || (p.extension() != ".tf" && p.extension() != ".tfvars"))
      continue;
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Document doc;
    doc.path = p.string();
    doc.source = ss.str();
    clearance::parse_terraform(doc);
    INFO(p.string());
    CHECK(doc.diagnostics.empty());
    for (const auto& d : doc.diagnostics) UNSCOPED_INFO(d.message);
    ++files;
    blocks += doc.root.children.size();
  }
  CHECK(files > 100);
  CHECK(blocks > files);
}
