// The suppression-comment scanner. It finds the marker with one substring search per
// occurrence, checks that it sits at the start of a comment (so a string containing the
// words does not count), and only then looks at the document's nodes to widen a block
// header's line to the whole block.
#include "suppress/inline_scan.h"

#include <algorithm>
#include <ctime>
#include <optional>
#include <string_view>

namespace clearance {

namespace {

constexpr std::string_view kMarker = "clearance:ignore";

struct CommentStyle {
  bool hash = true;
  bool slashes = false;  ///< `//` and `/* */`
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// JSON has no comments: ECS task definitions written as JSON are suppressed through the
/// configuration. ECS documents derived from Terraform carry the .tf path and use HCL's.
std::optional<CommentStyle> comment_style(const Document& doc) {
  switch (doc.format) {
    case Format::Terraform: return CommentStyle{true, true};
    case Format::Ecs:
      if (ends_with(doc.path, ".tf")) return CommentStyle{true, true};
      return std::nullopt;
    case Format::Text: return CommentStyle{true, true};
    case Format::Dockerfile:
    case Format::Nginx:
    case Format::Dotenv: return CommentStyle{true, false};
  }
  return std::nullopt;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

/// Length of the comment opener that ends right before `at` in `line`, or 0.
size_t opener_before(std::string_view line, size_t at, const CommentStyle& style) {
  size_t i = at;
  while (i > 0 && is_blank(line[i - 1])) --i;
  if (i >= 1 && style.hash && line[i - 1] == '#') return at - (i - 1);
  if (i >= 2 && style.slashes && (line.substr(i - 2, 2) == "//" || line.substr(i - 2, 2) == "/*"))
    return at - (i - 2);
  return 0;
}

bool is_comment_line(std::string_view line, const CommentStyle& style) {
  line = trim(line);
  if (line.empty()) return false;
  if (style.hash && line.front() == '#') return true;
  return style.slashes && (line.starts_with("//") || line.starts_with("/*"));
}

/// Splits the text after the marker into rule ids, `until=` and the reason.
void parse_body(std::string_view body, InlineSuppression& s) {
  body = trim(body);
  if (ends_with(body, "*/")) body = trim(body.substr(0, body.size() - 2));
  size_t end = 0;
  while (end < body.size() && !is_blank(body[end])) ++end;
  std::string_view ids = body.substr(0, end);
  std::string reason;
  if (!ids.empty() && !ids.starts_with("until=")) {
    size_t start = 0;
    while (start <= ids.size()) {
      size_t comma = ids.find(',', start);
      if (comma == std::string_view::npos) comma = ids.size();
      std::string_view id = trim(ids.substr(start, comma - start));
      if (!id.empty()) s.rule_ids.emplace_back(id);
      start = comma + 1;
    }
    body.remove_prefix(end);
  }
  // The rest: words, one of which may be until=DATE.
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && is_blank(body[i])) ++i;
    size_t j = i;
    while (j < body.size() && !is_blank(body[j])) ++j;
    std::string_view word = body.substr(i, j - i);
    if (word.starts_with("until=") && s.until_text.empty()) {
      s.until_text = std::string(word.substr(6));
      s.until = parse_iso_date(s.until_text);
    } else if (!word.empty()) {
      if (!reason.empty()) reason += ' ';
      reason += word;
    }
    i = j;
  }
  // Separators people put between the ids and the reason are not part of it.
  std::string_view r = reason;
  while (!r.empty() && (r.front() == '-' || r.front() == ':' || r.front() == ' '))
    r.remove_prefix(1);
  s.reason = std::string(r);
}

/// (begin line, end line) of every node below the root, sorted by begin line.
void collect_blocks(const Node& node, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  for (const Node& child : node.children) {
    if (child.range.end.line > child.range.begin.line)
      out.emplace_back(child.range.begin.line, child.range.end.line);
    collect_blocks(child, out);
  }
}

}  // namespace

int parse_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return 0;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t k = 0; k < lens[p]; ++k) {
      char c = t[starts[p] + k];
      if (c < '0' || c > '9') return 0;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  int y = parts[0], m = parts[1], d = parts[2];
  if (y < 1970 || m < 1 || m > 12 || d < 1) return 0;
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > max_day) return 0;
  return y * 10000 + m * 100 + d;
}

int today_yyyymmdd() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

std::vector<InlineSuppression> scan_inline_suppressions(const Document& doc) {
  std::vector<InlineSuppression> out;
  std::string_view src = doc.source;
  size_t pos = src.find(kMarker);
  if (pos == std::string_view::npos) return out;
  auto style = comment_style(doc);
  if (!style) return out;

  // Line starts, computed once for the whole file.
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < src.size(); ++i)
    if (src[i] == '\n') starts.push_back(i + 1);
  auto line_text = [&](size_t index) {  // 0-based line index
    size_t b = starts[index];
    size_t e = index + 1 < starts.size() ? starts[index + 1] : src.size();
    return src.substr(b, e - b);
  };

  std::vector<std::pair<uint32_t, uint32_t>> blocks;
  bool blocks_ready = false;
  for (; pos != std::string_view::npos; pos = src.find(kMarker, pos + kMarker.size())) {
    size_t index = std::upper_bound(starts.begin(), starts.end(), pos) - starts.begin() - 1;
    std::string_view line = line_text(index);
    size_t col = pos - starts[index];
    size_t after = col + kMarker.size();
    if (after < line.size() && !is_blank(line[after]) && line[after] != '\n')
      continue;  // e.g. ignore-file
    size_t opener = opener_before(line, col, *style);
    if (opener == 0) continue;
    InlineSuppression s;
    s.line = static_cast<uint32_t>(index + 1);
    s.column = static_cast<uint32_t>(col + 1);
    parse_body(line.substr(after), s);

    bool own_line = trim(line.substr(0, col - opener)).empty();
    size_t target = index;
    if (own_line) {
      target = index + 1;
      while (target < starts.size() &&
             (trim(line_text(target)).empty() || is_comment_line(line_text(target), *style)))
        ++target;
      if (target >= starts.size()) target = index;  // nothing follows: covers only itself
    }
    s.first_line = s.last_line = static_cast<uint32_t>(target + 1);
    if (!blocks_ready) {
      collect_blocks(doc.root, blocks);
      blocks_ready = true;
    }
    for (const auto& [begin, end] : blocks)
      if (begin == s.first_line) s.last_line = std::max(s.last_line, end);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace clearance
