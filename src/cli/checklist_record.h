// The sign-off record of a filled-in checklist: what was judged (checklist file and its
// SHA-256, scanned paths, git commit and whether the tree was dirty), when, and by which
// clearance and rule set, so a reviewer can sign the output and anyone can reproduce it.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "engine/rule_set.h"

namespace clearance {

struct ChecklistRecord {
  std::string checklist;           ///< the checklist file as given
  std::string checklist_sha256;    ///< of its bytes
  std::vector<std::string> paths;  ///< scanned paths as given
  std::string git_commit;          ///< HEAD of the first path's repository; empty outside git
  bool git_dirty = false;          ///< uncommitted changes in that repository
  std::string date;                ///< UTC, ISO 8601
  std::string version;             ///< clearance version
  size_t rule_count = 0;
  std::string rules_sha256;  ///< over every rule's id and YAML, in id order
};

/// Collects the record; `checklist_bytes` is the file's content.
ChecklistRecord make_checklist_record(const std::string& checklist,
                                      const std::string& checklist_bytes,
                                      const std::vector<std::string>& paths, const RuleSet& rules);

/// The record as JSON (the "record" member of `--format json`).
nlohmann::json record_json(const ChecklistRecord& r);

/// The record as a Markdown table, appended to the filled-in checklist.
void write_record_markdown(const ChecklistRecord& r, std::ostream& out);

/// The record as an HTML table.
void write_record_html(const ChecklistRecord& r, std::ostream& out);

}  // namespace clearance
