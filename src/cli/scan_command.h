// `clearance scan`: the whole pipeline, from paths to a report.
#pragma once

#include <string>
#include <vector>

#include "engine/severity.h"

namespace clearance {

struct ScanSettings {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;  ///< file to write; empty = standard output
  Severity threshold = Severity::Low;
  std::vector<std::string> rule_dirs;
  bool color = true;   ///< colour text output when writing to a terminal
  uintmax_t max_file_size = 10u << 20;
  unsigned jobs = 0;
  bool staged = false;       ///< scan the git index instead of the files (cli/scan_git.h)
  bool git_history = false;  ///< add secrets found in the added lines of every commit
  std::string config;          ///< --config: the configuration file (default: .clearance.yml found upward)
  bool no_config = false;      ///< --no-config: read no configuration file
  std::vector<std::string> tags;  ///< --tags: run only rules with one of these tags
  bool threshold_set = false;  ///< --severity-threshold was given (else the config's applies)
  std::string baseline;        ///< --baseline: report only findings not in this file
  bool write_baseline = false; ///< `clearance baseline`: write the findings (to `output`) instead
  bool hook = false;           ///< --hook: pre-commit mode (module context, named files only)
  std::vector<std::string> var_files;  ///< --var-file: Terraform variable files, in order
  std::vector<std::string> vars;       ///< --var name=value: Terraform variables, in order
  std::vector<std::string> only_rules;  ///< --rule: run only these rules
  std::vector<std::string> skip_rules;  ///< --skip-rule: never run these rules
  bool exit_zero = false;  ///< --exit-zero or --severity-threshold none: findings never fail the run
};

/// Runs a scan; returns the exit code (0 clean, 1 findings at/above threshold, 2 error).
int run_scan(const ScanSettings& settings);

}  // namespace clearance
