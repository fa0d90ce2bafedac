// Parses the `condition:` / `where:` YAML of a rule into a Condition tree.
#pragma once

#include <map>
#include <string>

#include <yaml-cpp/yaml.h>

#include "engine/condition.h"

namespace clearance {

/// Parses `node`; on error returns false and sets `error` (with the YAML line).
/// `params` resolves `$name` operands to the rule's thresholds.
bool parse_condition(const YAML::Node& node, const std::map<std::string, Value>& params,
                     Condition& out, std::string& error);

}  // namespace clearance
