// Rule: metadata, target selector and condition of one rule, loaded from one YAML file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/condition.h"
#include "engine/severity.h"
#include "model/format.h"
#include "model/value.h"

namespace clearance {

/// Which subjects a rule looks at.
struct Target {
  enum class Scope {
    Node,      ///< every node (at any depth) whose kind/type match
    Document,  ///< each document of the format, subject = its root node
    Module,    ///< each directory's documents of the format together (e.g. a Terraform module)
    /// every document of the format in the scan together, judged once (rules about the
    /// account or the deployment: a trail anywhere satisfies a CloudTrail rule)
    Deployment,
  };
  std::vector<Format> formats;       ///< documents these formats are searched
  Scope scope = Scope::Node;
  std::vector<std::string> kinds;    ///< node kinds (empty = any)
  std::vector<std::string> types;    ///< node types (empty = any)
  bool has_where = false;
  Condition where;                   ///< only subjects where this passes are checked
};

/// What a rule checks, in the words of checklist/vocabulary.yaml, for matching checklist items.
struct RuleAbout {
  std::vector<std::string> subjects;
  std::vector<std::string> properties;
  std::map<std::string, std::string> params;    ///< unit in the item text ("days") -> param
  std::map<std::string, std::string> unstated;  ///< param -> value when the item gives none
};

struct Rule {
  std::string id;
  std::string title;
  Severity severity = Severity::Medium;
  std::vector<std::string> checklist;
  RuleAbout about;
  std::vector<std::string> tags;
  std::string description;
  std::string remediation;
  std::vector<std::string> references;
  Target target;
  Condition condition;
  std::string message;  ///< template: {address} {type} {name} {attribute} {value} {detail} {params.X}
  std::map<std::string, Value> params;  ///< named thresholds with their defaults
  std::string precision = "high";       ///< SARIF precision: very-high, high, medium, low
  std::string source;                   ///< where the YAML came from (embedded path or file)
};

}  // namespace clearance
