// `clearance checklist CHECKLIST.md [PATH...]`: scans PATHs, then fills in the team's own
// Markdown checklist with the verdicts and their evidence.
#pragma once

#include <string>
#include <vector>

namespace clearance {

struct ChecklistSettings {
  std::string checklist;            ///< the Markdown checklist to fill in
  std::vector<std::string> paths;   ///< what to scan (default: .)
  std::string format = "markdown";  ///< markdown, html or json
  std::string output;               ///< file to write; empty = standard output
  std::vector<std::string> rule_dirs;
  unsigned jobs = 0;
  bool explain = false;  ///< print how each item is matched instead of the filled-in checklist
};

/// Returns 0 when no item failed, 1 when one did, 2 on error.
int run_checklist(const ChecklistSettings& settings);

}  // namespace clearance
