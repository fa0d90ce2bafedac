// A Markdown checklist as teams write it: headings, bold group headers that are items
// themselves, nested `- [ ]` items (any indent, under numbered lists too), tables, rules.
// Reading keeps every line, so writing back changes only the item lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clearance {

/// One `- [ ]` / `- [x]` line.
struct ChecklistItem {
  size_t line = 0;         ///< index into ChecklistDocument::lines (0-based)
  size_t indent = 0;       ///< columns before the bullet
  size_t text_column = 0;  ///< byte offset where the item's text starts (after "[ ] ")
  bool checked = false;    ///< ticked in the input
  std::string text;        ///< the item's text as written (no trailing spaces)
  int parent = -1;         ///< index of the enclosing item, -1 at top level
  std::vector<size_t> children;
  std::string section;         ///< the nearest heading above, without '#' and emoji
  std::string override_rules;  ///< ids from an `<!-- clearance: a, b -->` comment, comma list
};

struct ChecklistDocument {
  std::vector<std::string> lines;  ///< the input split on '\n' (a final '\r' kept)
  bool trailing_newline = false;
  std::vector<ChecklistItem> items;
};

/// Parses `markdown`. Never fails: a line that is not an item is kept as it is.
ChecklistDocument read_checklist(std::string_view markdown);

/// `text` without `<!-- clearance: ... -->` comments.
std::string strip_override_comment(std::string_view text);

}  // namespace clearance
