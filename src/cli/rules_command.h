// `clearance rules` and `clearance explain RULE`.
#pragma once

#include <string>
#include <vector>

namespace clearance {

struct RulesSettings {
  std::vector<std::string> rule_dirs;
  bool json = false;
};

/// Lists every rule (id, severity, format, title); 2 if a rule fails to load.
int run_rules_list(const RulesSettings& settings);
/// Prints one rule in full; 2 if unknown.
int run_explain(const RulesSettings& settings, const std::string& id);

}  // namespace clearance
