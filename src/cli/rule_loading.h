// Loading the embedded rules plus users' --rules directories, with errors on stderr.
#pragma once

#include <string>
#include <vector>

#include "engine/rule_set.h"

namespace clearance {

/// Embedded rules plus every directory in `dirs`; false (errors printed) if any rule is bad.
bool load_rules(const std::vector<std::string>& dirs, RuleSet& out);

}  // namespace clearance
