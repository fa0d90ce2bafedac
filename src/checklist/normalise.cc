// Normalisation is byte-wise: every non-ASCII byte (emoji, accents) is a separator, which is
// what the matching needs and is safe on invalid UTF-8.
#include "checklist/normalise.h"

#include <cctype>

namespace clearance {

namespace {

/// `text` with `(...)` remarks and `code` spans removed (when `drop_code`).
std::string drop_remarks(std::string_view text, bool drop_code) {
  std::string out;
  int depth = 0;
  bool in_code = false;
  for (char c : text) {
    if (c == '`') {
      in_code = !in_code;
      if (drop_code) continue;
    }
    if (drop_code && in_code) continue;
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')' && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0) out += c;
  }
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string normalise_phrase(std::string_view text) {
  std::string without = drop_remarks(text, true);
  std::string out;
  bool space = false;
  for (char ch : without) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  return out;
}

std::string normalise_display(std::string_view text) {
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || ch == '#' || ch == '*') continue;
    out += ch;
  }
  return trim(out);
}

std::vector<std::string> code_spans(std::string_view text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (true) {
    size_t open = text.find('`', at);
    if (open == std::string_view::npos) break;
    size_t close = text.find('`', open + 1);
    if (close == std::string_view::npos) break;
    out.emplace_back(text.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return out;
}

std::string bare_item_text(std::string_view text) {
  std::string out;
  for (char c : drop_remarks(text, false))
    if (c != '*' && c != '`') out += c;
  return trim(out);
}

}  // namespace clearance
