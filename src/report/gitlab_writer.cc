// GitLab code quality JSON: an array of issues with description, check_name, fingerprint,
// severity and location (path, lines.begin). GitLab compares fingerprints between the
// source and target branch to say what a merge request introduced or fixed, so they must be
// stable (the engine's content fingerprint) and unique within the report (a repeated one
// gets a counter). GitLab has no notion of a suppressed issue: suppressed findings are left
// out, and undetermined ones are included at the lowest severity.
#include "report/gitlab_writer.h"

#include <map>
#include <nlohmann/json.hpp>

#include "engine/fingerprint.h"
#include "report/ordering.h"

namespace clearance {

namespace {

const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Critical: return "blocker";
    case Severity::High: return "critical";
    case Severity::Medium: return "major";
    case Severity::Low: return "minor";
    case Severity::Info: return "info";
  }
  return "info";
}

}  // namespace

void write_gitlab(const Report& report, std::ostream& out) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  std::map<std::string, int> seen;
  for (const Finding* f : ordered_findings(report)) {
    if (!f->suppressions.empty()) continue;
    bool undetermined = f->verdict == Verdict::Undetermined;
    std::string fingerprint = f->fingerprint.empty() ? finding_fingerprint(*f) : f->fingerprint;
    int n = ++seen[fingerprint];
    if (n > 1) fingerprint.append("-").append(std::to_string(n));
    nlohmann::ordered_json issue;
    issue["description"] = (undetermined ? "Undetermined: " : "") + f->message;
    issue["check_name"] = f->rule_id;
    issue["fingerprint"] = fingerprint;
    issue["severity"] = undetermined ? "info" : gitlab_severity(f->severity);
    issue["location"] = {
        {"path", f->location.path},
        {"lines", {{"begin", f->location.range.begin.line ? f->location.range.begin.line : 1}}}};
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace clearance
