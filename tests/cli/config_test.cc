// .clearance.yml: reading (errors with file, line and valid choices) and applying it to the
// rules (selection, severity, parameters that really change what the rule decides).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/config_apply.h"
#include "cli/config_file.h"
#include "cli/pipeline.h"
#include "engine/engine.h"

namespace clearance {
namespace {

bool contains(const std::vector<std::string>& errors, const std::string& text) {
  for (const auto& e : errors)
    if (e.find(text) != std::string::npos) return true;
  return false;
}

TEST_CASE("config: every section is read", "[config]") {
  Config c;
  std::vector<std::string> errors;
  REQUIRE(
      parse_config("version: 1\n"
                   "rules:\n"
                   "  aws-rds-backup-retention: {params: {min_days: 14}, severity: critical}\n"
                   "  aws-rds-multi-az: false\n"
                   "tags: {enable: [aws], disable: cost}\n"
                   "exclude: [\"vendor/**\"]\n"
                   "production_env_files: \"deploy/*.env\"\n"
                   "rules_dirs: [policies]\n"
                   "ignore:\n"
                   "  - rule: ecs-no-privileged\n"
                   "    paths: [\"legacy/*.json\"]\n"
                   "    reason: agent\n"
                   "    until: 2030-01-01\n"
                   "severity_threshold: high\n",
                   "/repo/.clearance.yml", c, errors));
  CHECK(errors.empty());
  CHECK(c.rules.at("aws-rds-backup-retention").params.at("min_days").as_number() == 14);
  CHECK(c.rules.at("aws-rds-backup-retention").severity == Severity::Critical);
  CHECK(c.rules.at("aws-rds-multi-az").enabled == false);
  CHECK(c.enable_tags.size() == 1);
  CHECK(c.disable_tags.at(0).first == "cost");
  CHECK(c.exclude == std::vector<std::string>{"vendor/**"});
  CHECK(c.production_env_files == std::vector<std::string>{"deploy/*.env"});
  CHECK(c.rules_dirs == std::vector<std::string>{"/repo/policies"});
  REQUIRE(c.ignore.size() == 1);
  CHECK(c.ignore[0].until == 20300101);
  CHECK(c.ignore[0].origin.range.begin.line == 10);
  CHECK(c.severity_threshold == Severity::High);
}

TEST_CASE("config: errors name the file, the line and the valid choices", "[config]") {
  Config c;
  std::vector<std::string> errors;
  CHECK_FALSE(
      parse_config("rules:\n"
                   "  x: {enabeld: true}\n"
                   "  y: {severity: huge}\n"
                   "tags: {only: [a]}\n"
                   "ignore:\n"
                   "  - rule: x\n"
                   "    until: soon\n"
                   "verbose: true\n",
                   "cfg.yml", c, errors));
  CHECK(contains(errors,
                 "cfg.yml:2: unknown key 'enabeld' in rules.x (valid: enabled, severity, params)"));
  CHECK(contains(errors,
                 "cfg.yml:3: unknown severity 'huge' (valid: info, low, medium, high, critical)"));
  CHECK(contains(errors, "cfg.yml:4: unknown key 'only' in tags (valid: enable, disable)"));
  CHECK(contains(errors, "cfg.yml:7: until must be a date written YYYY-MM-DD, got 'soon'"));
  CHECK(contains(errors, "cfg.yml:6: an ignore entry needs `reason:`"));
  CHECK(contains(errors, "cfg.yml:8: unknown key 'verbose' (valid: version, rules, tags,"));
  errors.clear();
  CHECK_FALSE(parse_config("rules: [\n", "broken.yml", c, errors));
  CHECK(contains(errors, "broken.yml:"));
  CHECK(contains(errors, "not valid YAML"));
}

TEST_CASE("config: found upward from the scan root", "[config]") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / "clearance-config-test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  auto none = find_config((root / "a" / "b").string());
  CHECK_FALSE((none && none->find(root.string()) == 0));
  std::ofstream(root / "a" / ".clearance.yml") << "rules: {}\n";
  auto found = find_config((root / "a" / "b").string());
  REQUIRE(found);
  CHECK(*found == (root / "a" / ".clearance.yml").string());
  fs::remove_all(root);
}

TEST_CASE("config: applying checks names and changes what rules decide", "[config]") {
  std::vector<RuleError> rule_errors;
  RuleSet rules = RuleSet::embedded(rule_errors);
  REQUIRE(rule_errors.empty());
  auto evaluate = [&](const RuleSet& set) {
    Workspace ws = workspace_from_sources(
        "/tmp",
        {{"db.tf", "resource \"aws_db_instance\" \"db\" {\n  backup_retention_period = 7\n}\n"}},
        1);
    std::vector<std::string> ids;
    for (const auto& f : run_rules(set, ws).findings)
      ids.push_back(f.rule_id + "/" + std::string(severity_name(f.severity)));
    return ids;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  CHECK(has(evaluate(rules), "aws-rds-backup-retention/high"));
  CHECK(has(evaluate(rules), "aws-rds-multi-az/medium"));

  Config c;
  c.path = "c.yml";
  std::vector<std::string> errors;
  REQUIRE(
      parse_config("rules:\n  aws-rds-backup-retention: {params: {min_days: 5}}\n  "
                   "aws-rds-multi-az: {severity: low}\n"
                   "  aws-rds-log-exports: {enabled: false}\n",
                   "c.yml", c, errors));
  RuleSet changed = rules;
  REQUIRE(apply_config(c, {}, changed, errors));
  auto after = evaluate(changed);
  CHECK_FALSE(has(after, "aws-rds-backup-retention/high"));  // 7 days >= 5
  CHECK(has(after, "aws-rds-multi-az/low"));
  CHECK_FALSE(changed.find("aws-rds-log-exports"));

  Config tags;
  REQUIRE(parse_config("tags: {enable: [secret]}\n", "t.yml", tags, errors));
  RuleSet only = rules;
  REQUIRE(apply_config(tags, {}, only, errors));
  REQUIRE_FALSE(only.rules().empty());
  for (const auto& r : only.rules())
    CHECK(std::find(r.tags.begin(), r.tags.end(), "secret") != r.tags.end());

  Config bad;
  REQUIRE(
      parse_config("rules:\n  aws-rds-backup-retention: {params: {min_dayz: 5, }}\n  "
                   "aws-rds-multi-az: {params: {x: 1}}\n"
                   "  aws-s3-versionning: false\ntags: {disable: [nope]}\n",
                   "b.yml", bad, errors));
  RuleSet copy = rules;
  CHECK_FALSE(apply_config(bad, {"nope2"}, copy, errors));
  CHECK(contains(
      errors,
      "b.yml:2: rule 'aws-rds-backup-retention' has no parameter 'min_dayz' (valid: min_days)"));
  CHECK(contains(errors, "b.yml:3: rule 'aws-rds-multi-az' has no parameter 'x' (it takes none)"));
  CHECK(contains(errors,
                 "b.yml:4: unknown rule 'aws-s3-versionning' (did you mean 'aws-s3-versioning'?)"));
  CHECK(contains(errors, "b.yml:5: unknown tag 'nope' (valid: "));
  CHECK(contains(errors, "--tags: unknown tag 'nope2'"));
}

TEST_CASE("config: deployment rules are judged once per scan, or per module when asked", "[config]") {
  std::vector<RuleError> rule_errors;
  RuleSet rules = RuleSet::embedded(rule_errors);
  REQUIRE(rule_errors.empty());
  const std::string provider = "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n";
  const std::string trail =
      "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n  s3_bucket_name = \"b\"\n"
      "  is_multi_region_trail = true\n  enable_log_file_validation = true\n}\n";
  auto trail_findings = [&](const RuleSet& set, std::vector<std::pair<std::string, std::string>> files) {
    Workspace ws = workspace_from_sources("/tmp", std::move(files), 1);
    std::vector<std::string> paths;
    for (const auto& f : run_rules(set, ws).findings)
      if (f.rule_id == "aws-cloudtrail-enabled") paths.push_back(f.location.path);
    return paths;
  };
  // Two root modules, no trail: one finding, at the shallower one.
  CHECK(trail_findings(rules, {{"main.tf", provider}, {"svc/api/main.tf", provider}}) ==
        std::vector<std::string>{"main.tf"});
  // A trail in another module satisfies the whole scan.
  CHECK(trail_findings(rules, {{"app/main.tf", provider}, {"audit/main.tf", provider + trail}}).empty());

  Config c;
  std::vector<std::string> errors;
  REQUIRE(parse_config("deployment_rules: per-module\n", "c.yml", c, errors));
  RuleSet per_module = rules;
  REQUIRE(apply_config(c, {}, per_module, errors));
  CHECK(trail_findings(per_module, {{"main.tf", provider}, {"svc/api/main.tf", provider}}) ==
        std::vector<std::string>{"main.tf", "svc/api/main.tf"});
  CHECK(trail_findings(per_module, {{"app/main.tf", provider}, {"audit/main.tf", provider + trail}}) ==
        std::vector<std::string>{"app/main.tf"});

  Config bad;
  CHECK_FALSE(parse_config("deployment_rules: sometimes\n", "b.yml", bad, errors));
  CHECK(errors.back().find("once or per-module") != std::string::npos);
}

}  // namespace
}  // namespace clearance
