// The team-workflow steps of a scan, kept out of scan_command.cc so that it still reads as
// the pipeline: the configuration file, rule selection, the suppress step (with the
// baseline), writing a baseline, and the pre-commit mode's file handling.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cli/config_file.h"
#include "engine/finding.h"
#include "engine/rule_set.h"
#include "engine/workspace.h"

namespace clearance {

/// Reads `explicit_path` (--config), else the .clearance.yml found upward from `root`
/// (unless `no_config`). False, with errors on stderr, when the file is invalid.
bool load_scan_config(const std::string& explicit_path, bool no_config, const std::string& root,
                      Config& out);

/// Embedded rules, `cli_dirs` and the config's rules_dirs, then the config applied.
/// `known` receives every rule id before selection (for "unknown rule" checks);
/// `only_rules` / `skip_rules` are --rule / --skip-rule (see apply_config).
bool load_configured_rules(const std::vector<std::string>& cli_dirs,
                           const std::vector<std::string>& tags, const Config& config, RuleSet& out,
                           std::set<std::string>& known,
                           const std::vector<std::string>& only_rules = {},
                           const std::vector<std::string>& skip_rules = {});

/// The suppress step: inline comments, the config's `ignore:`, then `baseline_path`
/// (none if empty). False, with an error on stderr, if the baseline cannot be read.
bool suppress_findings(const Config& config, const std::string& baseline_path, const RuleSet& rules,
                       const std::set<std::string>& known, const Workspace& ws,
                       std::vector<Finding>& findings);

/// Writes the unsuppressed findings as a baseline file; false (error on stderr) on failure.
bool write_baseline_file(const std::string& path, const std::vector<Finding>& findings);

/// Pre-commit mode: the named files plus the other Terraform files (.tf, .tfvars,
/// .tf.json) of each named Terraform file's directory, so that a file is judged with its module.
std::vector<std::string> with_module_context(const std::vector<std::string>& files);

/// Pre-commit mode: drops findings (and notifications) outside the named files.
void keep_named_files(const std::vector<std::string>& files, const Workspace& ws,
                      std::vector<Finding>& findings, std::vector<Diagnostic>& notifications);

}  // namespace clearance
