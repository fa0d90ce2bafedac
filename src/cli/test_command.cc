// The fixture runner. For each rule: load its fixture folder, blank the annotations, run that
// rule alone, and compare. Fails on a missing expected finding, on any finding no annotation
// expects, and on a rule without both a firing and a non-firing case.
#include "cli/test_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/fixture_annotations.h"
#include "cli/pipeline.h"
#include "discover/load.h"
#include "engine/engine.h"
#include "suppress/inline_scan.h"
#include "suppress/suppress.h"

namespace clearance {

namespace fs = std::filesystem;

namespace {

fs::path fixture_dir_for(const Rule& rule, const fs::path& fixtures) {
  std::string format_dir = fs::path(rule.source).parent_path().filename().string();
  for (const fs::path& p : {fixtures / format_dir / rule.id, fixtures / rule.id}) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) return p;
  }
  return {};
}

struct RuleResult {
  bool ok = true;
  std::vector<std::string> problems;
};

/// Runs the suppress step as a scan would. The `clearance-suppression` rule judges
/// suppressions of other rules, so its fixtures run every rule and keep only its findings.
void suppress_like_a_scan(const Rule& rule, const RuleSet& all, const Workspace& ws, EngineResult& result) {
  SuppressSettings settings;
  settings.today = today_yyyymmdd();
  for (const auto& r : all.rules()) settings.rules_known.insert(r.id);
  if (rule.id == kSuppressionRuleId) {
    result = run_rules(all, ws);
    settings.rules_run = settings.rules_known;
    settings.problem_rule = &rule;
  } else {
    settings.rules_run.insert(rule.id);
  }
  apply_suppressions(ws, result.findings, settings);
  std::erase_if(result.findings, [&](const Finding& f) { return f.rule_id != rule.id || !f.suppressions.empty(); });
}

RuleResult test_rule(const Rule& rule, const RuleSet& all, const fs::path& dir, bool verbose) {
  RuleResult res;
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<Expectation> expectations;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    SourceFile sf;
    sf.disk_path = it->path().string();
    sf.path = fs::relative(it->path(), dir).generic_string();
    LoadResult loaded = read_source(sf, {});
    if (!loaded.ok()) continue;
    for (auto& e : take_annotations(sf.path, loaded.bytes))
      if (e.rule_id == rule.id) expectations.push_back(std::move(e));
    files.emplace_back(sf.path, std::move(loaded.bytes));
  }
  RuleSet one;
  std::vector<RuleError> errors;
  one.add(rule, errors);
  // A deployment-level rule judges a whole scan at once, so each top folder of its fixtures
  // is a scan of its own; other rules see the fixture folder as one scan.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> scans;
  for (auto& file : files) {
    std::string key;
    if (rule.target.scope == Target::Scope::Deployment) key = file.first.substr(0, file.first.find('/'));
    scans[key].push_back(std::move(file));
  }
  std::vector<Workspace> workspaces;
  EngineResult result;
  for (auto& [key, scan_files] : scans) {
    Workspace& ws = workspaces.emplace_back(workspace_from_sources(fs::absolute(dir).string(), std::move(scan_files), 1));
    EngineResult part = run_rules(one, ws);
    suppress_like_a_scan(rule, all, ws, part);
    for (auto& f : part.findings) result.findings.push_back(std::move(f));
  }

  auto problem = [&](std::string msg) {
    res.ok = false;
    res.problems.push_back(std::move(msg));
  };
  bool has_fire = false, has_ok = false;
  for (const auto& e : expectations) {
    if (e.line == 0) problem(e.path + ":" + std::to_string(e.annotation_line) + ": annotation with no line after it");
    if (e.kind == Expectation::Kind::NoFire) has_ok = true;
    else has_fire = true;
  }
  if (!has_fire) problem("no '# expect: " + rule.id + "' case in " + dir.string());
  if (!has_ok) problem("no '# ok: " + rule.id + "' case in " + dir.string());

  std::vector<bool> used(result.findings.size(), false);
  for (const auto& e : expectations) {
    bool want_undet = e.kind == Expectation::Kind::Undetermined;
    bool found = false;
    for (size_t i = 0; i < result.findings.size(); ++i) {
      const Finding& f = result.findings[i];
      if (f.location.path != e.path || f.location.range.begin.line != e.line) continue;
      if (e.kind == Expectation::Kind::NoFire) {
        problem(e.path + ":" + std::to_string(e.line) + ": expected no finding, got: " + f.message);
        used[i] = true;
        continue;
      }
      if ((f.verdict == Verdict::Undetermined) != want_undet) continue;
      found = true;
      used[i] = true;
    }
    if (e.kind != Expectation::Kind::NoFire && !found)
      problem(e.path + ":" + std::to_string(e.line) + ": expected " +
              (want_undet ? "an undetermined result" : "a finding") + ", got none");
  }
  for (size_t i = 0; i < result.findings.size(); ++i) {
    if (used[i]) continue;
    const Finding& f = result.findings[i];
    problem(f.location.path + ":" + std::to_string(f.location.range.begin.line) + ": unexpected " +
            (f.verdict == Verdict::Undetermined ? "undetermined result" : "finding") + ": " + f.message);
  }
  if (verbose || !res.ok) {
    for (const auto& ws : workspaces)
    for (const auto& doc : ws.documents)
      for (const auto& d : doc.diagnostics)
        res.problems.push_back("  note: " + d.location.path + ":" + std::to_string(d.location.range.begin.line) +
                               ": " + d.message);
  }
  return res;
}

}  // namespace

int run_fixture_tests(const TestSettings& s) {
  RuleSet rules;
  std::vector<RuleError> errors;
  if (s.rules_dir.empty()) rules = RuleSet::embedded(errors);
  else rules.load_directory(s.rules_dir, errors);
  for (const auto& e : errors) std::cerr << "clearance: rule " << e.source << ": " << e.message << "\n";
  if (!errors.empty()) return 2;
  fs::path fixtures = s.fixtures_dir.empty() ? fs::path("fixtures") : fs::path(s.fixtures_dir);

  size_t passed = 0, failed = 0;
  std::vector<const Rule*> sorted;
  for (const auto& r : rules.rules())
    if (s.only.empty() || r.id == s.only) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
  if (sorted.empty()) {
    std::cerr << "clearance: no rules to test\n";
    return 2;
  }
  for (const Rule* rule : sorted) {
    fs::path dir = fixture_dir_for(*rule, fixtures);
    RuleResult res;
    if (dir.empty()) {
      res.ok = false;
      res.problems.push_back("no fixture folder (expected " + (fixtures / "<format>" / rule->id).string() + ")");
    } else {
      res = test_rule(*rule, rules, dir, s.verbose);
    }
    std::cout << (res.ok ? "ok     " : "FAILED ") << rule->id << "\n";
    for (const auto& p : res.problems) std::cout << "    " << p << "\n";
    (res.ok ? passed : failed)++;
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace clearance
