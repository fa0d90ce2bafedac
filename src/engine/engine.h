// The check step: applies every rule to every subject of a Workspace.
#pragma once

#include <vector>

#include "engine/finding.h"
#include "engine/rule_set.h"
#include "engine/workspace.h"

namespace clearance {

struct EngineResult {
  std::vector<Finding> findings;  ///< Fail and Undetermined, sorted (path, line, column, rule)
  std::vector<Check> checks;      ///< every subject judged, passes included
};

/// Runs `rules` over `workspace`. Deterministic: same input, same output order.
EngineResult run_rules(const RuleSet& rules, const Workspace& workspace);

}  // namespace clearance
