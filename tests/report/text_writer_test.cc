// Text output: exact lines, grouping by file, colour only when asked, and the summary.
#include "report/text_writer.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "report/format.h"
#include "sample_report.h"

using namespace clearance;
using clearance::testing::sample_report;

namespace {

std::string text(const Report& r, TextOptions o = {}) {
  std::ostringstream out;
  write_text(r, out, o);
  return out.str();
}

}  // namespace

TEST_CASE("text: findings grouped by file then notifications then summary", "[report][text]") {
  auto s = sample_report();
  const std::string expected =
      "/repo/root/app/.env:1:1 high secret-generic secret in \xff clear\n"
      "\n"
      "dir with space/naïve ü.tf:2:1 low low-rule odd path\n"
      "\n"
      "infra/dup.tf:10:1 info info-note first\n"
      "infra/dup.tf:10:1 low low-rule same line\n"
      "infra/dup.tf:12:1 info info-note second\n"
      "\n"
      "infra/main.tf:3:1 critical aws-s3-encryption aws_s3_bucket.logs is not encrypted\n"
      "infra/main.tf:7:5 medium docker-user undetermined: USER may be root (unresolved: var.user)\n"
      "\n"
      "note no files matched in vendor/\n"
      "broken.tf:4:2 error syntax error: unexpected '}'\n"
      "huge.tf:1:1 warning skipped: larger than 10 MiB\n"
      "\n"
      "6 findings (1 critical, 1 high, 2 low, 2 info), 4 at or above low; 1 undetermined; "
      "1 suppressed; 12 files scanned, 1 skipped; 1 parse problem; 0.25s\n";
  CHECK(text(s.report) == expected);
}

TEST_CASE("text: the threshold changes what the summary calls failing", "[report][text]") {
  auto s = sample_report();
  std::string out = text(s.report, {false, Severity::High});
  CHECK(out.find("6 findings (1 critical, 1 high, 2 low, 2 info), 2 at or above high;") !=
        std::string::npos);
}

TEST_CASE("text: colour only when asked", "[report][text]") {
  auto s = sample_report();
  CHECK(text(s.report, {false, Severity::Low}).find('\x1b') == std::string::npos);
  std::string coloured = text(s.report, {true, Severity::Low});
  CHECK(coloured.find("\x1b[1;35mcritical\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1minfra/main.tf\x1b[0m:3:1") != std::string::npos);
  // Through the format table as well.
  std::ostringstream out;
  write_report(OutputFormat::Text, s.report, out, {true, Severity::Low});
  CHECK(out.str() == coloured);
}

TEST_CASE("text: control characters from scanned files are escaped", "[report][text]") {
  Report r;
  Finding f;
  f.rule_id = "x";
  f.location = {"a.tf", {{1, 1}, {1, 2}}};
  f.message = "evil \x1b[2J\nsecond line";
  r.findings.push_back(f);
  std::string out = text(r);
  CHECK(out.find("a.tf:1:1 medium x evil \\x1b[2J second line\n") == 0);
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("text: an empty report prints only the summary", "[report][text]") {
  Report r;
  CHECK(text(r) ==
        "0 findings, 0 at or above low; 0 undetermined; 0 files scanned; 0 parse problems; "
        "0.00s\n");
}

TEST_CASE("text: output is byte-identical across runs and input orders", "[report][text]") {
  auto s = sample_report();
  std::string a = text(s.report, {true, Severity::Low});
  std::reverse(s.report.findings.begin(), s.report.findings.end());
  CHECK(text(s.report, {true, Severity::Low}) == a);
}

TEST_CASE("format: names and dispatch come from one table", "[report]") {
  CHECK(output_format_names().rfind("text, sarif, json", 0) == 0);
  for (OutputFormat f : output_formats()) {
    auto back = output_format_from_name(output_format_name(f));
    REQUIRE(back);
    CHECK(*back == f);
    auto s = sample_report();
    std::ostringstream out;
    write_report(f, s.report, out, {});
    CHECK_FALSE(out.str().empty());
  }
  CHECK_FALSE(output_format_from_name("xml"));
  CHECK_FALSE(output_format_from_name("SARIF"));
}
