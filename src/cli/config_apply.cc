// Rule selection and overrides. A rule named in `rules:` with `enabled: true` always runs;
// otherwise it runs unless disabled by id, and tag filters decide (enable: only rules with
// one of these tags; disable: never rules with one of them). Parameters keep the kind of
// their default, so a typo such as `min_days: "14d"` is an error, not a silent string.
// The engine resolves `$param` operands when it parses a rule, so a rule whose parameters
// change is parsed again from its own YAML with the new values written into `params:`.
#include "cli/config_apply.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "discover/glob.h"
#include "engine/embedded_rules.h"
#include "resolve/dotenv/dotenv_groups.h"

namespace clearance {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest(const std::string& name, const std::set<std::string>& choices) {
  std::string best;
  size_t best_d = std::max<size_t>(3, name.size() / 3) + 1;
  for (const auto& c : choices) {
    size_t d = edit_distance(name, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string where(const Config& c, uint32_t line) {
  return c.path + ":" + std::to_string(line) + ": ";
}

bool has_any_tag(const Rule& r, const std::set<std::string>& tags) {
  for (const auto& t : r.tags)
    if (tags.count(t)) return true;
  return false;
}

/// The YAML text `rule` was loaded from (embedded or a file); empty if unavailable.
std::string rule_yaml(const Rule& rule) {
  for (const auto& e : embedded_rules())
    if (e.path == rule.source) return std::string(e.yaml);
  std::ifstream in(rule.source, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  return text.str();
}

/// Parses `rule` again with the configured parameter values; false with an error if that fails.
bool reparse_with_params(Rule& rule, const RuleConfig& rc, const std::string& at,
                         std::vector<std::string>& errors) {
  std::string text = rule_yaml(rule);
  std::vector<RuleError> rule_errors;
  Rule fresh;
  try {
    YAML::Node root = YAML::Load(text);
    for (const auto& [name, yaml] : rc.param_yaml) root["params"][name] = YAML::Load(yaml);
    YAML::Emitter out;
    out << root;
    if (RuleSet::parse(out.c_str(), rule.source, fresh, rule_errors)) {
      fresh.severity = rule.severity;
      rule = std::move(fresh);
      return true;
    }
  } catch (const YAML::Exception& e) {
    rule_errors.push_back({rule.source, e.what()});
  }
  for (const auto& e : rule_errors)
    errors.push_back(at + "rule '" + rule.id + "' with these parameters: " + e.message);
  if (rule_errors.empty())
    errors.push_back(at + "rule '" + rule.id + "' cannot be re-read with these parameters");
  return false;
}

}  // namespace

bool apply_config(const Config& config, const std::vector<std::string>& only_tags, RuleSet& rules,
                  std::vector<std::string>& errors, const std::vector<std::string>& only_rules,
                  const std::vector<std::string>& skip_rules) {
  size_t before = errors.size();
  std::set<std::string> ids, tags;
  for (const auto& r : rules.rules()) {
    ids.insert(r.id);
    tags.insert(r.tags.begin(), r.tags.end());
  }
  auto unknown_rule = [&](const std::string& id, uint32_t line) {
    std::string hint = closest(id, ids);
    errors.push_back(where(config, line) + "unknown rule '" + id + "'" +
                     (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                     "; `clearance rules` lists the valid rule ids");
  };
  std::set<std::string> enable, disable;
  for (const auto& [tag, line] : config.enable_tags) {
    if (!tags.count(tag))
      errors.push_back(where(config, line) + "unknown tag '" + tag + "' (valid: " + join(tags) +
                       ")");
    enable.insert(tag);
  }
  for (const auto& [tag, line] : config.disable_tags) {
    if (!tags.count(tag))
      errors.push_back(where(config, line) + "unknown tag '" + tag + "' (valid: " + join(tags) +
                       ")");
    disable.insert(tag);
  }
  std::set<std::string> cli_tags;
  for (const auto& tag : only_tags) {
    if (!tags.count(tag))
      errors.push_back("--tags: unknown tag '" + tag + "' (valid: " + join(tags) + ")");
    cli_tags.insert(tag);
  }
  auto cli_ids = [&](const std::vector<std::string>& list, const char* option) {
    std::set<std::string> out;
    for (const auto& id : list) {
      if (!ids.count(id)) {
        std::string hint = closest(id, ids);
        errors.push_back(std::string(option) + ": unknown rule '" + id + "'" +
                         (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                         "; `clearance rules` lists the valid rule ids");
      }
      out.insert(id);
    }
    return out;
  };
  std::set<std::string> cli_only = cli_ids(only_rules, "--rule");
  std::set<std::string> cli_skip = cli_ids(skip_rules, "--skip-rule");
  for (const auto& s : config.ignore)
    if (s.rule != "*" && !s.rule.empty() && !ids.count(s.rule))
      unknown_rule(s.rule, s.origin.range.begin.line);

  for (const auto& [id, rc] : config.rules) {
    if (!ids.count(id)) {
      unknown_rule(id, rc.line);
      continue;
    }
    // Clang 14 cannot capture a structured binding; name the id for the lambda.
    const std::string& rule_id = id;
    Rule& rule = *std::find_if(rules.rules().begin(), rules.rules().end(),
                               [&](const Rule& r) { return r.id == rule_id; });
    if (rc.severity) rule.severity = *rc.severity;
    for (const auto& [name, value] : rc.params) {
      uint32_t line = rc.param_lines.count(name) ? rc.param_lines.at(name) : rc.line;
      auto it = rule.params.find(name);
      if (it == rule.params.end()) {
        std::set<std::string> valid;
        for (const auto& p : rule.params) valid.insert(p.first);
        errors.push_back(
            where(config, line) + "rule '" + id + "' has no parameter '" + name + "'" +
            (valid.empty() ? std::string(" (it takes none)") : " (valid: " + join(valid) + ")"));
        continue;
      }
      if (value.kind() != it->second.kind()) {
        errors.push_back(where(config, line) + "rules." + id + ".params." + name + " must be a " +
                         Value::kind_name(it->second.kind()) + " like its default (" +
                         it->second.to_display() + "), got " + value.to_display());
        continue;
      }
      it->second = value;
    }
    if (!rc.params.empty() && errors.size() == before)
      reparse_with_params(rule, rc, where(config, rc.line), errors);
  }
  if (errors.size() != before) return false;

  std::vector<Rule> kept;
  for (auto& r : rules.rules()) {
    auto rc = config.rules.find(r.id);
    bool forced_on = rc != config.rules.end() && rc->second.enabled == true;
    bool off = rc != config.rules.end() && rc->second.enabled == false;
    bool run = forced_on ||
               (!off && (enable.empty() || has_any_tag(r, enable)) && !has_any_tag(r, disable));
    if (!cli_tags.empty() && !has_any_tag(r, cli_tags)) run = false;
    if (!cli_only.empty()) run = cli_only.count(r.id) > 0;
    if (cli_skip.count(r.id)) run = false;
    if (config.deployment_rules_per_module && r.target.scope == Target::Scope::Deployment)
      r.target.scope = Target::Scope::Module;
    if (run) kept.push_back(std::move(r));
  }
  rules.rules() = std::move(kept);
  return true;
}

void apply_production_env_files(const Config& config, Workspace& ws) {
  if (config.production_env_files.empty()) return;
  for (Document& doc : ws.documents) {
    if (doc.format != Format::Dotenv) continue;
    for (const auto& pattern : config.production_env_files) {
      if (glob_match(pattern, doc.path)) {
        set_dotenv_production(doc, true);
        break;
      }
    }
  }
}

}  // namespace clearance
