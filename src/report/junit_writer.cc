// JUnit XML. Test cases come from the checks (so passes show as passed cases) and from the
// findings, keyed by (rule, file); a case fails when one of its findings is an unsuppressed
// failure at or above the threshold. Findings below it, undetermined ones and suppressed
// ones are listed in the case's system-out so nothing disappears. No timestamps: the same
// report always gives the same bytes.
#include "report/junit_writer.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "report/ordering.h"
#include "report/visible.h"

namespace clearance {

namespace {

/// Escapes for XML text and attributes; drops characters XML 1.0 cannot carry.
std::string xml(std::string_view raw) {
  std::string text = visible_text(raw);
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += ' ';
        else
          out += static_cast<char>(c);
    }
  }
  return out;
}

struct Case {
  std::vector<const Finding*> failing;
  std::vector<const Finding*> other;
};

std::string line_of(const Finding& f) {
  std::string s =
      f.location.path + ":" +
      std::to_string(f.location.range.begin.line ? f.location.range.begin.line : 1) + ":" +
      std::to_string(f.location.range.begin.column ? f.location.range.begin.column : 1) + " " +
      std::string(severity_name(f.severity)) + " ";
  if (!f.suppressions.empty())
    s += "(suppressed) ";
  else if (f.verdict == Verdict::Undetermined)
    s += "(undetermined) ";
  return s + f.message;
}

}  // namespace

void write_junit(const Report& report, std::ostream& out, Severity threshold) {
  std::map<std::string, std::map<std::string, Case>> suites;  // rule -> path -> case
  for (const Check& c : report.checks) suites[c.rule_id][c.location.path];
  for (const Finding* f : ordered_findings(report)) {
    Case& c = suites[f->rule_id][f->location.path];
    bool fails = f->suppressions.empty() && f->verdict == Verdict::Fail && f->severity >= threshold;
    (fails ? c.failing : c.other).push_back(f);
  }
  size_t tests = 0, failures = 0;
  for (const auto& [rule, cases] : suites) {
    tests += cases.size();
    for (const auto& [path, c] : cases) failures += c.failing.empty() ? 0 : 1;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"clearance\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\">\n";
  for (const auto& [rule, cases] : suites) {
    size_t suite_failures = 0;
    for (const auto& [path, c] : cases) suite_failures += c.failing.empty() ? 0 : 1;
    out << "  <testsuite name=\"" << xml(rule) << "\" tests=\"" << cases.size() << "\" failures=\""
        << suite_failures << "\" errors=\"0\" skipped=\"0\">\n";
    for (const auto& [path, c] : cases) {
      out << "    <testcase classname=\"" << xml(rule) << "\" name=\""
          << xml(path.empty() ? "(no file)" : path) << "\"";
      if (c.failing.empty() && c.other.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      if (!c.failing.empty()) {
        const Finding& first = *c.failing.front();
        out << "      <failure type=\"" << severity_name(first.severity) << "\" message=\""
            << xml(first.message)
            << (c.failing.size() > 1 ? " (and " + std::to_string(c.failing.size() - 1) + " more)"
                                     : std::string())
            << "\">";
        for (const Finding* f : c.failing) out << xml(line_of(*f)) << "\n";
        out << "</failure>\n";
      }
      if (!c.other.empty()) {
        out << "      <system-out>";
        for (const Finding* f : c.other) out << xml(line_of(*f)) << "\n";
        out << "</system-out>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace clearance
