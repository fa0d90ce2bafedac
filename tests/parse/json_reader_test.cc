// Tests of the JSON reader: values, exact positions (plain and with a base), escapes, errors,
// depth cap, big numbers, invalid UTF-8 and the HCL template mode.
#include "parse/json/json_reader.h"

#include <catch2/catch.hpp>
#include <string>

using namespace clearance;

namespace {

Value read_ok(std::string_view text, JsonReadOptions opt = {}) {
  JsonReadResult r = read_json(text, opt);
  INFO("error: " << r.error.message << " at " << r.error.position.line << ":"
                 << r.error.position.column);
  REQUIRE(r.ok());
  return r.value;
}

JsonIssue read_error(std::string_view text, JsonReadOptions opt = {}) {
  JsonReadResult r = read_json(text, opt);
  REQUIRE_FALSE(r.ok());
  return r.error;
}

Position pos(uint32_t line, uint32_t column) {
  return {line, column};
}

}  // namespace

TEST_CASE("JSON scalars, lists and objects become model values", "[json]") {
  Value v = read_ok(R"({"a": 1, "b": [true, false, null], "c": "x", "d": -2.5e1, "e": {}})");
  REQUIRE(v.is_object());
  CHECK(v.get("a")->as_number() == 1);
  REQUIRE(v.get("b")->items().size() == 3);
  CHECK(v.get("b")->items()[0].as_bool());
  CHECK_FALSE(v.get("b")->items()[1].as_bool());
  CHECK(v.get("b")->items()[2].is_null());
  CHECK(v.get("c")->as_string() == "x");
  CHECK(v.get("d")->as_number() == -25);
  CHECK(v.get("e")->is_object());
  CHECK(v.get("e")->members().empty());
  CHECK(read_ok("  []  ").items().empty());
  CHECK(read_ok("0").as_number() == 0);
  CHECK(read_ok("\xEF\xBB\xBF{}").is_object());  // a byte order mark is skipped
}

TEST_CASE("JSON positions: 1-based lines and byte columns, keys and values", "[json]") {
  std::string text = "{\n  \"name\": \"web\",\n  \"list\": [1,\n    22]\n}";
  Value v = read_ok(text);
  CHECK(v.range().begin == pos(1, 1));
  CHECK(v.range().end == pos(5, 2));
  const Member& name = v.members()[0];
  CHECK(name.key_range.begin == pos(2, 3));
  CHECK(name.key_range.end == pos(2, 9));
  CHECK(name.value.range().begin == pos(2, 11));
  CHECK(name.value.range().end == pos(2, 16));
  const Value& list = v.members()[1].value;
  CHECK(list.range().begin == pos(3, 11));
  CHECK(list.items()[1].range().begin == pos(4, 5));
  CHECK(list.items()[1].range().end == pos(4, 7));
  CHECK(list.range().end == pos(4, 8));
}

TEST_CASE("JSON positions count bytes, not characters", "[json]") {
  Value v = read_ok("{\"é\": 1}");  // é is two bytes
  CHECK(v.members()[0].value.range().begin == pos(1, 8));
}

TEST_CASE("JSON base position shifts the first line's columns and every line", "[json]") {
  JsonReadOptions opt;
  opt.base = {40, 7};
  Value v = read_ok("{\"a\": 1,\n\"b\": 2}", opt);
  CHECK(v.members()[0].key_range.begin == pos(40, 8));
  CHECK(v.members()[1].key_range.begin == pos(41, 1));
  JsonIssue e = read_error("{\n  \"a\" 1}", opt);
  CHECK(e.position == pos(41, 7));
}

TEST_CASE("JSON escapes, unicode escapes and surrogate pairs", "[json]") {
  CHECK(read_ok(R"("a\"b\\c\/d\b\f\n\r\t")").as_string() == "a\"b\\c/d\b\f\n\r\t");
  CHECK(read_ok(R"("\u0041\u00e9\u20AC")").as_string() == "A\xC3\xA9\xE2\x82\xAC");
  CHECK(read_ok(R"("\ud83d\ude00")").as_string() == "\xF0\x9F\x98\x80");  // U+1F600
  // Lone surrogates become U+FFFD; the escape after an unpaired high half is read anew.
  CHECK(read_ok(R"("\ud83dx")").as_string() == "\xEF\xBF\xBDx");
  CHECK(read_ok(R"("\ude00")").as_string() == "\xEF\xBF\xBD");
  CHECK(read_ok(R"("\ud83d\u0041")").as_string() ==
        "\xEF\xBF\xBD"
        "A");
  CHECK(read_error(R"("\x")").message.find("invalid escape") != std::string::npos);
  CHECK(read_error(R"("\u12G4")").message.find("four hex digits") != std::string::npos);
}

TEST_CASE("JSON invalid UTF-8 in strings becomes U+FFFD, never a crash", "[json]") {
  CHECK(read_ok("\"a\xFF"
                "b\"")
            .as_string() ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(read_ok("\"\xC3\"").as_string() == "\xEF\xBF\xBD");  // truncated sequence
  CHECK(read_ok("\"\xED\xA0\x80\"").as_string().substr(0, 3) == "\xEF\xBF\xBD");  // surrogate
  CHECK(read_ok("\"\xC3\xA9\"").as_string() == "\xC3\xA9");  // valid é is kept
  CHECK_FALSE(read_json("\xFF").ok());                       // outside strings: an error
}

TEST_CASE("JSON errors say where and what was expected", "[json]") {
  JsonIssue e = read_error("{\"a\": 1 \"b\": 2}");
  CHECK(e.position == pos(1, 9));
  CHECK(e.message == "expected ',' or '}' after an object member, found '\"'");
  CHECK(read_error("[1, 2,]").message == "trailing comma before ']'");
  CHECK(read_error("{\"a\": 1,}").message == "trailing comma before '}'");
  CHECK(read_error("{a: 1}").message == "expected a string key, found 'a'");
  CHECK(read_error("").message.find("found end of input") != std::string::npos);
  CHECK(read_error("[1] x").message == "unexpected 'x' after the JSON value");
  CHECK(read_error("01").message.find("leading zeros") != std::string::npos);
  CHECK(read_error("1.").message.find("after '.'") != std::string::npos);
  CHECK(read_error("-").message.find("after '-'") != std::string::npos);
  CHECK(read_error("1e+").message.find("exponent") != std::string::npos);
  CHECK(read_error("tru").message.find("expected a value") != std::string::npos);
  CHECK(read_error("\"abc").message.find("unterminated string") != std::string::npos);
  CHECK(read_error("\"a\nb\"").message.find("line break") != std::string::npos);
  CHECK(read_error("\"a\tb\"").message.find("control character") != std::string::npos);
  CHECK(read_error("// comment\n{}").position == pos(1, 1));
  CHECK(read_error("{\"a\" 1}").message == "expected ':' after the key \"a\", found '1'");
}

TEST_CASE("JSON nesting deeper than the cap is an error, not a stack overflow", "[json]") {
  std::string deep(200000, '[');
  JsonIssue e = read_error(deep);
  CHECK(e.message.find("nesting deeper than 512") != std::string::npos);
  std::string ok_depth = std::string(100, '[') + std::string(100, ']');
  CHECK(read_ok(ok_depth).is_list());
  JsonReadOptions small;
  small.max_depth = 3;
  CHECK_FALSE(read_json("[[[[1]]]]", small).ok());
  CHECK(read_json("[[1]]", small).ok());
}

TEST_CASE("JSON big numbers: overflow becomes Unknown, underflow zero", "[json]") {
  CHECK(read_ok("123456789012345678901234567890").as_number() == Approx(1.2345678901234568e29));
  JsonReadResult big = read_json("1e999");
  REQUIRE(big.ok());
  CHECK(big.value.is_unknown());
  CHECK(big.value.as_string() == "1e999");
  CHECK(big.warnings.size() == 1);
  CHECK(read_ok("1e-999").as_number() == 0);
}

TEST_CASE("JSON duplicate keys: the last wins, with a warning", "[json]") {
  JsonReadResult r = read_json(R"({"a": 1, "b": 2, "a": 3})");
  REQUIRE(r.ok());
  REQUIRE(r.value.members().size() == 2);
  CHECK(r.value.get("a")->as_number() == 3);
  CHECK(r.value.members()[0].key_range.begin == pos(1, 18));
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].message.find("duplicate key \"a\"") != std::string::npos);
  // Large objects use an index; duplicates are still found.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  big += "\"k3\": 99}";
  JsonReadResult rb = read_json(big);
  REQUIRE(rb.ok());
  CHECK(rb.value.members().size() == 40);
  CHECK(rb.value.get("k3")->as_number() == 99);
  CHECK(rb.warnings.size() == 1);
}

TEST_CASE("JSON template mode: interpolations become Unknown", "[json]") {
  JsonReadOptions t;
  t.hcl_template = true;
  Value v = read_ok(
      R"({"image": "repo:${var.tag}", "cpu": ${var.cpu}, "x": "$${lit} %%{lit}",
          "y": "${lookup(var.m, "k}")}", "z": "a$b%c"})",
      t);
  CHECK(v.get("image")->is_unknown());
  CHECK(v.get("image")->as_string() == "repo:${var.tag}");
  CHECK(v.get("cpu")->is_unknown());
  CHECK(v.get("cpu")->as_string() == "var.cpu");
  CHECK(v.get("cpu")->range().begin == pos(1, 37));
  CHECK(v.get("x")->as_string() == "${lit} %{lit}");
  CHECK(v.get("y")->as_string() == "${lookup(var.m, \"k}\")}");
  CHECK(v.get("z")->as_string() == "a$b%c");
  CHECK(read_error("[\"%{ if x }a%{ endif }\"]", t).message.find("directives") !=
        std::string::npos);
  CHECK(read_error("[\"${var.x\"]", t).message.find("unterminated ${") != std::string::npos);
  // Without template mode, ${ is plain text in strings and an error elsewhere.
  CHECK(read_ok(R"("${x}")").as_string() == "${x}");
  CHECK_FALSE(read_json("${x}").ok());
}

TEST_CASE("JSON template mode: a multi-line interpolation keeps later lines true", "[json]") {
  JsonReadOptions t;
  t.hcl_template = true;
  Value v = read_ok("[${merge(\n  var.a,\n  var.b)},\n \"x\"]", t);
  CHECK(v.items()[0].is_unknown());
  CHECK(v.items()[1].range().begin == pos(4, 2));
}
