// Reading .clearance.yml with yaml-cpp. Each section has its own small reader; all of them
// report through one `Reader::error`, which prefixes the file and the line of the node at
// fault, so that every message points where the user has to look. Reading goes on after an
// error, so one run lists every problem of the file.
#include "cli/config_file.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/yaml_value.h"
#include "model/file_bytes.h"
#include "resolve/yaml_bounds.h"
#include "suppress/inline_scan.h"

namespace clearance {

namespace {
constexpr uintmax_t kMaxConfigBytes = 1u << 20;  // a configuration is a few KiB
}  // namespace

namespace fs = std::filesystem;

namespace {

constexpr const char* kTopKeys =
    "version, rules, tags, exclude, production_env_files, rules_dirs, ignore, severity_threshold, "
    "baseline, checklist, deployment_rules";
constexpr const char* kSeverities = "info, low, medium, high, critical";

class Reader {
 public:
  Reader(const std::string& path, Config& out, std::vector<std::string>& errors)
      : path_(path), out_(out), errors_(errors) {}

  void read(const YAML::Node& root) {
    if (root.IsNull()) return;  // an empty file is a valid, empty configuration
    if (!root.IsMap())
      return error(root, "the configuration must be a mapping of keys (valid: " +
                             std::string(kTopKeys) + ")");
    for (const auto& kv : root) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "version") {
        if (!v.IsScalar() || v.Scalar() != "1")
          error(v, "unsupported version '" + v.Scalar() + "' (valid: 1)");
      } else if (key == "rules") {
        read_rules(v);
      } else if (key == "tags") {
        read_tags(v);
      } else if (key == "exclude") {
        out_.exclude = strings(v, key);
      } else if (key == "production_env_files") {
        out_.production_env_files = names(v, key);
      } else if (key == "rules_dirs") {
        for (const auto& d : strings(v, key)) {
          std::string dir = absolute(d), why;
          // Rules come with the repository: a path that leads out of it (by "..", an
          // absolute path or a link) would read YAML from elsewhere on the machine.
          if (!real_path_inside(repository_of(out_.dir), dir, why) && why == "outside the scan root")
            error(v, "rules_dirs entry '" + d + "' lies outside the repository: not read");
          else
            out_.rules_dirs.push_back(dir);
        }
      } else if (key == "ignore") {
        read_ignore(v);
      } else if (key == "severity_threshold") {
        out_.severity_threshold = severity(v);
      } else if (key == "baseline") {
        if (v.IsScalar() && !v.Scalar().empty())
          out_.baseline = absolute(v.Scalar());
        else
          error(v, "baseline must be a file path");
      } else if (key == "deployment_rules") {
        if (v.IsScalar() && (v.Scalar() == "once" || v.Scalar() == "per-module"))
          out_.deployment_rules_per_module = v.Scalar() == "per-module";
        else
          error(v, "deployment_rules must be once or per-module");
      } else if (key == "checklist") {
        // Pinned checklist mappings: read by `clearance checklist` (checklist_pins.cc).
      } else {
        error(kv.first, "unknown key '" + key + "' (valid: " + kTopKeys + ")");
      }
    }
  }

  void error(const YAML::Node& at, const std::string& message) { error_at(line(at), message); }
  void error_at(uint32_t line, const std::string& message) {
    errors_.push_back(path_ + ":" + std::to_string(line) + ": " + message);
  }
  static uint32_t line(const YAML::Node& n) {
    return n.Mark().line >= 0 ? static_cast<uint32_t>(n.Mark().line + 1) : 0;
  }

 private:
  std::string absolute(const std::string& p) const {
    fs::path path(p);
    if (path.is_relative()) path = fs::path(out_.dir) / path;
    return path.lexically_normal().string();
  }

  /// The top of the git work tree holding `dir`, else `dir` itself.
  static std::string repository_of(const std::string& dir) {
    std::error_code ec;
    for (fs::path d(dir); !d.empty(); d = d.parent_path()) {
      if (fs::exists(d / ".git", ec)) return d.string();
      if (d == d.parent_path()) break;
    }
    return dir;
  }

  /// File names or patterns: strings, where a plain number, boolean or null is a mistake
  /// (`production_env_files: 12`), not a name.
  std::vector<std::string> names(const YAML::Node& v, const std::string& key) {
    auto plain_non_string = [](const YAML::Node& n) {
      if (!n.IsScalar() || n.Tag() == "!") return false;
      Value parsed = yaml_to_value(n);
      return !parsed.is_string();
    };
    if (plain_non_string(v)) {
      error(v, key + " takes file names or patterns, not '" + v.Scalar() + "' (quote it if it is a name)");
      return {};
    }
    if (v.IsSequence())
      for (const auto& item : v)
        if (plain_non_string(item)) {
          error(item, key + " takes file names or patterns, not '" + item.Scalar() + "' (quote it if it is a name)");
          return {};
        }
    return strings(v, key);
  }

  std::vector<std::string> strings(const YAML::Node& v, const std::string& key) {
    std::vector<std::string> out;
    if (v.IsScalar()) {
      out.push_back(v.Scalar());
    } else if (v.IsSequence()) {
      for (const auto& item : v) {
        if (item.IsScalar())
          out.push_back(item.Scalar());
        else
          error(item, key + " takes strings");
      }
    } else if (!v.IsNull()) {
      error(v, key + " takes a string or a list of strings");
    }
    return out;
  }

  std::optional<Severity> severity(const YAML::Node& v) {
    auto s = v.IsScalar() ? severity_from_name(v.Scalar()) : std::nullopt;
    if (!s)
      error(v, "unknown severity '" + (v.IsScalar() ? v.Scalar() : std::string("?")) +
                   "' (valid: " + kSeverities + ")");
    return s;
  }

  std::optional<bool> boolean(const YAML::Node& v, const std::string& key) {
    bool b = false;
    if (v.IsScalar() && YAML::convert<bool>::decode(v, b)) return b;
    error(v, key + " must be true or false");
    return std::nullopt;
  }

  void read_rules(const YAML::Node& v) {
    if (v.IsNull()) return;
    if (!v.IsMap())
      return error(v, "rules must map rule ids to settings (enabled, severity, params)");
    for (const auto& kv : v) {
      std::string id = kv.first.Scalar();
      RuleConfig& rc = out_.rules[id];
      rc.line = line(kv.first);
      const YAML::Node& body = kv.second;
      if (body.IsScalar()) {  // `rule-id: false` is short for `enabled: false`
        rc.enabled = boolean(body, "rules." + id);
        continue;
      }
      if (!body.IsMap()) {
        error(body, "rules." + id + " must be a mapping (valid keys: enabled, severity, params)");
        continue;
      }
      for (const auto& field : body) {
        std::string key = field.first.Scalar();
        if (key == "enabled") {
          rc.enabled = boolean(field.second, "rules." + id + ".enabled");
        } else if (key == "severity") {
          rc.severity = severity(field.second);
        } else if (key == "params") {
          if (!field.second.IsMap()) {
            error(field.second, "rules." + id + ".params must map parameter names to values");
            continue;
          }
          for (const auto& p : field.second) {
            rc.params[p.first.Scalar()] = yaml_to_value(p.second);
            rc.param_lines[p.first.Scalar()] = line(p.first);
            rc.param_yaml[p.first.Scalar()] = YAML::Dump(p.second);
          }
        } else {
          error(field.first,
                "unknown key '" + key + "' in rules." + id + " (valid: enabled, severity, params)");
        }
      }
    }
  }

  void read_tags(const YAML::Node& v) {
    if (v.IsNull()) return;
    if (!v.IsMap()) return error(v, "tags must be a mapping (valid keys: enable, disable)");
    for (const auto& kv : v) {
      std::string key = kv.first.Scalar();
      auto* list = key == "enable"    ? &out_.enable_tags
                   : key == "disable" ? &out_.disable_tags
                                      : nullptr;
      if (!list) {
        error(kv.first, "unknown key '" + key + "' in tags (valid: enable, disable)");
        continue;
      }
      if (kv.second.IsScalar()) {
        list->emplace_back(kv.second.Scalar(), line(kv.second));
      } else if (kv.second.IsSequence()) {
        for (const auto& t : kv.second) {
          if (t.IsScalar())
            list->emplace_back(t.Scalar(), line(t));
          else
            error(t, "tags." + key + " takes tag names");
        }
      } else {
        error(kv.second, "tags." + key + " takes a tag or a list of tags");
      }
    }
  }

  void read_ignore(const YAML::Node& v) {
    if (v.IsNull()) return;
    if (!v.IsSequence()) return error(v, "ignore must be a list of {rule, paths, reason, until}");
    for (const auto& item : v) {
      if (!item.IsMap()) {
        error(item, "each ignore entry must be a mapping (valid keys: rule, paths, reason, until)");
        continue;
      }
      ExternalSuppression s;
      s.origin.path = path_;
      s.origin.range.begin = {line(item), 1};
      s.origin.range.end = s.origin.range.begin;
      for (const auto& kv : item) {
        std::string key = kv.first.Scalar();
        const YAML::Node& f = kv.second;
        if (key == "rule") {
          s.rule = f.IsScalar() ? f.Scalar() : "";
        } else if (key == "paths" || key == "path") {
          for (auto& p : strings(f, "ignore." + key)) s.paths.push_back(std::move(p));
        } else if (key == "reason") {
          s.reason = f.IsScalar() ? f.Scalar() : "";
        } else if (key == "until") {
          s.until_text = f.IsScalar() ? f.Scalar() : "";
          s.until = parse_iso_date(s.until_text);
          if (s.until == 0)
            error(f, "until must be a date written YYYY-MM-DD, got '" + s.until_text + "'");
        } else {
          error(kv.first,
                "unknown key '" + key + "' in an ignore entry (valid: rule, paths, reason, until)");
        }
      }
      if (s.rule.empty())
        error(item, "an ignore entry needs `rule:` (a rule id, or \"*\" for all rules)");
      if (s.reason.empty())
        error(item, "an ignore entry needs `reason:` (why the finding is accepted)");
      out_.ignore.push_back(std::move(s));
    }
  }

  const std::string& path_;
  Config& out_;
  std::vector<std::string>& errors_;
};

}  // namespace

std::optional<std::string> find_config(const std::string& root) {
  std::error_code ec;
  fs::path dir = fs::absolute(root, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    for (const char* name : {".clearance.yml", ".clearance.yaml"}) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

bool parse_config(const std::string& text, const std::string& path, Config& out,
                  std::vector<std::string>& errors) {
  out.path = path;
  std::error_code ec;
  out.dir = fs::absolute(fs::path(path), ec).parent_path().string();
  size_t before = errors.size();
  try {
    YAML::Node root = YAML::Load(text);
    if (!yaml_within_bounds(root)) {
      errors.push_back(path + ": expands to more than " + std::to_string(kMaxYamlNodes) +
                       " YAML nodes (anchors and aliases): not read");
      return false;
    }
    Reader(path, out, errors).read(root);
  } catch (const YAML::Exception& e) {
    errors.push_back(path + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  return errors.size() == before;
}

bool load_config(const std::string& path, Config& out, std::vector<std::string>& errors) {
  std::string text, error;
  uintmax_t size = 0;
  switch (read_regular_file(path, kMaxConfigBytes, text, error, size)) {
    case ReadStatus::Ok: return parse_config(text, path, out, errors);
    case ReadStatus::TooLarge:
      errors.push_back(path + ": the configuration file is larger than 1 MiB: not read");
      return false;
    case ReadStatus::Error:
      errors.push_back(path + ": cannot read the configuration file: " + error);
      return false;
  }
  return false;
}

}  // namespace clearance
