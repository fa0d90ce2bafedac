// The suppress step: inline and configured suppressions, reports about broken ones, and the
// baseline's matching (fingerprint first, then content for moved files).
#include "suppress/suppress.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "engine/fingerprint.h"
#include "parse/parse.h"
#include "suppress/baseline.h"

namespace clearance {
namespace {

Finding finding(std::string rule, std::string path, uint32_t line, std::string subject = "s") {
  Finding f;
  f.rule_id = std::move(rule);
  f.location.path = std::move(path);
  f.location.range.begin = {line, 1};
  f.subject = std::move(subject);
  f.message = "m";
  f.fingerprint = finding_fingerprint(f);
  return f;
}

Workspace workspace(std::string path, std::string source) {
  Workspace ws;
  Document doc;
  doc.path = std::move(path);
  doc.source = std::move(source);
  doc.format = classify(doc.path, doc.source);
  parse_document(doc);
  ws.documents.push_back(std::move(doc));
  return ws;
}

struct Fixture {
  Rule meta;
  SuppressSettings settings;
  Fixture() {
    meta.id = kSuppressionRuleId;
    meta.severity = Severity::Medium;
    settings.today = 20250101;
    settings.problem_rule = &meta;
    settings.rules_known = {"a", "b", kSuppressionRuleId};
    settings.rules_run = settings.rules_known;
  }
};

size_t problems(const std::vector<Finding>& fs, const std::string& text) {
  size_t n = 0;
  for (const auto& f : fs)
    if (f.rule_id == kSuppressionRuleId && f.message.find(text) != std::string::npos) ++n;
  return n;
}

TEST_CASE("inline suppressions mark findings and keep them", "[suppress]") {
  Fixture fx;
  Workspace ws = workspace(".env", "# clearance:ignore a known and accepted\nA=1\nB=2\n");
  std::vector<Finding> fs = {finding("a", ".env", 2), finding("b", ".env", 2),
                             finding("a", ".env", 3)};
  SuppressStats st = apply_suppressions(ws, fs, fx.settings);
  REQUIRE(fs.size() == 3);  // nothing dropped, no problem reported
  CHECK(st.inline_suppressed == 1);
  CHECK(fs[0].rule_id == "a");
  REQUIRE(fs[0].suppressions.size() == 1);
  CHECK(fs[0].suppressions[0].kind == Suppression::Kind::InSource);
  CHECK(fs[0].suppressions[0].justification == "known and accepted");
  CHECK(fs[1].suppressions.empty());  // another rule on the same line
  CHECK(fs[2].suppressions.empty());  // another line
}

TEST_CASE("broken suppressions are findings of clearance-suppression", "[suppress]") {
  Fixture fx;
  Workspace ws = workspace(".env",
                           "# clearance:ignore a\n"  // no reason (but applies)
                           "A=1\n"
                           "# clearance:ignore b until=2024-12-31 old\n"  // expired: does not apply
                           "B=2\n"
                           "# clearance:ignore a nothing here\n"  // unused
                           "C=3\n"
                           "# clearance:ignore zzz typo\n"  // unknown rule
                           "D=4\n");
  std::vector<Finding> fs = {finding("a", ".env", 2), finding("b", ".env", 4)};
  SuppressStats st = apply_suppressions(ws, fs, fx.settings);
  CHECK(st.problems == 4);
  CHECK(problems(fs, "gives no reason") == 1);
  CHECK(problems(fs, "expired on 2024-12-31") == 1);
  CHECK(problems(fs, "suppresses nothing") == 1);
  CHECK(problems(fs, "unknown rule 'zzz'") == 1);
  for (const auto& f : fs) {
    if (f.rule_id == "a") CHECK(f.suppressions.size() == 1);
    if (f.rule_id == "b") CHECK(f.suppressions.empty());
    if (f.rule_id == kSuppressionRuleId) {
      CHECK(f.severity == Severity::Medium);
      CHECK_FALSE(f.fingerprint.empty());
      CHECK(f.snippet.rfind("# clearance:ignore", 0) == 0);
    }
  }
  // Sorted again: path, line.
  for (size_t i = 1; i < fs.size(); ++i)
    CHECK(fs[i - 1].location.range.begin.line <= fs[i].location.range.begin.line);

  // A rule that did not run cannot be judged unused; a disabled meta rule reports nothing.
  std::vector<Finding> again = {finding("a", ".env", 2), finding("b", ".env", 4)};
  fx.settings.rules_run = {"b"};
  fx.settings.problem_rule = nullptr;
  CHECK(apply_suppressions(ws, again, fx.settings).problems == 0);
  CHECK(again.size() == 2);
}

TEST_CASE("configured suppressions match rule and path globs", "[suppress]") {
  Fixture fx;
  Workspace ws = workspace("x.tf", "");
  ExternalSuppression e;
  e.rule = "a";
  e.paths = {"legacy/*.json", "vendor"};
  e.reason = "legacy";
  e.origin = {".clearance.yml", {{4, 1}, {4, 1}}};
  fx.settings.external = {e};
  std::vector<Finding> fs = {finding("a", "legacy/t.json", 1), finding("a", "vendor/deep/x.tf", 1),
                             finding("a", "legacy/sub/t.json", 1),
                             finding("b", "legacy/t.json", 1)};
  SuppressStats st = apply_suppressions(ws, fs, fx.settings);
  CHECK(st.external_suppressed == 2);
  for (const auto& f : fs) {
    bool expected = f.rule_id == "a" && f.location.path != "legacy/sub/t.json";
    CHECK(f.suppressions.empty() == !expected);
    if (expected) CHECK(f.suppressions[0].kind == Suppression::Kind::External);
  }
  // Expired: applies no more, reported at the configuration's line.
  fx.settings.external[0].until = 20240101;
  fx.settings.external[0].until_text = "2024-01-01";
  std::vector<Finding> later = {finding("a", "legacy/t.json", 1)};
  apply_suppressions(ws, later, fx.settings);
  REQUIRE(later.size() == 2);
  CHECK(later[0].location.path == ".clearance.yml");
  CHECK(later[0].location.range.begin.line == 4);
  CHECK(later[1].suppressions.empty());
}

TEST_CASE("baseline: stable text, survives moves, counts duplicates", "[suppress]") {
  std::vector<Finding> fs = {finding("b", "z.tf", 9, "x"), finding("a", "m/a.tf", 3, "y"),
                             finding("a", "m/a.tf", 30, "y")};
  Baseline b = baseline_from_findings(fs);
  std::ostringstream one, two;
  write_baseline(b, one);
  std::reverse(fs.begin(), fs.end());
  write_baseline(baseline_from_findings(fs), two);
  CHECK(one.str() == two.str());
  CHECK(one.str().find("\"path\":\"m/a.tf\"") < one.str().find("\"path\":\"z.tf\""));
  std::string error;
  auto parsed = parse_baseline(one.str(), error);
  REQUIRE(parsed);
  CHECK(parsed->entries == b.entries);

  // Moved file, shifted lines, a third occurrence: two of three match, the new one stays.
  std::vector<Finding> now = {finding("a", "n/a.tf", 5, "y"), finding("a", "n/a.tf", 50, "y"),
                              finding("a", "n/a.tf", 70, "y"), finding("b", "z.tf", 1, "x"),
                              finding("b", "z.tf", 2, "new")};
  CHECK(apply_baseline(*parsed, now, "in baseline b.json") == 3);
  size_t open = 0;
  for (const auto& f : now) open += f.suppressions.empty() ? 1 : 0;
  CHECK(open == 2);
  CHECK(now[0].suppressions[0].justification == "in baseline b.json");

  CHECK_FALSE(parse_baseline("{\"version\": 7, \"findings\": []}", error));
  CHECK_FALSE(parse_baseline("not json", error));
  CHECK_FALSE(parse_baseline("{\"version\": 1, \"findings\": [{}]}", error));
}

}  // namespace
}  // namespace clearance
