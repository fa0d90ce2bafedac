// SARIF output: structure GitHub code scanning relies on, checked on a synthetic report.
// Set CLEARANCE_WRITE_SAMPLE_SARIF=<file> to also write the sample log, for validating it
// with tests/sarif/validate.mjs.
#include "report/sarif_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "report/sarif_rules.h"
#include "report/visible.h"
#include "report/sarif_uri.h"
#include "sample_report.h"

using nlohmann::json;
using namespace clearance;
using clearance::testing::sample_report;

namespace {

std::string sarif_text(const Report& r) {
  std::ostringstream out;
  write_sarif(r, out);
  return out.str();
}

json sarif(const Report& r) {
  return json::parse(sarif_text(r));
}

const json& result_with_message(const json& run, const std::string& needle) {
  for (const auto& r : run["results"])
    if (r["message"]["text"].get<std::string>().find(needle) != std::string::npos) return r;
  FAIL("no result with message containing " << needle);
  throw;  // unreachable
}

}  // namespace

TEST_CASE("sarif: log and run and driver", "[report][sarif]") {
  auto s = sample_report();
  json log = sarif(s.report);
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "clearance");
  CHECK(driver["version"] == "0.1.0");
  CHECK(driver["semanticVersion"] == "0.1.0");
  CHECK(driver["informationUri"] == "https://example.org/clearance");
  CHECK(log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/root/");
  CHECK(log["runs"][0]["results"].size() == s.report.findings.size());

  if (const char* path = std::getenv("CLEARANCE_WRITE_SAMPLE_SARIF")) {
    std::ofstream(path, std::ios::binary) << sarif_text(s.report);
  }
}

TEST_CASE("sarif: rules carry full metadata", "[report][sarif]") {
  auto s = sample_report();
  json rules = sarif(s.report)["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 5);  // four listed rules, then a placeholder for secret-generic
  CHECK(rules[0]["id"] == "aws-s3-encryption");
  CHECK(rules[4]["id"] == "secret-generic");

  const json& r = rules[0];
  CHECK(r["name"] == "AwsS3Encryption");
  CHECK(r["shortDescription"]["text"] == "S3 buckets are encrypted at rest");
  CHECK(r["fullDescription"]["text"] == "Unencrypted buckets expose data at rest.");
  CHECK(r["defaultConfiguration"]["level"] == "error");
  CHECK(r["helpUri"] == "https://docs.aws.amazon.com/AmazonS3/latest/userguide/");
  std::string help = r["help"]["text"], md = r["help"]["markdown"];
  CHECK(help.find("Unencrypted buckets") != std::string::npos);
  CHECK(help.find("server_side_encryption_configuration") != std::string::npos);
  CHECK(help.find("CIS AWS 2.1.1") != std::string::npos);
  CHECK(md.find("## Remediation") != std::string::npos);
  CHECK(md.find("[https://docs.aws.amazon.com/AmazonS3/latest/userguide/](") != std::string::npos);
  CHECK(r["properties"]["security-severity"] == "9.5");  // a string, as GitHub requires
  CHECK(r["properties"]["precision"] == "very-high");
  CHECK(r["properties"]["tags"] == json({"aws", "s3", "security"}));
  CHECK(r["properties"]["checklist"] == json({"S3 encrypted at rest"}));

  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[1]["properties"]["security-severity"] == "5.5");
  CHECK(rules[1]["properties"]["precision"] == "high");  // "bogus" is not a SARIF precision
  CHECK(rules[1]["properties"]["tags"] == json({"iac", "security"}));
  CHECK(rules[2]["defaultConfiguration"]["level"] == "note");
  CHECK_FALSE(rules[2]["properties"].contains("security-severity"));  // info: not a security alert
  CHECK(rules[3]["properties"]["security-severity"] == "3.0");
  CHECK(rules[4]["properties"]["security-severity"] == "8.0");
  CHECK(rules[4]["shortDescription"]["text"] == "secret-generic");
}

TEST_CASE("sarif: results point at their rule and location", "[report][sarif]") {
  auto s = sample_report();
  json run = sarif(s.report)["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  for (const auto& r : run["results"]) {
    REQUIRE(r.contains("ruleIndex"));
    CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == r["ruleId"]);
    REQUIRE(r["locations"].size() == 1);
    const json& p = r["locations"][0]["physicalLocation"];
    CHECK(p["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    for (const char* k : {"startLine", "startColumn", "endLine", "endColumn"})
      CHECK(p["region"][k].get<int>() >= 1);
    CHECK(r["partialFingerprints"].contains("clearance/v1"));
  }
  // Results come out sorted by path, whatever the input order.
  CHECK(run["results"][0]["ruleId"] == "secret-generic");
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "Dockerfile");

  const json& bucket = result_with_message(run, "aws_s3_bucket.logs");
  CHECK(bucket["level"] == "error");
  CHECK_FALSE(bucket.contains("kind"));
  CHECK(bucket["message"]["text"] == "aws_s3_bucket.logs is not encrypted");
  const json& p = bucket["locations"][0]["physicalLocation"];
  CHECK(p["artifactLocation"]["uri"] == "infra/main.tf");
  CHECK(p["region"] ==
        json({{"startLine", 3}, {"startColumn", 1}, {"endLine", 3}, {"endColumn", 30}}));
  CHECK(p["contextRegion"]["snippet"]["text"] == "resource \"aws_s3_bucket\" \"logs\" {");
  CHECK(p["contextRegion"]["startLine"] == 3);
  CHECK(bucket["partialFingerprints"]["clearance/v1"] == "fp-bucket");
  CHECK(bucket["properties"]["subject"] == "aws_s3_bucket.logs");
  REQUIRE(bucket["relatedLocations"].size() == 1);
  CHECK(bucket["relatedLocations"][0]["id"] == 1);
  CHECK(bucket["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "modules/store/main.tf");

  CHECK(result_with_message(run, "odd path")["level"] == "note");
  CHECK(result_with_message(
            run, "odd path")["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "dir%20with%20space/na%C3%AFve%20%C3%BC.tf");
  const json& secret = result_with_message(run, "clear");
  CHECK(secret["level"] == "error");
  CHECK(secret["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/.env");
  // Invalid UTF-8 from the scanned file is replaced, not fatal.
  CHECK(secret["message"]["text"] == "secret in \xEF\xBF\xBD clear");
}

TEST_CASE("sarif: undetermined findings ask for review", "[report][sarif]") {
  auto s = sample_report();
  json run = sarif(s.report)["runs"][0];
  const json& r = result_with_message(run, "USER may be root");
  CHECK(r["kind"] == "review");
  CHECK(r["level"] == "none");
  CHECK(r["message"]["text"] == "Undetermined: USER may be root (unresolved: var.user)");
  CHECK(r["properties"]["verdict"] == "undetermined");
  CHECK(r["properties"]["unresolvedExpression"] == "var.user");
}

TEST_CASE("sarif: suppressed findings keep their suppressions and line 0 is clamped",
          "[report][sarif]") {
  auto s = sample_report();
  json run = sarif(s.report)["runs"][0];
  const json& r = result_with_message(run, "container runs as root");
  REQUIRE(r["suppressions"].size() == 2);
  CHECK(
      r["suppressions"][0] ==
      json({{"kind", "inSource"}, {"status", "accepted"}, {"justification", "build image only"}}));
  CHECK(r["suppressions"][1] == json({{"kind", "external"}, {"status", "accepted"}}));
  CHECK(r["locations"][0]["physicalLocation"]["region"] ==
        json({{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 1}}));
}

TEST_CASE("sarif: primaryLocationLineHash numbers identical lines like GitHub", "[report][sarif]") {
  auto s = sample_report();
  json run = sarif(s.report)["runs"][0];
  std::regex shape("[0-9a-f]{16}:[1-9][0-9]*");
  for (const auto& r : run["results"])
    CHECK(std::regex_match(r["partialFingerprints"]["primaryLocationLineHash"].get<std::string>(),
                           shape));
  std::string first =
      result_with_message(run, "first")["partialFingerprints"]["primaryLocationLineHash"];
  std::string same =
      result_with_message(run, "same line")["partialFingerprints"]["primaryLocationLineHash"];
  std::string second =
      result_with_message(run, "second")["partialFingerprints"]["primaryLocationLineHash"];
  CHECK(first.ends_with(":1"));
  CHECK(same == first);                                // same line, same hash and index
  CHECK(second.substr(0, 16) == first.substr(0, 16));  // whitespace does not count
  CHECK(second.ends_with(":2"));
}

TEST_CASE("sarif: fingerprints survive line shifts", "[report][sarif]") {
  auto s = sample_report();
  json before = result_with_message(sarif(s.report)["runs"][0], "aws_s3_bucket.logs");
  for (auto& f : s.report.findings) {
    f.location.range.begin.line += 5;
    f.location.range.end.line += 5;
  }
  json after = result_with_message(sarif(s.report)["runs"][0], "aws_s3_bucket.logs");
  CHECK(after["locations"][0]["physicalLocation"]["region"]["startLine"] == 8);
  CHECK(after["partialFingerprints"] == before["partialFingerprints"]);
}

TEST_CASE("sarif: notifications become tool execution notifications", "[report][sarif]") {
  auto s = sample_report();
  json inv = sarif(s.report)["runs"][0]["invocations"];
  REQUIRE(inv.size() == 1);
  CHECK(inv[0]["executionSuccessful"] == true);
  const json& notes = inv[0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 3);
  CHECK(notes[0]["level"] == "note");  // no path sorts first
  CHECK_FALSE(notes[0].contains("locations"));
  CHECK(notes[1]["level"] == "error");
  CHECK(notes[1]["message"]["text"] == "syntax error: unexpected '}'");
  CHECK(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.tf");
  CHECK(notes[1]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 2);
  CHECK(notes[2]["level"] == "warning");
}

TEST_CASE("sarif: output is byte-identical whatever the input order", "[report][sarif]") {
  auto s = sample_report();
  std::string a = sarif_text(s.report);
  CHECK(sarif_text(s.report) == a);
  std::reverse(s.report.findings.begin(), s.report.findings.end());
  std::reverse(s.report.notifications.begin(), s.report.notifications.end());
  CHECK(sarif_text(s.report) == a);
}

TEST_CASE("sarif: an empty report is still a complete log", "[report][sarif]") {
  Report empty;
  json log = sarif(empty);
  CHECK(log["runs"][0]["results"].empty());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].empty());
  CHECK_FALSE(log["runs"][0].contains("originalUriBaseIds"));  // no root, no base
  CHECK(log["runs"][0]["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("sarif: artifact URIs are relative and encoded", "[report][sarif]") {
  CHECK(artifact_uri("a/b.tf", "/r") == "a/b.tf");
  CHECK(artifact_uri("./a/./b.tf", "/r") == "a/b.tf");
  CHECK(artifact_uri("a\\b c.tf", "/r") == "a%5Cb%20c.tf");  // a backslash is a name character
  CHECK(artifact_uri("/r/x/y.tf", "/r") == "x/y.tf");
  CHECK(artifact_uri("/r/x/y.tf", "/r/") == "x/y.tf");
  CHECK(artifact_uri("/elsewhere/y.tf", "/r") == "../elsewhere/y.tf");
  CHECK(artifact_uri("/abs/y.tf", "") == "abs/y.tf");
  CHECK(artifact_uri("c:/x.tf", "") == "c%3A/x.tf");  // never reads as a scheme
  CHECK(artifact_uri("", "/r") == "unknown");
  CHECK(artifact_uri("50%#?.tf", "/r") == "50%25%23%3F.tf");
  CHECK(root_file_uri("/a b/ü") == "file:///a%20b/%C3%BC/");
  CHECK(root_file_uri("relative") == "");
}

TEST_CASE("sarif: rule tags are unique and capped at 20 and keep security", "[report][sarif]") {
  Rule r;
  r.id = "many-tags";
  r.tags = {"security", "a", "a"};
  for (int i = 0; i < 30; ++i) r.tags.push_back("t" + std::to_string(i));
  json tags = json::parse(sarif_rule(r).dump())["properties"]["tags"];
  REQUIRE(tags.size() == 20);
  CHECK(tags[0] == "a");
  CHECK(tags[1] == "t0");
  CHECK(tags[19] == "security");
  CHECK(std::count(tags.begin(), tags.end(), "security") == 1);
}

TEST_CASE("visible text shows bidirectional controls instead of obeying them", "[report]") {
  CHECK(clearance::visible_text("x\xE2\x80\xAEgnp.tf") == "x<U+202E>gnp.tf");
  CHECK(clearance::visible_text("a\xE2\x81\xA6" "b\xD8\x9C" "c") == "a<U+2066>b<U+061C>c");
  CHECK(clearance::visible_text("caf\xC3\xA9 \xE2\x80\x94 ok") == "caf\xC3\xA9 \xE2\x80\x94 ok");
}

TEST_CASE("sarif: past 25,000 results the most severe are kept, with a note", "[report][sarif]") {
  auto s = sample_report();
  Report& r = s.report;
  r.findings.clear();
  for (uint32_t i = 0; i < 26000; ++i) {
    Severity sev = i % 2 ? Severity::Low : Severity::Critical;
    r.findings.push_back(testing::make_finding(sev == Severity::Low ? "low-rule" : "aws-s3-encryption", sev,
                                               testing::loc("f" + std::to_string(i) + ".tf", 1, 1, 1, 2),
                                               "m", "", "fp" + std::to_string(i)));
  }
  json run = sarif(r)["runs"][0];
  REQUIRE(run["results"].size() == 25000);
  size_t critical = 0;
  for (const auto& x : run["results"]) critical += x["ruleId"] == "aws-s3-encryption";
  CHECK(critical == 13000);  // every critical one is kept; the low ones fill the rest
  bool noted = false;
  for (const auto& n : run["invocations"][0]["toolExecutionNotifications"])
    noted = noted || n["message"]["text"].get<std::string>().starts_with("1000 results left out");
  CHECK(noted);
}
