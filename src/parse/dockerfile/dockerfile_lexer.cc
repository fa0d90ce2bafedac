// Dockerfile lexer. One pass over physical lines: parser directives at the top, then
// instructions. An instruction line ending in the escape character (blanks after it allowed)
// continues on the next line; comment lines and empty lines inside a continuation are dropped,
// as the builder does. After an instruction of RUN, COPY or ADD, the bodies of its heredoc
// markers are read in order, each up to its delimiter line.
#include "parse/dockerfile/dockerfile_lexer.h"

#include <algorithm>
#include <cctype>

namespace clearance::dockerfile {

LineIndex::LineIndex(std::string_view source) : size_(static_cast<uint32_t>(source.size())) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < size_; ++i)
    if (source[i] == '\n') starts_.push_back(i + 1);
}

Position LineIndex::position(uint32_t offset) const {
  offset = std::min(offset, size_);
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  auto line = static_cast<uint32_t>(it - starts_.begin());  // >= 1: starts_[0] == 0
  return {line, offset - starts_[line - 1] + 1};
}

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

/// One physical line: [begin, end) excludes the line break (and a CR before it).
struct PhysLine {
  uint32_t begin;
  uint32_t end;
  uint32_t next;  ///< where the following line starts
};

class Reader {
 public:
  // BuildKit skips a UTF-8 byte order mark at the start of the file.
  explicit Reader(std::string_view s) : s_(s), pos_(s.starts_with("\xEF\xBB\xBF") ? 3 : 0) {}
  bool done() const { return pos_ >= s_.size(); }
  PhysLine next() {
    auto begin = static_cast<uint32_t>(pos_);
    size_t nl = s_.find('\n', pos_);
    size_t end = nl == std::string_view::npos ? s_.size() : nl;
    pos_ = nl == std::string_view::npos ? s_.size() : nl + 1;
    if (end > begin && s_[end - 1] == '\r') --end;
    return {begin, static_cast<uint32_t>(end), static_cast<uint32_t>(pos_)};
  }
  PhysLine peek() {
    size_t saved = pos_;
    PhysLine l = next();
    pos_ = saved;
    return l;
  }

 private:
  std::string_view s_;
  size_t pos_;
};

std::string_view text_of(std::string_view s, const PhysLine& l) {
  return s.substr(l.begin, l.end - l.begin);
}

std::string_view trim_left(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && (is_blank(t[i]) || t[i] == '\r')) ++i;
  return t.substr(i);
}

std::string lower(std::string_view t) {
  std::string out(t);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Parses `# key=value` when it is a directive the builder knows; returns the key, or "".
std::string directive(std::string_view line, std::string* value) {
  line = trim_left(line);
  if (line.empty() || line[0] != '#') return "";
  line = trim_left(line.substr(1));
  size_t k = 0;
  while (k < line.size() && std::isalnum(static_cast<unsigned char>(line[k]))) ++k;
  if (k == 0 || !std::isalpha(static_cast<unsigned char>(line[0]))) return "";
  std::string key = lower(line.substr(0, k));
  std::string_view rest = trim_left(line.substr(k));
  if (rest.empty() || rest[0] != '=') return "";
  rest = trim_left(rest.substr(1));
  while (!rest.empty() && (is_blank(rest.back()) || rest.back() == '\r')) rest.remove_suffix(1);
  if (key != "escape" && key != "syntax" && key != "check") return "";
  *value = std::string(rest);
  return key;
}

/// Where a continuation escape sits at the end of [begin,end), or npos.
size_t continuation_at(std::string_view s, const PhysLine& l, char escape) {
  size_t e = l.end;
  while (e > l.begin && is_blank(s[e - 1])) --e;
  if (e > l.begin && s[e - 1] == escape) return e - 1;
  return std::string_view::npos;
}

bool takes_heredocs(std::string_view text) {
  text = trim_left(text);
  size_t k = 0;
  while (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k]))) ++k;
  std::string kw = lower(text.substr(0, k));
  return kw == "run" || kw == "copy" || kw == "add";
}

/// Finds `<<WORD`, `<<-WORD`, `<<"WORD"` markers in the joined text of an instruction.
void find_heredoc_markers(LogicalLine& ll) {
  const std::string& t = ll.text;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] != '<' || t[i + 1] != '<') continue;
    if (i > 0 && t[i - 1] == '<') continue;
    size_t j = i + 2;
    Heredoc h;
    if (j < t.size() && t[j] == '-') h.strip_tabs = true, ++j;
    char quote = 0;
    if (j < t.size() && (t[j] == '"' || t[j] == '\'')) quote = t[j++], h.quoted = true;
    size_t w = j;
    while (j < t.size() && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '_')) ++j;
    if (j == w || std::isdigit(static_cast<unsigned char>(t[w]))) continue;
    h.delimiter = t.substr(w, j - w);
    if (quote) {
      if (j >= t.size() || t[j] != quote) continue;
      ++j;
    }
    h.marker_begin = ll.source_offset(i);
    h.marker_end = ll.source_offset(j);
    ll.heredocs.push_back(std::move(h));
    i = j - 1;
  }
}

/// Reads the bodies of `ll`'s heredocs from `r`, in order.
void read_heredoc_bodies(std::string_view s, Reader& r, LogicalLine& ll, Lexed& out) {
  for (auto& h : ll.heredocs) {
    h.body_begin = h.body_end = r.done() ? static_cast<uint32_t>(s.size()) : r.peek().begin;
    h.terminated = false;
    std::string body;
    bool first = true;
    while (!r.done()) {
      PhysLine l = r.next();
      std::string_view line = text_of(s, l);
      std::string_view cmp = line;
      if (h.strip_tabs)
        while (!cmp.empty() && cmp[0] == '\t') cmp.remove_prefix(1);
      ll.end = l.end;
      if (cmp == h.delimiter) {
        h.terminated = true;
        break;
      }
      if (!first) body += '\n';
      body.append(cmp);
      first = false;
      h.body_end = l.end;
    }
    h.body = std::move(body);
    if (!h.terminated)
      out.problems.push_back(
          {"heredoc '" + h.delimiter + "' is not terminated", h.marker_begin, h.marker_end});
  }
}

}  // namespace

Lexed lex(std::string_view s) {
  Lexed out;
  Reader r(s);
  // Parser directives: only at the very top, before any other line.
  while (!r.done()) {
    PhysLine l = r.peek();
    std::string value;
    std::string key = directive(text_of(s, l), &value);
    if (key.empty()) break;
    r.next();
    if (key != "escape") continue;
    if (value == "\\" || value == "`")
      out.escape = value[0];
    else
      out.problems.push_back({"invalid escape directive '" + value + "'", l.begin, l.end});
  }
  const char esc = out.escape;
  while (!r.done()) {
    PhysLine l = r.next();
    std::string_view line = trim_left(text_of(s, l));
    if (line.empty() || line[0] == '#') continue;
    LogicalLine ll;
    ll.begin = l.end - static_cast<uint32_t>(line.size());
    PhysLine cur{ll.begin, l.end, l.next};
    for (;;) {
      size_t cont = continuation_at(s, cur, esc);
      uint32_t stop = cont == std::string_view::npos ? cur.end : static_cast<uint32_t>(cont);
      for (uint32_t i = cur.begin; i < stop; ++i) {
        ll.text.push_back(s[i]);
        ll.offsets.push_back(i);
      }
      ll.end = cur.end;
      if (cont == std::string_view::npos || r.done()) break;
      // Skip comment and empty lines inside the continuation.
      PhysLine n = r.next();
      while (!r.done()) {
        std::string_view t = trim_left(text_of(s, n));
        if (!t.empty() && t[0] != '#') break;
        n = r.next();
      }
      std::string_view t = trim_left(text_of(s, n));
      if (t.empty() || t[0] == '#') break;
      cur = n;
    }
    ll.offsets.push_back(ll.end);
    if (takes_heredocs(ll.text)) {
      find_heredoc_markers(ll);
      read_heredoc_bodies(s, r, ll, out);
    }
    out.lines.push_back(std::move(ll));
  }
  return out;
}

}  // namespace clearance::dockerfile
