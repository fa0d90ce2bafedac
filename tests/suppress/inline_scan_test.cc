// Suppression comments: where they count as comments, which lines they cover, how the
// reason and the expiry date are read.
#include "suppress/inline_scan.h"

#include <catch2/catch.hpp>

#include "parse/parse.h"

namespace clearance {
namespace {

Document parsed(std::string path, std::string source) {
  Document doc;
  doc.path = std::move(path);
  doc.source = std::move(source);
  doc.format = classify(doc.path, doc.source);
  parse_document(doc);
  return doc;
}

TEST_CASE("a comment before a block covers the whole block", "[suppress]") {
  Document doc =
      parsed("main.tf",
             "# clearance:ignore aws-rds-no-public-access until=2030-01-31 BI replica, VPN only\n"
             "resource \"aws_db_instance\" \"a\" {\n"
             "  engine = \"postgres\"\n"
             "  publicly_accessible = true\n"
             "}\n"
             "resource \"aws_db_instance\" \"b\" {\n"
             "}\n");
  auto s = scan_inline_suppressions(doc);
  REQUIRE(s.size() == 1);
  CHECK(s[0].rule_ids == std::vector<std::string>{"aws-rds-no-public-access"});
  CHECK(s[0].reason == "BI replica, VPN only");
  CHECK(s[0].until == 20300131);
  CHECK(s[0].line == 1);
  CHECK(s[0].column == 3);
  CHECK(s[0].first_line == 2);
  CHECK(s[0].last_line == 5);  // not into the next resource
}

TEST_CASE("end-of-line comments cover their line; HCL's // and /* */ count", "[suppress]") {
  Document doc =
      parsed("main.tf",
             "resource \"aws_s3_bucket\" \"a\" { // clearance:ignore a-rule,b-rule - demo bucket\n"
             "  bucket = \"x\" /* clearance:ignore c-rule temporary */\n"
             "}\n");
  auto s = scan_inline_suppressions(doc);
  REQUIRE(s.size() == 2);
  CHECK(s[0].rule_ids == std::vector<std::string>{"a-rule", "b-rule"});
  CHECK(s[0].reason == "demo bucket");
  CHECK(s[0].first_line == 1);
  CHECK(s[0].last_line == 3);  // a block's header line: the block
  CHECK(s[1].rule_ids == std::vector<std::string>{"c-rule"});
  CHECK(s[1].reason == "temporary");
  CHECK(s[1].first_line == 2);
  CHECK(s[1].last_line == 2);
}

TEST_CASE("the marker outside a comment, or in another format's comment, is not a suppression",
          "[suppress]") {
  Document tf = parsed(
      "main.tf", "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"clearance:ignore x y\"\n}\n");
  CHECK(scan_inline_suppressions(tf).empty());
  Document docker =
      parsed("Dockerfile", "FROM alpine:3.19 // clearance:ignore docker-healthcheck reason\n");
  CHECK(scan_inline_suppressions(docker).empty());
  Document json = parsed("task-definition.json",
                         "{\"family\": \"clearance:ignore x\", \"containerDefinitions\": []}\n");
  CHECK(scan_inline_suppressions(json).empty());
  Document word = parsed("Dockerfile", "# clearance:ignore-file docker-healthcheck\nFROM alpine\n");
  CHECK(scan_inline_suppressions(word).empty());
}

TEST_CASE("no rule, no reason and a bad date are kept for reporting", "[suppress]") {
  Document doc =
      parsed(".env", "# clearance:ignore\nA=1\n# clearance:ignore env-x until=2023-02-29\nB=2\n");
  auto s = scan_inline_suppressions(doc);
  REQUIRE(s.size() == 2);
  CHECK(s[0].rule_ids.empty());
  CHECK(s[0].first_line == 2);
  CHECK(s[1].reason.empty());
  CHECK(s[1].until_text == "2023-02-29");
  CHECK(s[1].until == 0);
}

TEST_CASE("a comment alone skips blank and comment lines to find its subject", "[suppress]") {
  Document doc = parsed(
      "Dockerfile",
      "# clearance:ignore docker-slim-install cache wanted\n\n# other comment\nRUN apk add curl\n");
  auto s = scan_inline_suppressions(doc);
  REQUIRE(s.size() == 1);
  CHECK(s[0].first_line == 4);
}

TEST_CASE("ISO dates", "[suppress]") {
  CHECK(parse_iso_date("2024-02-29") == 20240229);
  CHECK(parse_iso_date("2023-02-29") == 0);
  CHECK(parse_iso_date("2024-13-01") == 0);
  CHECK(parse_iso_date("2024-1-01") == 0);
  CHECK(parse_iso_date("tomorrow") == 0);
  CHECK(today_yyyymmdd() > 20240101);
}

}  // namespace
}  // namespace clearance
