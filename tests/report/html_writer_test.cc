// The HTML format on the shared sample report: escaping of hostile text, no way to fetch or
// run anything, every section present with the right findings in it, and byte-identical output.
#include "report/html_writer.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "report/format.h"
#include "sample_report.h"

namespace clearance {
namespace {

std::string html_of(const Report& r, Severity threshold = Severity::Low) {
  std::ostringstream out;
  write_html(r, out, threshold);
  return out.str();
}

/// The text between `begin` and the next `end` after it ("" when `begin` is absent).
std::string between(const std::string& s, const std::string& begin, const std::string& end) {
  size_t b = s.find(begin);
  if (b == std::string::npos) return "";
  size_t e = s.find(end, b);
  return s.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

TEST_CASE("html: hostile messages and snippets are escaped", "[html]") {
  auto s = testing::sample_report();
  Finding evil = testing::make_finding(
      "docker-user", Severity::High, testing::loc("a<b>.tf", 5, 1, 5, 2),
      "<script>alert(\"x\")</script> & 'quoted'", "x = \"</pre><img src=x onerror=1>\"", "fp-evil");
  s.report.findings.push_back(evil);
  std::string html = html_of(s.report);
  CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;") !=
        std::string::npos);
  CHECK(html.find("x = &quot;&lt;/pre&gt;&lt;img src=x onerror=1&gt;&quot;") != std::string::npos);
  CHECK(html.find("a&lt;b&gt;.tf:5") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  // Invalid UTF-8 in the sample's secret message becomes a replacement character.
  CHECK(html.find("secret in \xEF\xBF\xBD clear") != std::string::npos);
  CHECK(html.find('\xff') == std::string::npos);
}

TEST_CASE("html: nothing that could fetch or run", "[html]") {
  auto s = testing::sample_report();
  std::string html = html_of(s.report);
  // The sample's rules carry an https reference and an information URI: neither is printed.
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
}

TEST_CASE("html: sections hold the right findings", "[html]") {
  auto s = testing::sample_report();
  std::string html = html_of(s.report);
  for (const char* id : {"id=\"summary\"", "id=\"findings\"", "id=\"undetermined\"",
                         "id=\"suppressed\"", "id=\"notifications\""})
    CHECK(html.find(id) != std::string::npos);

  std::string findings = between(html, "id=\"findings\"", "id=\"undetermined\"");
  std::string undetermined = between(html, "id=\"undetermined\"", "id=\"suppressed\"");
  std::string suppressed = between(html, "id=\"suppressed\"", "id=\"notifications\"");
  std::string notes = between(html, "id=\"notifications\"", "</section>");

  // Critical before info, with file:line, rule title and snippet.
  size_t critical = findings.find("id=\"severity-critical\"");
  size_t info = findings.find("id=\"severity-info\"");
  REQUIRE(critical != std::string::npos);
  REQUIRE(info != std::string::npos);
  CHECK(critical < info);
  CHECK(findings.find("infra/main.tf:3") != std::string::npos);
  CHECK(findings.find("S3 buckets are encrypted at rest") != std::string::npos);
  CHECK(findings.find("resource &quot;aws_s3_bucket&quot; &quot;logs&quot; {") !=
        std::string::npos);
  CHECK(findings.find("modules/store/main.tf:10") != std::string::npos);
  CHECK(findings.find("TOKEN=ab…yz (40 chars)") != std::string::npos);
  CHECK(findings.find("USER may be root") == std::string::npos);
  CHECK(findings.find("container runs as root") == std::string::npos);

  CHECK(undetermined.find("USER may be root") != std::string::npos);
  CHECK(undetermined.find("<code>var.user</code>") != std::string::npos);
  CHECK(suppressed.find("container runs as root") != std::string::npos);
  CHECK(suppressed.find("build image only") != std::string::npos);
  CHECK(suppressed.find("Dockerfile:1") != std::string::npos);  // line 0 shown as 1

  CHECK(notes.find("syntax error: unexpected &#39;}&#39;") != std::string::npos);
  CHECK(notes.find("broken.tf:4") != std::string::npos);
  CHECK(notes.find("no files matched in vendor/") != std::string::npos);

  // Summary counts: 1 critical, 1 undetermined, 1 suppressed.
  std::string summary = between(html, "id=\"summary\"", "</table>");
  CHECK(summary.find("<td>critical</td><td class=\"n\">1</td>") != std::string::npos);
  CHECK(summary.find("<td>undetermined</td><td class=\"n\">1</td>") != std::string::npos);
  CHECK(summary.find("<td>suppressed</td><td class=\"n\">1</td>") != std::string::npos);
}

TEST_CASE("html: deterministic and reachable through --format", "[html]") {
  auto a = testing::sample_report();
  auto b = testing::sample_report();
  std::reverse(b.report.findings.begin(), b.report.findings.end());
  std::reverse(b.report.notifications.begin(), b.report.notifications.end());
  b.report.stats.seconds = 99;  // timing must not show
  CHECK(html_of(a.report) == html_of(b.report));

  REQUIRE(output_format_from_name("html") == OutputFormat::Html);
  std::ostringstream via_table;
  write_report(OutputFormat::Html, a.report, via_table, WriteOptions{});
  CHECK(via_table.str() == html_of(a.report));
}

TEST_CASE("html: empty report and chart scale", "[html]") {
  Report empty;
  std::string html = html_of(empty);
  CHECK(html.find("No findings.") != std::string::npos);
  CHECK(html.find("</html>") != std::string::npos);

  std::ostringstream chart;
  write_html_bar_chart(chart, {{"big", 10, "sev-high"}, {"small", 1, "sev-low"}, {"none", 0, "x"}},
                       "c");
  std::string svg = chart.str();
  CHECK(svg.find("width=\"420\"") != std::string::npos);  // the largest bar fills the width
  CHECK(svg.find("width=\"42\"") != std::string::npos);
  CHECK(svg.find("width=\"0\"") != std::string::npos);
}

}  // namespace
}  // namespace clearance
