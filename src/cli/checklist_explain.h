// The matching side of `clearance checklist`: pinned mappings from .clearance.yml and the
// `--explain` listing of how each item is matched.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "checklist/judge.h"

namespace clearance {

/// Reads the `checklist:` section of the configuration found for `root` (if any) into
/// `pins`; false with `error` when the section is malformed.
bool load_checklist_pins(const std::string& root, std::vector<ChecklistPin>& pins,
                         std::string& error);

/// Per item: line, text, how it matched, words, rules and parameters, or why it is manual.
void write_explain(const ChecklistDocument& doc, const std::vector<ItemMatch>& matches,
                   std::ostream& out);

}  // namespace clearance
