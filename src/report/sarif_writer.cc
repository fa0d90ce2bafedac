// SARIF 2.1.0 output, one run, as GitHub code scanning reads it.
//
// - Every rule that ran is listed in tool.driver.rules (sarif_rules.cc); a result whose rule
//   is missing from the report gets a placeholder descriptor, so every result has a ruleIndex.
// - Locations are relative URIs under %SRCROOT%, whose file:// URI is the scan root.
//   Regions are clamped to lines and columns >= 1 and never end before they start.
//   Finding.snippet is the whole source line (redacted for secrets), not the text of the
//   region, so it goes into a whole-line contextRegion rather than region.snippet.
// - partialFingerprints: `primaryLocationLineHash` follows GitHub's own scheme (a hash of
//   the line's text with whitespace removed, then ":" and the occurrence of that text among
//   this file's result lines) so GitHub matches alerts across runs; `clearance/v1` is the
//   engine's content fingerprint, which survives line shifts.
// - Undetermined findings are kind "review" with level "none": the SARIF rule (3.27.10) is
//   that any kind other than "fail" carries level "none", and "review" says exactly what they
//   are (a person must look). GitHub ignores `kind` and still lists them, and the message
//   starts with "Undetermined:" so they are not mistaken for confirmed failures there.
// - Parse problems are tool execution notifications; the run itself still succeeded.
// Keys are written in the order the spec lists them; nothing depends on the clock.
#include "report/sarif_writer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/fingerprint.h"
#include "report/ordering.h"
#include "report/sarif_rules.h"
#include "report/sarif_uri.h"

namespace clearance {

namespace {

using nlohmann::ordered_json;

constexpr const char* kSrcRoot = "%SRCROOT%";

Range clamped(const Range& r) {
  Range out = r;
  out.begin.line = std::max<uint32_t>(out.begin.line, 1);
  out.begin.column = std::max<uint32_t>(out.begin.column, 1);
  out.end.line = std::max<uint32_t>(out.end.line, 1);
  out.end.column = std::max<uint32_t>(out.end.column, 1);
  if (out.end < out.begin) out.end = out.begin;
  return out;
}

ordered_json region(const Range& raw) {
  Range r = clamped(raw);
  return {{"startLine", r.begin.line},
          {"startColumn", r.begin.column},
          {"endLine", r.end.line},
          {"endColumn", r.end.column}};
}

ordered_json physical_location(const Location& loc, const std::string& root,
                               const std::string* snippet = nullptr) {
  ordered_json p;
  p["artifactLocation"] = {{"uri", artifact_uri(loc.path, root)}, {"uriBaseId", kSrcRoot}};
  p["region"] = region(loc.range);
  if (snippet && !snippet->empty()) {
    uint32_t line = std::max<uint32_t>(loc.range.begin.line, 1);
    auto lines = static_cast<uint32_t>(std::count(snippet->begin(), snippet->end(), '\n'));
    if (snippet->back() == '\n') --lines;
    // A context region must contain the region, whatever the snippet's line count.
    uint32_t end = std::max(line + lines, clamped(loc.range).end.line);
    p["contextRegion"] = {{"startLine", line}, {"endLine", end}, {"snippet", {{"text", *snippet}}}};
  }
  return p;
}

/// Hex FNV-1a of `text` with all whitespace removed, so re-indenting keeps the hash.
std::string line_content_hash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') continue;
    h = fnv1a64(std::string_view(&c, 1), h);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

/// Numbers identical line contents within a file, in line order, as GitHub does: the first
/// line with a given hash is ":1", the next distinct line with the same hash ":2".
class LineHasher {
 public:
  std::string operator()(const Finding& f) {
    std::string hash =
        line_content_hash(f.snippet.empty() ? "clearance:" + f.fingerprint : f.snippet);
    Seen& seen = seen_[f.location.path + '\x1f' + hash];
    uint32_t line = f.location.range.begin.line;
    if (seen.count == 0 || seen.line != line) {
      ++seen.count;
      seen.line = line;
    }
    return hash + ":" + std::to_string(seen.count);
  }

 private:
  struct Seen {
    uint32_t line = 0;
    int count = 0;
  };
  std::map<std::string, Seen> seen_;
};

/// GitHub code scanning's limit on results in one run.
constexpr size_t kMaxResults = 25000;

class SarifBuilder {
 public:
  explicit SarifBuilder(const Report& report) : report_(report) {}

  ordered_json build() {
    ordered_json results = ordered_json::array();
    auto findings = ordered_findings(report_);
    for (const Rule* r : report_.rules) add_rule(r->id, sarif_rule(*r));
    for (const Finding* f : findings)  // rules the report did not list, in a stable order
      if (!index_.count(f->rule_id))
        add_rule(f->rule_id, sarif_placeholder_rule(f->rule_id, f->severity));
    size_t left_out = keep_within_limit(findings);
    for (const Finding* f : findings) results.push_back(result(*f));

    ordered_json driver;
    driver["name"] = "clearance";
    if (!report_.tool_version.empty()) {
      driver["version"] = report_.tool_version;
      driver["semanticVersion"] = report_.tool_version;
    }
    if (!report_.tool_information_uri.empty())
      driver["informationUri"] = report_.tool_information_uri;
    driver["rules"] = std::move(rules_);

    ordered_json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["invocations"] = ordered_json::array({invocation(left_out)});
    if (auto uri = root_file_uri(report_.root); !uri.empty())
      run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", uri}}}};
    run["results"] = std::move(results);

    ordered_json log;
    log["$schema"] = kSarifSchemaUri;
    log["version"] = "2.1.0";
    log["runs"] = ordered_json::array({std::move(run)});
    return log;
  }

 private:
  void add_rule(const std::string& id, ordered_json descriptor) {
    if (index_.count(id)) return;
    index_[id] = rules_.size();
    rules_.push_back(std::move(descriptor));
  }

  ordered_json result(const Finding& f) {
    ordered_json r;
    r["ruleId"] = f.rule_id;
    r["ruleIndex"] = index_.at(f.rule_id);
    std::string text = f.message.empty() ? f.rule_id : f.message;
    if (f.verdict == Verdict::Undetermined) {
      r["kind"] = "review";
      r["level"] = "none";
      text = "Undetermined: " + text;
      if (!f.expression.empty()) text += " (unresolved: " + f.expression + ")";
    } else {
      r["level"] = sarif_level(f.severity);
    }
    r["message"] = {{"text", text}};
    r["locations"] = ordered_json::array(
        {{{"physicalLocation", physical_location(f.location, report_.root, &f.snippet)}}});
    std::string fingerprint = f.fingerprint.empty() ? finding_fingerprint(f) : f.fingerprint;
    r["partialFingerprints"] = {{"primaryLocationLineHash", line_hash_(f)},
                                {"clearance/v1", fingerprint}};
    if (!f.related.empty()) {
      ordered_json related = ordered_json::array();
      for (size_t i = 0; i < f.related.size(); ++i)
        related.push_back(
            {{"id", i + 1}, {"physicalLocation", physical_location(f.related[i], report_.root)}});
      r["relatedLocations"] = std::move(related);
    }
    if (!f.suppressions.empty()) {
      ordered_json sup = ordered_json::array();
      for (const auto& s : f.suppressions) {
        ordered_json o;
        o["kind"] = s.kind == Suppression::Kind::InSource ? "inSource" : "external";
        o["status"] = "accepted";
        if (!s.justification.empty()) o["justification"] = s.justification;
        sup.push_back(std::move(o));
      }
      r["suppressions"] = std::move(sup);
    }
    ordered_json props;
    props["severity"] = severity_name(f.severity);
    props["verdict"] = f.verdict == Verdict::Undetermined ? "undetermined" : "fail";
    if (!f.subject.empty()) props["subject"] = f.subject;
    if (!f.expression.empty()) props["unresolvedExpression"] = f.expression;
    r["properties"] = std::move(props);
    return r;
  }

  // GitHub code scanning accepts at most kMaxResults results per run and refuses the upload
  // beyond. Past the cap the most important are kept: failing before undetermined before
  // suppressed, higher severity first; the kept ones stay in path order. Returns how many
  // were left out.
  static size_t keep_within_limit(std::vector<const Finding*>& findings) {
    if (findings.size() <= kMaxResults) return 0;
    auto rank = [](const Finding* f) {
      int state = !f->suppressions.empty() ? 2 : f->verdict == Verdict::Undetermined ? 1 : 0;
      return std::make_pair(state, -static_cast<int>(f->severity));
    };
    std::vector<size_t> order(findings.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rank(findings[a]) < rank(findings[b]); });
    order.resize(kMaxResults);
    std::sort(order.begin(), order.end());
    std::vector<const Finding*> kept;
    kept.reserve(kMaxResults);
    for (size_t i : order) kept.push_back(findings[i]);
    size_t left_out = findings.size() - kept.size();
    findings = std::move(kept);
    return left_out;
  }

  ordered_json invocation(size_t left_out) const {
    ordered_json notes = ordered_json::array();
    if (left_out > 0)
      notes.push_back({{"message",
                        {{"text", std::to_string(left_out) + " results left out: code scanning accepts at most " +
                                      std::to_string(kMaxResults) +
                                      " per run; the most severe are kept (--format json lists all)"}}},
                       {"level", "warning"}});
    for (const Diagnostic* d : ordered_notifications(report_)) {
      ordered_json n;
      if (!d->location.path.empty())
        n["locations"] = ordered_json::array(
            {{{"physicalLocation", physical_location(d->location, report_.root)}}});
      n["message"] = {{"text", d->message.empty() ? std::string("(no message)") : d->message}};
      switch (d->level) {
        case Diagnostic::Level::Error: n["level"] = "error"; break;
        case Diagnostic::Level::Warning: n["level"] = "warning"; break;
        case Diagnostic::Level::Note: n["level"] = "note"; break;
      }
      notes.push_back(std::move(n));
    }
    ordered_json inv;
    inv["executionSuccessful"] = true;
    if (!notes.empty()) inv["toolExecutionNotifications"] = std::move(notes);
    return inv;
  }

  const Report& report_;
  ordered_json rules_ = ordered_json::array();
  std::map<std::string, size_t> index_;
  LineHasher line_hash_;
};

}  // namespace

void write_sarif(const Report& report, std::ostream& out) {
  // Invalid UTF-8 from scanned files is replaced (U+FFFD) instead of throwing.
  out << SarifBuilder(report).build().dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
      << '\n';
}

}  // namespace clearance
