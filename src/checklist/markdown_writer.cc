// The evidence block is one line of inline HTML (<details>...</details>) indented to the
// item's content, so the list stays tight and GitHub keeps it inside the item.
#include "checklist/markdown_writer.h"

#include "checklist/judge.h"

namespace clearance {

namespace {

/// `text` with &, <, > and " escaped.
std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* badge(ItemStatus s) {
  switch (s) {
    case ItemStatus::Verified: return "✅ **verified**";
    case ItemStatus::Failed: return "❌ **failed**";
    case ItemStatus::Undetermined: return "❔ **undetermined**";
    case ItemStatus::Declared: return "📄 **declared**";
    case ItemStatus::Manual: return "✋ _manual_";
  }
  return "";
}

std::string where(const Location& l) {
  if (l.path.empty()) return {};
  return l.path + ":" + std::to_string(l.range.begin.line);
}

void write_summary(const ChecklistSummary& s, std::ostream& out) {
  out << "> **clearance sign-off summary:** " << s.verified << " verified, " << s.failed
      << " failed, " << s.undetermined << " undetermined, " << s.declared
      << " declared (present in the code, not verified), " << s.manual
      << " manual (a person must check).\n"
      << ">\n"
      << "> | ✅ verified | ❌ failed | ❔ undetermined | 📄 declared | ✋ manual |\n"
      << "> |---:|---:|---:|---:|---:|\n"
      << "> | " << s.verified << " | " << s.failed << " | " << s.undetermined << " | " << s.declared
      << " | " << s.manual << " |\n\n";
}

/// One line of inline HTML: the rules and evidence of `r`.
void write_evidence(const ItemResult& r, std::ostream& out) {
  out << "<details><summary>evidence";
  if (!r.rules.empty()) {
    out << " (";
    for (size_t k = 0; k < r.rules.size(); ++k) out << (k ? ", " : "") << html_escape(r.rules[k]);
    out << ")";
  }
  out << "</summary><ul>";
  for (const auto& e : r.evidence) {
    out << "<li>";
    if (!e.location.path.empty()) out << "<code>" << html_escape(where(e.location)) << "</code> ";
    out << html_escape(e.text) << "</li>";
  }
  out << "</ul></details>";
}

}  // namespace

void write_checklist_markdown(const ChecklistDocument& doc, const std::vector<ItemResult>& results,
                              std::ostream& out) {
  std::vector<int> item_at(doc.lines.size(), -1);
  for (size_t i = 0; i < doc.items.size(); ++i) item_at[doc.items[i].line] = static_cast<int>(i);
  bool summary_written = false;
  auto summary = [&] {
    if (summary_written) return;
    summary_written = true;
    write_summary(summarise(results), out);
  };
  // Evidence of table rows and status-emoji lines waits for the end of the table or paragraph,
  // so the block is not broken up.
  std::vector<size_t> pending;
  auto flush = [&] {
    if (pending.empty()) return;
    out << "\n";
    for (size_t i : pending) {
      out << "- " << html_escape(strip_override_comment(doc.items[i].text)) << ": ";
      write_evidence(results[i], out);
      out << '\n';
    }
    out << '\n';
    pending.clear();
  };
  // The summary goes right after the title when the document starts with one, else first.
  if (doc.lines.empty() || !doc.lines.front().starts_with("# ")) summary();
  for (size_t n = 0; n < doc.lines.size(); ++n) {
    const std::string& line = doc.lines[n];
    bool last = n + 1 == doc.lines.size();
    if (item_at[n] < 0) {
      if (!pending.empty() && (line.empty() || line == "\r" || !line.starts_with("|"))) flush();
      out << line;
      if (!last || doc.trailing_newline) out << '\n';
      if (n == 0 && !summary_written) {
        out << '\n';
        summary();
      }
      continue;
    }
    const ChecklistItem& item = doc.items[item_at[n]];
    const ItemResult& r = results[item_at[n]];
    bool conflict = item.checked && r.status == ItemStatus::Failed;
    bool cr = !line.empty() && line.back() == '\r';
    // The author's tick stays as written; the verdict goes beside the item.
    out << line.substr(0, item.text_end) << " — " << badge(r.status);
    if (conflict) out << " ⚠️ **conflict: ticked in the checklist**";
    out << line.substr(item.text_end, line.size() - item.text_end - (cr ? 1 : 0));
    if (cr) out << '\r';
    out << '\n';
    if (r.evidence.empty() && r.rules.empty()) continue;
    if (item.style != ItemStyle::Checkbox) {
      pending.push_back(static_cast<size_t>(item_at[n]));
      if (last) flush();
      continue;
    }
    // Indented to the item's content (where its "[ ]" starts) so it stays inside the item.
    size_t bracket = line.rfind('[', item.text_column);
    std::string pad(bracket == std::string::npos ? item.indent + 2 : bracket, ' ');
    out << pad;
    write_evidence(r, out);
    if (cr) out << '\r';
    out << '\n';
  }
  flush();
}

}  // namespace clearance
