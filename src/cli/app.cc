// The command line. Each subcommand's options are declared here and handed to the function
// that runs it; configuration meets the libraries only in this folder.
#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/checklist_command.h"
#include "cli/rules_command.h"
#include "cli/scan_command.h"
#include "cli/test_command.h"
#include "report/format.h"

namespace clearance {

namespace {

/// A whole number written with digits only: "-5" or "1e3" is refused (an unsigned option
/// would otherwise wrap a negative value around).
const CLI::Validator kWholeNumber(
    [](std::string& text) {
      bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
      return digits ? std::string() : "expects a whole number, got '" + text + "'";
    },
    "NUMBER");

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"clearance: a static compliance auditor for infrastructure as code", "clearance"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("clearance ") + CLEARANCE_VERSION);

  ScanSettings scan;
  std::string threshold = "low";
  auto* scan_cmd = app.add_subcommand("scan", "Scan files and directories (default: .)");
  scan_cmd->add_option("paths", scan.paths, "Files or directories to scan");
  scan_cmd->add_option("-f,--format", scan.format, "Output format: " + output_format_names())
      ->capture_default_str()
      ->envname("CLEARANCE_FORMAT");
  scan_cmd->add_option("-o,--output", scan.output, "Write the report to this file")->envname("CLEARANCE_OUTPUT");
  scan_cmd->add_option("--severity-threshold", threshold,
                       "Lowest severity that makes the exit code 1: info, low, medium, high, critical, or none (never)")
      ->capture_default_str()
      ->envname("CLEARANCE_SEVERITY_THRESHOLD");
  scan_cmd->add_option("--rules", scan.rule_dirs, "Directory of additional rule YAML files (repeatable)")->allow_extra_args(false);
  scan_cmd->add_flag("--no-color{false}", scan.color, "Never colour the text output (nor when NO_COLOR is set)");
  scan_cmd->add_option("--max-file-size", scan.max_file_size, "Skip (and report) files larger than this many bytes")
      ->capture_default_str()
      ->check(kWholeNumber);
  scan_cmd->add_option("-j,--jobs", scan.jobs, "Parallel workers (default: one per core)")->check(kWholeNumber);
  scan_cmd->add_flag("--staged", scan.staged, "Scan what the next commit would contain (the git index)");
  scan_cmd->add_flag("--git-history", scan.git_history,
                     "Also report secrets added by any commit reachable from HEAD, even if deleted since");
  auto* threshold_opt = scan_cmd->get_option("--severity-threshold");
  scan_cmd->add_option("--config", scan.config, "Configuration file (default: .clearance.yml in the scan root or above)")
      ->envname("CLEARANCE_CONFIG");
  scan_cmd->add_flag("--no-config", scan.no_config, "Read no configuration file");
  scan_cmd->add_option("--tags", scan.tags, "Run only the rules with one of these tags (repeatable, or comma-separated)")
      ->allow_extra_args(false)->delimiter(',');
  scan_cmd->add_option("--baseline", scan.baseline, "Report only findings that are not in this baseline file");
  scan_cmd->add_flag("--hook", scan.hook,
                     "pre-commit mode: judge the named files with their Terraform module, report only their findings");
  scan_cmd->add_option("--var-file", scan.var_files, "Terraform variable file for root modules (repeatable)")->allow_extra_args(false);
  scan_cmd->add_option("--var", scan.vars, "Terraform variable for root modules, name=value (repeatable)")->allow_extra_args(false);
  scan_cmd->add_option("--rule", scan.only_rules,
                       "Run only this rule, whatever the configuration says (repeatable, or comma-separated)")
      ->allow_extra_args(false)->delimiter(',');
  scan_cmd->add_option("--skip-rule", scan.skip_rules, "Never run this rule (repeatable, or comma-separated)")
      ->allow_extra_args(false)->delimiter(',');
  scan_cmd->add_flag("--exit-zero", scan.exit_zero, "Exit 0 whatever the findings (errors still exit 2)");

  ScanSettings base;
  auto* baseline_cmd = app.add_subcommand("baseline", "Write the current findings to a baseline file (for scan --baseline)");
  baseline_cmd->add_option("paths", base.paths, "Files or directories to scan");
  baseline_cmd->add_option("-o,--output", base.output,
                           "Baseline file to write (default: the config's `baseline:`, else .clearance-baseline.json in the scan root)");
  baseline_cmd->add_option("--config", base.config, "Configuration file (default: .clearance.yml in the scan root or above)")
      ->envname("CLEARANCE_CONFIG");
  baseline_cmd->add_flag("--no-config", base.no_config, "Read no configuration file");
  baseline_cmd->add_option("--rules", base.rule_dirs, "Directory of additional rule YAML files (repeatable)")->allow_extra_args(false);
  baseline_cmd->add_option("--tags", base.tags, "Only the rules with one of these tags")->allow_extra_args(false)->delimiter(',');
  baseline_cmd->add_option("--max-file-size", base.max_file_size, "Skip files larger than this many bytes")
      ->check(kWholeNumber);
  baseline_cmd->add_option("-j,--jobs", base.jobs, "Parallel workers (default: one per core)")->check(kWholeNumber);

  RulesSettings rules;
  auto* rules_cmd = app.add_subcommand("rules", "List the rules");
  rules_cmd->add_option("--rules", rules.rule_dirs, "Directory of additional rules (repeatable)")->allow_extra_args(false);
  rules_cmd->add_flag("--json", rules.json, "List as JSON");

  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", "Show a rule's description, remediation and references");
  explain_cmd->add_option("rule", explain_id, "Rule id")->required();
  explain_cmd->add_option("--rules", rules.rule_dirs, "Directory of additional rules (repeatable)")->allow_extra_args(false);

  TestSettings test;
  auto* test_cmd = app.add_subcommand("test", "Run rules against their fixtures (inline expectations)");
  test_cmd->add_option("rules_dir", test.rules_dir, "Rules directory (default: the built-in rules)");
  test_cmd->add_option("fixtures_dir", test.fixtures_dir, "Fixtures directory (default: ./fixtures)");
  test_cmd->add_option("--rule", test.only, "Only this rule id");
  test_cmd->add_flag("-v,--verbose", test.verbose, "Show parser diagnostics too");

  ChecklistSettings checklist;
  auto* checklist_cmd =
      app.add_subcommand("checklist", "Fill in a Markdown checklist with verdicts and evidence from a scan");
  checklist_cmd->add_option("checklist", checklist.checklist, "The Markdown checklist")->required();
  checklist_cmd->add_option("paths", checklist.paths, "Files or directories to scan (default: .)");
  checklist_cmd->add_option("-f,--format", checklist.format, "Output format: markdown, html, json")->capture_default_str();
  checklist_cmd->add_option("-o,--output", checklist.output, "Write the filled-in checklist to this file");
  checklist_cmd->add_option("--rules", checklist.rule_dirs, "Directory of additional rule YAML files (repeatable)")->allow_extra_args(false);
  checklist_cmd->add_option("-j,--jobs", checklist.jobs, "Parallel workers (default: one per core)")->check(kWholeNumber);
  checklist_cmd->add_flag("--explain", checklist.explain, "Print, per item, the words matched, the check chosen and its parameters, or why it stays manual");

  app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    if (scan_cmd->parsed()) {
      auto sev = severity_from_name(threshold);
      if (!sev && threshold != "none") {
        std::cerr << "clearance: --severity-threshold must be one of none, info, low, medium, high, critical\n";
        return 2;
      }
      if (sev) scan.threshold = *sev;
      if (!sev) scan.exit_zero = true;  // none: no severity fails the run
      scan.threshold_set = threshold_opt->count() > 0;
      return run_scan(scan);
    }
    if (baseline_cmd->parsed()) {
      base.write_baseline = true;
      return run_scan(base);
    }
    if (checklist_cmd->parsed()) return run_checklist(checklist);
    if (rules_cmd->parsed()) return run_rules_list(rules);
    if (explain_cmd->parsed()) return run_explain(rules, explain_id);
    if (test_cmd->parsed()) return run_fixture_tests(test);
    std::cout << "clearance " << CLEARANCE_VERSION << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "clearance: fatal: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace clearance
