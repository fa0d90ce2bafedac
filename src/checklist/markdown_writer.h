// Writes a judged checklist back as Markdown: the input's lines unchanged except item lines,
// which get their tick and a status, and a collapsible evidence block under each judged item;
// a summary table after the title. Renders on GitHub as the team's own checklist.
#pragma once

#include <ostream>
#include <vector>

#include "checklist/checklist_document.h"
#include "checklist/item_result.h"

namespace clearance {

void write_checklist_markdown(const ChecklistDocument& doc, const std::vector<ItemResult>& results,
                              std::ostream& out);

}  // namespace clearance
