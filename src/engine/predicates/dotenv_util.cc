// Shared .env predicate helpers. The word list for weak secrets is deliberately short: it
// names what people actually type as a stand-in secret, not a dictionary.
#include "engine/predicates/dotenv_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "engine/redact.h"

namespace clearance {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Alphanumeric runs of `s`, lower-cased.
std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (alnum(c)) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(lower(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

constexpr std::array<std::string_view, 12> kPlaceholderWords = {
    "changeme",    "changethis", "replaceme", "todo",   "tbd",   "fixme",
    "placeholder", "dummy",      "fillme",    "notset", "unset", "redacted"};

constexpr std::array<std::string_view, 16> kWeakWords = {
    "secret",  "password", "passwd",  "changeme", "letmein", "qwerty",   "admin", "default",
    "example", "sample",   "welcome", "test",     "token",   "mysecret", "hello", "dummy"};

size_t longest_sequential_run(std::string_view s) {
  size_t best = s.empty() ? 0 : 1, up = 1, down = 1;
  for (size_t i = 1; i < s.size(); ++i) {
    bool both = alnum(s[i]) && alnum(s[i - 1]);
    up = both && s[i] == s[i - 1] + 1 ? up + 1 : 1;
    down = both && s[i] == s[i - 1] - 1 ? down + 1 : 1;
    best = std::max({best, up, down});
  }
  return best;
}

// True when `s` is a shorter unit repeated (abcabcabc, xyxyxy); checks a bounded prefix.
bool is_repetition(std::string_view s) {
  s = s.substr(0, 4096);
  for (size_t p = 1; p <= s.size() / 2; ++p) {
    bool periodic = true;
    for (size_t i = p; i < s.size() && periodic; ++i) periodic = s[i] == s[i - p];
    if (periodic) return true;
  }
  return false;
}

}  // namespace

const std::string* dotenv_text(const Node& entry) {
  const Attribute* a = entry.attribute("value");
  return a && a->value.is_string() ? &a->value.as_string() : nullptr;
}

Range dotenv_value_range(const Node& entry) {
  const Attribute* a = entry.attribute("value");
  return a ? a->value.range() : Range{entry.range.begin, entry.range.begin};
}

bool dotenv_has_unresolved(const Node& entry) {
  return entry.attribute("unresolved") != nullptr;
}

Outcome dotenv_undetermined(const EvalContext& ctx, const Node& entry) {
  Blame b = dotenv_blame(ctx, entry, entry.name + " depends on the environment");
  std::string names;
  if (const Attribute* u = entry.attribute("unresolved"))
    for (const auto& v : u->value.items()) names += (names.empty() ? "$" : ", $") + v.as_string();
  b.expression = names;
  return Outcome::undetermined(std::move(b));
}

Blame dotenv_blame(const EvalContext& ctx, const Node& entry, std::string detail) {
  Blame b;
  b.location = ctx.at(dotenv_value_range(entry));
  b.subject = entry.name;
  b.attribute = "value";
  b.detail = std::move(detail);
  b.fingerprint_seed = entry.name;
  return b;
}

Blame dotenv_file_blame(const EvalContext& ctx, std::string detail) {
  Blame b;
  b.detail = std::move(detail);
  b.location = ctx.at(Range{{1, 1}, {1, 1}});
  // The first assignment stands for the file: unlike line 1 (often a comment), a fixture
  // annotation can precede it. Its snippet is rebuilt with the value redacted, since the
  // line may hold a secret and this finding is not about that value.
  for (const auto& c : ctx.document.root.children) {
    if (c.kind != "entry") continue;
    b.location = ctx.at(Range{c.range.begin, c.range.begin});
    const std::string* v = dotenv_text(c);
    b.snippet = c.name + "=" + (v && !v->empty() ? redact_preview(*v) : std::string());
    break;
  }
  return b;
}

std::string dotenv_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool dotenv_key_in(std::string_view key, const Value& args) {
  std::string k = dotenv_upper(key);
  if (const Value* names = args.get("names"))
    for (const auto& n : names->items())
      if (n.is_string() && dotenv_upper(n.as_string()) == k) return true;
  if (const Value* suffixes = args.get("suffixes")) {
    for (const auto& s : suffixes->items()) {
      if (!s.is_string()) continue;
      std::string suf = dotenv_upper(s.as_string());
      if (k.size() > suf.size() && k.compare(k.size() - suf.size(), suf.size(), suf) == 0)
        return true;
    }
  }
  return false;
}

std::string dotenv_placeholder_kind(std::string_view value) {
  if (value.empty()) return "";
  std::string l = lower(value);
  if (value.front() == '<' && value.back() == '>') return "an <angle-bracket> marker";
  if (l.rfind("your", 0) == 0 && (l.size() == 4 || !alnum(l[4]))) return "a your-...-here marker";
  if (l.size() > 5 && l.compare(l.size() - 5, 5, "_here") == 0) return "a your-...-here marker";
  if (l.size() > 5 && l.compare(l.size() - 5, 5, "-here") == 0) return "a your-...-here marker";
  if (l == "..." || l == "\xE2\x80\xA6") return "an ellipsis";
  std::string joined;
  for (const auto& t : tokens(value)) {
    joined += t;
    if (t.size() >= 3 && t.find_first_not_of('x') == std::string::npos) return "an xxx marker";
    for (auto w : kPlaceholderWords)
      if (t == w) return "a placeholder word";
  }
  // change_me, REPLACE-ME, change.this
  for (auto w : kPlaceholderWords)
    if (joined == w) return "a placeholder word";
  return "";
}

double dotenv_entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<size_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0, n = static_cast<double>(s.size());
  for (size_t c : counts) {
    if (c == 0) continue;
    double p = static_cast<double>(c) / n;
    h -= p * std::log2(p);
  }
  return h;
}

std::string dotenv_weakness(std::string_view secret, double min_entropy, size_t min_run) {
  if (secret.size() > 1 && is_repetition(secret)) return "is a repeated pattern";
  if (longest_sequential_run(secret) >= min_run)
    return "contains a sequential run (like abcdef or 123456)";
  std::string l = lower(secret);
  for (auto w : kWeakWords)
    if (l.find(w) != std::string::npos) return "contains a common word";
  double h = dotenv_entropy(secret);
  if (h < min_entropy) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "has low entropy (%.1f bits per character)", h);
    return buf;
  }
  return "";
}

std::vector<const Node*> dotenv_entries(const Document& doc) {
  std::vector<const Node*> out;
  for (const auto& c : doc.root.children)
    if (c.kind == "entry") out.push_back(&c);
  return out;
}

}  // namespace clearance
