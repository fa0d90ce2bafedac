// Secret scrubbing of output text: detect in the text and its source, replace everywhere.
#include "engine/scrub.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <re2/re2.h>

#include "engine/redact.h"
#include "secrets/scanner.h"

namespace clearance {

namespace {

constexpr std::string_view kBlockMark = "[redacted key block]";
constexpr size_t kContextLines = 20;  // lines of a finding's range used as context
constexpr size_t kMinPiece = 4;       // shortest secret prefix cut off at a text's end

struct Secret {
  std::string value;
  bool block_line = false;  // one line of a key block
};

bool is_block(const secrets::SecretHit& h) {
  return h.label == "private key" || h.range.end.line > h.range.begin.line;
}

// A JSON name/value pair whose name says it holds a secret (ECS `environment` entries): the
// text scanner does not read such pairs, the ECS rules do, so the scrubber reads them itself.
void collect_named_values(std::string_view text, std::vector<Secret>& out) {
  static const RE2 pair(
      R"re("name"\s*:\s*"[A-Za-z0-9_]*(?i:password|passwd|secret|token|api_?key|private_?key|credential)[A-Za-z0-9_]*"\s*,\s*"value"\s*:\s*"([^"\\]{6,})")re");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece value;
  while (RE2::FindAndConsume(&input, pair, &value)) out.push_back({std::string(value.data(), value.size()), false});
}

void collect(std::string_view text, std::vector<Secret>& out) {
  if (text.empty()) return;
  collect_named_values(text, out);
  for (const auto& h : secrets::Scanner::instance().scan(text, "")) {
    std::string_view s = text.substr(h.begin, h.end - h.begin);
    if (!is_block(h)) {
      if (s.find("…") == std::string_view::npos) out.push_back({std::string(s), false});
      continue;
    }
    // A key block: each of its lines is a secret of its own (a snippet holds one line).
    while (!s.empty()) {
      size_t nl = s.find('\n');
      std::string_view line = s.substr(0, nl);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      if (line.size() >= 12 && line.rfind("-----", 0) != 0) out.push_back({std::string(line), true});
      if (nl == std::string_view::npos) break;
      s.remove_prefix(nl + 1);
    }
  }
}

void replace_all(std::string& text, const std::string& what, std::string_view with) {
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size()))
    text.replace(pos, what.size(), with);
}

// A text clipped inside a secret ends with a prefix of it: that prefix goes too.
void cut_tail(std::string& text, const std::string& secret) {
  for (size_t k = std::min(secret.size() - 1, text.size()); k >= kMinPiece; --k) {
    if (text.compare(text.size() - k, k, secret, 0, k) == 0) {
      text.replace(text.size() - k, k, "[redacted]");
      return;
    }
  }
}

// Longest first (so a secret inside a longer one is replaced after it), each once.
void sort_unique(std::vector<Secret>& found) {
  std::sort(found.begin(), found.end(), [](const Secret& a, const Secret& b) {
    return a.value.size() != b.value.size() ? a.value.size() > b.value.size() : a.value < b.value;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Secret& a, const Secret& b) { return a.value == b.value; }),
              found.end());
}

std::vector<Secret> secrets_in(std::initializer_list<std::string_view> texts) {
  std::vector<Secret> found;
  for (auto t : texts) collect(t, found);
  sort_unique(found);
  return found;
}

void redact_all(std::string& text, const std::vector<Secret>& found) {
  for (const auto& s : found) {
    replace_all(text, s.value, s.block_line ? std::string(kBlockMark) : redact_preview(s.value));
    cut_tail(text, s.value);
  }
}

}  // namespace

std::string scrub_secrets(std::string_view text, std::string_view context) {
  std::string out(text);
  redact_all(out, secrets_in({text, context}));
  return out;
}

// Line start offsets of one document, built once per document that has findings.
struct SecretScrubber::Lines {
  explicit Lines(const Workspace& ws) {
    for (const auto& d : ws.documents) docs_.emplace(d.path, &d);
  }

  /// Lines first..last (1-based, inclusive, at most kContextLines) of `path`.
  std::string_view get(const std::string& path, uint32_t first, uint32_t last) {
    auto d = docs_.find(path);
    if (d == docs_.end() || first == 0) return {};
    auto [it, fresh] = starts_.try_emplace(path);
    std::vector<size_t>& starts = it->second;
    const std::string& src = d->second->source;
    if (fresh) {
      starts.push_back(0);
      for (size_t p = src.find('\n'); p != std::string::npos; p = src.find('\n', p + 1)) starts.push_back(p + 1);
    }
    if (first > starts.size()) return {};
    last = std::clamp<uint32_t>(last, first, static_cast<uint32_t>(std::min(starts.size(), first + kContextLines - 1)));
    size_t b = starts[first - 1];
    size_t e = last < starts.size() ? starts[last] - 1 : src.size();
    return std::string_view(src).substr(b, e - b);
  }

  /// The secrets in lines first..last of `path`, detected once per range: many findings
  /// point into the same long line (a minified task definition), which is scanned once.
  const std::vector<Secret>& secrets(const std::string& path, uint32_t first, uint32_t last) {
    auto key = std::make_tuple(path, first, last);
    auto it = secrets_.find(key);
    if (it == secrets_.end()) it = secrets_.emplace(key, secrets_in({get(path, first, last)})).first;
    return it->second;
  }

  std::unordered_map<std::string, const Document*> docs_;
  std::unordered_map<std::string, std::vector<size_t>> starts_;
  std::map<std::tuple<std::string, uint32_t, uint32_t>, std::vector<Secret>> secrets_;
};

SecretScrubber::SecretScrubber(const Workspace& ws) : lines_(std::make_unique<Lines>(ws)) {}
SecretScrubber::~SecretScrubber() = default;

std::string SecretScrubber::scrub(std::string_view text, const Location& where) {
  const Range& r = where.range;
  std::string out(text);
  std::vector<Secret> found = secrets_in({text});
  const auto& context = lines_->secrets(where.path, r.begin.line, r.end.line);
  found.insert(found.end(), context.begin(), context.end());
  sort_unique(found);
  redact_all(out, found);
  return out;
}

void SecretScrubber::scrub(Finding& f) {
  const Range& r = f.location.range;
  std::vector<Secret> found = secrets_in({f.message, f.snippet, f.expression, f.subject});
  const auto& context = lines_->secrets(f.location.path, r.begin.line, r.end.line);
  found.insert(found.end(), context.begin(), context.end());
  sort_unique(found);
  if (found.empty()) return;
  redact_all(f.message, found);
  redact_all(f.snippet, found);
  redact_all(f.expression, found);
  redact_all(f.subject, found);
}

void SecretScrubber::scrub(Diagnostic& d) { d.message = scrub(d.message, d.location); }

void scrub_findings(std::vector<Finding>& findings, const Workspace& ws) {
  SecretScrubber s(ws);
  for (auto& f : findings) s.scrub(f);
}

void scrub_diagnostics(std::vector<Diagnostic>& diagnostics, const Workspace& ws) {
  SecretScrubber s(ws);
  for (auto& d : diagnostics) s.scrub(d);
}

}  // namespace clearance
