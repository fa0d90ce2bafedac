// The check step. For each rule, select its subjects (nodes, documents or module
// directories), evaluate the condition, and turn every blame into a Finding; record a Check
// per subject so the checklist report knows what passed.
#include "engine/engine.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

#include "engine/evaluator.h"
#include "engine/fingerprint.h"
#include "engine/redact.h"
#include "engine/scope_index.h"
#include "engine/scrub.h"

namespace clearance {

namespace {

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool selected(const Node& n, const Target& t) {
  auto in = [](const std::vector<std::string>& list, const std::string& s) {
    return list.empty() || std::find(list.begin(), list.end(), s) != list.end();
  };
  return in(t.kinds, n.kind) && in(t.types, n.type);
}

bool is_secret_rule(const Rule& r) {
  return std::find(r.tags.begin(), r.tags.end(), "secret") != r.tags.end();
}

// Documents by format and directory: the scope of `related` and `exists`.
using ModuleIndex = std::map<std::pair<Format, std::string>, std::vector<const Document*>>;

ModuleIndex index_modules(const Workspace& ws) {
  ModuleIndex idx;
  for (const auto& d : ws.documents)
    idx[{d.format, d.module_key.empty() ? dir_of(d.path) : d.module_key}].push_back(&d);
  return idx;
}

/// Values taken from the input are cut to this many bytes in messages, subjects and
/// expressions (a 10 MB image name is not echoed); the cut keeps UTF-8 sequences whole.
constexpr size_t kMaxShownValue = 300;

std::string shortened(std::string s) {
  if (s.size() <= kMaxShownValue) return s;
  size_t cut = kMaxShownValue;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  size_t total = s.size();
  s.resize(cut);
  return s + "\u2026 (" + std::to_string(total) + " bytes)";
}

/// Snippets hold at most this many bytes of their source line.
constexpr size_t kSnippet = 240;

/// Where each line of a document starts, so that a line is found in log time.
std::vector<size_t> line_starts(const std::string& source) {
  std::vector<size_t> starts{0};
  for (size_t i = source.find('\n'); i != std::string::npos; i = source.find('\n', i + 1))
    starts.push_back(i + 1);
  return starts;
}

std::string_view line_at(const std::string& source, const std::vector<size_t>& starts,
                         uint32_t line) {
  if (line == 0 || line > starts.size()) return {};
  size_t pos = starts[line - 1];
  size_t end = line < starts.size() ? starts[line] - 1 : source.size();
  std::string_view out(source.data() + pos, end - pos);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

uint32_t first_content_line(const std::string& source) {
  uint32_t line = 1;
  for (char c : source) {
    if (c == '\n') ++line;
    else if (c != ' ' && c != '\t' && c != '\r') return line;
  }
  return 1;
}

class Runner {
 public:
  Runner(const Workspace& ws, EngineResult& out) : ws_(ws), out_(out), modules_(index_modules(ws)) {
    for (const auto& d : ws.documents) by_path_.emplace(d.path, &d);
  }

  void run(const Rule& rule) {
    if (rule.target.scope == Target::Scope::Deployment) return run_once(rule);
    for (const auto& [key, docs] : modules_) {
      if (!targets(rule, key.first)) continue;
      if (rule.target.scope == Target::Scope::Module) {
        if (!docs.front()->checked) continue;
        check(rule, *docs.front(), docs, docs.front()->root, key.second.empty() ? "the root module" : key.second);
        continue;
      }
      for (const Document* doc : docs) {
        if (!doc->checked) continue;
        if (rule.target.scope == Target::Scope::Document) {
          check(rule, *doc, docs, doc->root, doc->path);
        } else {
          walk(rule, *doc, docs, doc->root);
        }
      }
    }
  }

 private:
  static bool targets(const Rule& rule, Format f) {
    return std::find(rule.target.formats.begin(), rule.target.formats.end(), f) != rule.target.formats.end();
  }

  // A deployment-level rule judges every document of its formats together, once. The
  // subject is the document nearest the scan root that the rule applies to on its own (the
  // first file that configures the AWS provider, say), so the one finding has a file to
  // point at.
  void run_once(const Rule& rule) {
    std::vector<const Document*> docs, candidates;
    for (const auto& d : ws_.documents) {
      if (!targets(rule, d.format)) continue;
      docs.push_back(&d);
      if (d.checked) candidates.push_back(&d);
    }
    auto depth = [](const Document* d) { return std::count(d->path.begin(), d->path.end(), '/'); };
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Document* a, const Document* b) {
      return std::make_tuple(depth(a), a->path) < std::make_tuple(depth(b), b->path);
    });
    const Document* anchor = nullptr;
    const Document* maybe = nullptr;  // the first whose applicability is undetermined
    for (const Document* d : candidates) {
      if (!rule.target.has_where) {
        anchor = d;
        break;
      }
      std::vector<const Document*> one{d};
      EvalContext ctx{ws_, rule, *d, one, d->root, kDeployment, nullptr};
      Verdict v = evaluate(rule.target.where, d->root, ctx).verdict;
      if (v == Verdict::Pass) {
        anchor = d;
        break;
      }
      if (v == Verdict::Undetermined && !maybe) maybe = d;
    }
    if (!anchor) anchor = maybe;
    if (anchor) check(rule, *anchor, docs, anchor->root, kDeployment);
    scopes_.erase(&docs);  // `docs` lives on this stack frame only
  }

  static constexpr const char* kDeployment = "the scanned deployment";

  void walk(const Rule& rule, const Document& doc, const std::vector<const Document*>& docs,
            const Node& n) {
    for (const auto& child : n.children) {
      if (selected(child, rule.target)) {
        std::string address = node_address(child);
        if (!doc.module_address.empty()) address = doc.module_address + "." + address;
        check(rule, doc, docs, child, std::move(address));
      }
      walk(rule, doc, docs, child);
    }
  }

  void check(const Rule& rule, const Document& doc, const std::vector<const Document*>& docs,
             const Node& subject, std::string address) {
    EvalContext ctx{ws_, rule, doc, docs, subject, address, scope_for(docs)};
    Outcome where_undetermined;
    if (rule.target.has_where) {
      Outcome w = evaluate(rule.target.where, subject, ctx);
      if (w.verdict == Verdict::Fail) return;  // the rule does not apply to this subject
      if (w.verdict == Verdict::Undetermined) where_undetermined = std::move(w);
    }
    Outcome o = evaluate(rule.condition, subject, ctx);
    // A subject that may not be in scope and fails is undetermined, not a failure.
    if (o.verdict == Verdict::Fail && where_undetermined.verdict == Verdict::Undetermined)
      o = std::move(where_undetermined);
    Location subject_loc{doc.path, {subject.range.begin, subject.range.begin}};
    // A document or module is located at its first line with content (what a reader sees
    // first), whatever offset the parser gave its root.
    if (&subject == &doc.root) {
      Position first{first_content_line(doc.source), 1};
      for (auto& blame : o.blames)
        if (blame.location.path == doc.path && blame.location.range.begin == subject.range.begin)
          blame.location.range = {first, first};
      subject_loc.range = {first, first};
    }
    out_.checks.push_back({rule.id, address, subject_loc, o.verdict});
    for (auto& blame : o.blames) emit(rule, ctx, o.verdict, std::move(blame));
  }

  void emit(const Rule& rule, const EvalContext& ctx, Verdict verdict, Blame blame) {
    Finding f;
    f.rule_id = rule.id;
    f.severity = rule.severity;
    f.verdict = verdict;
    f.location = std::move(blame.location);
    if (f.location.path.empty()) f.location.path = ctx.document.path;
    if (f.location.range.begin.line == 0) f.location.range.begin = ctx.subject.range.begin;
    f.subject = shortened(blame.subject.empty() ? ctx.address : blame.subject);
    f.expression = shortened(std::move(blame.expression));
    f.related = std::move(blame.related);
    for (const auto& call : ctx.document.call_chain) f.related.push_back(call);
    f.fingerprint_seed = std::move(blame.fingerprint_seed);
    bool secret = is_secret_rule(rule);
    if (secret && !blame.value.empty() && blame.value != "(not set)") blame.value = redact_preview(blame.value);
    f.message = render(rule, blame, f);
    f.snippet = !blame.snippet.empty() ? std::move(blame.snippet) : snippet_for(f.location, secret);
    f.fingerprint = finding_fingerprint(f);
    out_.findings.push_back(std::move(f));
  }

  // The source line at `loc`; for secret rules the blamed range is replaced by a preview.
  std::string snippet_for(const Location& loc, bool secret) const {
    auto it = by_path_.find(loc.path);
    if (it == by_path_.end()) return {};
    auto& starts = line_starts_[it->second];
    if (starts.empty()) starts = line_starts(it->second->source);
    std::string_view line = line_at(it->second->source, starts, loc.range.begin.line);
    // At most kSnippet bytes: the start of the line, or (in a long line, such as minified
    // JSON) a window that begins a little before the finding's column.
    size_t from = 0;
    size_t col = loc.range.begin.column ? loc.range.begin.column - 1 : 0;
    if (line.size() > kSnippet && col > kSnippet / 3) from = std::min(col - kSnippet / 3, line.size());
    while (from > 0 && from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
    std::string_view window = line.substr(from, kSnippet);
    std::string out(window);
    if (secret) {
      const Range& r = loc.range;
      if (r.begin.line != r.end.line || r.end.column <= r.begin.column) return {};
      size_t b = r.begin.column - 1, e = std::min<size_t>(r.end.column - 1, line.size());
      if (b >= e || b < from) return {};
      std::string secret_text(line.substr(b, e - b));
      out = std::string(line.substr(from, b - from)) + redact_preview(secret_text) +
            std::string(line.substr(e, kSnippet));
    }
    if (out.size() > kSnippet) out.resize(kSnippet);
    return out;
  }

  static std::string render(const Rule& rule, const Blame& b, const Finding& f) {
    std::string out;
    const std::string& t = rule.message;
    for (size_t i = 0; i < t.size(); ++i) {
      size_t close = t[i] == '{' ? t.find('}', i) : std::string::npos;
      if (close == std::string::npos) {
        out += t[i];
        continue;
      }
      std::string key = t.substr(i + 1, close - i - 1);
      std::string val;
      if (key == "address") val = f.subject;
      else if (key == "type" || key == "name") {
        auto dot = f.subject.rfind('.');
        val = key == "name" && dot != std::string::npos ? f.subject.substr(dot + 1) : f.subject.substr(0, dot);
      } else if (key == "attribute") val = b.attribute;
      else if (key == "value") val = b.value;
      else if (key == "detail") val = b.detail;
      else if (key.rfind("params.", 0) == 0) {
        auto p = rule.params.find(key.substr(7));
        if (p != rule.params.end()) val = p->second.to_display();
      } else {
        out += t[i];
        continue;
      }
      out += shortened(std::move(val));
      i = close;
    }
    if (f.verdict == Verdict::Undetermined) {
      const std::string& why = f.expression.empty() ? b.detail : f.expression;
      // Already named in the message (perhaps shortened there): its start is enough to tell.
      if (out.find(why.substr(0, 60)) == std::string::npos) out += " (undetermined: depends on " + why + ")";
      else out += " (undetermined)";
    }
    return out;
  }

  /// The index of a scope's documents, built on first use (scopes are keyed by their list).
  ScopeIndex* scope_for(const std::vector<const Document*>& docs) {
    auto& slot = scopes_[&docs];
    if (!slot) slot = std::make_unique<ScopeIndex>(docs);
    return slot.get();
  }

  const Workspace& ws_;
  EngineResult& out_;
  ModuleIndex modules_;
  std::map<std::string, const Document*> by_path_;
  /// Line offsets of the documents findings point into, built on first use.
  mutable std::map<const Document*, std::vector<size_t>> line_starts_;
  std::map<const std::vector<const Document*>*, std::unique_ptr<ScopeIndex>> scopes_;
};

}  // namespace

EngineResult run_rules(const RuleSet& rules, const Workspace& workspace) {
  EngineResult out;
  Runner runner(workspace, out);
  for (const auto& rule : rules.rules()) runner.run(rule);
  scrub_findings(out.findings, workspace);
  auto key = [](const Finding& f) {
    return std::tie(f.location.path, f.location.range.begin.line, f.location.range.begin.column, f.rule_id,
                    f.message);
  };
  std::sort(out.findings.begin(), out.findings.end(),
            [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  std::stable_sort(out.checks.begin(), out.checks.end(), [](const Check& a, const Check& b) {
    return std::tie(a.rule_id, a.location.path, a.location.range.begin.line) <
           std::tie(b.rule_id, b.location.path, b.location.range.begin.line);
  });
  return out;
}

}  // namespace clearance
