// A Markdown checklist as teams write it: headings, bold group headers, nested `- [ ]` /
// `* [ ]` / `+ [ ]` items at any depth, numbered `1. [ ]` and `1) [ ]` items, table rows with
// a status cell (`[ ]`, ☐, ✅...), bare status-emoji lines, YAML front matter, code blocks.
// Reading keeps every line, so writing back changes only the item lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clearance {

/// How an item is written; the writer puts the verdict where the style allows.
enum class ItemStyle { Checkbox, StatusEmoji, TableRow };

/// One item: a checkbox line, a status-emoji line or a table row with a status cell.
struct ChecklistItem {
  ItemStyle style = ItemStyle::Checkbox;
  size_t line = 0;         ///< index into ChecklistDocument::lines (0-based)
  size_t indent = 0;       ///< columns before the bullet
  size_t text_column = 0;  ///< byte offset where the item's text starts (after "[ ] ")
  bool checked = false;    ///< ticked in the input
  std::string text;        ///< the item's text as written (no trailing spaces)
  int parent = -1;         ///< index of the enclosing item, -1 at top level
  std::vector<size_t> children;
  size_t text_end = 0;                ///< byte offset where the item's text ends in the line
  std::string section;                ///< the nearest heading above, without '#' and emoji
  std::string group;                  ///< the nearest bold group header line above, if any
  std::vector<std::string> headings;  ///< every enclosing heading, nearest first
  std::string override_rules;  ///< ids from an `<!-- clearance: a, b -->` comment, comma list
};

struct ChecklistDocument {
  std::vector<std::string> lines;  ///< the input split on '\n' (a final '\r' kept)
  bool trailing_newline = false;
  std::vector<ChecklistItem> items;
};

/// Parses `markdown`. Never fails: a line that is not an item is kept as it is (a document
/// with no item has an empty `items`, which the command reports as an error).
ChecklistDocument read_checklist(std::string_view markdown);

/// `text` without `<!-- clearance: ... -->` comments.
std::string strip_override_comment(std::string_view text);

}  // namespace clearance
