// The CI formats (junit, markdown, gitlab) on the shared sample report: structure, escaping,
// suppressed findings left out or counted, and the same bytes for the same report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "report/format.h"
#include "sample_report.h"

namespace clearance {
namespace {

std::string render(OutputFormat f, const Report& r, Severity threshold = Severity::Low) {
  std::ostringstream out;
  WriteOptions o;
  o.threshold = threshold;
  write_report(f, r, out, o);
  return out.str();
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST_CASE("the CI formats are offered by name", "[report][ci-formats]") {
  CHECK(output_format_from_name("junit") == OutputFormat::Junit);
  CHECK(output_format_from_name("markdown") == OutputFormat::Markdown);
  CHECK(output_format_from_name("gitlab") == OutputFormat::Gitlab);
  CHECK(output_format_names().find("junit, markdown, gitlab") != std::string::npos);
}

TEST_CASE("junit: one case per rule and file, failures at the threshold", "[report][ci-formats]") {
  auto s = testing::sample_report();
  std::string xml = render(OutputFormat::Junit, s.report);
  CHECK(xml.rfind("<?xml", 0) == 0);
  CHECK(count(xml, "<testcase ") == 7);  // (rule, file) pairs of the sample's findings
  CHECK(count(xml, "<testcase classname=\"low-rule\" name=\"infra/dup.tf\"") == 1);
  CHECK(count(xml, "<failure ") ==
        4);  // critical, high, two lows; info below, suppressed, undetermined not
  CHECK(xml.find("(suppressed) container runs as root") != std::string::npos);
  CHECK(xml.find("<testsuites name=\"clearance\" tests=\"7\" failures=\"4\"") != std::string::npos);
  CHECK(count(render(OutputFormat::Junit, s.report, Severity::Critical), "<failure ") == 1);
  CHECK(render(OutputFormat::Junit, s.report) == xml);
}

TEST_CASE("junit: text from files is escaped", "[report][ci-formats]") {
  auto s = testing::sample_report();
  s.report.findings[0].message = "a <b> & \"c\"\x01";
  std::string xml = render(OutputFormat::Junit, s.report);
  CHECK(xml.find("a &lt;b&gt; &amp; &quot;c&quot; ") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("gitlab: code quality issues with unique fingerprints", "[report][ci-formats]") {
  auto s = testing::sample_report();
  s.report.findings.push_back(s.report.findings[0]);  // a repeated fingerprint
  auto issues = nlohmann::json::parse(render(OutputFormat::Gitlab, s.report));
  REQUIRE(issues.is_array());
  CHECK(issues.size() == 8);  // nine findings less the suppressed one
  std::set<std::string> fingerprints;
  for (const auto& i : issues) {
    CHECK(i["description"].is_string());
    CHECK(i["check_name"].is_string());
    CHECK(i["location"]["path"].is_string());
    CHECK(i["location"]["lines"]["begin"].get<int>() >= 1);
    fingerprints.insert(i["fingerprint"].get<std::string>());
    if (i["check_name"] == "aws-s3-encryption") CHECK(i["severity"] == "blocker");
    if (i["check_name"] == "docker-user")
      CHECK(i["description"].get<std::string>().rfind("Undetermined: ", 0) == 0);
  }
  CHECK(fingerprints.size() == issues.size());
}

TEST_CASE("markdown: summary table, groups by severity, folded details", "[report][ci-formats]") {
  auto s = testing::sample_report();
  s.report.findings[0].message = "pipe | and <script>";
  std::string md = render(OutputFormat::Markdown, s.report);
  CHECK(md.rfind("## clearance: 4 findings at or above low", 0) == 0);
  CHECK(md.find("| suppressed | 1 |") != std::string::npos);
  CHECK(md.find("### 🔴 critical (1)") < md.find("### 🟠 high (1)"));
  CHECK(md.find("### 🟠 high (1)") < md.find("### 🔵 low (2)"));
  CHECK(md.find(
            "<details><summary>`aws-s3-encryption`: S3 buckets are encrypted at rest</summary>") !=
        std::string::npos);
  CHECK(md.find("1 undetermined") != std::string::npos);
  CHECK(md.find("pipe \\| and &lt;script&gt;") != std::string::npos);
  CHECK(md.find("container runs as root") == std::string::npos);  // suppressed: counted only
  CHECK(render(OutputFormat::Markdown, s.report) == md);
}

TEST_CASE("markdown: a comment stays within GitHub's 65,536 characters", "[report][ci-formats]") {
  auto s = testing::sample_report();
  Report& r = s.report;
  for (uint32_t i = 0; i < 5000; ++i)
    r.findings.push_back(testing::make_finding("aws-s3-encryption", Severity::Critical,
                                               testing::loc("dir/file" + std::to_string(i) + ".tf", 3, 1, 3, 9),
                                               std::string(60, 'x'), "", "fp" + std::to_string(i)));
  std::string md = render(OutputFormat::Markdown, r);
  CHECK(md.size() <= 65536);
  CHECK(md.find("more rows left out") != std::string::npos);
  CHECK(md.find("## clearance: ") == 0);
}

}  // namespace
}  // namespace clearance
