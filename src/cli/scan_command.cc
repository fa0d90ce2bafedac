// The scan command reads as the pipeline: discover -> load/parse/resolve -> check -> report.
#include "cli/scan_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/pipeline.h"
#include "cli/rule_loading.h"
#include "discover/discover.h"
#include "engine/engine.h"
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
  report.stats = stats;
  return report;
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
  RuleSet rules;
  if (!load_rules(s.rule_dirs, rules)) return 2;

  DiscoverResult found = discover(s.paths.empty() ? std::vector<std::string>{"."} : s.paths, {});
  ScanStats stats;
  Workspace ws = load_workspace(found, {s.max_file_size, s.jobs}, stats);
  EngineResult result = run_rules(rules, ws);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Report report = assemble_report(rules, ws, std::move(result), stats);

  WriteOptions opts;
  opts.threshold = s.threshold;
  if (s.output.empty()) {
    opts.color = s.color && ::isatty(STDOUT_FILENO);
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
  return exit_code(report, s.threshold);
}

}  // namespace clearance
