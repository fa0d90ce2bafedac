// Matching and judging: each checklist item gets the rules whose `checklist:` phrases match it
// (or the ids of an `<!-- clearance: ... -->` override), an existence entry, or a value list
// check, and a verdict with evidence from the scan.
#pragma once

#include <vector>

#include "checklist/checklist_document.h"
#include "checklist/declared_table.h"
#include "checklist/item_result.h"
#include "checklist/matcher.h"
#include "engine/workspace.h"
#include "report/report.h"

namespace clearance {

/// Counts per status, for the summary.
struct ChecklistSummary {
  size_t verified = 0, failed = 0, undetermined = 0, declared = 0, manual = 0;
};

/// A team's pinned mapping (`checklist:` in .clearance.yml): an item text (normalised) or a
/// regular expression over the raw text, to rule ids or to manual (empty `rules`).
struct ChecklistPin {
  std::string item;
  std::string pattern;
  std::vector<std::string> rules;
};

/// What matching needs besides the document.
struct MatchContext {
  const DeclaredTable* table = nullptr;
  const Vocabulary* vocabulary = nullptr;
  std::vector<ChecklistPin> pins;
};

/// How each item of `doc` is matched (no scan needed): the `--explain` view.
std::vector<ItemMatch> match_checklist(const ChecklistDocument& doc,
                                       const std::vector<const Rule*>& rules,
                                       const MatchContext& ctx);

/// One result per item of `doc`, in the same order.
std::vector<ItemResult> judge_checklist(const ChecklistDocument& doc, const Report& report,
                                        const Workspace& ws, const MatchContext& ctx);

ChecklistSummary summarise(const std::vector<ItemResult>& results);

}  // namespace clearance
