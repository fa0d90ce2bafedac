// Line-based reading of a Markdown checklist. Markdown nesting is decided by indentation;
// an item's parent is the closest item above it with a smaller indent.
#include "checklist/checklist_document.h"

#include <cctype>

#include "checklist/normalise.h"

namespace clearance {

namespace {

/// Recognises `<indent>[N. ]- [ ] text`; fills `item` and returns true for an item line.
bool parse_item_line(std::string_view line, ChecklistItem& item) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  size_t indent = i;
  // An optional ordered-list marker in front of the bullet ("1. - [ ] x" is rare but seen).
  size_t j = i;
  while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
  if (j > i && j + 1 < line.size() && (line[j] == '.' || line[j] == ')') && line[j + 1] == ' ') {
    i = j + 2;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  if (i + 5 > line.size()) return false;
  if (line[i] != '-' && line[i] != '*' && line[i] != '+') return false;
  if (line[i + 1] != ' ' || line[i + 2] != '[' || line[i + 4] != ']') return false;
  char mark = line[i + 3];
  if (mark != ' ' && mark != 'x' && mark != 'X') return false;
  size_t text = i + 5;
  if (text < line.size() && line[text] != ' ') return false;
  while (text < line.size() && line[text] == ' ') ++text;
  std::string_view rest = line.substr(text);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
  item.indent = indent;
  item.text_column = text;
  item.checked = mark != ' ';
  item.text = std::string(rest);
  return true;
}

std::string heading_text(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  return normalise_display(line.substr(i));
}

std::string override_ids(std::string_view text) {
  static constexpr std::string_view kOpen = "<!-- clearance:";
  size_t at = text.find(kOpen);
  if (at == std::string_view::npos) return {};
  size_t end = text.find("-->", at);
  if (end == std::string_view::npos) return {};
  std::string ids(text.substr(at + kOpen.size(), end - at - kOpen.size()));
  std::string out;
  for (char c : ids)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

}  // namespace

std::string strip_override_comment(std::string_view text) {
  std::string out(text);
  size_t at = out.find("<!-- clearance:");
  if (at == std::string::npos) return out;
  size_t end = out.find("-->", at);
  if (end == std::string::npos) return out;
  out.erase(at, end + 3 - at);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

ChecklistDocument read_checklist(std::string_view markdown) {
  ChecklistDocument doc;
  size_t start = 0;
  while (start <= markdown.size()) {
    size_t nl = markdown.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < markdown.size()) doc.lines.emplace_back(markdown.substr(start));
      break;
    }
    doc.lines.emplace_back(markdown.substr(start, nl - start));
    start = nl + 1;
    if (start == markdown.size()) doc.trailing_newline = true;
  }
  std::string section;
  std::vector<size_t> open;  // stack of enclosing items, by indent
  bool in_fence = false;
  for (size_t n = 0; n < doc.lines.size(); ++n) {
    std::string_view line = doc.lines[n];
    if (line.starts_with("```") || line.starts_with("~~~")) in_fence = !in_fence;
    if (in_fence) continue;
    if (line.starts_with("#")) {
      section = heading_text(line);
      open.clear();
      continue;
    }
    ChecklistItem item;
    if (!parse_item_line(line, item)) {
      // A non-indented, non-blank line ends any list.
      if (!line.empty() && line[0] != ' ' && line[0] != '\t' && line != "\r") open.clear();
      continue;
    }
    item.line = n;
    item.section = section;
    item.override_rules = override_ids(item.text);
    while (!open.empty() && doc.items[open.back()].indent >= item.indent) open.pop_back();
    size_t index = doc.items.size();
    if (!open.empty()) {
      item.parent = static_cast<int>(open.back());
      doc.items[open.back()].children.push_back(index);
    }
    doc.items.push_back(std::move(item));
    open.push_back(index);
  }
  return doc;
}

}  // namespace clearance
