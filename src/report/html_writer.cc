// The HTML page. Everything it needs is inline (style sheet and SVG chart) and it has no
// script, so it opens the same offline, from a mail attachment or a CI artifact, and cannot
// leak what it shows by fetching anything. Every string from scanned files or rules goes
// through html_escape; rule references (often URLs) are left out on purpose, since a link
// is the one thing a reviewer might follow out of the page. No timestamps and a fixed order,
// so the same report always gives the same bytes.
#include "report/html_writer.h"

#include <algorithm>
#include <map>

#include "report/ordering.h"
#include "report/summary.h"
#include "report/visible.h"

namespace clearance {

namespace {

constexpr std::string_view kStyle = R"(
:root{color-scheme:light;--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#ffffff;--panel:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:20px 0 8px}
.meta{color:var(--muted);margin:0 0 16px}
table.counts{border-collapse:collapse;margin:8px 0 16px;min-width:320px}
table.counts th,table.counts td{border:1px solid var(--line);padding:4px 12px;text-align:left}
table.counts td.n{text-align:right;font-variant-numeric:tabular-nums}
table.counts th{background:var(--panel)}
figure{margin:8px 0 16px}
figcaption{color:var(--muted);font-size:13px}
svg text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}
.item{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:4px;padding:8px 12px;margin:0 0 10px;background:var(--bg)}
.item .where{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;color:var(--muted)}
.item .rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;background:var(--panel);padding:1px 6px;border-radius:3px}
.item p{margin:4px 0}
pre{background:var(--panel);border:1px solid var(--line);border-radius:3px;padding:6px 10px;margin:6px 0 0;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
details{margin:4px 0}
summary{cursor:pointer;color:var(--muted)}
ul.plain{margin:4px 0;padding-left:20px}
.badge{display:inline-block;min-width:92px;text-align:center;font-size:12px;font-weight:600;border-radius:3px;padding:1px 6px;color:#fff;background:#6b7280}
.none{color:var(--muted);font-style:italic}
.sev-critical{border-left-color:#9b1c1c}.sev-high{border-left-color:#d9480f}.sev-medium{border-left-color:#c99a06}.sev-low{border-left-color:#2f6fdb}.sev-info{border-left-color:#8a94a6}
.st-verified{border-left-color:#1f8a4c}.st-failed{border-left-color:#c0262d}.st-undetermined{border-left-color:#c99a06}.st-declared{border-left-color:#2f6fdb}.st-manual{border-left-color:#8a94a6}
.badge.sev-critical,rect.sev-critical{background:#9b1c1c;fill:#9b1c1c}
.badge.sev-high,rect.sev-high{background:#d9480f;fill:#d9480f}
.badge.sev-medium,rect.sev-medium{background:#c99a06;fill:#c99a06}
.badge.sev-low,rect.sev-low{background:#2f6fdb;fill:#2f6fdb}
.badge.sev-info,rect.sev-info{background:#8a94a6;fill:#8a94a6}
.badge.st-verified,rect.st-verified{background:#1f8a4c;fill:#1f8a4c}
.badge.st-failed,rect.st-failed{background:#c0262d;fill:#c0262d}
.badge.st-undetermined,rect.st-undetermined{background:#c99a06;fill:#c99a06}
.badge.st-declared,rect.st-declared{background:#2f6fdb;fill:#2f6fdb}
.badge.st-manual,rect.st-manual{background:#8a94a6;fill:#8a94a6}
)";

/// Length of the valid UTF-8 sequence starting at `s[i]`, or 0 when it is not one.
size_t utf8_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;  // overlong
  return n;
}

std::string where(const Location& l) {
  return l.path + ":" + std::to_string(l.range.begin.line ? l.range.begin.line : 1);
}

struct RuleIndex {
  std::map<std::string, const Rule*> by_id;
  std::string title(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? std::string() : it->second->title;
  }
};

void write_finding(std::ostream& out, const Finding& f, const RuleIndex& rules,
                   std::string_view css_class) {
  out << "<div class=\"item " << css_class << "\">\n<div><span class=\"where\">"
      << html_escape(where(f.location)) << "</span> <span class=\"rule\">" << html_escape(f.rule_id)
      << "</span> <span class=\"badge sev-" << severity_name(f.severity) << "\">"
      << severity_name(f.severity) << "</span></div>\n";
  std::string title = rules.title(f.rule_id);
  if (!title.empty()) out << "<p><strong>" << html_escape(title) << "</strong></p>\n";
  out << "<p>" << html_escape(f.message) << "</p>\n";
  if (!f.expression.empty())
    out << "<p>Could not resolve <code>" << html_escape(f.expression) << "</code></p>\n";
  if (!f.snippet.empty()) out << "<pre><code>" << html_escape(f.snippet) << "</code></pre>\n";
  if (!f.related.empty()) {
    out << "<details><summary>related locations (" << f.related.size()
        << ")</summary><ul class=\"plain\">\n";
    for (const auto& r : f.related)
      out << "<li><code>" << html_escape(where(r)) << "</code></li>\n";
    out << "</ul></details>\n";
  }
  for (const auto& s : f.suppressions)
    out << "<p>Suppressed "
        << (s.kind == Suppression::Kind::InSource ? "in source" : "by configuration")
        << (s.justification.empty() ? std::string(" (no justification)")
                                    : ": " + html_escape(s.justification))
        << "</p>\n";
  out << "</div>\n";
}

void write_count_row(std::ostream& out, std::string_view label, size_t n) {
  out << "<tr><td>" << label << "</td><td class=\"n\">" << n << "</td></tr>\n";
}

}  // namespace

std::string html_escape(std::string_view raw) {
  std::string text = visible_text(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    char c = text[i++];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters other than tab and newline are not allowed in HTML text.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n')
          out += c;
        else if (c != '\r')
          out += "\xEF\xBF\xBD";
    }
  }
  return out;
}

void write_html_page_start(std::ostream& out, std::string_view title) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << html_escape(title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<main>\n";
}

void write_html_bar_chart(std::ostream& out, const std::vector<HtmlBar>& bars,
                          std::string_view caption) {
  constexpr int kLabelWidth = 130, kBarWidth = 420, kRow = 28, kBar = 20;
  size_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.count);
  const int height = static_cast<int>(bars.size()) * kRow + 4;
  const int width = kLabelWidth + kBarWidth + 60;
  out << "<figure>\n<svg width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 "
      << width << ' ' << height << "\" role=\"img\" aria-label=\"" << html_escape(caption)
      << "\">\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int y = static_cast<int>(i) * kRow + 2;
    // Integer widths keep the bytes identical across platforms; a non-zero count always shows.
    int w = static_cast<int>(b.count * kBarWidth / max);
    if (b.count > 0 && w < 2) w = 2;
    out << "<text x=\"0\" y=\"" << y + 15 << "\">" << html_escape(b.label) << "</text>"
        << "<rect class=\"" << html_escape(b.css_class) << "\" x=\"" << kLabelWidth << "\" y=\""
        << y << "\" width=\"" << w << "\" height=\"" << kBar << "\" rx=\"2\"></rect>"
        << "<text x=\"" << kLabelWidth + w + 6 << "\" y=\"" << y + 15 << "\">" << b.count
        << "</text>\n";
  }
  out << "</svg>\n<figcaption>" << html_escape(caption) << "</figcaption>\n</figure>\n";
}

void write_html_page_end(std::ostream& out) {
  out << "</main>\n</body>\n</html>\n";
}

void write_html(const Report& report, std::ostream& out, Severity threshold) {
  Summary s = summarize(report, threshold);
  RuleIndex rules;
  for (const Rule* r : report.rules) rules.by_id[r->id] = r;
  auto findings = ordered_findings(report);

  write_html_page_start(out, "clearance report");
  out << "<h1>clearance report</h1>\n<p class=\"meta\">";
  if (!report.tool_version.empty())
    out << "clearance " << html_escape(report.tool_version) << " &middot; ";
  out << report.stats.files_scanned << (report.stats.files_scanned == 1 ? " file" : " files")
      << " scanned &middot; " << s.failing << (s.failing == 1 ? " finding" : " findings")
      << " at or above " << severity_name(threshold) << "</p>\n";

  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\">\n"
         "<tr><th>Severity</th><th>Findings</th></tr>\n";
  std::vector<HtmlBar> bars;
  for (int i = static_cast<int>(Severity::Critical); i >= 0; --i) {
    auto sev = static_cast<Severity>(i);
    write_count_row(out, severity_name(sev), s.failed_at(sev));
    bars.push_back({std::string(severity_name(sev)), s.failed_at(sev),
                    "sev-" + std::string(severity_name(sev))});
  }
  write_count_row(out, "undetermined", s.undetermined);
  write_count_row(out, "suppressed", s.suppressed);
  write_count_row(out, "input problems", s.parse_errors + s.warnings);
  out << "</table>\n";
  write_html_bar_chart(out, bars, "Unsuppressed findings by severity");
  out << "</section>\n";

  out << "<section id=\"findings\">\n<h2>Findings</h2>\n";
  if (s.failed == 0) out << "<p class=\"none\">No findings.</p>\n";
  for (int i = static_cast<int>(Severity::Critical); i >= 0; --i) {
    auto sev = static_cast<Severity>(i);
    std::string name(severity_name(sev));
    size_t n = s.failed_at(sev);
    if (n == 0) continue;
    out << "<h3 id=\"severity-" << name << "\">" << name << " (" << n << ")</h3>\n";
    for (const Finding* f : findings)
      if (f->suppressions.empty() && f->verdict == Verdict::Fail && f->severity == sev)
        write_finding(out, *f, rules, "sev-" + name);
  }
  out << "</section>\n";

  out << "<section id=\"undetermined\">\n<h2>Undetermined (" << s.undetermined
      << ")</h2>\n<p class=\"meta\">Values not known statically: review these by hand.</p>\n";
  if (s.undetermined == 0) out << "<p class=\"none\">None.</p>\n";
  for (const Finding* f : findings)
    if (f->suppressions.empty() && f->verdict == Verdict::Undetermined)
      write_finding(out, *f, rules, "st-undetermined");
  out << "</section>\n";

  out << "<section id=\"suppressed\">\n<h2>Suppressed (" << s.suppressed << ")</h2>\n";
  if (s.suppressed == 0) out << "<p class=\"none\">None.</p>\n";
  for (const Finding* f : findings)
    if (!f->suppressions.empty()) write_finding(out, *f, rules, "st-manual");
  out << "</section>\n";

  auto notes = ordered_notifications(report);
  out << "<section id=\"notifications\">\n<h2>Input problems (" << notes.size() << ")</h2>\n";
  if (notes.empty())
    out << "<p class=\"none\">None.</p>\n";
  else
    out << "<ul class=\"plain\">\n";
  for (const Diagnostic* d : notes) {
    std::string_view level = d->level == Diagnostic::Level::Error     ? "error"
                             : d->level == Diagnostic::Level::Warning ? "warning"
                                                                      : "note";
    out << "<li><strong>" << level << "</strong> ";
    if (!d->location.path.empty()) out << "<code>" << html_escape(where(d->location)) << "</code> ";
    out << html_escape(d->message) << "</li>\n";
  }
  if (!notes.empty()) out << "</ul>\n";
  out << "</section>\n";
  write_html_page_end(out);
}

}  // namespace clearance
