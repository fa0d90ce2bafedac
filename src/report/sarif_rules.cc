// Rule metadata for SARIF as GitHub code scanning reads it: short and full descriptions
// (GitHub cuts them at 1024 characters), help in text and Markdown built from description,
// remediation and references, a default level, and the properties GitHub ranks alerts by
// (tags including "security", precision, security-severity).
#include "report/sarif_rules.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace clearance {

namespace {

constexpr size_t kGithubDescriptionLimit = 1024;
constexpr size_t kGithubNameLimit = 255;
constexpr size_t kGithubTagLimit = 20;

/// "aws-s3-encryption" -> "AwsS3Encryption": SARIF's `name` is an identifier, not prose.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out.empty() ? std::string(id) : out;
}

bool is_url(std::string_view s) {
  return s.starts_with("https://") || s.starts_with("http://");
}

std::string help_text(const Rule& r) {
  std::string t = r.description.empty() ? r.title : r.description;
  if (!r.remediation.empty()) t += "\n\nRemediation:\n" + r.remediation;
  if (!r.references.empty()) {
    t += "\n\nReferences:";
    for (const auto& ref : r.references) t += "\n- " + ref;
  }
  return t;
}

std::string help_markdown(const Rule& r) {
  std::string t = r.description.empty() ? r.title : r.description;
  if (!r.remediation.empty()) t += "\n\n## Remediation\n\n" + r.remediation;
  if (!r.references.empty()) {
    t += "\n\n## References\n";
    for (const auto& ref : r.references)
      t += is_url(ref) ? "\n- [" + ref + "](" + ref + ")" : "\n- " + ref;
  }
  return t;
}

std::string_view valid_precision(std::string_view p) {
  static constexpr std::array<std::string_view, 4> kValid{"very-high", "high", "medium", "low"};
  return std::find(kValid.begin(), kValid.end(), p) != kValid.end() ? p : "high";
}

}  // namespace

std::string truncate_utf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Critical:
    case Severity::High: return "error";
    case Severity::Medium: return "warning";
    case Severity::Low:
    case Severity::Info: return "note";
  }
  return "warning";
}

// GitHub maps >= 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. Info rules
// get no score: with one they would show as "low" security alerts, which overstates a
// finding the rule author called informational; without, GitHub shows them as notes.
std::string_view security_severity(Severity s) {
  switch (s) {
    case Severity::Critical: return "9.5";
    case Severity::High: return "8.0";
    case Severity::Medium: return "5.5";
    case Severity::Low: return "3.0";
    case Severity::Info: return "";
  }
  return "";
}

nlohmann::ordered_json sarif_rule(const Rule& r) {
  using nlohmann::ordered_json;
  ordered_json d;
  d["id"] = r.id;
  d["name"] = truncate_utf8(pascal_case(r.id), kGithubNameLimit);
  std::string title = r.title.empty() ? r.id : r.title;
  d["shortDescription"] = {{"text", truncate_utf8(title, kGithubDescriptionLimit)}};
  d["fullDescription"] = {{"text", truncate_utf8(r.description.empty() ? title : r.description,
                                                 kGithubDescriptionLimit)}};
  d["defaultConfiguration"] = {{"level", sarif_level(r.severity)}};
  auto url = std::find_if(r.references.begin(), r.references.end(),
                          [](const std::string& s) { return is_url(s); });
  if (url != r.references.end()) d["helpUri"] = *url;
  d["help"] = {{"text", help_text(r)}, {"markdown", help_markdown(r)}};

  ordered_json props;
  // Unique tags, "security" last (GitHub filters on it), at most GitHub's 20 per rule.
  std::vector<std::string> tags;
  for (const auto& t : r.tags)
    if (t != "security" && std::find(tags.begin(), tags.end(), t) == tags.end() &&
        tags.size() + 1 < kGithubTagLimit)
      tags.push_back(t);
  tags.push_back("security");
  props["tags"] = tags;
  props["precision"] = valid_precision(r.precision);
  if (auto score = security_severity(r.severity); !score.empty())
    props["security-severity"] = score;
  props["severity"] = severity_name(r.severity);
  if (!r.checklist.empty()) props["checklist"] = r.checklist;
  d["properties"] = std::move(props);
  return d;
}

nlohmann::ordered_json sarif_placeholder_rule(std::string_view id, Severity severity) {
  Rule r;
  r.id = std::string(id);
  r.title = std::string(id);
  r.severity = severity;
  return sarif_rule(r);
}

}  // namespace clearance
