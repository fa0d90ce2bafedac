// The command line. Each subcommand's options are declared here and handed to the function
// that runs it; configuration meets the libraries only in this folder.
#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/rules_command.h"
#include "cli/scan_command.h"
#include "cli/test_command.h"
#include "report/format.h"

namespace clearance {

int run_cli(int argc, char** argv) {
  CLI::App app{"clearance: a static compliance auditor for infrastructure as code", "clearance"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("clearance ") + CLEARANCE_VERSION);

  ScanSettings scan;
  std::string threshold = "low";
  auto* scan_cmd = app.add_subcommand("scan", "Scan files and directories (default: .)");
  scan_cmd->add_option("paths", scan.paths, "Files or directories to scan");
  scan_cmd->add_option("-f,--format", scan.format, "Output format: " + output_format_names())
      ->capture_default_str();
  scan_cmd->add_option("-o,--output", scan.output, "Write the report to this file");
  scan_cmd->add_option("--severity-threshold", threshold,
                       "Lowest severity that makes the exit code 1: info, low, medium, high, critical")
      ->capture_default_str();
  scan_cmd->add_option("--rules", scan.rule_dirs, "Directory of additional rule YAML files (repeatable)");
  scan_cmd->add_flag("--no-color{false}", scan.color, "Never colour the text output");
  scan_cmd->add_option("--max-file-size", scan.max_file_size, "Skip (and report) files larger than this many bytes")
      ->capture_default_str();
  scan_cmd->add_option("-j,--jobs", scan.jobs, "Parallel workers (default: one per core)");

  RulesSettings rules;
  auto* rules_cmd = app.add_subcommand("rules", "List the rules");
  rules_cmd->add_option("--rules", rules.rule_dirs, "Directory of additional rules (repeatable)");
  rules_cmd->add_flag("--json", rules.json, "List as JSON");

  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", "Show a rule's description, remediation and references");
  explain_cmd->add_option("rule", explain_id, "Rule id")->required();
  explain_cmd->add_option("--rules", rules.rule_dirs, "Directory of additional rules (repeatable)");

  TestSettings test;
  auto* test_cmd = app.add_subcommand("test", "Run rules against their fixtures (inline expectations)");
  test_cmd->add_option("rules_dir", test.rules_dir, "Rules directory (default: the built-in rules)");
  test_cmd->add_option("fixtures_dir", test.fixtures_dir, "Fixtures directory (default: ./fixtures)");
  test_cmd->add_option("--rule", test.only, "Only this rule id");
  test_cmd->add_flag("-v,--verbose", test.verbose, "Show parser diagnostics too");

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
      if (!sev) {
        std::cerr << "clearance: --severity-threshold must be one of info, low, medium, high, critical\n";
        return 2;
      }
      scan.threshold = *sev;
      return run_scan(scan);
    }
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
