// Word, flag, JSON-array and key/value scanning for Dockerfile instructions, following the
// builder's rules: the escape character protects the next character outside quotes; inside
// double quotes it protects only `"`, `$` and itself; single quotes are literal.
#include "parse/dockerfile/dockerfile_words.h"

#include <cctype>
#include <cstdint>

#include "model/utf8.h"

namespace clearance::dockerfile {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool starts_expansion(std::string_view t, size_t i) {
  if (i + 1 >= t.size()) return false;
  char n = t[i + 1];
  return n == '{' || n == '_' || std::isalpha(static_cast<unsigned char>(n));
}

/// Scans a word (or, with `to_end`, the rest of the text) from `i`; returns where it stops.
size_t scan(std::string_view t, size_t i, char esc, bool to_end, std::string* value, bool* expands,
            bool* unterminated) {
  char quote = 0;
  while (i < t.size()) {
    char c = t[i];
    if (!quote && !to_end && is_blank(c)) break;
    if (quote == '\'') {
      if (c == '\'')
        quote = 0;
      else
        value->push_back(c);
      ++i;
      continue;
    }
    if (c == esc && i + 1 < t.size()) {
      char n = t[i + 1];
      if (!quote || n == '"' || n == '$' || n == esc) {
        value->push_back(n);
      } else {
        value->push_back(c);
        value->push_back(n);
      }
      i += 2;
      continue;
    }
    if (c == '"' && quote == '"') {
      quote = 0;
      ++i;
      continue;
    }
    if (!quote && (c == '"' || c == '\'')) {
      quote = c;
      ++i;
      continue;
    }
    if (c == '$' && starts_expansion(t, i)) *expands = true;
    value->push_back(c);
    ++i;
  }
  if (quote && unterminated) *unterminated = true;
  return i;
}

}  // namespace

size_t skip_blanks(std::string_view text, size_t from) {
  while (from < text.size() && is_blank(text[from])) ++from;
  return from;
}

std::vector<Word> split_words(std::string_view text, size_t from, char escape, bool* unterminated) {
  std::vector<Word> out;
  size_t i = skip_blanks(text, from);
  while (i < text.size()) {
    Word w;
    w.begin = i;
    i = scan(text, i, escape, false, &w.value, &w.expands, unterminated);
    w.end = i;
    out.push_back(std::move(w));
    i = skip_blanks(text, i);
  }
  return out;
}

bool has_expansion(std::string_view raw, char escape) {
  std::string ignored;
  bool expands = false;
  scan(raw, 0, escape, true, &ignored, &expands, nullptr);
  return expands;
}

namespace {

/// Parses one JSON string at t[i] == '"'; returns the index after it, or npos.
size_t json_string(std::string_view t, size_t i, std::string* out) {
  for (++i; i < t.size(); ++i) {
    char c = t[i];
    if (c == '"') return i + 1;
    if (static_cast<unsigned char>(c) < 0x20) return std::string_view::npos;
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (++i >= t.size()) return std::string_view::npos;
    switch (t[i]) {
      case '"': out->push_back('"'); break;
      case '\\': out->push_back('\\'); break;
      case '/': out->push_back('/'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        if (i + 4 >= t.size()) return std::string_view::npos;
        uint32_t cp = 0;
        for (size_t k = 1; k <= 4; ++k) {
          char h = t[i + k];
          if (!std::isxdigit(static_cast<unsigned char>(h))) return std::string_view::npos;
          cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                   ? h - '0'
                                                   : (std::tolower(h) - 'a' + 10));
        }
        append_utf8(*out, cp);
        i += 4;
        break;
      }
      default: return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::vector<Word>> parse_json_array(std::string_view text, size_t from) {
  size_t i = skip_blanks(text, from);
  if (i >= text.size() || text[i] != '[') return std::nullopt;
  std::vector<Word> out;
  i = skip_blanks(text, i + 1);
  if (i < text.size() && text[i] == ']') {
    i = skip_blanks(text, i + 1);
    if (i == text.size()) return out;
    return std::nullopt;
  }
  while (i < text.size()) {
    if (text[i] != '"') return std::nullopt;
    Word w;
    w.begin = i;
    i = json_string(text, i, &w.value);
    if (i == std::string_view::npos) return std::nullopt;
    w.end = i;
    out.push_back(std::move(w));
    i = skip_blanks(text, i);
    if (i >= text.size()) return std::nullopt;
    if (text[i] == ']') {
      i = skip_blanks(text, i + 1);
      if (i == text.size()) return out;
      return std::nullopt;
    }
    if (text[i] != ',') return std::nullopt;
    i = skip_blanks(text, i + 1);
  }
  return std::nullopt;
}

namespace {

/// Index of the first '=' of raw word text outside quotes, or npos.
size_t equals_in(std::string_view raw) {
  char quote = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '=') {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<Pair> parse_pairs(std::string_view text, size_t from, char escape, bool legacy,
                              bool bare_keys, std::vector<std::string>* problems) {
  std::vector<Pair> out;
  bool unterminated = false;
  std::vector<Word> words = split_words(text, from, escape, &unterminated);
  if (unterminated) problems->push_back("unterminated quote");
  if (words.empty()) return out;
  std::string_view first(text.substr(words[0].begin, words[0].end - words[0].begin));
  if (legacy && equals_in(first) == std::string_view::npos && words.size() > 1) {
    // Legacy `KEY value with spaces`: the value is the rest of the line.
    Pair p;
    p.key = words[0].value;
    p.begin = words[0].begin;
    p.key_begin = words[0].begin;
    p.key_end = words[0].end;
    p.value_begin = words[1].begin;
    p.end = words.back().end;
    p.value_end = words.back().end;
    p.raw_value = std::string(text.substr(p.value_begin, p.value_end - p.value_begin));
    std::string value;
    scan(p.raw_value, 0, escape, true, &value, &p.expands, nullptr);
    p.value = std::move(value);
    out.push_back(std::move(p));
    return out;
  }
  for (const Word& w : words) {
    std::string_view raw(text.substr(w.begin, w.end - w.begin));
    size_t eq = equals_in(raw);
    Pair p;
    p.begin = w.begin;
    p.key_begin = w.begin;
    p.end = w.end;
    if (eq == std::string_view::npos) {
      if (!bare_keys) {
        problems->push_back("'" + w.value + "' must be of the form KEY=VALUE");
        continue;
      }
      p.key = w.value;
      p.key_end = p.end;
    } else {
      std::string key;
      bool ignored = false;
      scan(raw.substr(0, eq), 0, escape, true, &key, &ignored, nullptr);
      p.key = std::move(key);
      p.key_end = w.begin + eq;
      p.value_begin = p.key_end + 1;
      p.value_end = w.end;
      p.raw_value = std::string(raw.substr(eq + 1));
      std::string value;
      scan(p.raw_value, 0, escape, true, &value, &p.expands, nullptr);
      p.value = std::move(value);
    }
    if (p.key.empty()) {
      problems->push_back("empty key in '" + std::string(raw) + "'");
      continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace clearance::dockerfile
