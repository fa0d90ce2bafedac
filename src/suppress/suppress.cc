// The suppress step. Each document's suppression comments are read once (documents that
// share a path, such as an ECS view of a .tf file, are read once between them); findings
// then look up the comments of their own file. Broken suppressions are collected as they
// are met and turned into findings at the end, so the order of the output stays stable.
#include "suppress/suppress.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "discover/glob.h"
#include "engine/fingerprint.h"
#include "suppress/inline_scan.h"

namespace clearance {

namespace {

struct FileSuppressions {
  const Document* doc = nullptr;
  std::vector<InlineSuppression> items;
  std::vector<std::vector<bool>> matched;  ///< per item, per rule id
};

bool expired(int until, int today) {
  return until != 0 && today != 0 && until < today;
}

bool path_matches(const std::vector<std::string>& globs, const std::string& path) {
  if (globs.empty()) return true;
  for (const auto& g : globs) {
    if (glob_match(g, path)) return true;
    // A directory given as `dir` or `dir/` covers everything below it.
    std::string_view dir = g;
    if (!dir.empty() && dir.back() == '/') dir.remove_suffix(1);
    if (!dir.empty() && path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
        path[dir.size()] == '/')
      return true;
  }
  return false;
}

std::string source_line(const Document* doc, uint32_t line) {
  if (!doc || line == 0) return {};
  std::string_view src = doc->source;
  size_t pos = 0;
  for (uint32_t l = 1; l < line; ++l) {
    pos = src.find('\n', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  size_t end = src.find('\n', pos);
  std::string_view text =
      src.substr(pos, end == std::string_view::npos ? src.size() - pos : end - pos);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return std::string(text);
}

std::string join(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

class ProblemSink {
 public:
  explicit ProblemSink(const Rule* rule) : enabled_(rule != nullptr) {
    if (rule) {
      id_ = rule->id;
      severity_ = rule->severity;
    }
  }

  void add(Location loc, std::string subject, std::string message, std::string snippet) {
    if (!enabled_) return;
    Finding f;
    f.rule_id = id_;
    f.severity = severity_;
    f.location = std::move(loc);
    f.subject = std::move(subject);
    f.message = std::move(message);
    f.snippet = std::move(snippet);
    f.fingerprint = finding_fingerprint(f);
    found_.push_back(std::move(f));
  }

  std::vector<Finding> take() { return std::move(found_); }

 private:
  bool enabled_;
  std::string id_;
  Severity severity_ = Severity::Medium;
  std::vector<Finding> found_;
};

/// Reports what is wrong with one suppression of `id`, whether inline or configured.
void check_common(ProblemSink& sink, const SuppressSettings& s, const Location& at,
                  const std::string& subject, const std::string& snippet, const std::string& id,
                  const std::string& reason, const std::string& until_text, int until, bool used) {
  if (id != "*" && !s.rules_known.count(id)) {
    sink.add(at, subject, "suppression names unknown rule '" + id + "'", snippet);
    return;
  }
  if (reason.empty()) sink.add(at, subject, "suppression of '" + id + "' gives no reason", snippet);
  if (!until_text.empty() && until == 0) {
    sink.add(at, subject,
             "suppression of '" + id + "' has until=" + until_text + ", not a date (YYYY-MM-DD)",
             snippet);
  } else if (expired(until, s.today)) {
    sink.add(at, subject, "suppression of '" + id + "' expired on " + until_text, snippet);
    return;
  }
  if (!used && (id == "*" || s.rules_run.count(id)))
    sink.add(at, subject, "suppression of '" + id + "' suppresses nothing", snippet);
}

}  // namespace

SuppressStats apply_suppressions(const Workspace& ws, std::vector<Finding>& findings,
                                 const SuppressSettings& s) {
  SuppressStats stats;
  std::map<std::string, FileSuppressions> files;
  for (const Document& doc : ws.documents) {
    auto [it, fresh] = files.try_emplace(doc.path);
    if (!fresh && !it->second.items.empty()) continue;
    it->second.doc = &doc;
    it->second.items = scan_inline_suppressions(doc);
    it->second.matched.clear();
    for (const auto& item : it->second.items)
      it->second.matched.emplace_back(item.rule_ids.size(), false);
  }
  std::vector<bool> external_used(s.external.size(), false);

  for (Finding& f : findings) {
    if (f.rule_id == kSuppressionRuleId) continue;  // a broken suppression cannot hide itself
    uint32_t line = f.location.range.begin.line;
    if (auto it = files.find(f.location.path); it != files.end()) {
      FileSuppressions& file = it->second;
      for (size_t i = 0; i < file.items.size(); ++i) {
        const InlineSuppression& item = file.items[i];
        if (line < item.first_line || line > item.last_line) continue;
        for (size_t k = 0; k < item.rule_ids.size(); ++k) {
          if (item.rule_ids[k] != f.rule_id) continue;
          file.matched[i][k] = true;
          if (expired(item.until, s.today) || !f.suppressions.empty()) continue;
          f.suppressions.push_back({Suppression::Kind::InSource, item.reason});
          ++stats.inline_suppressed;
        }
      }
    }
    for (size_t i = 0; i < s.external.size(); ++i) {
      const ExternalSuppression& e = s.external[i];
      if ((e.rule != "*" && e.rule != f.rule_id) || !path_matches(e.paths, f.location.path))
        continue;
      external_used[i] = true;
      if (expired(e.until, s.today) || !f.suppressions.empty()) continue;
      f.suppressions.push_back({Suppression::Kind::External, e.reason});
      ++stats.external_suppressed;
    }
  }

  ProblemSink sink(s.problem_rule);
  for (const auto& [path, file] : files) {
    for (size_t i = 0; i < file.items.size(); ++i) {
      const InlineSuppression& item = file.items[i];
      Location at{path, {{item.line, item.column}, {item.line, item.column + 16}}};
      std::string subject = "clearance:ignore " + join(item.rule_ids);
      std::string snippet = source_line(file.doc, item.line);
      if (item.rule_ids.empty()) sink.add(at, subject, "clearance:ignore names no rule", snippet);
      for (size_t k = 0; k < item.rule_ids.size(); ++k)
        check_common(sink, s, at, subject, snippet, item.rule_ids[k], item.reason, item.until_text,
                     item.until, file.matched[i][k]);
    }
  }
  for (size_t i = 0; i < s.external.size(); ++i) {
    const ExternalSuppression& e = s.external[i];
    check_common(sink, s, e.origin, "ignore " + e.rule, {}, e.rule, e.reason, e.until_text, e.until,
                 external_used[i]);
  }
  std::vector<Finding> problems = sink.take();
  stats.problems = problems.size();
  for (auto& p : problems) findings.push_back(std::move(p));

  if (s.baseline) stats.baselined = apply_baseline(*s.baseline, findings, s.baseline_name);

  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.path, a.location.range.begin.line, a.location.range.begin.column,
                    a.rule_id) < std::tie(b.location.path, b.location.range.begin.line,
                                          b.location.range.begin.column, b.rule_id);
  });
  return stats;
}

}  // namespace clearance
