// The scan command reads as the pipeline: discover -> load/parse/resolve -> check -> report.
#include "cli/scan_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/config_apply.h"
#include "cli/pipeline.h"
#include "cli/rule_loading.h"
#include "cli/scan_git.h"
#include "cli/scan_steps.h"
#include "discover/discover.h"
#include "discover/load.h"
#include "engine/engine.h"
#include "engine/scrub.h"
#include "report/format.h"

namespace clearance {

namespace {

Report assemble_report(const RuleSet& rules, Workspace& ws, EngineResult result, ScanStats stats) {
  Report report;
  report.tool_version = CLEARANCE_VERSION;
  report.root = ws.root;
  for (const auto& r : rules.rules()) report.rules.push_back(&r);
  std::sort(report.rules.begin(), report.rules.end(),
            [](const Rule* a, const Rule* b) { return a->id < b->id; });
  report.findings = std::move(result.findings);
  report.checks = std::move(result.checks);
  report.notifications = std::move(ws.diagnostics);
  for (auto& doc : ws.documents)
    for (auto& d : doc.diagnostics) report.notifications.push_back(std::move(d));
  scrub_diagnostics(report.notifications, ws);
  report.stats = stats;
  return report;
}

/// A path named on the command line that does not exist is a usage error, so that a typo
/// in CI fails the run instead of scanning nothing.
bool named_paths_exist(const std::vector<std::string>& paths) {
  bool ok = true;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::symlink_status(p, ec).type() == std::filesystem::file_type::not_found) {
      std::cerr << "clearance: no such file or directory: " << p << "\n";
      ok = false;
    }
  }
  return ok;
}

/// Terraform inputs named on the command line: a variable file that cannot be read, or a
/// --var that is not name=value, is a usage error that names it (not a note beside findings).
bool terraform_inputs_usable(const ScanSettings& s) {
  bool ok = true;
  for (const auto& path : s.var_files) {
    std::string bytes, error;
    if (!read_whole_file(path, bytes, error)) {
      std::cerr << "clearance: cannot read --var-file " << path << ": " << error << "\n";
      ok = false;
    }
  }
  for (const auto& kv : s.vars) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "clearance: --var expects name=value, got '" << kv.substr(0, kv.find('=')) << "'\n";
      ok = false;
    }
  }
  return ok;
}

/// Colour only on a terminal, and never when NO_COLOR is set to anything but "" (no-color.org).
bool colour_wanted(bool option) {
  const char* no_color = std::getenv("NO_COLOR");
  return option && ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int exit_code(const Report& report, Severity threshold) {
  for (const auto& f : report.findings)
    if (f.verdict == Verdict::Fail && f.suppressions.empty() && f.severity >= threshold) return 1;
  return 0;
}

}  // namespace

int run_scan(const ScanSettings& s) {
  auto started = std::chrono::steady_clock::now();
  auto format = output_format_from_name(s.format);
  if (!format) {
    std::cerr << "clearance: unknown format '" << s.format << "' (valid: " << output_format_names() << ")\n";
    return 2;
  }
  if (!s.staged && !named_paths_exist(s.paths)) return 2;
  if (!terraform_inputs_usable(s)) return 2;
  std::vector<std::string> paths = s.paths.empty() ? std::vector<std::string>{"."} : s.paths;
  if (s.hook) paths = with_module_context(paths);
  Config config;
  if (!load_scan_config(s.config, s.no_config, find_scan_root(paths), config)) return 2;
  RuleSet rules;
  std::set<std::string> known_rules;
  if (!load_configured_rules(s.rule_dirs, s.tags, config, rules, known_rules, s.only_rules,
                             s.skip_rules)) return 2;
  Severity threshold = s.threshold_set || !config.severity_threshold ? s.threshold : *config.severity_threshold;

  ScanStats stats;
  Workspace ws;
  std::string git_error;
  std::string git_path = s.paths.empty() ? "." : s.paths.front();
  if (s.staged) {
    if (!staged_workspace(git_path, s.max_file_size, s.jobs, ws, stats, git_error)) {
      std::cerr << "clearance: --staged: " << git_error << "\n";
      return 2;
    }
  } else {
    DiscoverOptions discover_options;
    discover_options.exclude = config.exclude;
    DiscoverResult found = discover(paths, discover_options);
    LoadSettings load_settings;
    load_settings.max_file_size = s.max_file_size;
    load_settings.jobs = s.jobs;
    ResolveOptions resolve;
    resolve.terraform.var_files = s.var_files;
    resolve.terraform.vars = s.vars;
    ws = load_workspace(found, load_settings, stats, resolve);
  }
  apply_production_env_files(config, ws);
  EngineResult result = run_rules(rules, ws);
  if (s.git_history && !add_history_findings(git_path, rules, s.max_file_size, result, ws.diagnostics, git_error)) {
    std::cerr << "clearance: --git-history: " << git_error << "\n";
    return 2;
  }
  std::string baseline = s.baseline.empty() ? config.baseline : s.baseline;
  if (!suppress_findings(config, s.write_baseline ? "" : baseline, rules, known_rules, ws, result.findings)) return 2;
  if (s.write_baseline) {
    std::string out = !s.output.empty() ? s.output : !baseline.empty() ? baseline : ws.root + "/.clearance-baseline.json";
    return write_baseline_file(out, result.findings) ? 0 : 2;
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Report report = assemble_report(rules, ws, std::move(result), stats);
  if (s.hook) keep_named_files(s.paths, ws, report.findings, report.notifications);

  WriteOptions opts;
  opts.threshold = threshold;
  if (s.output.empty()) {
    opts.color = colour_wanted(s.color);
    write_report(*format, report, std::cout, opts);
    std::cout.flush();
  } else {
    std::ofstream out(s.output, std::ios::binary);
    if (!out) {
      std::cerr << "clearance: cannot write " << s.output << "\n";
      return 2;
    }
    opts.color = false;
    write_report(*format, report, out, opts);
    if (!out.good()) {
      std::cerr << "clearance: failed writing " << s.output << "\n";
      return 2;
    }
  }
  return s.exit_zero ? 0 : exit_code(report, threshold);
}

}  // namespace clearance
