// Text output. Each finding is one line, `path:line:col severity rule-id message`, so that
// editors and CI log parsers can jump to it; files are separated by a blank line. Suppressed
// findings are not listed (the summary counts them). Undetermined findings say so and show
// the expression that could not be resolved. Control characters from the scanned files are
// escaped, so a hostile file cannot drive the terminal.
#include "report/text_writer.h"

#include <cstdio>
#include <string>
#include <string_view>

#include "report/ordering.h"
#include "report/summary.h"
#include "report/visible.h"

namespace clearance {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::Critical: return "\x1b[1;35m";
    case Severity::High: return "\x1b[1;31m";
    case Severity::Medium: return "\x1b[33m";
    case Severity::Low: return "\x1b[34m";
    case Severity::Info: return "\x1b[2m";
  }
  return "";
}

/// Writes `text` with C0 controls (bar tab) and DEL escaped as \xNN; newlines become spaces
/// so that one finding stays one line.
void put_clean(std::ostream& out, std::string_view raw) {
  std::string text = visible_text(raw);
  for (unsigned char c : text) {
    if (c == '\n' || c == '\r') {
      out << ' ';
    } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out << buf;
    } else {
      out << static_cast<char>(c);
    }
  }
}

class TextWriter {
 public:
  TextWriter(std::ostream& out, const TextOptions& options) : out_(out), color_(options.color) {}

  void paint(std::string_view style, std::string_view text) {
    if (color_) out_ << style;
    put_clean(out_, text);
    if (color_) out_ << kReset;
  }

  void position(const Location& l) {
    paint(kBold, l.path.empty() ? "<unknown>" : l.path);
    out_ << ':' << (l.range.begin.line ? l.range.begin.line : 1) << ':'
         << (l.range.begin.column ? l.range.begin.column : 1);
  }

  void finding(const Finding& f) {
    position(f.location);
    out_ << ' ';
    paint(severity_color(f.severity), severity_name(f.severity));
    out_ << ' ';
    paint(kDim, f.rule_id);
    out_ << ' ';
    if (f.verdict == Verdict::Undetermined) paint(kBold, "undetermined: ");
    put_clean(out_, f.message);
    if (f.verdict == Verdict::Undetermined && !f.expression.empty()) {
      out_ << " (unresolved: ";
      put_clean(out_, f.expression);
      out_ << ')';
    }
    out_ << '\n';
  }

  void notification(const Diagnostic& d) {
    if (!d.location.path.empty()) {  // some notifications concern no file
      position(d.location);
      out_ << ' ';
    }
    switch (d.level) {
      case Diagnostic::Level::Error: paint("\x1b[1;31m", "error"); break;
      case Diagnostic::Level::Warning: paint("\x1b[33m", "warning"); break;
      case Diagnostic::Level::Note: paint(kDim, "note"); break;
    }
    out_ << ' ';
    put_clean(out_, d.message);
    out_ << '\n';
  }

  void summary(const Summary& s, const ScanStats& stats) {
    out_ << s.failed << (s.failed == 1 ? " finding" : " findings");
    if (s.failed > 0) {
      out_ << " (";
      bool first = true;
      for (int i = static_cast<int>(Severity::Critical); i >= 0; --i) {
        auto sev = static_cast<Severity>(i);
        if (s.failed_at(sev) == 0) continue;
        if (!first) out_ << ", ";
        first = false;
        out_ << s.failed_at(sev) << ' ';
        paint(severity_color(sev), severity_name(sev));
      }
      out_ << ')';
    }
    out_ << ", " << s.failing << " at or above " << severity_name(s.threshold);
    out_ << "; " << s.undetermined << " undetermined";
    if (s.suppressed) out_ << "; " << s.suppressed << " suppressed";
    out_ << "; " << stats.files_scanned << (stats.files_scanned == 1 ? " file" : " files")
         << " scanned";
    if (stats.files_skipped) out_ << ", " << stats.files_skipped << " skipped";
    out_ << "; " << s.parse_errors << (s.parse_errors == 1 ? " parse problem" : " parse problems");
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2fs", stats.seconds >= 0 ? stats.seconds : 0.0);
    out_ << "; " << secs << '\n';
  }

 private:
  std::ostream& out_;
  bool color_;
};

}  // namespace

void write_text(const Report& report, std::ostream& out, const TextOptions& options) {
  TextWriter w(out, options);
  const std::string* current = nullptr;
  for (const Finding* f : ordered_findings(report)) {
    if (!f->suppressions.empty()) continue;
    if (current && *current != f->location.path) out << '\n';
    current = &f->location.path;
    w.finding(*f);
  }
  auto notes = ordered_notifications(report);
  if (!notes.empty() && current) out << '\n';
  for (const Diagnostic* d : notes) w.notification(*d);
  if (current || !notes.empty()) out << '\n';
  w.summary(summarize(report, options.threshold), report.stats);
}

}  // namespace clearance
