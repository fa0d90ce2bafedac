// .clearance.yml: the team's decisions, read once per scan. Found by walking up from the
// scan root, or named with --config. Reading checks the shape (keys, types, dates, severity
// names); checking names of rules, tags and parameters needs the loaded rules and is done
// by apply_config (cli/config_apply.h). Every error names the file, the line and the valid
// choices.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/severity.h"
#include "model/value.h"
#include "suppress/suppress.h"

namespace clearance {

/// What the file says about one rule (`rules: {<id>: {...}}`).
struct RuleConfig {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::map<std::string, Value> params;
  std::map<std::string, uint32_t> param_lines;    ///< where each parameter is written
  std::map<std::string, std::string> param_yaml;  ///< each parameter's value as YAML text
  uint32_t line = 0;                              ///< where the rule id is written
};

/// The whole configuration file.
struct Config {
  std::string path;  ///< the file it was read from; empty when there is none
  std::string dir;   ///< its directory (relative paths in it are relative to this)
  std::map<std::string, RuleConfig> rules;
  std::vector<std::pair<std::string, uint32_t>> enable_tags;   ///< only rules with one of these
  std::vector<std::pair<std::string, uint32_t>> disable_tags;  ///< never rules with one of these
  std::vector<std::string> exclude;                            ///< .gitignore-style patterns
  std::vector<std::string> production_env_files;  ///< globs of .env files that are production
  std::vector<std::string> rules_dirs;            ///< custom rule directories (absolute)
  std::vector<ExternalSuppression> ignore;        ///< suppressions for files without comments
  std::optional<Severity> severity_threshold;     ///< the default for --severity-threshold
  std::string baseline;                           ///< default for --baseline (absolute)
  /// `deployment_rules: per-module`: rules about the whole deployment (CloudTrail, alarms)
  /// are judged in each root module instead of once per scan.
  bool deployment_rules_per_module = false;
};

/// The config file that applies to a scan rooted at `root`: `.clearance.yml` (or
/// `.clearance.yaml`) in `root` or the nearest parent directory; nullopt if none.
std::optional<std::string> find_config(const std::string& root);

/// Reads and checks the file at `path`. On failure returns false and fills `errors` with
/// messages of the form `FILE:LINE: what is wrong (valid: ...)`.
bool load_config(const std::string& path, Config& out, std::vector<std::string>& errors);

/// The same from text; `path` only names the file in messages and locates relative paths.
bool parse_config(const std::string& text, const std::string& path, Config& out,
                  std::vector<std::string>& errors);

}  // namespace clearance
