// Matching and judging: each checklist item gets the rules whose `checklist:` phrases match it
// (or the ids of an `<!-- clearance: ... -->` override), an existence entry, or a value list
// check, and a verdict with evidence from the scan.
#pragma once

#include <vector>

#include "checklist/checklist_document.h"
#include "checklist/declared_table.h"
#include "checklist/item_result.h"
#include "engine/workspace.h"
#include "report/report.h"

namespace clearance {

/// Counts per status, for the summary.
struct ChecklistSummary {
  size_t verified = 0, failed = 0, undetermined = 0, declared = 0, manual = 0;
};

/// One result per item of `doc`, in the same order.
std::vector<ItemResult> judge_checklist(const ChecklistDocument& doc, const Report& report,
                                        const Workspace& ws, const DeclaredTable& table);

ChecklistSummary summarise(const std::vector<ItemResult>& results);

}  // namespace clearance
