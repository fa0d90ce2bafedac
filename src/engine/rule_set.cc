// Loading rules from YAML: the embedded catalog and user directories. Every field is
// validated here, so a rule that loads is a rule the engine can run.
#include "engine/rule_set.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/condition_parser.h"
#include "engine/embedded_rules.h"
#include "engine/predicate.h"
#include "engine/yaml_value.h"
#include "resolve/yaml_bounds.h"

namespace clearance {

namespace {

constexpr std::string_view kRuleKeys[] = {
    "id",     "title",      "severity", "checklist", "tags",   "description", "remediation",
    "references", "target", "condition", "message", "params", "precision", "about"};

std::vector<std::string> string_list(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsSequence()) {
    for (const auto& item : n) out.push_back(item.as<std::string>());
  } else {
    out.push_back(n.as<std::string>());
  }
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Checks that every predicate a condition names exists.
bool check_predicates(const Condition& c, std::string& error) {
  if (c.op == Condition::Op::Predicate && !find_predicate(c.path)) {
    error = "unknown predicate '" + c.path + "'";
    return false;
  }
  for (const auto& child : c.children)
    if (!check_predicates(child, error)) return false;
  return true;
}

bool parse_target(const YAML::Node& n, const std::map<std::string, Value>& params, Target& t,
                  std::string& error) {
  if (!n.IsMap()) {
    error = "target must be a map";
    return false;
  }
  for (const auto& kv : n) {
    auto key = kv.first.as<std::string>();
    if (key != "format" && key != "scope" && key != "kind" && key != "type" && key != "where") {
      error = "unknown target key '" + key + "' (valid: format, scope, kind, type, where)";
      return false;
    }
  }
  for (const auto& name : string_list(n["format"])) {
    auto f = format_from_name(name);
    if (!f) {
      error = "unknown format '" + name + "' (valid: terraform, dockerfile, nginx, ecs, dotenv, text)";
      return false;
    }
    t.formats.push_back(*f);
  }
  if (t.formats.empty()) {
    error = "target.format is required";
    return false;
  }
  std::string scope = n["scope"] ? n["scope"].as<std::string>() : "node";
  if (scope == "node") t.scope = Target::Scope::Node;
  else if (scope == "document") t.scope = Target::Scope::Document;
  else if (scope == "module") t.scope = Target::Scope::Module;
  else if (scope == "deployment") t.scope = Target::Scope::Deployment;
  else {
    error = "unknown target.scope '" + scope + "' (valid: node, document, module, deployment)";
    return false;
  }
  t.kinds = string_list(n["kind"]);
  t.types = string_list(n["type"]);
  if (n["where"]) {
    t.has_where = true;
    if (!parse_condition(n["where"], params, t.where, error)) {
      error = "target.where: " + error;
      return false;
    }
  }
  return true;
}

}  // namespace

bool RuleSet::parse(std::string_view yaml, const std::string& source, Rule& rule,
                    std::vector<RuleError>& errors) {
  auto err = [&](const std::string& msg) {
    errors.push_back({source, msg});
    return false;
  };
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return err(std::string("invalid YAML: ") + e.what());
  }
  if (!doc.IsMap()) return err("a rule file must be a YAML map");
  if (!yaml_within_bounds(doc))
    return err("expands to more than " + std::to_string(kMaxYamlNodes) + " YAML nodes (anchors and aliases)");
  try {
    for (const auto& kv : doc) {
      auto key = kv.first.as<std::string>();
      if (std::find(std::begin(kRuleKeys), std::end(kRuleKeys), key) == std::end(kRuleKeys))
        return err("unknown field '" + key + "'");
    }
    for (const char* required :
         {"id", "title", "severity", "tags", "description", "remediation", "target", "condition",
          "message"}) {
      if (!doc[required]) return err(std::string("missing required field '") + required + "'");
    }
    rule.id = doc["id"].as<std::string>();
    rule.title = doc["title"].as<std::string>();
    auto sev = severity_from_name(doc["severity"].as<std::string>());
    if (!sev) return err("severity must be one of critical, high, medium, low, info");
    rule.severity = *sev;
    rule.checklist = string_list(doc["checklist"]);
    if (const YAML::Node about = doc["about"]) {
      if (!about.IsMap()) return err("about must be a map (subject, property, params, unstated)");
      for (const auto& kv : about) {
        auto key = kv.first.as<std::string>();
        if (key == "subject") rule.about.subjects = string_list(kv.second);
        else if (key == "property") rule.about.properties = string_list(kv.second);
        else if ((key == "params" || key == "unstated") && kv.second.IsMap())
          for (const auto& p : kv.second)
            (key == "params" ? rule.about.params : rule.about.unstated)[p.first.as<std::string>()] =
                p.second.as<std::string>();
        else return err("unknown or malformed about." + key + " (valid: subject, property, params, unstated)");
      }
    }
    rule.tags = string_list(doc["tags"]);
    if (std::find(rule.tags.begin(), rule.tags.end(), "security") == rule.tags.end())
      rule.tags.insert(rule.tags.begin(), "security");
    rule.description = trimmed(doc["description"].as<std::string>());
    rule.remediation = trimmed(doc["remediation"].as<std::string>());
    rule.references = string_list(doc["references"]);
    rule.message = trimmed(doc["message"].as<std::string>());
    if (doc["precision"]) {
      rule.precision = doc["precision"].as<std::string>();
      if (rule.precision != "very-high" && rule.precision != "high" && rule.precision != "medium" &&
          rule.precision != "low")
        return err("precision must be one of very-high, high, medium, low");
    }
    if (doc["params"]) {
      if (!doc["params"].IsMap()) return err("params must be a map of name: default");
      for (const auto& kv : doc["params"]) rule.params[kv.first.as<std::string>()] = yaml_to_value(kv.second);
    }
    std::string error;
    if (!parse_target(doc["target"], rule.params, rule.target, error)) return err(error);
    if (!parse_condition(doc["condition"], rule.params, rule.condition, error))
      return err("condition: " + error);
    if (!check_predicates(rule.condition, error) ||
        (rule.target.has_where && !check_predicates(rule.target.where, error)))
      return err(error);
  } catch (const YAML::Exception& e) {
    return err(std::string("bad field: ") + e.what());
  }
  for (char c : rule.id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return err("id '" + rule.id + "' must be lower-case letters, digits and dashes");
  }
  auto stem = std::filesystem::path(source).stem().string();
  if (!source.empty() && stem != rule.id)
    return err("file name '" + stem + ".yaml' does not match id '" + rule.id + "'");
  rule.source = source;
  return true;
}

RuleSet RuleSet::embedded(std::vector<RuleError>& errors) {
  RuleSet set;
  for (const auto& e : embedded_rules()) {
    Rule rule;
    if (parse(e.yaml, std::string(e.path), rule, errors)) set.add(std::move(rule), errors);
  }
  return set;
}

void RuleSet::load_directory(const std::string& dir, std::vector<RuleError>& errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors.push_back({dir, "not a directory"});
    return;
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec) && (it->path().extension() == ".yaml" || it->path().extension() == ".yml"))
      files.push_back(it->path());
  }
  if (ec) errors.push_back({dir, "cannot read: " + ec.message()});
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Rule rule;
    if (parse(ss.str(), f.string(), rule, errors)) add(std::move(rule), errors);
  }
}

bool RuleSet::add(Rule rule, std::vector<RuleError>& errors) {
  if (find(rule.id)) {
    errors.push_back({rule.source, "duplicate rule id '" + rule.id + "'"});
    return false;
  }
  rules_.push_back(std::move(rule));
  return true;
}

const Rule* RuleSet::find(std::string_view id) const {
  for (const auto& r : rules_)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace clearance
