// The HTML format: one self-contained page a reviewer can open from disk or attach to a ticket.
// Besides write_html, the page frame, the escaping and the bar chart are public so that other
// HTML pages (the filled-in checklist) look the same and stay just as self-contained.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// Writes `report` as one HTML page: summary counts, a bar chart by severity, findings grouped
/// by severity with their snippets, then undetermined, suppressed and input problems apart.
/// No scripts, no external resources, no timestamps: the same report gives the same bytes.
void write_html(const Report& report, std::ostream& out, Severity threshold);

/// `text` safe in HTML text and quoted attributes; invalid UTF-8 becomes U+FFFD.
std::string html_escape(std::string_view text);

/// One bar of a chart; `css_class` picks its colour from the page's style sheet
/// (sev-critical ... sev-info, st-verified, st-failed, st-undetermined, st-declared, st-manual).
struct HtmlBar {
  std::string label;
  size_t count = 0;
  std::string css_class;
};

/// The doctype, head (inline style sheet) and the opening of the body, titled `title`.
void write_html_page_start(std::ostream& out, std::string_view title);
/// An inline SVG horizontal bar chart, described by `caption` for screen readers.
void write_html_bar_chart(std::ostream& out, const std::vector<HtmlBar>& bars,
                          std::string_view caption);
/// Closes what write_html_page_start opened.
void write_html_page_end(std::ostream& out);

}  // namespace clearance
