// Markdown for a pull-request comment. It has to stay readable when long, so each severity
// is a table of one line per finding and the rule explanations sit in <details> blocks that
// are closed by default, once per rule. Text from scanned files is escaped so that it cannot
// break the table or inject markup. Suppressed findings are counted, not listed.
#include "report/markdown_writer.h"

#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "report/ordering.h"
#include "report/summary.h"
#include "report/visible.h"

namespace clearance {

namespace {

/// Escapes Markdown and HTML specials, keeps the text on one line (a table cell).
std::string md(std::string_view raw) {
  std::string out;
  std::string text = visible_text(raw);
  for (unsigned char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0x20 && c != '\t') {
      continue;
    } else if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' ||
               c == '#') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// Inline code that survives backticks in the text.
std::string code(std::string_view raw) {
  std::string clean;
  std::string text = visible_text(raw);
  for (char c : text) clean += (c == '\n' || c == '\r' || c == '|') ? ' ' : c;
  std::string fence = clean.find('`') == std::string::npos ? "`" : "``";
  return fence + (fence.size() > 1 ? " " : "") + clean + (fence.size() > 1 ? " " : "") + fence;
}

constexpr std::string_view kIcons[] = {"⚪", "🔵", "🟡", "🟠", "🔴"};

}  // namespace

namespace {

/// GitHub refuses pull-request comments longer than this many characters.
constexpr size_t kMaxComment = 65536;

/// The comment with at most `max_rows` table rows and list items (findings, undetermined,
/// problems, in that order); `left_out` is set to how many did not fit.
void render(const Report& report, std::ostream& out, Severity threshold, size_t max_rows,
            size_t& left_out) {
  size_t rows = 0;
  left_out = 0;
  auto room = [&]() {
    if (rows < max_rows) return ++rows, true;
    ++left_out;
    return false;
  };
  Summary s = summarize(report, threshold);
  out << "## clearance: ";
  if (s.failing > 0)
    out << s.failing << (s.failing == 1 ? " finding" : " findings") << " at or above "
        << severity_name(threshold);
  else
    out << "no findings at or above " << severity_name(threshold);
  out << "\n\n";
  out << "| Severity | Findings |\n|---|---:|\n";
  for (int i = static_cast<int>(Severity::Critical); i >= 0; --i) {
    auto sev = static_cast<Severity>(i);
    out << "| " << kIcons[i] << ' ' << severity_name(sev) << " | " << s.failed_at(sev) << " |\n";
  }
  out << "| undetermined | " << s.undetermined << " |\n";
  out << "| suppressed | " << s.suppressed << " |\n\n";
  out << report.stats.files_scanned << (report.stats.files_scanned == 1 ? " file" : " files")
      << " scanned";
  if (s.parse_errors)
    out << ", " << s.parse_errors << (s.parse_errors == 1 ? " file" : " files")
        << " could not be parsed";
  out << ".\n";

  std::map<std::string, const Rule*> rules;
  for (const Rule* r : report.rules) rules[r->id] = r;
  auto findings = ordered_findings(report);
  for (int i = static_cast<int>(Severity::Critical); i >= 0; --i) {
    auto sev = static_cast<Severity>(i);
    std::vector<const Finding*> group;
    for (const Finding* f : findings)
      if (f->suppressions.empty() && f->verdict == Verdict::Fail && f->severity == sev)
        group.push_back(f);
    if (group.empty()) continue;
    out << "\n### " << kIcons[i] << ' ' << severity_name(sev) << " (" << group.size() << ")\n\n";
    out << "| Location | Rule | Finding |\n|---|---|---|\n";
    std::set<std::string> seen_rules;
    for (const Finding* f : group) {
      if (!room()) continue;
      out << "| "
          << code(f->location.path + ":" +
                  std::to_string(f->location.range.begin.line ? f->location.range.begin.line : 1))
          << " | " << code(f->rule_id) << " | " << md(f->message) << " |\n";
      seen_rules.insert(f->rule_id);
    }
    for (const auto& id : seen_rules) {
      auto it = rules.find(id);
      if (it == rules.end()) continue;
      const Rule& r = *it->second;
      out << "\n<details><summary>" << code(r.id) << ": " << md(r.title) << "</summary>\n\n"
          << md(r.description) << "\n\n**Fix:** " << md(r.remediation) << "\n";
      for (const auto& ref : r.references) out << "\n- " << md(ref);
      out << "\n</details>\n";
    }
  }
  std::vector<const Finding*> undetermined;
  for (const Finding* f : findings)
    if (f->suppressions.empty() && f->verdict == Verdict::Undetermined) undetermined.push_back(f);
  if (!undetermined.empty()) {
    out << "\n<details><summary>" << undetermined.size()
        << " undetermined (values not known statically: review by hand)</summary>\n\n";
    out << "| Location | Rule | Finding |\n|---|---|---|\n";
    for (const Finding* f : undetermined)
      if (room())
        out << "| " << code(f->location.path + ":" + std::to_string(f->location.range.begin.line))
          << " | " << code(f->rule_id) << " | " << md(f->message)
          << (f->expression.empty() ? "" : " (unresolved: " + code(f->expression) + ")") << " |\n";
    out << "\n</details>\n";
  }
  auto notes = ordered_notifications(report);
  if (!notes.empty()) {
    out << "\n<details><summary>" << notes.size() << " problem(s) reading the input</summary>\n\n";
    for (const Diagnostic* d : notes)
      if (room())
        out << "- "
          << (d->location.path.empty()
                  ? std::string()
                  : code(d->location.path + ":" + std::to_string(d->location.range.begin.line)) +
                        " ")
          << md(d->message) << "\n";
    out << "\n</details>\n";
  }
  if (left_out > 0)
    out << "\n" << left_out << " more rows left out: a comment holds at most " << kMaxComment
        << " characters (the full list is in the SARIF or JSON report).\n";
}

}  // namespace

void write_markdown(const Report& report, std::ostream& out, Severity threshold) {
  size_t left_out = 0;
  std::ostringstream full;
  render(report, full, threshold, SIZE_MAX, left_out);
  if (full.str().size() <= kMaxComment) {
    out << full.str();
    return;
  }
  // Too long: the most rows that fit, found by bisection (each try renders the comment).
  size_t lo = 0, hi = report.findings.size() + report.notifications.size();
  std::string best;
  while (lo <= hi) {
    size_t mid = lo + (hi - lo) / 2;
    std::ostringstream attempt;
    render(report, attempt, threshold, mid, left_out);
    if (attempt.str().size() <= kMaxComment) {
      best = attempt.str();
      lo = mid + 1;
    } else {
      if (mid == 0) break;
      hi = mid - 1;
    }
  }
  out << best;
}

}  // namespace clearance
