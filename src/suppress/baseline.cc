// Baseline files. Matching runs in two passes so that an exact fingerprint always wins over
// a content match: first by fingerprint, then what is left by rule and content, which is
// how a finding in a moved file is still recognised.
#include "suppress/baseline.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "engine/fingerprint.h"

namespace clearance {

namespace {

constexpr int kBaselineVersion = 1;

std::string hex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string baseline_content_key(const Finding& f) {
  uint64_t h = fnv1a64(f.rule_id);
  h = fnv1a64("\x1f", h);
  if (!f.fingerprint_seed.empty()) return hex(fnv1a64(f.fingerprint_seed, h));
  h = fnv1a64(f.subject, h);
  h = fnv1a64("\x1f", h);
  return hex(fnv1a64(f.message, h));
}

Baseline baseline_from_findings(const std::vector<Finding>& findings) {
  Baseline b;
  for (const Finding& f : findings) {
    if (!f.suppressions.empty()) continue;
    b.entries.push_back({f.rule_id, f.location.path, f.subject,
                         f.fingerprint.empty() ? finding_fingerprint(f) : f.fingerprint,
                         baseline_content_key(f)});
  }
  std::sort(b.entries.begin(), b.entries.end(), [](const BaselineEntry& a, const BaselineEntry& c) {
    return std::tie(a.path, a.rule, a.subject, a.fingerprint, a.content) <
           std::tie(c.path, c.rule, c.subject, c.fingerprint, c.content);
  });
  return b;
}

void write_baseline(const Baseline& baseline, std::ostream& out) {
  out << "{\n  \"version\": " << kBaselineVersion
      << ",\n  \"tool\": \"clearance\",\n  \"findings\": [";
  bool first = true;
  for (const auto& e : baseline.entries) {
    nlohmann::ordered_json j;
    j["rule"] = e.rule;
    j["path"] = e.path;
    j["subject"] = e.subject;
    j["fingerprint"] = e.fingerprint;
    j["content"] = e.content;
    out << (first ? "\n    " : ",\n    ")
        << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
  }
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

std::optional<Baseline> parse_baseline(std::string_view text, std::string& error) {
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  if (!j.contains("version") || j["version"] != kBaselineVersion) {
    error = "unsupported baseline version (expected " + std::to_string(kBaselineVersion) + ")";
    return std::nullopt;
  }
  if (!j.contains("findings") || !j["findings"].is_array()) {
    error = "missing \"findings\" array";
    return std::nullopt;
  }
  Baseline b;
  size_t index = 0;
  for (const auto& item : j["findings"]) {
    auto field = [&](const char* key) -> std::string {
      if (!item.is_object() || !item.contains(key) || !item[key].is_string()) return {};
      return item[key].get<std::string>();
    };
    BaselineEntry e{field("rule"), field("path"), field("subject"), field("fingerprint"),
                    field("content")};
    if (e.rule.empty() || (e.fingerprint.empty() && e.content.empty())) {
      error = "findings[" + std::to_string(index) + "] needs \"rule\" and \"fingerprint\"";
      return std::nullopt;
    }
    b.entries.push_back(std::move(e));
    ++index;
  }
  return b;
}

size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings,
                      const std::string& justification) {
  std::multimap<std::string, size_t> by_fingerprint, by_content;
  for (size_t i = 0; i < baseline.entries.size(); ++i) {
    by_fingerprint.emplace(baseline.entries[i].fingerprint, i);
    by_content.emplace(baseline.entries[i].rule + '\x1f' + baseline.entries[i].content, i);
  }
  std::vector<bool> used(baseline.entries.size(), false);
  std::vector<bool> matched(findings.size(), false);
  auto take = [&](std::multimap<std::string, size_t>& index, const std::string& key) -> bool {
    auto [lo, hi] = index.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      if (used[it->second]) continue;
      used[it->second] = true;
      return true;
    }
    return false;
  };
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (!f.suppressions.empty()) continue;
    matched[i] =
        take(by_fingerprint, f.fingerprint.empty() ? finding_fingerprint(f) : f.fingerprint);
  }
  for (size_t i = 0; i < findings.size(); ++i) {
    if (matched[i] || !findings[i].suppressions.empty()) continue;
    matched[i] = take(by_content, findings[i].rule_id + '\x1f' + baseline_content_key(findings[i]));
  }
  size_t count = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!matched[i]) continue;
    findings[i].suppressions.push_back({Suppression::Kind::External, justification});
    ++count;
  }
  return count;
}

}  // namespace clearance
