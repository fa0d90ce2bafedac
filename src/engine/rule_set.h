// RuleSet: the loaded rules (embedded ones plus any --rules directories).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace clearance {

/// A rule-loading problem: which file, what is wrong.
struct RuleError {
  std::string source;
  std::string message;
};

class RuleSet {
 public:
  /// Loads the rules compiled into the binary.
  static RuleSet embedded(std::vector<RuleError>& errors);
  /// Parses one rule from YAML text; `source` names it in errors.
  static bool parse(std::string_view yaml, const std::string& source, Rule& out,
                    std::vector<RuleError>& errors);
  /// Adds every `*.yaml` under `dir` (recursively). A duplicate id is an error.
  void load_directory(const std::string& dir, std::vector<RuleError>& errors);
  /// Adds a rule; false (with an error) if its id is taken.
  bool add(Rule rule, std::vector<RuleError>& errors);

  const std::vector<Rule>& rules() const { return rules_; }
  std::vector<Rule>& rules() { return rules_; }
  const Rule* find(std::string_view id) const;

 private:
  std::vector<Rule> rules_;
};

}  // namespace clearance
