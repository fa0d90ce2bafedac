// Applying .clearance.yml to the loaded rules and to the workspace. Names the file refers to
// (rules, tags, parameters) are checked here, where the rules are known.
#pragma once

#include <string>
#include <vector>

#include "cli/config_file.h"
#include "engine/rule_set.h"
#include "engine/workspace.h"

namespace clearance {

/// Checks `config` against `rules` and applies it: rules disabled by id or tag are removed
/// (`only_tags`, from the command line, narrows further), severities and parameters are
/// overridden. Returns false with `FILE:LINE: ...` messages in `errors` on unknown rule ids,
/// tags or parameters and on parameter values of the wrong type.
/// From the command line: `only_rules` (--rule), when not empty, runs exactly these rules
/// whatever the configuration and tags say; `skip_rules` (--skip-rule) never runs these.
/// Unknown ids there are errors too.
bool apply_config(const Config& config, const std::vector<std::string>& only_tags, RuleSet& rules,
                  std::vector<std::string>& errors, const std::vector<std::string>& only_rules = {},
                  const std::vector<std::string>& skip_rules = {});

/// Marks the .env documents matching `production_env_files` as production.
void apply_production_env_files(const Config& config, Workspace& ws);

}  // namespace clearance
