// See scan_steps.h. Errors go to stderr here, as in the rest of the scan command, and every
// function returns false instead of exiting so that the caller picks the exit code (2).
#include "cli/scan_steps.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/config_apply.h"
#include "cli/rule_loading.h"
#include "suppress/baseline.h"
#include "suppress/inline_scan.h"
#include "suppress/suppress.h"

namespace clearance {

namespace fs = std::filesystem;

namespace {

bool is_terraform_file(const std::string& name) {
  auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return ends(".tf") || ends(".tfvars") || ends(".tf.json") || ends(".tfvars.json");
}

std::string canonical(const std::string& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? p : c.string();
}

/// A path as reports show it: relative to the scan root when inside it.
std::string shown_path(const std::string& path, const std::string& root) {
  std::error_code ec;
  fs::path rel = fs::path(canonical(path)).lexically_relative(canonical(root));
  if (rel.empty() || *rel.begin() == "..") return path;
  return rel.generic_string();
}

}  // namespace

bool load_scan_config(const std::string& explicit_path, bool no_config, const std::string& root,
                      Config& out) {
  std::string path = explicit_path;
  if (path.empty() && !no_config) path = find_config(root).value_or("");
  if (path.empty()) return true;
  std::vector<std::string> errors;
  if (load_config(path, out, errors)) return true;
  for (const auto& e : errors) std::cerr << "clearance: " << e << "\n";
  return false;
}

bool load_configured_rules(const std::vector<std::string>& cli_dirs,
                           const std::vector<std::string>& tags, const Config& config, RuleSet& out,
                           std::set<std::string>& known, const std::vector<std::string>& only_rules,
                           const std::vector<std::string>& skip_rules) {
  std::vector<std::string> dirs = cli_dirs;
  dirs.insert(dirs.end(), config.rules_dirs.begin(), config.rules_dirs.end());
  if (!load_rules(dirs, out)) return false;
  for (const auto& r : out.rules()) known.insert(r.id);
  std::vector<std::string> errors;
  if (apply_config(config, tags, out, errors, only_rules, skip_rules)) return true;
  for (const auto& e : errors) std::cerr << "clearance: " << e << "\n";
  return false;
}

bool suppress_findings(const Config& config, const std::string& baseline_path, const RuleSet& rules,
                       const std::set<std::string>& known, const Workspace& ws,
                       std::vector<Finding>& findings) {
  SuppressSettings settings;
  settings.today = today_yyyymmdd();
  settings.rules_known = known;
  for (const auto& r : rules.rules()) settings.rules_run.insert(r.id);
  settings.problem_rule = rules.find(kSuppressionRuleId);
  settings.external = config.ignore;
  for (auto& e : settings.external) e.origin.path = shown_path(e.origin.path, ws.root);

  Baseline baseline;
  if (!baseline_path.empty()) {
    std::ifstream in(baseline_path, std::ios::binary);
    if (!in) {
      std::cerr << "clearance: --baseline: cannot read " << baseline_path << "\n";
      return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    auto parsed = parse_baseline(text.str(), error);
    if (!parsed) {
      std::cerr << "clearance: --baseline: " << baseline_path << ": " << error << "\n";
      return false;
    }
    baseline = std::move(*parsed);
    settings.baseline = &baseline;
    settings.baseline_name = "in baseline " + shown_path(baseline_path, ws.root);
  }
  apply_suppressions(ws, findings, settings);
  return true;
}

bool write_baseline_file(const std::string& path, const std::vector<Finding>& findings) {
  std::ofstream out(path, std::ios::binary);
  if (out) write_baseline(baseline_from_findings(findings), out);
  if (!out.good()) {
    std::cerr << "clearance: cannot write the baseline " << path << "\n";
    return false;
  }
  return true;
}

std::vector<std::string> with_module_context(const std::vector<std::string>& files) {
  std::vector<std::string> out = files;
  std::set<std::string> seen_dirs, listed;
  for (const auto& f : files) listed.insert(canonical(f));
  for (const auto& f : files) {
    if (!is_terraform_file(f)) continue;
    fs::path dir = fs::path(f).parent_path();
    if (dir.empty()) dir = ".";
    if (!seen_dirs.insert(canonical(dir.string())).second) continue;
    std::error_code ec;
    std::vector<std::string> siblings;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!is_terraform_file(name) || !it->is_regular_file(ec)) continue;
      std::string path = (dir / name).string();
      if (listed.insert(canonical(path)).second) siblings.push_back(path);
    }
    std::sort(siblings.begin(), siblings.end());
    out.insert(out.end(), siblings.begin(), siblings.end());
  }
  return out;
}

void keep_named_files(const std::vector<std::string>& files, const Workspace& ws,
                      std::vector<Finding>& findings, std::vector<Diagnostic>& notifications) {
  std::set<std::string> named;
  for (const auto& f : files) named.insert(canonical(f));
  std::set<std::string> keep;  // document paths (as reported) of the named files
  for (const auto& doc : ws.documents)
    if (named.count(canonical(doc.disk_path))) keep.insert(doc.path);
  for (const auto& f : files) keep.insert(shown_path(f, ws.root));
  std::erase_if(findings, [&](const Finding& f) { return !keep.count(f.location.path); });
  std::erase_if(notifications, [&](const Diagnostic& d) {
    return !d.location.path.empty() && !keep.count(d.location.path);
  });
}

}  // namespace clearance
