// JSON output: {version, tool, root, summary, findings, notifications}. Every key is always
// present (empty string, empty array or zero when there is nothing to say) so that consumers
// never need to test for presence; the shape is docs/json-output.schema.json. Findings keep
// their suppressions, so a consumer can count or audit them; `summary` counts them apart.
#include "report/json_writer.h"

#include <nlohmann/json.hpp>

#include "report/ordering.h"
#include "report/summary.h"

namespace clearance {

namespace {

using nlohmann::ordered_json;

ordered_json position(const Position& p) {
  return {{"line", p.line ? p.line : 1}, {"column", p.column ? p.column : 1}};
}

ordered_json location(const Location& l) {
  Position end = l.range.end < l.range.begin ? l.range.begin : l.range.end;
  return {{"path", l.path}, {"start", position(l.range.begin)}, {"end", position(end)}};
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Undetermined: return "undetermined";
  }
  return "fail";
}

std::string_view level_name(Diagnostic::Level l) {
  switch (l) {
    case Diagnostic::Level::Error: return "error";
    case Diagnostic::Level::Warning: return "warning";
    case Diagnostic::Level::Note: return "note";
  }
  return "error";
}

ordered_json finding(const Finding& f) {
  ordered_json o;
  o["rule_id"] = f.rule_id;
  o["severity"] = severity_name(f.severity);
  o["verdict"] = verdict_name(f.verdict);
  o["location"] = location(f.location);
  o["message"] = f.message;
  o["subject"] = f.subject;
  o["unresolved_expression"] = f.expression;
  o["snippet"] = f.snippet;
  o["fingerprint"] = f.fingerprint;
  ordered_json related = ordered_json::array();
  for (const auto& r : f.related) related.push_back(location(r));
  o["related"] = std::move(related);
  ordered_json sup = ordered_json::array();
  for (const auto& s : f.suppressions)
    sup.push_back({{"kind", s.kind == Suppression::Kind::InSource ? "in_source" : "external"},
                   {"justification", s.justification}});
  o["suppressions"] = std::move(sup);
  return o;
}

ordered_json summary(const Report& report, Severity threshold) {
  Summary s = summarize(report, threshold);
  ordered_json by_severity;
  for (int i = static_cast<int>(Severity::Critical); i >= 0; --i) {
    auto sev = static_cast<Severity>(i);
    by_severity[std::string(severity_name(sev))] = s.failed_at(sev);
  }
  ordered_json o;
  o["failed"] = s.failed;
  o["by_severity"] = std::move(by_severity);
  o["threshold"] = severity_name(threshold);
  o["failing"] = s.failing;
  o["undetermined"] = s.undetermined;
  o["suppressed"] = s.suppressed;
  o["parse_errors"] = s.parse_errors;
  o["warnings"] = s.warnings;
  o["rules"] = report.rules.size();
  o["files_scanned"] = report.stats.files_scanned;
  o["files_skipped"] = report.stats.files_skipped;
  o["bytes_scanned"] = report.stats.bytes_scanned;
  o["seconds"] = report.stats.seconds >= 0 ? report.stats.seconds : 0.0;
  return o;
}

}  // namespace

void write_json(const Report& report, std::ostream& out, Severity threshold) {
  ordered_json o;
  o["version"] = kJsonOutputVersion;
  o["tool"] = {{"name", "clearance"}, {"version", report.tool_version}};
  o["root"] = report.root;
  o["summary"] = summary(report, threshold);
  ordered_json findings = ordered_json::array();
  for (const Finding* f : ordered_findings(report)) findings.push_back(finding(*f));
  o["findings"] = std::move(findings);
  ordered_json notes = ordered_json::array();
  for (const Diagnostic* d : ordered_notifications(report))
    notes.push_back({{"level", level_name(d->level)},
                     {"message", d->message},
                     {"location", location(d->location)}});
  o["notifications"] = std::move(notes);
  // Invalid UTF-8 from scanned files is replaced (U+FFFD) instead of throwing.
  out << o.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace clearance
