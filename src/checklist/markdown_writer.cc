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
  // The summary goes right after the title when the document starts with one, else first.
  if (doc.lines.empty() || !doc.lines.front().starts_with("# ")) summary();
  for (size_t n = 0; n < doc.lines.size(); ++n) {
    const std::string& line = doc.lines[n];
    bool last = n + 1 == doc.lines.size();
    if (item_at[n] < 0) {
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
    bool tick = r.status == ItemStatus::Verified || r.status == ItemStatus::Declared;
    std::string head = line.substr(0, item.text_column);
    size_t bracket = head.rfind('[');
    if (bracket != std::string::npos && bracket + 1 < head.size())
      head[bracket + 1] = tick ? 'x' : ' ';
    bool cr = !line.empty() && line.back() == '\r';
    out << head << item.text << " — " << badge(r.status);
    if (cr) out << '\r';
    out << '\n';
    if (!r.evidence.empty() || !r.rules.empty()) {
      // Indented to the item's content (where its "[ ]" starts) so it stays inside the item.
      std::string pad(bracket == std::string::npos ? item.indent + 2 : bracket, ' ');
      out << pad << "<details><summary>evidence";
      if (!r.rules.empty()) {
        out << " (";
        for (size_t k = 0; k < r.rules.size(); ++k)
          out << (k ? ", " : "") << html_escape(r.rules[k]);
        out << ")";
      }
      out << "</summary><ul>";
      for (const auto& e : r.evidence) {
        out << "<li>";
        if (!e.location.path.empty())
          out << "<code>" << html_escape(where(e.location)) << "</code> ";
        out << html_escape(e.text) << "</li>";
      }
      out << "</ul></details>";
      if (cr) out << '\r';
      out << '\n';
    }
  }
}

}  // namespace clearance
