// The .env parser: one pass over the lines of the file. Each assignment line (or the lines
// of a multi-line quoted value) becomes an "entry" node; values are decoded by
// dotenv_expand.cc with the keys defined so far as the expansion scope.
//
// Linear time: the search for a closing quote remembers, per quote character, the earliest
// offset from which none was found, so a file of unterminated quotes is not rescanned.
#include "parse/dotenv/dotenv_parser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include "parse/dotenv/dotenv_expand.h"
#include "parse/dotenv/dotenv_names.h"

namespace clearance {

namespace {

constexpr size_t kMaxWarnings = 100;
constexpr size_t kBinaryProbe = 8192;
constexpr size_t npos = std::string_view::npos;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}
int quote_index(char c) {
  return c == '"' ? 0 : c == '\'' ? 1 : c == '`' ? 2 : -1;
}

std::string without_cr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

class Parser {
 public:
  explicit Parser(Document& doc) : doc_(doc), src_(doc.source) {
    starts_.push_back(0);
    for (size_t i = 0; i < src_.size(); ++i)
      if (src_[i] == '\n') starts_.push_back(i + 1);
    no_close_from_.fill(npos);
  }

  void run() {
    Node& root = doc_.root;
    root = Node{};
    root.kind = "env_file";
    std::string_view base = dotenv_base_name(doc_.path.empty() ? doc_.disk_path : doc_.path);
    root.name = std::string(base);
    root.range = {pos(0), pos(src_.size())};
    std::string env = dotenv_environment_from_name(base);
    root.attributes.push_back({"template", Value::boolean(is_dotenv_template_name(base)), {}});
    root.attributes.push_back({"production", Value::boolean(env == "production"), {}});
    root.attributes.push_back({"environment", Value::string(env), {}});

    if (std::memchr(src_.data(), '\0', std::min(src_.size(), kBinaryProbe)) != nullptr) {
      warn("binary content: not read as a .env file", 0, 0);
      return;
    }
    size_t p = src_.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 byte order mark
    while (p < src_.size()) p = line(p);
  }

 private:
  Position pos(size_t off) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    size_t idx = static_cast<size_t>(it - starts_.begin()) - 1;
    return {static_cast<uint32_t>(idx + 1), static_cast<uint32_t>(off - starts_[idx] + 1)};
  }
  Range range(size_t b, size_t e) const { return {pos(b), pos(e)}; }

  size_t line_end(size_t off) const {
    size_t nl = src_.find('\n', off);
    return nl == npos ? src_.size() : nl;
  }
  // End of the line's content: before "\n" or "\r\n".
  size_t content_end(size_t off) const {
    size_t e = line_end(off);
    return e > off && src_[e - 1] == '\r' ? e - 1 : e;
  }
  size_t next_line(size_t off) const {
    size_t e = line_end(off);
    return e == src_.size() ? e : e + 1;
  }
  size_t skip_blank(size_t i, size_t e) const {
    while (i < e && is_blank(src_[i])) ++i;
    return i;
  }

  void warn(std::string message, size_t b, size_t e) {
    if (warnings_ > kMaxWarnings) return;
    if (++warnings_ > kMaxWarnings) message = "too many malformed lines; further ones not reported";
    doc_.diagnostics.push_back(
        {Diagnostic::Level::Warning, std::move(message), {doc_.path, range(b, e)}});
  }

  // Offset of the quote closing one opened just before `from`, or npos.
  size_t find_close(char q, size_t from) {
    size_t& memo = no_close_from_[static_cast<size_t>(quote_index(q))];
    if (memo != npos && from >= memo) return npos;
    for (size_t k = from; k < src_.size(); ++k) {
      if (q == '"' && src_[k] == '\\') {
        ++k;
        continue;
      }
      if (src_[k] == q) return k;
    }
    memo = memo == npos ? from : std::min(memo, from);
    return npos;
  }

  // Parses the line starting at `start`; returns where the next line starts.
  size_t line(size_t start) {
    size_t e = content_end(start);
    size_t i = start;
    if (start == 0 && src_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    i = skip_blank(i, e);
    if (i == e || src_[i] == '#') return next_line(start);
    if (src_.substr(i, 6) == "export" && i + 6 < e && is_blank(src_[i + 6]))
      i = skip_blank(i + 6, e);

    size_t key_b = i;
    while (i < e && !is_blank(src_[i]) && src_[i] != '=' && src_[i] != '#') ++i;
    size_t key_e = i;
    std::string_view key = src_.substr(key_b, key_e - key_b);
    if (key.empty() || !std::all_of(key.begin(), key.end(), key_char)) {
      warn("malformed line: expected KEY=VALUE", key_b, e);
      return next_line(start);
    }
    i = skip_blank(i, e);
    if (i == e || src_[i] == '#') {  // a bare `KEY`: the loaders take it from the environment
      add_entry(start, key, key_b, key_e, e, Value::null(range(key_e, key_e)), "", {key_e, key_e},
                {});
      return next_line(start);
    }
    if (src_[i] != '=') {
      warn("malformed line: expected '=' after " + std::string(key), i, e);
      return next_line(start);
    }
    size_t v = skip_blank(i + 1, e);
    if (v < e && quote_index(src_[v]) >= 0) {
      char q = src_[v];
      size_t close = find_close(q, v + 1);
      if (close != npos) return quoted(start, key, key_b, key_e, v, close);
      warn("unterminated quote: the value is read to the end of the line", v, e);
    }
    return unquoted(start, key, key_b, key_e, v, e);
  }

  size_t quoted(size_t start, std::string_view key, size_t key_b, size_t key_e, size_t open,
                size_t close) {
    char q = src_[open];
    size_t ce = content_end(close);
    size_t k = skip_blank(close + 1, ce);
    if (k < ce && src_[k] != '#') warn("unexpected text after the closing quote", k, ce);
    std::string content = without_cr(src_.substr(open + 1, close - open - 1));
    std::vector<std::string> unresolved;
    bool dq = q == '"';
    std::string decoded = decode_dotenv_value(content, dq, dq, scope_, unresolved);
    add_entry(start, key, key_b, key_e, ce,
              Value::string(std::move(decoded), range(open + 1, close)),
              src_.substr(open, close + 1 - open), {open, close + 1}, std::move(unresolved));
    return next_line(close);
  }

  size_t unquoted(size_t start, std::string_view key, size_t key_b, size_t key_e, size_t v,
                  size_t e) {
    size_t end = v;
    while (end < e && !(src_[end] == '#' && end > 0 && is_blank(src_[end - 1]))) ++end;
    while (end > v && is_blank(src_[end - 1])) --end;
    std::string_view text = src_.substr(v, end - v);
    std::vector<std::string> unresolved;
    std::string decoded = decode_dotenv_value(text, false, true, scope_, unresolved);
    add_entry(start, key, key_b, key_e, e, Value::string(std::move(decoded), range(v, end)), text,
              {v, end}, std::move(unresolved));
    return next_line(start);
  }

  void add_entry(size_t start, std::string_view key, size_t key_b, size_t key_e, size_t end,
                 Value value, std::string_view raw, std::pair<size_t, size_t> raw_span,
                 std::vector<std::string> unresolved) {
    std::string k(key);
    auto [it, fresh] = seen_.emplace(k, pos(key_b).line);
    if (!fresh)
      warn(k + " is set again (first on line " + std::to_string(it->second) +
               "); the last value wins",
           key_b, key_e);
    Node n;
    n.kind = "entry";
    n.type = k;
    n.name = k;
    n.range = range(start, end);
    Range attr_range = range(key_b, std::max(raw_span.second, key_e));
    if (value.is_string()) scope_[k] = value.as_string();
    n.attributes.push_back({"value", std::move(value), attr_range});
    n.attributes.push_back({"raw",
                            Value::string(std::string(raw), range(raw_span.first, raw_span.second)),
                            attr_range});
    if (!unresolved.empty()) {
      std::vector<Value> names;
      for (auto& u : unresolved) names.push_back(Value::string(std::move(u)));
      n.attributes.push_back({"unresolved", Value::list(std::move(names)), attr_range});
    }
    doc_.root.children.push_back(std::move(n));
  }

  Document& doc_;
  std::string_view src_;
  std::vector<size_t> starts_;
  std::array<size_t, 3> no_close_from_{};
  DotenvScope scope_;
  std::map<std::string, uint32_t> seen_;
  size_t warnings_ = 0;
};

}  // namespace

void parse_dotenv(Document& doc) {
  Parser(doc).run();
}

}  // namespace clearance
