// Conversion of YAML nodes (rule files, config files) to model Values.
#pragma once

#include <yaml-cpp/yaml.h>

#include "model/value.h"

namespace clearance {

/// Converts a YAML node: plain scalars become bool/number/null when they read as such,
/// quoted scalars stay strings; positions are the YAML marks (1-based).
Value yaml_to_value(const YAML::Node& node);

}  // namespace clearance
