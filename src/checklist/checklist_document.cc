// Line-based reading of a Markdown checklist. Markdown nesting is decided by indentation;
// an item's parent is the closest item above it with a smaller indent. Fenced code blocks
// (indented too, as under an item) and YAML front matter hold no items.
#include "checklist/checklist_document.h"

#include <array>
#include <cctype>

#include "checklist/normalise.h"

namespace clearance {

namespace {

struct StatusToken {
  std::string_view text;
  bool checked;
};

// Status marks teams put in front of an item or in a table cell ("✔" also with U+FE0F).
constexpr std::array<StatusToken, 14> kStatusTokens{{
    {"[ ]", false},
    {"[x]", true},
    {"[X]", true},
    {"\xE2\x98\x90", false},      // ☐
    {"\xE2\x98\x91", true},       // ☑
    {"\xE2\x98\x92", true},       // ☒
    {"\xE2\x9C\x85", true},       // ✅
    {"\xE2\x9C\x94", true},       // ✔
    {"\xE2\x9C\x93", true},       // ✓
    {"\xE2\x9D\x8C", false},      // ❌
    {"\xE2\xAC\x9C", false},      // ⬜
    {"\xF0\x9F\x94\xB2", false},  // 🔲
    {"\xE2\x9C\x97", false},      // ✗
    {"\xE2\x9C\x98", false},      // ✘
}};

/// Length of the status mark at the start of `s` (0 if none); sets `checked`.
size_t status_prefix(std::string_view s, bool& checked) {
  for (const auto& t : kStatusTokens) {
    if (!s.starts_with(t.text)) continue;
    checked = t.checked;
    size_t n = t.text.size();
    if (s.substr(n).starts_with("\xEF\xB8\x8F")) n += 3;  // emoji presentation selector
    return n;
  }
  return 0;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// Fills the text fields of `item` from `line` starting at byte `from`.
void set_text(std::string_view line, size_t from, ChecklistItem& item) {
  while (from < line.size() && line[from] == ' ') ++from;
  std::string_view rest = line.substr(from);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
  item.text_column = from;
  item.text_end = from + rest.size();
  item.text = std::string(rest);
}

/// Recognises `<indent>[N. |N) ][-*+ ]<status> text`: a checkbox or a status-emoji line.
bool parse_item_line(std::string_view line, ChecklistItem& item) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  size_t indent = i;
  bool listed = false;
  size_t j = i;
  while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
  if (j > i && j + 1 < line.size() && (line[j] == '.' || line[j] == ')') && line[j + 1] == ' ') {
    i = j + 2;
    listed = true;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') &&
      line[i + 1] == ' ') {
    i += 2;
    listed = true;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  std::string_view rest = line.substr(i);
  bool checked = false;
  size_t mark = status_prefix(rest, checked);
  if (mark == 0) return false;
  bool box = rest.starts_with("[");
  if (box && !listed) return false;  // "[ ] x" alone is not a list item
  size_t text = i + mark;
  if (text < line.size() && line[text] != ' ' && line[text] != '\t') return false;
  item.style = box ? ItemStyle::Checkbox : ItemStyle::StatusEmoji;
  item.indent = indent;
  item.checked = checked;
  set_text(line, text, item);
  return !trim_view(item.text).empty();
}

/// Recognises a table row with a status cell; the item's text is its first other cell.
bool parse_table_row(std::string_view line, ChecklistItem& item) {
  std::string_view t = trim_view(line);
  if (t.size() < 3 || t.front() != '|') return false;
  size_t start = line.find('|') + 1;
  bool has_status = false, checked = false;
  size_t text_begin = 0, text_end = 0;
  while (start < line.size()) {
    size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) break;
    std::string_view raw = line.substr(start, bar - start);
    std::string_view cell = trim_view(raw);
    bool c = false;
    size_t n = status_prefix(cell, c);
    if (n > 0 && trim_view(cell.substr(n)).empty()) {
      if (!has_status) checked = c;
      has_status = true;
    } else if (text_end == 0 && !cell.empty()) {
      bool number = true;
      for (char ch : cell)
        number = number && (std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || ch == '#');
      if (!number) {
        text_begin = start + static_cast<size_t>(cell.data() - raw.data());
        text_end = text_begin + cell.size();
      }
    }
    start = bar + 1;
  }
  if (!has_status || text_end == 0) return false;
  item.style = ItemStyle::TableRow;
  item.indent = 0;
  item.checked = checked;
  item.text_column = text_begin;
  item.text_end = text_end;
  item.text = std::string(line.substr(text_begin, text_end - text_begin));
  return true;
}

std::string heading_text(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == '#') ++i;
  return normalise_display(line.substr(i));
}

/// The text of a line that is only bold ("**Database**", "**Cache:**"), else "".
std::string bold_header(std::string_view line) {
  std::string_view t = trim_view(line);
  if (t.size() < 5 || !t.starts_with("**")) return {};
  if (!t.ends_with("**") && !t.ends_with("**:")) return {};
  std::string_view inner = t.substr(2, t.size() - (t.ends_with(":") ? 5 : 4));
  if (inner.find("**") != std::string_view::npos) return {};
  return normalise_display(inner);
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

bool is_fence(std::string_view line) {
  std::string_view t = trim_view(line);
  return t.starts_with("```") || t.starts_with("~~~");
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
  std::string section, group;
  std::vector<std::pair<size_t, std::string>> heads;  // enclosing headings by level
  std::vector<size_t> open;                           // stack of enclosing items, by indent
  bool in_fence = false;
  size_t n = 0;
  // YAML front matter: "---" on the first line up to the next "---" or "...".
  if (!doc.lines.empty() && trim_view(doc.lines[0]) == "---") {
    for (size_t k = 1; k < doc.lines.size(); ++k) {
      std::string_view t = trim_view(doc.lines[k]);
      if (t == "---" || t == "...") {
        n = k + 1;
        break;
      }
    }
  }
  for (; n < doc.lines.size(); ++n) {
    std::string_view line = doc.lines[n];
    if (is_fence(line)) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    if (line.starts_with("#")) {
      section = heading_text(line);
      size_t level = line.find_first_not_of('#');
      while (!heads.empty() && heads.back().first >= level) heads.pop_back();
      heads.emplace_back(level, section);
      group.clear();
      open.clear();
      continue;
    }
    if (std::string bold = bold_header(line); !bold.empty()) {
      group = bold;
      open.clear();
      continue;
    }
    ChecklistItem item;
    if (!parse_item_line(line, item) && !parse_table_row(line, item)) {
      // A non-indented, non-blank line ends any list.
      if (!line.empty() && line[0] != ' ' && line[0] != '\t' && line != "\r") open.clear();
      continue;
    }
    item.line = n;
    item.section = section;
    item.group = group;
    for (auto h = heads.rbegin(); h != heads.rend(); ++h) item.headings.push_back(h->second);
    item.override_rules = override_ids(item.text);
    while (!open.empty() && doc.items[open.back()].indent >= item.indent) open.pop_back();
    size_t index = doc.items.size();
    if (!open.empty() && item.style != ItemStyle::TableRow) {
      item.parent = static_cast<int>(open.back());
      doc.items[open.back()].children.push_back(index);
    }
    doc.items.push_back(std::move(item));
    if (doc.items.back().style != ItemStyle::TableRow) open.push_back(index);
  }
  return doc;
}

}  // namespace clearance
