// Rule loading for the commands: a bad rule is a fatal error, never silently skipped.
#include "cli/rule_loading.h"

#include <iostream>

namespace clearance {

bool load_rules(const std::vector<std::string>& dirs, RuleSet& out) {
  std::vector<RuleError> errors;
  out = RuleSet::embedded(errors);
  for (const auto& d : dirs) out.load_directory(d, errors);
  for (const auto& e : errors) std::cerr << "clearance: rule " << e.source << ": " << e.message << "\n";
  return errors.empty();
}

}  // namespace clearance
